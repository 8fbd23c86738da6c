/**
 * A small row builder for the Ledelsesoverblik sheet: rows of WIDTH cells starting at A1, plus
 * styles, merges and extra blocks (chart data to the right of the print area).
 */
import { cellAddress } from "../report/address";
import type { CellBlock, CellStyle, CellValue, ChartSpec, StyleRange } from "../report/sheetSpec";

/** Columns A..I are printed. */
export const WIDTH = 9;
/** Chart data starts in column K (outside the print area). */
export const DATA_COLUMN = 10;

export class Rows {
  readonly rows: CellValue[][] = [];
  readonly styles: StyleRange[] = [];
  readonly merges: string[] = [];
  readonly extra: CellBlock[] = [];
  readonly charts: ChartSpec[] = [];
  /** Rows used by the chart data blocks (column K onwards). */
  dataRow = 0;

  /** Adds a row (padded to WIDTH) and returns its 0-based index. */
  add(values: CellValue[] = [], style?: CellStyle): number {
    const row = values.slice(0, WIDTH);
    while (row.length < WIDTH) row.push(null);
    this.rows.push(row);
    const r = this.rows.length - 1;
    if (style) this.style(r, 0, r, WIDTH - 1, style);
    return r;
  }

  get next(): number {
    return this.rows.length;
  }

  style(r1: number, c1: number, r2: number, c2: number, style: CellStyle): void {
    this.styles.push({ range: range(r1, c1, r2, c2), style });
  }

  /** Chart data block at column K (header row first); `numberFormat` for its values; returns its A1 range. */
  data(values: CellValue[][], numberFormat?: string): string {
    const r = this.dataRow;
    this.extra.push({ address: cellAddress(r, DATA_COLUMN), values });
    this.dataRow += values.length + 1;
    const last = DATA_COLUMN + values[0].length - 1;
    this.style(r, DATA_COLUMN, r, last, { italic: true, fontColor: "#595959" });
    if (numberFormat !== undefined && values.length > 1) this.style(r + 1, DATA_COLUMN + 1, r + values.length - 1, last, { numberFormat });
    return range(r, DATA_COLUMN, r + values.length - 1, last);
  }

  /** Blank rows reserved for charts; returns [top-left, bottom-right] for a chart at columns c1..c2. */
  reserve(height: number): number {
    const top = this.next;
    for (let i = 0; i < height; i++) this.add();
    return top;
  }

  blocks(): CellBlock[] {
    return [{ address: "A1", values: this.rows }, ...this.extra];
  }
}

export function range(r1: number, c1: number, r2: number, c2: number): string {
  const a = cellAddress(r1, c1);
  const b = cellAddress(r2, c2);
  return a === b ? a : `${a}:${b}`;
}

/** A sentence broken at spaces into lines of at most `maxChars` (an unwrapped note row must stay inside the print width). */
export function wrapWords(text: string, maxChars: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const w of text.split(" ")) {
    if (cur !== "" && cur.length + 1 + w.length > maxChars) {
      out.push(cur);
      cur = w;
    } else cur = cur === "" ? w : `${cur} ${w}`;
  }
  if (cur !== "") out.push(cur);
  return out;
}
