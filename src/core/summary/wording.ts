/**
 * The key-result sentence: one plain sentence per outcome whose wording follows the evidence.
 *
 * The rule (applied in this order; boundaries are exact, see test/unit/summary/wording.test.ts):
 * 1. "tooFew" (for få til at sige noget) when
 *    - a share would reveal a count below the small-number threshold (see suppression.ts), or
 *    - either group has fewer than MIN_GROUP_N citizens with a valid status, or
 *    - no difference with a confidence interval, or no p-value, could be computed.
 * 2. "clear" (klar forskel) when p < 0.05 AND the 95 % CI of the difference excludes 0
 *    (lower > 0 or upper < 0; a limit exactly at 0 does not exclude it).
 * 3. "tendency" (en tendens) when p < 0.10, or when only one of the two criteria in 2 holds
 *    (p < 0.05 while the interval still includes 0 is a tendency, not proof: p = 0.045 with a CI
 *    crossing 0 reads "tendens").
 * 4. "none" (ingen påviselig forskel) otherwise, worded so that it does not claim "no effect".
 * Every sentence with numbers names the test and its p-value; when either group has fewer than
 * SMALL_GROUP_N citizens, the sentence warns that the groups are small.
 */
import { formatNumber, formatP, formatPercent, type Text } from "../stats";
import { shownShare } from "./suppression";
import type { Lang } from "./types";

export type Verdict = "clear" | "tendency" | "none" | "tooFew";

export const ALPHA = 0.05;
export const TENDENCY_P = 0.1;
/** Fewer citizens with a valid status than this in a group: too few to say. */
export const MIN_GROUP_N = 10;
/** Fewer than this in a group: the sentence warns that the groups are small. */
export const SMALL_GROUP_N = 30;

export interface KeyResultInput {
  outcome: string;
  month: number;
  intervention: { x: number; n: number };
  control: { x: number; n: number };
  /** Intervention − control as proportions, with the 95 % CI; null when not computable. */
  difference: { estimate: number; lower: number; upper: number } | null;
  pValue: number | null;
  test: Text | null;
  threshold: number;
}

export interface KeyResult {
  verdict: Verdict;
  /** Why "tooFew". */
  reason?: "suppressed" | "small" | "noTest";
  /** Shares as shown (null: suppressed or n = 0). */
  shareIntervention: number | null;
  shareControl: number | null;
  /** The difference as shown; null when suppressed or not computable. */
  difference: { estimate: number; lower: number; upper: number } | null;
  smallGroups: boolean;
  sentence: Text;
}

export const VERDICT_LABEL: Record<Verdict, Text> = {
  clear: { da: "Klar forskel", en: "Clear difference" },
  tendency: { da: "Tendens", en: "Tendency" },
  none: { da: "Ingen påviselig forskel", en: "No detectable difference" },
  tooFew: { da: "For få til at sige noget", en: "Too few to say" },
};

export function verdictOf(input: KeyResultInput): { verdict: Verdict; reason?: KeyResult["reason"] } {
  const { intervention: i, control: c, threshold } = input;
  if (shownShare(i.x, i.n, threshold) === null || shownShare(c.x, c.n, threshold) === null) {
    return { verdict: "tooFew", reason: i.n === 0 || c.n === 0 ? "small" : "suppressed" };
  }
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

const pct = (x: number, lang: Lang): string => formatPercent(x, 0, lang);
const pp = (x: number, lang: Lang): string => formatNumber(x * 100, 1, lang);

function both(f: (lang: Lang) => string): Text {
  return { da: f("da"), en: f("en") };
}

function evidence(input: KeyResultInput, lang: Lang): string {
  const d = input.difference!;
  const test = input.test ? (lang === "da" ? input.test.da : input.test.en) : "";
  const ci = lang === "da" ? `95 % KI ${pp(d.lower, lang)} til ${pp(d.upper, lang)}` : `95% CI ${pp(d.lower, lang)} to ${pp(d.upper, lang)}`;
  return `${ci}; ${test}, p = ${formatP(input.pValue!, lang)}`;
}

function shares(input: KeyResultInput, si: number, sc: number, lang: Lang): string {
  return lang === "da"
    ? `${pct(si, lang)} i indsatsgruppen og ${pct(sc, lang)} i kontrolgruppen havde nået "${input.outcome}" ved ${input.month} mdr.`
    : `${pct(si, lang)} in the intervention group and ${pct(sc, lang)} in the control group had reached "${input.outcome}" at ${input.month} months`;
}

function diffWords(d: number, lang: Lang): string {
  const abs = pp(Math.abs(d), lang);
  if (lang === "da") return d === 0 ? "ingen forskel i procentpoint" : `${abs} procentpoint ${d > 0 ? "flere" : "færre"} i indsatsgruppen`;
  return d === 0 ? "no difference in percentage points" : `${abs} percentage points ${d > 0 ? "more" : "fewer"} in the intervention group`;
}

function tooFewSentence(input: KeyResultInput, reason: KeyResult["reason"], lang: Lang): string {
  const { intervention: i, control: c, threshold: t, month } = input;
  if (reason === "suppressed") {
    return lang === "da"
      ? `For få til at sige noget: ved ${month} mdr. er der under ${t} borgere i en af opgørelsens celler, så andelene vises ikke (beskyttelse af små tal).`
      : `Too few to say: at ${month} months a cell of the count has fewer than ${t} citizens, so the shares are not shown (small-number protection).`;
  }
  if (reason === "small") {
    const ni = String(i.n < t && i.n > 0 ? `<${t}` : i.n);
    const nc = String(c.n < t && c.n > 0 ? `<${t}` : c.n);
    return lang === "da"
      ? `For få til at sige noget: ${ni} og ${nc} borgere med gyldig status ved ${month} mdr.; der skal være mindst ${MIN_GROUP_N} i hver gruppe.`
      : `Too few to say: ${ni} and ${nc} citizens with a valid status at ${month} months; each group needs at least ${MIN_GROUP_N}.`;
  }
  return lang === "da" ? `For få til at sige noget: forskellen kunne ikke beregnes ved ${month} mdr.` : `Too few to say: the difference could not be computed at ${month} months.`;
}

/** "<Verdict>: <shares> – <difference> (<CI; test, p>)." plus a caution where the verdict needs one. */
function sentenceFor(input: KeyResultInput, verdict: Verdict, reason: KeyResult["reason"], smallGroups: boolean, lang: Lang): string {
  if (verdict === "tooFew") return tooFewSentence(input, reason, lang);
  const si = input.intervention.x / input.intervention.n;
  const sc = input.control.x / input.control.n;
  const d = input.difference!.estimate;
  const da = lang === "da";
  const lead = { clear: da ? "Klar forskel" : "Clear difference", tendency: da ? "En tendens, ikke en klar forskel" : "A tendency, not a clear difference", none: da ? "Ingen påviselig forskel" : "No detectable difference" }[verdict];
  const caution = {
    clear: "",
    tendency: da ? ", men forskellen kan skyldes tilfældigheder" : ", but the difference may be due to chance",
    none: "",
  }[verdict];
  const after =
    verdict === "none"
      ? da
        ? " Det viser ikke, at indsatsen er uden virkning; data kan blot ikke skelne en eventuel forskel fra tilfældigheder."
        : " This does not show that the effort has no effect; the data cannot tell a possible difference from chance."
      : "";
  const warn = smallGroups ? (da ? ` Obs: små grupper (under ${SMALL_GROUP_N} borgere), så resultatet er usikkert.` : ` Note: small groups (under ${SMALL_GROUP_N} citizens), so the result is uncertain.`) : "";
  return `${lead}: ${shares(input, si, sc, lang)} – ${diffWords(d, lang)}${caution} (${evidence(input, lang)}).${after}${warn}`;
}

/** The verdict, the shares and difference as the sheet may show them, and the sentence in both languages. */
export function keyResult(input: KeyResultInput): KeyResult {
  const { verdict, reason } = verdictOf(input);
  const si = shownShare(input.intervention.x, input.intervention.n, input.threshold);
  const sc = shownShare(input.control.x, input.control.n, input.threshold);
  const difference = si !== null && sc !== null ? input.difference : null;
  const smallGroups = verdict !== "tooFew" && Math.min(input.intervention.n, input.control.n) < SMALL_GROUP_N;
  const out: KeyResult = { verdict, shareIntervention: si, shareControl: sc, difference, smallGroups, sentence: both((lang) => sentenceFor(input, verdict, reason, smallGroups, lang)) };
  if (reason) out.reason = reason;
  return out;
}
