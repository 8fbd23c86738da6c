/**
 * Selections the grid cannot make by clicking one block of cells: several areas (Ctrl+click) or a shape or
 * chart. Excel's getSelectedRange() refuses both (office-js#2268: "InvalidSelection" when a chart or shape
 * is selected; Microsoft's reference: it "will throw an error" when several ranges are selected), and
 * getSelectedRanges() (ExcelApi 1.9) returns the areas. Kept here, out of the lead's workbook files; the
 * Workbook object asks `specialSelection` (a few hook lines in api/workbook.ts).
 */
import type { RangeRef } from "../../../core/report/address";
import type { PreviewWorkbook } from "../workbook";
import { apiError, type EmulatedApiError } from "./base";

export type SpecialSelection = { kind: "areas"; sheet: string; areas: RangeRef[]; anchor: RangeRef } | { kind: "shape"; sheet: string; anchor: RangeRef };

const special = new WeakMap<PreviewWorkbook, SpecialSelection>();

/** The user selects several areas with Ctrl (the last one is the active cell's area). */
export function selectAreasByUser(wb: PreviewWorkbook, sheet: string, areas: RangeRef[]): void {
  wb.selectByUser(sheet, areas[areas.length - 1]);
  const s = wb.getSheet(sheet);
  if (s) special.set(wb, { kind: "areas", sheet: s.name, areas: areas.map((a) => ({ ...a })), anchor: wb.selectionOf(s) });
}

/** The user clicks a shape or chart on `sheet`. */
export function selectShapeByUser(wb: PreviewWorkbook, sheet: string): void {
  const s = wb.getSheet(sheet);
  if (!s) return;
  wb.selectByUser(sheet, wb.selectionOf(s));
  special.set(wb, { kind: "shape", sheet: s.name, anchor: wb.selectionOf(s) });
}

/** The special selection, while it is still the user's selection (any later selectByUser ends it). */
export function specialSelection(wb: PreviewWorkbook): SpecialSelection | undefined {
  const sp = special.get(wb);
  if (!sp) return undefined;
  const s = wb.getSheet(wb.activeSheetName);
  if (!s || s.name !== sp.sheet || wb.selectionOf(s) !== sp.anchor) {
    special.delete(wb);
    return undefined;
  }
  return sp;
}

/** The refusal of getSelectedRange() for the current selection, if any. */
export function selectedRangeRefusal(wb: PreviewWorkbook): EmulatedApiError | null {
  const sp = specialSelection(wb);
  if (!sp) return null;
  return sp.kind === "shape"
    ? apiError("InvalidSelection", "The current selection is invalid for this operation.")
    : apiError("InvalidSelection", "This operation is not supported for multiple selections.");
}
