/**
 * The read interface of the preview's in-memory workbook, shared by the Excel-API emulation
 * (src/preview/workbook) and the grid view (src/preview/grid). The emulation owns and mutates
 * these objects; the grid only reads them and calls the user-action methods.
 *
 * Units: column widths, row heights and shape geometry in points, as in Excel's API.
 */
import type { RangeRef } from "../../core/report/address";

export type PreviewValue = string | number | boolean | null;

export interface PreviewBorders {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface PreviewFormat {
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  horizontalAlignment?: "General" | "Left" | "Center" | "Right";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  wrapText?: boolean;
  borders?: PreviewBorders;
}

export interface PreviewCell {
  /** null = empty. For a formula cell, the computed value if the emulation can compute it, else the formula text. */
  value: PreviewValue;
  /** Present when the cell holds a formula ("=SUM(A1:A3)"). */
  formula?: string;
  /** Excel number format code; "General" by default. */
  numberFormat: string;
  format: PreviewFormat;
}

export interface PreviewTable {
  name: string;
  range: RangeRef;
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface PreviewChartSeries {
  name: string;
  values: number[];
  /** Number format of each value's cell (data labels are shown in it, as Excel links them to the source). */
  formats?: string[];
  /** An XY (scatter) series' x values (absent: the categories, or 1, 2, 3 … when there are none). */
  x?: number[];
  /** ChartSeries.format.line.color / lineStyle, when set. */
  color?: string;
  lineStyle?: string;
}

export interface PreviewChart {
  name: string;
  /** Excel.ChartType string, e.g. "Line", "ColumnClustered". */
  type: string;
  title: string;
  dataRange: RangeRef;
  seriesBy: "Rows" | "Columns" | "Auto";
  /** Position in points. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Axis titles (optional member added with the API emulation). */
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  /** Chart.dataLabels.showValue: each point's value is written on the chart. */
  dataLabels?: boolean;
  /** Computed from dataRange at the time of reading. */
  categories(): string[];
  series(): PreviewChartSeries[];
}

export interface PreviewShape {
  name: string;
  id: string;
  /** "GeometricShape" | "Line" | "TextBox", as Excel.ShapeType. */
  type: "GeometricShape" | "Line" | "TextBox";
  /** Excel.GeometricShapeType for geometric shapes, e.g. "Rectangle", "RoundRectangle". */
  geometricShapeType?: string;
  left: number;
  top: number;
  width: number;
  height: number;
  text: string;
  fill?: string;
  lineColor?: string;
  lineWeight?: number;
  lineDashStyle?: string;
  fontColor?: string;
  fontSize?: number;
  bold?: boolean;
  /** Text alignment in the shape (Excel.ShapeTextHorizontalAlignment / ShapeTextVerticalAlignment); optional member added with the API emulation. */
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** For lines: end arrowhead style ("None", "Triangle", …). */
  endArrowheadStyle?: string;
  /** For lines: absolute end points in points (begin = left/top corner side per Excel's convention). */
  beginX?: number;
  beginY?: number;
  endX?: number;
  endY?: number;
}

export interface PreviewPageLayout {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  printArea?: string;
  fitToWidth?: boolean;
  fitToOnePage?: boolean;
  centerHeader?: string;
  centerFooter?: string;
  printTitleRows?: string;
}

export interface PreviewSheet {
  readonly name: string;
  readonly id: string;
  tabColor: string;
  showGridlines: boolean;
  /** Read one cell (undefined = never written). 0-based. */
  getCell(row: number, column: number): PreviewCell | undefined;
  /** Number of rows/columns from A1 to the last non-empty or formatted cell. */
  usedExtent(): { rowCount: number; columnCount: number };
  readonly merges: RangeRef[];
  readonly tables: PreviewTable[];
  readonly charts: PreviewChart[];
  readonly shapes: PreviewShape[];
  /** Column widths in points by 0-based column index (missing = default 48 pt ≈ 8.43 chars). */
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  frozen: { rows: number; columns: number };
  pageLayout: PreviewPageLayout;
}

export interface PreviewWorkbookView {
  sheetNames(): string[];
  getSheet(name: string): PreviewSheet | undefined;
  readonly activeSheetName: string;
  /** Current selection (the grid and Excel.Workbook.getSelectedRange agree on it). */
  readonly selection: { sheet: string; range: RangeRef };
  /** Called after any change (a sync that changed state, or a user action). Returns unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** User actions from the grid. */
  activateSheetByUser(name: string): void;
  selectByUser(sheet: string, range: RangeRef): void;
  /** Typing into a cell: text is parsed like Excel does for a Danish user (numbers with decimal comma). */
  setCellByUser(sheet: string, row: number, column: number, text: string): void;
}
