/** Geometry of the grid: points → pixels, cumulative row/column offsets, index lookup by pixel. */

export const PX_PER_PT = 96 / 72;
export const DEFAULT_COLUMN_WIDTH_PT = 48;
export const DEFAULT_ROW_HEIGHT_PT = 15;

export function ptToPx(pt: number): number {
  return pt * PX_PER_PT;
}

/**
 * One axis (rows or columns): `count` entries, most of them the default size, a few overridden.
 * Offsets are prefix sums in a Float64Array, so lookups are O(log n) and a 100,000-row sheet
 * costs one pass to build.
 */
export class Axis {
  readonly count: number;
  private readonly offsets: Float64Array;

  constructor(count: number, defaultPx: number, overridesPt: ReadonlyMap<number, number>) {
    this.count = count;
    this.offsets = new Float64Array(count + 1);
    let acc = 0;
    for (let i = 0; i < count; i++) {
      this.offsets[i] = acc;
      const pt = overridesPt.get(i);
      acc += pt !== undefined && Number.isFinite(pt) && pt >= 0 ? ptToPx(pt) : defaultPx;
    }
    this.offsets[count] = acc;
  }

  get total(): number {
    return this.offsets[this.count];
  }

  start(i: number): number {
    return this.offsets[Math.max(0, Math.min(i, this.count))];
  }

  size(i: number): number {
    if (i < 0 || i >= this.count) return 0;
    return this.offsets[i + 1] - this.offsets[i];
  }

  /** Span of `n` entries from `i`. */
  span(i: number, n: number): number {
    return this.start(i + n) - this.start(i);
  }

  /** Index of the entry containing pixel position `px` (clamped to the axis). */
  indexAt(px: number): number {
    if (px <= 0) return 0;
    if (px >= this.total) return this.count - 1;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= px) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Rows/columns shown: the used area plus a margin, and at least enough to fill a screen. */
export function gridExtent(used: { rowCount: number; columnCount: number }): { rows: number; columns: number } {
  return {
    rows: Math.max(used.rowCount + 30, 100),
    columns: Math.max(used.columnCount + 6, 26),
  };
}
