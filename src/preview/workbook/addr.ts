/**
 * Address helpers for the emulation. Builds on src/core/report/address.ts and adds what Excel
 * accepts beyond single cells and rectangles: whole columns ("B:D"), whole rows ("3:5") and
 * sheet-qualified addresses with quoting ("'Min data'!A1:B2").
 */
import { columnIndex, rangeAddress, columnLetter, type RangeRef } from "../../core/report/address";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Split "Sheet!A1:B2" / "'My sheet'!A1" into sheet name (unquoted) and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/**
 * Parse a local or sheet-qualified A1 address into a 0-based rectangle. Returns undefined when
 * the text is not a valid address (callers turn that into Excel's InvalidArgument).
 */
export function parseAddress(address: string): RangeRef | undefined {
  const { local } = splitSheet(address);
  const parts = local.split(":");
  if (parts.length > 2 || parts.some((p) => p.length === 0)) return undefined;
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const col = /^\$?([A-Za-z]{1,3})$/;
  const row = /^\$?(\d{1,7})$/;
  const a = parts[0];
  const b = parts[1] ?? parts[0];
  try {
    let m1 = cell.exec(a);
    let m2 = cell.exec(b);
    if (m1 && m2) {
      const r1 = Number(m1[2]) - 1;
      const r2 = Number(m2[2]) - 1;
      const c1 = columnIndex(m1[1]);
      const c2 = columnIndex(m2[1]);
      if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS) return undefined;
      return { row: Math.min(r1, r2), column: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
    }
    if (parts.length === 2) {
      m1 = col.exec(a);
      m2 = col.exec(b);
      if (m1 && m2) {
        const c1 = columnIndex(m1[1]);
        const c2 = columnIndex(m2[1]);
        if (c1 >= MAX_COLUMNS || c2 >= MAX_COLUMNS) return undefined;
        return { row: 0, column: Math.min(c1, c2), rowCount: MAX_ROWS, columnCount: Math.abs(c2 - c1) + 1 };
      }
      m1 = row.exec(a);
      m2 = row.exec(b);
      if (m1 && m2) {
        const r1 = Number(m1[1]) - 1;
        const r2 = Number(m2[1]) - 1;
        if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return undefined;
        return { row: Math.min(r1, r2), column: 0, rowCount: Math.abs(r2 - r1) + 1, columnCount: MAX_COLUMNS };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Quote a sheet name for an address when Excel would ("'Min data'!A1"). */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Local address as Excel prints it: "A1", "A1:C3", "B:D" for whole columns, "3:5" for whole rows. */
export function localAddress(ref: RangeRef): string {
  if (ref.row === 0 && ref.rowCount === MAX_ROWS) {
    return `${columnLetter(ref.column)}:${columnLetter(ref.column + ref.columnCount - 1)}`;
  }
  if (ref.column === 0 && ref.columnCount === MAX_COLUMNS) return `${ref.row + 1}:${ref.row + ref.rowCount}`;
  return rangeAddress(ref.row, ref.column, ref.rowCount, ref.columnCount);
}

/** "Ark1!A1:C3" like Range.address. */
export function qualifiedAddress(sheet: string, ref: RangeRef): string {
  return `${quoteSheetName(sheet)}!${localAddress(ref)}`;
}

export function intersect(a: RangeRef, b: RangeRef): RangeRef | undefined {
  const r1 = Math.max(a.row, b.row);
  const c1 = Math.max(a.column, b.column);
  const r2 = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const c2 = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (r2 <= r1 || c2 <= c1) return undefined;
  return { row: r1, column: c1, rowCount: r2 - r1, columnCount: c2 - c1 };
}

export function contains(outer: RangeRef, inner: RangeRef): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}
