/**
 * The attacker of the register line on the publication page (issue 24 item 4): builds a small register
 * analysis from citizens' first self-supporting weeks, renders the Ledelsesoverblik, reads the printed
 * weeks gained, its interval, the horizon and p (line and footnote), and solves for the hidden counts.
 * Worst case for the page: the attacker knows each group's size, the other group's data in full and
 * that nobody left before the horizon; it enumerates every count of citizens becoming self-supporting
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

/** One group: per citizen the first self-supporting week (1 … weeks), or null (never within the data). */
export interface RegisterDataset {
  threshold: number;
  weeks: number;
  intervention: (number | null)[];
  control: (number | null)[];
}
type Arm = "intervention" | "control";
export const ARMS: Arm[] = ["intervention", "control"];

const weeksOf = (first: number | null, weeks: number): WeekClass[] => Array.from({ length: weeks }, (_, i) => (first !== null && i + 1 >= first ? "selvforsoergende" : "andet"));

export function registerPage(ds: RegisterDataset, audience: "public" | "internal" = "public"): { input: SummaryInput; lines: string[] } {
  const citizens: CitizenWeeks[] = ARMS.flatMap((a) => ds[a].map((f, i) => ({ id: `${a}${i}`, group: a === "intervention" ? 1 : 0, weeks: weeksOf(f, ds.weeks) }) as CitizenWeeks));
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

/** Restricted mean and SE of one group with d[j] events in week j + 1 (j < tau − 1), nobody censored before tau. */
export function rmstOf(d: number[], n: number, tau: number): { estimate: number; se: number } {
  const level = [1];
  const atRisk: number[] = [];
  let risk = n;
  for (const dj of d) {
    atRisk.push(risk);
    level.push(risk === 0 ? 0 : level[level.length - 1] * (1 - dj / risk));
    risk -= dj;
  }
  while (level.length < tau) level.push(level[level.length - 1]);
  const areaFrom = (k: number): number => level.slice(k).reduce((a, b) => a + b, 0);
  let variance = 0;
  d.forEach((dj, j) => {
    if (dj > 0 && atRisk[j] > dj) variance += (areaFrom(j + 1) ** 2 * dj) / (atRisk[j] * (atRisk[j] - dj));
  });
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

/** The counts the attacker tries: each run of weeks a…b before tau, and the rest (n − all before tau). */
function quantities(d: number[], n: number): Map<string, number> {
  const q = new Map<string, number>();
  for (let a = 0; a < d.length; a++) for (let b = a; b < d.length; b++) q.set(`uge ${a + 1}-${b + 1}`, d.slice(a, b + 1).reduce((s, x) => s + x, 0));
  q.set("resten", n - d.reduce((s, x) => s + x, 0));
  return q;
}

/** Weekly event counts before tau of one group (index j = week j + 1). */
function countsBefore(first: (number | null)[], tau: number): number[] {
  return Array.from({ length: tau - 1 }, (_, j) => first.filter((f) => f === j + 1).length);
}

export interface Finding {
  what: string;
  value: number;
}

const num = (x: number): string => formatNumber(x, 1, "da");
const pValue = (x: number): string => formatP(Math.min(1, Math.max(0, x)), "da");
/** Whether x prints as `text`, allowing for rounding error at a boundary (the attacker's sums are in another order). */
const prints = (x: number, text: string, f: (x: number) => string): boolean => [x, x - 1e-9, x + 1e-9].some((v) => f(v) === text);

/** A group as the page sees it: weekly events before tau, the rest censored at tau; pooled as the footnote says. */
function asPrinted(d: number[], n: number, tau: number, grouped: number | null): RegisterGroup {
  const before = d.reduce((a, b) => a + b, 0);
  const g: RegisterGroup = { n, weeks: [...d.map((events, j) => ({ week: j + 1, events, censored: 0 })).filter((w) => w.events > 0), { week: tau, events: 0, censored: n - before }] };
  return grouped === null ? g : groupedWeeks(g, tau, grouped);
}

/** Weekly events before tau of a group the page computed with (no censoring before tau in these data). */
function eventsBefore(g: RegisterGroup, tau: number): number[] {
  return Array.from({ length: tau - 1 }, (_, j) => g.weeks.filter((w) => w.week === j + 1).reduce((a, w) => a + w.events, 0));
}

/** Every count of 1 … threshold − 1 citizens of a group that the printed figures pin to its true value. */
export function attackRegister(ds: RegisterDataset, printed: Printed | null): Finding[] {
  if (!printed) return [];
  const { tau, grouped } = printed;
  const z = qnorm(0.975);
  const findings: Finding[] = [];
  for (const target of ARMS) {
    const other = target === "intervention" ? "control" : "intervention";
    const theirs = asPrinted(countsBefore(ds[other], tau), ds[other].length, tau, grouped);
    const o = theirs.weeks.flatMap((w) => [...new Array<{ t: number; e: number }>(w.events).fill({ t: w.week, e: 1 }), ...new Array<{ t: number; e: number }>(w.censored).fill({ t: w.week, e: 0 })]);
    const known = kmRmst(kaplanMeier(o.map((x) => x.t), o.map((x) => x.e)), tau);
    const n = ds[target].length;
    const seen = new Map<string, Set<number>>();
    eachAssignment(n, tau - 1, (d) => {
      const mine = rmstOf(eventsBefore(asPrinted(d, n, tau, grouped), tau), n, tau);
      const gained = target === "intervention" ? known.estimate - mine.estimate : mine.estimate - known.estimate;
      const se = Math.sqrt(mine.se ** 2 + known.se ** 2);
      if (se === 0 || !prints(gained, printed.gained, num)) return;
      if (!prints(gained - z * se, printed.lower, num) || !prints(gained + z * se, printed.upper, num)) return;
      if (!prints(2 * (1 - pnorm(Math.abs(gained) / se)), printed.p, pValue)) return;
      for (const [k, v] of quantities(d, n)) (seen.get(k) ?? seen.set(k, new Set()).get(k)!).add(v);
    });
    for (const [k, v] of quantities(countsBefore(ds[target], tau), n)) {
      if (v < 1 || v >= ds.threshold) continue;
      const values = seen.get(k);
      if (!values) throw new Error(`${target}: the true data are not among the attacker's solutions`);
      if (values.size === 1) findings.push({ what: `${target} ${k}`, value: v });
    }
  }
  return findings;
}
