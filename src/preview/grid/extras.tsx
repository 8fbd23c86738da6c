/**
 * The grid's view of data validation and conditional formats (src/preview/workbook/extrasState.ts):
 * the fill and font colour of a matching conditional format, a dropdown on the active cell when it
 * has a list validation (as Excel shows its in-cell dropdown arrow), and Excel's Stop alert for a
 * typed entry that is not on the list.
 */
import * as React from "react";
import { columnLetter } from "../../core/report/address";
import { acceptsEntry, conditionalFormatAt, listItems, validationAt } from "../workbook/extrasState";
import type { PreviewSheet, PreviewValue } from "../workbook/model";

/** Fill / font colour of the first matching conditional format of a cell (values as the grid shows them). */
export function conditionalLook(sheet: PreviewSheet, row: number, column: number): { fill?: string; color?: string } | undefined {
  const s = sheet as PreviewSheet & { valueAt?: (r: number, c: number) => PreviewValue };
  const cells = { valueAt: (r: number, c: number): PreviewValue => (s.valueAt ? s.valueAt(r, c) : (s.getCell(r, c)?.value ?? null)) };
  const hit = conditionalFormatAt(sheet, row, column, cells);
  if (!hit) return undefined;
  return { fill: hit.fill ?? undefined, color: hit.fontColor ?? undefined };
}

/** False (after showing Excel's Stop alert) when a typed entry breaks the cell's list validation. */
export function acceptTyped(sheet: PreviewSheet, row: number, column: number, text: string): boolean {
  const v = validationAt(sheet, row, column);
  if (!v || acceptsEntry(v, text)) return true;
  const msg = v.errorAlert.message || "Værdien svarer ikke til de begrænsninger for datavalidering, der er defineret for cellen.";
  if (typeof window !== "undefined" && typeof window.alert === "function") window.alert(`${v.errorAlert.title || "Microsoft Excel"}\n\n${msg}`);
  return false;
}

/** The in-cell dropdown of the active cell (a native select at the cell's right edge). */
export function ValidationDropdown(props: {
  sheet: PreviewSheet;
  row: number;
  column: number;
  left: number;
  top: number;
  width: number;
  height: number;
  onPick: (value: string) => void;
}): React.JSX.Element | null {
  const v = validationAt(props.sheet, props.row, props.column);
  if (!v || !v.list.inCellDropDown) return null;
  const address = `${columnLetter(props.column)}${props.row + 1}`;
  const current = props.sheet.getCell(props.row, props.column)?.value;
  const items = listItems(v);
  const value = items.includes(String(current ?? "")) ? String(current) : "";
  return (
    <select
      className="vk-dropdown"
      data-dropdown={address}
      aria-label={`Vælg fra listen (${address})`}
      value={value}
      onPointerDown={(e) => e.stopPropagation()}
      onMouseDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
      onChange={(e) => props.onPick(e.target.value)}
      style={{ position: "absolute", left: props.left + props.width - 18, top: props.top, width: 18, height: props.height, zIndex: 6, padding: 0, border: "1px solid #A6A6A6", background: "#F3F3F3", fontSize: "11px", cursor: "pointer" }}
    >
      <option value="" disabled hidden />
      {items.map((i) => (
        <option key={i} value={i}>
          {i}
        </option>
      ))}
    </select>
  );
}
