/**
 * A line of text alone in its row, merged across a table's width (titles, sentences, notes on the result
 * sheets, issue 22: "sentences in one wrapped cell"). Excel does not fit the height of a merged cell's row to
 * its text, so the row gets an estimated height: the number of lines the text wraps to times one line.
 */
import type { StyleRange } from "./sheetSpec";

/** Average width of a character of 11 pt Calibri in points, rounded up (for the height of a wrapped line). */
export const CHAR_PT = 5.6;
/** Height of one line of 11 pt text in points (Excel's default row height). */
export const LINE_PT = 15;

/** The lines `text` needs in a cell `widthPt` wide at `fontSize` points (estimated, at least 1). */
export function estimatedLines(text: string, widthPt: number, fontSize = 11): number {
  return Math.max(1, Math.ceil((text.length * CHAR_PT * (fontSize / 11)) / widthPt));
}

/**
 * Style and row height of a merged line: the given style, plus wrapping at the top and the height of its
 * lines when the text needs more than one. `style` is undefined when there is nothing to set.
 */
export function wrappedLine(text: string, widthPt: number, s: StyleRange["style"] = {}): { style?: StyleRange["style"]; height?: number } {
  const lines = estimatedLines(text, widthPt, s.fontSize ?? 11);
  if (lines === 1) return Object.keys(s).length > 0 ? { style: s } : {};
  return { style: { ...s, wrapText: true, verticalAlignment: "top" }, height: lines * LINE_PT * ((s.fontSize ?? 11) > 11 ? (s.fontSize as number) / 11 : 1) };
}
