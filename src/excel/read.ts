/**
 * Reading cells from the workbook into plain arrays for core.
 *
 * Every read takes 1 sync to learn the extent (address, size, merged areas) and then 1 sync per
 * row chunk of values, so each response stays below READ_BUDGET_BYTES (~4 MB; Excel on the web
 * rejects responses above 5 MB). Chunk size: the first chunk assumes a conservative
 * FIRST_CHUNK_BYTES_PER_CELL; later chunks are sized from the largest row seen so far (JSON
 * bytes) times 1.2 (the budget itself is 1 MB below the limit). If Excel still rejects a chunk as too large, it is halved and read again
 * (one extra sync each time; does not happen for the emulation's test data). `chunks` in the
 * result reports the number of value syncs, so a read costs 1 + chunks syncs.
 *
 * Empty cells come back as null (Excel returns ""), numbers as numbers, texts as texts, Excel
 * errors as their text ("#DIV/0!").
 */
import { jsonUtf8Bytes } from "../core/jsonBytes";
import { VirkningError } from "../core/errors";
import { rangeAddress, type RangeRef } from "../core/report/address";
import type { CellScalar as CellValue } from "../core/report/sheetSpec";
import { supports, type ExcelRun } from "./host";

export const READ_BUDGET_BYTES = 4_000_000;
/** Conservative JSON bytes per cell for the first chunk (values; number formats add their own). */
export const FIRST_CHUNK_BYTES_PER_CELL = 48;
const FORMAT_BYTES_PER_CELL = 24;
const FORMULA_BYTES_PER_CELL = 48;

export interface RangeRead {
  sheet: string;
  /** Sheet-qualified address as Excel prints it, e.g. "Borgere!A1:M61". */
  address: string;
  /** 0-based top-left of `values`. */
  rowIndex: number;
  columnIndex: number;
  values: CellValue[][];
  /** Present when asked for with `{ numberFormats: true }`. */
  numberFormats?: string[][];
  /** Present when asked for with `{ formulas: true }`: Range.formulas ("=…" for a formula cell, else the value). */
  formulas?: (string | number | boolean)[][];
  /** Sheet-qualified addresses of merged areas that overlap the range (user data should have none); [] when the host lacks ExcelApi 1.13. */
  mergedAreas: string[];
  /** Number of row chunks (value syncs) the read used. */
  chunks: number;
}

export interface ReadOptions {
  numberFormats?: boolean;
  /** Also Range.formulas (English function names): entries the user typed as formulas read as formulas. */
  formulas?: boolean;
}

function sheetMissing(sheet: string): VirkningError {
  return new VirkningError("SHEET_NOT_FOUND", `Arket "${sheet}" findes ikke i projektmappen.`, `The sheet "${sheet}" does not exist in the workbook.`, { sheet });
}

/** context.sync(), turning Excel's ItemNotFound (a sheet or table looked up with getItem is gone) into `missing()`. */
export async function syncOrMissing(context: Excel.RequestContext, missing: string | (() => VirkningError)): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ItemNotFound") throw typeof missing === "string" ? sheetMissing(missing) : missing();
    throw e;
  }
}

function fromExcel(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * Queue a load of the merged areas of `range` when the host has them (Range.getMergedAreasOrNullObject is
 * ExcelApi 1.13, above the manifest's 1.7; older Excel would reject the whole sync). Null otherwise.
 */
export function queueMerged(range: Excel.Range): Excel.RangeAreas | null {
  if (!supports("Range.getMergedAreasOrNullObject")) return null;
  return range.getMergedAreasOrNullObject().load("address");
}

export function mergedList(areas: Excel.RangeAreas | null): string[] {
  if (!areas || areas.isNullObject || !areas.address) return [];
  return areas.address
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Rows of a chunk for a given estimate of bytes per row. */
export function rowsPerChunk(bytesPerRow: number): number {
  return Math.max(1, Math.floor(READ_BUDGET_BYTES / Math.max(1, bytesPerRow)));
}

/** UTF-8 bytes of a JSON-encoded row (the payload limit counts bytes, and "æøå" take two each). */
export const jsonBytes = jsonUtf8Bytes;

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Sheet limits (Excel 2007 and later): a whole column is 1,048,576 rows, a whole row 16,384 columns. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * `ref` cut to the sheet's used range (null when they do not overlap). Used for every selection of
 * several cells, so a whole-column (A:M) or whole-row selection, or Ctrl+A, reads only cells that
 * hold something instead of up to 17 billion empty ones.
 */
export function clipToUsed(ref: RangeRef, used: RangeRef | null): RangeRef | null {
  if (!used) return null;
  const row = Math.max(ref.row, used.row);
  const column = Math.max(ref.column, used.column);
  const rowEnd = Math.min(ref.row + ref.rowCount, used.row + used.rowCount);
  const colEnd = Math.min(ref.column + ref.columnCount, used.column + used.columnCount);
  if (rowEnd <= row || colEnd <= column) return null;
  return { row, column, rowCount: rowEnd - row, columnCount: colEnd - column };
}

export interface CellsRead {
  values: CellValue[][];
  numberFormats?: string[][];
  formulas?: (string | number | boolean)[][];
  /** Value syncs used (chunks, including any re-read after a payload error). */
  chunks: number;
}

/**
 * THE chunked reader: reads `ref` on worksheet `ws` in row chunks, one sync each, so each response
 * stays below READ_BUDGET_BYTES (counted in UTF-8 bytes of the JSON). The first chunk assumes
 * FIRST_CHUNK_BYTES_PER_CELL; later chunks are sized from the largest row seen so far times 1.2. A chunk
 * that Excel still rejects as too large is halved and read again (one extra sync each time).
 */
export async function readCells(context: Excel.RequestContext, ws: Excel.Worksheet, ref: RangeRef, opts: ReadOptions = {}): Promise<CellsRead> {
  const values: CellValue[][] = [];
  const numberFormats: string[][] | undefined = opts.numberFormats ? [] : undefined;
  const formulas: (string | number | boolean)[][] | undefined = opts.formulas ? [] : undefined;
  const perCell = FIRST_CHUNK_BYTES_PER_CELL + (opts.numberFormats ? FORMAT_BYTES_PER_CELL : 0) + (opts.formulas ? FORMULA_BYTES_PER_CELL : 0);
  let n = rowsPerChunk(perCell * ref.columnCount);
  let maxRowBytes = 0;
  let chunks = 0;
  let cap = Infinity; // after a payload error, never more rows than the chunk that got through
  for (let start = 0; start < ref.rowCount; ) {
    const count = Math.min(n, ref.rowCount - start);
    // getRangeByIndexes is ExcelApi 1.7 (the manifest's minimum); an address works everywhere.
    const range = supports("Worksheet.getRangeByIndexes") ? ws.getRangeByIndexes(ref.row + start, ref.column, count, ref.columnCount) : ws.getRange(rangeAddress(ref.row + start, ref.column, count, ref.columnCount));
    if (opts.numberFormats && opts.formulas) range.load("values,numberFormat,formulas");
    else if (opts.numberFormats) range.load("values,numberFormat");
    else if (opts.formulas) range.load("values,formulas");
    else range.load("values");
    try {
      chunks++;
      // One sync per chunk is the point of chunking: each response must stay below the payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (isPayloadError(e) && count > 1) {
        n = cap = Math.ceil(count / 2);
        continue;
      }
      throw e;
    }
    const vals = range.values as unknown[][];
    const nfs = opts.numberFormats ? (range.numberFormat as unknown as string[][]) : undefined;
    const fs = opts.formulas ? (range.formulas as unknown as (string | number | boolean)[][]) : undefined;
    for (let i = 0; i < vals.length; i++) {
      values.push(vals[i].map(fromExcel));
      let bytes = jsonBytes(vals[i]) + 1;
      if (nfs) {
        numberFormats!.push(nfs[i]);
        bytes += jsonBytes(nfs[i]) + 1;
      }
      if (fs) {
        formulas!.push(fs[i]);
        bytes += jsonBytes(fs[i]) + 1;
      }
      if (bytes > maxRowBytes) maxRowBytes = bytes;
    }
    start += count;
    n = Math.min(cap, rowsPerChunk(Math.ceil(maxRowBytes * 1.2)));
  }
  return { values, chunks, ...(numberFormats ? { numberFormats } : {}), ...(formulas ? { formulas } : {}) };
}

async function readLoadedRange(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: string,
  range: Excel.Range,
  merged: Excel.RangeAreas | null,
  opts: ReadOptions,
  /** Cut the range to this (whole rows or columns selected): the used range. */
  clip?: RangeRef | null,
): Promise<RangeRead> {
  const full = { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  const ref = clip === undefined ? full : (clipToUsed(full, clip) ?? { ...full, rowCount: 0 });
  const r = await readCells(context, ws, ref, opts);
  return rangeRead(sheet, clip === undefined ? range.address : sheetAddress(range.address, { ...ref, rowCount: Math.max(1, ref.rowCount) }), ref, r, merged);
}

/** `address` of `ref` on the sheet that `qualified` ("Ark1!A1:B2") names. */
function sheetAddress(qualified: string, ref: RangeRef): string {
  return `${qualified.slice(0, qualified.lastIndexOf("!"))}!${rangeAddress(ref.row, ref.column, ref.rowCount, ref.columnCount)}`;
}

function rangeRead(sheet: string, address: string, ref: RangeRef, r: CellsRead, merged: Excel.RangeAreas | null): RangeRead {
  // a read result, built whole
  return {
    sheet, address, rowIndex: ref.row, columnIndex: ref.column, values: r.values, mergedAreas: mergedList(merged), chunks: r.chunks,
    ...(r.numberFormats ? { numberFormats: r.numberFormats } : {}),
    ...(r.formulas ? { formulas: r.formulas } : {}),
  };
}

const DIMS = "address,rowIndex,columnIndex,rowCount,columnCount";

/** The used range of `ws` as a RangeRef, or null (queued load; read after the sync). */
export function queueUsed(ws: Excel.Worksheet): Excel.Range {
  return ws.getUsedRangeOrNullObject(true).load(DIMS);
}

export function refOf(r: Excel.Range): RangeRef | null {
  return r.isNullObject ? null : { row: r.rowIndex, column: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount };
}

/** Whole rows or whole columns (A:M, 1:5, Ctrl+A): read only the part that overlaps the used range. */
export function isWhole(ref: RangeRef): boolean {
  return ref.rowCount >= SHEET_ROWS || ref.columnCount >= SHEET_COLUMNS;
}

/** Read `address` ("A1:M61", "A:M") on `sheetName`: 1 + chunks syncs. Whole rows/columns are cut to the used range. */
export async function readRange(run: ExcelRun, sheetName: string, address: string, opts: ReadOptions = {}): Promise<RangeRead> {
  return run(async (context) => {
    // getItem (not ...OrNullObject): calls on a null worksheet are not something to rely on in
    // Excel; a missing sheet rejects the sync with ItemNotFound, turned into SHEET_NOT_FOUND.
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.load("name");
    const range = ws.getRange(address).load(DIMS);
    const used = queueUsed(ws);
    const merged = queueMerged(range);
    await syncOrMissing(context, sheetName);
    // synced by syncOrMissing (the lint rule looks for a literal context.sync())
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    const name = ws.name;
    const full = refOf(range)!;
    const ref = isWhole(full) ? clipToUsed(full, refOf(used)) : full;
    if (!ref) return { sheet: name, address: range.address, rowIndex: full.row, columnIndex: full.column, values: [], mergedAreas: [], chunks: 0 };
    const r = await readCells(context, ws, ref, opts);
    return rangeRead(name, sheetAddress(range.address, ref), ref, r, merged);
  });
}

/** Read the used range (values only) of a sheet, or of the active sheet: 1 + chunks syncs. An empty sheet gives values []. */
export async function readUsedRange(run: ExcelRun, sheetName?: string, opts: ReadOptions = {}): Promise<RangeRead> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    const ws = sheetName === undefined ? sheets.getActiveWorksheet() : sheets.getItem(sheetName);
    ws.load("name");
    const used = ws.getUsedRangeOrNullObject(true).load(DIMS);
    const merged = queueMerged(used);
    await syncOrMissing(context, sheetName ?? "");
    if (used.isNullObject) {
      return { sheet: ws.name, address: `${ws.name}!A1`, rowIndex: 0, columnIndex: 0, values: [], mergedAreas: [], chunks: 0 };
    }
    return readLoadedRange(context, ws, ws.name, used, merged, opts);
  });
}

/** The region bounded by empty rows and columns around (row, column) in a 0-based grid. */
export function regionAround(values: CellValue[][], row: number, column: number): RangeRef {
  const filled = (r: number, c: number): boolean => r >= 0 && c >= 0 && r < values.length && values[r][c] !== null && values[r][c] !== undefined;
  let r1 = row;
  let r2 = row;
  let c1 = column;
  let c2 = column;
  const height = values.length;
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  for (let changed = true; changed; ) {
    changed = false;
    const rowHas = (r: number): boolean => {
      for (let c = Math.max(c1 - 1, 0); c <= Math.min(c2 + 1, width - 1); c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number): boolean => {
      for (let r = Math.max(r1 - 1, 0); r <= Math.min(r2 + 1, height - 1); r++) if (filled(r, c)) return true;
      return false;
    };
    while (r1 > 0 && rowHas(r1 - 1)) {
      r1--;
      changed = true;
    }
    while (r2 + 1 < height && rowHas(r2 + 1)) {
      r2++;
      changed = true;
    }
    while (c1 > 0 && colHas(c1 - 1)) {
      c1--;
      changed = true;
    }
    while (c2 + 1 < width && colHas(c2 + 1)) {
      c2++;
      changed = true;
    }
  }
  return { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
}

/**
 * The data around the selection: with one cell selected, its current region (Excel's
 * Range.getSurroundingRegion, ExcelApi 1.7: the block bounded by empty rows and columns); with
 * several cells selected, exactly the selection. 1 + chunks syncs. Without ExcelApi 1.7 the
 * used range is read and the region computed here with the same rule (`regionAround`).
 */
export async function readSelectionRegion(run: ExcelRun, opts: ReadOptions = {}): Promise<RangeRead> {
  try {
    return await readSelectionRegionNow(run, opts);
  } catch (e) {
    throw await selectionError(run, e);
  }
}

async function readSelectionRegionNow(run: ExcelRun, opts: ReadOptions): Promise<RangeRead> {
  return run(async (context) => {
    const sel = context.workbook.getSelectedRange().load(DIMS);
    const ws = sel.worksheet;
    ws.load("name");
    const selMerged = queueMerged(sel);
    if (!supports("Range.getSurroundingRegion")) {
      const used = ws.getUsedRangeOrNullObject(true).load(DIMS);
      await context.sync();
      if (used.isNullObject) return { sheet: ws.name, address: sel.address, rowIndex: sel.rowIndex, columnIndex: sel.columnIndex, values: [], mergedAreas: [], chunks: 0 };
      const all = await readCells(context, ws, { row: used.rowIndex, column: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount }, opts);
      const single = sel.rowCount === 1 && sel.columnCount === 1;
      const local = single
        ? regionAround(all.values, sel.rowIndex - used.rowIndex, sel.columnIndex - used.columnIndex)
        : isWhole(refOf(sel)!)
          ? (clipToUsed({ row: sel.rowIndex - used.rowIndex, column: sel.columnIndex - used.columnIndex, rowCount: sel.rowCount, columnCount: sel.columnCount }, { row: 0, column: 0, rowCount: used.rowCount, columnCount: used.columnCount }) ?? { row: 0, column: 0, rowCount: 0, columnCount: 0 })
          : { row: sel.rowIndex - used.rowIndex, column: sel.columnIndex - used.columnIndex, rowCount: sel.rowCount, columnCount: sel.columnCount };
      const pick = <V>(grid: V[][], empty: V): V[][] =>
        Array.from({ length: local.rowCount }, (_, i) => Array.from({ length: local.columnCount }, (_, j) => grid[local.row + i]?.[local.column + j] ?? empty));
      const out: RangeRead = {
        sheet: ws.name,
        address: `${sel.address.slice(0, sel.address.lastIndexOf("!"))}!${rangeAddress(used.rowIndex + local.row, used.columnIndex + local.column, local.rowCount, local.columnCount)}`,
        rowIndex: used.rowIndex + local.row,
        columnIndex: used.columnIndex + local.column,
        values: pick<CellValue>(all.values, null),
        mergedAreas: mergedList(selMerged),
        chunks: all.chunks,
      };
      if (all.numberFormats) out.numberFormats = pick(all.numberFormats, "General");
      return out;
    }
    const region = sel.getSurroundingRegion().load(DIMS);
    const regionMerged = queueMerged(region);
    const used = queueUsed(ws);
    await context.sync();
    const single = sel.rowCount === 1 && sel.columnCount === 1;
    if (single) return readLoadedRange(context, ws, ws.name, region, regionMerged, opts);
    // whole columns (A:M), whole rows or Ctrl+A: only the part with content
    return readLoadedRange(context, ws, ws.name, sel, selMerged, opts, isWhole(refOf(sel)!) ? refOf(used) : undefined);
  });
}

/**
 * What to tell the user when reading the selection failed: Excel's getSelectedRange() refuses a selection
 * of several areas (Ctrl+click) and, with "InvalidSelection", a selected shape or chart (office-js#2268),
 * which would otherwise reach the user as a generic Excel error. With ExcelApi 1.9 a second request
 * (getSelectedRanges, 1 sync) tells the two apart; without it one message covers both. Other errors are
 * returned unchanged.
 */
export async function selectionError(run: ExcelRun, e: unknown): Promise<unknown> {
  if (e instanceof VirkningError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return e;
  let areas = -1; // -1: not known
  if (supports("Workbook.getSelectedRanges")) {
    try {
      areas = await run(async (context) => {
        const ranges = context.workbook.getSelectedRanges().load("areaCount");
        await context.sync();
        return ranges.areaCount;
      });
    } catch {
      areas = 0; // even the areas cannot be had: not cells (a shape or chart)
    }
    if (areas === 1) return e; // one block of cells: the failure is something else
  } else if (code !== "InvalidSelection") return e;
  if (areas > 1) {
    return new VirkningError(
      "SELECTION_SEVERAL_AREAS",
      `Der er markeret ${areas} områder på én gang (med Ctrl). Virkning kan kun læse ét sammenhængende område: markér én celle i dine data (så findes hele tabellen), eller markér tabellen som ét område, og tryk på "Brug markering" igen.`,
      `${areas} areas are selected at once (with Ctrl). Virkning can only read one connected range: select one cell in your data (the whole table is then found), or select the table as one range, and press "Use selection" again.`,
    );
  }
  if (areas === 0) {
    return new VirkningError(
      "SELECTION_NOT_CELLS",
      `Der er markeret en figur eller et diagram, ikke celler. Klik på en celle i dine data, og tryk på "Brug markering" igen.`,
      `A shape or chart is selected, not cells. Click a cell in your data and press "Use selection" again.`,
    );
  }
  return new VirkningError(
    "SELECTION_NOT_A_RANGE",
    `Markeringen er ikke ét område af celler (der er fx markeret en figur, et diagram eller flere områder med Ctrl). Klik på én celle i dine data, og tryk på "Brug markering" igen.`,
    `The selection is not one range of cells (for example a shape, a chart or several areas are selected). Click one cell in your data and press "Use selection" again.`,
  );
}

export interface SheetInfo {
  name: string;
  id: string;
  position: number;
  visible: boolean;
}

/** All worksheets in tab order: 1 sync. */
export async function listSheets(run: ExcelRun): Promise<SheetInfo[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id,items/position,items/visibility");
    await context.sync();
    return sheets.items.map((s) => ({ name: s.name, id: s.id, position: s.position, visible: s.visibility === "Visible" }));
  });
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** Sheet-qualified address including the header row. */
  address: string;
}

/** All tables in the workbook with sheet and address: 2 syncs (names, then ranges). */
export async function listTables(run: ExcelRun): Promise<TableInfo[]> {
  return run(async (context) => {
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    await context.sync();
    const ranges = tables.items.map((t) => t.getRange().load("address"));
    if (ranges.length > 0) await context.sync();
    return tables.items.map((t, i) => ({ name: t.name, sheet: t.worksheet.name, address: ranges[i].address }));
  });
}
