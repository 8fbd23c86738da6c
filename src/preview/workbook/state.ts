/**
 * The preview workbook's state: sheets with sparse cell storage, tables, charts, shapes, page
 * layout, settings, selection. Implements the read interface in model.ts. The Excel-API
 * emulation (api.ts) mutates this state inside `context.sync()`; the grid only reads it.
 *
 * Storage: cell values in one array per row (holes = never written; null = empty), formulas,
 * number formats and formats in maps keyed by row * 16384 + column, so a 200,000-row data sheet
 * stays small.
 */
import type { RangeRef } from "../../core/report/address";
import type {
  PreviewCell,
  PreviewChart,
  PreviewChartSeries,
  PreviewFormat,
  PreviewPageLayout,
  PreviewShape,
  PreviewSheet,
  PreviewTable,
  PreviewValue,
} from "./model";
import { MAX_COLUMNS, intersect } from "./addr";
import { evaluateFormula, type FormulaBook, type FormulaSheet } from "./formula";

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

const key = (row: number, column: number): number => row * MAX_COLUMNS + column;

export class TableState implements PreviewTable {
  showHeaders = true;
  showTotals = false;
  style = "TableStyleMedium2";
  constructor(
    public name: string,
    readonly id: string,
    public sheet: SheetState,
    public range: RangeRef,
  ) {}
}

/**
 * A chart series as set through the API (ChartSeriesCollection.add, setValues, setXAxisValues, format.line):
 * where its y and x values stand, and its line. Until the first series call, a chart's series are derived
 * from its source range (ChartState.series).
 */
export interface SeriesState {
  name: string;
  yRef?: RangeRef;
  xRef?: RangeRef;
  color?: string;
  lineStyle?: string;
}

/** Cells of a one-row or one-column range, in order. */
function cellsOf(r: RangeRef): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.columnCount; j++) out.push([r.row + i, r.column + j]);
  return out;
}

export class ChartState implements PreviewChart {
  /** Series set through the API; null while they are still the source range's. */
  explicitSeries: SeriesState[] | null = null;
  title = "";
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  dataLabels = false;
  left = 0;
  top = 0;
  width = 360;
  height = 216;
  constructor(
    public name: string,
    readonly id: string,
    public type: string,
    readonly sheet: SheetState,
    public dataSheet: SheetState,
    public dataRange: RangeRef,
    public seriesBy: "Rows" | "Columns" | "Auto",
  ) {}

  private byColumns(): boolean {
    if (this.seriesBy === "Auto") return this.dataRange.rowCount >= this.dataRange.columnCount;
    return this.seriesBy === "Columns";
  }

  isXY(): boolean {
    return this.type.toLowerCase().startsWith("xyscatter");
  }

  /**
   * The series as the API sees them (ChartSeriesCollection): from the source range until a series call
   * changes them. An XY chart's source: one column (by columns) is one series of y values with x = 1, 2, 3 …
   * (Excel names it "Series1"); with more columns the first holds the x values of every series. A header row
   * (text in a value column's first cell) gives the names. Other kinds: a header row and a category column.
   */
  seriesStates(): SeriesState[] {
    if (this.explicitSeries) return this.explicitSeries;
    const r = this.dataRange;
    const by = this.byColumns();
    const lines = by ? r.columnCount : r.rowCount;
    const length = by ? r.rowCount : r.columnCount;
    const line = (k: number, from: number): RangeRef => (by ? { row: r.row + from, column: r.column + k, rowCount: r.rowCount - from, columnCount: 1 } : { row: r.row + k, column: r.column + from, rowCount: 1, columnCount: r.columnCount - from });
    const head = (k: number): PreviewValue => (by ? this.dataSheet.valueAt(r.row, r.column + k) : this.dataSheet.valueAt(r.row + k, r.column));
    if (!this.isXY()) {
      const out: SeriesState[] = [];
      for (let k = 1; k < lines; k++) out.push({ name: labelOf(head(k)), yRef: line(k, 1) });
      return out;
    }
    const first = lines === 1 ? 0 : 1;
    const hasHeader = length > 1 && Array.from({ length: lines - first }, (_, k) => head(k + first)).some((v) => typeof v === "string" && v !== "");
    const from = hasHeader ? 1 : 0;
    const out: SeriesState[] = [];
    for (let k = first; k < lines; k++) out.push({ name: hasHeader ? labelOf(head(k)) : `Series${out.length + 1}`, yRef: line(k, from), ...(first === 1 ? { xRef: line(0, from) } : {}) });
    return out;
  }

  /** The series list, made explicit (the first ChartSeriesCollection call does this). */
  ownSeries(): SeriesState[] {
    if (!this.explicitSeries) this.explicitSeries = this.seriesStates().map((s) => ({ ...s }));
    return this.explicitSeries;
  }

  private valuesOf(ref: RangeRef | undefined): { values: number[]; formats: string[] } {
    const values: number[] = [];
    const formats: string[] = [];
    for (const [row, column] of ref ? cellsOf(ref) : []) {
      const v = this.dataSheet.valueAt(row, column);
      values.push(typeof v === "number" ? v : Number.NaN);
      formats.push(this.dataSheet.numberFormatAt(row, column));
    }
    return { values, formats };
  }

  /** Categories from the first column (series by columns) or first row (series by rows); the top-left cell is the corner label. */
  categories(): string[] {
    const r = this.dataRange;
    const out: string[] = [];
    if (this.byColumns()) for (let i = 1; i < r.rowCount; i++) out.push(labelOf(this.dataSheet.valueAt(r.row + i, r.column)));
    else for (let j = 1; j < r.columnCount; j++) out.push(labelOf(this.dataSheet.valueAt(r.row, r.column + j)));
    return out;
  }

  series(): PreviewChartSeries[] {
    if (this.isXY() || this.explicitSeries) {
      return this.seriesStates().map((s) => {
        const y = this.valuesOf(s.yRef);
        const line = { ...(s.color !== undefined ? { color: s.color } : {}), ...(s.lineStyle !== undefined ? { lineStyle: s.lineStyle } : {}) };
        if (!this.isXY()) return { name: s.name, ...y, ...line };
        const x = s.xRef ? this.valuesOf(s.xRef).values : y.values.map((_, i) => i + 1);
        return { name: s.name, ...y, x, ...line };
      });
    }
    const r = this.dataRange;
    const out: PreviewChartSeries[] = [];
    const num = (v: PreviewValue): number => (typeof v === "number" ? v : Number.NaN);
    if (this.byColumns()) {
      for (let j = 1; j < r.columnCount; j++) {
        const values: number[] = [];
        const formats: string[] = [];
        for (let i = 1; i < r.rowCount; i++) {
          values.push(num(this.dataSheet.valueAt(r.row + i, r.column + j)));
          formats.push(this.dataSheet.numberFormatAt(r.row + i, r.column + j));
        }
        out.push({ name: labelOf(this.dataSheet.valueAt(r.row, r.column + j)), values, formats });
      }
    } else {
      for (let i = 1; i < r.rowCount; i++) {
        const values: number[] = [];
        const formats: string[] = [];
        for (let j = 1; j < r.columnCount; j++) {
          values.push(num(this.dataSheet.valueAt(r.row + i, r.column + j)));
          formats.push(this.dataSheet.numberFormatAt(r.row + i, r.column + j));
        }
        out.push({ name: labelOf(this.dataSheet.valueAt(r.row + i, r.column)), values, formats });
      }
    }
    return out;
  }
}

function labelOf(v: PreviewValue): string {
  return v === null ? "" : String(v);
}

export class ShapeState implements PreviewShape {
  text = "";
  fill?: string;
  lineColor?: string;
  lineWeight?: number;
  lineDashStyle?: string;
  fontColor?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  autoSizeSetting = "AutoSizeNone";
  endArrowheadStyle?: string;
  beginArrowheadStyle?: string;
  beginX?: number;
  beginY?: number;
  endX?: number;
  endY?: number;
  geometricShapeType?: string;
  left = 0;
  top = 0;
  width = 100;
  height = 100;
  constructor(
    public name: string,
    readonly id: string,
    readonly type: "GeometricShape" | "Line" | "TextBox",
  ) {}

  /** Keep a line's end points in step with its bounding box. */
  setBox(left: number, top: number, width: number, height: number): void {
    if (this.type === "Line" && this.beginX !== undefined && this.beginY !== undefined && this.endX !== undefined && this.endY !== undefined) {
      const sx = this.width === 0 ? 1 : width / this.width;
      const sy = this.height === 0 ? 1 : height / this.height;
      const mapX = (x: number): number => left + (x - this.left) * sx;
      const mapY = (y: number): number => top + (y - this.top) * sy;
      this.beginX = mapX(this.beginX);
      this.endX = mapX(this.endX);
      this.beginY = mapY(this.beginY);
      this.endY = mapY(this.endY);
    }
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
  }
}

export type SheetHost = FormulaBook;

export class SheetState implements PreviewSheet, FormulaSheet {
  tabColor = "";
  showGridlines = true;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  deleted = false;
  readonly rows: (PreviewValue[] | undefined)[] = [];
  readonly formulas = new Map<number, string>();
  /** Cells holding an error value written as a constant ("#N/A"), as opposed to the same text. */
  readonly errorCells = new Set<number>();
  readonly numberFormats = new Map<number, string>();
  readonly formats = new Map<number, PreviewFormat>();
  readonly merges: RangeRef[] = [];
  readonly tables: TableState[] = [];
  readonly charts: ChartState[] = [];
  readonly shapes: ShapeState[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozen = { rows: 0, columns: 0 };
  pageLayout: PreviewPageLayout = { orientation: "Portrait", paperSize: "A4" };
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } = { scale: 100 };
  headersFooters: Record<string, string> = {};
  /** Manual page breaks: 0-based rows that start a new printed page (Worksheet.horizontalPageBreaks). */
  rowBreaks: number[] = [];
  /** Page margins in points (PageLayout.leftMargin, …); absent = Excel's "Normal" margins. */
  margins: Record<string, number> = {};
  private extentCache?: { version: number; ext: { rowCount: number; columnCount: number } };
  private version = 0;

  constructor(
    readonly host: SheetHost,
    public name: string,
    /** Excel's worksheet id: constant within a session, new after `PreviewWorkbook.reopen()`. */
    public id: string,
  ) {}

  /** Invalidate cached extents after a change. */
  changed(): void {
    this.version++;
  }

  /** Stored value (formula cells: undefined unless a constant was written). */
  raw(row: number, column: number): PreviewValue | undefined {
    return this.rows[row]?.[column];
  }

  /** Value as Excel would show it: formulas evaluated, empty = null. */
  valueAt(row: number, column: number, depth = 0): PreviewValue {
    const f = this.formulas.size > 0 ? this.formulas.get(key(row, column)) : undefined;
    if (f !== undefined) {
      const v = evaluateFormula(f, this, this.host, depth);
      return v === undefined ? f : v;
    }
    return this.rows[row]?.[column] ?? null;
  }

  formulaAt(row: number, column: number): string | undefined {
    return this.formulas.size > 0 ? this.formulas.get(key(row, column)) : undefined;
  }

  numberFormatAt(row: number, column: number): string {
    return (this.numberFormats.size > 0 ? this.numberFormats.get(key(row, column)) : undefined) ?? "General";
  }

  formatAt(row: number, column: number): PreviewFormat | undefined {
    return this.formats.size > 0 ? this.formats.get(key(row, column)) : undefined;
  }

  /** Write a constant or a formula ("=..."); null/"" empties the cell. */
  write(row: number, column: number, v: PreviewValue, asFormula: boolean): void {
    const k = key(row, column);
    if (asFormula && typeof v === "string" && v.startsWith("=") && v.length > 1) {
      this.formulas.set(k, v);
      this.setRaw(row, column, null);
      return;
    }
    if (this.formulas.size > 0) this.formulas.delete(k);
    if (this.errorCells.size > 0) this.errorCells.delete(k);
    this.setRaw(row, column, v === "" ? null : v);
  }

  /** Write an error value ("#N/A") as a constant. */
  writeError(row: number, column: number, error: string): void {
    this.write(row, column, error, false);
    this.errorCells.add(key(row, column));
  }

  /** Whether the cell's value is an Excel error (a constant error or a formula that evaluates to one). */
  isError(row: number, column: number): boolean {
    const k = key(row, column);
    if (this.formulas.size > 0 && this.formulas.has(k)) return /^#(DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!)$/.test(String(this.valueAt(row, column)));
    return this.errorCells.has(k);
  }

  setRaw(row: number, column: number, v: PreviewValue | undefined): void {
    this.version++;
    let r = this.rows[row];
    if (!r) {
      if (v === undefined) return;
      r = [];
      this.rows[row] = r;
    }
    r[column] = v as PreviewValue;
  }

  updateFormat(row: number, column: number, f: (fmt: PreviewFormat) => void): void {
    this.version++;
    const k = key(row, column);
    const cur = { ...(this.formats.get(k) ?? {}) };
    if (cur.borders) cur.borders = { ...cur.borders };
    f(cur);
    if (cur.borders && Object.keys(cur.borders).length === 0) delete cur.borders;
    if (Object.keys(cur).length === 0) this.formats.delete(k);
    else this.formats.set(k, cur);
  }

  setNumberFormat(row: number, column: number, nf: string): void {
    this.version++;
    if (nf === "General" || nf === "") this.numberFormats.delete(key(row, column));
    else this.numberFormats.set(key(row, column), nf);
  }

  /** Remove contents and/or formats in a rectangle (Range.clear). */
  clear(ref: RangeRef, what: "All" | "Contents" | "Formats"): void {
    this.version++;
    const ext = this.usedExtent();
    const clip = intersect(ref, { row: 0, column: 0, rowCount: Math.max(ext.rowCount, 1), columnCount: Math.max(ext.columnCount, 1) });
    if (!clip) return;
    for (let i = clip.row; i < clip.row + clip.rowCount; i++) {
      for (let j = clip.column; j < clip.column + clip.columnCount; j++) {
        const k = key(i, j);
        if (what !== "Formats") {
          this.formulas.delete(k);
          this.errorCells.delete(k);
          if (this.rows[i]) delete this.rows[i]![j];
        }
        if (what !== "Contents") {
          this.formats.delete(k);
          this.numberFormats.delete(k);
        }
      }
    }
    if (what !== "Contents") {
      for (let m = this.merges.length - 1; m >= 0; m--) if (intersect(this.merges[m], clip)) this.merges.splice(m, 1);
    }
  }

  getCell(row: number, column: number): PreviewCell | undefined {
    const k = key(row, column);
    const raw = this.rows[row]?.[column];
    const formula = this.formulas.size > 0 ? this.formulas.get(k) : undefined;
    const nf = this.numberFormats.size > 0 ? this.numberFormats.get(k) : undefined;
    const fmt = this.formats.size > 0 ? this.formats.get(k) : undefined;
    if (raw === undefined && formula === undefined && nf === undefined && fmt === undefined) return undefined;
    const cell: PreviewCell = { value: this.valueAt(row, column), numberFormat: nf ?? "General", format: fmt ? { ...fmt } : {} };
    if (formula !== undefined) cell.formula = formula;
    return cell;
  }

  /** Bounds of used cells (values, formulas and optionally formats), or undefined when empty. */
  usedBounds(valuesOnly: boolean): RangeRef | undefined {
    let r1 = Infinity;
    let r2 = -1;
    let c1 = Infinity;
    let c2 = -1;
    const add = (r: number, c: number): void => {
      if (r < r1) r1 = r;
      if (r > r2) r2 = r;
      if (c < c1) c1 = c;
      if (c > c2) c2 = c;
    };
    this.rows.forEach((row, i) => {
      if (!row) return;
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v !== undefined && v !== null) add(i, j);
      }
    });
    for (const k of this.formulas.keys()) add(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
    if (!valuesOnly) {
      for (const k of this.formats.keys()) add(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
      for (const k of this.numberFormats.keys()) add(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
    }
    if (r2 < 0) return undefined;
    return { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
  }

  usedExtent(): { rowCount: number; columnCount: number } {
    if (this.extentCache && this.extentCache.version === this.version) return this.extentCache.ext;
    const b = this.usedBounds(false);
    const ext = b ? { rowCount: b.row + b.rowCount, columnCount: b.column + b.columnCount } : { rowCount: 0, columnCount: 0 };
    this.extentCache = { version: this.version, ext };
    return ext;
  }

  columnWidth(column: number): number {
    return this.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }
  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }
  /** Left edge of a column in points. */
  columnLeft(column: number): number {
    let x = 0;
    for (let j = 0; j < column; j++) x += this.columnWidth(j);
    return x;
  }
  rowTop(row: number): number {
    let y = 0;
    for (let i = 0; i < row; i++) y += this.rowHeight(i);
    return y;
  }
}
