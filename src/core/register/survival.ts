/**
 * Time to an event (e.g. to the first self-supporting spell) from weekly register data: the
 * Kaplan–Meier estimate with Greenwood's variance and log-log intervals, medians with their
 * intervals, the restricted mean time to event up to a horizon with its standard error, and the
 * log-rank test, stratified or not. Written from the textbook formulas (Kalbfleisch & Prentice 2002,
 * "The Statistical Analysis of Failure Time Data", 1.4; Klein & Moeschberger 2003, 4.2-4.5 and 7.3;
 * Royston & Parmar 2013 for the restricted mean) and checked against R's survival package
 * (survfit with conf.type = "log-log", quantile, print(fit, rmean = tau), survdiff).
 */
import { pchisqUpper, qnorm } from "../stats/dist";
import { cholesky, cholSolve } from "../stats/matrix";

export interface KmStep {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  surv: number;
  /** Greenwood: standard error of the cumulative hazard (of log S), as survfit's std.err. */
  seLogSurv: number;
  /** log-log interval; null where S is 0 or 1 (R gives NA). */
  lower: number | null;
  upper: number | null;
}

export interface KmCurve {
  n: number;
  events: number;
  /** One step per distinct time with an event or a censoring, in time order. */
  steps: KmStep[];
  confLevel: number;
}

/** Kaplan–Meier estimate; `event` is 1 for an event, 0 for censored at `time`. */
export function kaplanMeier(time: number[], event: number[], confLevel = 0.95): KmCurve {
  const z = qnorm(1 - (1 - confLevel) / 2);
  const order = time.map((_, i) => i).sort((a, b) => time[a] - time[b]);
  const steps: KmStep[] = [];
  let nRisk = time.length;
  let surv = 1;
  let greenwood = 0;
  let events = 0;
  for (let k = 0; k < order.length; ) {
    const t = time[order[k]];
    let d = 0;
    let c = 0;
    while (k < order.length && time[order[k]] === t) {
      if (event[order[k]] === 1) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      surv *= 1 - d / nRisk;
      greenwood += nRisk > d ? d / (nRisk * (nRisk - d)) : Infinity;
    }
    const se = Math.sqrt(greenwood);
    const inside = surv > 0 && surv < 1 && Number.isFinite(se);
    const ll = inside ? Math.log(-Math.log(surv)) : 0;
    steps.push({
      time: t, nRisk, nEvent: d, nCensor: c, surv, seLogSurv: se,
      lower: inside ? Math.exp(-Math.exp(ll - (z * se) / Math.log(surv))) : null,
      upper: inside ? Math.exp(-Math.exp(ll + (z * se) / Math.log(surv))) : null,
    });
    events += d;
    nRisk -= d + c;
  }
  return { n: time.length, events, steps, confLevel };
}

/**
 * The first time a curve reaches p or below, where the curve is given by its value after each step.
 * When it equals p exactly (within 1e-8, as R's quantile tolerance) on an interval, the midpoint of
 * that interval's start and the next time the curve moves, or the last time followed when it
 * never moves again (R's rule for the median).
 */
function crossing(steps: KmStep[], value: (s: KmStep) => number | null, p: number, lastTime: number): number | null {
  const eps = 1e-8;
  for (let i = 0; i < steps.length; i++) {
    const v = value(steps[i]);
    if (v === null) continue;
    if (Math.abs(v - p) < eps) {
      for (let j = i + 1; j < steps.length; j++) {
        const w = value(steps[j]);
        if (w !== null && Math.abs(w - v) > eps) return (steps[i].time + steps[j].time) / 2;
      }
      return (steps[i].time + lastTime) / 2;
    }
    if (v < p) return steps[i].time;
  }
  return null;
}

export interface Median {
  median: number | null;
  lower: number | null;
  upper: number | null;
}

/** Median time with the interval from the log-log band (as R's quantile.survfit). */
export function kmMedian(curve: KmCurve): Median {
  const events = curve.steps.filter((s) => s.nEvent > 0);
  // The band is defined only where S is strictly between 0 and 1 (R's NA elsewhere): a limit the
  // band never reaches below 0.5 is unknown (null), as in R.
  const last = curve.steps.length > 0 ? curve.steps[curve.steps.length - 1].time : 0;
  return {
    median: crossing(events, (s) => s.surv, 0.5, last),
    lower: crossing(events, (s) => s.lower, 0.5, last),
    upper: crossing(events, (s) => s.upper, 0.5, last),
  };
}

export interface Rmst {
  tau: number;
  estimate: number;
  se: number;
}

/**
 * Restricted mean time to event up to tau: the area under the curve from 0 to tau, with the
 * variance sum over event times t_i < tau of A_i^2 d_i / (n_i (n_i - d_i)), A_i the area from t_i
 * to tau (Klein & Moeschberger 2003, 4.5), as print(survfit, rmean = tau).
 */
export function kmRmst(curve: KmCurve, tau: number): Rmst {
  const ev = curve.steps.filter((s) => s.nEvent > 0 && s.time <= tau);
  const knots = [0, ...ev.map((s) => s.time), tau];
  const level = [1, ...ev.map((s) => s.surv)];
  const areaFrom = (i: number): number => {
    let a = 0;
    for (let k = i; k < level.length; k++) a += level[k] * (knots[k + 1] - knots[k]);
    return a;
  };
  let variance = 0;
  ev.forEach((s, i) => {
    if (s.nRisk > s.nEvent) variance += (areaFrom(i + 1) ** 2 * s.nEvent) / (s.nRisk * (s.nRisk - s.nEvent));
  });
  return { tau, estimate: areaFrom(0), se: Math.sqrt(variance) };
}

export interface LogRank {
  statistic: number;
  df: number;
  pValue: number;
  observed: number[];
  expected: number[];
}

/**
 * The log-rank test of equal hazards in the groups (0..g-1), summed over strata when given
 * (Klein & Moeschberger 2003, 7.3 and 7.5): at each event time within a stratum, O - E and the
 * hypergeometric variances; statistic (O - E)' V^-1 (O - E) on the first g - 1 groups.
 */
export function logRank(time: number[], event: number[], group: number[], strata?: (string | number)[]): LogRank {
  const g = Math.max(...group) + 1;
  const observed = new Array<number>(g).fill(0);
  const expected = new Array<number>(g).fill(0);
  const v: number[][] = Array.from({ length: g }, () => new Array<number>(g).fill(0));
  const keys = strata ? [...new Set(strata.map(String))] : [""];
  for (const key of keys) {
    const idx = time.map((_, i) => i).filter((i) => !strata || String(strata[i]) === key).sort((a, b) => time[a] - time[b]);
    const atRisk = new Array<number>(g).fill(0);
    for (const i of idx) atRisk[group[i]]++;
    for (let k = 0; k < idx.length; ) {
      const t = time[idx[k]];
      const dj = new Array<number>(g).fill(0);
      const leave = new Array<number>(g).fill(0);
      while (k < idx.length && time[idx[k]] === t) {
        const i = idx[k];
        if (event[i] === 1) dj[group[i]]++;
        leave[group[i]]++;
        k++;
      }
      const d = dj.reduce((a, b) => a + b, 0);
      const n = atRisk.reduce((a, b) => a + b, 0);
      if (d > 0) {
        for (let a = 0; a < g; a++) {
          observed[a] += dj[a];
          expected[a] += (d * atRisk[a]) / n;
          if (n > 1) {
            const f = (d * (n - d)) / (n * n * (n - 1));
            for (let b = 0; b < g; b++) v[a][b] += f * atRisk[a] * ((a === b ? n : 0) - atRisk[b]);
          }
        }
      }
      for (let a = 0; a < g; a++) atRisk[a] -= leave[a];
    }
  }
  const oe = observed.map((o, a) => o - expected[a]).slice(0, g - 1);
  const sub = v.slice(0, g - 1).map((r) => r.slice(0, g - 1));
  const l = cholesky(sub);
  const statistic = l ? oe.reduce((s, x, a) => s + x * cholSolve(l, oe)[a], 0) : 0;
  return { statistic, df: g - 1, pValue: pchisqUpper(statistic, g - 1), observed, expected };
}
