/**
 * McNemar's test for paired proportions, table [[a, b], [c, d]] with b, c the discordant pairs.
 * Asymptotic: (|b - c| - 1)^2 / (b + c) with continuity correction (R: mcnemar.test, which skips
 * the correction when b = c), or (b - c)^2 / (b + c) without; chi-square with 1 df.
 * Exact: binomial test of b successes in b + c trials with p = 0.5 (R: binom.test(b, b + c)),
 * estimate b / (b + c) with the Clopper-Pearson interval.
 * b + c = 0: no test is possible; throws VirkningError("STATS_NO_DISCORDANT_PAIRS").
 */
import betaincinv from "@stdlib/math-base-special-betaincinv";
import { pbinom, pchisqUpper } from "./dist";
import type { TestResult } from "./types";
import { checkCountTable, fail } from "./validate";

export function mcnemarTest(table: number[][], opts: { correct?: boolean; exact?: boolean } = {}): TestResult {
  checkCountTable(table, 2, 2, 2, 2);
  const b = table[0][1];
  const c = table[1][0];
  const n = b + c;
  if (n === 0) {
    fail("STATS_NO_DISCORDANT_PAIRS", "McNemars test kan ikke udføres: der er ingen uenige par (b + c = 0).", "McNemar's test cannot be done: there are no discordant pairs (b + c = 0).");
  }
  if (opts.exact) {
    const p = b === c ? 1 : Math.min(1, 2 * pbinom(Math.min(b, c), n, 0.5));
    const alpha = 0.05;
    const lower = b === 0 ? 0 : betaincinv(alpha / 2, b, n - b + 1);
    const upper = b === n ? 1 : betaincinv(1 - alpha / 2, b + 1, n - b);
    return {
      method: { da: "Eksakt McNemar-test (binomialtest på de uenige par)", en: "Exact McNemar test (binomial test on the discordant pairs)" },
      statistic: b,
      statisticName: "b",
      parameters: { discordantPairs: n },
      pValue: p,
      alternative: "two.sided",
      estimate: b / n,
      estimateName: "b / (b + c)",
      confInt: [lower, upper],
      confLevel: 0.95,
      warnings: [],
    };
  }
  const correct = opts.correct ?? true;
  const useCorr = correct && b !== c;
  const diff = Math.abs(b - c) - (useCorr ? 1 : 0);
  const stat = (diff * diff) / n;
  return {
    method: useCorr
      ? { da: "McNemars test med kontinuitetskorrektion", en: "McNemar's chi-squared test with continuity correction" }
      : { da: "McNemars test", en: "McNemar's chi-squared test" },
    statistic: stat,
    statisticName: "McNemar's chi-squared",
    df: 1,
    pValue: pchisqUpper(stat, 1),
    alternative: "two.sided",
    warnings: n < 10
      ? [{ da: "Færre end 10 uenige par; brug hellere den eksakte test.", en: "Fewer than 10 discordant pairs; prefer the exact test." }]
      : [],
  };
}
