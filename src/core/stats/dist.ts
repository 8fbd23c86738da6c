/** Distribution helpers built on @stdlib special functions, accurate in the far tails. */
import betainc from "@stdlib/math-base-special-betainc";
import betaln from "@stdlib/math-base-special-betaln";
import erfc from "@stdlib/math-base-special-erfc";
import gammainc from "@stdlib/math-base-special-gammainc";
import qnormStd from "@stdlib/stats-base-dists-normal-quantile";
import qtStd from "@stdlib/stats-base-dists-t-quantile";

const SQRT1_2 = Math.SQRT1_2;

/** P(Z <= z) for the standard normal. */
export function pnorm(z: number): number {
  return 0.5 * erfc(-z * SQRT1_2);
}
/** P(Z > z) for the standard normal. */
export function pnormUpper(z: number): number {
  return 0.5 * erfc(z * SQRT1_2);
}
export function qnorm(p: number): number {
  return qnormStd(p, 0, 1);
}
/** P(X > x) for chi-square with df degrees of freedom. */
export function pchisqUpper(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}
/** P(T <= t) for Student's t with df degrees of freedom (accurate in both tails). */
export function pt(t: number, df: number): number {
  const half = 0.5 * betainc(df / (df + t * t), df / 2, 0.5);
  return t < 0 ? half : 1 - half;
}
/** P(T > t). */
export function ptUpper(t: number, df: number): number {
  return pt(-t, df);
}
export function qt(p: number, df: number): number {
  return qtStd(p, df);
}
/** log of the binomial coefficient, as R's lchoose via betaln. */
export function lchoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (k === 0 || k === n) return 0;
  return -Math.log(n + 1) - betaln(n - k + 1, k + 1);
}
/** P(X <= x) for X ~ Binomial(n, p), x integer. */
export function pbinom(x: number, n: number, p: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  // P(X <= x) = I_{1-p}(n - x, x + 1)
  return betainc(1 - p, n - x, x + 1);
}
