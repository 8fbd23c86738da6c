/**
 * The r x c network algorithm against plain enumeration of every table with the same margins.
 * Small tables with many equal row and column totals exercise what the baseline fixtures cannot
 * show on their own: the interchangeable-rows shortcut (one ordering, weighted by its
 * permutations), the skipped partial fillings counted in closed form, the listed completions and
 * the tie tolerance (many tables of equal probability).
 */
import fc from "fast-check";
import gammaln from "@stdlib/math-base-special-gammaln";
import { fisherRxCExactP } from "../../../src/core/stats";
import { RXC_TIE_TOLERANCE } from "../../../src/core/stats/fisherRxC";

const lfact = (n: number): number => gammaln(n + 1);

/** p by listing every table with the margins of `table` (R's rule: P(T) <= P(obs) within the tie tolerance). */
function enumerateP(table: number[][]): number {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0].map((_, j) => table.reduce((s, r) => s + r[j], 0));
  const N = rows.reduce((a, b) => a + b, 0);
  const K = rows.reduce((s, r) => s + lfact(r), 0) + cols.reduce((s, c) => s + lfact(c), 0) - lfact(N);
  const sObs = table.flat().reduce((s, x) => s + lfact(x), 0);
  const R = rows.length;
  const C = cols.length;
  const rowLeft = [...rows];
  const colLeft = [...cols];
  let p = 0;
  const cell = (k: number, score: number): void => {
    const i = Math.floor(k / C);
    const j = k % C;
    if (i === R - 1) {
      // last row is forced by the column totals
      let s = score;
      for (let m = 0; m < C; m++) s += lfact(colLeft[m]);
      if (s >= sObs - RXC_TIE_TOLERANCE - 1e-12 * Math.max(1, sObs)) p += Math.exp(K - s);
      return;
    }
    if (j === C - 1) {
      // last cell of a row is forced by the row total
      const x = rowLeft[i];
      if (x > colLeft[j]) return;
      colLeft[j] -= x;
      rowLeft[i] = 0;
      cell(k + 1, score + lfact(x));
      rowLeft[i] = x;
      colLeft[j] += x;
      return;
    }
    for (let x = 0; x <= Math.min(rowLeft[i], colLeft[j]); x++) {
      rowLeft[i] -= x;
      colLeft[j] -= x;
      cell(k + 1, score + lfact(x));
      rowLeft[i] += x;
      colLeft[j] += x;
    }
  };
  cell(0, 0);
  return Math.min(1, p);
}

/** Tables of r x c cells, each row drawn from a few patterns so that equal totals are common. */
const smallTable = fc
  .record({ r: fc.integer({ min: 2, max: 5 }), c: fc.integer({ min: 2, max: 5 }), cells: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 25, maxLength: 25 }), repeat: fc.boolean() })
  .map(({ r, c, cells, repeat }) => {
    // with `repeat`, rows alternate between two patterns, so several rows have equal totals
    const t = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => cells[(repeat ? (i % 2) * c : i * c) + j]));
    return t;
  })
  .filter((t) => t.every((row) => row.some((v) => v > 0)) && t[0].every((_, j) => t.some((row) => row[j] > 0)))
  .filter((t) => t.flat().reduce((a, b) => a + b, 0) <= 30);

describe("r x c network algorithm vs enumerating every table", () => {
  it("gives the enumerated p (1e-10 abs / 1e-8 rel) on small tables full of ties", () => {
    fc.assert(
      fc.property(smallTable, (t) => {
        const want = enumerateP(t);
        const got = fisherRxCExactP(t);
        expect(Math.abs(got - want) <= 1e-10 || Math.abs(got - want) <= 1e-8 * want).toBe(true);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it("handles tables whose rows and columns are all alike (the interchangeable-rows shortcut carries the whole sum)", () => {
    const cases = [
      [[3, 3, 3], [3, 3, 3], [3, 3, 3]],
      [[2, 2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 2]],
      [[5, 0, 0], [0, 5, 0], [0, 0, 5]],
      [[4, 1, 1, 0], [1, 4, 0, 1], [1, 0, 4, 1], [0, 1, 1, 4]],
      [[1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]],
      // rows 1 and 3 alike: a skipped partial filling stands for two orderings
      [[0, 2, 0, 0], [1, 1, 1, 2], [0, 2, 0, 0], [1, 1, 1, 2]],
    ];
    for (const t of cases) {
      const want = enumerateP(t);
      expect(Math.abs(fisherRxCExactP(t) - want)).toBeLessThanOrEqual(1e-12 + 1e-9 * want);
    }
    // the perfectly uniform table is the most probable one: every table counts
    expect(fisherRxCExactP([[3, 3, 3], [3, 3, 3], [3, 3, 3]])).toBeCloseTo(1, 12);
  });
});
