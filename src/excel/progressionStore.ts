/**
 * Workbook I/O of the progression (issue 10). Every read goes through read.ts (the measurement
 * sheet, any source range) or the comparison's stored source; every write through renderSheets.
 *
 * - generateMeasurementSheet: reads the existing "Progressionsmåling" (if any) first, merges its
 *   entries into the new plan by citizen, round and delmål, then renders the sheet (the add-in owns
 *   the layout, the user the entries). Reports what it could not place.
 * - runAndWriteProgression: reads the scores, checks them (problems name their cells; nothing is
 *   written then), runs the analysis and, when the comparison's case data are set up, the status
 *   transitions, and writes the "Progression" sheet.
 * - settings ("Kør igen") are stored in the workbook and validated when read.
 */
import * as v from "valibot";
import { VirkningError, VirkningValidationError } from "../core/errors";
import { assertNoCpr, normaliseKey, readDataset, withOtherLabels, type Dataset } from "../core/data";
import { labelColumns, notCprColumns } from "../core/analysis";
import { cellAddress } from "../core/report/address";
import type { CellScalar } from "../core/report/sheetSpec";
import {
  MEASUREMENT_SHEET_NAME,
  findHeaderRow,
  measurementSheetSpec,
  parseMeasurementSheet,
  progressionSheetSpec,
  readScores,
  runProgression,
  scaleItems,
  scheduleOf,
  statusTransitions,
  suggestScoreColumns,
  type LadderLevel,
  type MeasurementPlan,
  type PlanCitizen,
  type ProgressionInput,
  type ProgressionResult,
  type ScaleItem,
  type TransitionResult,
  type Unplaced,
} from "../core/progression";
import { THEORY_SHEET_NAME, type ProgrammeTheory } from "../core/theory";
import type { ExcelRun } from "./host";
import { joinTrial, loadComparisonSettings, readSource } from "./comparisonStore";
import { readRange, readUsedRange } from "./read";
import { renderSheets } from "./render";
import { loadState, saveState } from "./state";
import { loadTheory } from "./theoryStore";
import { measurementFingerprint } from "../core/overview";
import { WorkbookInputs } from "./partInputs";
import { PART_IDS, recordPart } from "./partRecords";

export const PROGRESSION_STATE_KEY = "virkning.progression";

const SettingsSchema = v.object({
  version: v.literal(1),
  sheet: v.pipe(v.string(), v.minLength(1), v.maxLength(31)),
  compareGroups: v.boolean(),
  testPolicy: v.picklist(["auto", "pearson", "yates", "fisher"]),
  rater: v.picklist(["auto", "all", "borger", "sagsbehandler", "anden"]),
  transitions: v.boolean(),
  /** ANCOVA beside the group comparison: the last round's score adjusted for the first round's (absent = off). */
  adjustForBaseline: v.optional(v.boolean()),
  lang: v.picklist(["da", "en"]),
});
export type ProgressionSettings = v.InferOutput<typeof SettingsSchema>;

export function defaultProgressionSettings(lang: "da" | "en" = "da"): ProgressionSettings {
  return { version: 1, sheet: MEASUREMENT_SHEET_NAME, compareGroups: true, testPolicy: "auto", rater: "auto", transitions: true, lang };
}

/** Values of the used range shifted so that values[0][0] is A1. */
function fromA1(values: CellScalar[][], row: number, column: number): CellScalar[][] {
  const pad = new Array<CellScalar>(column).fill(null);
  return [...Array.from({ length: row }, () => [] as CellScalar[]), ...values.map((r) => (column ? [...pad, ...r] : r))];
}

async function readSheetFromA1(run: ExcelRun, sheet: string): Promise<{ values: CellScalar[][]; formats: string[][] } | null> {
  try {
    const r = await readUsedRange(run, sheet, { numberFormats: true });
    const formats = (r.numberFormats ?? []).map((row) => row.map(String));
    return { values: fromA1(r.values, r.rowIndex, r.columnIndex), formats: fromA1(formats as CellScalar[][], r.rowIndex, r.columnIndex) as string[][] };
  } catch (e) {
    if (e instanceof VirkningError && e.code === "SHEET_NOT_FOUND") return null;
    throw e;
  }
}

function noScaleItems(): VirkningError {
  return new VirkningError(
    "PROGRESSION_NO_SCALE_ITEMS",
    "Programteorien har ingen delmål med en skala-indikator. Tilføj en skala (fx 1–5) til mindst ét delmål under Programteori, og prøv igen.",
    "The programme theory has no sub-goal with a scale indicator. Add a scale (e.g. 1–5) to at least one sub-goal under Programme theory, then try again.",
  );
}

/**
 * Citizens (ID and group label) from the comparison's stored case data, or [] when it is not set up. The
 * data is checked for CPR numbers as the comparison checks it (CPR_FOUND names the data cell), so the
 * measurement sheet never gets an ID the comparison would refuse. When the comparison takes its groups
 * from "Randomisering", these are the citizens in the trial with the group they were randomised to (as the
 * comparison analyses them), not the data's group column.
 */
export async function citizensFromComparison(run: ExcelRun): Promise<PlanCitizen[]> {
  const stored = await loadComparisonSettings(run);
  if (!stored) return [];
  const read = await readSource(run, stored.source);
  assertNoCpr(read, notCprColumns(read.header, stored.notCpr));
  const trial = await joinTrial(run, read, stored);
  const input = trial?.input ?? read;
  const { id, group } = (trial?.settings ?? stored).columns;
  const seen = new Set<string>();
  const out: PlanCitizen[] = [];
  for (const row of input.rows) {
    const cid = row[id];
    if (cid === null || cid === undefined || cid === "" || typeof cid === "object") continue;
    const key = String(cid).trim();
    if (seen.has(key)) continue;
    seen.add(key);
    const g = row[group];
    out.push({ id: key, group: g === null || g === undefined || typeof g === "object" || g === "" ? null : String(g) });
  }
  return out;
}

export interface GenerateReport {
  rows: number;
  items: ScaleItem[];
  unplaced: Unplaced[];
  outsidePlan: number;
}

/**
 * Generate or update the measurement sheet: theory's scale delmål × citizens × rounds, keeping every
 * entry of the existing sheet. `startDate` is an Excel serial date (null: planned dates empty).
 */
export async function generateMeasurementSheet(
  run: ExcelRun,
  opts: { citizens: PlanCitizen[]; startDate: number | null; theory?: ProgrammeTheory; now?: Date },
): Promise<GenerateReport> {
  const theory = opts.theory ?? (await loadTheory(run))?.theory;
  const items = theory ? scaleItems(theory) : [];
  if (!theory || items.length === 0) throw noScaleItems();
  const plan: MeasurementPlan = { items, ...scheduleOf(theory), citizens: opts.citizens, startDate: opts.startDate };
  const existing = await readSheetFromA1(run, MEASUREMENT_SHEET_NAME);
  const parsed = existing ? parseMeasurementSheet(existing.values) : { entries: [], items: [] };
  const madeAt = (opts.now ?? new Date()).toISOString();
  const { spec, unplaced, outsidePlan } = measurementSheetSpec(plan, parsed, { at: madeAt, sources: [THEORY_SHEET_NAME] });
  await renderSheets(run, [spec]);
  // the Overblik's record (1 sync): the layout follows the theory's scale delmål and the start date
  await recordPart(run, PART_IDS.measurement, { madeAt, fingerprint: measurementFingerprint(items, scheduleOf(theory), opts.startDate), startDate: opts.startDate });
  // cells: title, two help lines, header, then the data rows (when there are any)
  return { rows: spec.cells[4]?.values.length ?? 0, items, unplaced, outsidePlan };
}

/** Delmål columns of the existing measurement sheet (its first 30 rows are read), or null when there is none. */
export async function measurementSheetItems(run: ExcelRun): Promise<{ id: string; name: string }[] | null> {
  try {
    const r = await readRange(run, MEASUREMENT_SHEET_NAME, "A1:AZ30");
    return parseMeasurementSheet(fromA1(r.values, r.rowIndex, r.columnIndex)).items;
  } catch (e) {
    if (e instanceof VirkningError && e.code === "SHEET_NOT_FOUND") return null;
    throw e;
  }
}

/** Items for a generic range: the theory's scale delmål, matched by header id or name. */
async function itemsFor(run: ExcelRun, theory?: ProgrammeTheory): Promise<ScaleItem[]> {
  const t = theory ?? (await loadTheory(run))?.theory;
  return t ? scaleItems(t) : [];
}

async function transitionsFor(run: ExcelRun, inputs: WorkbookInputs): Promise<TransitionResult | null> {
  const settings = await loadComparisonSettings(run);
  if (!settings) return null;
  const columns = { layout: settings.source.layout, ...settings.columns };
  const read = await readSource(run, settings.source);
  inputs.seedSource(settings, read);
  // labels the user had counted as "Andet" in the comparison are "Andet" in the transition tables too
  const input = withOtherLabels(read, labelColumns(columns), settings.otherLabels);
  const { dataset, problems } = readDataset(input, columns, { groupMap: settings.groupMap, statusClasses: settings.statusClasses });
  if (problems.length > 0) return null;
  return statusTransitions(dataset, ladderFor(dataset, settings.outcomes[0]?.statuses ?? [], settings.statusClasses));
}

/**
 * Two levels: every valid status that is not a goal, then the slutmål's statuses (the comparison's
 * first outcome). Moved away, excluded and not-followed-up statuses are on no level, so a move from
 * or to them is neither towards nor away from the goal.
 */
function ladderFor(dataset: Dataset, goal: string[], classes: Record<string, string>): LadderLevel[] {
  const goalKeys = new Set(goal.map((s) => normaliseKey(s)));
  const byKey = new Map(Object.entries(classes).map(([k, c]) => [normaliseKey(k), c]));
  const valid = (label: string): boolean => (byKey.get(normaliseKey(label)) ?? "valid") === "valid";
  const others = dataset.statuses.map((s) => s.label).filter((l) => !goalKeys.has(normaliseKey(l)) && valid(l));
  return [others, goal];
}

export interface ProgressionRun {
  result: ProgressionResult;
  transitions: TransitionResult | null;
}

export interface ScoresRead {
  input: ProgressionInput;
  /** The header row's citizen-ID cell, e.g. "Progressionsmåling!A4" (for messages that name it). */
  idCell: string;
  /** The header row's first cell (the data's top-left), e.g. "Progressionsmåling!A4". */
  source: string;
  /** The measurement sheet's values as read (the Overblik's fingerprint is made of them). */
  grid: CellScalar[][];
}

/** Reads and checks the scores of the measurement sheet `settings.sheet` (problems name their cells; they are thrown). */
export async function readProgressionScores(run: ExcelRun, settings: ProgressionSettings, opts: { theory?: ProgrammeTheory } = {}): Promise<ScoresRead> {
  const read = await readSheetFromA1(run, settings.sheet);
  if (!read) throw new VirkningError("SHEET_NOT_FOUND", `Arket "${settings.sheet}" findes ikke. Lav målingsarket først.`, `The sheet "${settings.sheet}" does not exist. Make the measurement sheet first.`, { sheet: settings.sheet });
  const h = Math.max(0, findHeaderRow(read.values));
  const header = read.values[h] ?? [];
  const items = await itemsFor(run, opts.theory);
  const columns = suggestScoreColumns(header, items);
  if (!columns || columns.items.length === 0) {
    throw new VirkningError(
      "PROGRESSION_NO_COLUMNS",
      `Arket "${settings.sheet}" mangler kolonner for borger-ID, runde eller delmål (række ${h + 1}). Brug målingsarket, eller giv kolonnerne overskrifterne Borger-ID, Runde og delmålenes navne.`,
      `The sheet "${settings.sheet}" lacks columns for citizen ID, round or sub-goals (row ${h + 1}). Use the measurement sheet, or give the columns the headers Borger-ID, Runde and the sub-goals' names.`,
      { sheet: settings.sheet, cell: `${settings.sheet}!${cellAddress(h, 0)}` },
    );
  }
  const src = { sheet: settings.sheet, address: cellAddress(h, 0), header, rows: read.values.slice(h + 1), numberFormats: read.formats.slice(h + 1) };
  const { input, problems } = readScores(src, columns, { requireGroup: settings.compareGroups });
  if (problems.length > 0) throw new VirkningValidationError(problems);
  return { input, idCell: `${settings.sheet}!${cellAddress(h, columns.citizen)}`, source: `${settings.sheet}!${cellAddress(h, 0)}`, grid: read.values };
}

/** Read, check, analyse and write the "Progression" sheet. Nothing is written when the scores fail a check. */
export async function runAndWriteProgression(run: ExcelRun, settings: ProgressionSettings, opts: { theory?: ProgrammeTheory; now?: Date } = {}): Promise<ProgressionRun> {
  const { input, source, grid } = await readProgressionScores(run, settings, opts);
  const result = runProgression(input, { compareGroups: settings.compareGroups, testPolicy: settings.testPolicy, rater: settings.rater === "auto" ? undefined : settings.rater, adjustForBaseline: settings.adjustForBaseline === true && settings.compareGroups });
  // what is read here is also what the Overblik's record is made of (recordProgression reads nothing again but the theory)
  const inputs = new WorkbookInputs(run).seedGrid(settings.sheet, grid);
  const transitions = settings.transitions ? await transitionsFor(run, inputs) : null;
  const now = opts.now ?? new Date();
  const spec = progressionSheetSpec(result, transitions, { source, generatedAt: now.toISOString() }, settings.lang);
  await renderSheets(run, [spec]);
  await recordProgression(run, inputs, settings, now);
  return { result, transitions };
}

/** The Overblik's record of the results just written: the theory read (1 + chunks syncs; the rest `inputs` has), 1 sync to keep. */
async function recordProgression(run: ExcelRun, inputs: WorkbookInputs, settings: ProgressionSettings, now: Date): Promise<void> {
  const active = settings.transitions ? await loadComparisonSettings(run).catch(() => null) : null;
  const fingerprint = await inputs.progressionFingerprint(settings, active).catch(() => null);
  if (fingerprint) await recordPart(run, PART_IDS.progression, { madeAt: now.toISOString(), fingerprint });
}

export async function loadProgressionSettings(run: ExcelRun): Promise<ProgressionSettings | null> {
  const stored = await loadState<unknown>(run, PROGRESSION_STATE_KEY);
  const r = v.safeParse(SettingsSchema, stored);
  return r.success ? r.output : null;
}

export async function saveProgressionSettings(run: ExcelRun, settings: ProgressionSettings): Promise<void> {
  await saveState(run, PROGRESSION_STATE_KEY, v.parse(SettingsSchema, settings));
}
