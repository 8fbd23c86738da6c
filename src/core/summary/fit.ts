/**
 * How page 1 of the Ledelsesoverblik fits an A4 landscape page, computed from the sheet's column
 * widths, its rows' heights and the charts' sizes (charts sit on reserved rows, so their height is
 * those rows' height), for the print scale the spec sets and for the unit test that checks it.
 *
 * Row heights are Excel's automatic heights for Calibri at the row's largest font size (11 pt → 15,
 * 9 → 12, 12 → 15.75, 16 → 21 points; Excel's standard row height is 15 points for 11 pt), times the
 * number of lines of the row's wrapped cells. Text width is estimated at WIDTH_PER_PT × font size per
 * character (Calibri's average advance over Danish running text is about 0.47 em; 0.5 leaves room
 * for bold and capitals).
 */
import { columnIndex, parseCell, parseRange } from "../report/address";
import { isFormula, type CellStyle, type CellValue, type SheetSpec } from "../report/sheetSpec";

export const A4_LANDSCAPE = { width: 842, height: 595 };
/** Excel's default column width when a column has none set (8.43 characters ≈ 48 points). */
const DEFAULT_COLUMN = 48;
export const WIDTH_PER_PT = 0.5;

const heightFor = (fontSize: number): number => (fontSize <= 9 ? 12 : fontSize <= 11 ? 15 : fontSize <= 12 ? 15.75 : fontSize <= 14 ? 18.75 : 21);

export function columnWidths(spec: SheetSpec, count: number): number[] {
  const w = new Array<number>(count).fill(DEFAULT_COLUMN);
  for (const c of spec.columnWidths ?? []) {
    const [a, b] = c.columns.split(":");
    for (let i = columnIndex(a); i <= columnIndex(b ?? a) && i < count; i++) w[i] = c.width;
  }
  return w;
}

/** The style of each cell of rows 0..lastRow, columns 0..cols−1 (later ranges win, as the renderer applies them). */
function styles(spec: SheetSpec, lastRow: number, cols: number): CellStyle[][] {
  const out: CellStyle[][] = Array.from({ length: lastRow + 1 }, () => Array.from({ length: cols }, () => ({})));
  for (const s of spec.styles ?? []) {
    const r = parseRange(s.range);
    for (let i = r.row; i < r.row + r.rowCount && i <= lastRow; i++) for (let j = r.column; j < r.column + r.columnCount && j < cols; j++) out[i][j] = { ...out[i][j], ...s.style };
  }
  return out;
}

function grid(spec: SheetSpec, lastRow: number, cols: number): CellValue[][] {
  const out: CellValue[][] = Array.from({ length: lastRow + 1 }, () => new Array<CellValue>(cols).fill(null));
  for (const b of spec.cells) {
    const { row, column } = parseCell(b.address);
    b.values.forEach((r, i) => r.forEach((v, j) => {
      if (row + i <= lastRow && column + j < cols) out[row + i][column + j] = v;
    }));
  }
  return out;
}

const textOf = (v: CellValue): string => (v === null || v === undefined ? "" : isFormula(v) ? "" : typeof v === "number" ? String(Math.round(v * 100) / 100) : String(v));
export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * WIDTH_PER_PT;

export interface PageFit {
  /** Width of the printed columns and height of the printed rows, in points at 100 %. */
  width: number;
  height: number;
  /** Printable area of the page, in points. */
  printable: { width: number; height: number };
  /** Largest scale (0–1) at which the rows fit one page. */
  scale: number;
  /** Unwrapped texts that run past the print area (or into a filled cell), as "A12". */
  overflowing: string[];
}

/** Fit of rows firstRow..lastRow (0-based), columns 0..cols−1, on one page with the spec's margins. */
export function pageFit(spec: SheetSpec, firstRow: number, lastRow: number, cols: number): PageFit {
  const widths = columnWidths(spec, cols);
  const st = styles(spec, lastRow, cols);
  const g = grid(spec, lastRow, cols);
  let height = 0;
  const overflowing: string[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    // Excel sizes a row to the largest font among its cells, empty cells included
    let h = Math.max(...st[r].map((s) => heightFor(s.fontSize ?? 11)));
    for (let c = 0; c < cols; c++) {
      const s = st[r][c];
      const size = s.fontSize ?? 11;
      const text = textOf(g[r][c]);
      if (text === "") continue;
      const lines = s.wrapText ? Math.max(1, Math.ceil(textWidth(text, size) / Math.max(1, widths[c] - 4))) : 1;
      h = Math.max(h, heightFor(size) * lines);
      if (!s.wrapText) {
        let room = 0;
        for (let k = c; k < cols; k++) {
          if (k > c && textOf(g[r][k]) !== "") break;
          room += widths[k];
        }
        if (textWidth(text, size) > room) overflowing.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }
    }
    height += h;
  }
  const width = widths.reduce((a, b) => a + b, 0);
  const m = spec.pageSetup?.margins ?? { top: 54, bottom: 54, left: 50.4, right: 50.4 };
  const printable = { width: A4_LANDSCAPE.width - m.left - m.right, height: A4_LANDSCAPE.height - m.top - m.bottom };
  const scale = Math.min(1, printable.width / width, printable.height / height);
  return { width, height, printable, scale, overflowing };
}
