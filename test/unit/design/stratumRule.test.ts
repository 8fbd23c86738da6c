/**
 * The README's auditor procedure states the whole text-matching rule for strata (step 2 of
 * "Reproducing an allocation by hand", issue 21 item 2). scripts/fixtures/generate-stratum-rule.py runs
 * the README's own Python block on pairs of cell values; the add-in must put each pair in the same
 * level exactly when the README's rule does, with the same match text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fixture from "../../fixtures/design/stratum-rule.json";
import allocation from "../../fixtures/design/allocation.json";
import { normaliseKey } from "../../../src/core/data";
import { allocate } from "../../../src/core/design";
import type { CellScalar } from "../../../src/core/report/sheetSpec";

const README = readFileSync(join(__dirname, "../../../README.md"), "utf8");

test("the README still holds the rule the fixture was made from (regenerate the fixture after editing it)", () => {
  const block = /```python\n([\s\S]*?def match_text[\s\S]*?)```/.exec(README)?.[1] ?? "";
  const indent = /^ */.exec(block)?.[0].length ?? 0;
  const dedented = block.split("\n").map((l) => l.slice(indent)).join("\n").trim() + "\n";
  expect(dedented).toBe(fixture.readmeBlock);
});

describe.each(fixture.pairs.map((p) => [p.note, p] as const))("%s", (_note, p) => {
  test(`${p.same ? "one level" : "two levels"}, as the README's rule says`, () => {
    const a = normaliseKey(p.a as CellScalar);
    const b = normaliseKey(p.b as CellScalar);
    expect(a === b).toBe(p.same);
    expect([a, b]).toEqual([p.keyA, p.keyB]);
  });
});

test("the issue's list: the README's rule and the add-in both find 2 strata and give the same arms", () => {
  const c = allocation.cases.find((x) => x.name.startsWith("dash and case variants"))!;
  const a = allocate({ sheet: "Borgere", address: `A1:C${c.rows.length + 1}`, header: c.header as CellScalar[], rows: c.rows as CellScalar[][] }, { idColumn: c.idColumn, strata: c.strata, seed: c.seed, blockSize: c.blockSize as 2 | 4, reserves: c.reserves });
  // the list spells each level several ways (dash, spacing, case)
  expect(new Set(c.rows.map((r) => r[1])).size).toBeGreaterThan(2);
  expect(new Set(c.allocation.map((x) => x.stratum))).toEqual(new Set([1, 2]));
  const arm: Record<string, string> = { I: "intervention", C: "control", R: "reserve" };
  expect(a.citizens.map((x) => [x.id, x.stratum, x.arm])).toEqual(c.allocation.map((x) => [x.id, x.stratum, arm[x.arm]]));
});
