/**
 * The sample-size plan in the workbook: "Skriv stikprøveplan" writes the "Stikprøveplan" sheet and
 * keeps the plan's inputs in the workbook's settings, so that the pane shows the same plan after the
 * workbook is reopened (and "Skriv" again reproduces the sheet). The inputs are validated against a
 * schema when read; a damaged or foreign value is ignored (the pane starts from its defaults).
 * Sync budget: writePlan = the renderer's syncs + 1 (settings); loadPlanInput = 1.
 */
import * as v from "valibot";
import { planningSheetSpec, planSampleSize, type Lang, type Plan, type PlanInput } from "../core/design";
import type { ExcelRun } from "./host";
import { renderSheets } from "./render";
import { loadState, saveState } from "./state";

export const PLAN_STATE_KEY = "virkning.plan";

const Text = v.pipe(v.string(), v.maxLength(255));
const Share = v.pipe(v.number(), v.gtValue(0), v.ltValue(1));
const Positive = v.pipe(v.number(), v.gtValue(0));
const Weeks = v.pipe(v.number(), v.minValue(0));
const RowSchema = v.variant("kind", [
  v.object({ kind: v.literal("proportion"), outcome: Text, timepoint: Text, pControl: Share, pIntervention: v.optional(Share) }),
  v.object({ kind: v.literal("mean"), outcome: Text, timepoint: Text, sd: Positive, difference: v.optional(v.number()) }),
  v.object({ kind: v.literal("time"), outcome: Text, timepoint: Text, medianControl: Positive, hr: v.optional(Positive), accrual: Weeks, followUp: Weeks }),
]);
const Power = v.pipe(v.number(), v.gtValue(0), v.ltValue(1));
const N = v.pipe(v.number(), v.integer(), v.minValue(2));
const PlanInputSchema = v.object({
  rows: v.pipe(v.array(RowSchema), v.minLength(1), v.maxLength(50)),
  alpha: v.pipe(v.number(), v.gtValue(0), v.ltValue(1)),
  mode: v.variant("kind", [
    v.object({ kind: v.literal("n"), power: Power }),
    v.object({ kind: v.literal("power"), nPerGroup: N }),
    v.object({ kind: v.literal("difference"), nPerGroup: N, power: Power }),
  ]),
  sides: v.picklist(["two.sided", "one.sided"]),
  dropout: v.pipe(v.number(), v.minValue(0), v.ltValue(1)),
});
export type StoredPlanInput = v.InferOutput<typeof PlanInputSchema>;

/** Computes the plan (refusing bad input before anything is written), writes the sheet, keeps the inputs. */
export async function writePlan(run: ExcelRun, input: StoredPlanInput, lang: Lang, now: Date = new Date()): Promise<Plan> {
  const stored = v.parse(PlanInputSchema, input);
  const plan = planSampleSize(stored as PlanInput);
  await renderSheets(run, [planningSheetSpec(plan, lang, now.toISOString())]);
  await saveState(run, PLAN_STATE_KEY, stored);
  return plan;
}

/** The inputs of the last plan written in this workbook, or null (none, or not readable as a plan). */
export async function loadPlanInput(run: ExcelRun): Promise<StoredPlanInput | null> {
  const r = v.safeParse(PlanInputSchema, await loadState<unknown>(run, PLAN_STATE_KEY));
  return r.success ? r.output : null;
}
