/** Excel API emulation: range (see base.ts for the shared semantics). */
import { type RangeRef } from "../../../core/report/address";
import { formatCellValue } from "../../grid/numberFormat";
import { MAX_COLUMNS, MAX_ROWS, intersect, parseAddress, qualifiedAddress } from "../addr";
import { type PreviewValue } from "../model";
import { SheetState } from "../state";
import { checkFormula } from "../formulaCheck";
import { coerceInput } from "../coerce";
import { ClientObj, CollectionObj, Mode, apiError, defineProps, invalidArgument, jsonLength, requireApi } from "./base";
import { ConditionalFormatCollection } from "./conditionalFormat";
import { DataValidation } from "./dataValidation";
import { RangeFormat } from "./format";
import { assertCellsEditable, assertFormattable } from "./protection";
import { relock } from "../protectionState";
import { TableCollection, TablesTarget } from "./table";
import { Worksheet } from "./worksheet";

// ---------------------------------------------------------------------------------------------
// Ranges

export interface RangeTarget {
  sheet: SheetState;
  ref: RangeRef;
}

export function validRef(r: RangeRef): boolean {
  return (
    Number.isInteger(r.row) &&
    Number.isInteger(r.column) &&
    Number.isInteger(r.rowCount) &&
    Number.isInteger(r.columnCount) &&
    r.row >= 0 &&
    r.column >= 0 &&
    r.rowCount >= 1 &&
    r.columnCount >= 1 &&
    r.row + r.rowCount <= MAX_ROWS &&
    r.column + r.columnCount <= MAX_COLUMNS
  );
}

/** A Range object or an address on `sheet` (for freezeAt, setPrintArea, ...). */
export function refOf(sheet: SheetState, r: Range | string): RangeRef {
  if (typeof r === "string") {
    const ref = parseAddress(r);
    if (!ref) throw invalidArgument(`address '${r}'`);
    return ref;
  }
  const t = r._get();
  if (!t) throw invalidArgument("null range");
  if (t.sheet !== sheet) throw invalidArgument("range on another worksheet");
  return t.ref;
}

/** The part of a range that holds anything (whole rows/columns are clipped to the used area). */
export function clipToUsed(t: RangeTarget): RangeRef | undefined {
  const whole = t.ref.rowCount === MAX_ROWS || t.ref.columnCount === MAX_COLUMNS;
  if (!whole) return t.ref;
  const ext = t.sheet.usedExtent();
  return intersect(t.ref, { row: 0, column: 0, rowCount: Math.max(ext.rowCount, 1), columnCount: Math.max(ext.columnCount, 1) });
}

export function forCells(t: RangeTarget, fn: (row: number, column: number) => void, clip = true): void {
  const r = clip ? clipToUsed(t) : t.ref;
  if (!r) return;
  for (let i = r.row; i < r.row + r.rowCount; i++) for (let j = r.column; j < r.column + r.columnCount; j++) fn(i, j);
}

function readGrid<V>(t: RangeTarget, fn: (row: number, column: number) => V): V[][] {
  const cells = t.ref.rowCount * t.ref.columnCount;
  if (cells > 5_000_000) {
    throw apiError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit (a range read is limited to 5,000,000 cells).");
  }
  const out: V[][] = new Array<V[]>(t.ref.rowCount);
  for (let i = 0; i < t.ref.rowCount; i++) {
    const row = new Array<V>(t.ref.columnCount);
    for (let j = 0; j < t.ref.columnCount; j++) row[j] = fn(t.ref.row + i, t.ref.column + j);
    out[i] = row;
  }
  return out;
}

/** A 2-D array matching the range or a single value to broadcast (Excel's setter rule). */
function writeGrid(t: RangeTarget, v: unknown, what: string, fn: (row: number, column: number, x: unknown) => void): void {
  if (Array.isArray(v)) {
    if (v.length !== t.ref.rowCount || v.some((row) => !Array.isArray(row) || row.length !== t.ref.columnCount)) {
      throw invalidArgument(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range ${t.ref.rowCount}x${t.ref.columnCount})`,
      );
    }
    const rows = v as unknown[][];
    for (let i = 0; i < t.ref.rowCount; i++) {
      const row = rows[i];
      for (let j = 0; j < t.ref.columnCount; j++) {
        const x = row[j];
        if (x === null || x === undefined) continue; // Excel leaves the cell unchanged
        fn(t.ref.row + i, t.ref.column + j, x);
      }
    }
    return;
  }
  if (v === null || v === undefined) throw invalidArgument(`${what} cannot be set to null`);
  forCells(t, (r, c) => fn(r, c, v), false);
}

function checkCellValue(x: unknown): PreviewValue {
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw invalidArgument("a value is NaN or infinite");
    return x;
  }
  if (typeof x === "string" || typeof x === "boolean") return x;
  throw invalidArgument(`unsupported cell value ${String(x)}`);
}

/** Excel's limit on the characters in one cell (Microsoft, "Excel specifications and limits"). */
export const MAX_CELL_CHARS = 32_767;

/**
 * Store what Excel stores when `x` is written through `values` or `formulas`: strings are
 * interpreted by `coerceInput` (coerce.ts lists the rules and their sources); a formula Excel
 * cannot parse fails the request with InvalidArgument; text longer than 32,767 characters too.
 */
function interpretInput(sheet: SheetState, row: number, column: number, x: unknown): void {
  const v = checkCellValue(x);
  if (typeof v !== "string") {
    sheet.write(row, column, v, false);
    return;
  }
  const c = coerceInput(v, sheet.numberFormatAt(row, column) === "@");
  const cell = qualifiedAddress(sheet.name, { row, column, rowCount: 1, columnCount: 1 });
  if (c.kind === "formula") {
    const check = checkFormula(c.formula);
    if (!check.ok) throw invalidArgument(`the formula ${JSON.stringify(c.formula.slice(0, 60))} in ${cell} is not valid: ${check.reason}`);
    sheet.write(row, column, c.formula, true);
    return;
  }
  if (c.kind === "error") {
    sheet.writeError(row, column, c.value);
    return;
  }
  if (typeof c.value === "string" && c.value.length > MAX_CELL_CHARS) {
    throw invalidArgument(`the text in ${cell} has ${c.value.length} characters; a cell holds at most ${MAX_CELL_CHARS}`);
  }
  sheet.write(row, column, c.value, false);
  if (c.numberFormat !== undefined && sheet.numberFormatAt(row, column) === "General") sheet.setNumberFormat(row, column, c.numberFormat);
}

function emptyAsString(v: PreviewValue): string | number | boolean {
  return v === null ? "" : v;
}

function valueType(sheet: SheetState, row: number, column: number): string {
  const v = sheet.valueAt(row, column);
  if (v === null || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return sheet.isError(row, column) ? "Error" : "String";
}

/** Common value over cells, or null when they differ (Excel's rule for format getters). */
export function common<V>(t: RangeTarget, fn: (row: number, column: number) => V): V | null {
  let first = true;
  let out: V | null = null;
  const r = clipToUsed(t) ?? { row: t.ref.row, column: t.ref.column, rowCount: 1, columnCount: 1 };
  for (let i = r.row; i < r.row + r.rowCount; i++) {
    for (let j = r.column; j < r.column + r.columnCount; j++) {
      const v = fn(i, j);
      if (first) {
        out = v;
        first = false;
      } else if (v !== out) return null;
    }
  }
  return out;
}

function checkNotInTable(t: RangeTarget, what: string): void {
  for (const tb of t.sheet.tables) if (intersect(tb.range, t.ref)) throw apiError("InvalidOperation", `Cannot ${what} a range that overlaps a table (${tb.name}).`);
}

export class Range extends ClientObj<RangeTarget> {
  override _alive(t: RangeTarget): boolean {
    return !t.sheet.deleted;
  }
  private derive(fn: (t: RangeTarget) => RangeRef | undefined, mode: Mode = "nav"): Range {
    return this._make(
      Range,
      () => {
        const t = this._get();
        if (!t) return undefined;
        const ref = fn(t);
        if (ref === undefined) return undefined;
        if (!validRef(ref)) throw invalidArgument("the resulting range is outside the worksheet");
        return { sheet: t.sheet, ref };
      },
      mode,
    );
  }
  get format(): RangeFormat {
    return this._nav("format", RangeFormat, (t) => t);
  }
  get worksheet(): Worksheet {
    return this._nav("worksheet", Worksheet, (t) => t.sheet);
  }
  get dataValidation(): DataValidation {
    return this._nav("dataValidation", DataValidation, (t) => {
      requireApi(this._book, "Range.dataValidation");
      return t;
    });
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this._nav("conditionalFormats", ConditionalFormatCollection, (t) => {
      requireApi(this._book, "Range.conditionalFormats");
      return t;
    });
  }
  getCell(row: number, column: number): Range {
    return this.derive((t) => ({ row: t.ref.row + row, column: t.ref.column + column, rowCount: 1, columnCount: 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive((t) => ({ ...t.ref, row: t.ref.row + rowOffset, column: t.ref.column + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive((t) => ({ ...t.ref, rowCount: t.ref.rowCount + deltaRows, columnCount: t.ref.columnCount + deltaColumns }));
  }
  getRow(row: number): Range {
    return this.derive((t) => ({ row: t.ref.row + row, column: t.ref.column, rowCount: 1, columnCount: t.ref.columnCount }));
  }
  getColumn(column: number): Range {
    return this.derive((t) => ({ row: t.ref.row, column: t.ref.column + column, rowCount: t.ref.rowCount, columnCount: 1 }));
  }
  getLastRow(): Range {
    return this.derive((t) => ({ ...t.ref, row: t.ref.row + t.ref.rowCount - 1, rowCount: 1 }));
  }
  getLastColumn(): Range {
    return this.derive((t) => ({ ...t.ref, column: t.ref.column + t.ref.columnCount - 1, columnCount: 1 }));
  }
  getEntireColumn(): Range {
    return this.derive((t) => ({ row: 0, column: t.ref.column, rowCount: MAX_ROWS, columnCount: t.ref.columnCount }));
  }
  getEntireRow(): Range {
    return this.derive((t) => ({ row: t.ref.row, column: 0, rowCount: t.ref.rowCount, columnCount: MAX_COLUMNS }));
  }
  getIntersection(other: Range | string): Range {
    return this.derive((t) => {
      const r = intersect(t.ref, refOf(t.sheet, other));
      if (!r) throw apiError("ItemNotFound", "The ranges do not intersect.");
      return r;
    });
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    return this.derive((t) => intersect(t.ref, refOf(t.sheet, other)));
  }
  getBoundingRect(other: Range | string): Range {
    return this.derive((t) => {
      const o = refOf(t.sheet, other);
      const r1 = Math.min(t.ref.row, o.row);
      const c1 = Math.min(t.ref.column, o.column);
      const r2 = Math.max(t.ref.row + t.ref.rowCount, o.row + o.rowCount);
      const c2 = Math.max(t.ref.column + t.ref.columnCount, o.column + o.columnCount);
      return { row: r1, column: c1, rowCount: r2 - r1, columnCount: c2 - c1 };
    });
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this.derive((t) => {
      const u = t.sheet.usedBounds(valuesOnly === true);
      const r = u && intersect(u, t.ref);
      if (!r) throw apiError("ItemNotFound", "The range has no used cells.");
      return r;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.derive((t) => {
      const u = t.sheet.usedBounds(valuesOnly === true);
      return u && intersect(u, t.ref);
    });
  }
  /**
   * The region around the range's top-left cell bounded by empty rows and columns (Excel's
   * CurrentRegion; ExcelApi 1.7). Diagonal neighbours count, as in Excel.
   */
  getSurroundingRegion(): Range {
    const book = this.context.book;
    return this.derive((t) => {
      requireApi(book, "Range.getSurroundingRegion");
      return surroundingRegion(t.sheet, t.ref.row, t.ref.column);
    });
  }
  /** ExcelApi 1.13: like Excel, a host below that set rejects the sync with ApiNotFound. */
  getMergedAreasOrNullObject(): RangeAreas {
    const book = this.context.book;
    return this._make(RangeAreas, () => {
      requireApi(book, "Range.getMergedAreasOrNullObject");
      const t = this._get();
      if (!t) return undefined;
      const areas = t.sheet.merges.filter((m) => intersect(m, t.ref));
      return areas.length ? { sheet: t.sheet, areas: areas.map((a) => ({ ...a })) } : undefined;
    });
  }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this._act(jsonLength(applyTo), (t) => {
      if (applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") return;
      if (applyTo === "Formats") assertFormattable(t, "cells", "Range.clear");
      else assertCellsEditable(t, "Range.clear");
      t.sheet.clear(t.ref, applyTo);
      // Locking is a format: Excel's clear of formats relocks unlocked cells (Microsoft, "Lock or
      // unlock specific areas of a protected worksheet": all cells are locked by default, a format
      // that "Clear Formats" restores; Range.clear ApplyTo All = contents and formats).
      if (applyTo === "All" || applyTo === "Formats") relock(t.sheet, t.ref);
    });
  }
  delete(shift: "Up" | "Left"): void {
    this._act(jsonLength(shift), (t) => {
      if (shift !== "Up" && shift !== "Left") throw invalidArgument("shift");
      assertCellsEditable(t, "Range.delete");
      deleteShift(t.sheet, t.ref, shift);
    });
  }
  merge(across = false): void {
    this._act(8, (t) => {
      requireApi(this._book, "Range.merge");
      checkNotInTable(t, "merge");
      assertCellsEditable(t, "Range.merge");
      const areas: RangeRef[] = across
        ? Array.from({ length: t.ref.rowCount }, (_, i) => ({ row: t.ref.row + i, column: t.ref.column, rowCount: 1, columnCount: t.ref.columnCount }))
        : [t.ref];
      for (const a of areas) {
        if (a.rowCount * a.columnCount <= 1) continue;
        for (let m = t.sheet.merges.length - 1; m >= 0; m--) if (intersect(t.sheet.merges[m], a)) t.sheet.merges.splice(m, 1);
        // Excel keeps the upper-left value and discards the rest.
        for (let i = a.row; i < a.row + a.rowCount; i++)
          for (let j = a.column; j < a.column + a.columnCount; j++) if (i !== a.row || j !== a.column) t.sheet.write(i, j, null, false);
        t.sheet.merges.push({ ...a });
      }
      t.sheet.changed();
    });
  }
  unmerge(): void {
    this._act(0, (t) => {
      assertCellsEditable(t, "Range.unmerge");
      for (let m = t.sheet.merges.length - 1; m >= 0; m--) if (intersect(t.sheet.merges[m], t.ref)) t.sheet.merges.splice(m, 1);
      t.sheet.changed();
    });
  }
  select(): void {
    this._act(0, (t) => this._book.select(t.sheet, t.ref));
  }
  /** Excel: Range.getTables is ExcelApi 1.9. */
  getTables(fullyContained = false): TableCollection {
    return this._make(TableCollection, (): TablesTarget | undefined => {
      const t = this._get();
      return t ? { book: this._book, sheet: t.sheet, within: t.ref, fullyContained } : undefined;
    });
  }
}

defineProps(Range, {
  address: { get: (t: RangeTarget) => qualifiedAddress(t.sheet.name, t.ref) },
  addressLocal: { get: (t: RangeTarget) => qualifiedAddress(t.sheet.name, t.ref) },
  rowIndex: { get: (t: RangeTarget) => t.ref.row },
  columnIndex: { get: (t: RangeTarget) => t.ref.column },
  rowCount: { get: (t: RangeTarget) => t.ref.rowCount },
  columnCount: { get: (t: RangeTarget) => t.ref.columnCount },
  cellCount: { get: (t: RangeTarget) => t.ref.rowCount * t.ref.columnCount },
  isEntireColumn: { get: (t: RangeTarget) => t.ref.row === 0 && t.ref.rowCount === MAX_ROWS },
  isEntireRow: { get: (t: RangeTarget) => t.ref.column === 0 && t.ref.columnCount === MAX_COLUMNS },
  values: {
    get: (t: RangeTarget) => readGrid(t, (r, c) => emptyAsString(t.sheet.valueAt(r, c))),
    set: (t: RangeTarget, v: unknown) => {
      // As in Excel, strings are parsed (see interpretInput): "=..." becomes a formula, "12" a number.
      assertCellsEditable(t, "Range.values");
      writeGrid(t, v, "values", (r, c, x) => interpretInput(t.sheet, r, c, x));
      t.sheet.changed();
    },
  },
  formulas: {
    get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.formulaAt(r, c) ?? emptyAsString(t.sheet.raw(r, c) ?? null)),
    set: (t: RangeTarget, v: unknown) => {
      assertCellsEditable(t, "Range.formulas");
      writeGrid(t, v, "formulas", (r, c, x) => interpretInput(t.sheet, r, c, x));
      t.sheet.changed();
    },
  },
  numberFormat: {
    get: (t: RangeTarget) => readGrid(t, (r, c) => t.sheet.numberFormatAt(r, c)),
    set: (t: RangeTarget, v: unknown) => {
      assertFormattable(t, "cells", "Range.numberFormat");
      writeGrid(t, v, "numberFormat", (r, c, x) => t.sheet.setNumberFormat(r, c, String(x)));
      t.sheet.changed();
    },
  },
  valueTypes: { get: (t: RangeTarget) => readGrid(t, (r, c) => valueType(t.sheet, r, c)) },
  /** Display text as a Danish user's Excel shows it (decimal comma), via the grid's number-format renderer. */
  text: { get: (t: RangeTarget) => readGrid(t, (r, c) => formatCellValue(t.sheet.valueAt(r, c), t.sheet.numberFormatAt(r, c)).text) },
});

function surroundingRegion(sheet: SheetState, row: number, column: number): RangeRef {
  const filled = (r: number, c: number): boolean => {
    if (r < 0 || c < 0) return false;
    const v = sheet.valueAt(r, c);
    return v !== null && v !== "";
  };
  let r1 = row;
  let r2 = row;
  let c1 = column;
  let c2 = column;
  const ext = sheet.usedExtent();
  for (let changed = true; changed; ) {
    changed = false;
    const colFrom = Math.max(c1 - 1, 0);
    const colTo = Math.min(c2 + 1, ext.columnCount);
    const rowFrom = Math.max(r1 - 1, 0);
    const rowTo = Math.min(r2 + 1, ext.rowCount);
    const rowHas = (r: number): boolean => {
      for (let c = colFrom; c <= colTo; c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number): boolean => {
      for (let r = rowFrom; r <= rowTo; r++) if (filled(r, c)) return true;
      return false;
    };
    while (r1 > 0 && rowHas(r1 - 1)) {
      r1--;
      changed = true;
    }
    while (r2 + 1 < ext.rowCount && rowHas(r2 + 1)) {
      r2++;
      changed = true;
    }
    while (c1 > 0 && colHas(c1 - 1)) {
      c1--;
      changed = true;
    }
    while (c2 + 1 < ext.columnCount && colHas(c2 + 1)) {
      c2++;
      changed = true;
    }
  }
  return { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
}

function deleteShift(sheet: SheetState, ref: RangeRef, shift: "Up" | "Left"): void {
  const ext = sheet.usedExtent();
  const move = (fromR: number, fromC: number, toR: number, toC: number): void => {
    const raw = sheet.raw(fromR, fromC);
    const f = sheet.formulaAt(fromR, fromC);
    const nf = sheet.numberFormatAt(fromR, fromC);
    const fmt = sheet.formatAt(fromR, fromC);
    sheet.clear({ row: toR, column: toC, rowCount: 1, columnCount: 1 }, "All");
    if (f !== undefined) sheet.write(toR, toC, f, true);
    else if (raw !== undefined) sheet.setRaw(toR, toC, raw);
    sheet.setNumberFormat(toR, toC, nf);
    if (fmt) sheet.updateFormat(toR, toC, (x) => Object.assign(x, fmt));
  };
  if (shift === "Up") {
    const c2 = Math.min(ref.column + ref.columnCount, Math.max(ext.columnCount, ref.column + 1));
    for (let r = ref.row; r < ext.rowCount; r++)
      for (let c = ref.column; c < c2; c++) {
        const src = r + ref.rowCount;
        if (src < ext.rowCount) move(src, c, r, c);
        else sheet.clear({ row: r, column: c, rowCount: 1, columnCount: 1 }, "All");
      }
  } else {
    const r2 = Math.min(ref.row + ref.rowCount, Math.max(ext.rowCount, ref.row + 1));
    for (let r = ref.row; r < r2; r++)
      for (let c = ref.column; c < ext.columnCount; c++) {
        const src = c + ref.columnCount;
        if (src < ext.columnCount) move(r, src, r, c);
        else sheet.clear({ row: r, column: c, rowCount: 1, columnCount: 1 }, "All");
      }
  }
  sheet.changed();
}

interface AreasTarget {
  sheet: SheetState;
  areas: RangeRef[];
}

export class RangeAreas extends ClientObj<AreasTarget> {
  get areas(): RangeCollection {
    return this._nav("areas", RangeCollection, (t) => t);
  }
}
defineProps(RangeAreas, {
  address: { get: (t: AreasTarget) => t.areas.map((a) => qualifiedAddress(t.sheet.name, a)).join(",") },
  areaCount: { get: (t: AreasTarget) => t.areas.length },
  cellCount: { get: (t: AreasTarget) => t.areas.reduce((s, a) => s + a.rowCount * a.columnCount, 0) },
});

export class RangeCollection extends CollectionObj<AreasTarget, RangeTarget, Range> {
  _list(t: AreasTarget): RangeTarget[] {
    return t.areas.map((ref) => ({ sheet: t.sheet, ref }));
  }
  _wrap(i: RangeTarget): Range {
    return this._resolved(Range, i);
  }
}
