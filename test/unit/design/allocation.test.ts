/**
 * The randomisation against allocations computed by an independent implementation
 * (scripts/fixtures/generate-design.py: numpy's MT19937 and hashlib's SHA-256).
 */
import fixture from "../../fixtures/design/allocation.json";
import { allocate, applyDeclines, Mt19937, type AllocationOptions, type EligibilityInput } from "../../../src/core/design";
import type { CellScalar } from "../../../src/core/report/sheetSpec";

type Case = (typeof fixture.cases)[number];
const ARM: Record<string, string> = { I: "intervention", C: "control", R: "reserve" };

function inputOf(c: Case): EligibilityInput {
  const header = c.header as CellScalar[];
  return { sheet: "Borgere", address: `A1:${String.fromCharCode(64 + header.length)}${c.rows.length + 1}`, header, rows: c.rows as CellScalar[][] };
}
function optionsOf(c: Case): AllocationOptions {
  return { idColumn: c.idColumn, strata: c.strata, seed: c.seed, blockSize: c.blockSize as 2 | 4, reserves: c.reserves };
}

test("MT19937 gives numpy's RandomState doubles (seed 5489)", () => {
  const rng = new Mt19937(5489);
  for (const x of fixture.firstDoublesSeed5489) expect(rng.nextDouble()).toBe(x);
});

describe.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
  const a = allocate(inputOf(c), optionsOf(c));
  test("random numbers, strata, order, arms, blocks and draws equal the independent implementation", () => {
    expect(a.citizens.map((x) => [x.id, x.stratum, x.random, x.order, x.arm, x.draw])).toEqual(
      c.allocation.map((x) => [x.id, x.stratum, x.u, x.order, ARM[x.arm], x.draw]),
    );
  });
  test("the SHA-256 of the canonical list equals hashlib's", () => {
    expect(a.hash).toBe(c.hash);
  });
  test("same input and seed give the same allocation on a second run", () => {
    expect(allocate(inputOf(c), optionsOf(c))).toEqual(a);
  });
});

test("declines: each replacement is the next reserve in the stratum and takes over the arm, in order", () => {
  const c = fixture.cases.find((x) => "declines" in x && x.declines) as Case & { declines: string[]; afterDeclines: { arms: Record<string, string>; status: Record<string, string>; log: { declined: string; replacement: string; stratum: number; arm: string }[] } };
  const a = allocate(inputOf(c), optionsOf(c));
  const r = applyDeclines(a, c.declines.map((id, i) => ({ id, at: `2026-11-30T08:0${i}:00Z` })));
  expect(r.log.map((e) => [e.declined, e.replacement, e.stratum, e.arm])).toEqual(c.afterDeclines.log.map((e) => [e.declined, e.replacement, e.stratum, ARM[e.arm]]));
  expect(Object.fromEntries(r.allocation.citizens.map((x) => [x.id, x.arm]))).toEqual(Object.fromEntries(Object.entries(c.afterDeclines.arms).map(([k, v]) => [k, ARM[v]])));
  // the original allocation is not changed
  expect(a.citizens.filter((x) => x.status === "declined")).toHaveLength(0);
});
