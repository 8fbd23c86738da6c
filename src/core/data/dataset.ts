/**
 * Typed dataset from a 2-D cell array (header row + data rows), in wide layout (one row per citizen, one
 * status column per time point) or long layout (one row per citizen and time point: ID, time, status).
 * Both layouts give the same citizen-level shape, so the analysis does not know which one it came from.
 *
 * One pass over the rows; values are interned (statuses, group labels, categories) so that a million rows
 * cost a few typed arrays, not a million objects. Problems are collected (capped), each a VirkningError
 * with a Danish message naming sheet and cell. A CPR number anywhere in the range stops everything.
 */
import { VirkningError, VirkningValidationError } from "../errors";
import { cellAddress, parseRange } from "../report/address";
import { CprColumnRule, cellHasCpr, classifyCpr } from "./cpr";
import { mapGroupLabel, type Arm } from "./groups";
import { MAX_CATEGORY_LEVELS, parseMonthValue, type BaselineType } from "./header";
import { cellText, isBlank, isDateFormat, isExcelError, normaliseKey, setOwn, parseDanishDateText, parseDanishNumber, type CellValue } from "./values";

export interface DatasetInput {
  sheet: string;
  /** Top-left cell of the range (the header row), or the whole range "A1:N61". */
  address: string;
  header: CellValue[];
  rows: CellValue[][];
  /** Merged areas in or near the range, as the reader found them ("B5:B6" or "Borgere!B5:B6"). */
  mergedAreas?: string[];
  /**
   * Excel number formats of `rows` (same shape), when the reader has them. A number in a date format is an
   * Excel date (serial number); without formats, numbers are numbers and only date texts make a date column.
   */
  numberFormats?: string[][];
  /**
   * When some rows of the range were left out (the comparison from "Randomisering" leaves out citizens not
   * in the trial): the offset below the header on the sheet of each of `rows` (0 = the first row below the
   * header), so that messages still name the right cell. Absent: `rows` are the range's rows in order.
   */
  rowNumbers?: number[];
}

/** The sheet offset below the header of data row `r` (see DatasetInput.rowNumbers). */
export function sheetRowOf(input: DatasetInput, r: number): number {
  return input.rowNumbers?.[r] ?? r;
}

export interface DatasetColumns {
  layout: "wide" | "long";
  id: number;
  group: number;
  baseline: { column: number; type: BaselineType }[];
  timepoints: { column: number; month: number }[];
  long?: { time: number; status: number };
}

export type StatusClass = "valid" | "notFollowedUp" | "movedAway" | "excluded";

export interface DatasetOptions {
  groupMap?: Record<string, Arm>;
  /** When given, every status found must be classified (keys are matched after normalisation). */
  statusClasses?: Record<string, StatusClass>;
  /** Columns the user confirmed hold no CPR numbers ("ikke CPR-numre"): not checked. */
  notCpr?: number[];
}

export interface LabelCount {
  /** As first written in the data (trimmed). */
  label: string;
  /** Normalised key (see normaliseKey). */
  key: string;
  count: number;
  /** First cell where it occurs, e.g. "Borgere!B7". */
  firstCell: string;
}

export interface GroupLabelCount extends LabelCount {
  arm: Arm | null;
}

export type BaselineColumn =
  | { column: number; name: string; type: "categorical"; levels: LabelCount[]; codes: Int32Array }
  | { column: number; name: string; type: "continuous"; values: Float64Array; isDate: boolean };

export interface Timepoint {
  month: number;
  /** Column header (wide layout) or the time value (long layout). */
  label: string;
  /** Status index per citizen (into Dataset.statuses); -1 when blank / no row. */
  codes: Int16Array;
}

export interface Dataset {
  sheet: string;
  layout: "wide" | "long";
  /** "Borgere!A1:N61": header plus the data rows used (trailing blank rows left out). */
  rangeAddress: string;
  /** Non-blank data rows below the header. */
  rowCount: number;
  citizens: number;
  /** 0-based data row (below the header) of each citizen's first row. */
  citizenRow: Int32Array;
  /** 0 = intervention, 1 = control, 255 = unknown (then there is a problem). */
  arm: Uint8Array;
  armCounts: [number, number];
  groupLabels: GroupLabelCount[];
  statuses: LabelCount[];
  timepoints: Timepoint[];
  baseline: BaselineColumn[];
}

export interface DatasetRead {
  dataset: Dataset;
  problems: VirkningError[];
}

/** Per-cell problems kept before "… og N flere" is added. */
export const MAX_PROBLEMS = 50;

/** "Borgere!A17", quoting sheet names with spaces or punctuation ('Mine data'!A17). */
export function sheetCell(sheet: string, row: number, column: number): string {
  return `${quoteSheet(sheet)}!${cellAddress(row, column)}`;
}

export function quoteSheet(sheet: string): string {
  return /^[A-Za-z0-9_ÆØÅæøå]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function q(s: string): string {
  return `"${s}"`;
}

class Collector {
  readonly list: VirkningError[] = [];
  extra = 0;
  constructor(private readonly sheet: string) {}
  add(code: string, da: string, en: string, cell?: string): void {
    if (this.list.length >= MAX_PROBLEMS) {
      this.extra++;
      return;
    }
    this.list.push(new VirkningError(code, da, en, { sheet: this.sheet, cell }));
  }
  /** Summary problems (unmapped labels, unclassified statuses) are never dropped by the cap. */
  addAlways(code: string, da: string, en: string, cell?: string): void {
    this.list.push(new VirkningError(code, da, en, { sheet: this.sheet, cell }));
  }
  finish(): VirkningError[] {
    if (this.extra > 0) {
      this.list.push(
        new VirkningError(
          "MORE_PROBLEMS",
          `… og ${this.extra} flere problemer af samme slags (ikke vist). Ret dem ovenfor, og kør igen for at se resten.`,
          `… and ${this.extra} more problems of the same kind (not shown). Fix those above and run again to see the rest.`,
          { sheet: this.sheet },
        ),
      );
    }
    return this.list;
  }
}

/** CPR_FOUND, with the columns that hold them (so the pane can offer "ikke CPR-numre" per column). */
export class CprFoundError extends VirkningError {
  constructor(
    sheet: string,
    cells: string[],
    total: number,
    /** 0-based columns (within the range) and their header text. */
    readonly columns: { column: number; name: string }[],
  ) {
    const shown = cells.join(", ");
    const more = total > cells.length ? ` og ${total - cells.length} flere celler` : "";
    const moreEn = total > cells.length ? ` and ${total - cells.length} more cells` : "";
    super(
      "CPR_FOUND",
      `Dataområdet indeholder noget, der ligner CPR-numre (${shown}${more}). CPR-numre er personoplysninger og må ikke ligge i analysearbejdsbogen (databeskyttelse). Virkning analyserer ikke data, før de er fjernet: erstat CPR-nummeret med et pseudonym-ID (fx et løbenummer), og gem nøglen mellem CPR-nummer og pseudonym et sikkert sted uden for arbejdsbogen.`,
      `The data range contains what look like CPR numbers (${shown}${moreEn}). CPR numbers are personal data and must not be in the analysis workbook (data protection). Virkning will not analyse the data until they are removed: replace each CPR number with a pseudonym ID (e.g. a running number) and keep the key between CPR number and pseudonym in a safe place outside the workbook.`,
      { sheet, cell: cells[0]?.replace(/^.*!/, "") },
    );
  }
}

/**
 * Throws CprFoundError (code CPR_FOUND) when any cell of header or rows holds a CPR number (see cpr.ts for
 * the forms and the column rule for bare numbers). Columns in `notCpr` (confirmed by the user) are skipped.
 */
export function assertNoCpr(input: DatasetInput, notCpr: number[] = []): void {
  const cpr = new CprNotes(input, notCpr);
  const rows = input.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) cpr.check(row[c], r, c);
  }
  cpr.throwIfAny();
}

/** Any decimal digit, also full-width and other compatibility digits (the detector reads them as digits). */
const HAS_DIGIT = /\p{Nd}/u;

/** CPR numbers found: strong forms at once, bare candidates per column until the column rule is applied. */
class CprNotes {
  private readonly strong: { row: number; column: number }[] = [];
  private readonly bare = new Map<number, CprColumnRule>();
  private readonly skip: Set<number>;
  private readonly origin: { row: number; column: number };
  constructor(
    private readonly input: DatasetInput,
    notCpr: number[],
  ) {
    this.skip = new Set(notCpr);
    this.origin = parseRange(input.address);
    const h = input.header;
    for (let c = 0; c < h.length; c++) if (!this.skip.has(c) && cellHasCpr(h[c])) this.strong.push({ row: -1, column: c });
  }
  /** A data cell (r = 0 is the first row below the header). */
  check(v: CellValue | undefined, r: number, c: number): void {
    // hot path (every cell of a million rows): reject by type, size and "no digit at all" before classifying
    if (typeof v === "number") {
      if (v < 1e8 || v >= 1e10) return;
    } else if (typeof v !== "string" || v.length < 9 || !HAS_DIGIT.test(v)) return;
    const k = classifyCpr(v);
    if (k.kind === "none" || this.skip.has(c)) return;
    if (k.kind === "strong") this.strong.push({ row: r, column: c });
    else {
      let rule = this.bare.get(c);
      if (!rule) this.bare.set(c, (rule = new CprColumnRule()));
      rule.add(r, k.ddmm);
    }
  }
  throwIfAny(): void {
    const found = [...this.strong];
    for (const [column, rule] of this.bare) for (const row of rule.flagged()) found.push({ row, column });
    if (found.length === 0) return;
    found.sort((a, b) => a.row - b.row || a.column - b.column);
    const { sheet, header } = this.input;
    const cells = found.slice(0, 10).map((f) => sheetCell(sheet, this.origin.row + (f.row < 0 ? 0 : 1 + sheetRowOf(this.input, f.row)), this.origin.column + f.column));
    const cols = [...new Set(found.map((f) => f.column))].sort((a, b) => a - b);
    throw new CprFoundError(sheet, cells, found.length, cols.map((column) => ({ column, name: cellText(header[column]) || `Kolonne ${column + 1}` })));
  }
}

function rangesIntersect(a: { row: number; column: number; rowCount: number; columnCount: number }, b: typeof a): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

interface CatBuild {
  column: number;
  name: string;
  raw: Map<CellValue, number>;
  keys: Map<string, number>;
  levels: LabelCount[];
  codes: Int32Array;
  cacheKeys: CellValue[];
  cacheCodes: number[];
}

/** Unmapped group labels and unclassified statuses listed one by one; the rest are summed up in one line. */
const MAX_LISTED = 20;

/** Status codes are stored as 16-bit integers. */
const MAX_STATUSES = 32767;

/**
 * Without number formats, a number in a column that also has date texts is taken as an Excel date (serial
 * number), unless it is below this serial (01-01-1910): then it is a plain number (an age, a count) mixed
 * with dates, and reported.
 */
const OLDEST_DATE_SERIAL = 3654;

/** Distinct values per column kept in the linear inline cache before the Map. */
const INLINE_CACHE = 16;

interface ConBuild {
  column: number;
  name: string;
  values: Float64Array;
  isDate: boolean;
  /** First cell with a date (text or date-formatted number) and first number not formatted as a date (when formats are known). */
  firstDate: string | null;
  firstPlain: string | null;
}

/**
 * ID → row. Whole-number IDs below a bound go into a typed array (a Map of a million keys is slow to grow);
 * text IDs and other numbers use a Map. The number 17 and the text "17" are different IDs.
 */
class IdIndex {
  private readonly dense: Int32Array;
  private readonly map = new Map<string | number, number>();
  constructor(rows: number) {
    this.dense = new Int32Array(Math.min(2 * rows + 1024, 1 << 23));
  }
  get(key: string | number): number | undefined {
    if (typeof key === "number" && key >= 0 && key < this.dense.length && Number.isInteger(key)) {
      const v = this.dense[key];
      return v === 0 ? undefined : v - 1;
    }
    return this.map.get(key);
  }
  set(key: string | number, value: number): void {
    if (typeof key === "number" && key >= 0 && key < this.dense.length && Number.isInteger(key)) this.dense[key] = value + 1;
    else this.map.set(key, value);
  }
}

// ---------------------------------------------------------------------------------------------
// The passes of readDataset. Each takes the shared context and adds its problems to `P`.

/** What every pass needs: where the data are, how to name a cell, and the problem list. */
interface Ctx {
  input: DatasetInput;
  columns: DatasetColumns;
  sheet: string;
  origin: { row: number; column: number };
  header: CellValue[];
  rows: CellValue[][];
  width: number;
  /** Data rows up to the last non-blank one. */
  nRows: number;
  rangeAddress: string;
  P: Collector;
  /** "Borgere!B7" of data row r (0 = first row below the header), column c. */
  at: (r: number, c: number) => string;
  atHeader: (c: number) => string;
}

const local = (full: string): string => full.replace(/^.*!/, "");

function makeCtx(input: DatasetInput, columns: DatasetColumns): Ctx {
  const sheet = input.sheet;
  const origin = parseRange(input.address);
  const rows = input.rows;
  let width = input.header.length;
  for (let r = 0; r < rows.length; r++) if (rows[r].length > width) width = rows[r].length;
  // Trailing blank rows are not data (a used range often ends with some).
  let lastRow = rows.length - 1;
  while (lastRow >= 0 && rows[lastRow].every((v) => isBlank(v))) lastRow--;
  const nRows = lastRow + 1;
  // the last data row's offset on the sheet (rows may have been left out: DatasetInput.rowNumbers)
  const sheetRows = nRows === 0 ? 0 : sheetRowOf(input, nRows - 1) + 1;
  return {
    input,
    columns,
    sheet,
    origin,
    header: input.header,
    rows,
    width,
    nRows,
    rangeAddress: `${quoteSheet(sheet)}!${cellAddress(origin.row, origin.column)}:${cellAddress(origin.row + sheetRows, origin.column + Math.max(width, 1) - 1)}`,
    P: new Collector(sheet),
    at: (r, c) => sheetCell(sheet, origin.row + 1 + sheetRowOf(input, r), origin.column + c),
    atHeader: (c) => sheetCell(sheet, origin.row, origin.column + c),
  };
}

function emptyDataset(x: Ctx): Dataset {
  return {
    sheet: x.sheet,
    layout: x.columns.layout,
    rangeAddress: x.rangeAddress,
    rowCount: 0,
    citizens: 0,
    citizenRow: new Int32Array(0),
    arm: new Uint8Array(0),
    armCounts: [0, 0],
    groupLabels: [],
    statuses: [],
    timepoints: [],
    baseline: [],
  };
}

interface RoleColumn {
  col: number;
  what: string;
  whatEn: string;
}

/** Roles pass: the settings refer to columns that exist, each used once. Returns the role columns. */
function rolesPass(x: Ctx): RoleColumn[] {
  const { columns, P } = x;
  const roleCols: RoleColumn[] = [
    { col: columns.id, what: "ID", whatEn: "ID" },
    { col: columns.group, what: "gruppe", whatEn: "group" },
    ...columns.baseline.map((b) => ({ col: b.column, what: "baggrundsvariabel", whatEn: "baseline variable" })),
  ];
  if (columns.layout === "long") {
    if (!columns.long) {
      P.addAlways("SETTINGS_LONG", "Langt format er valgt, men kolonnerne for tid og status er ikke angivet. Vælg dem i opsætningen.", "Long layout is selected but the time and status columns are not set. Choose them in the setup.");
      return roleCols;
    }
    roleCols.push({ col: columns.long.time, what: "tid", whatEn: "time" }, { col: columns.long.status, what: "status", whatEn: "status" });
  } else {
    for (const t of columns.timepoints) roleCols.push({ col: t.column, what: `status ${t.month} mdr.`, whatEn: `status ${t.month} months` });
    if (columns.timepoints.length === 0) {
      P.addAlways("SETTINGS_NO_TIMEPOINTS", "Der er ikke valgt nogen statuskolonner (tidspunkter). Vælg mindst én kolonne med status ved et opfølgningstidspunkt.", "No status columns (time points) are selected. Choose at least one column with the status at a follow-up time.");
    }
    const months = new Set<number>();
    for (const t of columns.timepoints) {
      if (months.has(t.month)) P.addAlways("SETTINGS_DUPLICATE_MONTH", `To statuskolonner har samme tidspunkt (${t.month} mdr.). Giv hver kolonne sit eget tidspunkt.`, `Two status columns have the same time point (${t.month} months). Give each column its own time point.`, local(x.atHeader(t.column)));
      months.add(t.month);
    }
  }
  const seenCols = new Map<number, string>();
  for (const rc of roleCols) {
    if (!Number.isInteger(rc.col) || rc.col < 0 || rc.col >= x.width) {
      P.addAlways("SETTINGS_COLUMN", `Kolonnen for ${rc.what} (nr. ${rc.col + 1}) ligger uden for dataområdet ${x.rangeAddress}. Vælg kolonnerne igen.`, `The ${rc.whatEn} column (no. ${rc.col + 1}) is outside the data range ${x.rangeAddress}. Choose the columns again.`);
    } else if (seenCols.has(rc.col)) {
      P.addAlways("SETTINGS_COLUMN_TWICE", `Kolonne ${x.atHeader(rc.col)} er valgt både som ${seenCols.get(rc.col)} og som ${rc.what}. En kolonne kan kun have én rolle.`, `Column ${x.atHeader(rc.col)} is chosen both as ${seenCols.get(rc.col)} and as ${rc.whatEn}. A column can have only one role.`, local(x.atHeader(rc.col)));
    } else seenCols.set(rc.col, rc.what);
  }
  return roleCols;
}

/** Merged cells: a merged area inside the data makes the values under it blank. */
function mergedPass(x: Ctx): void {
  const dataRange = { row: x.origin.row, column: x.origin.column, rowCount: x.nRows + 1, columnCount: x.width };
  for (const area of x.input.mergedAreas ?? []) {
    let ref;
    try {
      ref = parseRange(area);
    } catch {
      continue;
    }
    if (!rangesIntersect(ref, dataRange)) continue;
    const a = area.replace(/^.*!/, "");
    x.P.add("MERGED_CELLS", `Cellerne ${quoteSheet(x.sheet)}!${a} er flettet. Flettede celler i data gør, at værdier mangler i nogle rækker. Ophæv fletningen, og skriv værdien i hver celle.`, `The cells ${quoteSheet(x.sheet)}!${a} are merged. Merged cells in the data leave values missing in some rows. Unmerge them and write the value in every cell.`, a.split(":")[0]);
  }
}

/** Header pass: duplicate column names. */
function headerPass(x: Ctx): void {
  const headerKeys = new Map<string, number>();
  for (let c = 0; c < x.header.length; c++) {
    const k = normaliseKey(x.header[c]);
    if (k.length === 0) continue;
    const prev = headerKeys.get(k);
    if (prev !== undefined) {
      const name = q(cellText(x.header[c]));
      x.P.add("DUPLICATE_COLUMN_NAME", `Kolonnenavnet ${name} står to gange i overskriftsrækken: ${x.atHeader(prev)} og ${x.atHeader(c)}. Giv kolonnerne forskellige navne.`, `The column name ${name} appears twice in the header row: ${x.atHeader(prev)} and ${x.atHeader(c)}. Give the columns different names.`, local(x.atHeader(c)));
    } else headerKeys.set(k, c);
  }
}

/** Excel error values found by the rows pass: column → error → cells (first ten) and count. */
type ErrorCells = Map<number, Map<string, { cells: string[]; n: number }>>;

/**
 * Error-values pass: an Excel error value (#N/A, #DIV/0!, …) in a role column is reported with its cells
 * (one problem per column and error, the first ten cells named). The rows pass finds them (in the same
 * sweep over each row as the CPR check) and treats those cells as missing, so they are never counted as
 * a status, group, level or ID.
 */
function errorValuesPass(x: Ctx, roles: RoleColumn[], found: ErrorCells): void {
  for (const rc of roles) {
    const byError = found.get(rc.col);
    if (!byError) continue;
    const name = q(cellText(x.header[rc.col]) || `Kolonne ${rc.col + 1}`);
    for (const [e, { cells, n }] of byError) {
      const more = n > cells.length ? ` og ${n - cells.length} flere` : "";
      const moreEn = n > cells.length ? ` and ${n - cells.length} more` : "";
      x.P.addAlways(
        "EXCEL_ERROR_VALUE",
        `Kolonnen ${name} (${rc.what}) indeholder Excel-fejlværdien ${e} i ${n} ${n === 1 ? "celle" : "celler"}: ${quoteSheet(x.sheet)}!${cells.join(", ")}${more}. Fejlværdier tælles ikke med som data. Ret formlen eller værdien, eller slet indholdet, så cellen er tom.`,
        `The column ${name} (${rc.whatEn}) contains the Excel error value ${e} in ${n} ${n === 1 ? "cell" : "cells"}: ${quoteSheet(x.sheet)}!${cells.join(", ")}${moreEn}. Error values are not counted as data. Fix the formula or the value, or clear the cell.`,
        cells[0],
      );
    }
  }
}

/** Interned group labels and statuses: each distinct value is normalised once. */
class Labels {
  readonly groupLabels: GroupLabelCount[] = [];
  readonly statuses: LabelCount[] = [];
  readonly groupRaw = new Map<CellValue, number>();
  readonly statusRaw = new Map<CellValue, number>();
  readonly statusCacheKeys: CellValue[] = [];
  readonly statusCacheCodes: number[] = [];
  tooManyStatuses = false;
  private readonly groupKeys = new Map<string, number>();
  private readonly statusKeys = new Map<string, number>();
  private readonly userMap: Record<string, Arm> = {};
  constructor(
    private readonly x: Ctx,
    groupMap: Record<string, Arm> | undefined,
  ) {
    // keys are matched after normalisation, whatever form the caller stored them in
    for (const [k, v] of Object.entries(groupMap ?? {})) setOwn(this.userMap, normaliseKey(k), v);
  }
  group(v: CellValue, r: number): number {
    let g = this.groupRaw.get(v);
    if (g === undefined) {
      const key = normaliseKey(v);
      g = this.groupKeys.get(key);
      if (g === undefined) {
        g = this.groupLabels.length;
        this.groupLabels.push({ label: cellText(v), key, count: 0, firstCell: this.x.at(r, this.x.columns.group), arm: mapGroupLabel(cellText(v), this.userMap) });
        this.groupKeys.set(key, g);
      }
      this.groupRaw.set(v, g);
    }
    return g;
  }
  /** Status code of a non-blank value; -1 for an Excel error value (reported by errorValuesPass) or past MAX_STATUSES. */
  status(v: CellValue, r: number, c: number): number {
    let s = this.statusRaw.get(v);
    if (s !== undefined) return s;
    if (isExcelError(v)) return -1;
    const key = normaliseKey(v);
    s = this.statusKeys.get(key);
    if (s === undefined) {
      if (this.statuses.length >= MAX_STATUSES) {
        const at = this.x.at(r, c);
        if (!this.tooManyStatuses) this.x.P.addAlways("TOO_MANY_STATUSES", `Der er over ${MAX_STATUSES} forskellige statusværdier (fx ${at}). Tjek, at de valgte statuskolonner indeholder status (fx "Kontanthjælp", "Jobparat") og ikke fx fritekst eller datoer.`, `There are more than ${MAX_STATUSES} different status values (e.g. ${at}). Check that the chosen status columns contain statuses (e.g. "Kontanthjælp", "Jobparat"), not free text or dates.`, local(at));
        this.tooManyStatuses = true;
        return -1;
      }
      s = this.statuses.length;
      this.statuses.push({ label: cellText(v), key, count: 0, firstCell: this.x.at(r, c) });
      this.statusKeys.set(key, s);
    }
    this.statusRaw.set(v, s);
    return s;
  }
}

/** Baseline storage: categorical and continuous columns kept apart so the hot loop stays monomorphic. */
class Baseline {
  readonly cats: CatBuild[] = [];
  readonly cons: ConBuild[] = [];
  readonly order: { type: BaselineType; index: number }[] = [];
  constructor(
    private readonly x: Ctx,
    cap: number,
    private readonly formats: string[][] | undefined,
  ) {
    for (const b of x.columns.baseline) {
      const name = cellText(x.header[b.column]) || `Kolonne ${b.column + 1}`;
      if (b.type === "categorical") {
        this.order.push({ type: b.type, index: this.cats.length });
        this.cats.push({ column: b.column, name, raw: new Map(), keys: new Map(), levels: [], codes: new Int32Array(cap), cacheKeys: [], cacheCodes: [] });
      } else {
        this.order.push({ type: b.type, index: this.cons.length });
        this.cons.push({ column: b.column, name, values: new Float64Array(cap), isDate: false, firstDate: null, firstPlain: null });
      }
    }
  }

  read(row: CellValue[], r: number, k: number): void {
    for (let b = 0; b < this.cats.length; b++) this.readCategorical(this.cats[b], row[this.cats[b].column], r, k);
    for (let b = 0; b < this.cons.length; b++) this.readContinuous(this.cons[b], row[this.cons[b].column], r, k);
  }

  private readCategorical(spec: CatBuild, v: CellValue | undefined, r: number, k: number): void {
    // inline cache of the first few distinct values: cheaper than hashing every cell
    const ck = spec.cacheKeys;
    let lv: number | undefined;
    for (let i = 0; i < ck.length; i++) {
      if (ck[i] === v) {
        lv = spec.cacheCodes[i];
        break;
      }
    }
    if (lv === undefined) lv = spec.raw.get(v as CellValue);
    if (lv === undefined) {
      if (v === undefined || isBlank(v) || isExcelError(v)) {
        spec.codes[k] = -1;
        return;
      }
      const key = normaliseKey(v);
      lv = spec.keys.get(key);
      if (lv === undefined) {
        lv = spec.levels.length;
        spec.levels.push({ label: cellText(v), key, count: 0, firstCell: this.x.at(r, spec.column) });
        spec.keys.set(key, lv);
      }
      spec.raw.set(v, lv);
      if (ck.length < INLINE_CACHE) {
        ck.push(v);
        spec.cacheCodes.push(lv);
      }
    }
    spec.levels[lv].count++;
    spec.codes[k] = lv;
  }

  private readContinuous(spec: ConBuild, v: CellValue | undefined, r: number, k: number): void {
    const at = (): string => this.x.at(r, spec.column);
    if (typeof v === "number" && Number.isFinite(v)) {
      spec.values[k] = v;
      if (this.formats) {
        if (isDateFormat(this.formats[r]?.[spec.column])) {
          spec.isDate = true;
          if (spec.firstDate === null) spec.firstDate = at();
        } else if (spec.firstPlain === null) spec.firstPlain = at();
      } else if (v < OLDEST_DATE_SERIAL && spec.firstPlain === null) spec.firstPlain = at();
      return;
    }
    spec.values[k] = Number.NaN;
    if (v === undefined || isBlank(v) || isExcelError(v)) return;
    const n = parseDanishNumber(v);
    if (n !== null && !Number.isNaN(n)) {
      spec.values[k] = n;
      return;
    }
    const d = parseDanishDateText(v);
    if (d !== null) {
      spec.values[k] = d;
      spec.isDate = true;
      if (spec.firstDate === null) spec.firstDate = at();
      return;
    }
    this.x.P.add("TEXT_IN_CONTINUOUS", `${at()} indeholder teksten ${q(cellText(v))} i kolonnen ${q(spec.name)}, som skal indeholde tal. Ret værdien til et tal (fx 12,5), slet den, eller gør variablen kategorisk.`, `${at()} contains the text ${q(cellText(v))} in the column ${q(spec.name)}, which must contain numbers. Change it to a number (e.g. 12.5), delete it, or make the variable categorical.`, local(at()));
  }

  build(citizens: number): BaselineColumn[] {
    return this.order.map(({ type, index }): BaselineColumn => {
      if (type === "categorical") {
        const b = this.cats[index];
        return { column: b.column, name: b.name, type: "categorical", levels: b.levels, codes: b.codes.subarray(0, citizens) };
      }
      const b = this.cons[index];
      return { column: b.column, name: b.name, type: "continuous", values: b.values.subarray(0, citizens), isDate: b.isDate };
    });
  }
}

/**
 * Rows pass: the one pass over the data rows. Every cell is checked for CPR numbers and blank rows; each
 * row gives a citizen (wide) or an observation (long) with ID, group, baseline values and statuses.
 */
class Rows {
  readonly labels: Labels;
  readonly baseline: Baseline;
  readonly cpr: CprNotes;
  readonly arm: Uint8Array;
  readonly citRow: Int32Array;
  readonly armCounts: [number, number] = [0, 0];
  readonly tpCodes: Int16Array[];
  // long layout: group label per citizen (a citizen keeps one group) and the per-row observations
  readonly citGroupLabel: Int32Array;
  readonly obsCit: Int32Array;
  readonly obsMonth: Float64Array;
  readonly obsStatus: Int32Array;
  citizens = 0;
  rowCount = 0;
  private blankStart = -1;
  private readonly idIndex: IdIndex;
  private readonly wide: boolean;
  private readonly headerIdLower: string;
  private readonly headerGroupKey: string;
  private readonly headerNonBlank: number[] = [];

  constructor(
    private readonly x: Ctx,
    options: DatasetOptions,
  ) {
    const cap = x.nRows;
    const formats = x.input.numberFormats && x.input.numberFormats.length === x.rows.length ? x.input.numberFormats : undefined;
    this.wide = x.columns.layout === "wide";
    this.labels = new Labels(x, options.groupMap);
    this.baseline = new Baseline(x, cap, formats);
    this.cpr = new CprNotes(x.input, options.notCpr ?? []);
    this.arm = new Uint8Array(cap);
    this.citRow = new Int32Array(cap);
    this.idIndex = new IdIndex(cap);
    this.tpCodes = this.wide ? x.columns.timepoints.map(() => new Int16Array(cap)) : [];
    // writes past the end of a typed array are ignored, so the wide layout allocates none of these
    this.citGroupLabel = new Int32Array(this.wide ? 0 : cap);
    this.obsCit = this.wide ? new Int32Array(0) : new Int32Array(cap).fill(-1);
    this.obsMonth = this.wide ? new Float64Array(0) : new Float64Array(cap);
    this.obsStatus = this.wide ? new Int32Array(0) : new Int32Array(cap);
    this.headerIdLower = cellText(x.header[x.columns.id]).toLowerCase();
    this.headerGroupKey = normaliseKey(x.header[x.columns.group]);
    for (let c = 0; c < x.header.length; c++) if (!isBlank(x.header[c])) this.headerNonBlank.push(c);
  }

  run(): this {
    for (let r = 0; r < this.x.nRows; r++) this.row(r);
    this.cpr.throwIfAny();
    return this;
  }

  private row(r: number): void {
    const { x } = this;
    const row = x.rows[r];
    if (this.scan(row, r)) return;
    if (this.blankStart >= 0) {
      const b = this.blankStart;
      x.P.add("BLANK_ROW", `Række ${x.origin.row + 2 + sheetRowOf(x.input, b)} (${x.at(b, 0)}) er tom, men der er data under den. Slet den tomme række, eller gør dataområdet mindre, så det kun omfatter data.`, `Row ${x.origin.row + 2 + sheetRowOf(x.input, b)} (${x.at(b, 0)}) is empty but there are data below it. Delete the empty row, or shrink the data range so it covers only data.`, local(x.at(b, 0)));
      this.blankStart = -1;
    }
    this.rowCount++;
    const idCol = x.columns.id;
    const iv = row[idCol];
    if (this.isHeaderRepeat(row)) {
      x.P.add("HEADER_REPEATED", `Overskriftsrækken står igen inde i data i række ${x.origin.row + 2 + sheetRowOf(x.input, r)} (${x.at(r, 0)}). Slet den gentagne overskrift, så der kun er én overskriftsrække øverst.`, `The header row appears again inside the data in row ${x.origin.row + 2 + sheetRowOf(x.input, r)} (${x.at(r, 0)}). Delete the repeated header so there is only one header row at the top.`, local(x.at(r, 0)));
      return;
    }
    if (isExcelError(iv)) return; // reported by errorValuesPass
    if (iv === undefined || isBlank(iv)) {
      x.P.add("MISSING_ID", `Rækken med ${x.at(r, idCol)} har intet ID. Hver række skal have et (pseudonymt) ID.`, `The row at ${x.at(r, idCol)} has no ID. Every row needs a (pseudonymous) ID.`, local(x.at(r, idCol)));
      return;
    }
    const idKey: string | number = typeof iv === "string" ? iv.trim() : typeof iv === "number" ? iv : String(iv);
    if (this.wide) this.wideRow(row, r, idKey);
    else this.longRow(row, r, idKey);
  }

  /** CPR check of every cell (cheap rejects by type, size and first character); true when the row is blank. */
  private scan(row: CellValue[], r: number): boolean {
    let blank = true;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (typeof v === "string") {
        if (v.length === 0) continue;
        if (blank && !isBlank(v)) blank = false;
        if (v.charCodeAt(0) === 35 && isExcelError(v)) this.noteError(v.trim(), r, c);
      } else blank = false;
      this.cpr.check(v, r, c);
    }
    if (blank && this.blankStart < 0) this.blankStart = r;
    return blank;
  }

  /** Excel error values, noted in every column (reported for role columns by errorValuesPass). */
  readonly errors: ErrorCells = new Map();
  private noteError(e: string, r: number, c: number): void {
    let byError = this.errors.get(c);
    if (!byError) this.errors.set(c, (byError = new Map()));
    let entry = byError.get(e);
    if (!entry) byError.set(e, (entry = { cells: [], n: 0 }));
    entry.n++;
    if (entry.cells.length < 10) entry.cells.push(local(this.x.at(r, c)));
  }

  /** The header repeated inside the data: only a group value never seen before can be the header's. */
  private isHeaderRepeat(row: CellValue[]): boolean {
    const { header, columns } = this.x;
    const iv = row[columns.id];
    const gv = row[columns.group];
    const candidate =
      (typeof gv === "string" && !this.labels.groupRaw.has(gv) && normaliseKey(gv) === this.headerGroupKey) ||
      (typeof iv === "string" && iv.length < this.headerIdLower.length + 8 && cellText(iv).toLowerCase() === this.headerIdLower);
    if (!candidate) return false;
    let same = 0;
    for (const c of this.headerNonBlank) if (typeof row[c] === "string" && cellText(row[c]).toLowerCase() === cellText(header[c]).toLowerCase()) same++;
    return same >= 2 && same * 2 >= this.headerNonBlank.length;
  }

  private citizen(row: CellValue[], r: number): number {
    const { x, labels } = this;
    const k = this.citizens++;
    this.citRow[k] = r;
    const groupCol = x.columns.group;
    const gv = row[groupCol];
    if (isExcelError(gv)) {
      this.arm[k] = 255; // reported by errorValuesPass
      this.citGroupLabel[k] = -1;
    } else if (gv === undefined || isBlank(gv)) {
      x.P.add("MISSING_GROUP", `Rækken med ${x.at(r, groupCol)} har ingen gruppe. Skriv indsatsgruppe eller kontrolgruppe (fx "Indsats" eller "Kontrol"), eller fjern rækken.`, `The row at ${x.at(r, groupCol)} has no group. Write the intervention or control group (e.g. "Indsats" or "Kontrol"), or remove the row.`, local(x.at(r, groupCol)));
      this.arm[k] = 255;
      this.citGroupLabel[k] = -1;
    } else {
      const g = labels.group(gv, r);
      labels.groupLabels[g].count++;
      this.citGroupLabel[k] = g;
      const a = labels.groupLabels[g].arm;
      this.arm[k] = a === "intervention" ? 0 : a === "control" ? 1 : 255;
      if (a === "intervention") this.armCounts[0]++;
      else if (a === "control") this.armCounts[1]++;
    }
    this.baseline.read(row, r, k);
    return k;
  }

  private wideRow(row: CellValue[], r: number, idKey: string | number): void {
    const { x, labels } = this;
    const idCol = x.columns.id;
    const prev = this.idIndex.get(idKey);
    if (prev !== undefined) {
      const id = q(cellText(row[idCol]));
      x.P.add("DUPLICATE_ID", `ID ${id} står to gange: ${x.at(prev, idCol)} og ${x.at(r, idCol)}. Hver borger må kun have én række; fjern dubletten, eller ret ID'et.`, `ID ${id} appears twice: ${x.at(prev, idCol)} and ${x.at(r, idCol)}. Each citizen may have only one row; remove the duplicate or correct the ID.`, local(x.at(r, idCol)));
      return;
    }
    this.idIndex.set(idKey, r);
    const k = this.citizen(row, r);
    const tps = x.columns.timepoints;
    for (let t = 0; t < tps.length; t++) {
      const c = tps[t].column;
      const v = row[c];
      let s: number | undefined;
      for (let i = 0; i < labels.statusCacheKeys.length; i++) {
        if (labels.statusCacheKeys[i] === v) {
          s = labels.statusCacheCodes[i];
          break;
        }
      }
      if (s === undefined) {
        if (v === undefined || isBlank(v)) {
          this.tpCodes[t][k] = -1;
          continue;
        }
        s = labels.status(v, r, c);
        if (s < 0) {
          this.tpCodes[t][k] = -1;
          continue;
        }
        if (labels.statusCacheKeys.length < INLINE_CACHE) {
          labels.statusCacheKeys.push(v);
          labels.statusCacheCodes.push(s);
        }
      }
      labels.statuses[s].count++;
      this.tpCodes[t][k] = s;
    }
  }

  private longRow(row: CellValue[], r: number, idKey: string | number): void {
    const { x, labels } = this;
    const { id: idCol, group: groupCol } = x.columns;
    const timeCol = x.columns.long?.time ?? -1;
    const statusCol = x.columns.long?.status ?? -1;
    let k = this.idIndex.get(idKey);
    if (k === undefined) {
      k = this.citizen(row, r);
      this.idIndex.set(idKey, k);
    } else {
      const gv = row[groupCol];
      const g = gv === undefined || isBlank(gv) || isExcelError(gv) ? -1 : labels.group(gv, r);
      if (g !== this.citGroupLabel[k]) {
        const id = q(cellText(row[idCol]));
        x.P.add("GROUP_INCONSISTENT", `Borger ${id} har forskellig gruppe i ${x.at(this.citRow[k], groupCol)} og ${x.at(r, groupCol)}. En borger skal have samme gruppe i alle rækker.`, `Citizen ${id} has different groups in ${x.at(this.citRow[k], groupCol)} and ${x.at(r, groupCol)}. A citizen must have the same group in every row.`, local(x.at(r, groupCol)));
      }
    }
    const tv = row[timeCol];
    if (isExcelError(tv)) return; // reported by errorValuesPass
    const month = tv === undefined || isBlank(tv) ? null : parseMonthValue(tv);
    if (month === null) {
      const what = tv === undefined || isBlank(tv) ? "tom" : q(cellText(tv));
      const whatEn = tv === undefined || isBlank(tv) ? "empty" : q(cellText(tv));
      x.P.add("BAD_TIME", `${x.at(r, timeCol)} skal være et tidspunkt i måneder efter inklusion (fx 0, 6, 12 eller "6 mdr."), men er ${what}.`, `${x.at(r, timeCol)} must be a time in months after inclusion (e.g. 0, 6, 12 or "6 mdr."), but is ${whatEn}.`, local(x.at(r, timeCol)));
      return;
    }
    const sv = row[statusCol];
    let s = -1;
    if (sv !== undefined && !isBlank(sv)) {
      s = labels.status(sv, r, statusCol);
      if (s >= 0) labels.statuses[s].count++;
    }
    this.obsCit[r] = k;
    this.obsMonth[r] = month;
    this.obsStatus[r] = s;
  }
}

/** Time points: wide layout one per status column; long layout the observations gathered per month. */
function timepointsPass(x: Ctx, rows: Rows): Timepoint[] {
  const timepoints: Timepoint[] = [];
  if (x.columns.layout === "wide") {
    const tps = x.columns.timepoints;
    for (let t = 0; t < tps.length; t++) timepoints.push({ month: tps[t].month, label: cellText(x.header[tps[t].column]), codes: rows.tpCodes[t] });
    return timepoints.sort((a, b) => a.month - b.month);
  }
  const idCol = x.columns.id;
  const months = new Set<number>();
  for (let r = 0; r < x.nRows; r++) if (rows.obsCit[r] >= 0) months.add(rows.obsMonth[r]);
  const sorted = [...months].sort((a, b) => a - b);
  const seen = sorted.map(() => new Int32Array(rows.citizens).fill(-1));
  for (const m of sorted) timepoints.push({ month: m, label: `${m} mdr.`, codes: new Int16Array(rows.citizens).fill(-1) });
  const mIndex = new Map(sorted.map((m, i) => [m, i]));
  for (let r = 0; r < x.nRows; r++) {
    const k = rows.obsCit[r];
    if (k < 0) continue;
    const t = mIndex.get(rows.obsMonth[r]) as number;
    const prev = seen[t][k];
    if (prev >= 0) {
      const id = q(cellText(x.rows[rows.citRow[k]][idCol]));
      x.P.add("DUPLICATE_ID_TIME", `Borger ${id} har to rækker for ${rows.obsMonth[r]} mdr.: ${x.at(prev, idCol)} og ${x.at(r, idCol)}. Hver borger må kun have én række pr. tidspunkt.`, `Citizen ${id} has two rows for ${rows.obsMonth[r]} months: ${x.at(prev, idCol)} and ${x.at(r, idCol)}. Each citizen may have only one row per time point.`, local(x.at(r, idCol)));
      continue;
    }
    seen[t][k] = r;
    timepoints[t].codes[k] = rows.obsStatus[r];
  }
  return timepoints;
}

/** Groups pass: no data at all, group labels not mapped to an arm, an arm without citizens. */
function groupsPass(x: Ctx, rows: Rows): void {
  const { P } = x;
  if (rows.rowCount === 0) {
    P.addAlways("NO_DATA", `Der er ingen data under overskriftsrækken i ${x.rangeAddress}. Vælg et område med en overskriftsrække og én række pr. borger.`, `There are no data below the header row in ${x.rangeAddress}. Choose a range with a header row and one row per citizen.`, local(x.at(0, 0)));
  }
  const unmapped = rows.labels.groupLabels.filter((g) => g.arm === null);
  for (const g of unmapped.slice(0, MAX_LISTED)) {
    P.addAlways("UNMAPPED_GROUP", `Gruppen ${q(g.label)} (${g.count} ${g.count === 1 ? "række" : "rækker"}, første gang i ${g.firstCell}) er hverken knyttet til indsatsgruppen eller kontrolgruppen. Angiv i opsætningen, hvilken gruppe ${q(g.label)} betyder.`, `The group ${q(g.label)} (${g.count} ${g.count === 1 ? "row" : "rows"}, first in ${g.firstCell}) is mapped to neither the intervention nor the control group. Say in the setup which group ${q(g.label)} means.`, local(g.firstCell));
  }
  if (unmapped.length > MAX_LISTED) {
    const rest = unmapped.slice(MAX_LISTED);
    const n = rest.reduce((s, g) => s + g.count, 0);
    P.addAlways("UNMAPPED_GROUP_MORE", `… og ${rest.length} andre gruppeværdier (${n} rækker i alt), som heller ikke er knyttet til en gruppe. Er den rigtige kolonne valgt som gruppe?`, `… and ${rest.length} other group values (${n} rows in all) that are not mapped either. Is the right column chosen as the group?`);
  }
  const [ni, nc] = rows.armCounts;
  if (unmapped.length === 0 && rows.citizens > 0 && (ni === 0 || nc === 0)) {
    const missing = ni === 0 ? "indsatsgruppen" : "kontrolgruppen";
    const missingEn = ni === 0 ? "the intervention group" : "the control group";
    const groupCol = x.columns.group;
    const colRange = `${x.at(0, groupCol)}:${cellAddress(x.origin.row + (x.nRows === 0 ? 0 : sheetRowOf(x.input, x.nRows - 1) + 1), x.origin.column + groupCol)}`;
    P.addAlways("FEWER_THAN_TWO_GROUPS", `Der er ingen borgere i ${missing} i gruppekolonnen ${colRange}. En sammenligning kræver både en indsatsgruppe og en kontrolgruppe; tjek gruppekolonnen og grupperne i opsætningen.`, `There are no citizens in ${missingEn} in the group column ${colRange}. A comparison needs both an intervention and a control group; check the group column and the group mapping in the setup.`, local(x.at(0, groupCol)));
  }
}

/** Statuses pass: with classes given, every status found must be classified. */
function statusesPass(x: Ctx, rows: Rows, statusClasses: Record<string, StatusClass> | undefined): void {
  if (!statusClasses || rows.labels.tooManyStatuses) return;
  const classKeys = new Set(Object.keys(statusClasses).map((k) => normaliseKey(k)));
  const unclassified = rows.labels.statuses.filter((s) => s.count > 0 && !classKeys.has(s.key)).sort((a, b) => b.count - a.count);
  for (const s of unclassified.slice(0, MAX_LISTED)) {
    x.P.addAlways("UNCLASSIFIED_STATUS", `Statusværdien ${q(s.label)} (${s.count} ${s.count === 1 ? "gang" : "gange"}, første gang i ${s.firstCell}) er ikke klassificeret. Angiv i opsætningen, om den er en gyldig status, "fraflyttet", "udgået" eller "ikke fulgt op".`, `The status value ${q(s.label)} (${s.count} ${s.count === 1 ? "time" : "times"}, first in ${s.firstCell}) is not classified. Say in the setup whether it is a valid status, "moved away", "excluded" or "not followed up".`, local(s.firstCell));
  }
  if (unclassified.length > MAX_LISTED) {
    const rest = unclassified.slice(MAX_LISTED);
    const cells = rest.reduce((n, s) => n + s.count, 0);
    x.P.addAlways("UNCLASSIFIED_STATUS_MORE", `… og ${rest.length} andre statusværdier (${cells} celler i alt), som heller ikke er klassificeret. Tjek, at statuskolonnerne indeholder status og ikke fritekst.`, `… and ${rest.length} other status values (${cells} cells in all) that are not classified either. Check that the status columns contain statuses, not free text.`);
  }
}

/** Problems pass (baseline): too many categories (privacy, see MAX_CATEGORY_LEVELS); dates mixed with plain numbers. */
function baselineProblemsPass(x: Ctx, rows: Rows): void {
  for (const spec of rows.baseline.cats) {
    if (spec.levels.length <= MAX_CATEGORY_LEVELS) continue;
    const cell = local(x.atHeader(spec.column));
    x.P.addAlways(
      "TOO_MANY_LEVELS",
      `Kolonnen ${q(spec.name)} (${quoteSheet(x.sheet)}!${cell}) har ${spec.levels.length} forskellige værdier, men en kategorisk baggrundsvariabel må højst have ${MAX_CATEGORY_LEVELS}. Så mange kategorier er fritekst eller et ID og kan udpege enkelte borgere i Tabel 1. Vælg "Bruges ikke" for kolonnen, eller gør den kontinuert, hvis den indeholder tal.`,
      `The column ${q(spec.name)} (${quoteSheet(x.sheet)}!${cell}) has ${spec.levels.length} different values, but a categorical baseline variable may have at most ${MAX_CATEGORY_LEVELS}. That many categories are free text or an ID and can single out citizens in Table 1. Choose "Not used" for the column, or make it continuous if it holds numbers.`,
      cell,
    );
  }
  for (const spec of rows.baseline.cons) {
    if (!spec.firstDate || !spec.firstPlain) continue;
    x.P.add(
      "MIXED_DATES",
      `Kolonnen ${q(spec.name)} blander datoer (fx ${spec.firstDate}) og tal, der ikke er datoer (fx ${spec.firstPlain}). Ret kolonnen, så den kun indeholder datoer eller kun tal, eller vælg en anden kolonne.`,
      `The column ${q(spec.name)} mixes dates (e.g. ${spec.firstDate}) and numbers that are not dates (e.g. ${spec.firstPlain}). Make the column hold only dates or only numbers, or choose another column.`,
      local(spec.firstPlain),
    );
  }
}

/**
 * Read the dataset. Throws CPR_FOUND (refusal) when a CPR number is found; otherwise returns the dataset and
 * the problems (empty when the data are fine). Use `readDatasetOrThrow` to throw on problems.
 *
 * Passes, in order: roles (the settings' columns exist, one role each) → merged cells → header (duplicate
 * names) → rows (the one pass over the data: CPR, Excel error values, blank rows, IDs, groups, baseline
 * values, statuses) → error values in role columns → time points → groups → statuses → baseline problems.
 */
export function readDataset(input: DatasetInput, columns: DatasetColumns, options: DatasetOptions = {}): DatasetRead {
  const x = makeCtx(input, columns);
  // Stopping before the rows pass: the CPR scan (otherwise part of the rows pass) runs on its own first.
  const early = (): DatasetRead => {
    assertNoCpr(input, options.notCpr);
    return { dataset: emptyDataset(x), problems: x.P.finish() };
  };
  const roles = rolesPass(x);
  if (x.P.list.length > 0) return early();
  mergedPass(x);
  if (x.P.list.length > 0) return early();
  headerPass(x);
  const rows = new Rows(x, options).run();
  errorValuesPass(x, roles, rows.errors);
  const timepoints = timepointsPass(x, rows);
  groupsPass(x, rows);
  statusesPass(x, rows, options.statusClasses);
  baselineProblemsPass(x, rows);
  const n = rows.citizens;
  const dataset: Dataset = {
    sheet: x.sheet,
    layout: columns.layout,
    rangeAddress: x.rangeAddress,
    rowCount: rows.rowCount,
    citizens: n,
    citizenRow: rows.citRow.subarray(0, n),
    arm: rows.arm.subarray(0, n),
    armCounts: rows.armCounts,
    groupLabels: rows.labels.groupLabels,
    statuses: rows.labels.statuses,
    timepoints,
    baseline: rows.baseline.build(n),
  };
  return { dataset, problems: x.P.finish() };
}

/** readDataset, throwing a VirkningValidationError with all problems when there are any. */
export function readDatasetOrThrow(input: DatasetInput, columns: DatasetColumns, options: DatasetOptions = {}): Dataset {
  const { dataset, problems } = readDataset(input, columns, options);
  if (problems.length > 0) throw new VirkningValidationError(problems);
  return dataset;
}
