/**
 * Exact distributions at the sizes evaluators meet:
 * - r x c Fisher on baseline tables (2x3 ... 5x5, n 80-500) against R's fisher.test
 *   (test/fixtures/stats/fisherRxCBaseline.json, scripts/fixtures/generate-fisher-rxc.R);
 * - exact rank-sum and signed-rank tails against big-integer counts
 *   (test/fixtures/stats/rankExact.json, scripts/fixtures/generate-rank-exact.mjs).
 */
import { VirkningError } from "../../../src/core/errors";
import * as S from "../../../src/core/stats";
import { loadFixture, Mismatches } from "./helpers";

describe("r x c Fisher on baseline-sized tables vs R fisher.test (FEXACT)", () => {
  interface C { table: number[][]; p: number | null; rGaveUp: boolean }
  const f = loadFixture<C>("fisherRxCBaseline");
  it("is exact (1e-10 abs / 1e-8 rel) within the default budget on every table R answers exactly", () => {
    expect(f.software).toMatch(/^R version 4\.2/);
    const mm = new Mismatches();
    let exact = 0;
    f.cases.forEach((c, i) => {
      if (c.p === null) return;
      const label = `#${i} ${JSON.stringify(c.table)}`;
      try {
        mm.num(label + " p", S.fisherRxCExactP(c.table), c.p);
        exact++;
      } catch (e) {
        mm.check(false, label + " exact within the budget", String(e), c.p);
      }
    });
    expect(mm.list).toEqual([]);
    const shapes = new Set(f.cases.filter((c) => c.p !== null).map((c) => `${c.table.length}x${c.table[0].length}`));
    expect([...shapes]).toEqual(expect.arrayContaining(["3x3", "3x5", "4x4", "4x5", "5x5", "2x5"]));
    expect(exact).toBe((f as unknown as { exactCount: number }).exactCount);
    expect(exact).toBeGreaterThanOrEqual(300);
  });
  it("on tables FEXACT answers only with more time (fisherRxCBaselineLong.json) is exact or says it is beyond its budget", () => {
    // CI uses a budget of 10^7 units (a refusal then costs ~1 s); STATS_FULL=1 runs the default, within
    // which every one of R's answers is exact.
    interface L { index: number; table: number[][]; p: number | null; seconds: number }
    const long = loadFixture<L>("fisherRxCBaselineLong");
    const full = process.env.STATS_FULL === "1";
    const budget = full ? S.RXC_EXACT_BUDGET : 10_000_000;
    const mm = new Mismatches();
    let exact = 0;
    const rExact = long.cases.filter((c) => c.p !== null);
    for (const c of rExact) {
      mm.check(JSON.stringify(f.cases[c.index].table) === JSON.stringify(c.table) && f.cases[c.index].rGaveUp, `#${c.index} is a first-pass give-up`, c.index, "same table");
      const label = `#${c.index} ${JSON.stringify(c.table)} (R ${c.seconds} s)`;
      try {
        mm.num(label + " p", S.fisherRxCExactP(c.table, { budget }), c.p);
        exact++;
      } catch (e) {
        mm.check(e instanceof VirkningError && e.code === "STATS_EXACT_BUDGET", label + " refusal", String(e), "STATS_EXACT_BUDGET");
      }
    }
    expect(mm.list).toEqual([]);
    console.log(`fisherRxCBaselineLong: ${long.cases.length} tables, R exact ${rExact.length}, exact here ${exact} (budget ${budget})`);
    expect(exact).toBeGreaterThanOrEqual(full ? rExact.length : 27);
    expect(rExact.length).toBe(73);
  });
  it("beyond the budget fisherExact reports a simulated p with its Monte Carlo standard error, never undefined", () => {
    // 5x5, n = 500, drawn under independence (every cell equally likely): the pasts of one stage
    // outgrow the memory cap (RXC_MAX_PASTS), so the exact test refuses after a few seconds
    const t = [[27, 19, 21, 16, 23], [12, 20, 23, 19, 21], [24, 18, 17, 20, 15], [22, 19, 20, 18, 28], [23, 16, 23, 19, 17]];
    expect(() => S.fisherRxCExactP(t)).toThrow(/hukommelsesbudgettet/);
    const r = S.fisherExact(t, { simulate: { B: 500, seed: 1 } });
    expect(r.method.en).toContain("Monte Carlo");
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1);
    expect(r.parameter.mcStandardError).toBe(Math.sqrt((r.pValue * (1 - r.pValue)) / 500));
    expect(r.warnings.some((w) => w.da.includes("Monte Carlo-standardfejl"))).toBe(true);
    // without being asked to simulate, fisherExact falls back on its own, says why, and gives the
    // p-value of the default simulation
    const auto = S.fisherExact(t);
    expect(auto.method.da).toBe("Fishers eksakte test (r×c, Monte Carlo-simuleret p-værdi)");
    expect(auto.parameter).toMatchObject({ B: S.RXC_DEFAULT_SIMULATION.B, seed: S.RXC_DEFAULT_SIMULATION.seed });
    expect(auto.warnings.some((w) => w.da.includes("over hukommelsesbudgettet for eksakt beregning") && w.da.includes("simuleret"))).toBe(true);
    expect(auto.pValue).toBe(S.fisherExact(t, { simulate: S.RXC_DEFAULT_SIMULATION }).pValue);
  });
});

describe("exact rank distributions vs big-integer counts", () => {
  interface P { s: number; lowerTail: string }
  const f = loadFixture<never>("rankExact") as unknown as { software: string; rankSum: { m: number; n: number; points: P[] }[]; signedRank: { n: number; points: P[] }[] };
  // relative 1e-12 (absolute below 1e-300): the recurrences add probabilities, they never subtract
  const ok = (got: number, ref: string): boolean => Math.abs(got - Number(ref)) <= Math.max(1e-300, 1e-12 * Number(ref));
  it("rank sum P(U <= u) from 5 + 7 to the limit (200 + 200, 100 + 400, 20 + 2000), tails down to 1e-100", () => {
    const mm = new Mismatches();
    for (const c of f.rankSum) {
      const cdf = S.rankSumCdf(c.m, c.n, Math.max(...c.points.map((p) => p.s)));
      for (const p of c.points) mm.check(ok(cdf[p.s], p.lowerTail), `${c.m}+${c.n} u=${p.s}`, cdf[p.s], p.lowerTail);
    }
    expect(mm.list).toEqual([]);
    expect(Math.max(...f.rankSum.map((c) => c.m * c.n))).toBe(S.EXACT_RANK_SUM_MAX);
  });
  it("signed rank P(V <= v) up to n = 1000, tails down to 1e-300", () => {
    const mm = new Mismatches();
    for (const c of f.signedRank) {
      const cdf = S.signedRankCdf(c.n, Math.max(...c.points.map((p) => p.s)));
      for (const p of c.points) mm.check(ok(cdf[p.s], p.lowerTail), `n=${c.n} v=${p.s}`, cdf[p.s], p.lowerTail);
    }
    expect(mm.list).toEqual([]);
    expect(Math.max(...f.signedRank.map((c) => c.n))).toBe(S.EXACT_SIGNED_RANK_MAX);
  });
  it("exact p-values at the limit are probabilities (the old counts gave negative values and NaN)", () => {
    const x = Array.from({ length: 200 }, (_, i) => 2 * i + (i % 7 === 0 ? 1.5 : 0));
    const y = Array.from({ length: 200 }, (_, i) => 2 * i + 1);
    const r = S.wilcoxonRankSum(x, y, { exact: true });
    expect(r.method.en).toBe("Wilcoxon rank sum exact test");
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThanOrEqual(1);
    expect(() => S.wilcoxonRankSum(x, [...y, 1e6], { exact: true })).toThrow(VirkningError);
  });
});

describe("edges from the issue", () => {
  it("RR for 10/10 vs 10/10 warns that the interval shows no uncertainty", () => {
    const rr = S.relativeRisk(10, 10, 10, 10);
    expect(rr.ci).toEqual({ lower: 1, upper: 1, level: 0.95 });
    expect(rr.warnings.map((w) => w.en).join(" ")).toMatch(/length 0/);
  });
  it("Shapiro-Wilk on 1e12 + 1..20 is computed (R: p = 0.551)", () => {
    const r = S.shapiroWilk(Array.from({ length: 20 }, (_, i) => 1e12 + i + 1));
    expect(r.pValue.toFixed(3)).toBe("0.551");
    expect(r.statistic.name).toBe("W");
  });
  it("wilson refuses impossible counts instead of returning NaN", () => {
    expect(() => S.wilson(5, 3)).toThrow(/større end/);
    expect(() => S.wilson(-1, 10)).toThrow(/negativt/);
    expect(() => S.wilson(NaN, 10)).toThrow(/ikke et tal/);
    expect(S.wilson(0, 10, { confLevel: 0.9 }).level).toBe(0.9);
  });
  it("power: n and power together are refused, as R", () => {
    expect(() => S.powerTwoProportions({ p1: 0.2, p2: 0.4, n: 50, power: 0.8 })).toThrow(/ikke begge/);
  });
  it("exact McNemar: p below 1e-300 is not 0; one-sided and confidence level as binom.test", () => {
    expect(S.mcnemarTest([[1, 0], [1050, 1]], { exact: true }).pValue).toBeGreaterThan(0);
    const less = S.mcnemarTest([[10, 12], [5, 12]], { exact: true, alternative: "greater", confLevel: 0.9 });
    // R: binom.test(12, 17, alternative = "greater", conf.level = 0.9) gives p = 0.07173157, CI 0.5219285 to 1
    expect(less.pValue.toFixed(5)).toBe("0.07173");
    expect(less.ci?.level).toBe(0.9);
    expect(less.ci?.upper).toBe(1);
    expect(less.ci?.lower.toFixed(7)).toBe("0.5219285");
    expect(() => S.mcnemarTest([[10, 12], [5, 12]], { alternative: "less" })).toThrow(/kun tosidet/);
  });
  it("policies and alternatives ignore case; English messages are English", () => {
    expect(S.testTable([[6, 22], [1, 25]], { policy: "Fisher" as S.TablePolicy }).method.da).toBe("Fishers eksakte test");
    expect(S.tTest([1, 2, 4], [2, 3, 7], { alternative: "Less" as S.Alternative }).alternative).toBe("less");
    try {
      S.tTest([1, 2, 4], [2, 3, 7], { confLevel: 2 });
    } catch (e) {
      expect((e as VirkningError).messageEn).toMatch(/^The confidence level must lie/);
    }
    expect.assertions(3);
  });
  it("every test returns the same shape: statistic with name, parameter, estimate/ci or null", () => {
    const results = [S.fisherExact([[1, 9], [11, 3]]), S.fisherExact([[1, 2, 3], [3, 2, 1]]), S.chiSquareTest([[6, 22], [1, 25]]), S.mcnemarTest([[10, 12], [5, 12]], { exact: true }),
      S.tTest([1, 2, 4], [2, 3, 7]), S.wilcoxonRankSum([1, 2], [3, 4]), S.wilcoxonSignedRank([1, 2, 3], [2, 4, 7]), S.shapiroWilk([1, 2, 4, 8])];
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(["alternative", "ci", "estimate", "method", "pValue", "parameter", "statistic", "warnings"]);
      expect(typeof r.statistic.name).toBe("string");
      expect(Number.isFinite(r.statistic.value)).toBe(true);
    }
  });
});
