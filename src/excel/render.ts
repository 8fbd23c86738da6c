/**
 * Render SheetSpecs (src/core/report/sheetSpec.ts) into the workbook. Only the add-in's own
 * sheets are ever replaced: ownership is registered in the workbook setting
 * "virkning.ownedSheets" (see state.ts). A sheet with a target name that the add-in does not own
 * makes the whole render refuse with SHEET_NOT_OWNED before anything is written.
 *
 * Sync budget (per renderSheets call, for any number of specs):
 *   1. look up the existing sheets and the ownership register;
 *   2. add the new sheets (under temporary names), delete the old own sheets, rename the new ones
 *      into place, register them by name, load their ids, and write everything that fits in the
 *      request budget (values, then formats, merges, tables, widths, freeze panes, charts,
 *      shapes, page setup);
 *   3. register the new sheets' ids, plus whatever did not fit in sync 2.
 * Value blocks are written in row chunks so that each sync's request stays below
 * WRITE_BUDGET_BYTES (~4 MB, Excel on the web allows 5 MB): when everything does not fit in
 * sync 2, the rest goes into sync 3, 4, … (~4 MB each; the id registration rides along with
 * sync 3). So the count is exactly 3 for ordinary outputs and 1 + (number of ~4 MB write
 * chunks) for huge ones; it never depends on the number of rows otherwise.
 *
 * Strings that Excel would re-interpret when written through `values` (numbers as text, "+x",
 * "-x", "TRUE", dates such as "1-2") are written with Excel's quote prefix so they stay text;
 * strings starting with "=" are formulas (English names, written via `Range.formulas`).
 */
import { VirkningError } from "../core/errors";
import { parseCell, parseRange, rangeAddress as a1 } from "../core/report/address";
import { isFormula } from "../core/report/sheetSpec";
import type {
  BoxShapeSpec,
  CellBlock,
  CellStyle,
  CellValue,
  ChartSpec,
  ConnectorSpec,
  PageSetupSpec,
  SheetSpec,
} from "../core/report/sheetSpec";
import { isSetSupported, type ExcelRun } from "./host";
import { extrasOps } from "./renderExtras";
import { isOwned, parseOwnedSheets, queueLoadOwned, queueSaveOwned, type OwnedSheet } from "./state";

/** Request budget per sync; Excel on the web rejects requests above 5 MB. */
export const WRITE_BUDGET_BYTES = 4_000_000;

type Op = { size: number; apply: () => void };

const FORBIDDEN = /[:\\/?*[\]]/;

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

function invalidSpec(sheet: string, da: string, en: string): VirkningError {
  return new VirkningError("RENDER_INVALID_SPEC", `Arket "${sheet}" kan ikke skrives: ${da}`, `The sheet "${sheet}" cannot be written: ${en}`, { sheet });
}

/** Check the specs before touching the workbook (nothing is written when one is invalid). */
function validate(specs: SheetSpec[]): void {
  const seen: string[] = [];
  const needShapes = specs.some((s) => (s.shapes?.length ?? 0) > 0);
  if (needShapes && !isSetSupported("1.9")) {
    throw new VirkningError(
      "SHAPES_NOT_SUPPORTED",
      "Denne version af Excel kan ikke tegne figurer (kræver ExcelApi 1.9, fx Excel 2021 eller Microsoft 365). Diagrammet kan vises med farvede celler i stedet.",
      "This version of Excel cannot draw shapes (requires ExcelApi 1.9, e.g. Excel 2021 or Microsoft 365). The diagram can be shown with coloured cells instead.",
    );
  }
  for (const s of specs) {
    const n = s.name;
    if (typeof n !== "string" || n.length === 0 || n.length > 31 || FORBIDDEN.test(n) || n.startsWith("'") || n.endsWith("'")) {
      throw invalidSpec(
        String(n),
        "navnet skal have 1–31 tegn og må ikke indeholde : \\ / ? * [ ].",
        "the name must have 1–31 characters and must not contain : \\ / ? * [ ].",
      );
    }
    if (seen.some((x) => sameName(x, n))) throw invalidSpec(n, "navnet bruges to gange.", "the name is used twice.");
    seen.push(n);
    for (const b of s.cells) {
      tryAddress(n, () => parseCell(b.address), b.address);
      const w = b.values[0]?.length ?? 0;
      if (b.values.some((r) => r.length !== w)) {
        throw invalidSpec(n, `rækkerne i blokken ved ${b.address} har forskellig længde.`, `the rows of the block at ${b.address} differ in length.`);
      }
      const top = parseCell(b.address);
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (typeof v === "number" && !Number.isFinite(v)) {
            const cell = a1(top.row + i, top.column + j, 1, 1);
            throw invalidSpec(n, `cellen ${cell} skulle have et tal, men beregningen gav intet tal (${v}).`, `cell ${cell} should hold a number, but the computation gave none (${v}).`);
          }
        }),
      );
    }
    for (const st of s.styles ?? []) tryAddress(n, () => parseRange(st.range), st.range);
    for (const m of s.merges ?? []) tryAddress(n, () => parseRange(m), m);
    for (const t of s.tables ?? []) tryAddress(n, () => parseRange(t.range), t.range);
    for (const c of s.charts ?? []) {
      tryAddress(n, () => parseRange(c.dataRange), c.dataRange);
      tryAddress(n, () => parseCell(c.topLeft), c.topLeft);
      tryAddress(n, () => parseCell(c.bottomRight), c.bottomRight);
    }
    const boxes = new Set((s.shapes ?? []).filter((x) => x.kind !== "connector").map((x) => x.id));
    for (const sh of s.shapes ?? []) {
      if (sh.kind === "connector" && (sh.x1 === undefined || sh.y1 === undefined || sh.x2 === undefined || sh.y2 === undefined)) {
        if (!boxes.has(sh.from) || !boxes.has(sh.to)) {
          throw invalidSpec(n, `forbindelsen "${sh.id}" henviser til en figur, der ikke findes.`, `the connector "${sh.id}" refers to a shape that does not exist.`);
        }
      }
    }
  }
}

function tryAddress(sheet: string, f: () => unknown, address: string): void {
  try {
    f();
  } catch {
    throw invalidSpec(sheet, `adressen "${address}" er ugyldig.`, `the address "${address}" is invalid.`);
  }
}

/** Would Excel turn this text into something else when written through `values`? */
function needsQuotePrefix(s: string): boolean {
  if (s === "") return false;
  if (/^[+\-'@]/.test(s)) return true;
  const t = s.trim();
  if (t !== "" && Number.isFinite(Number(t.replace(",", ".")))) return true;
  if (/^(true|false|sand|falsk)$/i.test(t)) return true;
  if (/^\d+(?:[.,]\d+)?\s*%$/.test(t)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:\s.*)?$/.test(t)) return true; // dates
  if (/^\d{1,2}:\d{2}/.test(t)) return true; // times
  return false;
}

/** Cell value as written: null → "" (empty), a formula as its text, text protected with the quote prefix when needed. */
function toWritten(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (isFormula(v)) return v.formula;
  if (typeof v === "string") return needsQuotePrefix(v) ? `'${v}` : v;
  return v;
}

function jsonSize(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
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
  const size = 64 + jsonSize(st) + (st.numberFormat !== undefined ? ref.rowCount * ref.columnCount * (st.numberFormat.length + 3) : 0);
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

function chartOp(ws: Excel.Worksheet, c: ChartSpec): Op {
  return {
    size: 200 + jsonSize(c),
    apply: () => {
      const chart = ws.charts.add(CHART_TYPES[c.type] as Excel.ChartType, ws.getRange(c.dataRange), (c.seriesBy === "rows" ? "Rows" : "Columns") as Excel.ChartSeriesBy);
      chart.name = c.name;
      if (c.title !== undefined) chart.title.text = c.title;
      chart.setPosition(c.topLeft, c.bottomRight);
      if (c.xAxisTitle !== undefined) chart.axes.categoryAxis.title.text = c.xAxisTitle;
      if (c.yAxisTitle !== undefined) chart.axes.valueAxis.title.text = c.yAxisTitle;
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
      if (p.fitToOnePage) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      else if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (p.printArea !== undefined) pl.setPrintArea(p.printArea);
      if (p.printTitleRows !== undefined) pl.setPrintTitleRows(p.printTitleRows);
      if (p.centerHeader !== undefined) pl.headersFooters.defaultForAllPages.centerHeader = p.centerHeader;
      if (p.centerFooter !== undefined) pl.headersFooters.defaultForAllPages.centerFooter = p.centerFooter;
    },
  };
}

/** Everything after the values, in an order Excel accepts (values → formats → merges → tables → ...). */
function finishOps(ws: Excel.Worksheet, spec: SheetSpec): Op[] {
  const ops: Op[] = [];
  if (spec.tabColor !== undefined) ops.push({ size: 32, apply: () => void (ws.tabColor = spec.tabColor as string) });
  // Worksheet.showGridlines is ExcelApi 1.8 (the manifest asks for 1.7): older Excel keeps its gridlines.
  if (spec.showGridlines !== undefined && isSetSupported("1.8")) ops.push({ size: 32, apply: () => void (ws.showGridlines = spec.showGridlines as boolean) });
  for (const st of spec.styles ?? []) ops.push(...styleOps(ws, st.range, st.style));
  for (const m of spec.merges ?? []) ops.push({ size: 32 + m.length, apply: () => ws.getRange(m).merge(false) });
  for (const t of spec.tables ?? []) {
    ops.push({
      size: 128 + jsonSize(t),
      apply: () => {
        const table = ws.tables.add(ws.getRange(t.range), true);
        table.name = t.name;
        if (t.style !== undefined) table.style = t.style;
        if (t.showTotals !== undefined) table.showTotals = t.showTotals;
      },
    });
  }
  for (const cw of spec.columnWidths ?? []) {
    const cols = cw.columns.includes(":") ? cw.columns : `${cw.columns}:${cw.columns}`;
    ops.push({ size: 48, apply: () => void (ws.getRange(cols).format.columnWidth = cw.width) });
  }
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0) && isSetSupported("1.7")) {
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
  if (spec.pageSetup && isSetSupported("1.9")) ops.push(pageOp(ws, spec.pageSetup));
  ops.push(...extrasOps(ws, spec)); // data validation and conditional formats (renderExtras.ts)
  return ops;
}

function valueOps(ws: Excel.Worksheet, spec: SheetSpec): Op[] {
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

/** A temporary sheet name that collides with nothing. */
function tempName(i: number, taken: string[]): string {
  for (let k = 0; ; k++) {
    const n = `~virkning${i}${k ? `_${k}` : ""}`;
    if (!taken.some((t) => sameName(t, n))) return n;
  }
}

/** Render `specs` in an existing request context (see the sync budget at the top of this file). */
export async function renderSpecs(context: Excel.RequestContext, specs: SheetSpec[]): Promise<void> {
  validate(specs);
  if (specs.length === 0) return;
  // Sync 1: existing sheets and the ownership register.
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/position,items/visibility");
  const ownedSetting = queueLoadOwned(context);
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await context.sync();
  const existing = sheets.items.map((s) => ({ name: s.name, id: s.id, position: s.position }));
  const owned = ownedSetting.isNullObject ? [] : parseOwnedSheets(ownedSetting.value);
  const targets = specs.map((spec) => existing.find((e) => sameName(e.name, spec.name)));
  specs.forEach((spec, i) => {
    const t = targets[i];
    if (t && !isOwned(owned, t)) {
      throw new VirkningError(
        "SHEET_NOT_OWNED",
        `Arket "${t.name}" findes allerede og er ikke oprettet af Virkning. Omdøb eller slet det, og prøv igen.`,
        `The sheet "${t.name}" already exists and was not created by Virkning. Rename or delete it, then try again.`,
        { sheet: t.name },
      );
    }
  });

  // Sync 2: replace the sheets, register them by name, write what fits.
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const replacedIds = new Set(targets.filter((t): t is NonNullable<typeof t> => t !== undefined).map((t) => t.id));
  const keep = owned.filter(
    (o) => (o.id !== "" && existing.some((e) => e.id === o.id) && !replacedIds.has(o.id)) || (o.id === "" && existing.some((e) => sameName(e.name, o.name)) && !specs.some((s) => sameName(s.name, o.name))),
  );
  queueSaveOwned(context, [...keep, ...specs.map((s) => ({ id: "", name: s.name }))]);
  const taken = existing.map((e) => e.name);
  const created: Excel.Worksheet[] = specs.map((spec, i) => {
    const temp = tempName(i, taken);
    taken.push(temp);
    const ws = context.workbook.worksheets.add(temp);
    const old = targets[i];
    if (old) context.workbook.worksheets.getItem(old.id).delete();
    ws.name = spec.name;
    if (old) ws.position = old.position;
    ws.load("id,name");
    return ws;
  });
  const ops: Op[] = [];
  specs.forEach((spec, i) => ops.push(...valueOps(created[i], spec)));
  specs.forEach((spec, i) => ops.push(...finishOps(created[i], spec)));
  // Activate the last spec that asks for it; otherwise keep the user where they were when the
  // active sheet was one of ours being replaced (Excel would move to a neighbouring sheet).
  let activateIndex = specs.map((s) => s.activate === true).lastIndexOf(true);
  if (activateIndex < 0) activateIndex = targets.findIndex((t) => t !== undefined && sameName(t.name, active.name));
  if (activateIndex >= 0) ops.push({ size: 16, apply: () => created[activateIndex].activate() });

  let next = 0;
  const fill = (budget: number): void => {
    let used = 0;
    while (next < ops.length && (used === 0 || used + ops[next].size <= budget)) {
      used += ops[next].size;
      ops[next++].apply();
    }
  };
  fill(WRITE_BUDGET_BYTES - 4096 - specs.length * 512);
  await context.sync();

  // Sync 3: the ids are known now; the rest of the values (if any) follow, one sync per ~4 MB.
  const register: OwnedSheet[] = [...keep, ...created.map((ws) => ({ id: ws.id, name: ws.name }))];
  queueSaveOwned(context, register);
  do {
    fill(WRITE_BUDGET_BYTES - 4096 - specs.length * 512);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  } while (next < ops.length);
}

/** Render one spec inside an existing Excel.run batch (same budget as renderSheets). */
export async function renderSheetSpec(context: Excel.RequestContext, spec: SheetSpec): Promise<void> {
  await renderSpecs(context, [spec]);
}

/** Render specs in one Excel.run: 3 syncs for ordinary outputs (see the top of this file). */
export async function renderSheets(run: ExcelRun, specs: SheetSpec[]): Promise<void> {
  validate(specs);
  await run((context) => renderSpecs(context, specs));
}
