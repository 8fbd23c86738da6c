/**
 * The architecture rule: src/core must not import Office, React, Fluent, DOM code or the other
 * layers. Runs the project's ESLint config on small sources placed (virtually) in src/core.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "../../..");
const eslintBin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

function lintAs(file: string, source: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [eslintBin, "--no-warn-ignored", "--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: root,
    input: source,
    encoding: "utf8",
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("src/core stays pure (lint rule)", () => {
  it.each([
    ['import * as React from "react";\nexport const x = React;\n', "React"],
    ['import { Button } from "@fluentui/react-components";\nexport const b = Button;\n', "Fluent"],
    ['import { getExcelRun } from "../../excel/host";\nexport const r = getExcelRun;\n', "excel/"],
    ["export const w = document.title;\n", "DOM"],
    ["export const q = location.search;\n", "DOM location"],
    ['export const d = new DOMParser().parseFromString("<a/>", "text/xml");\n', "DOM parser"],
    ["export const f = () => fetch(\"https://example.org\");\n", "network"],
    ["export const e = () => Excel.run(async () => undefined);\n", "Office"],
  ])("rejects %#: %s", (source, what) => {
    const r = lintAs("src/core/analysis/bad.ts", source);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/no-restricted-(imports|globals)/);
    expect(what.length).toBeGreaterThan(0);
  });

  it("accepts pure core code and allows the same import outside core", () => {
    expect(lintAs("src/core/analysis/good.ts", 'import { parseCell } from "../report/address";\nexport const a = parseCell("A1");\n').status).toBe(0);
    expect(lintAs("src/taskpane/ok.tsx", 'import * as React from "react";\nexport const x = React;\n').status).toBe(0);
  });
});
