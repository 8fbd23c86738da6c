/**
 * Prints the gzipped size of the task pane's initial JavaScript: the scripts that taskpane.html
 * loads before the user does anything (lazy pane chunks are listed separately).
 * Builds production first unless --no-build is given. Goal: initial JavaScript ≤ 300 KB gzipped.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { parse } from "acorn";

const dist = "dist";
if (!process.argv.includes("--no-build") || !existsSync(join(dist, "taskpane.html"))) {
  const r = spawnSync(process.execPath, ["node_modules/webpack/bin/webpack.js", "--mode", "production"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const html = readFileSync(join(dist, "taskpane.html"), "utf8");
const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
const kb = (n) => (n / 1024).toFixed(1);
let total = 0;
console.log("Initial JavaScript of taskpane.html (gzipped):");
for (const file of initial) {
  const gz = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += gz;
  console.log(`  ${file.padEnd(40)} ${kb(gz).padStart(8)} KB`);
}
console.log(`  ${"total".padEnd(40)} ${kb(total).padStart(8)} KB  (goal ≤ 300 KB)`);
const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !initial.includes(f) && !f.startsWith("commands"));
if (lazy.length) {
  console.log("Lazy chunks (loaded when a pane opens, gzipped):");
  for (const f of lazy.sort()) console.log(`  ${f.padEnd(40)} ${kb(gzipSync(readFileSync(join(dist, f)), { level: 9 }).length).padStart(8)} KB`);
}
if (total > 300 * 1024) {
  console.error("Initial JavaScript exceeds 300 KB gzipped.");
  process.exitCode = 1;
}

// Syntax target: the pane supports the webviews listed in the README (WebView2/Chromium 94+,
// Safari 16.4+ WKWebView, current browsers for Excel on the web): ES2022 at most (Fluent UI's
// tabster uses class static blocks, @noble/hashes class fields). A chunk using newer syntax would
// not even parse there.
const SYNTAX = 2022;
let unparsable = 0;
for (const f of readdirSync(dist).filter((x) => x.endsWith(".js"))) {
  try {
    parse(readFileSync(join(dist, f), "utf8"), { ecmaVersion: SYNTAX, sourceType: "script" });
  } catch (e) {
    console.error(`${f} does not parse as ES${SYNTAX} (${e.message}): the supported webviews cannot run it.`);
    unparsable++;
  }
}
if (unparsable > 0) process.exitCode = 1;
else console.log(`All bundles parse as ES${SYNTAX}.`);
