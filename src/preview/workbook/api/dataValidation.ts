/**
 * Excel API emulation: Range.dataValidation (ExcelApi 1.8), list rules only — the kind the add-in
 * writes. Refusals as Excel gives them (Microsoft Learn, Excel.DataValidation / DataValidationRule /
 * ListDataValidation; "Excel specifications and limits" for the lengths):
 * - a rule must hold exactly one criterion ("You can only use one of them at a time"): otherwise
 *   InvalidArgument; criteria other than `list` are not emulated and refused the same way;
 * - a list source must be a non-empty string (a Range source is not emulated); an inline list is at
 *   most 255 characters, as in Excel's Data Validation dialog;
 * - errorAlert title ≤ 32 and message ≤ 225 characters, style Stop / Warning / Information;
 * - on a host below ExcelApi 1.8 the sync fails with ApiNotFound.
 * Setting a rule replaces the rules of the cells it covers (other cells of an overlapping rule keep
 * theirs). Values written through the API are not checked (Excel checks only entries typed by the
 * user); the grid checks typed entries with `acceptsEntry`.
 */
import type { RangeRef } from "../../../core/report/address";
import { extrasOf, type ValidationState } from "../extrasState";
import { ClientObj, defineProps, invalidArgument, requireApi } from "./base";
import type { RangeTarget } from "./range";

export const LIST_SOURCE_MAX = 255;

function subtract(a: RangeRef, b: RangeRef): RangeRef[] {
  const r1 = Math.max(a.row, b.row);
  const r2 = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const c1 = Math.max(a.column, b.column);
  const c2 = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  if (r1 >= r2 || c1 >= c2) return [a];
  const out: RangeRef[] = [];
  if (a.row < r1) out.push({ row: a.row, column: a.column, rowCount: r1 - a.row, columnCount: a.columnCount });
  if (r2 < a.row + a.rowCount) out.push({ row: r2, column: a.column, rowCount: a.row + a.rowCount - r2, columnCount: a.columnCount });
  if (a.column < c1) out.push({ row: r1, column: a.column, rowCount: r2 - r1, columnCount: c1 - a.column });
  if (c2 < a.column + a.columnCount) out.push({ row: r1, column: c2, rowCount: r2 - r1, columnCount: a.column + a.columnCount - c2 });
  return out;
}

/** Remove the rules from the cells of `ref`. */
function clearIn(t: RangeTarget): void {
  const e = extrasOf(t.sheet);
  e.validations = e.validations.flatMap((v) => subtract(v.ref, t.ref).map((ref) => ({ ...v, ref })));
}

function rulesIn(t: RangeTarget): ValidationState[] {
  return extrasOf(t.sheet).validations.filter((v) => subtract(v.ref, t.ref).length !== 1 || subtract(v.ref, t.ref)[0] !== v.ref);
}

function checkRule(rule: unknown): { inCellDropDown: boolean; source: string } {
  if (!rule || typeof rule !== "object") throw invalidArgument("dataValidation.rule");
  const kinds = Object.entries(rule as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (kinds.length !== 1) throw invalidArgument("a data validation rule holds exactly one criterion");
  const [kind, list] = kinds[0];
  if (kind !== "list") throw invalidArgument(`data validation criterion '${kind}' (the preview emulates list rules)`);
  const l = list as { inCellDropDown?: unknown; source?: unknown };
  if (typeof l.source !== "string" || l.source.trim() === "") throw invalidArgument("list.source must be a non-empty string");
  if (l.source.length > LIST_SOURCE_MAX) throw invalidArgument(`list.source is longer than ${LIST_SOURCE_MAX} characters`);
  if (l.inCellDropDown !== undefined && typeof l.inCellDropDown !== "boolean") throw invalidArgument("list.inCellDropDown");
  return { inCellDropDown: l.inCellDropDown !== false, source: l.source };
}

function checkAlert(v: unknown): ValidationState["errorAlert"] {
  const a = (v ?? {}) as { showAlert?: unknown; style?: unknown; title?: unknown; message?: unknown };
  const style = a.style === undefined ? "Stop" : String(a.style);
  if (!["Stop", "Warning", "Information"].includes(style)) throw invalidArgument("errorAlert.style");
  const title = a.title === undefined ? "" : String(a.title);
  const message = a.message === undefined ? "" : String(a.message);
  if (title.length > 32) throw invalidArgument("errorAlert.title is longer than 32 characters");
  if (message.length > 225) throw invalidArgument("errorAlert.message is longer than 225 characters");
  return { showAlert: a.showAlert !== false, style, title, message };
}

function update(t: RangeTarget, f: (v: ValidationState) => void): void {
  for (const v of rulesIn(t)) f(v);
}

export class DataValidation extends ClientObj<RangeTarget> {
  clear(): void {
    this._act(0, (t) => {
      requireApi(this._book, "Range.dataValidation");
      clearIn(t);
      t.sheet.changed();
    });
  }
}

defineProps(DataValidation, {
  type: {
    get: (t: RangeTarget) => {
      const rules = rulesIn(t);
      if (rules.length === 0) return "None";
      const covered = rules.reduce((s, v) => s + v.ref.rowCount * v.ref.columnCount, 0);
      const inRange = rules.every((v) => v.ref.row >= t.ref.row && v.ref.column >= t.ref.column && v.ref.row + v.ref.rowCount <= t.ref.row + t.ref.rowCount && v.ref.column + v.ref.columnCount <= t.ref.column + t.ref.columnCount);
      const same = rules.every((v) => v.list.source === rules[0].list.source);
      return same && inRange && covered === t.ref.rowCount * t.ref.columnCount ? "List" : "Inconsistent";
    },
  },
  rule: {
    get: (t: RangeTarget) => {
      const rules = rulesIn(t);
      return rules.length ? { list: { ...rules[0].list } } : {};
    },
    set: (t: RangeTarget, v: unknown, o: DataValidation) => {
      requireApi(o._book, "Range.dataValidation");
      const list = checkRule(v);
      clearIn(t);
      extrasOf(t.sheet).validations.push({ ref: { ...t.ref }, list, ignoreBlanks: true, errorAlert: { showAlert: true, style: "Stop", title: "", message: "" } });
      t.sheet.changed();
    },
  },
  ignoreBlanks: {
    get: (t: RangeTarget) => rulesIn(t)[0]?.ignoreBlanks ?? true,
    set: (t: RangeTarget, v: unknown) => {
      if (typeof v !== "boolean") throw invalidArgument("ignoreBlanks");
      update(t, (x) => (x.ignoreBlanks = v));
    },
  },
  errorAlert: {
    get: (t: RangeTarget) => ({ ...(rulesIn(t)[0]?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" }) }),
    set: (t: RangeTarget, v: unknown) => {
      const a = checkAlert(v);
      update(t, (x) => (x.errorAlert = a));
    },
  },
});
