/**
 * The Excel operations that write one SheetSpec onto a worksheet, each with its request size
 * (UTF-8 bytes, as Excel on the web counts its 5 MB limit), so that render.ts can pack them into
 * syncs. Nothing here syncs.
 *
 * Text is text: a string is written with Excel's quote prefix whenever Excel's entry parsing
 * could read it as anything else (a formula, number, date, time, percentage, currency, boolean
 * or error value). Only `Formula` objects (built by our code) are written as formulas.
 */
import { parseCell, parseRange, rangeAddress as a1 } from "../core/report/address";
import { headerFooterSections } from "../core/report/specCheck";
import { isFormula } from "../core/report/sheetSpec";
import type { BoxShapeSpec, CellBlock, CellStyle, CellValue, ChartSpec, ConnectorSpec, PageSetupSpec, SheetSpec, XYSeriesSpec } from "../core/report/sheetSpec";
import { supports } from "./host";
import { extrasOps } from "./renderExtras";

/** Request budget per sync; Excel on the web rejects requests above 5 MB. */
export const WRITE_BUDGET_BYTES = 4_000_000;

/**
 * Request bytes of one queued Excel call beyond its values: an office.js request carries an
 * envelope per action and per object path (~100 and ~160 bytes of JSON; the preview estimates
 * them the same way, src/preview/workbook/api/base.ts requestBytes). Every Op counts two (an
 * object and an action) on top of its own size; an Op that queues more says so in its size.
 */
export const CALL_ENVELOPE_BYTES = 256;

export type Op = { size: number; apply: () => void };

/** Boolean words Excel recognises on entry in the languages our users' Excel may run in. */
const BOOLEAN_WORDS = /^(true|false|sand|falsk|sant|usant|wahr|falsch|vrai|faux|waar|onwaar|verdadero|falso|vero)$/i;

/**
 * Would Excel's entry parsing read this text as something else? Excel only converts entries that
 * start with = + - @ (formulas) or ' (prefix), start with # (error values) or ( / $ / space
 * (numbers), contain a digit (numbers, dates, times, percentages, fractions, currency), or are a
 * boolean word; every other string stays text in every locale. So the rule errs on the safe side:
 * a string that matches any of these gets the quote prefix, which Excel strips and keeps as text.
 */
export function needsQuotePrefix(s: string): boolean {
  if (s === "") return false;
  return /^[\s=+\-@'#($\u00a0]/.test(s) || /\d/.test(s) || BOOLEAN_WORDS.test(s.trim());
}

/** Cell value as written: null → "" (empty), a formula as its text, text protected with the quote prefix when needed. */
export function toWritten(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (isFormula(v)) return v.formula;
  if (typeof v === "string") return needsQuotePrefix(v) ? `'${v}` : v;
  return v;
}

/** UTF-8 bytes of `v` as JSON (what the 5 MB limit counts). */
export function jsonSize(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Row chunks of a block, each below `budget` bytes of JSON. */
function chunkBlock(block: CellBlock, budget: number, extraPerRow = 0): { row: number; column: number; values: (string | number | boolean)[][] }[] {
  const top = parseCell(block.address);
  const out: { row: number; column: number; values: (string | number | boolean)[][] }[] = [];
  let cur: (string | number | boolean)[][] = [];
  let size = 2;
  let start = 0;
  block.values.forEach((row, i) => {
    const w = row.map(toWritten);
    const rs = jsonSize(w) + 1 + extraPerRow;
    if (cur.length > 0 && size + rs > budget) {
      out.push({ row: top.row + start, column: top.column, values: cur });
      cur = [];
      size = 2;
      start = i;
    }
    cur.push(w);
    size += rs;
  });
  if (cur.length > 0) out.push({ row: top.row + start, column: top.column, values: cur });
  return out;
}

const H: Record<string, Excel.HorizontalAlignment> = { left: "Left", center: "Center", right: "Right" } as Record<string, Excel.HorizontalAlignment>;
const V: Record<string, Excel.VerticalAlignment> = { top: "Top", center: "Center", bottom: "Bottom" } as Record<string, Excel.VerticalAlignment>;
const CHART_TYPES: Record<ChartSpec["type"], string> = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  columnStacked: "ColumnStacked",
  barStacked: "BarStacked",
  // straight lines without markers: a step curve's corners are points, not observations
  xyScatterLines: "XYScatterLinesNoMarkers",
};
const GEOMETRY: Record<Exclude<BoxShapeSpec["kind"], "textBox">, string> = {
  rectangle: "Rectangle",
  roundedRectangle: "RoundRectangle",
  ellipse: "Ellipse",
};

function styleOps(ws: Excel.Worksheet, range: string, st: CellStyle): Op[] {
  const ops: Op[] = [];
  const r = (): Excel.Range => ws.getRange(range);
  const ref = parseRange(range);
  // One object per format/font/fill/border navigated, one action per property set.
  const calls = Object.keys(st).length * 2 + (st.border !== undefined ? 6 * 4 : 0);
  const size = 64 + jsonSize(st) + calls * CALL_ENVELOPE_BYTES + (st.numberFormat !== undefined ? ref.rowCount * ref.columnCount * (st.numberFormat.length + 3) : 0);
  ops.push({
    size,
    apply: () => {
      const rg = r();
      if (st.bold !== undefined) rg.format.font.bold = st.bold;
      if (st.italic !== undefined) rg.format.font.italic = st.italic;
      if (st.fontSize !== undefined) rg.format.font.size = st.fontSize;
      if (st.fontColor !== undefined) rg.format.font.color = st.fontColor;
      if (st.fill !== undefined) rg.format.fill.color = st.fill;
      if (st.numberFormat !== undefined) rg.numberFormat = grid(parseRange(range), st.numberFormat);
      if (st.horizontalAlignment !== undefined) rg.format.horizontalAlignment = H[st.horizontalAlignment];
      if (st.verticalAlignment !== undefined) rg.format.verticalAlignment = V[st.verticalAlignment];
      if (st.wrapText !== undefined) rg.format.wrapText = st.wrapText;
      if (st.border !== undefined) {
        const edges: Excel.BorderIndex[] =
          st.border === "box"
            ? (["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[])
            : st.border === "bottom"
              ? (["EdgeBottom"] as Excel.BorderIndex[])
              : st.border === "top"
                ? (["EdgeTop"] as Excel.BorderIndex[])
                : (["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[]);
        if (st.border === "grid") {
          if (ref.rowCount > 1) edges.push("InsideHorizontal" as Excel.BorderIndex);
          if (ref.columnCount > 1) edges.push("InsideVertical" as Excel.BorderIndex);
        }
        for (const e of edges) {
          const b = rg.format.borders.getItem(e);
          b.style = "Continuous" as Excel.BorderLineStyle;
          b.color = st.borderColor ?? "#000000";
          b.weight = "Thin" as Excel.BorderWeight;
        }
      }
    },
  });
  return ops;
}

/**
 * The series of an XY chart: the chart is added over the first series' y values (one series), which then
 * gets its name and x values; every further series is added by name and given its x and y ranges
 * (ChartSeriesCollection.add, ChartSeries.setXAxisValues / setValues: ExcelApi 1.7, below the manifest's
 * 1.9). Colour: ChartLineFormat.color (1.1); dashes: ChartLineFormat.lineStyle "Dash" (1.7).
 */
function xySeries(ws: Excel.Worksheet, chart: Excel.Chart, series: XYSeriesSpec[]): void {
  series.forEach((sp, i) => {
    const s = i === 0 ? chart.series.getItemAt(0) : chart.series.add(sp.name);
    if (i === 0) s.name = sp.name;
    s.setXAxisValues(ws.getRange(sp.xValues));
    if (i > 0) s.setValues(ws.getRange(sp.yValues));
    if (sp.color !== undefined) s.format.line.color = sp.color;
    if (sp.dashed) s.format.line.lineStyle = "Dash" as Excel.ChartLineStyle;
  });
}

function chartOp(ws: Excel.Worksheet, c: ChartSpec): Op {
  return {
    size: 200 + jsonSize(c),
    apply: () => {
      const xy = c.type === "xyScatterLines" && c.series !== undefined && c.series.length > 0;
      const source = xy ? c.series![0].yValues : c.dataRange;
      const chart = ws.charts.add(CHART_TYPES[c.type] as Excel.ChartType, ws.getRange(source), (c.seriesBy === "rows" ? "Rows" : "Columns") as Excel.ChartSeriesBy);
      chart.name = c.name;
      if (xy) xySeries(ws, chart, c.series!);
      if (c.title !== undefined) chart.title.text = c.title;
      chart.setPosition(c.topLeft, c.bottomRight);
      if (c.xAxisTitle !== undefined) chart.axes.categoryAxis.title.text = c.xAxisTitle;
      if (c.yAxisTitle !== undefined) chart.axes.valueAxis.title.text = c.yAxisTitle;
      if (c.dataLabels) chart.dataLabels.showValue = true;
    },
  };
}

function boxOp(ws: Excel.Worksheet, b: BoxShapeSpec): Op {
  return {
    size: 300 + jsonSize(b),
    apply: () => {
      const shape = b.kind === "textBox" ? ws.shapes.addTextBox(b.text ?? "") : ws.shapes.addGeometricShape(GEOMETRY[b.kind] as Excel.GeometricShapeType);
      shape.name = b.id;
      shape.left = b.left;
      shape.top = b.top;
      shape.width = b.width;
      shape.height = b.height;
      if (b.fill !== undefined) shape.fill.setSolidColor(b.fill);
      // Excel gives a new text box a white fill and an outline; a label (no fill/line in the
      // spec) must not cover the lines it sits on.
      else if (b.kind === "textBox") shape.fill.clear();
      if (b.lineColor !== undefined) shape.lineFormat.color = b.lineColor;
      else if (b.kind === "textBox") shape.lineFormat.visible = false;
      if (b.text !== undefined && b.kind !== "textBox") shape.textFrame.textRange.text = b.text;
      if (b.text !== undefined) {
        const font = shape.textFrame.textRange.font;
        if (b.fontColor !== undefined) font.color = b.fontColor;
        if (b.fontSize !== undefined) font.size = b.fontSize;
        if (b.bold !== undefined) font.bold = b.bold;
        shape.textFrame.horizontalAlignment = (b.horizontalAlignment ? H[b.horizontalAlignment] : "Center") as Excel.ShapeTextHorizontalAlignment;
        shape.textFrame.verticalAlignment = "Middle" as Excel.ShapeTextVerticalAlignment;
      }
    },
  };
}

/** End points of a connector: from the right-middle of `from` to the left-middle of `to`, unless given. */
export function connectorPoints(c: ConnectorSpec, boxes: Map<string, BoxShapeSpec>): { x1: number; y1: number; x2: number; y2: number } {
  const f = boxes.get(c.from);
  const t = boxes.get(c.to);
  return {
    x1: c.x1 ?? (f ? f.left + f.width : 0),
    y1: c.y1 ?? (f ? f.top + f.height / 2 : 0),
    x2: c.x2 ?? (t ? t.left : 0),
    y2: c.y2 ?? (t ? t.top + t.height / 2 : 0),
  };
}

function connectorOp(ws: Excel.Worksheet, c: ConnectorSpec, boxes: Map<string, BoxShapeSpec>): Op {
  return {
    size: 300 + jsonSize(c),
    apply: () => {
      const p = connectorPoints(c, boxes);
      const line = ws.shapes.addLine(p.x1, p.y1, p.x2, p.y2, "Straight" as Excel.ConnectorType);
      line.name = c.id;
      if (c.lineColor !== undefined) line.lineFormat.color = c.lineColor;
      if (c.weight !== undefined) line.lineFormat.weight = c.weight;
      if (c.dashed) line.lineFormat.dashStyle = "Dash" as Excel.ShapeLineDashStyle;
      if (c.arrow) line.line.endArrowheadStyle = "Triangle" as Excel.ArrowheadStyle;
    },
  };
}

function pageOp(ws: Excel.Worksheet, p: PageSetupSpec): Op {
  return {
    size: 200 + jsonSize(p),
    apply: () => {
      const pl = ws.pageLayout;
      pl.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
      pl.paperSize = p.paperSize as Excel.PaperType;
      if (p.scale !== undefined) pl.zoom = { scale: p.scale };
      else if (p.fitToOnePage) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      else if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (p.printArea !== undefined) pl.setPrintArea(p.printArea);
      if (p.printTitleRows !== undefined) pl.setPrintTitleRows(p.printTitleRows);
      if (p.rowBreaks) {
        ws.horizontalPageBreaks.removePageBreaks();
        for (const r of p.rowBreaks) ws.horizontalPageBreaks.add(`A${r}`);
      }
      if (p.margins) {
        pl.topMargin = p.margins.top;
        pl.bottomMargin = p.margins.bottom;
        pl.leftMargin = p.margins.left;
        pl.rightMargin = p.margins.right;
      }
      // Header/footer sections are code strings ("&P" = page number): text parts are escaped,
      // codes come from our spec only (headerFooterCode).
      const hf = pl.headersFooters.defaultForAllPages;
      for (const [k, code] of headerFooterSections(p.header)) hf[`${k}Header`] = code;
      for (const [k, code] of headerFooterSections(p.footer)) hf[`${k}Footer`] = code;
    },
  };
}

/** Everything after the values, in an order Excel accepts (values → formats → merges → tables → ...). */
export function finishOps(ws: Excel.Worksheet, spec: SheetSpec, tableSuffix = ""): Op[] {
  const ops: Op[] = [];
  if (spec.tabColor !== undefined && supports("Worksheet.tabColor")) ops.push({ size: 32, apply: () => void (ws.tabColor = spec.tabColor as string) });
  // Worksheet.showGridlines is ExcelApi 1.8 (the manifest asks for 1.7): older Excel keeps its gridlines.
  if (spec.showGridlines !== undefined && supports("Worksheet.showGridlines")) ops.push({ size: 32, apply: () => void (ws.showGridlines = spec.showGridlines as boolean) });
  for (const st of spec.styles ?? []) ops.push(...styleOps(ws, st.range, st.style));
  for (const m of spec.merges ?? []) ops.push({ size: 32 + m.length, apply: () => ws.getRange(m).merge(false) });
  for (const t of spec.tables ?? []) {
    ops.push({
      size: 128 + jsonSize(t),
      apply: () => {
        const table = ws.tables.add(ws.getRange(t.range), true);
        table.name = t.name + tableSuffix;
        if (t.style !== undefined) table.style = t.style;
        if (t.showTotals !== undefined) table.showTotals = t.showTotals;
      },
    });
  }
  for (const cw of spec.columnWidths ?? []) {
    const cols = cw.columns.includes(":") ? cw.columns : `${cw.columns}:${cw.columns}`;
    ops.push({ size: 48, apply: () => void (ws.getRange(cols).format.columnWidth = cw.width) });
  }
  for (const h of spec.rowHeights ?? []) ops.push({ size: 48, apply: () => void (ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height) });
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0) && supports("Worksheet.freezePanes")) {
    const f = spec.freeze;
    ops.push({
      size: 48,
      apply: () => {
        if (f.rows > 0 && f.columns > 0) ws.freezePanes.freezeAt(ws.getRange(a1(0, 0, f.rows, f.columns)));
        else if (f.rows > 0) ws.freezePanes.freezeRows(f.rows);
        else ws.freezePanes.freezeColumns(f.columns);
      },
    });
  }
  for (const c of spec.charts ?? []) ops.push(chartOp(ws, c));
  const boxes = new Map<string, BoxShapeSpec>();
  for (const sh of spec.shapes ?? []) if (sh.kind !== "connector") boxes.set(sh.id, sh);
  for (const sh of spec.shapes ?? []) if (sh.kind !== "connector") ops.push(boxOp(ws, sh));
  for (const sh of spec.shapes ?? []) if (sh.kind === "connector") ops.push(connectorOp(ws, sh, boxes));
  // Page layout is ExcelApi 1.9; on older clients the sheet is written without print settings.
  if (spec.pageSetup && supports("Worksheet.pageLayout")) ops.push(pageOp(ws, spec.pageSetup));
  ops.push(...extrasOps(ws, spec)); // data validation and conditional formats (renderExtras.ts)
  return ops;
}

export function valueOps(ws: Excel.Worksheet, spec: SheetSpec): Op[] {
  const ops: Op[] = [];
  for (const block of spec.cells) {
    if (block.values.length === 0 || block.values[0].length === 0) continue;
    const formulas = block.values.some((r) => r.some(isFormula));
    const perCellFormat = block.numberFormat !== undefined ? block.numberFormat.length + 3 : 0;
    const width = block.values[0].length;
    for (const ch of chunkBlock(block, WRITE_BUDGET_BYTES - 64 * 1024, perCellFormat * width)) {
      const address = a1(ch.row, ch.column, ch.values.length, ch.values[0].length);
      const nf = block.numberFormat;
      const cells = ch.values.length * ch.values[0].length;
      ops.push({
        size: jsonSize(ch.values) + (nf ? cells * (nf.length + 3) : 0) + 64,
        apply: () => {
          const range = ws.getRange(address);
          // Number format first, so that a text format ("@") keeps the values as text. Written as
          // a full 2-D array (the documented form).
          if (nf !== undefined) range.numberFormat = grid({ rowCount: ch.values.length, columnCount: ch.values[0].length }, nf);
          if (formulas) range.formulas = ch.values as unknown as string[][];
          else range.values = ch.values as unknown as string[][];
        },
      });
    }
  }
  return ops;
}

/** A rowCount × columnCount array filled with `v`. */
function grid(ref: { rowCount: number; columnCount: number }, v: string): string[][] {
  return Array.from({ length: ref.rowCount }, () => new Array<string>(ref.columnCount).fill(v));
}


/**
 * Every operation that writes `spec` onto `ws`: values first, then formats, tables, charts,
 * shapes, page setup. Table names are workbook-wide, so a temporary copy names its tables with
 * `tableSuffix` (renamed when the copy takes its place).
 */
export function sheetOps(ws: Excel.Worksheet, spec: SheetSpec, tableSuffix = ""): Op[] {
  return [...valueOps(ws, spec), ...finishOps(ws, spec, tableSuffix)];
}

/** Protect `ws` as the spec asks (ExcelApi 1.2): unlock the editable ranges, then protect. Last, after everything else. */
export function protectOps(ws: Excel.Worksheet, spec: SheetSpec): Op[] {
  const p = spec.protection;
  if (!p) return [];
  return [
    ...(p.unlocked ?? []).map((r) => ({ size: 64 + r.length, apply: () => void (ws.getRange(r).format.protection.locked = false) })),
    { size: 64, apply: () => ws.protection.protect() },
  ];
}
