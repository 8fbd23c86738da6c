/**
 * Issue 23 item 7: a declined citizen's reserve comes from the same stratum. Catches: the stratum
 * test dropped from the reserve search in replace.ts (`x.status === "reserve"` alone), which takes the
 * first reserve of any stratum.
 */
import { allocate, applyDeclines, type EligibilityInput } from "../../../src/core/design";
import type { CellScalar } from "../../../src/core/report/sheetSpec";

const rows: CellScalar[][] = Array.from({ length: 30 }, (_, i) => [`B${i + 1}`, ["Kvinde", "Mand", "Andet"][i % 3]]);
const input: EligibilityInput = { sheet: "Borgere", address: "A1:B31", header: ["ID", "Køn"], rows };
const a = allocate(input, { idColumn: 0, strata: [{ column: 1 }], seed: 20261207, blockSize: 2, reserves: 2 });

test("there are reserves in every stratum (else the test proves nothing)", () => {
  const strata = new Set(a.citizens.map((c) => c.stratum));
  expect(strata.size).toBe(3);
  for (const s of strata) expect(a.citizens.some((c) => c.stratum === s && c.status === "reserve")).toBe(true);
});

test("whoever declines, the replacement is a reserve of the decliner's stratum and takes over the arm", () => {
  for (const d of a.citizens.filter((c) => c.status === "allocated")) {
    const r = applyDeclines(a, [{ id: d.id, at: "2026-12-07T08:00:00Z" }]);
    const next = r.allocation.citizens.find((c) => c.id === r.log[0].replacement)!;
    const expected = a.citizens.filter((c) => c.stratum === d.stratum && c.status === "reserve").sort((x, y) => x.order - y.order)[0];
    expect([d.id, next.id, next.stratum, next.arm]).toEqual([d.id, expected.id, d.stratum, d.arm]);
  }
});

test("the second decline in a stratum calls in its second reserve, never one from another stratum", () => {
  const inS = (s: number) => a.citizens.filter((c) => c.stratum === s && c.status === "allocated");
  const s = a.citizens.find((c) => c.status === "reserve")!.stratum;
  const other = [...new Set(a.citizens.map((c) => c.stratum))].find((x) => x !== s)!;
  const [d1, d2] = inS(other);
  const r = applyDeclines(a, [{ id: d1.id, at: "2026-12-07T08:00:00Z" }, { id: d2.id, at: "2026-12-07T08:01:00Z" }]);
  expect(r.log.map((e) => r.allocation.citizens.find((c) => c.id === e.replacement)!.stratum)).toEqual([other, other]);
});
