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
import { looksLikeCpr } from "./cpr";
import { mapGroupLabel, type Arm } from "./groups";
import { parseMonthValue, type BaselineType } from "./header";
import { cellText, isBlank, isDateFormat, normaliseKey, parseDanishDateText, parseDanishNumber, type CellValue } from "./values";

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

function cprError(sheet: string, cells: string[], total: number): VirkningError {
  const shown = cells.join(", ");
  const more = total > cells.length ? ` og ${total - cells.length} flere celler` : "";
  const moreEn = total > cells.length ? ` and ${total - cells.length} more cells` : "";
  return new VirkningError(
    "CPR_FOUND",
    `Dataområdet indeholder noget, der ligner CPR-numre (${shown}${more}). CPR-numre er personoplysninger og må ikke ligge i analysearbejdsbogen (databeskyttelse). Virkning analyserer ikke data, før de er fjernet: erstat CPR-nummeret med et pseudonym-ID (fx et løbenummer), og gem nøglen mellem CPR-nummer og pseudonym et sikkert sted uden for arbejdsbogen.`,
    `The data range contains what look like CPR numbers (${shown}${moreEn}). CPR numbers are personal data and must not be in the analysis workbook (data protection). Virkning will not analyse the data until they are removed: replace each CPR number with a pseudonym ID (e.g. a running number) and keep the key between CPR number and pseudonym in a safe place outside the workbook.`,
    { sheet, cell: cells[0]?.replace(/^.*!/, "") },
  );
}

/**
 * Throws a VirkningError (code CPR_FOUND) when any cell of header or rows looks like a CPR number.
 * Cheap: a type and length test rejects almost every cell before any digit is looked at.
 */
export function assertNoCpr(input: DatasetInput): void {
  const origin = parseRange(input.address);
  const cells: string[] = [];
  let total = 0;
  const note = (r: number, c: number): void => {
    total++;
    if (cells.length < 10) cells.push(sheetCell(input.sheet, origin.row + r, origin.column + c));
  };
  const h = input.header;
  for (let c = 0; c < h.length; c++) if (looksLikeCpr(h[c])) note(0, c);
  const rows = input.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number") {
        if (v >= 1e8 && v < 1e10 && looksLikeCpr(v)) note(r + 1, c);
      } else if (typeof v === "string" && v.length >= 10 && v.length <= 16) {
        const c0 = v.charCodeAt(0);
        if (((c0 >= 48 && c0 <= 57) || c0 === 32 || c0 === 9 || c0 === 160) && looksLikeCpr(v)) note(r + 1, c);
      }
    }
  }
  if (total > 0) throw cprError(input.sheet, cells, total);
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

/**
 * Read the dataset. Throws CPR_FOUND (refusal) when a CPR number is found; otherwise returns the dataset and
 * the problems (empty when the data are fine). Use `readDatasetOrThrow` to throw on problems.
 */
export function readDataset(input: DatasetInput, columns: DatasetColumns, options: DatasetOptions = {}): DatasetRead {
  const sheet = input.sheet;
  const origin = parseRange(input.address);
  const at = (r: number, c: number): string => sheetCell(sheet, origin.row + 1 + r, origin.column + c);
  const atHeader = (c: number): string => sheetCell(sheet, origin.row, origin.column + c);
  const local = (full: string): string => full.replace(/^.*!/, "");
  const P = new Collector(sheet);
  const header = input.header;
  const rows = input.rows;

  let width = header.length;
  for (let r = 0; r < rows.length; r++) if (rows[r].length > width) width = rows[r].length;

  // Trailing blank rows are not data (a used range often ends with some).
  let lastRow = rows.length - 1;
  while (lastRow >= 0 && rows[lastRow].every((v) => isBlank(v))) lastRow--;
  const nRows = lastRow + 1;
  const rangeAddress = `${quoteSheet(sheet)}!${cellAddress(origin.row, origin.column)}:${cellAddress(origin.row + nRows, origin.column + Math.max(width, 1) - 1)}`;

  const empty: Dataset = {
    sheet,
    layout: columns.layout,
    rangeAddress,
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

  // Stopping before the main pass: the CPR scan (otherwise part of the main pass) runs on its own first.
  const early = (): DatasetRead => {
    assertNoCpr(input);
    return { dataset: empty, problems: P.finish() };
  };
  // CPR numbers: the header now, the data rows during the main pass.
  const cprCells: string[] = [];
  let cprTotal = 0;
  const cprNote = (row: number, c: number): void => {
    cprTotal++;
    if (cprCells.length < 10) cprCells.push(sheetCell(sheet, origin.row + row, origin.column + c));
  };
  for (let c = 0; c < header.length; c++) if (looksLikeCpr(header[c])) cprNote(0, c);

  // --- settings refer to columns that exist, each used once
  const roleCols: { col: number; what: string; whatEn: string }[] = [
    { col: columns.id, what: "ID", whatEn: "ID" },
    { col: columns.group, what: "gruppe", whatEn: "group" },
    ...columns.baseline.map((b) => ({ col: b.column, what: "baggrundsvariabel", whatEn: "baseline variable" })),
  ];
  if (columns.layout === "long") {
    if (!columns.long) {
      P.addAlways("SETTINGS_LONG", "Langt format er valgt, men kolonnerne for tid og status er ikke angivet. Vælg dem i opsætningen.", "Long layout is selected but the time and status columns are not set. Choose them in the setup.");
      return early();
    }
    roleCols.push({ col: columns.long.time, what: "tid", whatEn: "time" }, { col: columns.long.status, what: "status", whatEn: "status" });
  } else {
    for (const t of columns.timepoints) roleCols.push({ col: t.column, what: `status ${t.month} mdr.`, whatEn: `status ${t.month} months` });
    if (columns.timepoints.length === 0) {
      P.addAlways("SETTINGS_NO_TIMEPOINTS", "Der er ikke valgt nogen statuskolonner (tidspunkter). Vælg mindst én kolonne med status ved et opfølgningstidspunkt.", "No status columns (time points) are selected. Choose at least one column with the status at a follow-up time.");
    }
    const months = new Set<number>();
    for (const t of columns.timepoints) {
      if (months.has(t.month)) P.addAlways("SETTINGS_DUPLICATE_MONTH", `To statuskolonner har samme tidspunkt (${t.month} mdr.). Giv hver kolonne sit eget tidspunkt.`, `Two status columns have the same time point (${t.month} months). Give each column its own time point.`, local(atHeader(t.column)));
      months.add(t.month);
    }
  }
  const seenCols = new Map<number, string>();
  for (const rc of roleCols) {
    if (!Number.isInteger(rc.col) || rc.col < 0 || rc.col >= width) {
      P.addAlways("SETTINGS_COLUMN", `Kolonnen for ${rc.what} (nr. ${rc.col + 1}) ligger uden for dataområdet ${rangeAddress}. Vælg kolonnerne igen.`, `The ${rc.whatEn} column (no. ${rc.col + 1}) is outside the data range ${rangeAddress}. Choose the columns again.`);
    } else if (seenCols.has(rc.col)) {
      P.addAlways("SETTINGS_COLUMN_TWICE", `Kolonne ${atHeader(rc.col)} er valgt både som ${seenCols.get(rc.col)} og som ${rc.what}. En kolonne kan kun have én rolle.`, `Column ${atHeader(rc.col)} is chosen both as ${seenCols.get(rc.col)} and as ${rc.whatEn}. A column can have only one role.`, local(atHeader(rc.col)));
    } else seenCols.set(rc.col, rc.what);
  }
  if (P.list.length > 0) return early();

  // --- merged cells: a merged area inside the data makes the values under it blank; stop here.
  const dataRange = { row: origin.row, column: origin.column, rowCount: nRows + 1, columnCount: width };
  for (const area of input.mergedAreas ?? []) {
    let ref;
    try {
      ref = parseRange(area);
    } catch {
      continue;
    }
    if (!rangesIntersect(ref, dataRange)) continue;
    const a = area.replace(/^.*!/, "");
    P.add("MERGED_CELLS", `Cellerne ${quoteSheet(sheet)}!${a} er flettet. Flettede celler i data gør, at værdier mangler i nogle rækker. Ophæv fletningen, og skriv værdien i hver celle.`, `The cells ${quoteSheet(sheet)}!${a} are merged. Merged cells in the data leave values missing in some rows. Unmerge them and write the value in every cell.`, a.split(":")[0]);
  }
  if (P.list.length > 0) return early();

  // --- header: duplicate column names
  const headerKeys = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const k = normaliseKey(header[c]);
    if (k.length === 0) continue;
    const prev = headerKeys.get(k);
    if (prev !== undefined) {
      P.add("DUPLICATE_COLUMN_NAME", `Kolonnenavnet ${q(cellText(header[c]))} står to gange i overskriftsrækken: ${atHeader(prev)} og ${atHeader(c)}. Giv kolonnerne forskellige navne.`, `The column name ${q(cellText(header[c]))} appears twice in the header row: ${atHeader(prev)} and ${atHeader(c)}. Give the columns different names.`, local(atHeader(c)));
    } else headerKeys.set(k, c);
  }

  const idCol = columns.id;
  const groupCol = columns.group;
  const headerIdLower = cellText(header[idCol]).toLowerCase();
  const headerNonBlank: number[] = [];
  for (let c = 0; c < header.length; c++) if (!isBlank(header[c])) headerNonBlank.push(c);
  const isHeaderRepeat = (row: CellValue[]): boolean => {
    let same = 0;
    for (const c of headerNonBlank) if (typeof row[c] === "string" && cellText(row[c]).toLowerCase() === cellText(header[c]).toLowerCase()) same++;
    return same >= 2 && same * 2 >= headerNonBlank.length;
  };

  // --- interning tables
  const groupRaw = new Map<CellValue, number>();
  const groupKeys = new Map<string, number>();
  const groupLabels: GroupLabelCount[] = [];
  // keys are matched after normalisation, whatever form the caller stored them in
  const userMap: Record<string, Arm> = {};
  for (const [k, v] of Object.entries(options.groupMap ?? {})) userMap[normaliseKey(k)] = v;
  const statusRaw = new Map<CellValue, number>();
  const statusKeys = new Map<string, number>();
  const statuses: LabelCount[] = [];
  const statusCacheKeys: CellValue[] = [];
  const statusCacheCodes: number[] = [];

  const internGroup = (v: CellValue, r: number): number => {
    let g = groupRaw.get(v);
    if (g === undefined) {
      const key = normaliseKey(v);
      g = groupKeys.get(key);
      if (g === undefined) {
        g = groupLabels.length;
        groupLabels.push({ label: cellText(v), key, count: 0, firstCell: at(r, groupCol), arm: mapGroupLabel(cellText(v), userMap) });
        groupKeys.set(key, g);
      }
      groupRaw.set(v, g);
    }
    return g;
  };
  let tooManyStatuses = false;
  const internStatus = (v: CellValue, r: number, c: number): number => {
    let s = statusRaw.get(v);
    if (s === undefined) {
      const key = normaliseKey(v);
      s = statusKeys.get(key);
      if (s === undefined) {
        if (statuses.length >= MAX_STATUSES) {
          if (!tooManyStatuses) P.addAlways("TOO_MANY_STATUSES", `Der er over ${MAX_STATUSES} forskellige statusværdier (fx ${at(r, c)}). Tjek, at de valgte statuskolonner indeholder status (fx "Kontanthjælp", "Jobparat") og ikke fx fritekst eller datoer.`, `There are more than ${MAX_STATUSES} different status values (e.g. ${at(r, c)}). Check that the chosen status columns contain statuses (e.g. "Kontanthjælp", "Jobparat"), not free text or dates.`, local(at(r, c)));
          tooManyStatuses = true;
          return -1;
        }
        s = statuses.length;
        statuses.push({ label: cellText(v), key, count: 0, firstCell: at(r, c) });
        statusKeys.set(key, s);
      }
      statusRaw.set(v, s);
    }
    return s;
  };

  // Baseline storage: categorical and continuous columns kept apart so the hot loop stays monomorphic.
  const cap = nRows;
  const cats: CatBuild[] = [];
  const cons: ConBuild[] = [];
  const order: { type: BaselineType; index: number }[] = [];
  for (const b of columns.baseline) {
    const name = cellText(header[b.column]) || `Kolonne ${b.column + 1}`;
    if (b.type === "categorical") {
      order.push({ type: b.type, index: cats.length });
      cats.push({ column: b.column, name, raw: new Map(), keys: new Map(), levels: [], codes: new Int32Array(cap), cacheKeys: [], cacheCodes: [] });
    } else {
      order.push({ type: b.type, index: cons.length });
      cons.push({ column: b.column, name, values: new Float64Array(cap), isDate: false, firstDate: null, firstPlain: null });
    }
  }

  const formats = input.numberFormats && input.numberFormats.length === input.rows.length ? input.numberFormats : undefined;
  const wide = columns.layout === "wide";
  const arm = new Uint8Array(cap);
  // group label per citizen: only the long layout needs it (to check that a citizen keeps one group);
  // writes past the end of a typed array are ignored, so the wide layout allocates none
  const citGroupLabel = new Int32Array(wide ? 0 : cap);
  const citRow = new Int32Array(cap);
  const idIndex = new IdIndex(cap);
  const armCounts: [number, number] = [0, 0];
  const tps = columns.timepoints;
  const tpCols = tps.map((t) => t.column);
  const tpCodes: Int16Array[] = wide ? tps.map(() => new Int16Array(cap)) : [];
  // long layout per-row observations
  const obsCit = wide ? new Int32Array(0) : new Int32Array(cap).fill(-1);
  const obsMonth = wide ? new Float64Array(0) : new Float64Array(cap);
  const obsStatus = wide ? new Int32Array(0) : new Int32Array(cap);
  const timeCol = columns.long?.time ?? -1;
  const statusCol = columns.long?.status ?? -1;
  const headerGroupKey = normaliseKey(header[groupCol]);

  let citizens = 0;
  let rowCount = 0;
  let blankStart = -1;

  const readCitizen = (row: CellValue[], r: number, k: number): void => {
    // group
    const gv = row[groupCol];
    if (gv === undefined || isBlank(gv)) {
      P.add("MISSING_GROUP", `Rækken med ${at(r, groupCol)} har ingen gruppe. Skriv indsatsgruppe eller kontrolgruppe (fx "Indsats" eller "Kontrol"), eller fjern rækken.`, `The row at ${at(r, groupCol)} has no group. Write the intervention or control group (e.g. "Indsats" or "Kontrol"), or remove the row.`, local(at(r, groupCol)));
      arm[k] = 255;
      citGroupLabel[k] = -1;
    } else {
      const g = internGroup(gv, r);
      groupLabels[g].count++;
      citGroupLabel[k] = g;
      const a = groupLabels[g].arm;
      if (a === "intervention") {
        arm[k] = 0;
        armCounts[0]++;
      } else if (a === "control") {
        arm[k] = 1;
        armCounts[1]++;
      } else arm[k] = 255;
    }
    for (let b = 0; b < cats.length; b++) {
      const spec = cats[b];
      const v = row[spec.column];
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
        if (v === undefined || isBlank(v)) {
          spec.codes[k] = -1;
          continue;
        }
        const key = normaliseKey(v);
        lv = spec.keys.get(key);
        if (lv === undefined) {
          lv = spec.levels.length;
          spec.levels.push({ label: cellText(v), key, count: 0, firstCell: at(r, spec.column) });
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
    for (let b = 0; b < cons.length; b++) {
      const spec = cons[b];
      const v = row[spec.column];
      if (typeof v === "number" && Number.isFinite(v)) {
        spec.values[k] = v;
        if (formats) {
          if (isDateFormat(formats[r]?.[spec.column])) {
            spec.isDate = true;
            if (spec.firstDate === null) spec.firstDate = at(r, spec.column);
          } else if (spec.firstPlain === null) spec.firstPlain = at(r, spec.column);
        } else if (v < OLDEST_DATE_SERIAL && spec.firstPlain === null) spec.firstPlain = at(r, spec.column);
        continue;
      }
      if (v === undefined || isBlank(v)) {
        spec.values[k] = Number.NaN;
        continue;
      }
      const x = parseDanishNumber(v);
      if (x !== null && !Number.isNaN(x)) {
        spec.values[k] = x;
        continue;
      }
      const d = parseDanishDateText(v);
      if (d !== null) {
        spec.values[k] = d;
        spec.isDate = true;
        if (spec.firstDate === null) spec.firstDate = at(r, spec.column);
        continue;
      }
      spec.values[k] = Number.NaN;
      P.add("TEXT_IN_CONTINUOUS", `${at(r, spec.column)} indeholder teksten ${q(cellText(v))} i kolonnen ${q(spec.name)}, som skal indeholde tal. Ret værdien til et tal (fx 12,5), slet den, eller gør variablen kategorisk.`, `${at(r, spec.column)} contains the text ${q(cellText(v))} in the column ${q(spec.name)}, which must contain numbers. Change it to a number (e.g. 12.5), delete it, or make the variable categorical.`, local(at(r, spec.column)));
    }
  };

  for (let r = 0; r < nRows; r++) {
    const row = rows[r];
    // every cell: CPR check (cheap rejects by type, size and first character) and blank-row detection
    let blank = true;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number") {
        blank = false;
        if (v >= 1e8 && v < 1e10 && looksLikeCpr(v)) cprNote(r + 1, c);
      } else if (typeof v === "string") {
        const len = v.length;
        if (len === 0) continue;
        if (blank && !isBlank(v)) blank = false;
        if (len >= 10 && len <= 16) {
          const c0 = v.charCodeAt(0);
          if (((c0 >= 48 && c0 <= 57) || c0 === 32 || c0 === 9 || c0 === 160) && looksLikeCpr(v)) cprNote(r + 1, c);
        }
      } else if (v !== null && v !== undefined) blank = false;
    }
    if (blank) {
      if (blankStart < 0) blankStart = r;
      continue;
    }
    if (blankStart >= 0) {
      P.add("BLANK_ROW", `Række ${origin.row + 2 + blankStart} (${at(blankStart, 0)}) er tom, men der er data under den. Slet den tomme række, eller gør dataområdet mindre, så det kun omfatter data.`, `Row ${origin.row + 2 + blankStart} (${at(blankStart, 0)}) is empty but there are data below it. Delete the empty row, or shrink the data range so it covers only data.`, local(at(blankStart, 0)));
      blankStart = -1;
    }
    rowCount++;
    // header repeated inside the data: only a group value never seen before can be the header's
    const iv = row[idCol];
    const gv = row[groupCol];
    if (
      ((typeof gv === "string" && !groupRaw.has(gv) && normaliseKey(gv) === headerGroupKey) ||
        (typeof iv === "string" && iv.length < headerIdLower.length + 8 && cellText(iv).toLowerCase() === headerIdLower)) &&
      isHeaderRepeat(row)
    ) {
      P.add("HEADER_REPEATED", `Overskriftsrækken står igen inde i data i række ${origin.row + 2 + r} (${at(r, 0)}). Slet den gentagne overskrift, så der kun er én overskriftsrække øverst.`, `The header row appears again inside the data in row ${origin.row + 2 + r} (${at(r, 0)}). Delete the repeated header so there is only one header row at the top.`, local(at(r, 0)));
      continue;
    }
    // ID
    if (iv === undefined || isBlank(iv)) {
      P.add("MISSING_ID", `Rækken med ${at(r, idCol)} har intet ID. Hver række skal have et (pseudonymt) ID.`, `The row at ${at(r, idCol)} has no ID. Every row needs a (pseudonymous) ID.`, local(at(r, idCol)));
      continue;
    }
    const idKey: string | number = typeof iv === "string" ? iv.trim() : typeof iv === "number" ? iv : String(iv);
    if (wide) {
      const prev = idIndex.get(idKey);
      if (prev !== undefined) {
        P.add("DUPLICATE_ID", `ID ${q(cellText(iv))} står to gange: ${at(prev, idCol)} og ${at(r, idCol)}. Hver borger må kun have én række; fjern dubletten, eller ret ID'et.`, `ID ${q(cellText(iv))} appears twice: ${at(prev, idCol)} and ${at(r, idCol)}. Each citizen may have only one row; remove the duplicate or correct the ID.`, local(at(r, idCol)));
        continue;
      }
      idIndex.set(idKey, r);
      const k = citizens++;
      citRow[k] = r;
      readCitizen(row, r, k);
      for (let t = 0; t < tpCols.length; t++) {
        const c = tpCols[t];
        const v = row[c];
        let s: number | undefined;
        for (let i = 0; i < statusCacheKeys.length; i++) {
          if (statusCacheKeys[i] === v) {
            s = statusCacheCodes[i];
            break;
          }
        }
        if (s === undefined) s = statusRaw.get(v as CellValue);
        if (s === undefined) {
          if (v === undefined || isBlank(v)) {
            tpCodes[t][k] = -1;
            continue;
          }
          s = internStatus(v, r, c);
          if (s < 0) {
            tpCodes[t][k] = -1;
            continue;
          }
          if (statusCacheKeys.length < INLINE_CACHE) {
            statusCacheKeys.push(v);
            statusCacheCodes.push(s);
          }
        }
        statuses[s].count++;
        tpCodes[t][k] = s;
      }
    } else {
      let k = idIndex.get(idKey);
      if (k === undefined) {
        k = citizens++;
        idIndex.set(idKey, k);
        citRow[k] = r;
        readCitizen(row, r, k);
      } else {
        const g = gv === undefined || isBlank(gv) ? -1 : internGroup(gv, r);
        if (g !== citGroupLabel[k]) {
          P.add("GROUP_INCONSISTENT", `Borger ${q(cellText(iv))} har forskellig gruppe i ${at(citRow[k], groupCol)} og ${at(r, groupCol)}. En borger skal have samme gruppe i alle rækker.`, `Citizen ${q(cellText(iv))} has different groups in ${at(citRow[k], groupCol)} and ${at(r, groupCol)}. A citizen must have the same group in every row.`, local(at(r, groupCol)));
        }
      }
      const tv = row[timeCol];
      const month = tv === undefined || isBlank(tv) ? null : parseMonthValue(tv);
      if (month === null) {
        P.add("BAD_TIME", `${at(r, timeCol)} skal være et tidspunkt i måneder efter inklusion (fx 0, 6, 12 eller "6 mdr."), men er ${tv === undefined || isBlank(tv) ? "tom" : q(cellText(tv))}.`, `${at(r, timeCol)} must be a time in months after inclusion (e.g. 0, 6, 12 or "6 mdr."), but is ${tv === undefined || isBlank(tv) ? "empty" : q(cellText(tv))}.`, local(at(r, timeCol)));
        continue;
      }
      const sv = row[statusCol];
      let s = -1;
      if (sv !== undefined && !isBlank(sv)) {
        s = internStatus(sv, r, statusCol);
        if (s >= 0) statuses[s].count++;
      }
      obsCit[r] = k;
      obsMonth[r] = month;
      obsStatus[r] = s;
    }
  }

  if (cprTotal > 0) throw cprError(sheet, cprCells, cprTotal);

  // --- long layout: observations → one status per citizen and time point
  const timepoints: Timepoint[] = [];
  if (wide) {
    for (let t = 0; t < tps.length; t++) timepoints.push({ month: tps[t].month, label: cellText(header[tps[t].column]), codes: tpCodes[t] });
    timepoints.sort((a, b) => a.month - b.month);
  } else {
    const months = new Set<number>();
    for (let r = 0; r < nRows; r++) if (obsCit[r] >= 0) months.add(obsMonth[r]);
    const sorted = [...months].sort((a, b) => a - b);
    const seen = sorted.map(() => new Int32Array(citizens).fill(-1));
    for (const m of sorted) timepoints.push({ month: m, label: `${m} mdr.`, codes: new Int16Array(citizens).fill(-1) });
    const mIndex = new Map(sorted.map((m, i) => [m, i]));
    for (let r = 0; r < nRows; r++) {
      const k = obsCit[r];
      if (k < 0) continue;
      const t = mIndex.get(obsMonth[r]) as number;
      const prev = seen[t][k];
      if (prev >= 0) {
        P.add("DUPLICATE_ID_TIME", `Borger ${q(cellText(rows[citRow[k]][idCol]))} har to rækker for ${obsMonth[r]} mdr.: ${at(prev, idCol)} og ${at(r, idCol)}. Hver borger må kun have én række pr. tidspunkt.`, `Citizen ${q(cellText(rows[citRow[k]][idCol]))} has two rows for ${obsMonth[r]} months: ${at(prev, idCol)} and ${at(r, idCol)}. Each citizen may have only one row per time point.`, local(at(r, idCol)));
        continue;
      }
      seen[t][k] = r;
      timepoints[t].codes[k] = obsStatus[r];
    }
  }

  // --- summary problems
  if (rowCount === 0) {
    P.addAlways("NO_DATA", `Der er ingen data under overskriftsrækken i ${rangeAddress}. Vælg et område med en overskriftsrække og én række pr. borger.`, `There are no data below the header row in ${rangeAddress}. Choose a range with a header row and one row per citizen.`, local(at(0, 0)));
  }
  const unmapped = groupLabels.filter((g) => g.arm === null);
  for (const g of unmapped.slice(0, MAX_LISTED)) {
    P.addAlways("UNMAPPED_GROUP", `Gruppen ${q(g.label)} (${g.count} ${g.count === 1 ? "række" : "rækker"}, første gang i ${g.firstCell}) er hverken knyttet til indsatsgruppen eller kontrolgruppen. Angiv i opsætningen, hvilken gruppe ${q(g.label)} betyder.`, `The group ${q(g.label)} (${g.count} ${g.count === 1 ? "row" : "rows"}, first in ${g.firstCell}) is mapped to neither the intervention nor the control group. Say in the setup which group ${q(g.label)} means.`, local(g.firstCell));
  }
  if (unmapped.length > MAX_LISTED) {
    const rest = unmapped.slice(MAX_LISTED);
    P.addAlways("UNMAPPED_GROUP_MORE", `… og ${rest.length} andre gruppeværdier (${rest.reduce((n, g) => n + g.count, 0)} rækker i alt), som heller ikke er knyttet til en gruppe. Er den rigtige kolonne valgt som gruppe?`, `… and ${rest.length} other group values (${rest.reduce((n, g) => n + g.count, 0)} rows in all) that are not mapped either. Is the right column chosen as the group?`);
  }
  if (unmapped.length === 0 && citizens > 0 && (armCounts[0] === 0 || armCounts[1] === 0)) {
    const missing = armCounts[0] === 0 ? "indsatsgruppen" : "kontrolgruppen";
    const missingEn = armCounts[0] === 0 ? "the intervention group" : "the control group";
    const colRange = `${at(0, groupCol)}:${cellAddress(origin.row + nRows, origin.column + groupCol)}`;
    P.addAlways("FEWER_THAN_TWO_GROUPS", `Der er ingen borgere i ${missing} i gruppekolonnen ${colRange}. En sammenligning kræver både en indsatsgruppe og en kontrolgruppe; tjek gruppekolonnen og grupperne i opsætningen.`, `There are no citizens in ${missingEn} in the group column ${colRange}. A comparison needs both an intervention and a control group; check the group column and the group mapping in the setup.`, local(at(0, groupCol)));
  }
  if (options.statusClasses && !tooManyStatuses) {
    const classKeys = new Set(Object.keys(options.statusClasses).map((k) => normaliseKey(k)));
    const unclassified = statuses.filter((s) => s.count > 0 && !classKeys.has(s.key)).sort((a, b) => b.count - a.count);
    for (const s of unclassified.slice(0, MAX_LISTED)) {
      P.addAlways("UNCLASSIFIED_STATUS", `Statusværdien ${q(s.label)} (${s.count} ${s.count === 1 ? "gang" : "gange"}, første gang i ${s.firstCell}) er ikke klassificeret. Angiv i opsætningen, om den er en gyldig status, "fraflyttet", "udgået" eller "ikke fulgt op".`, `The status value ${q(s.label)} (${s.count} ${s.count === 1 ? "time" : "times"}, first in ${s.firstCell}) is not classified. Say in the setup whether it is a valid status, "moved away", "excluded" or "not followed up".`, local(s.firstCell));
    }
    if (unclassified.length > MAX_LISTED) {
      const rest = unclassified.slice(MAX_LISTED);
      const cells = rest.reduce((n, s) => n + s.count, 0);
      P.addAlways("UNCLASSIFIED_STATUS_MORE", `… og ${rest.length} andre statusværdier (${cells} celler i alt), som heller ikke er klassificeret. Tjek, at statuskolonnerne indeholder status og ikke fritekst.`, `… and ${rest.length} other status values (${cells} cells in all) that are not classified either. Check that the status columns contain statuses, not free text.`);
    }
  }

  for (const spec of cons) {
    if (!spec.firstDate || !spec.firstPlain) continue;
    P.add(
      "MIXED_DATES",
      `Kolonnen ${q(spec.name)} blander datoer (fx ${spec.firstDate}) og tal, der ikke er datoer (fx ${spec.firstPlain}). Ret kolonnen, så den kun indeholder datoer eller kun tal, eller vælg en anden kolonne.`,
      `The column ${q(spec.name)} mixes dates (e.g. ${spec.firstDate}) and numbers that are not dates (e.g. ${spec.firstPlain}). Make the column hold only dates or only numbers, or choose another column.`,
      local(spec.firstPlain),
    );
  }

  const dataset: Dataset = {
    sheet,
    layout: columns.layout,
    rangeAddress,
    rowCount,
    citizens,
    citizenRow: citRow.subarray(0, citizens),
    arm: arm.subarray(0, citizens),
    armCounts,
    groupLabels,
    statuses,
    timepoints,
    baseline: order.map(({ type, index }): BaselineColumn => {
      if (type === "categorical") {
        const b = cats[index];
        return { column: b.column, name: b.name, type: "categorical", levels: b.levels, codes: b.codes.subarray(0, citizens) };
      }
      const b = cons[index];
      return { column: b.column, name: b.name, type: "continuous", values: b.values.subarray(0, citizens), isDate: b.isDate };
    }),
  };
  return { dataset, problems: P.finish() };
}

/** readDataset, throwing a VirkningValidationError with all problems when there are any. */
export function readDatasetOrThrow(input: DatasetInput, columns: DatasetColumns, options: DatasetOptions = {}): Dataset {
  const { dataset, problems } = readDataset(input, columns, options);
  if (problems.length > 0) throw new VirkningValidationError(problems);
  return dataset;
}
