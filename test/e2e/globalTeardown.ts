import type * as http from "node:http";

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __virkningServer?: http.Server }).__virkningServer;
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
}
