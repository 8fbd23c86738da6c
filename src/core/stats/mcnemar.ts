/**
 * McNemar's test for paired proportions, table [[a, b], [c, d]] with b, c the discordant pairs.
 * Asymptotic: (|b - c| - 1)^2 / (b + c) with continuity correction (R: mcnemar.test, which skips
 * the correction when b = c), or (b - c)^2 / (b + c) without; chi-square with 1 df; two-sided
 * only (as R).
 * Exact: binomial test of b successes in b + c trials with p = 0.5 (R: binom.test(b, b + c,
 * alternative, conf.level)), estimate b / (b + c) with the Clopper-Pearson interval. Tail sums
 * far below 1e-300 are summed in log space, so p-values down to the smallest double (~5e-324)
 * are returned instead of 0 (R: 1.3e-316 for b = 0, c = 1050).
 * b + c = 0: no test is possible; throws VirkningError("STATS_NO_DISCORDANT_PAIRS").
 */
import betaincinv from "@stdlib/math-base-special-betaincinv";
import { lchoose, pbinom, pchisqUpper } from "./dist";
import type { Alternative, TestResult, Text } from "./types";
import { checkAlternative, checkCountTable, checkOptions, confLevelOf, fail, onlyTwoSided } from "./validate";

export interface McNemarOptions {
  /** Continuity correction for the asymptotic test (default true, as R). */
  correct?: boolean;
  /** Exact binomial test on the discordant pairs. */
  exact?: boolean;
  /** Exact test only: "two.sided" (default), "less" or "greater". */
  alternative?: Alternative;
  /** Exact test only: level of the Clopper-Pearson interval (default 0.95). */
  confLevel?: number;
}

/** P(X <= k) for X ~ Binomial(n, 1/2), accurate down to subnormal numbers. */
function lowerTailHalf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const p = pbinom(k, n, 0.5);
  if (p > 1e-290 || k > n / 2) return p;
  // sum C(n, i) 2^-n for i = k, k - 1, ... relative to the largest term (ratios i / (n - i + 1) < 1)
  let t = 1;
  let s = 1;
  for (let i = k; i > 0; i--) {
    t *= i / (n - i + 1);
    s += t;
    if (t < s * 1e-17) break;
  }
  return Math.exp(lchoose(n, k) - n * Math.LN2 + Math.log(s));
}

const MCNEMAR: Text = { da: "McNemars test", en: "McNemar's test" };

export function mcnemarTest(table: number[][], options?: McNemarOptions): TestResult {
  const opts = checkOptions(options);
  checkCountTable(table, 2, 2, 2, 2);
  const b = table[0][1];
  const c = table[1][0];
  const n = b + c;
  if (opts.exact) return exactMcNemar(b, c, checkAlternative(opts.alternative), confLevelOf(opts.confLevel));
  onlyTwoSided(opts.alternative, { da: "McNemars asymptotiske test", en: "McNemar's asymptotic test" });
  if (opts.confLevel !== undefined) confLevelOf(opts.confLevel);
  if (n === 0) noDiscordant();
  const correct = opts.correct ?? true;
  const useCorr = correct && b !== c;
  const diff = Math.abs(b - c) - (useCorr ? 1 : 0);
  const stat = (diff * diff) / n;
  return {
    method: useCorr
      ? { da: "McNemars test med kontinuitetskorrektion", en: "McNemar's chi-squared test with continuity correction" }
      : { da: MCNEMAR.da, en: "McNemar's chi-squared test" },
    statistic: { name: "McNemar's chi-squared", value: stat },
    parameter: { df: 1 },
    pValue: pchisqUpper(stat, 1),
    alternative: "two.sided",
    estimate: null,
    ci: null,
    warnings: n < 10
      ? [{ da: "Færre end 10 uenige par; brug hellere den eksakte test.", en: "Fewer than 10 discordant pairs; prefer the exact test." }]
      : [],
  };
}

function noDiscordant(): never {
  return fail("STATS_NO_DISCORDANT_PAIRS", "McNemars test kan ikke udføres: der er ingen uenige par (b + c = 0).", "McNemar's test cannot be done: there are no discordant pairs (b + c = 0).");
}

function exactMcNemar(b: number, c: number, alternative: Alternative, confLevel: number): TestResult {
  const n = b + c;
  if (n === 0) noDiscordant();
  let p: number;
  if (alternative === "less") p = lowerTailHalf(b, n);
  else if (alternative === "greater") p = lowerTailHalf(c, n); // P(X >= b) = P(X <= c) for p = 1/2
  else p = b === c ? 1 : Math.min(1, 2 * lowerTailHalf(Math.min(b, c), n));
  const lowerAt = (alpha: number): number => (b === 0 ? 0 : betaincinv(alpha, b, n - b + 1));
  const upperAt = (alpha: number): number => (b === n ? 1 : betaincinv(1 - alpha, b + 1, n - b));
  const alpha = 1 - confLevel;
  const ci = alternative === "less" ? { lower: 0, upper: upperAt(alpha), level: confLevel }
    : alternative === "greater" ? { lower: lowerAt(alpha), upper: 1, level: confLevel }
      : { lower: lowerAt(alpha / 2), upper: upperAt(alpha / 2), level: confLevel };
  return {
    method: { da: "Eksakt McNemar-test (binomialtest på de uenige par)", en: "Exact McNemar test (binomial test on the discordant pairs)" },
    statistic: { name: "number of successes", value: b },
    parameter: { "number of trials": n },
    pValue: p,
    alternative,
    estimate: { name: { da: "andel b / (b + c)", en: "proportion b / (b + c)" }, value: b / n },
    ci,
    warnings: [],
  };
}
