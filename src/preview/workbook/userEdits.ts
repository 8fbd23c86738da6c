/**
 * User edits the preview offers beyond typing in a cell (kept out of workbook.ts): inserting a column,
 * as Excel's "Indsæt kolonne" does (values of the column and everything right of it move one column
 * right; the add-in's stored positions are then out of date, which is what "Kør igen" must notice).
 */
import type { PreviewWorkbook } from "./workbook";
import type { PreviewValue } from "./model";

/** Insert a column at 0-based `column` on `sheet` holding `values` from row 1 down (header first). */
export function insertColumnByUser(wb: PreviewWorkbook, sheet: string, column: number, values: PreviewValue[]): void {
  const s = wb.getSheet(sheet);
  if (!s) return;
  const { rowCount, columnCount } = s.usedExtent();
  const rows = Math.max(rowCount, values.length);
  const moved: PreviewValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: PreviewValue[] = [values[r] ?? null];
    for (let c = column; c < columnCount; c++) row.push(s.getCell(r, c)?.value ?? null);
    moved.push(row);
  }
  // values stay values: text that starts with "=" is not a formula here (the sample holds none)
  wb.setValues(sheet, addressOf(column), moved);
}

function addressOf(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}1`;
}
