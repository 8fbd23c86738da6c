/** A1-address helpers shared by core (sheet layouts, error messages) and excel/ (rendering). */

/** 0-based column index to letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Ugyldigt kolonneindeks: ${index}`);
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column index: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  const up = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) throw new RangeError(`Ugyldigt kolonnenavn: ${letters}`);
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column to "B4". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** 0-based corners to "A1:C3" (or "A1" when one cell). */
export function rangeAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const a = cellAddress(row, column);
  if (rowCount === 1 && columnCount === 1) return a;
  return `${a}:${cellAddress(row + rowCount - 1, column + columnCount - 1)}`;
}

export interface CellRef {
  row: number;
  column: number;
}

export interface RangeRef {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** "B4" → {row: 3, column: 1}. Accepts "$B$4". */
export function parseCell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`Ugyldig celleadresse: ${address}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

/** "A1:C3" or "B4" (optionally "Sheet!A1:C3") → 0-based range. */
export function parseRange(address: string): RangeRef {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b] = local.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  const row = Math.min(p.row, q.row);
  const column = Math.min(p.column, q.column);
  return { row, column, rowCount: Math.abs(q.row - p.row) + 1, columnCount: Math.abs(q.column - p.column) + 1 };
}
