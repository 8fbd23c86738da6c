/**
 * Charts move and size with their cells, as in Excel, whose default object placement is "Move and
 * size with cells" (Excel.Placement "TwoCell"): when a row grows (here: the grid's automatic height
 * for wrapped text or larger fonts, which the workbook model does not store), a chart below it
 * moves down with its anchor cells. The model keeps a chart's position in points computed from the
 * sheet's explicit row heights; this maps its top and bottom edge to the same cells, at the same
 * fraction of the cell, on the grid's row axis.
 */
import { type Axis, DEFAULT_ROW_HEIGHT_PT } from "./layout";

function anchorOf(pt: number, heights: ReadonlyMap<number, number>, lastRow: number): { row: number; frac: number } {
  let acc = 0;
  for (let r = 0; r <= lastRow; r++) {
    const h = heights.get(r) ?? DEFAULT_ROW_HEIGHT_PT;
    if (acc + h > pt || r === lastRow) return { row: r, frac: h > 0 ? Math.min(1, Math.max(0, (pt - acc) / h)) : 0 };
    acc += h;
  }
  return { row: 0, frac: 0 };
}

/** The chart's top and height in pixels on the grid's row axis. */
export function anchoredVertical(topPt: number, heightPt: number, modelHeights: ReadonlyMap<number, number>, rows: Axis): { top: number; height: number } {
  const last = Math.max(0, rows.count - 1);
  const a = anchorOf(topPt, modelHeights, last);
  const b = anchorOf(topPt + heightPt, modelHeights, last);
  const top = rows.start(a.row) + a.frac * rows.size(a.row);
  const bottom = rows.start(b.row) + b.frac * rows.size(b.row);
  return { top, height: Math.max(1, bottom - top) };
}
