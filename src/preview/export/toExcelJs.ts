/**
 * The preview workbook as an ExcelJS workbook ("Hent projektmappen (.xlsx)"): values, formulas,
 * number formats, fonts/fills/borders/alignment, column widths and row heights, merges, frozen
 * panes, tables, defined names, data validation, conditional formats, protection (unlocked cells
 * included) and page setup (orientation, paper, fit, margins, print area and titles, header and
 * footer). Charts become pictures of the chart's size and place: ExcelJS 4 writes no native
 * charts (exceljs/exceljs#141 is open); the caller draws the picture (the preview renders the
 * chart itself), else a placeholder picture of the same size marks the place (placeholderPng.ts).
 *
 * Not carried: shapes (ExcelJS writes none), the add-in's document settings (saved analyses live
 * in the Office document settings, which only Excel writes), table styles beyond the style name.
 *
 * Pure: the caller passes the ExcelJS module (loaded lazily in the browser, so it never enters
 * the task-pane bundle) and gets the workbook to write with `xlsx.writeBuffer()`.
 */
import type * as ExcelJSTypes from "exceljs";
import { columnLetter } from "../../core/report/address";
import { extrasOf, type ConditionalFormatState, type ValidationState } from "../workbook/extrasState";
import type { PreviewValue } from "../workbook/model";
import { protectionOf, unlockedCells } from "../workbook/protectionState";
import type { SheetState } from "../workbook/state";
import type { PreviewWorkbook } from "../workbook/workbook";
import { placeholderPng } from "./placeholderPng";
import { pointsToColumnWidth, toArgb } from "./units";
import { exportedNames } from "./names";
import { xlfn } from "./formulaText";

type ExcelJSModule = typeof ExcelJSTypes;
type Sheet = ExcelJSTypes.Worksheet;

/** A chart's picture as PNG bytes, `width` × `height` pixels (96 dpi: points × 4/3). */
export type ChartPicture = (chart: SheetState["charts"][number], size: { width: number; height: number }) => Promise<Uint8Array> | Uint8Array;

export interface ExportOptions {
  /** Draws a chart (the preview renders its SVG chart to PNG); default: a placeholder of the same size. */
  chartPicture?: ChartPicture;
  /** Stamp of the file (Core properties); default now. */
  now?: Date;
  /**
   * Write the emulation's formula results into the file (default true, so a viewer that does not
   * calculate shows them). The engine tests turn it off so that LibreOffice must compute each one.
   */
  cachedResults?: boolean;
}

const PX_PER_PT = 4 / 3;

/** Build the ExcelJS workbook for `wb` (every sheet that is not deleted, hidden ones stay hidden). */
export async function toExcelJsWorkbook(ExcelJS: ExcelJSModule, wb: PreviewWorkbook, opts: ExportOptions = {}): Promise<ExcelJSTypes.Workbook> {
  const book = new ExcelJS.Workbook();
  book.creator = "Virkning (forhåndsvisning)";
  book.created = opts.now ?? new Date();
  const sheets = wb.sheets.filter((s) => !s.deleted);
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name, { state: visibilityOf(s), properties: tabColor(s) } as Partial<ExcelJSTypes.AddWorksheetOptions>);
    writeCells(ws, s, opts.cachedResults ?? true);
    writeLayout(ws, s);
    writeTables(ws, s, opts.cachedResults ?? true);
    writeValidations(ws, s);
    writeConditionalFormats(ws, s);
    writePageSetup(ws, s);
    await writeCharts(book, ws, s, opts.chartPicture);
    await writeProtection(ws, s);
  }
  const active = sheets.findIndex((s) => s.name === wb.activeSheetName);
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: "visible" }];
  writeNames(book, wb, sheets);
  // Excel recalculates every formula when it opens the file (the emulation's results are only a preview).
  book.calcProperties = { fullCalcOnLoad: true };
  return book;
}

function visibilityOf(s: SheetState): ExcelJSTypes.WorksheetState {
  return s.visibility === "Hidden" ? "hidden" : s.visibility === "VeryHidden" ? "veryHidden" : "visible";
}

function tabColor(s: SheetState): Partial<ExcelJSTypes.WorksheetProperties> {
  const argb = toArgb(s.tabColor);
  return argb ? { tabColor: { argb } } : {};
}

// ----- cells ---------------------------------------------------------------------------------

/** The ExcelJS value of a cell: formula with its emulated result, an error, or the constant (text stays text). */
export function cellValue(s: SheetState, row: number, column: number, cachedResults = true): ExcelJSTypes.CellValue {
  const formula = s.formulaAt(row, column);
  const value = s.valueAt(row, column);
  if (formula !== undefined) {
    // The emulation returns the formula text itself when it cannot compute it: then no cached result.
    const known = cachedResults && !(typeof value === "string" && value === formula);
    const result = !known ? undefined : s.isError(row, column) ? { error: value as ExcelJSTypes.ErrorValue } : (value ?? undefined);
    return { formula: xlfn(formula.slice(1)), ...(result === undefined ? {} : { result }) } as ExcelJSTypes.CellFormulaValue;
  }
  if (value !== null && s.isError(row, column)) return { error: value as unknown as ExcelJSTypes.ErrorValue };
  return value as Exclude<PreviewValue, undefined>;
}

function writeCells(ws: Sheet, s: SheetState, cachedResults: boolean): void {
  const { rowCount, columnCount } = s.usedExtent();
  for (let r = 0; r < rowCount; r++) {
    for (let c = 0; c < columnCount; c++) {
      const cell = s.getCell(r, c);
      if (!cell) continue;
      const target = ws.getCell(r + 1, c + 1);
      if (cell.value !== null || cell.formula !== undefined) target.value = cellValue(s, r, c, cachedResults);
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      applyFormat(target, cell.format);
    }
  }
}

function applyFormat(target: ExcelJSTypes.Cell, f: NonNullable<ReturnType<SheetState["formatAt"]>>): void {
  const color = toArgb(f.fontColor);
  if (f.bold || f.italic || color || f.fontSize) {
    target.font = { name: "Calibri", size: f.fontSize ?? 11, ...(f.bold ? { bold: true } : {}), ...(f.italic ? { italic: true } : {}), ...(color ? { color: { argb: color } } : {}) };
  }
  const fill = toArgb(f.fill);
  if (fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  const h = ({ General: undefined, Left: "left", Center: "center", Right: "right" } as const)[f.horizontalAlignment ?? "General"] as ExcelJSTypes.Alignment["horizontal"] | undefined;
  const v = { Top: "top", Center: "middle", Bottom: "bottom" }[f.verticalAlignment ?? "Bottom"] as ExcelJSTypes.Alignment["vertical"] | undefined;
  if (h || f.wrapText || (v && v !== "bottom")) target.alignment = { ...(h ? { horizontal: h } : {}), ...(v && v !== "bottom" ? { vertical: v } : {}), ...(f.wrapText ? { wrapText: true } : {}) };
  if (f.borders) {
    const side = (c?: string): Partial<ExcelJSTypes.Border> | undefined => (c ? { style: "thin", color: { argb: toArgb(c) ?? "FF000000" } } : undefined);
    target.border = Object.fromEntries((["top", "bottom", "left", "right"] as const).filter((k) => f.borders?.[k]).map((k) => [k, side(f.borders?.[k])]));
  }
}

// ----- layout --------------------------------------------------------------------------------

function writeLayout(ws: Sheet, s: SheetState): void {
  for (const [c, pt] of s.columnWidths) ws.getColumn(c + 1).width = pointsToColumnWidth(pt);
  for (const [r, pt] of s.rowHeights) ws.getRow(r + 1).height = pt;
  for (const m of s.merges) if (m.rowCount > 1 || m.columnCount > 1) ws.mergeCells(m.row + 1, m.column + 1, m.row + m.rowCount, m.column + m.columnCount);
  const { rows, columns } = s.frozen;
  ws.views = [
    rows > 0 || columns > 0
      ? { state: "frozen", xSplit: columns, ySplit: rows, showGridLines: s.showGridlines }
      : { state: "normal", showGridLines: s.showGridlines },
  ];
}

function writeTables(ws: Sheet, s: SheetState, cachedResults: boolean): void {
  for (const t of s.tables) {
    const r = t.range;
    const header = (j: number): string => (t.showHeaders ? String(s.valueAt(r.row, r.column + j) ?? `Kolonne${j + 1}`) : `Kolonne${j + 1}`);
    const first = r.row + (t.showHeaders ? 1 : 0);
    const last = r.row + r.rowCount - (t.showTotals ? 1 : 0);
    const rows: ExcelJSTypes.CellValue[][] = [];
    for (let i = first; i < last; i++) rows.push(Array.from({ length: r.columnCount }, (_, j) => cellValue(s, i, r.column + j, cachedResults)));
    const totals = (j: number): Partial<ExcelJSTypes.TableColumnProperties> => {
      if (!t.showTotals) return {};
      const f = s.formulaAt(r.row + r.rowCount - 1, r.column + j);
      if (f) return { totalsRowFunction: "custom", totalsRowFormula: xlfn(f.slice(1)) };
      const v = s.valueAt(r.row + r.rowCount - 1, r.column + j);
      return j === 0 ? { totalsRowLabel: v === null ? "" : String(v) } : { totalsRowFunction: "none" };
    };
    ws.addTable({
      name: t.name,
      ref: `${columnLetter(r.column)}${r.row + 1}`,
      headerRow: t.showHeaders,
      totalsRow: t.showTotals,
      style: { theme: t.style as ExcelJSTypes.TableStyleProperties["theme"], showRowStripes: true },
      columns: Array.from({ length: r.columnCount }, (_, j) => ({ name: header(j), ...totals(j) })),
      rows,
    });
  }
}

// ----- validation, conditional formats -------------------------------------------------------

const rangeOf = (ref: { row: number; column: number; rowCount: number; columnCount: number }): string =>
  `${columnLetter(ref.column)}${ref.row + 1}:${columnLetter(ref.column + ref.columnCount - 1)}${ref.row + ref.rowCount}`;

/** A list source as the file stores it: a reference ("=$A$1:$A$5" → "$A$1:$A$5") or quoted items ("a,b" → "\"a,b\""). */
export function listFormula(source: string): string {
  return source.startsWith("=") ? source.slice(1) : `"${source.replace(/"/g, '""')}"`;
}

function writeValidations(ws: Sheet, s: SheetState): void {
  for (const v of extrasOf(s).validations) {
    const rule = validationRule(v);
    const r = v.ref;
    for (let i = r.row; i < r.row + r.rowCount; i++) for (let j = r.column; j < r.column + r.columnCount; j++) ws.getCell(i + 1, j + 1).dataValidation = rule;
  }
}

function validationRule(v: ValidationState): ExcelJSTypes.DataValidation {
  const a = v.errorAlert;
  return {
    type: "list",
    allowBlank: v.ignoreBlanks,
    formulae: [listFormula(v.list.source)],
    showErrorMessage: a.showAlert,
    errorStyle: a.style.toLowerCase() === "stop" ? "stop" : a.style.toLowerCase(),
    ...(a.title ? { errorTitle: a.title } : {}),
    ...(a.message ? { error: a.message } : {}),
  };
}

const OPERATORS: Record<NonNullable<ConditionalFormatState["cellValue"]>["operator"], string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqual: "greaterThanOrEqual",
  LessThanOrEqual: "lessThanOrEqual",
};

function writeConditionalFormats(ws: Sheet, s: SheetState): void {
  extrasOf(s).formats.forEach((f, i) => {
    const fill = toArgb(f.fill ?? undefined);
    const font = toArgb(f.fontColor ?? undefined);
    const style: Partial<ExcelJSTypes.Style> = {
      ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } } } : {}),
      ...(font ? { font: { color: { argb: font } } } : {}),
    };
    const rule: ExcelJSTypes.ConditionalFormattingRule =
      f.type === "Custom" || !f.cellValue
        ? { type: "expression", priority: i + 1, formulae: [xlfn(f.formula.replace(/^=/, ""))], style }
        : {
            type: "cellIs",
            priority: i + 1,
            operator: OPERATORS[f.cellValue.operator] as ExcelJSTypes.CellIsOperators,
            formulae: [f.cellValue.formula1, ...(f.cellValue.formula2 !== undefined ? [f.cellValue.formula2] : [])].map((x) => x.replace(/^=/, "")),
            style,
          };
    ws.addConditionalFormatting({ ref: rangeOf(f.ref), rules: [rule] });
  });
}

// ----- page setup ----------------------------------------------------------------------------

const PAPER: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11 };
const DEFAULT_MARGINS_PT = { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 };

function writePageSetup(ws: Sheet, s: SheetState): void {
  const pl = s.pageLayout;
  const z = s.zoom;
  const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
  const m = (k: keyof typeof DEFAULT_MARGINS_PT): number => (s.margins[`${k}Margin`] ?? DEFAULT_MARGINS_PT[k]) / 72;
  ws.pageSetup = {
    orientation: pl.orientation === "Landscape" ? "landscape" : "portrait",
    paperSize: (PAPER[pl.paperSize] ?? 9) as ExcelJSTypes.PaperSize,
    fitToPage: fit,
    ...(fit ? { fitToWidth: z.horizontalFitToPages ?? 0, fitToHeight: z.verticalFitToPages ?? 0 } : { scale: z.scale ?? 100 }),
    margins: { left: m("left"), right: m("right"), top: m("top"), bottom: m("bottom"), header: m("header"), footer: m("footer") },
    ...(pl.printArea ? { printArea: pl.printArea.replace(/\$/g, "").split(",").join("&&") } : {}),
    ...(pl.printTitleRows ? { printTitlesRow: pl.printTitleRows.replace(/\$/g, "") } : {}),
  };
  // Manual page breaks (Worksheet.horizontalPageBreaks): a page starting at 0-based row r is a break
  // below 1-based row r; ExcelJS writes it as <rowBreaks><brk id="r" man="1"/> (OOXML: the break
  // follows row id).
  for (const r of s.rowBreaks) if (r > 0) ws.getRow(r).addPageBreak();
  const hf = s.headersFooters;
  const part = (l?: string, c?: string, r?: string): string | undefined => {
    const text = `${l ? `&L${l}` : ""}${c ? `&C${c}` : ""}${r ? `&R${r}` : ""}`;
    return text || undefined;
  };
  const header = part(hf.leftHeader, hf.centerHeader ?? pl.centerHeader, hf.rightHeader);
  const footer = part(hf.leftFooter, hf.centerFooter ?? pl.centerFooter, hf.rightFooter);
  if (header || footer) ws.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
}

// ----- charts as pictures --------------------------------------------------------------------

/** Column (or row) index and offset in that column of a distance in points from the sheet's edge, as ExcelJS anchors want (0-based, fractional). */
function anchorOf(pt: number, size: (i: number) => number): number {
  let i = 0;
  let left = pt;
  while (left >= size(i) && i < 16384) {
    left -= size(i);
    i++;
  }
  return i + left / size(i);
}

async function writeCharts(book: ExcelJSTypes.Workbook, ws: Sheet, s: SheetState, picture: ChartPicture | undefined): Promise<void> {
  for (const chart of s.charts) {
    const size = { width: Math.round(chart.width * PX_PER_PT), height: Math.round(chart.height * PX_PER_PT) };
    const png = picture ? await picture(chart, size) : placeholderPng(size.width, size.height);
    const id = book.addImage({ buffer: png as unknown as ExcelJSTypes.Buffer, extension: "png" });
    ws.addImage(id, {
      tl: { col: anchorOf(chart.left, (c) => s.columnWidth(c)), row: anchorOf(chart.top, (r) => s.rowHeight(r)) } as ExcelJSTypes.Anchor,
      ext: size,
      editAs: "oneCell",
    });
  }
}

// ----- protection, names ---------------------------------------------------------------------

async function writeProtection(ws: Sheet, s: SheetState): Promise<void> {
  for (const [r, c] of unlockedCells(s)) ws.getCell(r + 1, c + 1).protection = { locked: false };
  const p = protectionOf(s);
  if (!p) return;
  const o = p.options;
  await ws.protect(p.password, {
    selectLockedCells: o.selectionMode === "Normal",
    selectUnlockedCells: o.selectionMode !== "None",
    formatCells: o.allowFormatCells,
    formatColumns: o.allowFormatColumns,
    formatRows: o.allowFormatRows,
    insertColumns: o.allowInsertColumns,
    insertRows: o.allowInsertRows,
    insertHyperlinks: o.allowInsertHyperlinks,
    deleteColumns: o.allowDeleteColumns,
    deleteRows: o.allowDeleteRows,
    sort: o.allowSort,
    autoFilter: o.allowAutoFilter,
    pivotTables: o.allowPivotTables,
    objects: o.allowEditObjects,
    scenarios: o.allowEditScenarios,
    // Excel's own default spin count makes a password hash take seconds in the browser; 10,000 is
    // what LibreOffice writes and Excel reads.
    ...(p.password ? { spinCount: 10000 } : {}),
  });
}

function writeNames(book: ExcelJSTypes.Workbook, wb: PreviewWorkbook, sheets: SheetState[]): void {
  const entries = exportedNames(wb.names, sheets);
  if (entries.length === 0) return;
  // ExcelJS's DefinedNames keeps only cell ranges; its file writer writes each entry's `ranges`
  // joined as the name's formula text (lib/xlsx/xform/book/defined-name-xform.js), so constants
  // and formulas ('="…"', "=Ark!$B$5") are handed over as the model it writes (exceljs 4.4).
  const names = book.definedNames as unknown as { model: unknown };
  Object.defineProperty(names, "model", { get: () => entries, configurable: true });
}

