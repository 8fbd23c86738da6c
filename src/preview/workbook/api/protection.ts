/**
 * Excel API emulation: sheet protection (ExcelApi 1.2: Worksheet.protection with `protected`,
 * `options`, protect(options?, password?), unprotect(password?) — the password argument of
 * unprotect is ExcelApi 1.7 — and RangeFormat.protection.locked), and the refusals Excel gives
 * on a protected sheet. Sources:
 * - Microsoft's reference, Excel.WorksheetProtection: protect "fails if the worksheet has already
 *   been protected" (Graph's workbookWorksheetProtection: "Returns an error if the worksheet is
 *   already protected"); since June 2026 Excel also answers AccessDenied to unprotect() on an
 *   unprotected sheet (office-js#6784) — emulated, so code checks `protected` first either way.
 * - Writing to a locked cell of a protected sheet fails with code AccessDenied, "You cannot perform
 *   the requested operation." (microsoft-graph-docs#4546, the same Excel service). Formatting needs
 *   allowFormatCells, column widths allowFormatColumns, row heights allowFormatRows; locking or
 *   unlocking cells needs an unprotected sheet (Excel's Format Cells > Protection).
 * - A wrong password for unprotect: Excel's code is not documented; AccessDenied here.
 * Not emulated: formulaHidden, allowEditRanges (1.14), pauseProtection (1.17), refusals of
 * tables/charts/shapes on a protected sheet. The grid (setCellByUser) ignores edits of locked cells.
 */
import type { RangeRef } from "../../../core/report/address";
import { DEFAULT_PROTECTION_OPTIONS, isLocked, protectionOf, setLocked, setProtection, type ProtectionOptions } from "../protectionState";
import type { SheetState } from "../state";
import { ClientObj, apiError, defineProps, invalidArgument, jsonLength, requireApi, type EmulatedApiError } from "./base";
import type { RangeTarget } from "./range";

function accessDenied(location: string): EmulatedApiError {
  return apiError("AccessDenied", "You cannot perform the requested operation.", location);
}

function hasLockedCell(sheet: SheetState, ref: RangeRef): boolean {
  // Large ranges (whole columns) hold more cells than could ever have been unlocked one by one.
  if (ref.rowCount * ref.columnCount > 1_000_000) return true;
  for (let r = ref.row; r < ref.row + ref.rowCount; r++) for (let c = ref.column; c < ref.column + ref.columnCount; c++) if (isLocked(sheet, r, c)) return true;
  return false;
}

/** Values, formulas, clearing contents, deleting or merging: refused when the range has a locked cell on a protected sheet. */
export function assertCellsEditable(t: RangeTarget, location: string): void {
  if (protectionOf(t.sheet) && hasLockedCell(t.sheet, t.ref)) throw accessDenied(location);
}

/** Formatting: refused on a protected sheet unless the options allow it. */
export function assertFormattable(t: RangeTarget, what: "cells" | "columns" | "rows", location: string): void {
  const p = protectionOf(t.sheet);
  if (!p) return;
  const allowed = what === "cells" ? p.options.allowFormatCells : what === "columns" ? p.options.allowFormatColumns : p.options.allowFormatRows;
  if (!allowed) throw accessDenied(location);
}

function parseOptions(o: unknown): ProtectionOptions {
  if (o === undefined || o === null) return { ...DEFAULT_PROTECTION_OPTIONS };
  if (typeof o !== "object") throw invalidArgument("WorksheetProtection.protect options", "WorksheetProtection.protect");
  const out: ProtectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (k === "selectionMode") {
      if (v !== "Normal" && v !== "Unlocked" && v !== "None") throw invalidArgument("selectionMode", "WorksheetProtection.protect");
      out.selectionMode = v;
    } else if (k in DEFAULT_PROTECTION_OPTIONS && typeof v === "boolean") {
      (out as unknown as Record<string, boolean>)[k] = v;
    } else throw invalidArgument(`protection option ${k}`, "WorksheetProtection.protect");
  }
  return out;
}

export class WorksheetProtection extends ClientObj<SheetState> {
  protect(options?: Partial<ProtectionOptions> | null, password?: string): void {
    this._act(jsonLength(options) + jsonLength(password), (s) => {
      if (protectionOf(s)) throw accessDenied("WorksheetProtection.protect");
      setProtection(s, { options: parseOptions(options), password: password ?? "" });
    });
  }
  unprotect(password?: string): void {
    this._act(jsonLength(password), (s) => {
      if (password !== undefined) requireApi(this._book, "WorksheetProtection.unprotect(password)");
      const p = protectionOf(s);
      if (!p) throw accessDenied("WorksheetProtection.unprotect");
      // office-js#6784: the regression also refuses unprotecting a protected sheet (PreviewWorkbook.unprotectRefused).
      if (this._book.unprotectRefused) throw accessDenied("WorksheetProtection.unprotect");
      if (p.password !== "" && p.password !== password) throw accessDenied("WorksheetProtection.unprotect");
      setProtection(s, undefined);
    });
  }
}
defineProps(WorksheetProtection, {
  protected: { get: (s: SheetState) => protectionOf(s) !== undefined },
  options: { get: (s: SheetState) => ({ ...(protectionOf(s)?.options ?? DEFAULT_PROTECTION_OPTIONS) }) },
});

/** RangeFormat.protection (ExcelApi 1.2): `locked` reads true/false, or null when the cells differ. */
export class FormatProtection extends ClientObj<RangeTarget> {}
defineProps(FormatProtection, {
  locked: {
    get: (t: RangeTarget) => {
      let any: boolean | undefined;
      const r = t.ref;
      if (r.rowCount * r.columnCount > 1_000_000) return true;
      for (let i = r.row; i < r.row + r.rowCount; i++) {
        for (let j = r.column; j < r.column + r.columnCount; j++) {
          const l = isLocked(t.sheet, i, j);
          if (any === undefined) any = l;
          else if (any !== l) return null;
        }
      }
      return any ?? true;
    },
    set: (t: RangeTarget, v: boolean) => {
      if (typeof v !== "boolean") throw invalidArgument("locked");
      if (protectionOf(t.sheet)) throw accessDenied("FormatProtection.locked");
      const r = t.ref;
      if (r.rowCount * r.columnCount > 1_000_000) throw invalidArgument("FormatProtection.locked on more than 1,000,000 cells is not emulated");
      for (let i = r.row; i < r.row + r.rowCount; i++) for (let j = r.column; j < r.column + r.columnCount; j++) setLocked(t.sheet, i, j, v);
    },
  },
});
