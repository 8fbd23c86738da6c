/**
 * Benchmarks: compiles bench/*.bench.ts with TypeScript into build/bench (CommonJS) and runs each
 * file's `run()` in its own Node process (so memory numbers are per benchmark), then prints a
 * table with the targets. Exits non-zero when a target is missed.
 *   npm run bench               all benchmarks
 *   npm run bench -- stats      only bench/stats.bench.ts
 */
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(".");
const out = join(root, "build", "bench");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify({
    extends: "../../tsconfig.json",
    compilerOptions: { module: "commonjs", moduleResolution: "node", outDir: ".", rootDir: "../..", noEmit: false, sourceMap: false, isolatedModules: false, types: ["node"] },
    include: ["../../bench/**/*.ts", "../../src/core/**/*.ts"],
  }),
);
const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(out, "tsconfig.json")], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const only = process.argv.slice(2);
const files = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
let failed = false;
for (const f of files) {
  const js = join(out, "bench", f.replace(/\.ts$/, ".js"));
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", "-e", `Promise.resolve(require(${JSON.stringify(js)}).run()).then(r => process.stdout.write("\\n@@ROWS" + JSON.stringify(r)))`], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(`${f}: failed\n${r.stderr}`);
    failed = true;
    continue;
  }
  const [log, json] = r.stdout.split("\n@@ROWS");
  if (log.trim()) console.log(log.trim());
  const rows = JSON.parse(json);
  console.log(`\n${f}`);
  for (const row of rows) {
    const okMs = row.targetMs === undefined || row.ms <= row.targetMs;
    const okMB = row.targetMB === undefined || (row.peakMB ?? 0) <= row.targetMB;
    if (!okMs || !okMB) failed = true;
    const parts = [
      `${row.name.padEnd(58)}`,
      `${row.ms.toFixed(2).padStart(10)} ms`,
      row.targetMs !== undefined ? `(target ≤ ${row.targetMs} ms)` : "",
      row.peakMB !== undefined ? `${row.peakMB.toFixed(0)} MB${row.targetMB !== undefined ? ` (target ≤ ${row.targetMB} MB)` : ""}` : "",
      row.referenceMs !== undefined ? `${row.reference ?? "reference"}: ${row.referenceMs.toFixed(2)} ms, ratio ${(row.ms / row.referenceMs).toFixed(2)}` : "",
      okMs && okMB ? "" : "MISSED",
      row.note ?? "",
    ];
    console.log("  " + parts.filter(Boolean).join("  "));
  }
}
process.exit(failed ? 1 : 0);
