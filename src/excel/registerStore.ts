/**
 * Workbook I/O of the Registeropfølgning (issue 24): read the weekly sheet through the one chunked reader
 * (read.ts), read the user's classes on "Statuskoder", find the start week (the data, the randomisation's
 * date, or one date for all), analyse (core/register/run.ts; in the pane's Web Worker when the pane passes
 * `compute`), write "Statuskoder" and "Registeropfølgning" in one transactional render (render.ts), and keep
 * the settings with a record of the run (saveState, through the personal-data gate).
 *
 * "Kør igen" is the same call with the stored settings: the header row and the columns are found again by
 * header text, so a column inserted into the data moves nothing; a column that is gone or found twice is
 * refused with a message naming it. Nothing is written when the data, the classes or the settings are
 * refused. Sync budget: source 1 + chunks; Statuskoder 2 (owned sheets) + 1 + chunks when it exists;
 * render (renderSheets' budget for two sheets); settings 1.
 */
import { VirkningError, VirkningValidationError } from "../core/errors";
import { headerKey } from "../core/analysis/columns";
import type { CellScalar } from "../core/report/sheetSpec";
import { buildRegisterSheet, REGISTER_SHEET_NAME } from "../core/register/sheet";
import { mappingSheetSpec, parseMappingSheet, unmappedLabels, mappingRows, MAPPING_SHEET_NAME } from "../core/register/mappingSheet";
import { runRegisterCore, type RegisterRunInput, type RegisterRunOutput } from "../core/register/run";
import { parseRegisterSettings, type RegisterSettings } from "../core/register/settings";
import { weeklyHeader, weekIndex, type WeeklyHeader } from "../core/register/layout";
import type { WeekClass } from "../core/register/weekly";
import type { SheetSpec } from "../core/report/sheetSpec";
import type { ExcelRun } from "./host";
import { readRange, readUsedRange } from "./read";
import { renderSheets } from "./render";
import { loadState, ownedSheetNames, refusePersonalDataInState, saveState } from "./state";
import { loadDesignSettings, readTrialMembers } from "./designStore";

export const REGISTER_STATE_KEY = "virkning.register";
export { REGISTER_SHEET_NAME, MAPPING_SHEET_NAME };

/** Rows searched for the header row. */
const HEADER_SEARCH_ROWS = 30;

export interface WeeklySource {
  sheet: string;
  /** From the header row down (header first). */
  cells: CellScalar[][];
  /** Where cells[0][0] is on the sheet (0-based). */
  at: { row: number; column: number };
}

function emptySheet(sheet: string): VirkningError {
  return new VirkningError("REG_EMPTY", `Arket "${sheet}" er tomt. Vælg arket med ugedata.`, `The sheet "${sheet}" is empty. Choose the sheet with the weekly data.`, { sheet });
}

function noHeader(sheet: string, what: string, whatEn: string): VirkningError {
  return new VirkningError(
    "REG_NO_HEADER",
    `Arket "${sheet}" har ingen overskriftsrække med ${what} i de første ${HEADER_SEARCH_ROWS} rækker. Ugedata skal have én række med kolonnenavne (fx ID, Gruppe, 2024-W01, 2024-W02, …) øverst.`,
    `The sheet "${sheet}" has no header row with ${whatEn} in its first ${HEADER_SEARCH_ROWS} rows. Weekly data need one row of column names (e.g. ID, Gruppe, 2024-W01, 2024-W02, …) at the top.`,
    { sheet },
  );
}

/** A header row that looks like weekly data: an ID column and week columns, or the long layout's columns. */
function looksWeekly(row: CellScalar[]): WeeklyHeader | null {
  const h = weeklyHeader(row);
  return h.columns.id >= 0 && (h.layout === "long" || h.weekColumns.length > 0) ? h : null;
}

/** What the pane shows about a sheet before anything is run: header row, layout and the columns found by header text. */
export interface WeeklySheetInfo {
  sheet: string;
  /** 0-based row of the header on the sheet. */
  headerRow: number;
  header: string[];
  found: WeeklyHeader;
}

/** The header row of `sheet` and the columns found in it (reads the first rows only: 1 + 1 syncs). */
export async function inspectWeeklySheet(run: ExcelRun, sheet: string): Promise<WeeklySheetInfo> {
  const r = await readRange(run, sheet, `1:${HEADER_SEARCH_ROWS}`);
  if (r.values.length === 0) throw emptySheet(sheet);
  for (let i = 0; i < r.values.length; i++) {
    const found = looksWeekly(r.values[i]);
    if (!found) continue;
    const pad = new Array<CellScalar>(r.columnIndex).fill(null);
    const row = [...pad, ...r.values[i]];
    return { sheet, headerRow: r.rowIndex + i, header: row.map((v) => (v === null ? "" : String(v).trim())), found: weeklyHeader(row) };
  }
  throw noHeader(sheet, "et ID og ugekolonner", "an ID and week columns");
}

/** The weekly sheet from the header row down (the row holding the settings' ID header): 1 + chunks syncs. */
export async function readWeeklySource(run: ExcelRun, settings: RegisterSettings): Promise<WeeklySource> {
  const { sheet } = settings.source;
  const r = await readUsedRange(run, sheet);
  if (r.values.length === 0) throw emptySheet(sheet);
  const idKey = headerKey(settings.columns.id);
  const h = r.values.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.some((v) => headerKey(v) === idKey));
  if (h < 0) throw noHeader(sheet, `kolonnen "${settings.columns.id}"`, `the column "${settings.columns.id}"`);
  // cells from column A, so that column letters in messages are the sheet's own
  const pad = new Array<CellScalar>(r.columnIndex).fill(null);
  const cells = r.values.slice(h).map((row) => (r.columnIndex ? [...pad, ...row] : row));
  return { sheet, cells, at: { row: r.rowIndex + h, column: 0 } };
}

/** The user's classes on "Statuskoder" (when the add-in made it), else null. Problems name their cells. */
export async function readMappingSheet(run: ExcelRun): Promise<Record<string, WeekClass> | null> {
  const { owned } = await run((context) => ownedSheetNames(context));
  if (!owned.has(MAPPING_SHEET_NAME)) return null;
  const r = await readUsedRange(run, MAPPING_SHEET_NAME);
  const fromA1 = [...Array.from({ length: r.rowIndex }, () => [] as CellScalar[]), ...r.values.map((row) => [...new Array<CellScalar>(r.columnIndex).fill(null), ...row])];
  const parsed = parseMappingSheet(fromA1);
  if (parsed.problems.length > 0) throw new VirkningValidationError(parsed.problems);
  return parsed.mapping;
}

/** An ISO time as an Excel date serial (days since 1899-12-30). */
const serialOf = (iso: string): number => Date.parse(iso) / 86_400_000 + 25_569;

/** One start week for all from the start rule (undefined: from the data). */
export async function startOf(run: ExcelRun, settings: RegisterSettings): Promise<CellScalar | undefined> {
  const s = settings.start;
  if (s.rule === "data") return undefined;
  if (s.rule === "date") {
    if (weekIndex(s.date) === null) {
      throw new VirkningError("REG_START_DATE", `Startdatoen "${s.date}" kan ikke læses. Skriv en dato (dd-mm-åååå) eller en uge (fx 2024-W05).`, `The start date "${s.date}" cannot be read. Enter a date (dd-mm-yyyy) or a week (e.g. 2024-W05).`);
    }
    return s.date;
  }
  await readTrialMembers(run); // refuses with a Danish message when there is no "Randomisering" made by Virkning
  const design = await loadDesignSettings(run);
  if (!design?.createdAt) {
    throw new VirkningError("REG_NO_RANDOMISATION_DATE", `Randomiseringens dato findes ikke i projektmappen. Randomisér under Forsøgsdesign, eller vælg en anden startuge.`, `The randomisation's date is not in the workbook. Randomise under Trial design, or choose another start week.`);
  }
  return serialOf(design.createdAt);
}

/** Stored settings (schema-checked; SETTINGS_INVALID names the fields), or null when there are none. 1 sync. */
export async function loadRegisterSettings(run: ExcelRun): Promise<RegisterSettings | null> {
  const v = await loadState<unknown>(run, REGISTER_STATE_KEY);
  if (v === undefined) return null;
  const parsed = parseRegisterSettings(v);
  if (!parsed.ok) throw parsed.error;
  return parsed.settings;
}

/** Stores the settings through the personal-data gate, after checking them against the schema. 1 sync. */
export async function saveRegisterSettings(run: ExcelRun, settings: RegisterSettings): Promise<void> {
  const parsed = parseRegisterSettings(settings);
  if (!parsed.ok) throw parsed.error;
  await saveState(run, REGISTER_STATE_KEY, parsed.settings);
}

export type RegisterCompute = (input: RegisterRunInput) => Promise<RegisterRunOutput>;

export interface RegisterRun {
  output: RegisterRunOutput;
  /** What was stored: the settings as run, the user's classes and the record of this run. */
  settings: RegisterSettings;
  /** Labels in the data without a class of the user's (the suggestion was used). */
  unmapped: string[];
  specs: SheetSpec[];
}

/**
 * Read everything the run needs and analyse, without writing (the Overblik's freshness check and the
 * bench use this): source, the user's classes, the start week.
 */
export async function readAndAnalyse(run: ExcelRun, settings: RegisterSettings, compute?: RegisterCompute): Promise<{ input: RegisterRunInput; output: RegisterRunOutput }> {
  const source = await readWeeklySource(run, settings);
  const mapping = (await readMappingSheet(run)) ?? settings.mapping;
  const start = await startOf(run, settings);
  const input: RegisterRunInput = { ...source, settings, mapping, ...(start !== undefined ? { start } : {}) };
  const output = compute ? await compute(input) : runRegisterCore(input);
  return { input, output };
}

/**
 * "Beregn" / "Kør igen": readAndAnalyse, then "Statuskoder" and "Registeropfølgning" in one render, then
 * the settings. Nothing is written when anything is refused (the settings are checked by the personal-data
 * gate before the render, so a refused save cannot leave new sheets behind).
 */
export async function runAndWriteRegister(run: ExcelRun, settings: RegisterSettings, opts: { now?: Date; lang?: "da" | "en"; compute?: RegisterCompute } = {}): Promise<RegisterRun> {
  const now = opts.now ?? new Date();
  const { input, output } = await readAndAnalyse(run, settings, opts.compute);
  const stored: RegisterSettings = { ...settings, mapping: input.mapping, lastRun: { at: now.toISOString(), fingerprint: output.fingerprint } };
  const parsed = parseRegisterSettings(stored);
  if (!parsed.ok) throw parsed.error;
  refusePersonalDataInState(REGISTER_STATE_KEY, parsed.settings);
  const rows = mappingRows(output.labels, input.mapping);
  const unmapped = unmappedLabels(rows);
  const r = output.result;
  const registerSpec = buildRegisterSheet({
    result: r,
    options: { windows: settings.windows, spellWeeks: r.spellWeeks, tau: r.tau, ...(settings.durable ? { durable: settings.durable } : {}) },
    source: { sheet: settings.source.sheet, layout: output.layout, citizens: output.citizens, unobserved: r.unobserved, unknownGroup: output.unknownGroup, unmappedLabels: unmapped.length },
    sheetName: REGISTER_SHEET_NAME,
    madeAt: now,
    stratified: settings.columns.stratum !== undefined,
    lang: opts.lang ?? "da",
  });
  const specs = [mappingSheetSpec(output.labels, input.mapping), { ...registerSpec, activate: true }];
  await renderSheets(run, specs);
  await saveState(run, REGISTER_STATE_KEY, parsed.settings);
  return { output, settings: parsed.settings, unmapped, specs };
}

export type RegisterFreshness = { status: "none" } | { status: "ok" | "stale"; ranAt: string | null };

/** Whether the stored run still describes the data (for the Overblik): reads and analyses again, writes nothing. */
export async function registerFreshness(run: ExcelRun): Promise<RegisterFreshness> {
  const settings = await loadRegisterSettings(run);
  if (!settings) return { status: "none" };
  if (!settings.lastRun) return { status: "stale", ranAt: null };
  const { output } = await readAndAnalyse(run, settings);
  return { status: output.fingerprint === settings.lastRun.fingerprint ? "ok" : "stale", ranAt: settings.lastRun.at };
}
