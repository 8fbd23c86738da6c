/**
 * Starts a computation worker. Kept apart (and imported only when `Worker` exists) because
 * `import.meta.url` is what lets webpack 5 bundle the worker as its own chunk, and jest's CommonJS
 * cannot parse it. The task pane's Content-Security-Policy allows it: worker-src 'self'.
 */
export function spawnComputeWorker(): Worker {
  return new Worker(new URL("./compute.worker.ts", import.meta.url), { name: "virkning-beregning" });
}
