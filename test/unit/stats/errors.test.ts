/** Impossible input throws VirkningError with a Danish message (never NaN). */
import { VirkningError } from "../../../src/core/errors";
import * as S from "../../../src/core/stats";

function expectVirkning(fn: () => unknown, code: string, daFragment: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(VirkningError);
  const v = err as VirkningError;
  expect(v.code).toBe(code);
  expect(v.message).toMatch(daFragment);
  expect(v.messageEn.length).toBeGreaterThan(0);
}

describe("bad counts", () => {
  it.each([
    ["chiSquareTest", (t: number[][]) => S.chiSquareTest(t)],
    ["fisherExact", (t: number[][]) => S.fisherExact(t)],
    ["testTable auto", (t: number[][]) => S.testTable(t, { policy: "auto" })],
    ["mcnemarTest", (t: number[][]) => S.mcnemarTest(t)],
    ["expectedCounts", (t: number[][]) => S.expectedCounts(t)],
  ])("%s rejects negative, non-integer and NaN counts", (_name, fn) => {
    expectVirkning(() => fn([[1, -2], [3, 4]]), "STATS_NEGATIVE_COUNT", /negativt/);
    expectVirkning(() => fn([[1, 2.5], [3, 4]]), "STATS_NON_INTEGER_COUNT", /helt tal/);
    expectVirkning(() => fn([[1, NaN], [3, 4]]), "STATS_NAN", /ikke et tal/);
    expectVirkning(() => fn([[1, Infinity], [3, 4]]), "STATS_NOT_FINITE", /endeligt/);
  });
  it("rejects ragged and too small tables", () => {
    expectVirkning(() => S.chiSquareTest([[1, 2], [3]]), "STATS_TABLE_SHAPE", /lige mange/);
    expectVirkning(() => S.fisherExact([[1, 2]]), "STATS_TABLE_SHAPE", /mindst 2 rækker/);
    expectVirkning(() => S.mcnemarTest([[1, 2, 3], [3, 4, 5]]), "STATS_TABLE_SHAPE", /kolonner/);
  });
  it("chi-square needs two non-empty rows and columns; empty tables are refused", () => {
    expectVirkning(() => S.chiSquareTest([[0, 0], [3, 4]]), "STATS_TABLE_DEGENERATE", /mindst to rækker/);
    expectVirkning(() => S.fisherExact([[0, 0], [0, 0]]), "STATS_EMPTY_TABLE", /tom/);
  });
  it("McNemar with no discordant pairs is refused with an explanation", () => {
    expectVirkning(() => S.mcnemarTest([[5, 0], [0, 7]]), "STATS_NO_DISCORDANT_PAIRS", /ingen uenige par/);
    expectVirkning(() => S.mcnemarTest([[5, 0], [0, 7]], { exact: true }), "STATS_NO_DISCORDANT_PAIRS", /b \+ c = 0/);
  });
  it("effect measures check group sizes", () => {
    expectVirkning(() => S.riskDifference(1, 0, 1, 5), "STATS_EMPTY_GROUP", /mindst én person/);
    expectVirkning(() => S.relativeRisk(6, 5, 1, 5), "STATS_EVENTS_GT_N", /større end/);
    expectVirkning(() => S.oddsRatio(-1, 5, 1, 5), "STATS_NEGATIVE_COUNT", /negativt/);
    expectVirkning(() => S.oddsRatio(1, 5, 1, 5, { confLevel: 1.5 }), "STATS_PROBABILITY_RANGE", /mellem 0 og 1/);
  });
});

describe("bad samples", () => {
  it("t-tests need enough finite observations and some variation", () => {
    expectVirkning(() => S.tTest([1], [2, 3]), "STATS_TOO_FEW", /mindst 2/);
    expectVirkning(() => S.tTest([1, NaN], [2, 3]), "STATS_NAN", /ikke er et tal/);
    expectVirkning(() => S.tTest([1, 2], [2, 3, 4], { paired: true }), "STATS_PAIRED_LENGTH", /lige mange/);
    expectVirkning(() => S.tTest([2, 2, 2], [2, 2]), "STATS_CONSTANT_DATA", /konstante/);
  });
  it("Shapiro-Wilk needs 3..5000 values that are not all equal", () => {
    expectVirkning(() => S.shapiroWilk([1, 2]), "STATS_TOO_FEW", /mindst 3/);
    expectVirkning(() => S.shapiroWilk(Array.from({ length: 5001 }, (_, i) => i)), "STATS_TOO_MANY", /mellem 3 og 5000/);
    expectVirkning(() => S.shapiroWilk([4, 4, 4, 4]), "STATS_ALL_EQUAL", /ens/);
  });
  it("rank tests refuse empty groups and all-zero differences", () => {
    expectVirkning(() => S.wilcoxonRankSum([], [1, 2]), "STATS_TOO_FEW", /mindst 1/);
    expectVirkning(() => S.wilcoxonSignedRank([1, 2, 3], [1, 2, 3]), "STATS_ALL_ZERO_DIFFERENCES", /forskelle er 0/);
  });
  it("power needs two different proportions in (0, 1)", () => {
    expectVirkning(() => S.powerTwoProportions({ p1: 0.5, p2: 0.5 }), "STATS_EQUAL_PROPORTIONS", /forskellige/);
    expectVirkning(() => S.powerTwoProportions({ p1: 1.2, p2: 0.5 }), "STATS_PROBABILITY_RANGE", /mellem 0 og 1/);
    expectVirkning(() => S.powerTwoProportions({ p1: 0.2, p2: 0.5, n: 1 }), "STATS_N_RANGE", /mindst 2/);
  });
  it("descriptives and formatting refuse NaN", () => {
    expectVirkning(() => S.mean([]), "STATS_TOO_FEW", /mindst 1/);
    expectVirkning(() => S.sd([1]), "STATS_TOO_FEW", /mindst 2/);
    expectVirkning(() => S.formatP(NaN), "STATS_NAN", /ikke et tal/);
    expectVirkning(() => S.formatP(1.5), "STATS_P_RANGE", /mellem 0 og 1/);
    expectVirkning(() => S.smdProportion(0, 1), "STATS_SMD_UNDEFINED", /ingen spredning/);
  });
});

describe("inputs found by trying to break the engine", () => {
  const t = [[3, 1], [1, 3]];
  it("an unknown alternative is refused, not silently treated as two-sided", () => {
    const bad = "up" as unknown as S.Alternative;
    expectVirkning(() => S.fisherExact(t, { alternative: bad }), "STATS_ALTERNATIVE", /Ukendt alternativ/);
    expectVirkning(() => S.tTest([1, 2, 4], [2, 3, 7], { alternative: bad }), "STATS_ALTERNATIVE", /Ukendt alternativ/);
    expectVirkning(() => S.wilcoxonRankSum([1, 2, 4], [2, 3, 7], { alternative: bad }), "STATS_ALTERNATIVE", /Ukendt alternativ/);
    expectVirkning(() => S.wilcoxonSignedRank([1, 2, 4], [2, 3, 7], { alternative: bad }), "STATS_ALTERNATIVE", /Ukendt alternativ/);
  });
  it("Fisher refuses totals above FISHER_MAX_TOTAL (instead of running for minutes) and points to chi-square", () => {
    const n = S.FISHER_MAX_TOTAL / 2;
    expectVirkning(() => S.fisherExact([[n, n], [n, 1]]), "STATS_TABLE_TOO_LARGE", /højst .*χ²/);
    expectVirkning(() => S.fisherRxCExactP([[n, n, 1], [n, 1, 1]]), "STATS_TABLE_TOO_LARGE", /højst/);
    expectVirkning(() => S.chiSquareTest([[Number.MAX_SAFE_INTEGER, 1], [1, 1]]), "STATS_TABLE_TOO_LARGE", /for stort/);
    // just below the limit still works
    const m = Math.floor(S.FISHER_MAX_TOTAL / 4);
    expect(S.fisherExact([[m, m], [m, m]]).pValue).toBe(1);
  });
  it("t-test on values so large that the variance overflows throws instead of returning NaN", () => {
    expectVirkning(() => S.tTest([1e308, -1e308, 1e308], [1, 2, 3]), "STATS_NUMERIC_OVERFLOW", /for store/);
  });
  it("confidence levels outside (0, 1) and NaN are refused everywhere they are accepted", () => {
    for (const c of [0, 1, -0.5, 1.5]) {
      expectVirkning(() => S.tTest([1, 2, 4], [2, 3, 7], { confLevel: c }), "STATS_PROBABILITY_RANGE", /strengt mellem 0 og 1/);
      expectVirkning(() => S.fisherExact(t, { confLevel: c }), "STATS_PROBABILITY_RANGE", /strengt mellem 0 og 1/);
      expectVirkning(() => S.riskDifference(1, 5, 2, 5, { confLevel: c }), "STATS_PROBABILITY_RANGE", /strengt mellem 0 og 1/);
      expectVirkning(() => S.relativeRisk(1, 5, 2, 5, { confLevel: c }), "STATS_PROBABILITY_RANGE", /strengt mellem 0 og 1/);
    }
    expectVirkning(() => S.tTest([1, 2, 4], [2, 3, 7], { confLevel: NaN }), "STATS_NAN", /ikke et tal/);
  });
  it("1 x k and k x 1 tables, empty tables and Infinity are refused by every table test", () => {
    for (const bad of [[[1, 2, 3]], [[1], [2], [3]], [] as number[][]]) {
      expectVirkning(() => S.chiSquareTest(bad), "STATS_TABLE_SHAPE", /mindst 2/);
      expectVirkning(() => S.fisherExact(bad), "STATS_TABLE_SHAPE", /mindst 2/);
      expectVirkning(() => S.testTable(bad, { policy: "auto" }), "STATS_TABLE_SHAPE", /mindst 2/);
    }
    expectVirkning(() => S.oddsRatio(1, Infinity, 0, 3), "STATS_NOT_FINITE", /endeligt/);
  });
  it("samples: NaN, Infinity, empty, n = 2 and n > 5000 for Shapiro-Wilk, constant data for the t-test", () => {
    expectVirkning(() => S.shapiroWilk([1, 2, NaN, 4]), "STATS_NAN", /ikke er et tal/);
    expectVirkning(() => S.shapiroWilk([1, 2, Infinity, 4]), "STATS_NOT_FINITE", /uendelig/);
    expectVirkning(() => S.shapiroWilk([2, 2, 2, 2, 2]), "STATS_ALL_EQUAL", /ens/);
    expectVirkning(() => S.tTest([5, 5, 5], [5, 5, 5], { varEqual: true }), "STATS_CONSTANT_DATA", /konstante/);
    expectVirkning(() => S.tTest([1, 2, 3], [2, 3, 4], { paired: true }), "STATS_CONSTANT_DATA", /Forskellene/);
    expectVirkning(() => S.tTest([1e9, 1e9 + 1e-7, 1e9], [1e9, 1e9, 1e9 + 2e-7]), "STATS_CONSTANT_DATA", /konstante/);
    expectVirkning(() => S.wilcoxonRankSum([1, Infinity], [2, 3]), "STATS_NOT_FINITE", /uendelig/);
    expectVirkning(() => S.wilcoxonSignedRank([], []), "STATS_TOO_FEW", /mindst 1/);
    expectVirkning(() => S.smdContinuous([1, NaN], [2, 3]), "STATS_NAN", /ikke er et tal/);
  });
  it("power: p1 = p2, power or significance level at the ends, missing n", () => {
    expectVirkning(() => S.powerTwoProportions({ p1: 0.3, p2: 0.3, n: 50 }), "STATS_EQUAL_PROPORTIONS", /forskellige/);
    expectVirkning(() => S.sampleSizeFor80(0.3, 0.3), "STATS_EQUAL_PROPORTIONS", /forskellige/);
    expectVirkning(() => S.powerTwoProportions({ p1: 0, p2: 0.3, n: 50 }), "STATS_PROBABILITY_RANGE", /strengt mellem 0 og 1/);
    expectVirkning(() => S.powerTwoProportions({ p1: 0.2, p2: 0.3, power: 1 }), "STATS_PROBABILITY_RANGE", /Styrken/);
    expectVirkning(() => S.powerTwoProportions({ p1: 0.2, p2: 0.3, n: 50, sigLevel: 0 }), "STATS_PROBABILITY_RANGE", /Signifikansniveauet/);
    expectVirkning(() => S.powerTwoProportions({ p1: 0.2, p2: 0.3, n: NaN }), "STATS_N_RANGE", /mindst 2/);
  });
});
