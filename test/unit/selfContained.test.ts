/**
 * The project is self-contained (issue 23, item 1): no source, test, script or config file refers
 * to a path outside the repository, so a fresh clone runs `npm test` with nothing beside it.
 * Checked statically: absolute machine paths, the shared seed folder, and every relative path
 * literal (imports, `path.join(__dirname, …)`, `new URL("..", import.meta.url)`, R/Python paths
 * relative to the working directory) resolved to where it points.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const SCANNED_DIRS = ["src", "test", "scripts", "bench", "config", ".ci"];
const ROOT_FILES = ["jest.config.js", "webpack.config.js", "eslint.config.mjs", "tsconfig.json", "package.json", "manifest.xml"];
const CODE = /\.(ts|tsx|js|cjs|mjs|json|R|py|sh|html)$|^run$/;
/** Files whose relative paths are relative to another directory than their own (they write a config there). */
const BASE_OF: Record<string, string> = { "scripts/bench.mjs": "build/bench" };
/** Scripts run from the repository root whose bare paths are relative to the working directory. */
const CWD_RELATIVE = /\.(R|py|sh)$|^\.ci\/run$/;

function walk(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) {
      // Frozen data, not code: fixtures are read by tests, they read nothing.
      if (rel !== "test/fixtures") walk(rel, out);
    } else if (CODE.test(e.name)) out.push(rel);
  }
  return out;
}

function scannedFiles(): string[] {
  return [...SCANNED_DIRS.filter((d) => fs.existsSync(path.join(ROOT, d))).flatMap((d) => walk(d, [])), ...ROOT_FILES.filter((f) => fs.existsSync(path.join(ROOT, f)))];
}

const inside = (abs: string) => abs === ROOT || abs.startsWith(ROOT + path.sep);
const stringLiterals = (text: string) => [...text.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map((m) => m[2]).filter((s) => !s.includes("${"));

/** Problems in one file's text, as "file: what". `file` is relative to the root, with forward slashes. */
export function outsideReferences(file: string, text: string): string[] {
  const problems: string[] = [];
  const here = path.join(ROOT, BASE_OF[file] ?? path.posix.dirname(file));
  // Built from pieces so this file does not match itself.
  const machinePath = new RegExp(["/wo" + "rk/", "/ho" + "me/", "/ro" + "ot/", "/Us" + "ers/", "[A-Z]:\\\\\\\\Us" + "ers"].join("|"));
  const sharedFolder = new RegExp(["\\.\\./sha" + "red\\b", "sha" + "red/se" + "eds"].join("|"));
  for (const [n, line] of text.split("\n").entries()) {
    if (machinePath.test(line)) problems.push(`${file}:${n + 1}: absolute machine path: ${line.trim()}`);
    if (sharedFolder.test(line)) problems.push(`${file}:${n + 1}: the shared folder beside the repository: ${line.trim()}`);
  }
  for (const lit of stringLiterals(text)) {
    if (!/^\.\.(\/|$)/.test(lit)) continue;
    const base = CWD_RELATIVE.test(file) ? ROOT : here;
    if (!inside(path.resolve(base, lit))) problems.push(`${file}: "${lit}" points outside the repository`);
  }
  // path.join / path.resolve (also join(…)/resolve(…) imported bare) from __dirname, each ".." a separate argument.
  for (const m of text.matchAll(/\b(?:join|resolve)\(\s*__dirname((?:\s*,\s*(["'])[^"'\n]*\2)*)/g)) {
    const parts = [...m[1].matchAll(/(["'])([^"'\n]*)\1/g)].map((p) => p[2]);
    if (!inside(path.resolve(path.join(ROOT, path.posix.dirname(file)), ...parts))) problems.push(`${file}: ${m[0]}) points outside the repository`);
  }
  return problems;
}

describe("the repository is self-contained", () => {
  it("scans the test, script, config and source files (the scan sees this very file and the catalogue test)", () => {
    const files = scannedFiles();
    expect(files).toEqual(expect.arrayContaining(["test/unit/selfContained.test.ts", "test/unit/theory/catalogue.test.ts", "scripts/ensure-chromium.mjs", "jest.config.js", "src/preview/index.tsx", "scripts/fixtures/generate-stats.R"]));
    expect(files.length).toBeGreaterThan(100);
  });

  it("no file refers to a path outside the repository", () => {
    const problems = scannedFiles().flatMap((f) => outsideReferences(f, fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(problems).toEqual([]);
  });

  it("the check catches the ways a test has reached outside (the old seed read among them)", () => {
    // "UP" stands for ".." so that this file's own text stays inside the repository.
    const cases: [string, string][] = [
      ["test/unit/theory/catalogue.test.ts", `fs.readFileSync(path.resolve(__dirname, "UP/UP/UP/UP/sha` + `red/se` + `eds/kl.txt"), "utf8")`],
      ["test/unit/x.test.ts", `path.join(__dirname, "UP", "UP", "UP", "notes", "a.md")`],
      ["test/unit/x.test.ts", `resolve(__dirname, 'UP/UP/UP')`],
      ["scripts/x.mjs", `new URL("UP/UP/data.json", import.meta.url)`],
      ["scripts/fixtures/x.R", `read.csv(file.path("UP", "data.csv"))`],
      ["scripts/x.mjs", `readFileSync("/wo` + `rk/notes/stats.md")`],
      ["test/unit/x.test.ts", `import { x } from "UP/UP/UP/other-project/src";`],
      ["test/unit/x.test.ts", `const notes = "UP/UP/UP/notes/excel.md";`],
    ].map(([f, t]) => [f, t.replaceAll("UP", "..")]);
    for (const [file, text] of cases) expect({ file, text, caught: outsideReferences(file, text).length > 0 }).toEqual({ file, text, caught: true });
  });

  it("and lets paths inside the repository pass", () => {
    const ok: [string, string][] = [
      ["test/unit/theory/catalogue.test.ts", `path.join(__dirname, "..", "..", "fixtures", "theory", "kl.txt")`],
      ["test/e2e/globalSetup.ts", `const root = path.resolve(__dirname, "../..");`],
      ["test/unit/theory/x.test.ts", `import { a } from "../../../src/core/theory";`],
      ["scripts/bench.mjs", `extends: "../../tsconfig.json"`],
      ["scripts/fixtures/x.R", `file.path("test", "fixtures", "stats")`],
    ];
    for (const [file, text] of ok) expect({ file, text, problems: outsideReferences(file, text) }).toEqual({ file, text, problems: [] });
  });
});
