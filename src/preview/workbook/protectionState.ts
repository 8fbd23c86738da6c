/**
 * Sheet protection state of the preview workbook, kept beside SheetState (WeakMaps keyed by the
 * sheet, so SheetState itself is unchanged): whether a sheet is protected, with which options and
 * password, and which cells are unlocked (every cell is locked by default, as in Excel).
 */
import { MAX_COLUMNS } from "./addr";
import type { SheetState } from "./state";

/** Excel.WorksheetProtectionOptions (ExcelApi 1.2; selectionMode 1.7). Omitted options are false. */
export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: "Normal" | "Unlocked" | "None";
}

export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

export interface SheetProtection {
  options: ProtectionOptions;
  /** "" when protected without a password. */
  password: string;
}

const protections = new WeakMap<SheetState, SheetProtection>();
const unlocked = new WeakMap<SheetState, Set<number>>();

export function protectionOf(sheet: SheetState): SheetProtection | undefined {
  return protections.get(sheet);
}

export function setProtection(sheet: SheetState, p: SheetProtection | undefined): void {
  if (p) protections.set(sheet, p);
  else protections.delete(sheet);
  sheet.changed();
}

export function isLocked(sheet: SheetState, row: number, column: number): boolean {
  return !(unlocked.get(sheet)?.has(row * MAX_COLUMNS + column) ?? false);
}

export function setLocked(sheet: SheetState, row: number, column: number, locked: boolean): void {
  let set = unlocked.get(sheet);
  if (!set) {
    set = new Set();
    unlocked.set(sheet, set);
  }
  if (locked) set.delete(row * MAX_COLUMNS + column);
  else set.add(row * MAX_COLUMNS + column);
}

/**
 * Lock every cell of `ref` again (Excel's default). Locking is a cell format (Format Cells >
 * Protection), so clearing formats — Range.clear("All") or clear("Formats") — relocks the cells.
 */
export function relock(sheet: SheetState, ref: { row: number; column: number; rowCount: number; columnCount: number }): void {
  const set = unlocked.get(sheet);
  if (!set) return;
  for (const k of [...set]) {
    const r = Math.floor(k / MAX_COLUMNS);
    const c = k % MAX_COLUMNS;
    if (r >= ref.row && r < ref.row + ref.rowCount && c >= ref.column && c < ref.column + ref.columnCount) set.delete(k);
  }
}

/** Whether the user may type into a cell (the grid asks before an edit): not on a locked cell of a protected sheet. */
export function userMayEdit(sheet: SheetState, row: number, column: number): boolean {
  return !protections.has(sheet) || !isLocked(sheet, row, column);
}

/** The unlocked cells of a sheet as [row, column] pairs (the .xlsx export writes them unlocked). */
export function unlockedCells(sheet: SheetState): [number, number][] {
  return [...(unlocked.get(sheet) ?? [])].map((k) => [Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS]);
}
