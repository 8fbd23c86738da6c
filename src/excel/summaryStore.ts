/**
 * Workbook I/O of the leader summary (issue 12): gathers what the workbook holds, keeps the
 * leader's entries of an existing "Ledelsesoverblik" and renders the sheet.
 *
 * Reads (all through the one reader, read.ts, or the stores that use it):
 * - the programme theory: theoryStore.loadTheory, checked with validateTheory;
 * - the saved comparison settings: comparisonStore.loadComparisonSettings; the comparison is run
 *   again from them with runComparison (nothing is written to "Sammenligning");
 * - progression results, when the "Progression" sheet exists: progressionStore has no read-only
 *   entry point (runAndWriteProgression also writes), so `progressionBrief` below is a small adapter
 *   that reads the measurement sheet and runs the same core analysis without writing;
 * - the register follow-up, when "Registeropfølgning" was run: registerStore.readAndAnalyse runs it again
 *   from its stored settings without writing; its headline goes on the page (registerBrief) only when the
 *   data and settings are those of its last run (the fingerprint of lastRun) and its sheet is there;
 * - the existing "Ledelsesoverblik": the leader's entries, matched by key figure + month and by
 *   checklist item number (parseLeaderEntries), never by position.
 * Then one renderSheets call writes the sheet (refused when a user's own sheet has the name).
 */
import * as v from "valibot";
import { VirkningError, VirkningValidationError } from "../core/errors";
import { analysisName, DEFAULT_ANALYSIS_NAME, freshness, resultSheetOf, type ComparisonInput, type ComparisonSettings } from "../core/analysis";
import { cellHasCpr } from "../core/data";
import { findHeaderRow, PROGRESSION_SHEET_NAME, readScores, runProgression, scaleItems, suggestScoreColumns } from "../core/progression";
import { cellAddress } from "../core/report/address";
import type { CellScalar } from "../core/report/sheetSpec";
import type { Text } from "../core/stats";
import {
  analysisLine,
  DEFAULT_THRESHOLD,
  hasValues,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  parseLeaderEntries,
  summarySheetSpec,
  SUMMARY_SHEET_NAME,
  type AnalysisState,
  type ChainBrief,
  type LeaderEntries,
  type ProgressionBrief,
  registerBrief,
  type RegisterBrief,
  type SummaryInput,
  type SummarySettings,
} from "../core/summary";
import { RANDOMISATION_SHEET_NAME } from "../core/design/sheet";
import type { TrialTable } from "../core/design";
import { THEORY_SHEET_NAME, validateTheory, type ProgrammeTheory } from "../core/theory";
import { VERSION } from "../core/version";
import { loadComparisonSettings, rerunComparison } from "./comparisonStore";
import type { ExcelRun } from "./host";
import { loadProgressionSettings, type ProgressionSettings } from "./progressionStore";
import { loadRegisterSettings, readAndAnalyse, REGISTER_SHEET_NAME } from "./registerStore";
import { listSheets, readUsedRange } from "./read";
import { renderSheets } from "./render";
import { loadState, saveState } from "./state";
import { loadTheory } from "./theoryStore";
import { loadChainBrief } from "./chainStore";
import { CHAIN_SHEET_NAME } from "../core/chain";
import { WorkbookInputs } from "./partInputs";
import { PART_IDS, recordPart } from "./partRecords";

export const SUMMARY_STATE_KEY = "virkning.summary";

const SettingsSchema = v.object({
  version: v.literal(1),
  followUp: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600))),
  audience: v.optional(v.picklist(["internal", "public"]), "internal"),
  threshold: v.pipe(v.number(), v.integer(), v.minValue(MIN_THRESHOLD), v.maxValue(MAX_THRESHOLD)),
  lang: v.picklist(["da", "en"]),
});
export type StoredSummarySettings = v.InferOutput<typeof SettingsSchema>;

export function defaultSummarySettings(lang: "da" | "en" = "da"): StoredSummarySettings {
  return { version: 1, followUp: null, audience: "internal", threshold: DEFAULT_THRESHOLD, lang };
}

export async function loadSummarySettings(run: ExcelRun): Promise<StoredSummarySettings | null> {
  const r = v.safeParse(SettingsSchema, await loadState<unknown>(run, SUMMARY_STATE_KEY));
  return r.success ? r.output : null;
}

export async function saveSummarySettings(run: ExcelRun, settings: StoredSummarySettings): Promise<void> {
  await saveState(run, SUMMARY_STATE_KEY, v.parse(SettingsSchema, settings));
}

/** A sheet's used range placed from A1 (values; with formulas and number formats when asked), or null when the sheet does not exist. */
async function cellsFromA1(run: ExcelRun, sheet: string, typed = false): Promise<{ values: CellScalar[][]; formulas?: (string | null)[][]; formats?: string[][] } | null> {
  try {
    const r = await readUsedRange(run, sheet, typed ? { formulas: true, numberFormats: true } : {});
    const place = <T>(grid: T[][], empty: T): T[][] => {
      const pad = new Array<T>(r.columnIndex).fill(empty);
      return [...Array.from({ length: r.rowIndex }, () => [] as T[]), ...grid.map((row) => [...pad, ...row])];
    };
    // a formula cell's formula differs from its value; a text cell that starts with "=" reads the same in both and is text
    const formulas = r.formulas?.map((row, i) => row.map((f, j) => (typeof f === "string" && f.startsWith("=") && f !== r.values[i]?.[j] ? f : null)));
    return { values: place(r.values, null), ...(formulas ? { formulas: place(formulas, null) } : {}), ...(r.numberFormats ? { formats: place(r.numberFormats, "General") } : {}) };
  } catch (e) {
    if (e instanceof VirkningError && e.code === "SHEET_NOT_FOUND") return null;
    throw e;
  }
}

async function sheetFromA1(run: ExcelRun, sheet: string): Promise<CellScalar[][] | null> {
  return (await cellsFromA1(run, sheet))?.values ?? null;
}

function problemText(e: unknown): Text {
  if (e instanceof VirkningValidationError) return { da: e.problems.map((p) => p.message).slice(0, 3).join(" "), en: e.problems.map((p) => p.messageEn).slice(0, 3).join(" ") };
  if (e instanceof VirkningError) return { da: e.message, en: e.messageEn };
  throw e;
}

/** A state that shows no numbers: the page prints `analysisLine(analysis)` instead. */
function withheld(analysis: AnalysisState): ComparisonPart {
  return { comparison: { problem: { da: analysisLine(analysis, "da"), en: analysisLine(analysis, "en") } }, analysis };
}

interface ComparisonPart {
  comparison: SummaryInput["comparison"];
  analysis: AnalysisState | null;
  /** The saved settings and the data as read (for the Overblik's record), when they could be read. */
  settings?: ComparisonSettings | null;
  input?: ComparisonInput;
  /** The allocation table the analysis joined ("Randomisering"), when it takes its groups from it. */
  trialTable?: TrialTable | null;
}

/**
 * The saved analysis run again through the comparison's own "Kør igen" path (rerunComparison: columns
 * found by header, the same refusals), without writing; its numbers are used only when the data and
 * settings are those of its last run (see core/analysis/rerun.ts and core/summary/analysisState.ts).
 */
async function comparisonPart(run: ExcelRun, now: Date, theory: ProgrammeTheory | null): Promise<ComparisonPart> {
  let settings: ComparisonSettings | null;
  try {
    settings = await loadComparisonSettings(run);
  } catch (e) {
    return withheld({ status: "refused", reason: problemText(e), name: DEFAULT_ANALYSIS_NAME, sheet: DEFAULT_ANALYSIS_NAME, ranAt: null });
  }
  if (!settings) return { comparison: null, analysis: null, settings: null };
  const base = { name: analysisName(settings), sheet: resultSheetOf(settings), ranAt: settings.lastRun?.at ?? null };
  let input: ComparisonInput | undefined;
  try {
    const r = await rerunComparison(run, settings, { now, theory, onRead: (i) => (input = i) });
    const fresh = freshness(settings, r.settings, r.input, r.trialTable);
    const read = { settings, input, trialTable: r.trialTable };
    if (fresh.status === "stale") return { ...withheld({ ...base, status: "stale", reason: null }), ...read };
    return { comparison: { result: r.result, sheet: base.sheet }, analysis: { ...base, status: "ok", reason: null }, ...read };
  } catch (e) {
    return { ...withheld({ ...base, status: "refused", reason: problemText(e) }), settings, input };
  }
}

/** The register follow-up for the page: "none" (never run or its sheet is gone), "stale" or "refused" (no line), or "ok" with the brief. */
export type RegisterPart = ({ status: "none" | "stale" | "refused"; brief: null } | { status: "ok"; brief: RegisterBrief }) & {
  /** For the Overblik's record: the data's fingerprint now and at the last run ("now/ran"; partInputs.registerState), null without a run. */
  state: string | null;
};

/** As partInputs marks data that cannot be read. */
const UNREADABLE_REGISTER = "unreadable";

/** The stored register run, analysed again without writing (see the file comment). */
export async function registerPart(run: ExcelRun, sheets: string[]): Promise<RegisterPart> {
  let ran: string | null = null;
  try {
    const settings = await loadRegisterSettings(run);
    if (!settings?.lastRun || !sheets.includes(REGISTER_SHEET_NAME)) return { status: "none", brief: null, state: null };
    ran = settings.lastRun.fingerprint;
    const { output } = await readAndAnalyse(run, settings);
    const state = `${output.fingerprint}/${ran}`;
    if (output.fingerprint !== ran) return { status: "stale", brief: null, state };
    return { status: "ok", brief: registerBrief(output.result, REGISTER_SHEET_NAME), state };
  } catch {
    return { status: "refused", brief: null, state: ran === null ? null : `${UNREADABLE_REGISTER}/${ran}` };
  }
}

/** Adapter: the progression's share improved per delmål, read without writing (see the file comment). */
export async function progressionBrief(
  run: ExcelRun,
  theory: ProgrammeTheory | null,
  sheets?: string[],
  /** Filled with what was read (for the Overblik's record). */
  seen: { settings?: ProgressionSettings | null; grid?: CellScalar[][] | null } = {},
): Promise<ProgressionBrief | null> {
  if (!theory || !(sheets ?? (await listSheets(run)).map((s) => s.name)).includes(PROGRESSION_SHEET_NAME)) return null;
  const settings = (seen.settings = await loadProgressionSettings(run));
  if (!settings) return null;
  const values = (seen.grid = await sheetFromA1(run, settings.sheet));
  if (!values) return null;
  const h = Math.max(0, findHeaderRow(values));
  const columns = suggestScoreColumns(values[h] ?? [], scaleItems(theory));
  if (!columns || columns.items.length === 0) return null;
  const { input, problems } = readScores({ sheet: settings.sheet, address: cellAddress(h, 0), header: values[h] ?? [], rows: values.slice(h + 1) }, columns, { requireGroup: settings.compareGroups });
  if (problems.length > 0) return null;
  const result = runProgression(input, { compareGroups: settings.compareGroups, testPolicy: settings.testPolicy, rater: settings.rater === "auto" ? undefined : settings.rater, adjustForBaseline: settings.adjustForBaseline === true && settings.compareGroups });
  return {
    items: result.items.map((it) => ({
      id: it.item.id,
      name: it.item.name,
      paired: it.change.paired,
      improved: it.change.improved,
      // per group when the groups are compared: the leader page never shows a pooled figure beside group figures
      groups: it.groups ? { intervention: pick(it.groups.change.intervention), control: pick(it.groups.change.control) } : null,
    })),
    source: `${PROGRESSION_SHEET_NAME}: "Ændring fra første til seneste måling"`,
    dataSheet: settings.sheet,
  };
}

const pick = (c: { paired: number; improved: number }): { paired: number; improved: number } => ({ paired: c.paired, improved: c.improved });

/**
 * CPR numbers are refused, also inside the leader's notes ("Borger 010190-1234 er syg"): the page is
 * read by many. Throws CPR_FOUND naming the cells (Ledelsesoverblik!H63); nothing is written.
 */
export function refuseCprInEntries(values: CellScalar[][], formulas: (string | null)[][] = []): void {
  const cells: string[] = [];
  values.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      // a formula is written back as typed: its text is checked too
      if (cellHasCpr(v) || cellHasCpr(formulas[r]?.[c])) cells.push(`${SUMMARY_SHEET_NAME}!${cellAddress(r, c)}`);
    }),
  );
  if (cells.length === 0) return;
  const list = cells.slice(0, 5).join(", ");
  throw new VirkningError(
    "CPR_FOUND",
    `Arket "${SUMMARY_SHEET_NAME}" indeholder et CPR-nummer (${list}). Slet det, og opdater derefter ledelsesoverblikket. Intet er skrevet.`,
    `The sheet "${SUMMARY_SHEET_NAME}" contains a CPR number (${list}). Delete it, then update the summary. Nothing was written.`,
    { sheet: SUMMARY_SHEET_NAME, cell: cells[0] },
  );
}

export interface SummaryReport {
  keyRows: [number, number];
  checkRows: [number, number];
  sections: { theory: boolean; comparison: boolean; progression: boolean };
  /** The register follow-up's headline: on the page ("ok"), or why not. */
  register: RegisterPart["status"];
  /** The analysis behind the numbers and whether they were shown (null: none saved). */
  analysis: AnalysisState | null;
  /** Follow-ups (months) the comparison has, for the pane's choice. */
  followUps: number[];
  keptEntries: { keyFigures: number; answers: number };
}

/** Build or update "Ledelsesoverblik". Nothing is written when the sheet cannot be rendered. */
export async function buildSummary(run: ExcelRun, settings: SummarySettings, opts: { now?: Date } = {}): Promise<SummaryReport> {
  const now = opts.now ?? new Date();
  const loaded = await loadTheory(run);
  const theory = loaded ? { theory: loaded.theory, errors: [...loaded.issues, ...validateTheory(loaded.theory, { cells: loaded.cells })].filter((i) => i.severity === "error").length } : null;
  const part = await comparisonPart(run, now, loaded?.theory ?? null);
  const { comparison, analysis } = part;
  const sheets = (await listSheets(run)).map((s) => s.name);
  const seen: { settings?: ProgressionSettings | null; grid?: CellScalar[][] | null } = {};
  const progression = await progressionBrief(run, loaded?.theory ?? null, sheets, seen);
  const register = await registerPart(run, sheets);
  // the leader's cells as typed: formulas read as formulas (Range.formulas), number formats kept
  const existing = await cellsFromA1(run, SUMMARY_SHEET_NAME, true);
  if (existing) refuseCprInEntries(existing.values, existing.formulas);
  const entries: LeaderEntries = existing ? parseLeaderEntries(existing.values, existing) : { keyFigures: [], answers: {} };
  // the design is randomised when Forsøgsdesign drew the groups (its "Randomisering" sheet exists)
  const randomised = sheets.includes(RANDOMISATION_SHEET_NAME);
  // "Holder kæden?" when "Virkningskæden i data" has been made
  const chain = sheets.includes(CHAIN_SHEET_NAME) ? await loadChainBrief(run, loaded?.theory ?? null) : null;
  const input: SummaryInput = { settings, generatedAt: now.toISOString(), version: VERSION, theory, comparison, analysis, progression, register: register.brief, entries, randomised, chain };
  const built = summarySheetSpec(input);
  await renderSheets(run, [built.spec]);
  // the Overblik's record, from what was read above (nothing is read again): 1 sync
  const inputs = new WorkbookInputs(run).seedSheetNames(sheets).seedGrid(THEORY_SHEET_NAME, loaded?.snapshot ?? null);
  if (part.settings && part.input) inputs.seedSource(part.settings, part.input, part.trialTable);
  if (seen.settings && seen.grid !== undefined) inputs.seedGrid(seen.settings.sheet, seen.grid);
  inputs.seedRegisterState(register.state);
  await recordSummary(run, inputs, settings, now, part.settings ?? null, seen.settings, chain);
  return {
    keyRows: built.keyRows,
    checkRows: built.checkRows,
    sections: { theory: !!theory, comparison: !!comparison && "result" in comparison, progression: !!progression },
    register: register.status,
    analysis,
    followUps: comparison && "result" in comparison ? comparison.result.followUps : [],
    // entries the leader made, not the placeholder rows of KL's example figures
    keptEntries: { keyFigures: entries.keyFigures.filter(hasValues).length, answers: Object.keys(entries.answers).length },
  };
}

/**
 * The Overblik's record of the page just written. `inputs` holds what the build read; `progression` undefined:
 * the build did not need the progression's settings (no theory or no "Progression" sheet), so the record does not either.
 */
async function recordSummary(
  run: ExcelRun,
  inputs: WorkbookInputs,
  settings: SummarySettings,
  now: Date,
  active: ComparisonSettings | null,
  progression: ProgressionSettings | null | undefined,
  chain: ChainBrief | null,
): Promise<void> {
  const fingerprint = await inputs.summaryFingerprint(settings, active, progression ?? null, chain).catch(() => null);
  if (fingerprint) await recordPart(run, PART_IDS.summary, { madeAt: now.toISOString(), fingerprint });
}

/**
 * Whether a comparison is saved, and the follow-ups its settings define (wide layout; a long layout
 * has its months in the data, known after the first build), for the pane: 1 sync.
 */
export async function summaryFollowUps(run: ExcelRun): Promise<{ hasComparison: boolean; followUps: number[] }> {
  const s = await loadComparisonSettings(run);
  if (!s) return { hasComparison: false, followUps: [] };
  return { hasComparison: true, followUps: [...new Set(s.columns.timepoints.map((t) => t.month).filter((m) => m > 0))].sort((a, b) => a - b) };
}

/** Show the Ledelsesoverblik sheet at A1 (the pane then tells how to print it): 1 sync. */
export async function showSummarySheet(run: ExcelRun): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(SUMMARY_SHEET_NAME);
    ws.activate();
    ws.getRange("A1").select();
    await context.sync();
  });
}
