/**
 * The planning table, both ways: for each outcome and time point, citizens needed per group for a
 * given difference and power, the power of a given number per group, or the difference a given
 * number per group can detect with a given power. Three kinds of outcome:
 * - a share (two proportions, as R's power.prop.test),
 * - a mean, e.g. a progression score (two means with a common SD, as R's power.t.test),
 * - time to an event, e.g. to self-support (Schoenfeld's events formula with an accrual
 *   assumption).
 * One- or two-sided; an expected drop-out inflates the number to include. The statistics engine
 * does the computation (`engine`); this module names rows in its errors and words the result.
 */
import { VirkningError } from "../errors";
import { inflateForDropout, powerTimeToEvent, powerTwoMeans, powerTwoProportions } from "../stats";
import type { PowerSides } from "../stats";
import type { Lang } from "./types";

interface RowBase {
  outcome: string;
  timepoint: string;
}
/** A share reaching the outcome (0–1); pIntervention is left out when the difference is solved for. */
export interface ProportionRowInput extends RowBase {
  kind?: "proportion";
  pControl: number;
  pIntervention?: number;
}
/** A mean (e.g. a progression score): the common SD and the expected difference intervention − control. */
export interface MeanRowInput extends RowBase {
  kind: "mean";
  sd: number;
  difference?: number;
}
/** Time to an event in weeks: the control group's median, the hazard ratio, inclusion period and follow-up. */
export interface TimeRowInput extends RowBase {
  kind: "time";
  medianControl: number;
  hr?: number;
  accrual: number;
  followUp: number;
}
export type PlanRowInput = ProportionRowInput | MeanRowInput | TimeRowInput;

export type PlanMode =
  | { kind: "n"; power: number }
  | { kind: "power"; nPerGroup: number }
  | { kind: "difference"; nPerGroup: number; power: number };

export interface PlanInput {
  rows: PlanRowInput[];
  alpha: number;
  mode: PlanMode;
  /** Default two-sided. */
  sides?: PowerSides;
  /** Expected share lost to follow-up (0 ≤ dropout < 1); default 0. */
  dropout?: number;
}

export type PlanRow = PlanRowInput & {
  /** Citizens analysed per group (n mode: the smallest whole number giving at least the power). */
  nPerGroup: number;
  /** Citizens to include per group so that nPerGroup remain after the drop-out. */
  nInclude: number;
  /** Citizens to include in all (2 × nInclude). */
  total: number;
  /** n mode and difference mode: the target power; power mode: the power of nPerGroup. */
  power: number;
  /** The difference planned for, or (difference mode) detectable: a share for proportions, a difference for means, a hazard ratio for time. */
  target: number;
  /** Time rows: events needed (both groups). */
  events?: number;
};

export interface Plan {
  alpha: number;
  mode: PlanMode;
  sides: PowerSides;
  dropout: number;
  rows: PlanRow[];
}

const kindOf = (r: PlanRowInput): "proportion" | "mean" | "time" => r.kind ?? "proportion";

function givenTarget(r: PlanRowInput): number | undefined {
  if (r.kind === "mean") return r.difference;
  if (r.kind === "time") return r.hr;
  return r.pIntervention;
}

interface Solved { n: number; power: number; target: number; events?: number }

function missingTarget(): never {
  throw new VirkningError("PLAN_TARGET", "Angiv den forventede forskel (eller vælg at beregne den mindste forskel, der kan påvises).", "Give the expected difference (or choose to compute the smallest detectable difference).");
}

/** The one place that calls the statistics engine. */
function engine(r: PlanRowInput, alpha: number, mode: PlanMode, sides: PowerSides): Solved {
  const target = givenTarget(r);
  const common = { sigLevel: alpha, alternative: sides };
  const n = mode.kind === "n" ? undefined : mode.nPerGroup;
  const power = mode.kind === "power" ? undefined : mode.power;
  if (mode.kind !== "difference" && target === undefined) missingTarget();
  const wanted = mode.kind === "difference" ? undefined : target;
  if (r.kind === "mean") {
    const res = powerTwoMeans({ ...common, sd: r.sd, n, power, delta: wanted });
    return { n: res.n, power: res.power, target: mode.kind === "difference" ? res.delta * Math.sign(r.difference ?? 1) : res.delta };
  }
  if (r.kind === "time") {
    const direction = (r.hr ?? 2) >= 1 ? "higher" : "lower";
    const res = powerTimeToEvent({ ...common, medianControl: r.medianControl, accrual: r.accrual, followUp: r.followUp, nPerGroup: n, power, hr: wanted, direction: mode.kind === "difference" ? direction : undefined });
    return { n: res.nPerGroup as number, power: res.power, target: res.hr, events: res.events };
  }
  const direction = r.pIntervention === undefined || r.pIntervention >= r.pControl ? "higher" : "lower";
  const res = powerTwoProportions({ ...common, p1: r.pControl, p2: wanted, n, power, direction: mode.kind === "difference" ? direction : undefined });
  return { n: res.n, power: res.power, target: res.p2 };
}

function rowError(i: number, r: PlanRowInput, e: VirkningError): VirkningError {
  const name = [r.outcome, r.timepoint].filter((x) => x.trim() !== "").join(", ");
  return new VirkningError(e.code, `Række ${i + 1}${name ? ` (${name})` : ""}: ${e.message}`, `Row ${i + 1}${name ? ` (${name})` : ""}: ${e.messageEn}`);
}

function checkInput(input: PlanInput): void {
  if (input.rows.length === 0) throw new VirkningError("PLAN_EMPTY", "Tilføj mindst ét resultatmål med forventede værdier.", "Add at least one outcome with expected values.");
  if (input.mode.kind !== "n" && (!Number.isInteger(input.mode.nPerGroup) || input.mode.nPerGroup < 2)) {
    throw new VirkningError("PLAN_N", "Antal borgere pr. gruppe skal være et helt tal, mindst 2.", "The number of citizens per group must be a whole number, at least 2.");
  }
}

export function planSampleSize(input: PlanInput): Plan {
  checkInput(input);
  const sides = input.sides ?? "two.sided";
  const dropout = input.dropout ?? 0;
  inflateForDropout(1, dropout); // refuses a drop-out outside [0, 1) before any row is computed
  const rows = input.rows.map((r, i): PlanRow => {
    try {
      const s = engine(r, input.alpha, input.mode, sides);
      const n = input.mode.kind === "n" ? Math.ceil(s.n - 1e-9) : s.n;
      const nInclude = inflateForDropout(n, dropout);
      return { ...r, nPerGroup: n, nInclude, total: 2 * nInclude, power: s.power, target: s.target, ...(s.events !== undefined ? { events: s.events } : {}) };
    } catch (e) {
      throw e instanceof VirkningError ? rowError(i, r, e) : e;
    }
  });
  return { alpha: input.alpha, mode: input.mode, sides, dropout, rows };
}

const nf = (lang: Lang, digits: number): Intl.NumberFormat => new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: digits });
const pct = (x: number, lang: Lang): string => `${nf(lang, 1).format(x * 100)}${lang === "da" ? " %" : "%"}`;
const what = (r: PlanRow): string => [r.outcome, r.timepoint].filter((x) => x.trim() !== "").join(", ");

/** The difference a row plans for (or can detect), in words. */
export function differenceText(r: PlanRow, lang: Lang): string {
  const da = lang === "da";
  if (r.kind === "mean") return da ? `en forskel i gennemsnit på ${nf(lang, 2).format(r.target)} (SD ${nf(lang, 2).format(r.sd)})` : `a difference in means of ${nf(lang, 2).format(r.target)} (SD ${nf(lang, 2).format(r.sd)})`;
  if (r.kind === "time") return da ? `en hazard ratio på ${nf(lang, 2).format(r.target)} (mediantid ${nf(lang, 1).format(r.medianControl)} uger i kontrolgruppen)` : `a hazard ratio of ${nf(lang, 2).format(r.target)} (median ${nf(lang, 1).format(r.medianControl)} weeks in the control group)`;
  const pc = (r as ProportionRowInput).pControl;
  return da ? `en forskel fra ${pct(pc, lang)} i kontrolgruppen til ${pct(r.target, lang)} i indsatsgruppen` : `a difference from ${pct(pc, lang)} in the control group to ${pct(r.target, lang)} in the intervention group`;
}

function sidesText(plan: Plan, lang: Lang): string {
  const two = plan.sides === "two.sided";
  return lang === "da" ? (two ? "tosidet test" : "ensidet test") : two ? "two-sided test" : "one-sided test";
}

function modeSentences(plan: Plan, lang: Lang): string[] {
  const a = pct(plan.alpha, lang);
  const first = plan.rows[0];
  const sides = sidesText(plan, lang);
  const da = lang === "da";
  if (plan.mode.kind === "n") {
    const out = [da
      ? `Med ${pct(plan.mode.power, lang)} styrke og signifikansniveau ${a} (${sides}) skal hver gruppe have mindst ${first.nPerGroup} borgere for at kunne påvise ${differenceText(first, lang)} (${what(first)}).`
      : `With ${pct(plan.mode.power, lang)} power and significance level ${a} (${sides}), each group needs at least ${first.nPerGroup} citizens to detect ${differenceText(first, lang)} (${what(first)}).`];
    if (plan.rows.length > 1) {
      const max = plan.rows.reduce((m, r) => (r.nInclude > m.nInclude ? r : m), first);
      out.push(da
        ? `Skal alle resultatmål i tabellen kunne påvises, kræver det største ${max.nPerGroup} borgere pr. gruppe (${max.total} i alt, ${what(max)}).`
        : `For every outcome in the table to be detectable, the largest needs ${max.nPerGroup} citizens per group (${max.total} in total, ${what(max)}).`);
    }
    return out;
  }
  if (plan.mode.kind === "power") {
    return [da
      ? `Med ${plan.mode.nPerGroup} borgere pr. gruppe er styrken ${pct(first.power, lang)} for ${what(first)}: sandsynligheden for at få en signifikant forskel (signifikansniveau ${a}, ${sides}), hvis ${differenceText(first, lang)} er den sande.`
      : `With ${plan.mode.nPerGroup} citizens per group the power is ${pct(first.power, lang)} for ${what(first)}: the probability of a significant difference (significance level ${a}, ${sides}) if ${differenceText(first, lang)} is the true one.`];
  }
  return [da
    ? `Med ${plan.mode.nPerGroup} borgere pr. gruppe kan forsøget med ${pct(plan.mode.power, lang)} styrke (signifikansniveau ${a}, ${sides}) påvise ${differenceText(first, lang)} (${what(first)}); mindre forskelle kan det ikke regne med at se.`
    : `With ${plan.mode.nPerGroup} citizens per group the trial can detect, with ${pct(plan.mode.power, lang)} power (significance level ${a}, ${sides}), ${differenceText(first, lang)} (${what(first)}); it cannot count on seeing smaller differences.`];
}

function methodSentence(plan: Plan, lang: Lang): string {
  const kinds = new Set(plan.rows.map(kindOf));
  const da = lang === "da";
  const parts: string[] = [];
  if (kinds.has("proportion")) parts.push(da ? "andele: normalfordelingstilnærmelse som R's power.prop.test" : "shares: normal approximation as R's power.prop.test");
  if (kinds.has("mean")) parts.push(da ? "gennemsnit: t-test som R's power.t.test" : "means: t test as R's power.t.test");
  if (kinds.has("time")) parts.push(da ? "tid til hændelse: Schoenfelds formel for log-rank-testen, eksponentielle tider og jævn inklusion" : "time to event: Schoenfeld's formula for the log-rank test, exponential times and uniform inclusion");
  return da ? `Beregning: ${parts.join("; ")}.` : `Method: ${parts.join("; ")}.`;
}

function dropoutSentence(plan: Plan, lang: Lang): string {
  if (plan.dropout === 0) {
    return lang === "da"
      ? "Frafald er ikke medregnet: forventer I fx 20 % frafald, så angiv det, og antallet, der skal inkluderes, bliver større."
      : "Drop-out is not included: if you expect e.g. 20% drop-out, enter it and the number to include grows.";
  }
  return lang === "da"
    ? `Med ${pct(plan.dropout, lang)} forventet frafald skal der inkluderes ${plan.rows[0].nInclude} borgere pr. gruppe, for at ${plan.rows[0].nPerGroup} er med ved opfølgningen.`
    : `With ${pct(plan.dropout, lang)} expected drop-out, ${plan.rows[0].nInclude} citizens per group must be included for ${plan.rows[0].nPerGroup} to remain at follow-up.`;
}

/** What the numbers mean, in plain words (for the sheet and the pane). */
export function planSentences(plan: Plan, lang: Lang): string[] {
  return [...modeSentences(plan, lang), methodSentence(plan, lang), dropoutSentence(plan, lang)];
}
