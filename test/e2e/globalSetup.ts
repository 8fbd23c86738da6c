/**
 * Builds, once per test run, the preview (webpack, development mode, into build/preview-e2e) and
 * the production task pane (as `npm run build` makes it, into build/taskpane-e2e), and serves
 * both over plain http on a free localhost port. Workers read the URLs from
 * VIRKNING_PREVIEW_URL and VIRKNING_TASKPANE_URL (the production pane lives under /addin/).
 */
import * as http from "node:http";
import * as fs from "node:fs";
import * as path from "node:path";
import type { AddressInfo } from "node:net";

const root = path.resolve(__dirname, "../..");
const outDir = path.join(root, "build", "preview-e2e");
const addinDir = path.join(root, "build", "taskpane-e2e");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
};

async function build(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const preview = makeConfig({ preview: true, outDir }, { mode: "development" });
  preview.devtool = false;
  const addin = makeConfig({ outDir: addinDir }, { mode: "production" });
  addin.devtool = false;
  await new Promise<void>((resolve, reject) => {
    webpack([preview, addin], (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

export default async function globalSetup(): Promise<void> {
  await build();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const addin = url.pathname.startsWith("/addin/");
    const base = addin ? addinDir : outDir;
    let file = path.normalize(path.join(base, decodeURIComponent(addin ? url.pathname.slice("/addin".length) : url.pathname)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  process.env.VIRKNING_PREVIEW_URL = `http://localhost:${port}/preview.html`;
  process.env.VIRKNING_TASKPANE_URL = `http://localhost:${port}/addin/taskpane.html`;
  (globalThis as { __virkningServer?: http.Server }).__virkningServer = server;
}
