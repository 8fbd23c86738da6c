/** Test helper: the cells of a SheetSpec with the number format that applies to each. */
import { parseCell, parseRange } from "../../../src/core/report/address";
import type { CellValue, SheetSpec } from "../../../src/core/report/sheetSpec";

export interface Cell {
  row: number;
  column: number;
  value: CellValue;
  format: string | undefined;
}

/** Every written cell with the number format that applies to it (the block's, then the last style that covers it). */
export function walk(spec: SheetSpec): Cell[] {
  const formats = (spec.styles ?? []).filter((s) => s.style.numberFormat !== undefined).map((s) => ({ r: parseRange(s.range), f: s.style.numberFormat as string }));
  const out: Cell[] = [];
  for (const b of spec.cells) {
    const top = parseCell(b.address);
    b.values.forEach((rowValues, i) =>
      rowValues.forEach((value, j) => {
        const row = top.row + i;
        const column = top.column + j;
        let format = b.numberFormat;
        for (const { r, f } of formats) if (row >= r.row && row < r.row + r.rowCount && column >= r.column && column < r.column + r.columnCount) format = f;
        out.push({ row, column, value, format });
      }),
    );
  }
  return out;
}

