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
 * - the existing "Ledelsesoverblik": the leader's entries, matched by key figure + month and by
 *   checklist item number (parseLeaderEntries), never by position.
 * Then one renderSheets call writes the sheet (refused when a user's own sheet has the name).
 */
import * as v from "valibot";
import { VirkningError, VirkningValidationError } from "../core/errors";
import { resultSheetOf, runComparison } from "../core/analysis";
import { looksLikeCpr } from "../core/data";
import { findHeaderRow, PROGRESSION_SHEET_NAME, readScores, runProgression, scaleItems, suggestScoreColumns } from "../core/progression";
import { cellAddress } from "../core/report/address";
import type { CellScalar } from "../core/report/sheetSpec";
import type { Text } from "../core/stats";
import {
  DEFAULT_THRESHOLD,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  parseLeaderEntries,
  summarySheetSpec,
  SUMMARY_SHEET_NAME,
  type LeaderEntries,
  type ProgressionBrief,
  type SummaryInput,
  type SummarySettings,
} from "../core/summary";
import { validateTheory, type ProgrammeTheory } from "../core/theory";
import { VERSION } from "../core/version";
import { loadComparisonSettings, readSource } from "./comparisonStore";
import type { ExcelRun } from "./host";
import { loadProgressionSettings } from "./progressionStore";
import { listSheets, readUsedRange } from "./read";
import { renderSheets } from "./render";
import { loadState, saveState } from "./state";
import { loadTheory } from "./theoryStore";

export const SUMMARY_STATE_KEY = "virkning.summary";

const SettingsSchema = v.object({
  version: v.literal(1),
  followUp: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600))),
  threshold: v.pipe(v.number(), v.integer(), v.minValue(MIN_THRESHOLD), v.maxValue(MAX_THRESHOLD)),
  lang: v.picklist(["da", "en"]),
});
export type StoredSummarySettings = v.InferOutput<typeof SettingsSchema>;

export function defaultSummarySettings(lang: "da" | "en" = "da"): StoredSummarySettings {
  return { version: 1, followUp: null, threshold: DEFAULT_THRESHOLD, lang };
}

export async function loadSummarySettings(run: ExcelRun): Promise<StoredSummarySettings | null> {
  const r = v.safeParse(SettingsSchema, await loadState<unknown>(run, SUMMARY_STATE_KEY));
  return r.success ? r.output : null;
}

export async function saveSummarySettings(run: ExcelRun, settings: StoredSummarySettings): Promise<void> {
  await saveState(run, SUMMARY_STATE_KEY, v.parse(SettingsSchema, settings));
}

/** Values of a sheet's used range placed from A1, or null when the sheet does not exist. */
async function sheetFromA1(run: ExcelRun, sheet: string): Promise<CellScalar[][] | null> {
  try {
    const r = await readUsedRange(run, sheet);
    const pad = new Array<CellScalar>(r.columnIndex).fill(null);
    return [...Array.from({ length: r.rowIndex }, () => [] as CellScalar[]), ...r.values.map((row) => [...pad, ...row])];
  } catch (e) {
    if (e instanceof VirkningError && e.code === "SHEET_NOT_FOUND") return null;
    throw e;
  }
}

function problemText(e: unknown): Text {
  if (e instanceof VirkningValidationError) return { da: e.problems.map((p) => p.message).slice(0, 3).join(" "), en: e.problems.map((p) => p.messageEn).slice(0, 3).join(" ") };
  if (e instanceof VirkningError) return { da: e.message, en: e.messageEn };
  throw e;
}

async function comparisonPart(run: ExcelRun, now: Date): Promise<SummaryInput["comparison"]> {
  const settings = await loadComparisonSettings(run);
  if (!settings) return null;
  try {
    const input = await readSource(run, settings.source);
    return { result: runComparison(input, settings, now), sheet: resultSheetOf(settings) };
  } catch (e) {
    return { problem: problemText(e) };
  }
}

/** Adapter: the progression's share improved per delmål, read without writing (see the file comment). */
export async function progressionBrief(run: ExcelRun, theory: ProgrammeTheory | null): Promise<ProgressionBrief | null> {
  if (!theory || !(await listSheets(run)).some((s) => s.name === PROGRESSION_SHEET_NAME)) return null;
  const settings = await loadProgressionSettings(run);
  if (!settings) return null;
  const values = await sheetFromA1(run, settings.sheet);
  if (!values) return null;
  const h = Math.max(0, findHeaderRow(values));
  const columns = suggestScoreColumns(values[h] ?? [], scaleItems(theory));
  if (!columns || columns.items.length === 0) return null;
  const { input, problems } = readScores({ sheet: settings.sheet, address: cellAddress(h, 0), header: values[h] ?? [], rows: values.slice(h + 1) }, columns, { requireGroup: settings.compareGroups });
  if (problems.length > 0) return null;
  const result = runProgression(input, { compareGroups: settings.compareGroups, testPolicy: settings.testPolicy, rater: settings.rater === "auto" ? undefined : settings.rater });
  return {
    items: result.items.map((it) => ({ id: it.item.id, name: it.item.name, paired: it.change.paired, improved: it.change.improved })),
    source: `${PROGRESSION_SHEET_NAME}: "Ændring fra første til seneste måling"`,
  };
}

const CPR_IN_TEXT = /\d{6}[- ]?\d{4}/g;

/**
 * CPR numbers are refused, also inside the leader's notes ("Borger 010190-1234 er syg"): the page is
 * read by many. Throws CPR_FOUND naming the cells (Ledelsesoverblik!H63); nothing is written.
 */
export function refuseCprInEntries(values: CellScalar[][]): void {
  const cells: string[] = [];
  values.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      const hit = typeof v === "number" ? looksLikeCpr(v) : typeof v === "string" && (v.match(CPR_IN_TEXT) ?? []).some((t) => looksLikeCpr(t));
      if (hit) cells.push(`${SUMMARY_SHEET_NAME}!${cellAddress(r, c)}`);
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
  /** Follow-ups (months) the comparison has, for the pane's choice. */
  followUps: number[];
  keptEntries: { keyFigures: number; answers: number };
}

/** Build or update "Ledelsesoverblik". Nothing is written when the sheet cannot be rendered. */
export async function buildSummary(run: ExcelRun, settings: SummarySettings, opts: { now?: Date } = {}): Promise<SummaryReport> {
  const now = opts.now ?? new Date();
  const loaded = await loadTheory(run);
  const theory = loaded ? { theory: loaded.theory, errors: [...loaded.issues, ...validateTheory(loaded.theory, { cells: loaded.cells })].filter((i) => i.severity === "error").length } : null;
  const comparison = await comparisonPart(run, now);
  const progression = await progressionBrief(run, loaded?.theory ?? null);
  const existing = await sheetFromA1(run, SUMMARY_SHEET_NAME);
  if (existing) refuseCprInEntries(existing);
  const entries: LeaderEntries = existing ? parseLeaderEntries(existing) : { keyFigures: [], answers: {} };
  const input: SummaryInput = { settings, generatedAt: now.toISOString(), version: VERSION, theory, comparison, progression, entries };
  const built = summarySheetSpec(input);
  await renderSheets(run, [built.spec]);
  return {
    keyRows: built.keyRows,
    checkRows: built.checkRows,
    sections: { theory: !!theory, comparison: !!comparison && "result" in comparison, progression: !!progression },
    followUps: comparison && "result" in comparison ? comparison.result.followUps : [],
    keptEntries: { keyFigures: entries.keyFigures.length, answers: Object.keys(entries.answers).length },
  };
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
