/**
 * Shapiro-Wilk W test of normality, Royston's algorithm AS R94 (Royston 1992, "Approximating
 * the Shapiro-Wilk W-test for non-normality", Statistics and Computing 2:117-119; Royston 1995,
 * "Remark AS R94", Applied Statistics 44:547-551), for 3 <= n <= 5000, as R's shapiro.test.
 * Coefficients: a_n, a_{n-1} by Royston's polynomials in u = 1/sqrt(n), the rest m_i / sqrt(phi)
 * from the normal scores m_i = Phi^-1((i - 3/8) / (n + 1/4)).
 * p-value: n = 3 exact (6/pi)(asin(sqrt(W)) - asin(sqrt(3/4))); 4 <= n <= 11 from
 * -log(gamma - log(1 - W)); n >= 12 from log(1 - W); both normal with polynomial mean and sd.
 */
import { pnormUpper, qnorm } from "./dist";
import type { TestResult } from "./types";
import { checkOptions, checkSample, fail } from "./validate";

const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];

function poly(c: number[], x: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * x + c[i];
  return r;
}

const coefCache = new Map<number, number[]>();

/** Coefficients a_1..a_{n/2} for the upper half (a_1 belongs to the largest observation); cached per n. */
function coefficients(n: number): number[] {
  let a = coefCache.get(n);
  if (!a) {
    a = computeCoefficients(n);
    if (coefCache.size >= 16) coefCache.clear();
    coefCache.set(n, a);
  }
  return a;
}

function computeCoefficients(n: number): number[] {
  const nn2 = Math.floor(n / 2);
  const a = new Array<number>(nn2);
  if (n === 3) {
    a[0] = Math.SQRT1_2;
    return a;
  }
  const m = new Array<number>(nn2);
  let summ2 = 0;
  for (let i = 0; i < nn2; i++) {
    m[i] = qnorm((i + 1 - 0.375) / (n + 0.25));
    summ2 += m[i] * m[i];
  }
  summ2 *= 2;
  const ssumm2 = Math.sqrt(summ2);
  const rsn = 1 / Math.sqrt(n);
  const a1 = poly(C1, rsn) - m[0] / ssumm2;
  let i1: number;
  let fac: number;
  if (n > 5) {
    i1 = 2;
    const a2 = -m[1] / ssumm2 + poly(C2, rsn);
    fac = Math.sqrt((summ2 - 2 * m[0] * m[0] - 2 * m[1] * m[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
    a[1] = a2;
  } else {
    i1 = 1;
    fac = Math.sqrt((summ2 - 2 * m[0] * m[0]) / (1 - 2 * a1 * a1));
  }
  a[0] = a1;
  for (let i = i1; i < nn2; i++) a[i] = -m[i] / fac;
  return a;
}

export function shapiroWilk(data: number[], options?: Record<string, never>): TestResult {
  checkOptions(options);
  checkSample(data, 3);
  const n = data.length;
  if (n > 5000) fail("STATS_TOO_MANY", `Shapiro-Wilks test kræver mellem 3 og 5000 observationer (har ${n}).`, `The Shapiro-Wilk test needs between 3 and 5000 observations (has ${n}).`);
  // centre on the median first, as R does (x - median), so that 1e12 + 1..20 keeps its spread
  const sorted = Float64Array.from(data).sort();
  const mid = sorted[(n - 1) >> 1];
  const x = sorted.map((v) => v - mid);
  const range = x[n - 1] - x[0];
  if (!(range > 0)) {
    fail("STATS_ALL_EQUAL", "Alle værdier er ens; Shapiro-Wilks test kan ikke beregnes.", "All values are equal; the Shapiro-Wilk test cannot be computed.");
  }
  const a = coefficients(n);
  // coefficient of the i-th order statistic (0-based): -a[i] in the lower half, +a[n-1-i] in the upper
  const coef = new Float64Array(n);
  for (let i = 0; i < a.length; i++) {
    coef[i] = -a[i];
    coef[n - 1 - i] = a[i];
  }
  let sx = 0;
  let sa = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i] / range;
    sa += coef[i];
  }
  sx /= n;
  sa /= n;
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let i = 0; i < n; i++) {
    const asa = coef[i] - sa;
    const xsx = x[i] / range - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx);
  const w = 1 - w1;
  let p: number;
  if (n === 3) {
    p = Math.max(0, (6 / Math.PI) * (Math.asin(Math.sqrt(w)) - Math.PI / 3));
  } else {
    let y = Math.log(w1);
    let mu: number;
    let sigma: number;
    if (n <= 11) {
      const gamma = poly(G, n);
      if (y >= gamma) {
        p = 1e-99; // as AS R94: W so small that the approximation breaks down
        return result(w, p, n);
      }
      y = -Math.log(gamma - y);
      mu = poly(C3, n);
      sigma = Math.exp(poly(C4, n));
    } else {
      const ln = Math.log(n);
      mu = poly(C5, ln);
      sigma = Math.exp(poly(C6, ln));
    }
    p = pnormUpper((y - mu) / sigma);
  }
  return result(w, p, n);
}

function result(w: number, p: number, n: number): TestResult {
  return {
    method: { da: "Shapiro-Wilks test for normalfordeling", en: "Shapiro-Wilk normality test" },
    statistic: { name: "W", value: w },
    parameter: { n },
    pValue: p,
    alternative: "two.sided",
    estimate: null,
    ci: null,
    warnings: [],
  };
}
