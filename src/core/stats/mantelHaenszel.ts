/**
 * Stratified 2×2 tables (K strata): the Cochran–Mantel–Haenszel test and the Mantel–Haenszel common odds
 * ratio and risk difference with confidence intervals. Each stratum is [a, b, c, d]: row 1 (intervention)
 * a events, b non-events; row 2 (control) c events, d non-events.
 *
 * - CMH test as R's mantelhaen.test for 2×2×K (continuity correction 0.5 by default, `correct: false`
 *   without): X² = (|Σa − ΣE(a)| − ½)² / ΣVar(a), E(a) = n1·m1/N, Var(a) = n1·n2·m1·m2 / (N²(N − 1));
 *   strata with N < 2 are dropped. Mantel N, Haenszel W (1959), J Natl Cancer Inst 22:719–748.
 * - MH odds ratio Σ(ad/N) / Σ(bc/N) with the variance of its logarithm by Robins, Breslow and Greenland
 *   (1986), Biometrics 42:311–323 (the interval R's mantelhaen.test reports).
 * - MH risk difference Σ w(p1 − p2) / Σ w, w = n1·n2/N, with the variance of Sato (1989), Biometrics
 *   45:1323–1324, which is consistent both for many sparse strata and for few large ones (Greenland &
 *   Robins 1985, Biometrics 41:55–68, give the estimator); Wald interval RD ± z·√Var.
 *
 * Reference values: scripts/fixtures/generate-mantel-haenszel.R (R's mantelhaen.test; the RD interval
 * written out from Sato's formula).
 */
import type { EstimateResult, TestResult, Text } from "./types";
import { pchisqUpper, qnorm } from "./dist";
import { checkCount, confLevelOf, fail } from "./validate";

export type Stratum = [a: number, b: number, c: number, d: number];

export interface MantelHaenszelResult {
  test: TestResult;
  /** The estimate is NaN (with a warning) when it cannot be computed. */
  oddsRatio: EstimateResult;
  riskDifference: EstimateResult;
  /** Strata used (N ≥ 2 for the test; both rows non-empty for the risk difference). */
  strata: number;
}

const t = (da: string, en: string) => ({ da, en });

function check(strata: Stratum[]): void {
  if (strata.length === 0) fail("STATS_STRATA", "Der er ingen strata.", "There are no strata.");
  for (const s of strata) for (const v of s) checkCount(v);
}

/** The CMH test (as R's mantelhaen.test for 2×2×K). */
function cmh(strata: Stratum[], correct: boolean): TestResult {
  let delta = 0;
  let variance = 0;
  for (const [a, b, c, d] of strata) {
    const n = a + b + c + d;
    if (n < 2) continue;
    const n1 = a + b;
    const m1 = a + c;
    delta += a - (n1 * m1) / n;
    variance += (n1 * (c + d) * m1 * (b + d)) / (n * n * (n - 1));
  }
  if (!(variance > 0)) fail("STATS_CMH_VARIANCE", "CMH-testen kan ikke beregnes: der er ingen variation i nogen stratum.", "The CMH test cannot be computed: there is no variation in any stratum.");
  // as R: the correction only when |Σa − ΣE(a)| ≥ ½
  const yates = correct && Math.abs(delta) >= 0.5 ? 0.5 : 0;
  const statistic = (Math.abs(delta) - yates) ** 2 / variance;
  return {
    method: correct ? t("Cochran–Mantel–Haenszels test (med kontinuitetskorrektion)", "Cochran–Mantel–Haenszel test (with continuity correction)") : t("Cochran–Mantel–Haenszels test", "Cochran–Mantel–Haenszel test"),
    statistic: { name: "Mantel-Haenszel X-squared", value: statistic },
    parameter: { df: 1 },
    pValue: pchisqUpper(statistic, 1),
    alternative: "two.sided",
    // the common odds ratio and risk difference are reported by mantelHaenszel() beside the test
    estimate: null,
    ci: null,
    warnings: [],
  };
}

function estimateResult(name: Text, method: Text, value: number, lower: number, upper: number, level: number, warnings: Text[] = []): EstimateResult {
  return { method, estimate: { name, value }, ci: { lower, upper, level }, warnings };
}

/** MH common odds ratio with the Robins–Breslow–Greenland interval. */
function mhOddsRatio(strata: Stratum[], conf: number): EstimateResult {
  let r = 0; // Σ ad/N
  let s = 0; // Σ bc/N
  let pr = 0;
  let ps = 0;
  let qs = 0;
  for (const [a, b, c, d] of strata) {
    const n = a + b + c + d;
    if (n < 2) continue;
    const R = (a * d) / n;
    const S = (b * c) / n;
    const P = (a + d) / n;
    const Q = (b + c) / n;
    r += R;
    s += S;
    pr += P * R;
    ps += P * S + Q * R;
    qs += Q * S;
  }
  const method = t("Mantel–Haenszels fælles oddsratio (Robins–Breslow–Greenland-interval)", "Mantel–Haenszel common odds ratio (Robins–Breslow–Greenland interval)");
  const name = t("fælles oddsratio", "common odds ratio");
  if (!(r > 0 && s > 0)) return estimateResult(name, method, Number.NaN, Number.NaN, Number.NaN, conf, [t("Oddsratioen kan ikke beregnes (0 i tæller eller nævner).", "The odds ratio cannot be computed (0 in numerator or denominator).")]);
  const estimate = r / s;
  const se = Math.sqrt(pr / (2 * r * r) + ps / (2 * r * s) + qs / (2 * s * s));
  const z = qnorm(1 - (1 - conf) / 2);
  return estimateResult(name, method, estimate, estimate * Math.exp(-z * se), estimate * Math.exp(z * se), conf);
}

/** MH risk difference with Sato's variance (Wald interval). */
function mhRiskDifference(strata: Stratum[], conf: number): EstimateResult & { used: number } {
  let w = 0;
  let num = 0;
  let P = 0;
  let Q = 0;
  let used = 0;
  for (const [a, b, c, d] of strata) {
    const n1 = a + b;
    const n2 = c + d;
    const n = n1 + n2;
    if (n1 === 0 || n2 === 0) continue;
    used++;
    w += (n1 * n2) / n;
    num += (a * n2 - c * n1) / n;
    P += (n1 * n1 * c - n2 * n2 * a + (n1 * n2 * (n2 - n1)) / 2) / (n * n);
    Q += (a * (n2 - c) + c * (n1 - a)) / (2 * n);
  }
  const method = t("Mantel–Haenszels risikoforskel (Satos varians)", "Mantel–Haenszel risk difference (Sato's variance)");
  if (used === 0) fail("STATS_STRATA", "Intet stratum har borgere i begge grupper.", "No stratum has citizens in both groups.");
  const estimate = num / w;
  const variance = (estimate * P + Q) / (w * w);
  const z = qnorm(1 - (1 - conf) / 2);
  const half = z * Math.sqrt(Math.max(0, variance));
  return { ...estimateResult(t("risikoforskel", "risk difference"), method, estimate, estimate - half, estimate + half, conf), used };
}

export function mantelHaenszel(strata: Stratum[], options: { confLevel?: number; correct?: boolean } = {}): MantelHaenszelResult {
  const conf = confLevelOf(options.confLevel);
  check(strata);
  const rd = mhRiskDifference(strata, conf);
  const { used, ...riskDifference } = rd;
  return { test: cmh(strata, options.correct ?? true), oddsRatio: mhOddsRatio(strata, conf), riskDifference, strata: used };
}
