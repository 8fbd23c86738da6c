/**
 * Planning both ways: sample size for a given difference, and the difference (or power) for a
 * given sample size, for
 * - two proportions, as R's power.prop.test: normal approximation with the pooled variance under
 *   H0 (Fleiss, Levin & Paik 2003, "Statistical Methods for Rates and Proportions", 4.2):
 *     power = Phi((sqrt(n) |p1 - p2| - z_{1-a/s} sqrt((p1 + p2)(1 - (p1 + p2)/2))) / sqrt(p1 q1 + p2 q2)),
 *   s = 2 two-sided, 1 one-sided; strict = true adds the other tail (two-sided only);
 * - two means, as R's power.t.test: power = P(T' > t_{1-a/s, nu}) for the noncentral t with
 *   nu = (n - 1) * k and ncp = sqrt(n / k) delta / sd, k = 2 for two samples, 1 for one sample or pairs;
 * - time to event, by Schoenfeld's events formula (Schoenfeld 1983, Biometrics 39:499-503):
 *     D = (z_{1-a/s} + z_power)^2 / (pi (1 - pi) log(HR)^2),  pi = 1/2 (equal allocation),
 *   and, with exponential times (control median m, hazard log 2 / m), uniform accrual over A weeks
 *   and F weeks of follow-up after the last inclusion, the probability of an event
 *     P = 1 - (exp(-lambda F) - exp(-lambda (A + F))) / (lambda A)   (P = 1 - exp(-lambda F) when A = 0)
 *   averaged over the two groups (Collett 2015, "Modelling Survival Data in Medical Research", 10.2).
 * Unknowns without a closed form are solved with Brent's method to 1e-12 (R solves with uniroot at
 * its tolerance `tol`; the reference fixtures tighten it). A request that no n, difference or power
 * can meet, or that is meaningless (a power at or below the significance level, fewer than 2 per
 * group), is refused in Danish with the reason.
 */
import { VirkningError } from "../errors";
import { pnorm, pnt, qnorm, qt } from "./dist";
import { findRoot } from "./root";
import type { MeansPowerResult, PowerResult, PowerSides, SurvivalPowerResult } from "./types";
import { checkOptions, checkProbability, fail } from "./validate";

const N_MAX = 1e7;

/**
 * The smallest x in [lo, hi] with f(x) >= 0 for an increasing f: brackets by doubling from lo
 * (so huge n or differences, where the power is 1 anyway, are never evaluated), then Brent.
 */
function solveIncreasing(f: (x: number) => number, lo: number, hi: number): number | null {
  if (f(lo) >= 0) return lo;
  let a = lo;
  let b = Math.min(hi, 2 * lo);
  while (f(b) < 0) {
    if (b >= hi) return null;
    a = b;
    b = Math.min(hi, 2 * b);
  }
  return findRoot(f, a, b);
}

function checkKeys(options: object, allowed: string[]): void {
  const unknown = Object.keys(options).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    fail("STATS_OPTIONS", `Ukendt indstilling til planlægningen: ${unknown.join(", ")}.`, `Unknown planning option: ${unknown.join(", ")}.`);
  }
}

function sidesOf(a: unknown): PowerSides {
  if (a === undefined) return "two.sided";
  const s = typeof a === "string" ? a.trim().toLowerCase().replace(/[-_ ]/g, ".") : "";
  if (s === "two.sided" || s === "two") return "two.sided";
  if (s === "one.sided" || s === "one") return "one.sided";
  return fail("STATS_ALTERNATIVE", `Ukendt alternativ hypotese: ${String(a)} (brug "two.sided" eller "one.sided").`,
    `Unknown alternative hypothesis: ${String(a)} (use "two.sided" or "one.sided").`);
}

/** z_{1-a/s}. */
function zAlpha(sigLevel: number, sides: PowerSides): number {
  return qnorm(1 - sigLevel / (sides === "two.sided" ? 2 : 1));
}

function checkTargetPower(power: number, sigLevel: number, sides: PowerSides): void {
  checkProbability(power, { da: "Styrken", en: "The power" });
  const floor = sigLevel / (sides === "two.sided" ? 2 : 1);
  if (power <= floor) {
    fail("STATS_POWER_MEANINGLESS",
      `En styrke på ${power} er ikke meningsfuld: den skal være større end signifikansniveauet (${floor}), ellers opdager forsøget ikke mere end tilfældet.`,
      `A power of ${power} is meaningless: it must exceed the significance level (${floor}), or the trial detects no more than chance.`);
  }
}

function checkN(n: number, what = { da: "Antal pr. gruppe", en: "The number per group" }): void {
  if (typeof n !== "number" || !Number.isFinite(n) || n < 2) fail("STATS_N_RANGE", `${what.da} skal være mindst 2.`, `${what.en} must be at least 2.`);
}

function tooFew(): never {
  return fail("STATS_POWER_MEANINGLESS",
    "Den ønskede styrke nås allerede med under 2 borgere pr. gruppe: forskellen eller styrken er ikke meningsfuld at planlægge efter.",
    "The requested power is reached with fewer than 2 citizens per group: the difference or power is not meaningful to plan for.");
}

// ---------------------------------------------------------------------------------------------
// Two proportions

export interface PowerArgs {
  p1: number;
  /** Leave out to solve for the detectable p2 (n and power given). */
  p2?: number;
  /** n per group: give n (power is computed) or power (n is computed); both to solve for p2. */
  n?: number;
  /** Default 0.8 when neither n nor power is given. */
  power?: number;
  sigLevel?: number;
  alternative?: PowerSides;
  /** Two-sided only: count the rejections in the other tail too (R's strict = TRUE). */
  strict?: boolean;
  /** Solving for p2: look above p1 ("higher", default) or below it. */
  direction?: "higher" | "lower";
}

const PROP_KEYS = ["p1", "p2", "n", "power", "sigLevel", "alternative", "strict", "direction"];

function proportionPower(p1: number, p2: number, n: number, sigLevel: number, sides: PowerSides, strict: boolean): number {
  const qu = zAlpha(sigLevel, sides);
  const d = Math.abs(p1 - p2);
  const h0 = Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
  const h1 = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const upper = pnorm((Math.sqrt(n) * d - qu * h0) / h1);
  return strict && sides === "two.sided" ? upper + pnorm(-(Math.sqrt(n) * d + qu * h0) / h1) : upper;
}

function proportionN(p1: number, p2: number, power: number, sigLevel: number, sides: PowerSides, strict: boolean): number {
  if (!(strict && sides === "two.sided")) {
    const qu = zAlpha(sigLevel, sides);
    const h0 = Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
    const h1 = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    const root = (qu * h0 + qnorm(power) * h1) / Math.abs(p1 - p2);
    if (!(root > 0) || root * root < 2) tooFew();
    return root * root;
  }
  if (proportionPower(p1, p2, 2, sigLevel, sides, strict) >= power) tooFew();
  const n = solveIncreasing((m) => proportionPower(p1, p2, m, sigLevel, sides, strict) - power, 2, N_MAX);
  if (n === null) return fail("STATS_POWER_UNREACHABLE", "Styrken kan ikke nås med under 10 mio. borgere pr. gruppe.", "The power cannot be reached with fewer than 10 million citizens per group.");
  return n;
}

function proportionP2(p1: number, n: number, power: number, sigLevel: number, sides: PowerSides, strict: boolean, direction: "higher" | "lower"): number {
  const end = direction === "higher" ? 1 : 0;
  const f = (p2: number): number => proportionPower(p1, p2, n, sigLevel, sides, strict) - power;
  if (f(end) < 0) {
    fail("STATS_POWER_UNREACHABLE",
      `Med ${n} borgere pr. gruppe kan ingen andel ${direction === "higher" ? "op til 100 %" : "ned til 0 %"} opdages med styrken ${power}: der skal flere borgere til.`,
      `With ${n} citizens per group no share ${direction === "higher" ? "up to 100%" : "down to 0%"} can be detected with power ${power}: more citizens are needed.`);
  }
  const p2 = findRoot(f, p1, end);
  return p2 ?? end;
}

export function powerTwoProportions(options: PowerArgs): PowerResult {
  const args = checkOptions(options);
  checkKeys(args, PROP_KEYS);
  const { p1 } = args;
  const sigLevel = args.sigLevel ?? 0.05;
  const sides = sidesOf(args.alternative);
  const strict = args.strict === true;
  checkProbability(p1, { da: "p1", en: "p1" });
  checkProbability(sigLevel, { da: "Signifikansniveauet", en: "The significance level" });
  const method = { da: "Styrke og stikprøvestørrelse for to andele (normalfordelingstilnærmelse, som R's power.prop.test)", en: "Two-sample comparison of proportions power calculation (as R's power.prop.test)" };
  const result = (n: number, power: number, p2: number): PowerResult => ({ n, power, p1, p2, sigLevel, alternative: sides, method, warnings: [] });
  if (args.p2 === undefined) {
    if (args.n === undefined || args.power === undefined) fail("STATS_POWER_ARGS", "Angiv både antal pr. gruppe og styrken for at finde den forskel, forsøget kan opdage.", "Give both the number per group and the power to find the detectable difference.");
    checkN(args.n);
    checkTargetPower(args.power, sigLevel, sides);
    return result(args.n, args.power, proportionP2(p1, args.n, args.power, sigLevel, sides, strict, args.direction ?? "higher"));
  }
  const p2 = args.p2;
  checkProbability(p2, { da: "p2", en: "p2" });
  if (args.n !== undefined && args.power !== undefined) {
    fail("STATS_POWER_ARGS", "Angiv enten antal pr. gruppe (n) eller styrken, ikke begge.", "Give either the number per group (n) or the power, not both.");
  }
  if (p1 === p2) fail("STATS_EQUAL_PROPORTIONS", "De to andele skal være forskellige for at beregne styrke eller stikprøvestørrelse.", "The two proportions must differ to compute power or sample size.");
  if (args.n !== undefined) {
    checkN(args.n);
    return result(args.n, proportionPower(p1, p2, args.n, sigLevel, sides, strict), p2);
  }
  const power = args.power ?? 0.8;
  checkTargetPower(power, sigLevel, sides);
  return result(proportionN(p1, p2, power, sigLevel, sides, strict), power, p2);
}

/** Smallest whole n per group giving at least 80 % power (ceil of the exact solution). */
export function sampleSizeFor80(p1: number, p2: number, options?: { sigLevel?: number }): number {
  const { sigLevel } = checkOptions(options);
  return Math.ceil(powerTwoProportions({ p1, p2, power: 0.8, sigLevel }).n - 1e-9);
}

// ---------------------------------------------------------------------------------------------
// Two means (or one mean / paired differences)

export interface MeansPowerArgs {
  /** n per group (two.sample), number of pairs (paired) or observations (one.sample). */
  n?: number;
  /** The true difference in means; leave out to solve for the detectable difference. */
  delta?: number;
  /** Standard deviation (of the outcome, or of the differences when paired); default 1. */
  sd?: number;
  power?: number;
  sigLevel?: number;
  alternative?: PowerSides;
  type?: "two.sample" | "one.sample" | "paired";
  strict?: boolean;
}

const MEANS_KEYS = ["n", "delta", "sd", "power", "sigLevel", "alternative", "type", "strict"];

function meansPower(n: number, delta: number, sd: number, sigLevel: number, sides: PowerSides, k: number, strict: boolean): number {
  const nu = (n - 1) * k;
  const qu = qt(1 - sigLevel / (sides === "two.sided" ? 2 : 1), nu);
  const ncp = (Math.sqrt(n / k) * delta) / sd;
  const upper = 1 - pnt(qu, nu, ncp);
  return strict && sides === "two.sided" ? upper + pnt(-qu, nu, ncp) : upper;
}

export function powerTwoMeans(options: MeansPowerArgs): MeansPowerResult {
  const args = checkOptions(options);
  checkKeys(args, MEANS_KEYS);
  const sigLevel = args.sigLevel ?? 0.05;
  const sides = sidesOf(args.alternative);
  const type = args.type ?? "two.sample";
  if (!["two.sample", "one.sample", "paired"].includes(type)) fail("STATS_OPTIONS", `Ukendt type: ${String(type)}.`, `Unknown type: ${String(type)}.`);
  const k = type === "two.sample" ? 2 : 1;
  const sd = args.sd ?? 1;
  const strict = args.strict === true;
  checkProbability(sigLevel, { da: "Signifikansniveauet", en: "The significance level" });
  if (!(typeof sd === "number" && Number.isFinite(sd) && sd > 0)) fail("STATS_SD_RANGE", "Standardafvigelsen skal være et positivt tal.", "The standard deviation must be a positive number.");
  const given = [args.n, args.delta, args.power].filter((v) => v !== undefined).length;
  if (given !== 2) fail("STATS_POWER_ARGS", "Angiv præcis to af: antal, forskel og styrke; den tredje beregnes.", "Give exactly two of: number, difference and power; the third is computed.");
  const method = { da: "Styrke og stikprøvestørrelse for middelværdier (t-test, som R's power.t.test)", en: "t test power calculation (as R's power.t.test)" };
  const result = (n: number, delta: number, power: number): MeansPowerResult => ({ n, delta, sd, power, sigLevel, alternative: sides, type, method });
  const pw = (n: number, delta: number): number => meansPower(n, delta, sd, sigLevel, sides, k, strict);
  if (args.delta !== undefined && !(Number.isFinite(args.delta) && args.delta !== 0)) fail("STATS_DELTA_RANGE", "Forskellen skal være et tal forskelligt fra 0.", "The difference must be a number other than 0.");
  if (args.power === undefined) {
    checkN(args.n as number);
    return result(args.n as number, args.delta as number, pw(args.n as number, Math.abs(args.delta as number)));
  }
  checkTargetPower(args.power, sigLevel, sides);
  const power = args.power;
  if (args.n === undefined) {
    const delta = Math.abs(args.delta as number);
    if (pw(2, delta) >= power) tooFew();
    const n = solveIncreasing((m) => pw(m, delta) - power, 2, N_MAX);
    if (n === null) return fail("STATS_POWER_UNREACHABLE", "Styrken kan ikke nås med under 10 mio. borgere pr. gruppe.", "The power cannot be reached with fewer than 10 million citizens per group.");
    return result(n, args.delta as number, power);
  }
  const n = args.n;
  checkN(n);
  const delta = solveIncreasing((d) => pw(n, d) - power, sd * 1e-7, sd * 1e7);
  if (delta === null) return fail("STATS_POWER_UNREACHABLE", "Ingen forskel kan opdages med den styrke og det antal.", "No difference can be detected with that power and number.");
  return result(n, delta, power);
}

// ---------------------------------------------------------------------------------------------
// Time to event (Schoenfeld)

export interface SurvivalPowerArgs {
  /** Hazard ratio intervention / control (> 1: the event, e.g. self-support, comes sooner). */
  hr?: number;
  /** Events in both groups together; or give nPerGroup with the accrual assumption. */
  events?: number;
  nPerGroup?: number;
  power?: number;
  sigLevel?: number;
  alternative?: PowerSides;
  /** Median time to event in the control group (weeks); with accrual and followUp gives n from events. */
  medianControl?: number;
  /** Weeks over which citizens are included (uniform). */
  accrual?: number;
  /** Weeks of follow-up after the last inclusion. */
  followUp?: number;
  /** Solving for the hazard ratio: above 1 ("higher", default) or below. */
  direction?: "higher" | "lower";
}

const SURV_KEYS = ["hr", "events", "nPerGroup", "power", "sigLevel", "alternative", "medianControl", "accrual", "followUp", "direction"];

function eventProbabilityOf(hazard: number, accrual: number, followUp: number): number {
  if (accrual === 0) return 1 - Math.exp(-hazard * followUp);
  return 1 - (Math.exp(-hazard * followUp) - Math.exp(-hazard * (accrual + followUp))) / (hazard * accrual);
}

interface Accrual { medianControl: number; accrual: number; followUp: number }

function accrualOf(args: SurvivalPowerArgs): Accrual | null {
  const { medianControl, accrual, followUp } = args;
  if (medianControl === undefined && accrual === undefined && followUp === undefined) return null;
  const ok = (v: number | undefined, min: number): v is number => typeof v === "number" && Number.isFinite(v) && v >= min;
  if (!ok(medianControl, Number.MIN_VALUE) || !ok(accrual, 0) || !ok(followUp, 0) || accrual + followUp <= 0) {
    fail("STATS_ACCRUAL", "Angiv kontrolgruppens mediantid (> 0 uger), inklusionsperioden (≥ 0 uger) og opfølgningen efter sidste inklusion (≥ 0 uger, i alt > 0).",
      "Give the control group's median time (> 0 weeks), the inclusion period (≥ 0 weeks) and the follow-up after the last inclusion (≥ 0 weeks, > 0 in all).");
  }
  return { medianControl, accrual, followUp };
}

function meanEventProbability(hr: number, a: Accrual): number {
  const lambda = Math.LN2 / a.medianControl;
  return (eventProbabilityOf(lambda, a.accrual, a.followUp) + eventProbabilityOf(lambda * hr, a.accrual, a.followUp)) / 2;
}

export function powerTimeToEvent(options: SurvivalPowerArgs): SurvivalPowerResult {
  const args = checkOptions(options);
  checkKeys(args, SURV_KEYS);
  const sigLevel = args.sigLevel ?? 0.05;
  const sides = sidesOf(args.alternative);
  checkProbability(sigLevel, { da: "Signifikansniveauet", en: "The significance level" });
  const acc = accrualOf(args);
  if (args.events !== undefined && args.nPerGroup !== undefined) fail("STATS_POWER_ARGS", "Angiv enten antal hændelser eller antal pr. gruppe, ikke begge.", "Give either the number of events or the number per group, not both.");
  if (args.nPerGroup !== undefined && acc === null) fail("STATS_ACCRUAL", "Antal pr. gruppe kræver kontrolgruppens mediantid, inklusionsperioden og opfølgningen.", "A number per group needs the control median, the inclusion period and the follow-up.");
  const size = args.events ?? args.nPerGroup;
  const given = [args.hr, size, args.power].filter((v) => v !== undefined).length;
  if (given !== 2) fail("STATS_POWER_ARGS", "Angiv præcis to af: hazard ratio, antal (hændelser eller borgere) og styrke.", "Give exactly two of: hazard ratio, size (events or citizens) and power.");
  if (args.hr !== undefined && !(Number.isFinite(args.hr) && args.hr > 0 && args.hr !== 1)) fail("STATS_HR_RANGE", "Hazard ratio skal være et positivt tal forskelligt fra 1.", "The hazard ratio must be a positive number other than 1.");
  if (size !== undefined) checkN(size, args.events !== undefined ? { da: "Antal hændelser", en: "The number of events" } : undefined);
  const za = zAlpha(sigLevel, sides);
  const eventsOf = (hr: number, n: number): number => (args.events !== undefined ? n : 2 * n * meanEventProbability(hr, acc as Accrual));
  const method = { da: "Antal hændelser for log-rank-testen (Schoenfeld 1983)", en: "Events for the log-rank test (Schoenfeld 1983)" };
  const finish = (hr: number, events: number, power: number): SurvivalPowerResult => {
    const out: SurvivalPowerResult = { events, hr, power, sigLevel, alternative: sides, method };
    if (acc) {
      out.eventProbability = meanEventProbability(hr, acc);
      out.nPerGroup = events / out.eventProbability / 2;
    }
    return out;
  };
  if (args.power === undefined) {
    const hr = args.hr as number;
    const d = eventsOf(hr, size as number);
    return finish(hr, d, pnorm(Math.sqrt(d / 4) * Math.abs(Math.log(hr)) - za));
  }
  checkTargetPower(args.power, sigLevel, sides);
  const zsum = za + qnorm(args.power);
  if (size === undefined) {
    const hr = args.hr as number;
    const d = (4 * zsum * zsum) / Math.log(hr) ** 2;
    if (d < 2) tooFew();
    return finish(hr, d, args.power);
  }
  const n = size;
  const sign = (args.direction ?? "higher") === "higher" ? 1 : -1;
  const f = (logHr: number): number => Math.sqrt(eventsOf(Math.exp(sign * logHr), n) / 4) * logHr - zsum;
  const logHr = solveIncreasing(f, 1e-9, 20);
  if (logHr === null) return fail("STATS_POWER_UNREACHABLE", "Ingen hazard ratio kan opdages med den styrke og det antal.", "No hazard ratio can be detected with that power and number.");
  const hr = Math.exp(sign * logHr);
  return finish(hr, eventsOf(hr, n), args.power);
}

/** Citizens to include so that n remain after a share `dropout` (0 ≤ dropout < 1) leaves: ceil(n / (1 - dropout)). */
export function inflateForDropout(n: number, dropout: number): number {
  if (!(typeof dropout === "number" && dropout >= 0 && dropout < 1)) {
    throw new VirkningError("STATS_DROPOUT_RANGE", "Frafaldet skal være mellem 0 og 100 % (ikke 100 %).", "The drop-out must be between 0 and 100% (not 100%).");
  }
  return Math.ceil(n / (1 - dropout) - 1e-9);
}
