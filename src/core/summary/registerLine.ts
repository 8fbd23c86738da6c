/**
 * The register headline on the Ledelsesoverblik (issue 24 item 4): one line for "Tid til selvforsørgelse"
 * when a register analysis exists, worded by the verdict lines' rule (wording.ts `verdictOf`: clear when
 * p < 0.05 and the interval excludes 0, a tendency when p < 0.10 or only one of the two, too few under
 * MIN_GROUP_N citizens in a group). The measure is the weeks gained in self-support within the horizon
 * (control's restricted mean time to self-support − the intervention's, register/sheet.ts `weeksGained`),
 * its 95 % normal interval, and the two-sided p of the same normal approximation (2 · (1 − Φ(|d| / SE))),
 * so the interval and p agree as for a Wald test. The test and p go into the page's footnote.
 *
 * Publication edition ("Til offentliggørelse"). The weeks gained, its interval and p are functions of the
 * two Kaplan–Meier curves up to the horizon, i.e. of how many citizens of each group became
 * self-supporting (or left the data) in each week before it, and an attacker who knows the rest can solve
 * them back from the printed figures (test/unit/summary/registerAttack.test.ts finds such weeks on the
 * internal edition). So that edition computes the line from pooled weeks (`publicationBrief`): per group,
 * the events (becoming self-supporting) before the horizon are pooled over consecutive weeks into blocks of
 * at least threshold, each counted at the week its block reaches the threshold, and the censorings (late
 * entries) likewise on their own; what is left over at the end, and the latest blocks while the citizens
 * at the horizon would be 1 … threshold − 1 (as pooled, and with the true censorings, which an attacker
 * may know), go to the horizon (censored there, which does not change the restricted mean). The printed figures then depend only on where the blocks close and on
 * sums that are 0 or ≥ threshold; within a block, citizens can be moved to its last week (or from it to an earlier week of the block, while the
 * block still closes where it did) without changing anything printed, so no week's count, and no run of
 * weeks cutting a block, is pinned (the argument of disclosure.ts). The verdict follows the figures
 * printed (by the same rule; it may differ from the internal edition's), and the footnote says the weeks
 * were pooled. A group under the threshold, or pooling that leaves no event before the horizon, gives the
 * line "not shown"; the line never prints the register's counts of citizens on that edition (beside the
 * comparison's N they would give the citizens without register data back by subtraction).
 */
import { formatNumber, formatP, type Text } from "../stats";
import { pnorm, qnorm } from "../stats/dist";
import { TERMS } from "../vocabulary";
import type { RegisterResult } from "../register/weekly";
import { kaplanMeier, kmRmst, type KmCurve } from "../register/survival";
import { REGISTER_SHEET_NAME, weeksGained } from "../register/sheet";
import { hiddenLine, lead, MIN_GROUP_N, SMALL_GROUP_N, verdictOf, type KeyResult } from "./wording";
import type { Lang } from "./types";

/** One week of a group's curve: citizens becoming self-supporting (events) and leaving the data (censored) that week. */
export interface RegisterWeek {
  week: number;
  events: number;
  censored: number;
}

/** A group: citizens with an observed week, and its curve's weeks (every week with an event or a censoring). */
export interface RegisterGroup {
  n: number;
  weeks: RegisterWeek[];
}

/** What the leader page needs of a register analysis (plain data; the store builds it with `registerBrief`). */
export interface RegisterBrief {
  /** Weeks gained within `tau` (positive = the intervention group became self-supporting sooner), with the 95 % interval and SE. */
  weeksGained: { estimate: number; lower: number; upper: number; se: number };
  tau: number;
  /** Per group (for the verdict rule's minimum and the publication edition's grouped weeks). */
  groups: { intervention: RegisterGroup; control: RegisterGroup };
  /** The sheet the numbers are on ("Registeropfølgning"). */
  sheet: string;
  /** Set on the publication edition's brief: weeks were grouped so that no count is 1 … threshold − 1. */
  grouped?: { threshold: number };
}

const groupOf = (curve: KmCurve): RegisterGroup => ({ n: curve.n, weeks: curve.steps.map((s) => ({ week: s.time, events: s.nEvent, censored: s.nCensor })) });

/** Weeks gained (control's restricted mean − the intervention's) with its normal interval, from the two restricted means. */
function gainedOf(i: { estimate: number; se: number }, c: { estimate: number; se: number }): RegisterBrief["weeksGained"] {
  const estimate = c.estimate - i.estimate;
  const se = Math.sqrt(i.se ** 2 + c.se ** 2);
  const z = qnorm(0.975);
  return { estimate, lower: estimate - z * se, upper: estimate + z * se, se };
}

/**
 * The leader page's brief from `analyseRegister`'s result (pure, plain data; the store calls it and puts
 * it in `SummaryInput.register`): weeks gained = control's restricted mean time to self-support − the
 * intervention's, its interval turned round (the register sheet's headline, register/sheet.ts
 * `weeksGained`), and each group's curve as weeks of events and censorings. `sheet`: the sheet the
 * numbers are on (the user may have given the register sheet another name).
 */
export function registerBrief(result: RegisterResult, sheet: string = REGISTER_SHEET_NAME): RegisterBrief {
  return {
    weeksGained: { ...weeksGained(result), se: result.rmstDifference.se },
    tau: result.tau,
    groups: { intervention: groupOf(result.intervention.curve), control: groupOf(result.control.curve) },
    sheet,
  };
}

const small = (v: number, t: number): boolean => v > 0 && v < t;

/** Consecutive weeks before tau pooled until a block holds at least t of `kind` (closing at the week that reaches it); the leftover is dropped. */
function pooled(weeks: RegisterWeek[], kind: "events" | "censored", t: number): { week: number; count: number }[] {
  const blocks: { week: number; count: number }[] = [];
  let open = 0;
  for (const w of weeks) {
    open += w[kind];
    if (w[kind] > 0 && open >= t) {
      blocks.push({ week: w.week, count: open });
      open = 0;
    }
  }
  return blocks;
}

/**
 * A group's weeks before tau with events and censorings pooled separately into blocks of at least t; the
 * rest at tau. Latest blocks go to the rest while the citizens at the horizon would be 1 … t − 1, counted
 * both as pooled and with the true censorings (an attacker who knows who left when subtracts those).
 */
export function groupedWeeks(g: RegisterGroup, tau: number, t: number): RegisterGroup {
  const before = g.weeks.filter((x) => x.week < tau);
  const ev = pooled(before, "events", t);
  const ce = pooled(before, "censored", t);
  const left = before.reduce((a, w) => a + w.censored, 0);
  const total = (x: { count: number }[]): number => x.reduce((a, b) => a + b.count, 0);
  const last = (x: { week: number }[]): number => x[x.length - 1]?.week ?? -1;
  for (;;) {
    if (ev.length > 0 && small(g.n - total(ev) - left, t)) ev.pop();
    else if (ev.length + ce.length > 0 && small(g.n - total(ev) - total(ce), t)) (last(ev) >= last(ce) ? ev : ce).pop();
    else break;
  }
  const counted = (): number => total(ev) + total(ce);
  const weeks = [...new Set([...ev, ...ce].map((x) => x.week))].sort((x, y) => x - y);
  const out = weeks.map((week) => ({ week, events: ev.find((x) => x.week === week)?.count ?? 0, censored: ce.find((x) => x.week === week)?.count ?? 0 }));
  const rest = g.n - counted();
  return { n: g.n, weeks: rest > 0 ? [...out, { week: tau, events: 0, censored: rest }] : out };
}

/** Restricted mean at tau of a group given by its weeks. */
function rmstOfGroup(g: RegisterGroup, tau: number): { estimate: number; se: number } {
  const time = g.weeks.flatMap((w) => new Array<number>(w.events + w.censored).fill(w.week));
  const event = g.weeks.flatMap((w) => [...new Array<number>(w.events).fill(1), ...new Array<number>(w.censored).fill(0)]);
  return kmRmst(kaplanMeier(time, event), tau);
}

/** The publication edition's brief: the weeks gained recomputed from grouped weeks (threshold t). */
export function publicationBrief(b: RegisterBrief, t: number): RegisterBrief {
  const groups = { intervention: groupedWeeks(b.groups.intervention, b.tau, t), control: groupedWeeks(b.groups.control, b.tau, t) };
  return { ...b, groups, weeksGained: gainedOf(rmstOfGroup(groups.intervention, b.tau), rmstOfGroup(groups.control, b.tau)), grouped: { threshold: t } };
}

/** Publication edition: the line may be shown (from grouped weeks) only when both groups have at least `threshold` citizens. */
export function registerReleasable(b: RegisterBrief, threshold: number): boolean {
  return Math.min(b.groups.intervention.n, b.groups.control.n) >= threshold;
}

/**
 * The publication edition's line: from grouped weeks, its verdict by the same rule from the figures it
 * prints (which may differ from the internal edition's: the footnote says the weeks were pooled); the
 * line says the result is not shown when a group is under the threshold. Nothing else of the full data
 * decides what is printed: a choice made on the full data (e.g. "show only when the verdicts agree")
 * would itself give weekly counts back (registerAttack.test.ts found one).
 */
export function publicRegisterResult(b: RegisterBrief, threshold: number): KeyResult {
  const pooled = registerKeyResult(publicationBrief(b, threshold), registerReleasable(b, threshold));
  // pooling took every event before the horizon away: the page says the numbers are too small, not that nothing could be computed
  if (pooled.reason === "noTest" && registerKeyResult(b).verdict !== "tooFew") return registerKeyResult(publicationBrief(b, threshold), false);
  return pooled;
}

const OUTCOME = TERMS.timeToSelfSupport;
const w = (x: number, lang: Lang): string => formatNumber(x, 1, lang);
const both = (f: (lang: Lang) => string): Text => ({ da: f("da"), en: f("en") });

/** Two-sided p of the normal approximation; null when the standard error is 0 (no events before the horizon). */
function pValueOf(g: RegisterBrief["weeksGained"]): number | null {
  return g.se > 0 ? 2 * (1 - pnorm(Math.abs(g.estimate) / g.se)) : null;
}

function tooFewLine(b: RegisterBrief, reason: KeyResult["reason"], lang: Lang): string {
  const o = OUTCOME[lang];
  const ni = b.groups.intervention.n;
  const nc = b.groups.control.n;
  const da = lang === "da";
  if (reason === "small" && !b.grouped) {
    return da
      ? `For få borgere til at sige noget om "${o}": ${ni} og ${nc} i registerdata (mindst ${MIN_GROUP_N} pr. gruppe).`
      : `Too few citizens to say anything about "${o}": ${ni} and ${nc} in the register data (at least ${MIN_GROUP_N} per group).`;
  }
  if (reason === "small") return da ? `For få borgere til at sige noget om "${o}": under ${MIN_GROUP_N} i en gruppe i registerdata.` : `Too few citizens to say anything about "${o}": under ${MIN_GROUP_N} in a group in the register data.`;
  return da ? `For få borgere til at sige noget om "${o}": forskellen kunne ikke beregnes.` : `Too few citizens to say anything about "${o}": the difference could not be computed.`;
}

function footnoteOf(b: RegisterBrief, p: number, lang: Lang): string {
  const o = OUTCOME[lang];
  const t = b.grouped?.threshold;
  if (lang === "da") {
    const grouped = t ? `; uger slået sammen, så hver tælling er 0 eller mindst ${t}` : "";
    return `"${o}" (${b.sheet}): forskel i gennemsnitlig tid til selvforsørgelse (RMST) inden for ${b.tau} uger, normalfordelingstest${grouped}, p = ${formatP(p, lang)}`;
  }
  const grouped = t ? `; weeks pooled so that every count is 0 or at least ${t}` : "";
  return `"${o}" (${b.sheet}): difference in restricted mean time to self-support (RMST) within ${b.tau} weeks, normal test${grouped}, p = ${formatP(p, lang)}`;
}

/**
 * The register line and its footnote. `shown` false (publication edition, a group under the threshold):
 * the line says only that. A brief from `publicationBrief` prints no counts of citizens.
 */
export function registerKeyResult(b: RegisterBrief, shown = true): KeyResult {
  const g = b.weeksGained;
  const pValue = pValueOf(g);
  const ni = b.groups.intervention.n;
  const nc = b.groups.control.n;
  const { verdict, reason } = verdictOf({ outcome: OUTCOME.da, month: 0, intervention: { x: 0, n: ni }, control: { x: 0, n: nc }, difference: g, pValue, test: null });
  const smallGroups = verdict !== "tooFew" && Math.min(ni, nc) < SMALL_GROUP_N;
  const out = (line: Text, footnote: Text | null): KeyResult => ({ verdict, ...(reason ? { reason } : {}), smallGroups, line, footnote });
  if (!shown) return out(both((lang) => hiddenLine(OUTCOME[lang], lang)), null);
  if (verdict === "tooFew") return out(both((lang) => tooFewLine(b, reason, lang)), null);
  const numbers = (lang: Lang): string =>
    lang === "da"
      ? `${w(g.estimate, lang)} uger vundet i selvforsørgelse inden for ${b.tau} uger (mellem ${w(g.lower, lang)} og ${w(g.upper, lang)})`
      : `${w(g.estimate, lang)} weeks gained in self-support within ${b.tau} weeks (between ${w(g.lower, lang)} and ${w(g.upper, lang)})`;
  const line = both((lang) => `${lead(verdict, OUTCOME[lang], g.estimate >= 0, lang)}: ${numbers(lang)}.`);
  return out(line, both((lang) => footnoteOf(b, pValue!, lang)));
}
