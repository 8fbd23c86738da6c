/**
 * Weekly register data (as DREAM extracts and case systems deliver it) → the measures Danish
 * employment evaluations report, per group:
 * - the share of weeks self-supporting in windows (e.g. weeks 1–26, 27–52), the mean per citizen
 *   with the difference and its Welch interval (R's t.test);
 * - time to the first self-supporting spell of at least k consecutive observed weeks: the event time
 *   is the spell's first week, the citizen's start week counting as week 1; a citizen with no such
 *   spell is censored at their last observed week;
 * - "varig selvforsørgelse": self-supporting in at least m of the last n weeks at a time point;
 * - the weekly share self-supporting per group (the classic register chart).
 * Weeks are given per citizen from their start week on (index 0 = week 1); null = not observed.
 */
import { VirkningError } from "../errors";
import { qnorm } from "../stats/dist";
import { riskDifference, tTest } from "../stats";
import type { ConfInt } from "../stats";
import { kaplanMeier, kmMedian, kmRmst, logRank, type KmCurve, type LogRank, type Median, type Rmst } from "./survival";
import { statusConcept, statusWords } from "../analysis/suggestions";

/** A week's class: self-supporting, on the way (e.g. in praktik, ordinære timer), or other benefits. */
export type WeekClass = "selvforsoergende" | "paaVej" | "andet";

/**
 * Default class of a status label, before the user edits the mapping: no benefit / "selvforsørgende",
 * ordinary work, job, education or SU → self-supporting; the comparison's "on the way" statuses
 * (praktik, ordinære timer, jobparat, fleksjob, revalidering) → on the way; every other benefit → other.
 */
export function defaultWeekClass(label: string): WeekClass {
  const w = statusWords(label);
  if (w.length === 0) return "selvforsoergende";
  const joined = w.join(" ");
  if (/\bselvforsørgende\b|\bselvforsoergende\b|\bingen ydelse\b|\bbeskæftigelse\b|\bordinært job\b|\bjob\b/.test(joined) && !/\bikke\b/.test(joined)) return "selvforsoergende";
  const concept = statusConcept(label);
  if (concept === "uddannelse") return "selvforsoergende";
  if (concept !== null && concept !== "foep") return "paaVej";
  return "andet";
}

export interface CitizenWeeks {
  id: string;
  /** 1 = indsatsgruppe, 0 = kontrolgruppe. */
  group: 0 | 1;
  /** Classes from the start week on; null where the citizen was not observed. */
  weeks: (WeekClass | null)[];
  stratum?: string;
}

export interface EventTime {
  time: number;
  event: 0 | 1;
}

/** Time to the first self-supporting spell of at least k consecutive observed weeks (see module note). */
export function timeToSelfSupport(weeks: (WeekClass | null)[], k: number): EventTime | null {
  if (!Number.isInteger(k) || k < 1) throw new VirkningError("REG_SPELL", "Længden af en selvforsørgende periode skal være et helt antal uger, mindst 1.", "The length of a self-supporting spell must be a whole number of weeks, at least 1.");
  let run = 0;
  let last = 0;
  for (let i = 0; i < weeks.length; i++) {
    const c = weeks[i];
    if (c === null) {
      run = 0;
      continue;
    }
    last = i + 1;
    run = c === "selvforsoergende" ? run + 1 : 0;
    if (run === k) return { time: i + 2 - k, event: 1 };
  }
  return last === 0 ? null : { time: last, event: 0 };
}

/** Share of observed weeks self-supporting in weeks from..to (1-based, inclusive); null when none observed. */
export function shareSelfSupporting(weeks: (WeekClass | null)[], from: number, to: number): number | null {
  let seen = 0;
  let self = 0;
  for (let w = from; w <= to && w <= weeks.length; w++) {
    const c = weeks[w - 1];
    if (c === null || c === undefined) continue;
    seen++;
    if (c === "selvforsoergende") self++;
  }
  return seen === 0 ? null : self / seen;
}

/** Self-supporting in at least m of the n weeks up to and including week `at`; null when fewer than n observed. */
export function durablySelfSupporting(weeks: (WeekClass | null)[], m: number, n: number, at: number): boolean | null {
  const window = weeks.slice(Math.max(0, at - n), at);
  if (window.length < n || window.some((c) => c === null)) return null;
  return window.filter((c) => c === "selvforsoergende").length >= m;
}

export interface WindowResult {
  from: number;
  to: number;
  /** Mean share per citizen, and citizens with an observed week in the window, per group. */
  intervention: { mean: number; n: number };
  control: { mean: number; n: number };
  difference: number;
  ci: ConfInt | null;
  pValue: number | null;
}

export interface SurvivalGroup {
  curve: KmCurve;
  median: Median;
  rmst: Rmst;
}

export interface RegisterResult {
  windows: WindowResult[];
  spellWeeks: number;
  tau: number;
  intervention: SurvivalGroup;
  control: SurvivalGroup;
  /** Restricted mean weeks to self-support, intervention − control (negative = sooner), with its normal interval. */
  rmstDifference: { estimate: number; se: number; ci: ConfInt };
  logRank: LogRank | null;
  stratifiedLogRank: LogRank | null;
  /** Share self-supporting per week (1-based index + 1) per group, among those observed that week. */
  weeklyShare: { week: number; intervention: number | null; control: number | null }[];
  /** Citizens with no observed week (left out). */
  unobserved: number;
  /** "Varig selvforsørgelse" at a time point, when asked for (RegisterOptions.durable). */
  durable?: DurableResult;
}

/**
 * "Varig selvforsørgelse": the share per group self-supporting in at least m of the n weeks up to and
 * including week `at`, among the citizens observed in all n weeks (the others are counted in `unknown`);
 * the difference intervention − control with Newcombe's hybrid score interval (Newcombe 1998, method 10,
 * from the two Wilson intervals; as the comparison's risk difference, stats/effect.ts).
 */
export interface DurableResult {
  m: number;
  n: number;
  at: number;
  /** Durably self-supporting (x) among the citizens observed in all n weeks (n), and those not fully observed. */
  intervention: { x: number; n: number; unknown: number };
  control: { x: number; n: number; unknown: number };
  /** Share intervention − share control; null when a group has no fully observed citizen. */
  difference: number | null;
  ci: ConfInt | null;
}

export interface RegisterOptions {
  windows: { from: number; to: number }[];
  spellWeeks?: number;
  /** Horizon of the restricted mean, in weeks (default the last week observed in both groups). */
  tau?: number;
  confLevel?: number;
  /** "Varig selvforsørgelse": self-supporting in at least m of the n weeks up to week `at`. */
  durable?: { m: number; n: number; at: number };
}

/** The durable measure per group and its difference (see DurableResult). */
export function durableShares(citizens: CitizenWeeks[], d: { m: number; n: number; at: number }, confLevel = 0.95): DurableResult {
  const { m, n, at } = d;
  if (![m, n, at].every((v) => Number.isInteger(v) && v >= 1) || m > n || n > at) {
    throw new VirkningError("REG_DURABLE", "Varig selvforsørgelse kræver hele tal med 1 ≤ m ≤ n ≤ tidspunktet (uge).", "Durable self-support needs whole numbers with 1 ≤ m ≤ n ≤ the time point (week).");
  }
  const count = (g: 0 | 1): { x: number; n: number; unknown: number } => {
    const states = citizens.filter((c) => c.group === g).map((c) => durablySelfSupporting(c.weeks, m, n, at));
    return { x: states.filter((v) => v === true).length, n: states.filter((v) => v !== null).length, unknown: states.filter((v) => v === null).length };
  };
  const intervention = count(1);
  const control = count(0);
  if (intervention.n === 0 || control.n === 0) return { m, n, at, intervention, control, difference: null, ci: null };
  const rd = riskDifference(intervention.x, intervention.n, control.x, control.n, { confLevel });
  return { m, n, at, intervention, control, difference: rd.estimate.value, ci: rd.ci };
}

function windowOf(citizens: CitizenWeeks[], from: number, to: number, confLevel: number): WindowResult {
  const shares = (g: 0 | 1): number[] => citizens.filter((c) => c.group === g).map((c) => shareSelfSupporting(c.weeks, from, to)).filter((x): x is number => x !== null);
  const x = shares(1);
  const y = shares(0);
  const mean = (v: number[]): number => (v.length === 0 ? NaN : v.reduce((a, b) => a + b, 0) / v.length);
  let ci: ConfInt | null = null;
  let pValue: number | null = null;
  if (x.length >= 2 && y.length >= 2 && (new Set(x).size > 1 || new Set(y).size > 1)) {
    const t = tTest(x, y, { confLevel });
    ci = t.ci;
    pValue = t.pValue;
  }
  return { from, to, intervention: { mean: mean(x), n: x.length }, control: { mean: mean(y), n: y.length }, difference: mean(x) - mean(y), ci, pValue };
}

/** Every register measure for intervention vs control. */
export function analyseRegister(citizens: CitizenWeeks[], options: RegisterOptions): RegisterResult {
  const k = options.spellWeeks ?? 4;
  const confLevel = options.confLevel ?? 0.95;
  const times = citizens.map((c) => ({ c, t: timeToSelfSupport(c.weeks, k) })).filter((x): x is { c: CitizenWeeks; t: EventTime } => x.t !== null);
  const groupCurve = (g: 0 | 1): EventTime[] => times.filter((x) => x.c.group === g).map((x) => x.t);
  const t1 = groupCurve(1);
  const t0 = groupCurve(0);
  if (t1.length === 0 || t0.length === 0) throw new VirkningError("REG_GROUP_EMPTY", "Begge grupper skal have borgere med mindst én observeret uge.", "Both groups need citizens with at least one observed week.");
  const tau = options.tau ?? Math.min(Math.max(...t1.map((x) => x.time)), Math.max(...t0.map((x) => x.time)));
  const survival = (ts: EventTime[]): SurvivalGroup => {
    const curve = kaplanMeier(ts.map((x) => x.time), ts.map((x) => x.event), confLevel);
    return { curve, median: kmMedian(curve), rmst: kmRmst(curve, tau) };
  };
  const intervention = survival(t1);
  const control = survival(t0);
  const z = qnorm(1 - (1 - confLevel) / 2);
  const d = intervention.rmst.estimate - control.rmst.estimate;
  const se = Math.sqrt(intervention.rmst.se ** 2 + control.rmst.se ** 2);
  const all = { time: times.map((x) => x.t.time), event: times.map((x) => x.t.event), group: times.map((x) => x.c.group as number) };
  const anyEvent = all.event.some((e) => e === 1);
  const strata = times.map((x) => x.c.stratum);
  const maxWeeks = citizens.reduce((m, c) => Math.max(m, c.weeks.length), 0);
  // one pass over the weeks of every citizen (a filter per week and group took 10,000 × 156 × 2 closures)
  const seenBy = [new Uint32Array(maxWeeks), new Uint32Array(maxWeeks)];
  const selfBy = [new Uint32Array(maxWeeks), new Uint32Array(maxWeeks)];
  for (const c of citizens) {
    const seen = seenBy[c.group];
    const self = selfBy[c.group];
    for (let w = 0; w < c.weeks.length; w++) {
      const cls = c.weeks[w];
      if (cls === null || cls === undefined) continue;
      seen[w]++;
      if (cls === "selvforsoergende") self[w]++;
    }
  }
  const weekShare = (g: 0 | 1, w: number): number | null => (seenBy[g][w] === 0 ? null : selfBy[g][w] / seenBy[g][w]);
  return {
    windows: options.windows.map((w) => windowOf(citizens, w.from, w.to, confLevel)),
    spellWeeks: k,
    tau,
    intervention,
    control,
    rmstDifference: { estimate: d, se, ci: { lower: d - z * se, upper: d + z * se, level: confLevel } },
    logRank: anyEvent ? logRank(all.time, all.event, all.group) : null,
    stratifiedLogRank: anyEvent && strata.every((s) => s !== undefined) ? logRank(all.time, all.event, all.group, strata as string[]) : null,
    weeklyShare: Array.from({ length: maxWeeks }, (_, w) => ({ week: w + 1, intervention: weekShare(1, w), control: weekShare(0, w) })),
    unobserved: citizens.length - times.length,
    ...(options.durable ? { durable: durableShares(citizens, options.durable, confLevel) } : {}),
  };
}
