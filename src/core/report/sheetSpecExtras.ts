/**
 * Optional SheetSpec parts for sheets the user fills in (issue 10): data-validation lists and
 * conditional formats. Rendered by src/excel/renderExtras.ts.
 *
 * Data validation (Range.dataValidation, ExcelApi 1.8): a list of allowed entries, shown by Excel as
 * an in-cell dropdown. The list is given as values; the renderer joins them into Excel's
 * comma-separated source, so a value may not contain a comma and the source is limited to 255
 * characters (Excel's limit for an inline list).
 *
 * Conditional formats (ExcelApi 1.6): a fill for cells whose row matches a formula built by our code
 * (relative to the range's top-left cell, English function names), never user text.
 */
import type { Formula } from "./sheetSpec";

/** Excel's limit for an inline list source ("a,b,c"). */
export const LIST_SOURCE_MAX_CHARS = 255;

export interface ListValidationSpec {
  /** A1 range, e.g. "G5:K104". */
  range: string;
  /** Allowed entries, in dropdown order. */
  list: string[];
  /** Ignore blank cells (Excel's default true). */
  ignoreBlanks?: boolean;
  /** Title and message of the error Excel shows for an entry not on the list. */
  errorTitle?: string;
  errorMessage?: string;
}

export interface ConditionalFillSpec {
  /** A1 range, e.g. "A5:L104". */
  range: string;
  /** Custom rule: the cell is formatted when the formula (relative to the top-left cell) is TRUE. */
  formula: Formula;
  fill: string;
  fontColor?: string;
}

/** The list source as Excel takes it, or an explanation why the list cannot be used. */
export function listSource(list: string[]): { ok: true; source: string } | { ok: false; reason: string } {
  if (list.length === 0) return { ok: false, reason: "empty list" };
  if (list.some((v) => v.includes(","))) return { ok: false, reason: "an entry contains a comma" };
  const source = list.join(",");
  if (source.length > LIST_SOURCE_MAX_CHARS) return { ok: false, reason: `more than ${LIST_SOURCE_MAX_CHARS} characters` };
  return { ok: true, source };
}
