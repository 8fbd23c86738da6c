/**
 * Wilcoxon rank-sum (Mann-Whitney) and signed-rank tests, as R's wilcox.test (R 4.2):
 * exact p-values when exact (default: n < 50 per group, resp. n < 50 non-zero differences) and
 * there are no ties (and, for signed-rank, no zero differences); otherwise the normal
 * approximation with tie correction and (default) continuity correction.
 * Rank-sum statistic W = U of x = sum of ranks of x - nx (nx + 1) / 2 (as R).
 * All values tied (rank-sum): p = 1 with a warning (R gives NaN two-sided).
 * Signed-rank statistic V = sum of ranks of positive differences; zero differences are dropped.
 * Explicit exact = true is honoured up to nx * ny <= 250 000 (rank sum) and n <= 1000 (signed
 * rank); beyond that the normal approximation is used with a warning.
 * Exact null distributions by polynomial counting (Gaussian binomial coefficients for U,
 * product of (1 + q^i) for V).
 */
import { rankWithTies } from "./descriptive";
import { pnorm, pnormUpper } from "./dist";
import type { Alternative, TestResult, Text } from "./types";
import { checkAlternative, checkSample, fail } from "./validate";

export interface WilcoxonOptions {
  exact?: boolean;
  correct?: boolean;
  alternative?: Alternative;
}

/** Counts of U = 0..m*n for the rank-sum statistic with sizes m, n. */
export function rankSumCounts(m: number, n: number): Float64Array {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const D = a * b;
  const f = new Float64Array(D + 1);
  f[0] = 1;
  // prod_{i=1}^{a} (1 - q^{b+i}) / (1 - q^i)
  for (let i = 1; i <= a; i++) {
    const s = b + i;
    for (let u = D; u >= s; u--) f[u] -= f[u - s];
    for (let u = i; u <= D; u++) f[u] += f[u - i];
  }
  return f;
}

/** Counts of V = 0..n(n+1)/2 for the signed-rank statistic with n non-zero differences. */
export function signedRankCounts(n: number): Float64Array {
  const D = (n * (n + 1)) / 2;
  const f = new Float64Array(D + 1);
  f[0] = 1;
  for (let i = 1; i <= n; i++) for (let u = D; u >= i; u--) f[u] += f[u - i];
  return f;
}

/** P(S <= q) for a distribution symmetric on 0..D given by counts f. */
function lowerTail(f: Float64Array, q: number): number {
  const D = f.length - 1;
  if (q < 0) return 0;
  if (q >= D) return 1;
  let total = 0;
  for (let i = 0; i <= D; i++) total += f[i];
  if (q <= D / 2) {
    let s = 0;
    for (let i = 0; i <= q; i++) s += f[i];
    return s / total;
  }
  // P(S <= q) = 1 - P(S >= q + 1) = 1 - P(S <= D - q - 1)
  let s = 0;
  for (let i = 0; i <= D - q - 1; i++) s += f[i];
  return 1 - s / total;
}

function exactP(f: Float64Array, stat: number, centre: number, alternative: Alternative): number {
  const D = f.length - 1;
  const upper = (q: number): number => lowerTail(f, D - q - 1); // P(S > q) by symmetry
  if (alternative === "less") return lowerTail(f, stat);
  if (alternative === "greater") return upper(stat - 1);
  const p = stat > centre ? upper(stat - 1) : lowerTail(f, stat);
  return Math.min(1, 2 * p);
}

function normalP(z0: number, sigma: number, correct: boolean, alternative: Alternative): number {
  let corr = 0;
  if (correct) corr = alternative === "two.sided" ? Math.sign(z0) * 0.5 : alternative === "greater" ? 0.5 : -0.5;
  const z = (z0 - corr) / sigma;
  if (alternative === "less") return pnorm(z);
  if (alternative === "greater") return pnormUpper(z);
  return 2 * Math.min(pnorm(z), pnormUpper(z));
}

/** Largest nx * ny for which an explicitly requested exact rank-sum p-value is computed. */
export const EXACT_RANK_SUM_MAX = 250_000;
/** Largest n for which an explicitly requested exact signed-rank p-value is computed. */
export const EXACT_SIGNED_RANK_MAX = 1000;
const TOO_LARGE_WARNING: Text = {
  da: "Stikprøven er for stor til eksakt beregning; normalfordelingstilnærmelse er brugt.",
  en: "The sample is too large for an exact computation; the normal approximation was used.",
};

const TIES_WARNING: Text = {
  da: "Der er ens værdier (ties); eksakt p-værdi er ikke mulig, normalfordelingstilnærmelse er brugt.",
  en: "There are ties; an exact p-value is not possible, the normal approximation was used.",
};

export const ALL_TIED_WARNING: Text = {
  da: "Alle værdier er ens; der er ingen forskel at teste (p = 1).",
  en: "All values are equal; there is no difference to test (p = 1).",
};

export function wilcoxonRankSum(x: number[], y: number[], opts: WilcoxonOptions = {}): TestResult {
  checkSample(x, 1, "Gruppe 1");
  checkSample(y, 1, "Gruppe 2");
  const alternative = checkAlternative(opts.alternative);
  const correct = opts.correct ?? true;
  const nx = x.length;
  const ny = y.length;
  const exact = opts.exact ?? (nx < 50 && ny < 50);
  const { ranks, tieSizes } = rankWithTies([...x, ...y]);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i];
  const W = rx - (nx * (nx + 1)) / 2;
  const ties = tieSizes.length > 0;
  const warnings: Text[] = [];
  if (exact && !ties && nx * ny > EXACT_RANK_SUM_MAX) {
    warnings.push(TOO_LARGE_WARNING);
  } else if (exact && !ties) {
    return {
      method: { da: "Wilcoxons rangsumtest (Mann-Whitney), eksakt", en: "Wilcoxon rank sum exact test" },
      statistic: W, statisticName: "W",
      pValue: exactP(rankSumCounts(nx, ny), W, (nx * ny) / 2, alternative),
      alternative, warnings,
    };
  }
  if (exact && ties && opts.exact !== undefined) warnings.push(TIES_WARNING);
  const N = nx + ny;
  const tieSum = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt(((nx * ny) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  if (!(sigma > 0)) {
    // every value is the same: no evidence of a difference. R returns NaN (two-sided) or 1/0
    // (one-sided, from the continuity correction); we return p = 1 and say why.
    return {
      method: { da: "Wilcoxons rangsumtest (Mann-Whitney)", en: "Wilcoxon rank sum test" },
      statistic: W, statisticName: "W", pValue: 1, alternative,
      warnings: [...warnings, ALL_TIED_WARNING],
    };
  }
  return {
    method: correct
      ? { da: "Wilcoxons rangsumtest (Mann-Whitney), normalfordelingstilnærmelse med kontinuitetskorrektion", en: "Wilcoxon rank sum test with continuity correction" }
      : { da: "Wilcoxons rangsumtest (Mann-Whitney), normalfordelingstilnærmelse", en: "Wilcoxon rank sum test" },
    statistic: W, statisticName: "W",
    pValue: normalP(W - (nx * ny) / 2, sigma, correct, alternative),
    alternative, warnings,
  };
}

export function wilcoxonSignedRank(x: number[], y: number[], opts: WilcoxonOptions = {}): TestResult {
  checkSample(x, 1, "Første måling");
  checkSample(y, 1, "Anden måling");
  if (x.length !== y.length) fail("STATS_PAIRED_LENGTH", "Parrede målinger skal have lige mange værdier.", "Paired measurements must have the same number of values.");
  const alternative = checkAlternative(opts.alternative);
  const correct = opts.correct ?? true;
  const all = x.map((v, i) => v - y[i]);
  const d = all.filter((v) => v !== 0);
  const zeros = d.length < all.length;
  const warnings: Text[] = [];
  if (zeros) warnings.push({ da: `${all.length - d.length} par med forskel 0 er udeladt.`, en: `${all.length - d.length} pairs with difference 0 were left out.` });
  const n = d.length;
  if (n === 0) fail("STATS_ALL_ZERO_DIFFERENCES", "Alle parvise forskelle er 0; testen kan ikke beregnes.", "All paired differences are 0; the test cannot be computed.");
  const exact = opts.exact ?? n < 50;
  const { ranks, tieSizes } = rankWithTies(d.map(Math.abs));
  let V = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) V += ranks[i];
  const ties = tieSizes.length > 0;
  if (exact && !ties && !zeros && n > EXACT_SIGNED_RANK_MAX) {
    warnings.push(TOO_LARGE_WARNING);
  } else if (exact && !ties && !zeros) {
    return {
      method: { da: "Wilcoxons test for parrede observationer (fortegnsrangtest), eksakt", en: "Wilcoxon signed rank exact test" },
      statistic: V, statisticName: "V",
      pValue: exactP(signedRankCounts(n), V, (n * (n + 1)) / 4, alternative),
      alternative, warnings,
    };
  }
  if (exact && opts.exact !== undefined) {
    warnings.push({ da: "Der er ens værdier eller nul-forskelle; eksakt p-værdi er ikke mulig, normalfordelingstilnærmelse er brugt.", en: "There are ties or zero differences; an exact p-value is not possible, the normal approximation was used." });
  }
  const tieSum = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  if (!(sigma > 0)) fail("STATS_ALL_TIED", "Testen kan ikke beregnes (variansen er 0).", "The test cannot be computed (variance is 0).");
  return {
    method: correct
      ? { da: "Wilcoxons test for parrede observationer (fortegnsrangtest), normalfordelingstilnærmelse med kontinuitetskorrektion", en: "Wilcoxon signed rank test with continuity correction" }
      : { da: "Wilcoxons test for parrede observationer (fortegnsrangtest), normalfordelingstilnærmelse", en: "Wilcoxon signed rank test" },
    statistic: V, statisticName: "V",
    pValue: normalP(V - (n * (n + 1)) / 4, sigma, correct, alternative),
    alternative, warnings,
  };
}
