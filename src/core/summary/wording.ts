/**
 * The verdict line: one plain line per slutmål whose wording follows the evidence.
 *
 * The rule (`verdictOf`, always on the full data, whoever the page is for; boundaries are exact, see
 * test/unit/summary/wording.test.ts):
 * 1. "tooFew" (For få borgere til at sige noget) when
 *    - either group has fewer than MIN_GROUP_N citizens with a valid status, or
 *    - no difference with a confidence interval, or no p-value, could be computed.
 *    A small count (2 of 26) is never by itself a reason: the test and the interval decide.
 * 2. "clear" (Indsatsen ser ud til at virke / klarer sig dårligere) when p < 0.05 AND the 95 % CI of
 *    the difference excludes 0 (lower > 0 or upper < 0; a limit exactly at 0 does not exclude it).
 * 3. "tendency" (kun en tendens) when p < 0.10, or when only one of the two criteria in 2 holds
 *    (p = 0.045 with a CI crossing 0 is a tendency, not proof).
 * 4. "none" (Vi kan ikke se en forskel endnu) otherwise: it does not claim "no effect".
 * The line gives the two shares and "forskel x procentpoint (mellem a og b)"; the test and its
 * p-value go into a footnote. A line is at most MAX_WORDS words besides the slutmål's name.
 * On a page for publication whose shares were suppressed (release.ts) the line says only that.
 */
import { formatNumber, formatP, formatPercent, type Text } from "../stats";
import type { Lang } from "./types";

export type Verdict = "clear" | "tendency" | "none" | "tooFew";

export const ALPHA = 0.05;
export const TENDENCY_P = 0.1;
/** Fewer citizens with a valid status than this in a group: too few to say. */
export const MIN_GROUP_N = 10;
/** Fewer than this in a group: the page's footnote warns that the groups are small. */
export const SMALL_GROUP_N = 30;
/** Longest verdict line, in words, not counting the slutmål's name. */
export const MAX_WORDS = 25;

export interface KeyResultInput {
  outcome: string;
  month: number;
  intervention: { x: number; n: number };
  control: { x: number; n: number };
  /** Intervention − control as proportions, with the 95 % CI; null when not computable. */
  difference: { estimate: number; lower: number; upper: number } | null;
  pValue: number | null;
  test: Text | null;
}

export interface KeyResult {
  verdict: Verdict;
  /** Why "tooFew". */
  reason?: "small" | "noTest";
  smallGroups: boolean;
  /** The verdict line (numbers only when `shown`). */
  line: Text;
  /** Test, p-value and interval method; null when nothing was tested or the numbers are hidden. */
  footnote: Text | null;
}

export const VERDICT_LABEL: Record<Verdict, Text> = {
  clear: { da: "Klar forskel", en: "Clear difference" },
  tendency: { da: "Tendens", en: "Tendency" },
  none: { da: "Ingen påviselig forskel", en: "No detectable difference" },
  tooFew: { da: "For få til at sige noget", en: "Too few to say" },
};

export function verdictOf(input: KeyResultInput): { verdict: Verdict; reason?: KeyResult["reason"] } {
  const { intervention: i, control: c } = input;
  if (Math.min(i.n, c.n) < MIN_GROUP_N) return { verdict: "tooFew", reason: "small" };
  const d = input.difference;
  const p = input.pValue;
  if (!d || p === null || !Number.isFinite(d.lower) || !Number.isFinite(d.upper) || !Number.isFinite(p)) return { verdict: "tooFew", reason: "noTest" };
  const significant = p < ALPHA;
  const ciExcludesZero = d.lower > 0 || d.upper < 0;
  if (significant && ciExcludesZero) return { verdict: "clear" };
  if (p < TENDENCY_P || significant || ciExcludesZero) return { verdict: "tendency" };
  return { verdict: "none" };
}

const pp = (x: number, lang: Lang): string => formatNumber(x * 100, 0, lang);

function both(f: (lang: Lang) => string): Text {
  return { da: f("da"), en: f("en") };
}

/** "indsatsgruppen 45 %, kontrolgruppen 20 %, forskel 25 procentpoint (mellem 4 og 43)" */
function numbers(input: KeyResultInput, lang: Lang): string {
  const si = formatPercent(input.intervention.x / input.intervention.n, 0, lang);
  const sc = formatPercent(input.control.x / input.control.n, 0, lang);
  const d = input.difference!;
  return lang === "da"
    ? `indsatsgruppen ${si}, kontrolgruppen ${sc}, forskel ${pp(d.estimate, lang)} procentpoint (mellem ${pp(d.lower, lang)} og ${pp(d.upper, lang)})`
    : `intervention ${si}, control ${sc}, difference ${pp(d.estimate, lang)} points (between ${pp(d.lower, lang)} and ${pp(d.upper, lang)})`;
}

/** The start of a verdict line (also the register headline's, registerLine.ts). */
export function lead(verdict: Exclude<Verdict, "tooFew">, o: string, positive: boolean, lang: Lang): string {
  const da = lang === "da";
  if (verdict === "clear") {
    if (positive) return da ? `Indsatsen ser ud til at virke på "${o}"` : `The effort seems to work on "${o}"`;
    return da ? `Indsatsgruppen klarer sig dårligere på "${o}"` : `The intervention group does worse on "${o}"`;
  }
  if (verdict === "tendency") return da ? `Vi kan ikke se en sikker forskel på "${o}" endnu, kun en tendens` : `We cannot see a sure difference on "${o}" yet, only a tendency`;
  return da ? `Vi kan ikke se en forskel på "${o}" endnu` : `We cannot see a difference on "${o}" yet`;
}

function tooFewLine(input: KeyResultInput, reason: KeyResult["reason"], lang: Lang): string {
  const { intervention: i, control: c, outcome: o, month } = input;
  if (reason === "small") {
    return lang === "da"
      ? `For få borgere til at sige noget om "${o}": ${i.n} og ${c.n} med gyldig status ved ${month} mdr. (mindst ${MIN_GROUP_N} pr. gruppe).`
      : `Too few citizens to say anything about "${o}": ${i.n} and ${c.n} with a valid status at ${month} months (at least ${MIN_GROUP_N} per group).`;
  }
  return lang === "da" ? `For få borgere til at sige noget om "${o}": forskellen kunne ikke beregnes ved ${month} mdr.` : `Too few citizens to say anything about "${o}": the difference could not be computed at ${month} months.`;
}

/** The line on a publication page whose numbers for this slutmål were suppressed. */
export function hiddenLine(outcome: string, lang: Lang): string {
  return lang === "da"
    ? `Resultatet for "${outcome}" vises ikke i denne udgave: tallene er så små, at borgere ville kunne genkendes.`
    : `The result for "${outcome}" is not shown in this edition: the numbers are so small that citizens could be recognised.`;
}

/** `"X" (18 mdr.): Fishers eksakte test, p = 0,027` (the page adds the interval's meaning and the small-group warning once). */
function footnoteOf(input: KeyResultInput, lang: Lang): string {
  const test = input.test ? (lang === "da" ? input.test.da : input.test.en) : "";
  return `"${input.outcome}" (${input.month} ${lang === "da" ? "mdr." : "months"}): ${test}, p = ${formatP(input.pValue!, lang)}`;
}

/** The verdict (from the full data), its line and footnote; `shown` false: the numbers are suppressed on this page. */
export function keyResult(input: KeyResultInput, shown = true): KeyResult {
  const { verdict, reason } = verdictOf(input);
  const smallGroups = verdict !== "tooFew" && Math.min(input.intervention.n, input.control.n) < SMALL_GROUP_N;
  let line: Text;
  let footnote: Text | null = null;
  if (!shown) line = both((lang) => hiddenLine(input.outcome, lang));
  else if (verdict === "tooFew") line = both((lang) => tooFewLine(input, reason, lang));
  else {
    line = both((lang) => `${lead(verdict, input.outcome, input.difference!.estimate >= 0, lang)}: ${numbers(input, lang)}.`);
    footnote = both((lang) => footnoteOf(input, lang));
  }
  const out: KeyResult = { verdict, smallGroups, line, footnote };
  if (reason) out.reason = reason;
  return out;
}

/** Words of a line, not counting the quoted slutmål name. */
export function wordCount(line: string, outcome: string): number {
  return line.replace(`"${outcome}"`, "").trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
