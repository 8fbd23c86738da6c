/**
 * SheetSpec: a declarative description of one output sheet that the add-in owns.
 *
 * Core code (theory, analysis, summary) builds SheetSpecs from plain data; `src/excel/render.ts`
 * turns a SheetSpec into Excel JavaScript API calls (at most 3 `context.sync()` calls per sheet).
 * Nothing here may import Office, React or DOM code.
 *
 * Addresses are A1-style and relative to the sheet ("B4", "A1:F1").
 * Colours are "#RRGGBB". Sizes for shapes are in points (1/72 inch) from the sheet's top-left.
 */
import type { ConditionalFillSpec, ListValidationSpec } from "./sheetSpecExtras";

/**
 * A formula that our code built (never user text): English function names, comma separators,
 * written through `Range.formulas`. Build it with `formula()`; a plain string is always text.
 */
export interface Formula {
  readonly formula: string;
}

/** A value as read from a cell (Excel returns errors such as "#N/A" as strings). */
export type CellScalar = string | number | boolean | null;

/** A cell to write: text (always kept as text, whatever it looks like), a number, a boolean, empty, or a formula. */
export type CellValue = CellScalar | Formula;

/**
 * A formula cell. Only code may build formulas; user text goes into a formula only through
 * `formulaText()`, which makes it a quoted string literal.
 */
export function formula(f: string): Formula {
  if (!f.startsWith("=") || f.length < 2) throw new TypeError(`formula(): "${f}" does not start with "="`);
  return { formula: f };
}

/** `s` as an Excel string literal inside a formula ("a""b"). */
export function formulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function isFormula(v: CellValue): v is Formula {
  return typeof v === "object" && v !== null && typeof (v as Formula).formula === "string";
}

/** A rectangular block of cells, written in one call. */
export interface CellBlock {
  /** Top-left cell of the block, e.g. "A1". */
  address: string;
  /** Row-major values; every row must have the same length. Strings are text, exactly as given; formulas are `Formula` objects. */
  values: CellValue[][];
  /** Optional number format for the whole block (e.g. "0.0%", "0", "@"). Excel's format codes are locale-independent. */
  numberFormat?: string;
}

export type HorizontalAlignment = "left" | "center" | "right";
export type VerticalAlignment = "top" | "center" | "bottom";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  numberFormat?: string;
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: VerticalAlignment;
  wrapText?: boolean;
  /** Borders: "box" draws all four edges, "bottom"/"top" one edge, "grid" all inside and outside edges. */
  border?: "box" | "bottom" | "top" | "grid";
  borderColor?: string;
}

export interface StyleRange {
  /** A1 range, e.g. "A3:F3". */
  range: string;
  style: CellStyle;
}

export interface TableSpec {
  /** Workbook-unique table name (letters, digits, underscore; starts with a letter). */
  name: string;
  /** A1 range including the header row, e.g. "A5:D12". The header row values come from `cells`. */
  range: string;
  /** Built-in table style, e.g. "TableStyleLight9". */
  style?: string;
  showTotals?: boolean;
}

/**
 * One series of an XY chart ("xyScatterLines"): its name and where its x and y values stand. Each range is
 * one column (or one row) of numbers without a header, inside the chart's `dataRange`, and x and y have the
 * same number of cells. An empty cell leaves a gap in the line (Excel's default for empty cells).
 */
export interface XYSeriesSpec {
  name: string;
  xValues: string;
  yValues: string;
  /** Line colour "#RRGGBB" (Excel's palette when omitted). */
  color?: string;
  /** A dashed line (e.g. a confidence limit beside its estimate). */
  dashed?: boolean;
}

export interface ChartSpec {
  name: string;
  /**
   * "xyScatterLines": an XY scatter with straight lines and no markers (Excel's XYScatterLinesNoMarkers),
   * its series given by `series`; a step curve (Kaplan–Meier) is drawn by writing each time twice, once
   * with the old and once with the new value. The other kinds take their series from `dataRange`.
   */
  type: "line" | "columnClustered" | "barClustered" | "columnStacked" | "barStacked" | "xyScatterLines";
  /**
   * Source data, including a header row/column for series names and categories. For "xyScatterLines" the
   * block that holds every series' values (the series' ranges lie inside it).
   */
  dataRange: string;
  /** The series of an "xyScatterLines" chart (required there, refused on the other kinds). */
  series?: XYSeriesSpec[];
  seriesBy: "rows" | "columns";
  title?: string;
  /** Placement: top-left and bottom-right cells. */
  topLeft: string;
  bottomRight: string;
  /** Axis titles. */
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Show each point's value on the chart (Chart.dataLabels.showValue), in the source cells' number format. */
  dataLabels?: boolean;
}

export type ShapeKind = "rectangle" | "roundedRectangle" | "ellipse" | "textBox";

export interface BoxShapeSpec {
  kind: ShapeKind;
  /** Unique within the sheet; connectors refer to it. Becomes the Excel shape name. */
  id: string;
  left: number;
  top: number;
  width: number;
  height: number;
  text?: string;
  /** Omitted: Excel's default for geometric shapes; no fill for a text box. */
  fill?: string;
  /** Omitted: Excel's default for geometric shapes; no outline for a text box. */
  lineColor?: string;
  fontColor?: string;
  fontSize?: number;
  bold?: boolean;
  horizontalAlignment?: HorizontalAlignment;
}

export interface ConnectorSpec {
  kind: "connector";
  id: string;
  /** ids of the box shapes joined; the line runs from the right edge of `from` to the left edge of `to` unless points are given. */
  from: string;
  to: string;
  /** Explicit end points in points; the renderer computes them from the boxes when omitted. */
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  lineColor?: string;
  weight?: number;
  dashed?: boolean;
  arrow?: boolean;
}

export type ShapeSpec = BoxShapeSpec | ConnectorSpec;

export interface PageSetupSpec {
  orientation: "portrait" | "landscape";
  paperSize: "A4";
  /** Fit all columns on one page width. */
  fitToWidth?: boolean;
  /** Fit the whole print area on one page. */
  fitToOnePage?: boolean;
  printArea?: string;
  /** Rows repeated at the top of every printed page, e.g. "$1:$3". */
  printTitleRows?: string;
  /** Page margins in points (Excel's "Normal" margins when omitted). */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Print scale in percent (10–400; Excel's "Adjust to"); overrides the fit options. */
  scale?: number;
  /** 1-based rows that start a new printed page (manual page breaks above them). */
  rowBreaks?: number[];
  /** Page header and footer: user text and our own codes kept apart (see `HeaderFooterPart`). */
  header?: HeaderFooterSpec;
  footer?: HeaderFooterSpec;
}

/**
 * One piece of a page header/footer section. Excel reads "&" in a header/footer as the start of a
 * code ("&P" page number, "&N" page count, "&D" print date, "&T" print time, "&A" sheet name), so
 * the two never mix: `text` is plain text from anywhere (a user's title included) and the renderer
 * writes every "&" in it as "&&"; `code` is one of our codes, written as the code. The renderer
 * composes the parts of a section in order (`headerFooterCode` in specCheck.ts); a composed
 * section has at most 255 characters.
 */
export type HeaderFooterPart = { text: string } | { code: HeaderFooterCode };
export type HeaderFooterCode = "pageNumber" | "pageCount" | "date" | "time" | "sheetName";

/** The left, centre and right sections of a page header or footer. */
export interface HeaderFooterSpec {
  left?: HeaderFooterPart[];
  center?: HeaderFooterPart[];
  right?: HeaderFooterPart[];
}

export interface ColumnWidthSpec {
  /** Column letter(s), e.g. "A" or "B:D". */
  columns: string;
  /** Width in points. */
  width: number;
}

export interface SheetSpec {
  /** Sheet name (max 31 characters, none of : \ / ? * [ ]). */
  name: string;
  tabColor?: string;
  cells: CellBlock[];
  styles?: StyleRange[];
  merges?: string[];
  tables?: TableSpec[];
  columnWidths?: ColumnWidthSpec[];
  /** Row heights in points (1-based rows): for a merged cell whose text wraps, as Excel does not fit those rows itself. */
  rowHeights?: { row: number; height: number }[];
  /** Freeze the first n rows / columns. */
  freeze?: { rows: number; columns: number };
  charts?: ChartSpec[];
  shapes?: ShapeSpec[];
  pageSetup?: PageSetupSpec;
  /** Hide gridlines (diagram sheets). */
  showGridlines?: boolean;
  /** Activate the sheet after writing. */
  activate?: boolean;
  /**
   * Protect the sheet (no password) against accidental edits once it is written; `unlocked`
   * ranges stay editable (e.g. the cells a leader fills in). Regeneration unprotects and
   * protects again.
   */
  protection?: { unlocked?: string[] };
  /** Dropdown lists on cells the user fills in (see sheetSpecExtras.ts). */
  dataValidations?: ListValidationSpec[];
  /** Fills for rows that match a formula built by our code (see sheetSpecExtras.ts). */
  conditionalFormats?: ConditionalFillSpec[];
  /**
   * Workbook-scoped defined names for key results on this sheet (e.g. the headline difference
   * per outcome and follow-up), so that users' formulas elsewhere can use them. They keep their
   * names when the sheet is regenerated and move with the cell they name.
   */
  names?: DefinedNameSpec[];
}

export interface DefinedNameSpec {
  /** Excel name rules: starts with a letter or "_", then letters, digits, "_" and "."; not a cell address. */
  name: string;
  /** The cell on this sheet, e.g. "D12". */
  cell: string;
  comment?: string;
}
