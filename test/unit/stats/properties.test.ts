/** Property-based tests (fast-check): p in [0, 1], symmetry and permutation invariance. */
import fc from "fast-check";
import * as S from "../../../src/core/stats";
import { ciPair, est, flat } from "./helpers";

const near = (a: number, b: number, rel = 1e-9, abs = 1e-12): boolean =>
  (a === b) || Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
const inUnit = (p: number): boolean => p >= 0 && p <= 1;

const cell = fc.integer({ min: 0, max: 30 });
const table2 = fc.tuple(cell, cell, cell, cell).filter(([a, b, c, d]) => a + b + c + d > 0).map(([a, b, c, d]) => [[a, b], [c, d]]);
const tableRC = fc.integer({ min: 2, max: 3 }).chain((r) =>
  fc.integer({ min: 2, max: 4 }).chain((c) => fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
).filter((t) => t.flat().reduce((a, b) => a + b, 0) >= 2);
const transpose = (t: number[][]): number[][] => t[0].map((_, j) => t.map((r) => r[j]));
const reverseRows = (t: number[][]): number[][] => [...t].reverse();
const reverseCols = (t: number[][]): number[][] => t.map((r) => [...r].reverse());
const sample = (min: number, max: number) => fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: min, maxLength: max });
const intSample = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 8 }), { minLength: min, maxLength: max });

describe("tables", () => {
  it("Fisher 2x2: p in [0, 1]; two-sided p invariant under row/column swap and transposition; one-sided and OR mirror", () => {
    fc.assert(fc.property(table2, (t) => {
      const r = S.fisherExact(t);
      const rr = S.fisherExact(reverseRows(t));
      const less = S.fisherExact(t, { alternative: "less" }).pValue;
      const greaterSwapped = S.fisherExact(reverseRows(t), { alternative: "greater" }).pValue;
      return inUnit(r.pValue) && inUnit(less) && near(r.pValue, rr.pValue) && near(r.pValue, S.fisherExact(reverseCols(t)).pValue)
        && near(r.pValue, S.fisherExact(transpose(t)).pValue) && near(less, greaterSwapped)
        && near(est(r), 1 / est(rr), 1e-7)
        && ciPair(r)[0] <= est(r) && est(r) <= ciPair(r)[1];
    }), { numRuns: 300 });
  });
  it("Fisher 2x2 agrees with the independent r x c enumeration (2x2 embedded in a 2x3 with an empty column)", () => {
    fc.assert(fc.property(table2, (t) => {
      const embedded = t.map((r) => [...r, 0]);
      return near(S.fisherExact(t).pValue, S.fisherExact(embedded).pValue, 1e-9);
    }), { numRuns: 300 });
  });
  it("Fisher r x c: p in [0, 1], invariant under row/column permutations and transposition", () => {
    fc.assert(fc.property(tableRC, (t) => {
      const p = S.fisherExact(t).pValue;
      return inUnit(p) && near(p, S.fisherExact(reverseRows(t)).pValue) && near(p, S.fisherExact(reverseCols(t)).pValue)
        && near(p, S.fisherExact(transpose(t)).pValue);
    }), { numRuns: 150 });
  });
  it("Fisher r x c Monte Carlo: reproducible with a seed and close to the exact p", () => {
    const t = [[3, 1, 0, 4], [0, 5, 2, 1], [2, 2, 6, 0]];
    const exact = S.fisherExact(t).pValue;
    const a = S.fisherExact(t, { simulate: { B: 4000, seed: 7 } });
    const b = S.fisherExact(t, { simulate: { B: 4000, seed: 7 } });
    expect(a.pValue).toBe(b.pValue);
    expect(a.method.en).toContain("Monte Carlo");
    expect(a.parameter).toMatchObject({ n: 26, B: 4000, seed: 7 });
    // the Monte Carlo standard error is reported, in the parameters and as a warning
    expect(a.parameter.mcStandardError).toBeCloseTo(Math.sqrt((a.pValue * (1 - a.pValue)) / 4000), 12);
    expect(a.warnings.some((w) => w.da.includes("Monte Carlo-standardfejl"))).toBe(true);
    expect(Math.abs(a.pValue - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 4000) + 1 / 4001);
  });
  it("chi-square: p in [0, 1], invariant under row/column permutations and transposition", () => {
    fc.assert(fc.property(tableRC.filter((t) => t.filter((r) => r.some((v) => v > 0)).length >= 2 && transpose(t).filter((r) => r.some((v) => v > 0)).length >= 2), (t) => {
      const r = S.chiSquareTest(t);
      return inUnit(r.pValue) && near(r.statistic.value, S.chiSquareTest(reverseRows(t)).statistic.value)
        && near(r.pValue, S.chiSquareTest(transpose(t)).pValue) && near(r.pValue, S.chiSquareTest(reverseCols(t)).pValue);
    }), { numRuns: 300 });
  });
  it("Yates (2x2) and expected counts: invariant under row/column swaps and transposition; Yates p >= Pearson p", () => {
    fc.assert(fc.property(table2.filter((t) => t.every((r) => r[0] + r[1] > 0) && t[0][0] + t[1][0] > 0 && t[0][1] + t[1][1] > 0), (t) => {
      const y = S.chiSquareTest(t, { correct: true });
      const e = S.expectedCounts(t);
      const eT = S.expectedCounts(transpose(t));
      return inUnit(y.pValue) && y.pValue >= S.chiSquareTest(t).pValue - 1e-12
        && near(y.pValue, S.chiSquareTest(reverseRows(t), { correct: true }).pValue)
        && near(y.pValue, S.chiSquareTest(reverseCols(t), { correct: true }).pValue)
        && near(y.pValue, S.chiSquareTest(transpose(t), { correct: true }).pValue)
        && e.every((row, i) => row.every((v, j) => near(v, eT[j][i])));
    }), { numRuns: 300 });
  });
  it("McNemar: p in [0, 1] and invariant under transposition", () => {
    fc.assert(fc.property(table2.filter((t) => t[0][1] + t[1][0] > 0), fc.boolean(), fc.boolean(), (t, correct, exact) => {
      const p = S.mcnemarTest(t, { correct, exact }).pValue;
      return inUnit(p) && near(p, S.mcnemarTest(transpose(t), { correct, exact }).pValue);
    }), { numRuns: 300 });
  });
});

describe("two proportions", () => {
  const groups = fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 })).chain(([n1, n2]) =>
    fc.tuple(fc.integer({ min: 0, max: n1 }), fc.constant(n1), fc.integer({ min: 0, max: n2 }), fc.constant(n2)));
  it("swapping groups negates the risk difference and inverts RR and OR (with their CIs)", () => {
    fc.assert(fc.property(groups, ([x1, n1, x2, n2]) => {
      const d = flat(S.riskDifference(x1, n1, x2, n2));
      const ds = flat(S.riskDifference(x2, n2, x1, n1));
      const rr = flat(S.relativeRisk(x1, n1, x2, n2));
      const rrs = flat(S.relativeRisk(x2, n2, x1, n1));
      const or = flat(S.oddsRatio(x1, n1, x2, n2));
      const ors = flat(S.oddsRatio(x2, n2, x1, n1));
      return near(d.estimate, -ds.estimate) && near(d.lower, -ds.upper) && near(d.upper, -ds.lower)
        && d.lower >= -1 && d.upper <= 1 && d.lower <= d.estimate && d.estimate <= d.upper
        && near(rr.estimate, 1 / rrs.estimate) && near(rr.lower, 1 / rrs.upper) && near(or.estimate, 1 / ors.estimate) && near(or.upper, 1 / ors.lower);
    }), { numRuns: 300 });
  });
  it("power increases with n and the 80 % helper is the smallest n reaching 80 %", () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (p1, p2) => {
      fc.pre(Math.abs(p1 - p2) > 0.03);
      const n = S.sampleSizeFor80(p1, p2);
      const pw = (k: number): number => S.powerTwoProportions({ p1, p2, n: k }).power;
      return inUnit(pw(n)) && pw(n) >= 0.8 - 1e-12 && (n - 1 < 2 || pw(n - 1) < 0.8) && pw(n + 10) > pw(n);
    }), { numRuns: 200 });
  });
});

describe("continuous", () => {
  it("paired t-test: swapping the measurements negates t, the estimate and the CI, keeps p", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })), { minLength: 2, maxLength: 30 }), (pairs) => {
      const x = pairs.map((p) => p[0]);
      const y = pairs.map((p) => p[1]);
      fc.pre(S.sd(x.map((v, i) => v - y[i])) > 1e-6);
      const a = S.tTest(x, y, { paired: true });
      const b = S.tTest(y, x, { paired: true });
      const ca = ciPair(a);
      const cb = ciPair(b);
      return inUnit(a.pValue) && near(a.pValue, b.pValue, 1e-9) && near(a.statistic.value, -b.statistic.value, 1e-9)
        && near(est(a), -est(b), 1e-9, 1e-9) && near(ca[0], -cb[1], 1e-9, 1e-9) && near(ca[1], -cb[0], 1e-9, 1e-9);
    }), { numRuns: 300 });
  });
  it("t-tests: swapping groups negates t and the CI, keeps p; p in [0, 1]", () => {
    fc.assert(fc.property(sample(2, 25), sample(2, 25), fc.constantFrom(true, false), (x, y, varEqual) => {
      fc.pre(S.sd(x) > 1e-6 || S.sd(y) > 1e-6);
      const a = S.tTest(x, y, { varEqual });
      const b = S.tTest(y, x, { varEqual });
      return inUnit(a.pValue) && near(a.pValue, b.pValue, 1e-9) && near(a.statistic.value, -b.statistic.value, 1e-9)
        && near(ciPair(a)[0], -ciPair(b)[1], 1e-9, 1e-9);
    }), { numRuns: 300 });
  });
  it("rank-sum: swapping groups gives W' = nx ny - W and the same two-sided p; less and greater mirror", () => {
    fc.assert(fc.property(intSample(1, 30), intSample(1, 30), fc.boolean(), (x, y, exact) => {
      fc.pre(new Set([...x, ...y]).size > 1);
      const a = S.wilcoxonRankSum(x, y, { exact });
      const b = S.wilcoxonRankSum(y, x, { exact });
      const less = S.wilcoxonRankSum(x, y, { exact, alternative: "less" }).pValue;
      const greater = S.wilcoxonRankSum(y, x, { exact, alternative: "greater" }).pValue;
      return inUnit(a.pValue) && near(a.pValue, b.pValue) && a.statistic.value === x.length * y.length - b.statistic.value && near(less, greater);
    }), { numRuns: 300 });
  });
  it("signed-rank: swapping x and y gives V' = n(n+1)/2 - V and the same two-sided p", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: 1, maxLength: 40 }), (pairs) => {
      const x = pairs.map((p) => p[0]);
      const y = pairs.map((p) => p[1]);
      const n = pairs.filter((p) => p[0] - p[1] !== 0).length;
      fc.pre(n > 0);
      const a = S.wilcoxonSignedRank(x, y);
      const b = S.wilcoxonSignedRank(y, x);
      return inUnit(a.pValue) && near(a.pValue, b.pValue) && a.statistic.value === (n * (n + 1)) / 2 - b.statistic.value;
    }), { numRuns: 300 });
  });
  it("Shapiro-Wilk: W in (0, 1], p in [0, 1], invariant under order and positive affine change", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 60 }), (x) => {
      fc.pre(new Set(x).size > 1);
      const a = S.shapiroWilk(x);
      const b = S.shapiroWilk([...x].reverse().map((v) => 3 + 2.5 * v));
      const w = a.statistic.value;
      return w > 0 && w <= 1 + 1e-12 && inUnit(a.pValue) && near(w, b.statistic.value, 1e-9) && near(a.pValue, b.pValue, 1e-7, 1e-12);
    }), { numRuns: 300 });
  });
  it("SMD: antisymmetric under swapping groups", () => {
    fc.assert(fc.property(sample(2, 20), sample(2, 20), (x, y) => {
      fc.pre(S.sd(x) > 1e-6 || S.sd(y) > 1e-6);
      return near(S.smdContinuous(x, y), -S.smdContinuous(y, x));
    }), { numRuns: 200 });
    fc.assert(fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (p1, p2) =>
      near(S.smdProportion(p1, p2), -S.smdProportion(p2, p1))), { numRuns: 200 });
  });
});
