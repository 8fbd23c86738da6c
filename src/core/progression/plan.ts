/**
 * What the measurement sheet asks for: the delmål with a scale indicator (from the programme
 * theory), the citizens, the rounds and their planned dates (a start date plus the indicator's
 * interval; default every 6 weeks).
 */
import type { ProgrammeTheory } from "../theory";
import type { ScaleItem } from "./types";

export const DEFAULT_EVERY_WEEKS = 6;
export const DEFAULT_ROUNDS = 8;

export interface PlanCitizen {
  id: string;
  group: string | null;
}

export type Schedule = { kind: "weeks"; everyWeeks: number } | { kind: "months"; months: number[] };

export interface MeasurementPlan {
  items: ScaleItem[];
  /** Intervals of the items, taken from the first scale indicator (rounds are common to every delmål). */
  schedule: Schedule;
  rounds: number;
  citizens: PlanCitizen[];
  /** Excel serial date of round 1; null: planned dates are left empty. */
  startDate: number | null;
}

/** The theory's delmål with a scale indicator, in theory order. */
export function scaleItems(theory: ProgrammeTheory): ScaleItem[] {
  const out: ScaleItem[] = [];
  for (const g of theory.subGoals) {
    const r = g.indicator?.reached;
    if (!r || r.kind !== "scale") continue;
    out.push({ id: g.id, name: g.name, min: r.min, max: r.max, labels: [...r.labels], reachedAt: r.reachedAt });
  }
  return out;
}

/** Schedule and number of rounds from the first scale indicator (default every 6 weeks, 8 rounds). */
export function scheduleOf(theory: ProgrammeTheory): { schedule: Schedule; rounds: number } {
  const g = theory.subGoals.find((x) => x.indicator?.reached.kind === "scale");
  const times = g?.indicator?.times;
  if (times?.kind === "weeks" && times.everyWeeks > 0) return { schedule: { kind: "weeks", everyWeeks: times.everyWeeks }, rounds: Math.max(1, times.count) };
  if (times?.kind === "months" && times.months.length > 0) return { schedule: { kind: "months", months: [...times.months].sort((a, b) => a - b) }, rounds: times.months.length };
  return { schedule: { kind: "weeks", everyWeeks: DEFAULT_EVERY_WEEKS }, rounds: DEFAULT_ROUNDS };
}

function addMonths(serial: number, months: number): number {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86400000 + 25569;
}

/** Planned date (Excel serial) of round r (1-based); null without a start date or beyond the schedule. */
export function plannedDate(plan: Pick<MeasurementPlan, "schedule" | "startDate">, round: number): number | null {
  if (plan.startDate === null) return null;
  const s = plan.schedule;
  if (s.kind === "weeks") return plan.startDate + (round - 1) * s.everyWeeks * 7;
  const m = s.months[round - 1];
  return m === undefined ? null : addMonths(plan.startDate, m);
}
