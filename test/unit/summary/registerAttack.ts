/**
 * The attacker of the register line on the publication page (issue 24 item 4): builds a small register
 * analysis from citizens' first self-supporting weeks, renders the Ledelsesoverblik, reads the printed
 * weeks gained, its interval, the horizon and p (line and footnote), and solves for the hidden counts.
 * Worst case for the page: the attacker knows each group's size, the other group's data in full and
 * who left the data when (late entries); it enumerates every count of citizens becoming self-supporting
 * in each week before the horizon for one group (an independent computation of the restricted mean and
 * its variance, Klein & Moeschberger 2003, 4.5) and keeps those that print the same figures. A count of
 * citizens (one week's, a run of weeks', all before the horizon, or the rest) whose true value is 1 …
 * threshold − 1 is pinned when every consistent assignment gives it that value.
 */
import { analyseRegister, type CitizenWeeks, type WeekClass } from "../../../src/core/register/weekly";
import { kaplanMeier, kmRmst } from "../../../src/core/register/survival";
import { formatNumber, formatP } from "../../../src/core/stats";
import { pnorm, qnorm } from "../../../src/core/stats/dist";
import type { Verdict } from "../../../src/core/summary/wording";
import { groupedWeeks, registerBrief, summarySheetSpec, type RegisterGroup, type SummaryInput } from "../../../src/core/summary";
import { baseInput, grid } from "./helpers";

/** Per group and citizen the first self-supporting week (1 … weeks), or null (never within the data). */
export interface RegisterDataset {
  threshold: number;
  weeks: number;
  intervention: (number | null)[];
  control: (number | null)[];
  /** Late entries: per citizen the last observed week (null: all weeks); a citizen never self-supporting by then is censored there. */
  left?: Record<"intervention" | "control", (number | null)[]>;
}
type Arm = "intervention" | "control";
export const ARMS: Arm[] = ["intervention", "control"];

const weeksOf = (first: number | null, last: number, weeks: number): (WeekClass | null)[] =>
  Array.from({ length: weeks }, (_, i) => (i + 1 > last ? null : first !== null && i + 1 >= first ? "selvforsoergende" : "andet"));
const lastOf = (ds: RegisterDataset, a: Arm, i: number): number => ds.left?.[a][i] ?? ds.weeks;

export function registerPage(ds: RegisterDataset, audience: "public" | "internal" = "public"): { input: SummaryInput; lines: string[] } {
  const citizens: CitizenWeeks[] = ARMS.flatMap((a) => ds[a].map((f, i) => ({ id: `${a}${i}`, group: a === "intervention" ? 1 : 0, weeks: weeksOf(f, lastOf(ds, a, i), ds.weeks) }) as CitizenWeeks));
  const result = analyseRegister(citizens, { windows: [], spellWeeks: 1 });
  const input = baseInput({ register: registerBrief(result, "Registeropfølgning"), settings: { followUp: null, audience, threshold: ds.threshold, lang: "da" } });
  return { input, lines: grid(summarySheetSpec(input).spec).map((r) => (r ?? []).filter((v) => typeof v === "string").join(" ")) };
}

export interface Printed {
  gained: string;
  lower: string;
  upper: string;
  tau: number;
  p: string;
  /** The threshold the footnote says the weeks were pooled by (publication edition). */
  grouped: number | null;
  verdict: Verdict;
}

/** The register figures the page prints, or null when it prints none. */
export function readRegister(lines: string[]): Printed | null {
  const text = lines.join("\n");
  const m = /"Tid til selvforsørgelse"[^:\n]*: (-?[\d,]+) uger vundet i selvforsørgelse inden for (\d+) uger \(mellem (-?[\d,]+) og (-?[\d,]+)\)/.exec(text);
  const p = /"Tid til selvforsørgelse" \([^)]*\): [^"]*?p = (<?[\d,]+)/.exec(text);
  if (!m) return null;
  if (!p) throw new Error("the register line printed numbers without its p in the footnote");
  const grouped = /"Tid til selvforsørgelse" \([^)]*\): [^"]*?uger slået sammen, så hver tælling er 0 eller mindst (\d+)/.exec(text);
  const lead = text.slice(0, m.index + m[0].length).split("\n").pop()!;
  const verdict: Verdict = /ser ud til at virke|klarer sig dårligere/.test(lead) ? "clear" : /kun en tendens/.test(lead) ? "tendency" : "none";
  return { gained: m[1], tau: Number(m[2]), lower: m[3], upper: m[4], p: p[1], grouped: grouped ? Number(grouped[1]) : null, verdict };
}

/** Restricted mean and SE at tau of a group given by its weeks (events before censorings in a week), computed here. */
export function rmstOf(g: RegisterGroup, tau: number): { estimate: number; se: number } {
  const level = new Array<number>(tau).fill(1);
  const risk = new Array<number>(tau).fill(0);
  const events = new Array<number>(tau).fill(0);
  let s = 1;
  let atRisk = g.n;
  for (let j = 1; j < tau; j++) {
    const here = g.weeks.filter((w) => w.week === j);
    events[j] = here.reduce((a, w) => a + w.events, 0);
    risk[j] = atRisk;
    if (events[j] > 0) s *= 1 - events[j] / atRisk;
    level[j] = s;
    atRisk -= here.reduce((a, w) => a + w.events + w.censored, 0);
  }
  const areaFrom = (k: number): number => level.slice(k).reduce((a, b) => a + b, 0);
  let variance = 0;
  for (let j = 1; j < tau; j++) if (events[j] > 0 && risk[j] > events[j]) variance += (areaFrom(j) ** 2 * events[j]) / (risk[j] * (risk[j] - events[j]));
  return { estimate: areaFrom(0), se: Math.sqrt(variance) };
}

/** Every assignment of weekly event counts before tau (sum ≤ n) calling `visit`. */
function eachAssignment(n: number, weeks: number, visit: (d: number[]) => void): void {
  const d = new Array<number>(weeks).fill(0);
  const rec = (j: number, left: number): void => {
    if (j === weeks) return visit(d);
    for (let v = 0; v <= left; v++) {
      d[j] = v;
      rec(j + 1, left - v);
    }
    d[j] = 0;
  };
  rec(0, n);
}

/** The counts the attacker tries: self-supporting in each run of weeks a…b before tau, and the rest (neither self-supporting nor gone before tau). */
function quantities(d: number[], rest: number): Map<string, number> {
  const q = new Map<string, number>();
  for (let a = 0; a < d.length; a++) for (let b = a; b < d.length; b++) q.set(`uge ${a + 1}-${b + 1}`, d.slice(a, b + 1).reduce((s, x) => s + x, 0));
  q.set("resten", rest);
  return q;
}

const sum = (x: number[]): number => x.reduce((a, b) => a + b, 0);

/** Weekly events and censorings (late entries) before tau of one group (index j = week j + 1). */
function countsBefore(ds: RegisterDataset, a: Arm, tau: number): { d: number[]; c: number[] } {
  const first = ds[a];
  const d = Array.from({ length: tau - 1 }, (_, j) => first.filter((f) => f === j + 1).length);
  const c = Array.from({ length: tau - 1 }, (_, j) => first.filter((f, i) => f === null && lastOf(ds, a, i) === j + 1).length);
  return { d, c };
}

export interface Finding {
  what: string;
  value: number;
}

const num = (x: number): string => formatNumber(x, 1, "da");
const pValue = (x: number): string => formatP(Math.min(1, Math.max(0, x)), "da");
/** Whether x prints as `text`, allowing for rounding error at a boundary (the attacker's sums are in another order). */
const prints = (x: number, text: string, f: (x: number) => string): boolean => [x, x - 1e-9, x + 1e-9].some((v) => f(v) === text);

/** A group as the page sees it: weekly events and censorings before tau, the rest at tau; pooled as the footnote says. */
function asPrinted(d: number[], c: number[], n: number, tau: number, grouped: number | null): RegisterGroup {
  const weeks = d.map((events, j) => ({ week: j + 1, events, censored: c[j] })).filter((w) => w.events + w.censored > 0);
  const g: RegisterGroup = { n, weeks: [...weeks, { week: tau, events: 0, censored: n - sum(d) - sum(c) }] };
  return grouped === null ? g : groupedWeeks(g, tau, grouped);
}

/** Every count of 1 … threshold − 1 citizens of a group that the printed figures pin to its true value. */
export function attackRegister(ds: RegisterDataset, printed: Printed | null): Finding[] {
  if (!printed) return [];
  const { tau, grouped } = printed;
  const z = qnorm(0.975);
  const findings: Finding[] = [];
  for (const target of ARMS) {
    const other = target === "intervention" ? "control" : "intervention";
    const their = countsBefore(ds, other, tau);
    const theirs = asPrinted(their.d, their.c, ds[other].length, tau, grouped);
    const o = theirs.weeks.flatMap((w) => [...new Array<{ t: number; e: number }>(w.events).fill({ t: w.week, e: 1 }), ...new Array<{ t: number; e: number }>(w.censored).fill({ t: w.week, e: 0 })]);
    const known = kmRmst(kaplanMeier(o.map((x) => x.t), o.map((x) => x.e)), tau);
    const n = ds[target].length;
    const { c } = countsBefore(ds, target, tau); // the attacker knows who left when
    const seen = new Map<string, Set<number>>();
    eachAssignment(n - sum(c), tau - 1, (d) => {
      const mine = rmstOf(asPrinted(d, c, n, tau, grouped), tau);
      const gained = target === "intervention" ? known.estimate - mine.estimate : mine.estimate - known.estimate;
      const se = Math.sqrt(mine.se ** 2 + known.se ** 2);
      if (se === 0 || !prints(gained, printed.gained, num)) return;
      if (!prints(gained - z * se, printed.lower, num) || !prints(gained + z * se, printed.upper, num)) return;
      if (!prints(2 * (1 - pnorm(Math.abs(gained) / se)), printed.p, pValue)) return;
      for (const [k, v] of quantities(d, n - sum(d) - sum(c))) (seen.get(k) ?? seen.set(k, new Set()).get(k)!).add(v);
    });
    const truth = countsBefore(ds, target, tau).d;
    for (const [k, v] of quantities(truth, n - sum(truth) - sum(c))) {
      if (v < 1 || v >= ds.threshold) continue;
      const values = seen.get(k);
      if (!values) throw new Error(`${target}: the true data are not among the attacker's solutions`);
      if (values.size === 1) findings.push({ what: `${target} ${k}`, value: v });
    }
  }
  return findings;
}
