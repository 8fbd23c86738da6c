/**
 * Wilcoxon rank-sum (Mann-Whitney) and signed-rank tests, as R's wilcox.test (R 4.2):
 * exact p-values when exact (default: n < 50 per group, resp. n < 50 non-zero differences) and
 * there are no ties (and, for signed-rank, no zero differences); otherwise the normal
 * approximation with tie correction and (default) continuity correction.
 * Rank-sum statistic W = U of x = sum of ranks of x - nx (nx + 1) / 2 (as R).
 * All values tied (rank-sum): p = 1 with a warning (R gives NaN two-sided).
 * Signed-rank statistic V = sum of ranks of positive differences; zero differences are dropped.
 * Explicit exact = true is refused (STATS_EXACT_TOO_LARGE) beyond nx * ny = 40 000 (rank sum,
 * e.g. 200 + 200) and n = 1000 (signed rank); the exact distributions are computed in probability
 * space by recurrences without subtraction and checked against big-integer counts
 * (scripts/fixtures/generate-rank-exact.mjs).
 */
import { rankWithTies } from "./descriptive";
import { pnorm, pnormUpper } from "./dist";
import type { Alternative, TestResult, Text } from "./types";
import { checkAlternative, checkOptions, checkSample, fail } from "./validate";
import { progressListened, reportProgress } from "../progress";

export interface WilcoxonOptions {
  exact?: boolean;
  correct?: boolean;
  alternative?: Alternative;
}

/** Largest nx * ny for which an exact rank-sum p-value is computed (200 + 200; about 1 s). */
export const EXACT_RANK_SUM_MAX = 40_000;
/** Largest number of non-zero differences for an exact signed-rank p-value (about 0.3 s). */
export const EXACT_SIGNED_RANK_MAX = 1000;

/** Progress reports of the exact distributions (one per step of their outer loop, when someone listens). */
const RANK_SUM_EXACT = { da: "Eksakt fordeling af rangsummen", en: "Exact distribution of the rank sum" };
const SIGNED_RANK_EXACT = { da: "Eksakt fordeling af fortegnsrangsummen", en: "Exact distribution of the signed rank sum" };

/**
 * P(U <= q) for the Mann-Whitney U with group sizes m, n under H0. The number of arrangements with
 * U = u is the coefficient of z^u in the Gaussian binomial [m + n choose m]_z =
 * prod_{i=1}^{a} (1 - z^{b+i}) / (1 - z^i), a = min(m, n), b = max(m, n) (Mann and Whitney 1947;
 * Harding 1984, Appl. Stat. 33:1-6; Andrews, "The Theory of Partitions", ch. 3). Step i multiplies
 * by (1 - z^{b+i}) and divides by (1 - z^i), so after it the array holds the counts for sizes (i, b)
 * — all positive; only coefficients u <= q are kept. Work a q, memory q numbers. The counts stay
 * below C(m + n, m) <= 1e120 at the engine's limit (m n <= 40 000), so doubles hold them; the one
 * subtraction per step takes counts of the lower half, where f(u - b - i) < f(u), and the error stays
 * within 1e-12 relative (checked against big-integer counts down to 1e-100 in the tails).
 */
export function rankSumLowerTail(m: number, n: number, q: number): number {
  const D = m * n;
  if (q < 0) return 0;
  if (q >= D) return 1;
  if (q > D / 2) return 1 - rankSumLowerTail(m, n, D - q - 1); // symmetry: P(U > q) = P(U <= D - q - 1)
  return rankSumCdf(m, n, q)[q];
}

/** P(U <= u) for u = 0..q (one pass; the work grows with q). */
export function rankSumCdf(m: number, n: number, q: number): Float64Array {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const top = Math.min(q, a * b);
  const f = new Float64Array(q + 1);
  f[0] = 1;
  const listened = progressListened();
  for (let i = 1; i <= a; i++) {
    if (listened) reportProgress({ what: RANK_SUM_EXACT, fraction: (i - 1) / a });
    const s = b + i;
    const hi = Math.min(top, i * b);
    for (let u = hi; u >= s; u--) f[u] -= f[u - s];
    for (let u = i; u <= hi; u++) f[u] += f[u - i];
  }
  return cumulate(f, 1 / choose(a + b, a));
}

/** C(n, k) as a double (exact below 2^53, then to a few ulps). */
function choose(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

/** Running sums (smallest terms first in the lower tail), times scale, capped at 1. */
function cumulate(f: Float64Array, scale: number): Float64Array {
  const c = new Float64Array(f.length);
  let s = 0;
  for (let u = 0; u < f.length; u++) {
    s += f[u];
    c[u] = Math.min(1, s * scale);
  }
  return c;
}

/**
 * P(V <= q) for the signed-rank statistic with n non-zero differences under H0: the generating
 * function prod_{i=1}^{n} (1 + z^i) / 2 (Wilcoxon 1945), applied factor by factor to the counts
 * (additions only); only v <= q is kept. Work about n q.
 */
export function signedRankLowerTail(n: number, q: number): number {
  const D = (n * (n + 1)) / 2;
  if (q < 0) return 0;
  if (q >= D) return 1;
  if (q > D / 2) return 1 - signedRankLowerTail(n, D - q - 1);
  return signedRankCdf(n, q)[q];
}

/** P(V <= v) for v = 0..q. */
export function signedRankCdf(n: number, q: number): Float64Array {
  // counts (at most 2^n <= 2^1000 ~ 1e301, below the largest double), scaled by 2^-n at the end
  const f = new Float64Array(q + 1);
  f[0] = 1;
  const listened = progressListened();
  for (let i = 1; i <= n; i++) {
    if (listened) reportProgress({ what: SIGNED_RANK_EXACT, fraction: (i - 1) / n });
    for (let u = Math.min(q, (i * (i + 1)) / 2); u >= i; u--) f[u] += f[u - i];
  }
  return cumulate(f, Math.pow(2, -n));
}

/** Exact p-value as R: two-sided 2 min(P(S <= s), P(S >= s)), capped at 1. */
function exactP(lowerTail: (q: number) => number, D: number, stat: number, alternative: Alternative): number {
  const upper = (q: number): number => lowerTail(D - q); // P(S >= q) = P(S <= D - q) by symmetry
  if (alternative === "less") return lowerTail(stat);
  if (alternative === "greater") return upper(stat);
  const p = stat > D / 2 ? upper(stat) : lowerTail(stat);
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

const TIES_WARNING: Text = {
  da: "Der er ens værdier (ties); eksakt p-værdi er ikke mulig, normalfordelingstilnærmelse er brugt.",
  en: "There are ties; an exact p-value is not possible, the normal approximation was used.",
};

export const ALL_TIED_WARNING: Text = {
  da: "Alle værdier er ens; der er ingen forskel at teste (p = 1).",
  en: "All values are equal; there is no difference to test (p = 1).",
};

function tooLarge(what: Text, limit: string): never {
  return fail("STATS_EXACT_TOO_LARGE", `${what.da} er for stor til en eksakt p-værdi (grænse: ${limit}); udelad exact: true for at bruge normalfordelingstilnærmelsen.`,
    `${what.en} is too large for an exact p-value (limit: ${limit}); leave out exact: true to use the normal approximation.`);
}

const RANK_SUM: Text = { da: "Wilcoxons rangsumtest (Mann-Whitney)", en: "Wilcoxon rank sum test" };
const SIGNED_RANK: Text = { da: "Wilcoxons test for parrede observationer (fortegnsrangtest)", en: "Wilcoxon signed rank test" };

function normalMethod(base: Text, correct: boolean): Text {
  return correct
    ? { da: `${base.da}, normalfordelingstilnærmelse med kontinuitetskorrektion`, en: `${base.en} with continuity correction` }
    : { da: `${base.da}, normalfordelingstilnærmelse`, en: base.en };
}

export function wilcoxonRankSum(x: number[], y: number[], options?: WilcoxonOptions): TestResult {
  const opts = checkOptions(options);
  checkSample(x, 1, { da: "Gruppe 1", en: "Group 1" });
  checkSample(y, 1, { da: "Gruppe 2", en: "Group 2" });
  const alternative = checkAlternative(opts.alternative);
  const correct = opts.correct ?? true;
  const nx = x.length;
  const ny = y.length;
  if (opts.exact === true && nx * ny > EXACT_RANK_SUM_MAX) tooLarge({ da: "Stikprøven", en: "The sample" }, `nx · ny ≤ ${EXACT_RANK_SUM_MAX}, fx 200 + 200`);
  const exact = opts.exact ?? (nx < 50 && ny < 50);
  const { ranks, tieSizes } = rankWithTies([...x, ...y]);
  let rx = 0;
  for (let i = 0; i < nx; i++) rx += ranks[i];
  const W = rx - (nx * (nx + 1)) / 2;
  const ties = tieSizes.length > 0;
  const warnings: Text[] = [];
  const common = { statistic: { name: "W", value: W }, parameter: {}, alternative, estimate: null, ci: null };
  if (exact && !ties) {
    const pValue = exactP((q) => rankSumLowerTail(nx, ny, q), nx * ny, W, alternative);
    return { ...common, method: { da: `${RANK_SUM.da}, eksakt`, en: "Wilcoxon rank sum exact test" }, pValue, warnings };
  }
  if (exact && ties && opts.exact !== undefined) warnings.push(TIES_WARNING);
  const N = nx + ny;
  const tieSum = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt(((nx * ny) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  if (!(sigma > 0)) {
    // every value is the same: no evidence of a difference. R returns NaN (two-sided) or 1/0
    // (one-sided, from the continuity correction); we return p = 1 and say why.
    return { ...common, method: RANK_SUM, pValue: 1, warnings: [...warnings, ALL_TIED_WARNING] };
  }
  return { ...common, method: normalMethod(RANK_SUM, correct), pValue: normalP(W - (nx * ny) / 2, sigma, correct, alternative), warnings };
}

export function wilcoxonSignedRank(x: number[], y: number[], options?: WilcoxonOptions): TestResult {
  const opts = checkOptions(options);
  checkSample(x, 1, { da: "Første måling", en: "The first measurement" });
  checkSample(y, 1, { da: "Anden måling", en: "The second measurement" });
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
  if (opts.exact === true && n > EXACT_SIGNED_RANK_MAX) tooLarge({ da: "Antallet af par", en: "The number of pairs" }, `${EXACT_SIGNED_RANK_MAX} par med forskel ≠ 0`);
  const exact = opts.exact ?? n < 50;
  const { ranks, tieSizes } = rankWithTies(d.map(Math.abs));
  let V = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) V += ranks[i];
  const ties = tieSizes.length > 0;
  const common = { statistic: { name: "V", value: V }, parameter: {}, alternative, estimate: null, ci: null };
  if (exact && !ties && !zeros) {
    const pValue = exactP((q) => signedRankLowerTail(n, q), (n * (n + 1)) / 2, V, alternative);
    return { ...common, method: { da: `${SIGNED_RANK.da}, eksakt`, en: "Wilcoxon signed rank exact test" }, pValue, warnings };
  }
  if (exact && opts.exact !== undefined) {
    warnings.push({ da: "Der er ens værdier eller nul-forskelle; eksakt p-værdi er ikke mulig, normalfordelingstilnærmelse er brugt.", en: "There are ties or zero differences; an exact p-value is not possible, the normal approximation was used." });
  }
  const tieSum = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum / 48);
  if (!(sigma > 0)) fail("STATS_ALL_TIED", "Testen kan ikke beregnes (variansen er 0).", "The test cannot be computed (variance is 0).");
  return { ...common, method: normalMethod(SIGNED_RANK, correct), pValue: normalP(V - (n * (n + 1)) / 4, sigma, correct, alternative), warnings };
}
