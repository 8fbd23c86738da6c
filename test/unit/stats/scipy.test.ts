/**
 * Cross-check against SciPy (test/fixtures/stats/scipy.json, scripts/fixtures/generate-stats-scipy.py),
 * 40 cases per function. The main reference is R; this guards against a shared R-only convention.
 * Where SciPy's convention differs from R's (and ours), the test says so and compares what is shared.
 */
import * as fs from "fs";
import * as path from "path";
import { chiSquareTest, expectedCounts, fisherExact, shapiroWilk, tTest, wilcoxonRankSum, wilcoxonSignedRank } from "../../../src/core/stats";
import type { Alternative } from "../../../src/core/stats";
import { close, Mismatches } from "./helpers";
import type { Num } from "./helpers";

interface Sample { x: number[]; y: number[]; alternative: Alternative; exact: boolean; statistic: number; p: number }
interface Fx {
  software: string;
  cases: {
    mannwhitneyu: Sample[];
    wilcoxon: Sample[];
    shapiro: { x: number[]; statistic: number; p: number }[];
    ttest_ind: { x: number[]; y: number[]; varEqual: boolean; alternative: Alternative; statistic: number; df: number; p: number; confInt: Num[] }[];
    fisher_exact: { table: number[][]; alternative: Alternative; p: number }[];
    chi2_contingency: { table: number[][]; correct: boolean; statistic: number; df: number; p: number; expected: number[][] }[];
  };
}
const f = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "stats", "scipy.json"), "utf8")) as Fx;

describe("cross-check with SciPy", () => {
  it("records the SciPy version and has 40 cases per function", () => {
    expect(f.software).toMatch(/^SciPy 1\./);
    for (const list of Object.values(f.cases)) expect(list.length).toBe(40);
  });
  it("mannwhitneyu: U of x = R's W, same exact and asymptotic (tie + continuity corrected) p", () => {
    const mm = new Mismatches();
    f.cases.mannwhitneyu.forEach((c, i) => {
      const r = wilcoxonRankSum(c.x, c.y, { alternative: c.alternative, exact: c.exact ? true : false, correct: true });
      mm.num(`#${i} W`, r.statistic.value, c.statistic);
      mm.num(`#${i} p`, r.pValue, c.p);
    });
    expect(mm.list).toEqual([]);
  });
  it("wilcoxon (signed rank): same p; SciPy's two-sided statistic is min(V+, V-), one-sided it is R's V", () => {
    const mm = new Mismatches();
    f.cases.wilcoxon.forEach((c, i) => {
      const r = wilcoxonSignedRank(c.x, c.y, { alternative: c.alternative, exact: c.exact ? true : false, correct: true });
      const n = c.x.filter((v, j) => v !== c.y[j]).length;
      const v = r.statistic.value;
      mm.num(`#${i} statistic`, c.alternative === "two.sided" ? Math.min(v, (n * (n + 1)) / 2 - v) : v, c.statistic);
      mm.num(`#${i} p`, r.pValue, c.p);
    });
    expect(mm.list).toEqual([]);
  });
  it("shapiro: W and p agree to SciPy's single-precision accuracy (1e-5)", () => {
    const mm = new Mismatches();
    f.cases.shapiro.forEach((c, i) => {
      const r = shapiroWilk(c.x);
      mm.num(`#${i} n=${c.x.length} W`, r.statistic.value, c.statistic, 1e-5, 1e-5);
      mm.num(`#${i} n=${c.x.length} p`, r.pValue, c.p, 1e-5, 1e-4);
    });
    expect(mm.list).toEqual([]);
  });
  it("ttest_ind (Student and Welch): t, df, p and the CI", () => {
    const mm = new Mismatches();
    f.cases.ttest_ind.forEach((c, i) => {
      const r = tTest(c.x, c.y, { varEqual: c.varEqual, alternative: c.alternative });
      mm.num(`#${i} t`, r.statistic.value, c.statistic);
      mm.num(`#${i} df`, r.parameter.df, c.df);
      mm.num(`#${i} p`, r.pValue, c.p);
      const ci = r.ci ? [r.ci.lower, r.ci.upper] : [NaN, NaN];
      mm.check(close(ci[0], c.confInt[0]), `#${i} lower`, ci[0], c.confInt[0]);
      mm.check(close(ci[1], c.confInt[1]), `#${i} upper`, ci[1], c.confInt[1]);
    });
    expect(mm.list).toEqual([]);
  });
  it("fisher_exact: same p (SciPy's estimate is the sample odds ratio, ours R's conditional MLE)", () => {
    const mm = new Mismatches();
    f.cases.fisher_exact.forEach((c, i) => mm.num(`#${i} ${JSON.stringify(c.table)} ${c.alternative}`, fisherExact(c.table, { alternative: c.alternative }).pValue, c.p));
    expect(mm.list).toEqual([]);
  });
  it("chi2_contingency: statistic, df, p and expected counts (Yates only for 1 df, as R)", () => {
    const mm = new Mismatches();
    f.cases.chi2_contingency.forEach((c, i) => {
      const r = chiSquareTest(c.table, { correct: c.correct });
      mm.num(`#${i} X2`, r.statistic.value, c.statistic);
      mm.check(r.parameter.df === c.df, `#${i} df`, r.parameter.df, c.df);
      mm.num(`#${i} p`, r.pValue, c.p);
      expectedCounts(c.table).forEach((row, a) => row.forEach((v, b) => mm.num(`#${i} E`, v, c.expected[a][b])));
    });
    expect(mm.list).toEqual([]);
  });
});
