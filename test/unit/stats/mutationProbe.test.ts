/**
 * Issue 23 item 7: a simulated p-value is (1 + k) / (B + 1), never 0 (R: fisher.test(simulate.p.value =
 * TRUE) returns (1 + STATISTIC) / (B + 1); Davison & Hinkley 1997, eq. 4.11). Catches: `k / B` and
 * `k / (B + 1)` in fisher.ts.
 */
import { fisherExact } from "../../../src/core/stats";

test("a table more extreme than every simulated one: p = 1 / (B + 1), not 0", () => {
  const t = [[25, 0, 0], [0, 25, 0], [0, 0, 25]];
  for (const B of [99, 500]) {
    const r = fisherExact(t, { simulate: { B, seed: 3 } });
    expect(r.pValue).toBe(1 / (B + 1));
    expect(r.pValue).toBeGreaterThan(0);
  }
});

test("any simulated p is a whole number of 1 / (B + 1) steps from 1 / (B + 1) to 1", () => {
  const B = 777;
  for (const [seed, t] of [[1, [[3, 4, 2], [5, 1, 4]]], [2, [[6, 2, 1], [1, 3, 7], [2, 2, 2]]]] as const) {
    const r = fisherExact(t.map((x) => [...x]), { simulate: { B, seed } });
    const steps = r.pValue * (B + 1);
    expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
    expect(Math.round(steps)).toBeGreaterThanOrEqual(1);
    expect(Math.round(steps)).toBeLessThanOrEqual(B + 1);
    expect(r.pValue).toBeGreaterThan(0.01);
  }
});
