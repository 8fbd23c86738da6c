/**
 * Sample size and power for the pilot protocol's planning table: for each outcome and time point,
 * the expected shares in the control and intervention groups → citizens needed per group for a
 * given power, or the power for a given number per group. Two-sided test of two proportions at
 * level alpha, as R's power.prop.test; the statistics engine does the computation (`engine`).
 */
import { VirkningError } from "../errors";
import { powerTwoProportions } from "../stats";
import type { Lang } from "./types";

export interface PlanRowInput {
  outcome: string;
  timepoint: string;
  /** Expected share reaching the outcome in the control group (0–1). */
  pControl: number;
  /** Expected share in the intervention group (0–1). */
  pIntervention: number;
}

export type PlanMode = { kind: "n"; power: number } | { kind: "power"; nPerGroup: number };

export interface PlanInput {
  rows: PlanRowInput[];
  alpha: number;
  mode: PlanMode;
}

export interface PlanRow extends PlanRowInput {
  /** Whole citizens per group (n mode: the smallest giving at least the power). */
  nPerGroup: number;
  total: number;
  /** n mode: the target power; power mode: the power of nPerGroup. */
  power: number;
}

export interface Plan {
  alpha: number;
  mode: PlanMode;
  rows: PlanRow[];
}

/** The one place that calls the statistics engine (its API is being unified: adapt here). */
function engine(pControl: number, pIntervention: number, alpha: number, mode: PlanMode): { n: number; power: number } {
  if (mode.kind === "n") {
    const r = powerTwoProportions({ p1: pControl, p2: pIntervention, power: mode.power, sigLevel: alpha });
    return { n: Math.ceil(r.n - 1e-9), power: mode.power };
  }
  const r = powerTwoProportions({ p1: pControl, p2: pIntervention, n: mode.nPerGroup, sigLevel: alpha });
  return { n: mode.nPerGroup, power: r.power };
}

function rowError(i: number, r: PlanRowInput, e: VirkningError): VirkningError {
  const name = [r.outcome, r.timepoint].filter((x) => x.trim() !== "").join(", ");
  return new VirkningError(e.code, `Række ${i + 1}${name ? ` (${name})` : ""}: ${e.message}`, `Row ${i + 1}${name ? ` (${name})` : ""}: ${e.messageEn}`);
}

export function planSampleSize(input: PlanInput): Plan {
  if (input.rows.length === 0) throw new VirkningError("PLAN_EMPTY", "Tilføj mindst ét resultatmål med forventede andele.", "Add at least one outcome with expected shares.");
  if (input.mode.kind === "power" && (!Number.isInteger(input.mode.nPerGroup) || input.mode.nPerGroup < 2)) {
    throw new VirkningError("PLAN_N", "Antal borgere pr. gruppe skal være et helt tal, mindst 2.", "The number of citizens per group must be a whole number, at least 2.");
  }
  const rows = input.rows.map((r, i) => {
    try {
      const { n, power } = engine(r.pControl, r.pIntervention, input.alpha, input.mode);
      return { ...r, nPerGroup: n, total: 2 * n, power };
    } catch (e) {
      throw e instanceof VirkningError ? rowError(i, r, e) : e;
    }
  });
  return { alpha: input.alpha, mode: input.mode, rows };
}

const pct = (x: number, lang: Lang): string => `${new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 }).format(x * 100)}${lang === "da" ? " %" : "%"}`;

/** What the numbers mean, in plain words (for the sheet and the pane). */
export function planSentences(plan: Plan, lang: Lang): string[] {
  const a = pct(plan.alpha, lang);
  const first = plan.rows[0];
  const what = (r: PlanRow): string => [r.outcome, r.timepoint].filter((x) => x.trim() !== "").join(", ");
  const out: string[] = [];
  if (plan.mode.kind === "n") {
    const max = plan.rows.reduce((m, r) => (r.nPerGroup > m.nPerGroup ? r : m), first);
    out.push(lang === "da"
      ? `Med ${pct(plan.mode.power, lang)} styrke og signifikansniveau ${a} (tosidet test) skal hver gruppe have mindst ${first.nPerGroup} borgere for at kunne påvise en forskel fra ${pct(first.pControl, lang)} i kontrolgruppen til ${pct(first.pIntervention, lang)} i indsatsgruppen (${what(first)}).`
      : `With ${pct(plan.mode.power, lang)} power and significance level ${a} (two-sided test), each group needs at least ${first.nPerGroup} citizens to detect a difference from ${pct(first.pControl, lang)} in the control group to ${pct(first.pIntervention, lang)} in the intervention group (${what(first)}).`);
    if (plan.rows.length > 1) {
      out.push(lang === "da"
        ? `Skal alle resultatmål i tabellen kunne påvises, kræver det største ${max.nPerGroup} borgere pr. gruppe (${max.total} i alt, ${what(max)}).`
        : `For every outcome in the table to be detectable, the largest needs ${max.nPerGroup} citizens per group (${max.total} in total, ${what(max)}).`);
    }
  } else {
    out.push(lang === "da"
      ? `Med ${plan.mode.nPerGroup} borgere pr. gruppe er styrken ${pct(first.power, lang)} for ${what(first)}: sandsynligheden for at få en signifikant forskel (signifikansniveau ${a}, tosidet), hvis den forventede forskel er den sande.`
      : `With ${plan.mode.nPerGroup} citizens per group the power is ${pct(first.power, lang)} for ${what(first)}: the probability of a significant difference (significance level ${a}, two-sided) if the expected difference is the true one.`);
  }
  out.push(lang === "da"
    ? "Beregningen er en normalfordelingstilnærmelse for to andele (som R's power.prop.test). Frafald er ikke medregnet: forventer I fx 20 % frafald, så divider antallet med 0,8."
    : "The calculation is a normal approximation for two proportions (as R's power.prop.test). Drop-out is not included: if you expect e.g. 20% drop-out, divide the number by 0.8.");
  return out;
}
