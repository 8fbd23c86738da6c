/**
 * Central and noncentral (Fisher) hypergeometric distribution of the [1,1] cell of a 2x2 table
 * with fixed margins: m = first column total, n = second column total, k = first row total.
 * All sums run from the mode outward and stop when the remaining mass is below 1e-17 of the sum
 * (the distribution is log-concave, so the remainder is bounded by a geometric series).
 */
import { lchoose } from "./dist";

export class Hypergeom {
  readonly lo: number;
  readonly hi: number;
  private readonly logNorm: number;
  constructor(readonly m: number, readonly n: number, readonly k: number) {
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    this.logNorm = lchoose(m + n, k);
  }

  /** f(x + 1) / f(x) for odds ratio psi. */
  ratio(x: number, psi = 1): number {
    return psi * ((this.m - x) / (x + 1)) * ((this.k - x) / (this.n - this.k + x + 1));
  }

  /** log P(X = x) under the central distribution. */
  logd(x: number): number {
    return lchoose(this.m, x) + lchoose(this.n, this.k - x) - this.logNorm;
  }

  /** Largest mode for odds ratio psi: the largest x with f(x) >= f(x - 1). */
  mode(psi = 1): number {
    let a = this.lo;
    let b = this.hi;
    while (a < b) {
      const mid = (a + b + 1) >> 1; // candidate, test f(mid) >= f(mid-1)
      if (this.ratio(mid - 1, psi) >= 1) a = mid;
      else b = mid - 1;
    }
    return a;
  }

  /**
   * sum_{j >= 0} f(start + dir*j) / f(start) for the central distribution (psi = 1), where
   * start is at or beyond the mode in direction dir so that terms do not increase.
   */
  relTail(start: number, dir: 1 | -1, psi = 1): number {
    let t = 1;
    let s = 1;
    let x = start;
    for (;;) {
      let r: number;
      if (dir === 1) {
        if (x >= this.hi) break;
        r = this.ratio(x, psi);
        x++;
      } else {
        if (x <= this.lo) break;
        r = 1 / this.ratio(x - 1, psi);
        x--;
      }
      t *= r;
      s += t;
      if (t === 0) break;
      if (r < 1 && (t * r) / (1 - r) < s * 1e-17) break;
    }
    return s;
  }

  /** P(X <= x) (central). */
  cdf(x: number): number {
    if (x < this.lo) return 0;
    if (x >= this.hi) return 1;
    const M = this.mode();
    if (x <= M) return Math.exp(this.logd(x)) * this.relTail(x, -1);
    return 1 - Math.exp(this.logd(x + 1)) * this.relTail(x + 1, 1);
  }

  /** P(X >= x) (central). */
  sf(x: number): number {
    if (x <= this.lo) return 1;
    if (x > this.hi) return 0;
    const M = this.mode();
    if (x >= M) return Math.exp(this.logd(x)) * this.relTail(x, 1);
    return 1 - Math.exp(this.logd(x - 1)) * this.relTail(x - 1, -1);
  }

  /** R's two-sided rule: sum of P(y) over y with P(y) <= P(x) * (1 + 1e-7). */
  twoSided(x: number): number {
    const thr = this.logd(x) + Math.log1p(1e-7);
    const M = this.mode();
    if (this.logd(M) <= thr) return 1;
    // xl: largest y in [lo, M] with logd(y) <= thr (increasing part), or lo - 1
    let xl = this.lo - 1;
    {
      let a = this.lo;
      let b = M;
      while (a < b) {
        const mid = (a + b + 1) >> 1;
        if (this.logd(mid) <= thr) a = mid;
        else b = mid - 1;
      }
      if (this.logd(a) <= thr) xl = a;
    }
    // xu: smallest y in [M, hi] with logd(y) <= thr (decreasing part), or hi + 1
    let xu = this.hi + 1;
    {
      let a = M;
      let b = this.hi;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (this.logd(mid) <= thr) b = mid;
        else a = mid + 1;
      }
      if (this.logd(a) <= thr) xu = a;
    }
    let p = 0;
    if (xl >= this.lo) p += Math.exp(this.logd(xl)) * this.relTail(xl, -1);
    if (xu <= this.hi) p += Math.exp(this.logd(xu)) * this.relTail(xu, 1);
    return Math.min(1, p);
  }

  /**
   * Moments and tail sums of the noncentral distribution with log odds ratio theta:
   * mean, variance, P(X <= q), P(X >= q) and their derivatives with respect to theta.
   */
  nc(theta: number, q: number): { mean: number; variance: number; cdf: number; sf: number; dCdf: number; dSf: number } {
    const psi = Math.exp(theta);
    const M = this.mode(psi);
    // weights relative to f(M) = 1, walking down then up
    const down: number[] = [];
    let t = 1;
    let s = 1;
    for (let x = M; x > this.lo; x--) {
      const r = 1 / this.ratio(x - 1, psi);
      t *= r;
      if (t === 0) break;
      down.push(t);
      s += t;
      if (r < 1 && (t * r) / (1 - r) < s * 1e-17 && x - 1 <= q) break;
    }
    const up: number[] = [];
    t = 1;
    for (let x = M; x < this.hi; x++) {
      const r = this.ratio(x, psi);
      t *= r;
      if (t === 0) break;
      up.push(t);
      s += t;
      if (r < 1 && (t * r) / (1 - r) < s * 1e-17 && x + 1 >= q) break;
    }
    let s1 = M;
    let s2 = M * M;
    for (let i = 0; i < down.length; i++) {
      const x = M - 1 - i;
      s1 += down[i] * x;
      s2 += down[i] * x * x;
    }
    for (let i = 0; i < up.length; i++) {
      const x = M + 1 + i;
      s1 += up[i] * x;
      s2 += up[i] * x * x;
    }
    const mean = s1 / s;
    const variance = Math.max(0, s2 / s - mean * mean);
    let cdf = 0;
    let dCdf = 0;
    let sf = 0;
    let dSf = 0;
    const add = (x: number, w: number): void => {
      if (x <= q) {
        cdf += w;
        dCdf += w * (x - mean);
      }
      if (x >= q) {
        sf += w;
        dSf += w * (x - mean);
      }
    };
    add(M, 1);
    for (let i = 0; i < down.length; i++) add(M - 1 - i, down[i]);
    for (let i = 0; i < up.length; i++) add(M + 1 + i, up[i]);
    return { mean, variance, cdf: cdf / s, sf: sf / s, dCdf: dCdf / s, dSf: dSf / s };
  }
}

/**
 * Solve g(theta) = target for a monotone g, by Newton steps safeguarded with bisection.
 * Returns theta.
 */
export function solveMonotone(g: (theta: number) => { f: number; df: number }, target: number, increasing: boolean, theta0: number): number {
  const LIM = 650;
  let a = -LIM;
  let b = LIM;
  let th = Math.min(LIM - 1, Math.max(-LIM + 1, theta0));
  for (let iter = 0; iter < 300; iter++) {
    const { f, df } = g(th);
    const e = f - target;
    if (e === 0) return th;
    if (increasing ? e > 0 : e < 0) b = th;
    else a = th;
    let next = th - e / df;
    if (!Number.isFinite(next) || next <= a || next >= b) next = (a + b) / 2;
    if (Math.abs(next - th) < 1e-14 * (1 + Math.abs(th)) || b - a < 1e-14 * (1 + Math.abs(th))) return next;
    th = next;
  }
  return th;
}
