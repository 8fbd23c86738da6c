/**
 * Workbook I/O of the comparison (Sammenligning): read the case data range, keep the analysis settings in
 * the workbook, write the results sheet. Every read goes through the one chunked reader (read.ts,
 * `readCells`). Sync budget (measured by the adapter tests, test/adapter/readCounts.test.ts):
 *
 * - reading a source: 1 sync to find the extent (sheet, used range, merged areas) + 1 sync per row chunk
 *   (byte-budgeted): the sample 1 + 1, 20,001 rows × 13 columns 1 + 3, 15,000 rows with a 350-character
 *   notes column 1 + 4; a selection of whole columns (A:M) or Ctrl+A is cut to the used range first;
 * - writing the results sheet: renderSheets' budget (4 syncs for a new sheet, 5 to regenerate it);
 * - settings: 1 sync to load; 2 to save (the stored analyses are read first, so the other named analyses are kept).
 *
 * Extent rule for a stored source ("Kør igen"): the stored address fixes the header row and the first
 * column. Columns: the stored width, extended over columns with a header right of it (a column inserted
 * into the data); the settings' columns are then found again by header text (core/analysis/columns.ts).
 * Rows are read from the header row down to the last used row of the sheet, then cut at the first row that
 * is empty in all the columns. So rows added directly below the data are included, rows removed at
 * the bottom are left out, and anything below an empty row (notes, a second table) is not read.
 */
import { VirkningError } from "../core/errors";
import {
  activeAnalysis,
  addAnalysis,
  joinRandomisation,
  trialNotes,
  analysisName,
  keepPresentLabels,
  outcomeNamesFromTheory,
  parseCollection,
  putAnalysis,
  removeAnalysis,
  renameAnalysis,
  resultSheetOf,
  runComparison,
  settingsForData,
  withRunRecord,
  type AnalysisCollection,
  type ColumnMove,
  type ComparisonInput,
  type ComparisonResult,
  type ComparisonSettings,
  type TrialJoin,
} from "../core/analysis";
import { comparisonSheetSpec, nameScope } from "../core/analysis/comparisonSheet";
import { detectHeaderRow, isBlank, quoteSheet, type CellValue } from "../core/data";
import { parseRange, rangeAddress, type RangeRef } from "../core/report/address";
import type { SheetSpec } from "../core/report/sheetSpec";
import type { TrialTable } from "../core/design";
import type { ProgrammeTheory } from "../core/theory";
import type { ExcelRun } from "./host";
import { clipToUsed, mergedList, queueMerged, readCells, refOf, selectionError, syncOrMissing } from "./read";
import { renderSheets } from "./render";
import { readTrialTable } from "./designStore";
import { loadTheory } from "./theoryStore";
import { MARK_NAME, parseRegister, queueLoadRegister, tokenOf } from "./ownership";
import { deleteState, loadState, ownedSheetNames, saveState } from "./state";

/** The workbook setting that holds the comparison settings. */
export const COMPARISON_STATE_KEY = "virkning.comparison";

/** A range read for the comparison, before the header row is found. */
export interface SourceRange {
  sheet: string;
  /** 0-based top-left of `values`. */
  row: number;
  column: number;
  values: CellValue[][];
  mergedAreas: string[];
  /** Number formats of `values` (same shape), so that core can tell Excel dates from plain numbers. */
  numberFormats?: string[][];
}

function trimTrailingBlankRows(values: CellValue[][]): CellValue[][] {
  let end = values.length;
  while (end > 0 && values[end - 1].every((v) => isBlank(v))) end--;
  return end === values.length ? values : values.slice(0, end);
}

/** A row that looks like a citizen's row of a table `width` columns wide: at least half of its cells (and two) filled. */
function looksLikeDataRow(row: CellValue[], width: number): boolean {
  let filled = 0;
  for (const v of row) if (!isBlank(v)) filled++;
  return filled >= Math.max(2, Math.ceil(width / 2));
}

/**
 * Rows from the top down to (not including) the first row that is empty in every column, unless the first
 * non-empty row after the empty ones looks like more data (see looksLikeDataRow): then the empty rows are
 * inside the data, all rows are kept, and core reports the empty row with its cell (BLANK_ROW) instead of
 * the rows below it being left out without a word. Notes or a short second block below the data are cut off.
 */
function cutAtFirstBlankRow(values: CellValue[][], from: number): CellValue[][] {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let r = from; r < values.length; r++) {
    if (!values[r].every((v) => isBlank(v))) continue;
    let next = r;
    while (next < values.length && values[next].every((v) => isBlank(v))) next++;
    if (next < values.length && looksLikeDataRow(values[next], width)) {
      r = next;
      continue;
    }
    return values.slice(0, r);
  }
  return values;
}

/**
 * ComparisonInput from a range: finds the header row (core's detectHeaderRow) and starts the input there.
 * Throws NO_HEADER (Danish, naming the range) when there is no header row, and NO_DATA for an empty range.
 */
export function toComparisonInput(src: SourceRange): ComparisonInput {
  const values = trimTrailingBlankRows(src.values);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  const where = `${quoteSheet(src.sheet)}!${rangeAddress(src.row, src.column, Math.max(1, src.values.length), Math.max(1, width))}`;
  if (values.length === 0 || width === 0) {
    throw new VirkningError(
      "NO_DATA",
      `Området ${where} er tomt. Markér en celle i dine data, eller vælg et ark eller en tabel med data.`,
      `The range ${where} is empty. Select a cell in your data, or choose a sheet or a table with data.`,
      { sheet: src.sheet, cell: where },
    );
  }
  const h = detectHeaderRow(values);
  if (h < 0) {
    throw new VirkningError(
      "NO_HEADER",
      `Der er ingen overskriftsrække i ${where}. Dataene skal have én række med kolonnenavne (fx ID, Gruppe, Status 6 mdr) øverst og én række pr. borger under den.`,
      `There is no header row in ${where}. The data need one row of column names (e.g. ID, Gruppe, Status 6 mdr) at the top and one row per citizen below it.`,
      { sheet: src.sheet, cell: where },
    );
  }
  const body = values.slice(h + 1).map((r) => (r.length === width ? r : [...r, ...new Array<CellValue>(width - r.length).fill(null)]));
  const formats = src.numberFormats
    ?.slice(h + 1, h + 1 + body.length)
    .map((r) => (r.length === width ? r : [...r, ...new Array<string>(width - r.length).fill("General")]));
  const header = values[h].length === width ? values[h] : [...values[h], ...new Array<CellValue>(width - values[h].length).fill(null)];
  return {
    sheet: src.sheet,
    address: rangeAddress(src.row + h, src.column, body.length + 1, width),
    header,
    rows: body,
    mergedAreas: src.mergedAreas,
    ...(formats && formats.length === body.length ? { numberFormats: formats } : {}),
  };
}

function sourceMissing(sheet: string): VirkningError {
  return new VirkningError(
    "SOURCE_SHEET_MISSING",
    `Arket "${sheet}" med dataene findes ikke længere. Vælg dataene igen under "1. Data".`,
    `The sheet "${sheet}" with the data no longer exists. Choose the data again under "1. Data".`,
    { sheet },
  );
}

/** Values and number formats (a date-formatted number is an Excel date) through the one reader. */
async function readChunks(context: Excel.RequestContext, ws: Excel.Worksheet, ref: RangeRef): Promise<{ values: CellValue[][]; numberFormats: string[][]; chunks: number }> {
  const r = await readCells(context, ws, ref, { numberFormats: true });
  return { values: r.values, numberFormats: r.numberFormats ?? [], chunks: r.chunks };
}

/**
 * Reads the stored source again (see the extent rule at the top of this file): 1 + chunks syncs.
 */
export async function readSource(run: ExcelRun, source: ComparisonSettings["source"]): Promise<ComparisonInput> {
  const top = parseRange(source.address);
  return run(async (context) => {
    // getItem, not ...OrNullObject: nothing is chained on a worksheet that may be a null object.
    const ws = context.workbook.worksheets.getItem(source.sheet);
    const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const columns = ws.getRangeByIndexes(top.row, top.column, Math.max(1, top.rowCount), top.columnCount);
    const merged = queueMerged(columns);
    await syncOrMissing(context, () => sourceMissing(source.sheet));
    const last = used.isNullObject ? top.row : Math.max(top.row, used.rowIndex + used.rowCount - 1);
    // columns inserted into the data push the last ones to the right: read on to the used range's edge,
    // then keep the columns up to the first one without a header beyond the stored width
    const right = used.isNullObject ? top.column + top.columnCount : Math.max(top.column + top.columnCount, used.columnIndex + used.columnCount);
    const ref = { row: top.row, column: top.column, rowCount: last - top.row + 1, columnCount: right - top.column };
    const read = await readChunks(context, ws, ref);
    const width = headedWidth(read.values[0] ?? [], top.columnCount);
    const cut = cutAtFirstBlankRow(
      read.values.map((r) => r.slice(0, width)),
      1,
    );
    const formats = read.numberFormats.slice(0, cut.length).map((r) => r.slice(0, width));
    return toComparisonInput({ sheet: source.sheet, row: top.row, column: top.column, values: cut, numberFormats: formats, mergedAreas: mergedList(merged) });
  });
}

/** The stored width, extended over the columns right of it that have a header (inserted columns). */
function headedWidth(headerRow: CellValue[], stored: number): number {
  let w = stored;
  while (w < headerRow.length && !isBlank(headerRow[w])) w++;
  return w;
}

/**
 * The data at the selection: with one cell selected, the current region around it (Excel's
 * getSurroundingRegion, the block bounded by empty rows and columns, as Ctrl+A); with several cells
 * selected, exactly the selection. 1 + chunks syncs. Null when it is empty; refuses the add-in's own sheets.
 */
export async function readSelectionSource(run: ExcelRun): Promise<ComparisonInput | null> {
  try {
    return await readSelectionNow(run);
  } catch (e) {
    // several areas or a shape selected: a message of its own, not Excel's generic error
    throw await selectionError(run, e);
  }
}

async function readSelectionNow(run: ExcelRun): Promise<ComparisonInput | null> {
  return run(async (context) => {
    // The selection is always on the active sheet.
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name,id");
    const selected = context.workbook.getSelectedRange();
    selected.load("rowIndex,columnIndex,rowCount,columnCount");
    const region = selected.getSurroundingRegion();
    region.load("rowIndex,columnIndex,rowCount,columnCount");
    // the current region stops at an empty row; the used range shows whether more data follow below it
    const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = queueMerged(region);
    const register = queueLoadRegister(context);
    const mark = ws.names.getItemOrNullObject(MARK_NAME).load("formula");
    await context.sync();
    const token = mark.isNullObject ? "" : tokenOf(mark.formula);
    if (token !== "" && parseRegister(register.isNullObject ? undefined : register.value).sheets.some((o) => o.token === token)) {
      throw new VirkningError(
        "SOURCE_IS_OWNED",
        `Markeringen står i arket "${ws.name}", som Virkning selv har lavet. Gå til arket med dine data, markér en celle i dem, og tryk på "Brug markering" igen.`,
        `The selection is on the sheet "${ws.name}", which Virkning made itself. Go to the sheet with your data, select a cell in it, and press "Use selection" again.`,
        { sheet: ws.name },
      );
    }
    const several = selected.rowCount * selected.columnCount > 1;
    // several cells: exactly the selection, cut to the used range (whole columns A:M, whole rows, Ctrl+A)
    const clipped = several ? clipToUsed(refOf(selected)!, refOf(used)) : refOf(region);
    if (!clipped) return null;
    const ref = { ...clipped };
    // with one cell selected, read on below the region down to the last used row: rows of data below an
    // empty row must not be left out silently (cutAtFirstBlankRow keeps them when they look like data)
    let mergedBelow: Excel.RangeAreas | null = null;
    if (!several && !used.isNullObject && used.rowIndex + used.rowCount > ref.row + ref.rowCount) {
      const below = { row: ref.row + ref.rowCount, rowCount: used.rowIndex + used.rowCount - ref.row - ref.rowCount };
      ref.rowCount += below.rowCount;
      // merged cells in the rows below the region: loaded with the first chunk (no extra sync)
      mergedBelow = queueMerged(ws.getRangeByIndexes(below.row, ref.column, below.rowCount, ref.columnCount));
    }
    const read = await readChunks(context, ws, ref);
    const values = several ? read.values : cutAtFirstBlankRow(read.values, 1);
    const numberFormats = read.numberFormats.slice(0, values.length);
    if (values.every((r) => r.every((v) => isBlank(v)))) return null;
    return toComparisonInput({ sheet: ws.name, row: ref.row, column: ref.column, values, numberFormats, mergedAreas: [...mergedList(merged), ...mergedList(mergedBelow)] });
  });
}

/** The used range of a sheet: 1 + chunks syncs. Null when the sheet is empty. */
export async function readSheetSource(run: ExcelRun, sheet: string): Promise<ComparisonInput | null> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = queueMerged(used);
    await syncOrMissing(context, () => sourceMissing(sheet));
    if (used.isNullObject) return null;
    const ref = { row: used.rowIndex, column: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
    const { values, numberFormats } = await readChunks(context, ws, ref);
    return toComparisonInput({ sheet, row: ref.row, column: ref.column, values, numberFormats, mergedAreas: mergedList(merged) });
  });
}

/** An Excel table (header row + body): 1 + chunks syncs. */
export async function readTableSource(run: ExcelRun, table: string): Promise<ComparisonInput | null> {
  return run(async (context) => {
    const t = context.workbook.tables.getItem(table).load("worksheet/name");
    const range = t.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    await syncOrMissing(
      context,
      () => new VirkningError("TABLE_MISSING", `Tabellen "${table}" findes ikke længere. Vælg dataene igen.`, `The table "${table}" no longer exists. Choose the data again.`),
    );
    const ws = t.worksheet;
    const ref = { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
    const { values, numberFormats } = await readChunks(context, ws, ref);
    return toComparisonInput({ sheet: ws.name, row: ref.row, column: ref.column, values, numberFormats, mergedAreas: [] });
  });
}

export interface SourceList {
  sheets: string[];
  tables: { name: string; sheet: string }[];
}

/** Sheets and tables for the source picker, without the add-in's own sheets (results, programme theory): 2 syncs. */
export async function listSources(run: ExcelRun): Promise<SourceList> {
  return run(async (context) => {
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    const { all, owned } = await ownedSheetNames(context);
    return {
      sheets: all.filter((s) => !owned.has(s)),
      tables: tables.items.filter((t) => !owned.has(t.worksheet.name)).map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    };
  });
}

/**
 * All stored analyses (named analyses, core/analysis/analyses.ts), checked against the schema; null when
 * none are stored. A value in the old single-analysis format is read as one analysis "Sammenligning".
 * Invalid or unknown settings throw SETTINGS_INVALID (a Danish message naming the fields), which the pane
 * shows with "Nulstil" (deleteComparisonSettings). 1 sync.
 */
export async function loadAnalyses(run: ExcelRun): Promise<AnalysisCollection | null> {
  let v: unknown;
  try {
    v = await loadState<unknown>(run, COMPARISON_STATE_KEY);
  } catch (e) {
    // damaged text is invalid settings too: shown with "Nulstil"
    if (e instanceof VirkningError && e.code === "STATE_DAMAGED") return parseDamaged(e);
    throw e;
  }
  if (v === undefined) return null;
  const parsed = parseCollection(v);
  if (!parsed.ok) throw parsed.error;
  return parsed.collection.analyses.length > 0 ? parsed.collection : null;
}

/** The active analysis's settings (see loadAnalyses); null when none are stored. 1 sync. */
export async function loadComparisonSettings(run: ExcelRun): Promise<ComparisonSettings | null> {
  const c = await loadAnalyses(run);
  return c ? activeAnalysis(c) : null;
}

function parseDamaged(e: VirkningError): never {
  throw new VirkningError(
    "SETTINGS_INVALID",
    `De gemte indstillinger for sammenligningen i projektmappen kan ikke bruges: ${e.message} Tryk på "Nulstil" for at slette dem og sætte sammenligningen op igen.`,
    `The comparison settings stored in the workbook cannot be used: ${e.messageEn} Press "Reset" to delete them and set up the comparison again.`,
  );
}

/** Deletes every stored analysis ("Nulstil"): 1 sync. Results sheets stay. */
export async function deleteComparisonSettings(run: ExcelRun): Promise<void> {
  await deleteState(run, COMPARISON_STATE_KEY);
}

async function saveAnalyses(run: ExcelRun, c: AnalysisCollection): Promise<AnalysisCollection> {
  await saveState(run, COMPARISON_STATE_KEY, c);
  return c;
}

/** Stores the settings as their analysis (by name; the old single analysis is "Sammenligning") and makes it active: 2 syncs. */
export async function saveComparisonSettings(run: ExcelRun, settings: ComparisonSettings): Promise<AnalysisCollection> {
  const c = await loadAnalyses(run).catch(() => null);
  return saveAnalyses(run, putAnalysis(c, settings));
}

/** Stores an analysis's settings as run (its record of the run included) without changing which analysis is active: 2 syncs. */
export async function saveAnalysisRun(run: ExcelRun, settings: ComparisonSettings): Promise<AnalysisCollection> {
  const c = await loadAnalyses(run);
  const next = putAnalysis(c, settings);
  return saveAnalyses(run, c ? { ...next, active: c.active } : next);
}

/** Sheet names of the workbook (for unique results-sheet names): 1 sync. */
async function sheetNames(run: ExcelRun): Promise<string[]> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.load("items/name");
    await context.sync();
    return ws.items.map((w) => w.name);
  });
}

/**
 * A new named analysis with its own results sheet ("Sammenligning – <navn>", unique among the workbook's
 * sheets, so nothing is overwritten); refuses a name in use (ANALYSIS_EXISTS). 3 syncs.
 */
export async function createAnalysis(run: ExcelRun, name: string, settings: ComparisonSettings): Promise<AnalysisCollection> {
  const c = await loadAnalyses(run);
  return saveAnalyses(run, addAnalysis(c, name, settings, await sheetNames(run)));
}

/** Copies analysis `from` as `name` (settings and source; a results sheet of its own). */
export async function duplicateAnalysis(run: ExcelRun, from: string, name: string): Promise<AnalysisCollection> {
  const c = await loadAnalyses(run);
  const src = c?.analyses.find((a) => analysisName(a) === from);
  if (!c || !src) throw missingAnalysis(from);
  const { resultSheet: _drop, ...copy } = src;
  return saveAnalyses(run, addAnalysis(c, name, copy, await sheetNames(run)));
}

export async function renameStoredAnalysis(run: ExcelRun, from: string, to: string): Promise<AnalysisCollection> {
  const c = await loadAnalyses(run);
  if (!c) throw missingAnalysis(from);
  return saveAnalyses(run, renameAnalysis(c, from, to));
}

/** Deletes an analysis's settings; its results sheet stays (the pane says so). */
export async function deleteAnalysis(run: ExcelRun, name: string): Promise<AnalysisCollection | null> {
  const c = await loadAnalyses(run);
  if (!c) return null;
  const next = removeAnalysis(c, name);
  if (next.analyses.length === 0) {
    await deleteComparisonSettings(run);
    return null;
  }
  return saveAnalyses(run, next);
}

/** Makes `name` the analysis the pane opens with. */
export async function setActiveAnalysis(run: ExcelRun, name: string): Promise<AnalysisCollection> {
  const c = await loadAnalyses(run);
  if (!c || !c.analyses.some((a) => analysisName(a) === name)) throw missingAnalysis(name);
  return saveAnalyses(run, { ...c, active: name });
}

function missingAnalysis(name: string): VirkningError {
  return new VirkningError("ANALYSIS_MISSING", `Analysen "${name}" findes ikke længere.`, `The analysis "${name}" no longer exists.`);
}

/** Writes (or replaces) the results sheet; refuses a user sheet with the same name. renderSheets' budget (4 new / 5 regenerated). */
export async function writeComparison(run: ExcelRun, spec: SheetSpec): Promise<void> {
  await renderSheets(run, [spec]);
}

export interface ComparisonRerun {
  /** The data as read now (the extent may have grown since the settings were stored). */
  input: ComparisonInput;
  result: ComparisonResult;
  /** The settings as run: columns found again by header (see core/analysis/rerun.ts), range and header as read now. */
  used: ComparisonSettings;
  /** What to store after this run: `used` with only the labels present in the data and the record of this run. */
  settings: ComparisonSettings;
  /** Columns found at another position than stored. */
  moved: ColumnMove[];
  /** With the groups from "Randomisering": the join (its mismatch counts; never IDs). */
  trial?: TrialJoin;
  /** With the groups from "Randomisering": the allocation table as read (the run's record covers it), else null. */
  trialTable: TrialTable | null;
}

/**
 * The settings' data joined to the "Randomisering" sheet when they take the groups from it (core trial.ts;
 * 2 + 1 + chunks syncs), else null.
 */
export async function joinTrial(run: ExcelRun, input: ComparisonInput, used: ComparisonSettings): Promise<TrialJoin | null> {
  return (await readAndJoinTrial(run, input, used))?.join ?? null;
}

/** joinTrial with the allocation table as read (the run's record covers it: core/analysis/rerun.ts). */
async function readAndJoinTrial(run: ExcelRun, input: ComparisonInput, used: ComparisonSettings): Promise<{ join: TrialJoin; table: TrialTable } | null> {
  if (!used.randomisation) return null;
  const table = await readTrialTable(run);
  return { join: joinRandomisation(input, used, table), table };
}

/**
 * Outcomes taken from the programme theory get the names the theory has now (a slutmål or delmål renamed
 * since). Reads the theory only when an outcome came from it (1 + chunks syncs); a theory that cannot be
 * read leaves the names as stored (the comparison does not depend on it).
 */
async function withTheoryNames(run: ExcelRun, settings: ComparisonSettings, given?: ProgrammeTheory | null): Promise<ComparisonSettings> {
  if (!settings.outcomes.some((o) => o.source)) return settings;
  let theory = given;
  if (theory === undefined) {
    try {
      theory = (await loadTheory(run))?.theory ?? null;
    } catch (e) {
      if (e instanceof VirkningError) return settings;
      throw e;
    }
  }
  return theory ? { ...settings, outcomes: outcomeNamesFromTheory(settings.outcomes, theory) } : settings;
}

/**
 * The one way a saved analysis is run again, without writing: reads the settings' source again (1 + chunks
 * syncs), finds the columns again by header (refusing with COLUMNS_CHANGED when unsure) and runs the
 * analysis, outcomes from the theory under its current names (withTheoryNames). Used by "Kør igen"
 * (runAndWriteComparison) and by the leader page (summaryStore). Bad input (a VirkningValidationError
 * naming sheet and cell, or CPR_FOUND) is thrown. `onRead` receives the fresh data even when the analysis
 * then refuses it.
 */
export async function rerunComparison(
  run: ExcelRun,
  settings: ComparisonSettings,
  options: {
    now?: Date;
    onRead?: (input: ComparisonInput) => void;
    /** How to compute (default runComparison here; the pane passes one that runs in a Web Worker). */
    compute?: (input: ComparisonInput, settings: ComparisonSettings, now: Date) => Promise<ComparisonResult>;
    /** The programme theory when the caller has read it already (null: none); else it is read when needed. */
    theory?: ProgrammeTheory | null;
  } = {},
): Promise<ComparisonRerun> {
  const input = await readSource(run, settings.source);
  options.onRead?.(input);
  const { settings: forData, moved } = settingsForData(settings, input);
  const used = await withTheoryNames(run, forData, options.theory);
  const now = options.now ?? new Date();
  // groups from "Randomisering": the analysis runs on the data joined to it by ID (in memory only)
  const joined = await readAndJoinTrial(run, input, used);
  const trial = joined?.join;
  const runInput = trial?.input ?? input;
  const runSettings = trial?.settings ?? used;
  const computed = options.compute ? await options.compute(runInput, runSettings, now) : runComparison(runInput, runSettings, now);
  const result = trial ? { ...computed, header: { ...computed.header, dataRange: `${quoteSheet(input.sheet)}!${input.address}` }, notes: [...trialNotes(trial, used), ...computed.notes] } : computed;
  const trialTable = joined?.table ?? null;
  return { input, result, used, settings: withRunRecord(keepPresentLabels(used, input), input, now, trialTable), moved, trialTable, ...(trial ? { trial } : {}) };
}

export interface ComparisonRun {
  /** The data as read now (the extent may have grown since the settings were stored). */
  input: ComparisonInput;
  result: ComparisonResult;
  spec: SheetSpec;
  /** The settings to store: as run (columns found again by header, range and header as read now), with the record of this run. */
  settings: ComparisonSettings;
  /** Columns found at another position than stored. */
  moved: ColumnMove[];
  /** With the groups from "Randomisering": the join (its mismatch counts; never IDs). */
  trial?: TrialJoin;
}

/**
 * "Beregn" / "Kør igen": rerunComparison, then writes the results sheet (at most 5 syncs). Nothing is
 * written when the data or settings are refused.
 */
export async function runAndWriteComparison(
  run: ExcelRun,
  settings: ComparisonSettings,
  options: {
    lang: "da" | "en";
    now?: Date;
    onRead?: (input: ComparisonInput) => void;
    /** How to compute (default runComparison here; the pane passes one that runs in a Web Worker). */
    compute?: (input: ComparisonInput, settings: ComparisonSettings, now: Date) => Promise<ComparisonResult>;
  } = { lang: "da" },
): Promise<ComparisonRun> {
  const r = await rerunComparison(run, settings, options);
  const spec = comparisonSheetSpec(r.result, options.lang, { sheetName: resultSheetOf(settings), nameScope: settings.name ? nameScope(settings.name) : "" });
  await writeComparison(run, spec);
  return { input: r.input, result: r.result, spec, settings: r.settings, moved: r.moved, ...(r.trial ? { trial: r.trial } : {}) };
}
