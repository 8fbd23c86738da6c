/**
 * A result sheet written top-down (the progression's and the chain's): lines of text alone in their
 * row (merged across the printed width and fitted by wrappedLine when the sheet is done), section
 * headings, and tables with a header row and number formats per column. The sheet builders keep their
 * own words and layout; this holds only the writing.
 */
import type { Text } from "../stats";
import { columnLetter, rangeAddress } from "./address";
import { pValueFormat } from "./numberFormats";
import type { CellValue, StyleRange } from "./sheetSpec";
import { wrappedLine } from "./wrappedLine";

type Lang = "da" | "en";

/** The header row's fill of a result table. */
export const TABLE_HEAD_FILL = "#DDEBF7";

export class SheetWriter {
  readonly cells: { address: string; values: CellValue[][]; numberFormat?: string }[] = [];
  readonly styles: StyleRange[] = [];
  /** Merged cells inside tables, and rows whose height is set (Excel does not fit a merged cell's row). */
  readonly merges: string[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];
  /** Rows (1-based) of the lines of text, merged across the printed width when the sheet is done. */
  private readonly lines: { row: number; text: string; style: StyleRange["style"] }[] = [];
  row = 0;
  /** p-values ("<0,001" by format) in the sheet's language. */
  readonly P: string;
  /** `PCT`: the sheet's percent format. */
  constructor(
    readonly lang: Lang,
    readonly PCT: string,
  ) {
    this.P = pValueFormat(lang);
  }
  t(x: Text): string {
    return x[this.lang];
  }
  heading(x: Text): void {
    this.row++;
    this.line(this.t(x), { bold: true, fontSize: 12 });
  }
  /** A line of text alone in its row (title, sentence, note, a table's caption): one merged, wrapped cell. */
  line(text: string, style: StyleRange["style"] = {}): void {
    this.cells.push({ address: `A${this.row + 1}`, values: [[text]] });
    this.lines.push({ row: this.row + 1, text, style });
    this.row++;
  }
  note(text: string): void {
    this.line(text, { italic: true, fontColor: "#595959" });
  }
  /**
   * A header row and its rows at the current row, number formats per column; returns the header's row
   * (0-based). With `wrapText`, the rows are top-aligned and the text columns (no format) wrap, the number
   * columns do not (a wrapped number would make the row as tall as its unformatted digits).
   */
  table(header: string[], rows: CellValue[][], formats: (string | undefined)[] = [], opts: { wrapText?: boolean } = {}): number {
    const top = this.row;
    this.cells.push({ address: `A${top + 1}`, values: [header, ...rows] });
    this.styles.push({ range: rangeAddress(top, 0, 1, header.length), style: { bold: true, fill: TABLE_HEAD_FILL, wrapText: true, verticalAlignment: "top", border: "bottom" } });
    formats.forEach((f, j) => {
      if (f && rows.length) this.styles.push({ range: rangeAddress(top + 1, j, rows.length, 1), style: { numberFormat: f } });
    });
    if (opts.wrapText && rows.length) {
      this.styles.push({ range: rangeAddress(top + 1, 0, rows.length, header.length), style: { verticalAlignment: "top" } });
      header.forEach((_, j) => {
        if (!formats[j]) this.styles.push({ range: rangeAddress(top + 1, j, rows.length, 1), style: { wrapText: true } });
      });
    }
    this.row += rows.length + 1;
    return top;
  }
  /** The merges and row heights: the tables' own and the lines' across `width` columns of `widthPt` points in all. */
  finishLines(width: number, widthPt: number): { merges: string[]; rowHeights: { row: number; height: number }[] } {
    const merges = [...this.merges];
    const rowHeights = [...this.rowHeights];
    for (const l of this.lines) {
      merges.push(`A${l.row}:${columnLetter(width - 1)}${l.row}`);
      const fit = wrappedLine(l.text, widthPt, l.style);
      if (fit.style) this.styles.push({ range: `A${l.row}`, style: fit.style });
      if (fit.height) rowHeights.push({ row: l.row, height: fit.height });
    }
    return { merges, rowHeights };
  }
}
