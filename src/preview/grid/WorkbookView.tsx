/**
 * The spreadsheet view of the preview workbook: name box and formula bar, a virtualised cell grid
 * with headers, frozen panes, merges, tables, charts and shapes, and sheet tabs along the bottom.
 * It only reads the workbook through PreviewWorkbookView and reports user actions back to it.
 */
import * as React from "react";
import { columnLetter, parseRange, rangeAddress, type RangeRef } from "../../core/report/address";
import type { PreviewCell, PreviewChart, PreviewShape, PreviewSheet, PreviewTable, PreviewWorkbookView } from "../workbook/model";
import { ChartView } from "./ChartView";
import { anchoredVertical } from "./objectAnchor";
import { ValidationDropdown, acceptTyped, conditionalLook } from "./extras";
import { Axis, gridExtent, ptToPx, DEFAULT_COLUMN_WIDTH_PT, DEFAULT_ROW_HEIGHT_PT } from "./layout";
import { fitNumberToWidth, formatCellValue, formatForEditing, textWidthPx } from "./numberFormat";
import { ShapeView } from "./ShapeView";
import { ensureGridStyles, measureGridText } from "./styles";
import { tableCellLook, type TableCellLook } from "./tableStyle";

// Charts and shapes redraw only when the workbook changes (the version), not on every scroll.
const MemoChart = React.memo(function MemoChart(props: { chart: PreviewChart; version: number; top: number; height: number }): JSX.Element {
  return <ChartView chart={props.chart} box={{ top: props.top, height: props.height }} />;
});
const MemoShape = React.memo(function MemoShape(props: { shape: PreviewShape; version: number }): JSX.Element {
  return <ShapeView shape={props.shape} />;
});

export interface WorkbookViewProps {
  workbook: PreviewWorkbookView;
  height?: number | string;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;
const HEADER_HEIGHT = 20;
const FALLBACK_VIEWPORT = { width: 1000, height: 600 };
const MAX_SPILL_COLUMNS = 30;

/** Re-render on every workbook notification. */
function useWorkbookVersion(workbook: PreviewWorkbookView): number {
  const counter = React.useRef(0);
  const subscribe = React.useCallback(
    (onChange: () => void) =>
      workbook.subscribe(() => {
        counter.current += 1;
        onChange();
      }),
    [workbook],
  );
  const getSnapshot = React.useCallback(() => counter.current, []);
  return React.useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** "B4", "A1:D10", whole rows "4:6", whole columns "B:C". */
export function selectionAddress(r: RangeRef): string {
  const wholeRows = r.column === 0 && r.columnCount >= MAX_COLUMNS;
  const wholeCols = r.row === 0 && r.rowCount >= MAX_ROWS;
  if (wholeRows && wholeCols) return `1:${MAX_ROWS}`;
  if (wholeRows) return `${r.row + 1}:${r.row + r.rowCount}`;
  if (wholeCols) return `${columnLetter(r.column)}:${columnLetter(r.column + r.columnCount - 1)}`;
  return rangeAddress(r.row, r.column, r.rowCount, r.columnCount);
}

function contains(r: RangeRef, row: number, column: number): boolean {
  return row >= r.row && row < r.row + r.rowCount && column >= r.column && column < r.column + r.columnCount;
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount;
}

function rangeOf(r1: number, c1: number, r2: number, c2: number): RangeRef {
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rowCount: Math.abs(r2 - r1) + 1, columnCount: Math.abs(c2 - c1) + 1 };
}

/** Grow a range until no merged area is partly inside it (Excel's selection behaviour). */
function expandToMerges(range: RangeRef, merges: readonly RangeRef[]): RangeRef {
  let r = range;
  for (let pass = 0; pass < 20; pass++) {
    let changed = false;
    for (const m of merges) {
      if (!intersects(r, m)) continue;
      const row = Math.min(r.row, m.row);
      const column = Math.min(r.column, m.column);
      const end = Math.max(r.row + r.rowCount, m.row + m.rowCount);
      const endC = Math.max(r.column + r.columnCount, m.column + m.columnCount);
      if (row !== r.row || column !== r.column || end !== r.row + r.rowCount || endC !== r.column + r.columnCount) {
        r = { row, column, rowCount: end - row, columnCount: endC - column };
        changed = true;
      }
    }
    if (!changed) break;
  }
  return r;
}

function borderCss(color: string | undefined): string | undefined {
  if (!color || color.toLowerCase() === "none") return undefined;
  return `1px solid ${color}`;
}

function editText(cell: PreviewCell | undefined): string {
  if (!cell) return "";
  if (cell.formula) return cell.formula;
  return formatForEditing(cell.value, cell.numberFormat);
}

/** Left-aligned, unwrapped, non-empty text may flow over empty neighbours to the right. */
function spillable(cell: PreviewCell): boolean {
  const f = cell.format;
  return typeof cell.value === "string" && cell.value !== "" && !f.wrapText && (!f.horizontalAlignment || f.horizontalAlignment === "General" || f.horizontalAlignment === "Left");
}

/** Sheets up to this many used cells get Excel's automatic row heights; larger ones keep the default. */
const AUTOFIT_CELL_LIMIT = 60000;

/**
 * Row heights in points: explicit heights from the sheet, and for other rows Excel's automatic
 * height (the largest font in the row, and wrapped text's line count). Merged cells do not count,
 * as in Excel.
 */
function autoRowHeights(sheet: PreviewSheet, used: { rowCount: number; columnCount: number }, cols: Axis): ReadonlyMap<number, number> {
  if (used.rowCount * used.columnCount > AUTOFIT_CELL_LIMIT) return sheet.rowHeights;
  const merged = sheet.merges.filter((m) => m.rowCount > 1 || m.columnCount > 1);
  let out: Map<number, number> | null = null;
  for (let r = 0; r < used.rowCount; r++) {
    if (sheet.rowHeights.has(r)) continue;
    let best = DEFAULT_ROW_HEIGHT_PT;
    for (let c = 0; c < used.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      if (!cell) continue;
      const f = cell.format;
      const pt = f.fontSize ?? 11;
      if (pt <= 11 && !f.wrapText) continue;
      if (cell.value === null || cell.value === "") continue;
      const inMerge = merged.find((m) => contains(m, r, c));
      if (inMerge && (inMerge.rowCount > 1 || f.wrapText)) continue;
      const line = pt * 1.36;
      let lines = 1;
      if (f.wrapText) {
        const avail = Math.max(8, cols.size(c) - 7);
        const text = typeof cell.value === "string" ? cell.value : String(cell.value);
        lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(measure(part, pt, !!f.bold) / avail)), 0);
      }
      best = Math.max(best, Math.min(409, lines * line + 0.5));
    }
    if (best > DEFAULT_ROW_HEIGHT_PT) {
      if (!out) out = new Map(sheet.rowHeights);
      out.set(r, Math.round(best * 4) / 4);
    }
  }
  return out ?? sheet.rowHeights;
}

function measure(text: string, fontPt: number, bold: boolean): number {
  return measureGridText(text, fontPt, bold, textWidthPx);
}

function isEmptyCell(cell: PreviewCell | undefined): boolean {
  if (!cell) return true;
  if (cell.value !== null && cell.value !== "") return false;
  const f = cell.format;
  return !f.fill && !(f.borders && (f.borders.left || f.borders.right || f.borders.top || f.borders.bottom));
}

export function WorkbookView(props: WorkbookViewProps): JSX.Element {
  const { workbook, height = "100%" } = props;
  React.useLayoutEffect(() => ensureGridStyles(), []);
  const version = useWorkbookVersion(workbook);
  const names = workbook.sheetNames();
  const activeName = workbook.activeSheetName;
  const sheet = workbook.getSheet(activeName);
  return (
    <div className="vk-wb" style={{ height }} data-testid="workbook-view">
      {sheet ? (
        <SheetView key={sheet.name} workbook={workbook} sheet={sheet} version={version} />
      ) : (
        <div className="vk-empty">Projektmappen har intet aktivt ark.</div>
      )}
      <div className="vk-tabs" role="tablist" aria-label="Ark">
        {names.map((name) => {
          const s = workbook.getSheet(name);
          const selected = name === activeName;
          const color = s?.tabColor && s.tabColor.toLowerCase() !== "none" ? s.tabColor : undefined;
          return (
            <button
              key={name}
              type="button"
              role="tab"
              data-sheet={name}
              aria-selected={selected}
              className="vk-tab"
              title={name}
              onClick={() => {
                if (!selected) workbook.activateSheetByUser(name);
              }}
            >
              {name}
              {color ? <span className="vk-tab-stripe" data-tab-color={color} style={{ background: color }} /> : null}
            </button>
          );
        })}
      </div>
    </div>
  );
}

interface EditState {
  row: number;
  column: number;
  text: string;
}

function SheetView(props: { workbook: PreviewWorkbookView; sheet: PreviewSheet; version: number }): JSX.Element {
  const { workbook, sheet, version } = props;
  const scrollerRef = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ left: 0, top: 0 });
  const [size, setSize] = React.useState(FALLBACK_VIEWPORT);
  const [anchor, setAnchor] = React.useState<{ row: number; column: number } | null>(null);
  const [corner, setCorner] = React.useState<{ row: number; column: number } | null>(null);
  const [editing, setEditingState] = React.useState<EditState | null>(null);
  const editingRef = React.useRef<EditState | null>(null);
  const [barText, setBarTextState] = React.useState<string | null>(null);
  const barTextRef = React.useRef<string | null>(null);
  const [nameBoxText, setNameBoxText] = React.useState<string | null>(null);
  const dragRef = React.useRef<{ row: number; column: number } | null>(null);
  const rowCache = React.useRef<{ version: number; rows: Axis | null; cols: Axis | null; sheet: PreviewSheet | null; map: Map<string, JSX.Element> }>({
    version: -1,
    rows: null,
    cols: null,
    sheet: null,
    map: new Map(),
  });

  const setEditing = (e: EditState | null): void => {
    editingRef.current = e;
    setEditingState(e);
  };
  const setBarText = (t: string | null): void => {
    barTextRef.current = t;
    setBarTextState(t);
  };

  // ----- geometry -----------------------------------------------------------------------------
  const used = React.useMemo(() => sheet.usedExtent(), [sheet, version]);
  const selection: RangeRef = workbook.selection.sheet === sheet.name ? workbook.selection.range : { row: 0, column: 0, rowCount: 1, columnCount: 1 };
  const shownSelection = selection.rowCount * selection.columnCount < 1e6 ? expandToMerges(selection, sheet.merges) : selection;
  const active = anchor && contains(selection, anchor.row, anchor.column) ? anchor : { row: selection.row, column: selection.column };

  const { rows, cols } = React.useMemo(() => {
    const ext = gridExtent(used);
    let rowCount = ext.rows;
    let colCount = ext.columns;
    const frozen = sheet.frozen ?? { rows: 0, columns: 0 };
    rowCount = Math.max(rowCount, frozen.rows + 20);
    colCount = Math.max(colCount, frozen.columns + 5);
    for (const m of [...sheet.merges, ...sheet.tables.map((t) => t.range)]) {
      rowCount = Math.max(rowCount, m.row + m.rowCount + 5);
      colCount = Math.max(colCount, m.column + m.columnCount + 2);
    }
    if (active.row + 20 > rowCount) rowCount = Math.min(MAX_ROWS, active.row + 40);
    if (active.column + 5 > colCount) colCount = Math.min(MAX_COLUMNS, active.column + 10);
    let needW = 0;
    let needH = 0;
    for (const o of [...sheet.charts, ...sheet.shapes]) {
      needW = Math.max(needW, ptToPx(o.left + o.width), ptToPx(Math.max(o.left, ("endX" in o ? o.endX : 0) ?? 0)));
      needH = Math.max(needH, ptToPx(o.top + o.height), ptToPx(Math.max(o.top, ("endY" in o ? o.endY : 0) ?? 0)));
    }
    let c = new Axis(colCount, ptToPx(DEFAULT_COLUMN_WIDTH_PT), sheet.columnWidths);
    if (c.total < needW + 64) c = new Axis(colCount + Math.ceil((needW + 64 - c.total) / ptToPx(DEFAULT_COLUMN_WIDTH_PT)), ptToPx(DEFAULT_COLUMN_WIDTH_PT), sheet.columnWidths);
    const heights = autoRowHeights(sheet, used, c);
    let r = new Axis(rowCount, ptToPx(DEFAULT_ROW_HEIGHT_PT), heights);
    if (r.total < needH + 60) r = new Axis(rowCount + Math.ceil((needH + 60 - r.total) / ptToPx(DEFAULT_ROW_HEIGHT_PT)), ptToPx(DEFAULT_ROW_HEIGHT_PT), heights);
    return { rows: r, cols: c };
  }, [sheet, version, used, Math.floor(active.row / 20), Math.floor(active.column / 5)]);

  const rowHeaderWidth = Math.max(34, String(rows.count).length * 8 + 14);
  const fr = Math.min(Math.max(0, sheet.frozen?.rows ?? 0), rows.count - 1);
  const fc = Math.min(Math.max(0, sheet.frozen?.columns ?? 0), cols.count - 1);
  const frozenH = rows.start(fr);
  const frozenW = cols.start(fc);
  const vw = size.width;
  const vh = size.height;
  const paneW = Math.max(0, vw - rowHeaderWidth - frozenW);
  const paneH = Math.max(0, vh - HEADER_HEIGHT - frozenH);
  const rowFrom = Math.max(fr, rows.indexAt(frozenH + scroll.top));
  const rowTo = Math.min(rows.count, rows.indexAt(frozenH + scroll.top + paneH) + 1);
  const colFrom = Math.max(fc, cols.indexAt(frozenW + scroll.left));
  const colTo = Math.min(cols.count, cols.indexAt(frozenW + scroll.left + paneW) + 1);

  // ----- measuring ----------------------------------------------------------------------------
  React.useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return undefined;
    const measure = (): void => {
      const w = el.clientWidth || FALLBACK_VIEWPORT.width;
      const h = el.clientHeight || FALLBACK_VIEWPORT.height;
      setSize((s) => (s.width === w && s.height === h ? s : { width: w, height: h }));
    };
    measure();
    let ro: ResizeObserver | undefined;
    if (typeof ResizeObserver !== "undefined") {
      ro = new ResizeObserver(measure);
      ro.observe(el);
    }
    window.addEventListener("resize", measure);
    return () => {
      ro?.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, []);

  React.useEffect(() => {
    const up = (): void => {
      dragRef.current = null;
    };
    window.addEventListener("mouseup", up);
    return () => window.removeEventListener("mouseup", up);
  }, []);

  // ----- actions ------------------------------------------------------------------------------
  const focusGrid = (): void => {
    scrollerRef.current?.focus({ preventScroll: true });
  };

  // Scrolling a cell into view waits for the next layout, when the grid has grown to include it.
  const revealRef = React.useRef<{ row: number; column: number } | null>(null);
  const ensureVisible = (row: number, column: number): void => {
    revealRef.current = { row, column };
  };
  React.useLayoutEffect(() => {
    const target = revealRef.current;
    const el = scrollerRef.current;
    if (!target || !el) return;
    revealRef.current = null;
    const row = Math.min(target.row, rows.count - 1);
    const column = Math.min(target.column, cols.count - 1);
    let { left, top } = scroll;
    if (row >= fr) {
      const y0 = rows.start(row) - frozenH;
      const y1 = rows.start(row + 1) - frozenH;
      if (y0 < top) top = y0;
      else if (y1 > top + paneH) top = y1 - paneH;
    }
    if (column >= fc) {
      const x0 = cols.start(column) - frozenW;
      const x1 = cols.start(column + 1) - frozenW;
      if (x0 < left) left = x0;
      else if (x1 > left + paneW) left = x1 - paneW;
    }
    if (left !== scroll.left || top !== scroll.top) {
      el.scrollLeft = left;
      el.scrollTop = top;
      setScroll({ left, top });
    }
  });

  const select = (range: RangeRef, activeCell: { row: number; column: number }, extendCorner: { row: number; column: number } | null = null): void => {
    setAnchor(activeCell);
    setCorner(extendCorner);
    workbook.selectByUser(sheet.name, range);
  };

  const selectCell = (row: number, column: number): void => {
    const r = Math.max(0, Math.min(MAX_ROWS - 1, row));
    const c = Math.max(0, Math.min(MAX_COLUMNS - 1, column));
    select(expandToMerges({ row: r, column: c, rowCount: 1, columnCount: 1 }, sheet.merges), { row: r, column: c });
    ensureVisible(r, c);
  };

  const extendTo = (row: number, column: number): void => {
    const r = Math.max(0, Math.min(MAX_ROWS - 1, row));
    const c = Math.max(0, Math.min(MAX_COLUMNS - 1, column));
    const range = expandToMerges(rangeOf(active.row, active.column, r, c), sheet.merges);
    select(range, active, { row: r, column: c });
  };

  const commitEdit = (move: "down" | "up" | "right" | "left" | "none"): void => {
    const e = editingRef.current;
    if (!e) return;
    if (!acceptTyped(sheet, e.row, e.column, e.text)) return; // Excel's Stop alert for a list validation
    setEditing(null);
    workbook.setCellByUser(sheet.name, e.row, e.column, e.text);
    if (move === "down") selectCell(e.row + 1, e.column);
    else if (move === "up") selectCell(e.row - 1, e.column);
    else if (move === "right") selectCell(e.row, e.column + 1);
    else if (move === "left") selectCell(e.row, e.column - 1);
    focusGrid();
  };

  const cancelEdit = (): void => {
    setEditing(null);
    focusGrid();
  };

  const startEdit = (row: number, column: number, text?: string): void => {
    if (barTextRef.current !== null) setBarText(null);
    setEditing({ row, column, text: text ?? editText(sheet.getCell(row, column)) });
  };

  const commitBar = (): void => {
    const t = barTextRef.current;
    if (t === null) return;
    setBarText(null);
    if (t !== editText(sheet.getCell(active.row, active.column))) workbook.setCellByUser(sheet.name, active.row, active.column, t);
  };

  const cellFromTarget = (target: EventTarget | null, clientX: number): { row: number; column: number } | null => {
    if (!(target instanceof Element)) return null;
    const el = target.closest("[data-row][data-col]");
    if (!el) return null;
    const row = Number(el.getAttribute("data-row"));
    let column = Number(el.getAttribute("data-col"));
    if (el.hasAttribute("data-spill")) {
      // Text overflowing into empty neighbours: pick the column under the pointer.
      const rect = el.getBoundingClientRect();
      const x = cols.start(column) + (clientX - rect.left);
      if (rect.width > 0) column = cols.indexAt(x);
    }
    return { row, column };
  };

  const onPointerDown = (e: React.MouseEvent): void => {
    if (e.button !== 0) return;
    const target = e.target as Element;
    if (target.closest(".vk-editor")) return;
    if (editingRef.current) commitEdit("none");
    const head = target.closest("[data-colhead],[data-rowhead],[data-corner]");
    if (head) {
      e.preventDefault();
      focusGrid();
      if (head.hasAttribute("data-corner")) {
        select({ row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS }, { row: 0, column: 0 });
        return;
      }
      if (head.hasAttribute("data-colhead")) {
        const c = Number(head.getAttribute("data-colhead"));
        const from = e.shiftKey ? Math.min(active.column, c) : c;
        const to = e.shiftKey ? Math.max(active.column, c) : c;
        select({ row: 0, column: from, rowCount: MAX_ROWS, columnCount: to - from + 1 }, e.shiftKey ? active : { row: 0, column: c });
      } else {
        const r = Number(head.getAttribute("data-rowhead"));
        const from = e.shiftKey ? Math.min(active.row, r) : r;
        const to = e.shiftKey ? Math.max(active.row, r) : r;
        select({ row: from, column: 0, rowCount: to - from + 1, columnCount: MAX_COLUMNS }, e.shiftKey ? active : { row: r, column: 0 });
      }
      return;
    }
    const cell = cellFromTarget(e.target, e.clientX);
    if (!cell) return;
    e.preventDefault();
    focusGrid();
    if (e.shiftKey) {
      extendTo(cell.row, cell.column);
    } else {
      select(expandToMerges({ row: cell.row, column: cell.column, rowCount: 1, columnCount: 1 }, sheet.merges), cell);
    }
    dragRef.current = e.shiftKey ? active : cell;
  };

  const onPointerOver = (e: React.MouseEvent): void => {
    const start = dragRef.current;
    if (!start || (e.buttons & 1) === 0) return;
    const cell = cellFromTarget(e.target, e.clientX);
    if (!cell) return;
    const range = expandToMerges(rangeOf(start.row, start.column, cell.row, cell.column), sheet.merges);
    const cur = workbook.selection.range;
    if (workbook.selection.sheet === sheet.name && cur.row === range.row && cur.column === range.column && cur.rowCount === range.rowCount && cur.columnCount === range.columnCount) return;
    select(range, start, cell);
  };

  const onDoubleClick = (e: React.MouseEvent): void => {
    const cell = cellFromTarget(e.target, e.clientX);
    if (!cell) return;
    const m = sheet.merges.find((r) => contains(r, cell.row, cell.column));
    const row = m ? m.row : cell.row;
    const column = m ? m.column : cell.column;
    if (active.row !== row || active.column !== column) select(m ?? { row, column, rowCount: 1, columnCount: 1 }, { row, column });
    startEdit(row, column);
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (editingRef.current) return;
    if (e.target !== scrollerRef.current) return;
    const end = corner && contains(selection, corner.row, corner.column) ? corner : active;
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const pageRows = Math.max(1, rows.indexAt(frozenH + scroll.top + paneH) - rowFrom);
    if (e.key in arrows || e.key === "PageDown" || e.key === "PageUp") {
      e.preventDefault();
      let [dr, dc] = arrows[e.key] ?? [e.key === "PageDown" ? pageRows : -pageRows, 0];
      const from = e.shiftKey ? end : active;
      if (e.ctrlKey || e.metaKey) {
        if (dr > 0) dr = Math.max(1, used.rowCount - 1 - from.row);
        if (dr < 0) dr = -from.row;
        if (dc > 0) dc = Math.max(1, used.columnCount - 1 - from.column);
        if (dc < 0) dc = -from.column;
      }
      // Step out of a merged area in one move.
      const m = !e.shiftKey ? sheet.merges.find((r) => contains(r, from.row, from.column)) : undefined;
      let row = from.row + dr;
      let column = from.column + dc;
      if (m && dr > 0) row = m.row + m.rowCount - 1 + dr;
      if (m && dc > 0) column = m.column + m.columnCount - 1 + dc;
      if (e.shiftKey) {
        extendTo(row, column);
        ensureVisible(Math.max(0, row), Math.max(0, column));
      } else selectCell(row, column);
      return;
    }
    if (e.key === "Tab") {
      e.preventDefault();
      selectCell(active.row, active.column + (e.shiftKey ? -1 : 1));
      return;
    }
    if (e.key === "Home") {
      e.preventDefault();
      selectCell(e.ctrlKey ? 0 : active.row, 0);
      return;
    }
    if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(active.row, active.column);
      return;
    }
    if (e.key === "Delete") {
      e.preventDefault();
      const rEnd = Math.min(selection.row + selection.rowCount, Math.max(used.rowCount, selection.row + 1));
      const cEnd = Math.min(selection.column + selection.columnCount, Math.max(used.columnCount, selection.column + 1));
      for (let r = selection.row; r < rEnd; r++)
        for (let c = selection.column; c < cEnd; c++) {
          const cell = sheet.getCell(r, c);
          if (cell && (cell.value !== null || cell.formula)) workbook.setCellByUser(sheet.name, r, c, "");
        }
      return;
    }
    if (e.key === "Backspace") {
      e.preventDefault();
      startEdit(active.row, active.column, "");
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a") {
      e.preventDefault();
      select({ row: 0, column: 0, rowCount: Math.max(1, used.rowCount), columnCount: Math.max(1, used.columnCount) }, { row: 0, column: 0 });
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(active.row, active.column, e.key);
    }
  };

  // ----- cells --------------------------------------------------------------------------------
  const tableAt = (row: number, column: number): PreviewTable | undefined => sheet.tables.find((t) => contains(t.range, row, column));

  const renderCell = (row: number, column: number, width: number, height: number, opts: { spill?: boolean; merged?: RangeRef } = {}): JSX.Element => {
    const cell = sheet.getCell(row, column);
    const table = tableAt(row, column);
    const look: TableCellLook | undefined = table ? tableCellLook(table, row, column) : undefined;
    const f = cell?.format ?? {};
    const address = `${columnLetter(column)}${row + 1}`;
    // Only what differs from the stylesheet's defaults goes inline: large sheets render many cells.
    const style: React.CSSProperties = { left: cols.start(column), top: rows.start(row), width, height };
    const cfLook = conditionalLook(sheet, row, column); // conditional formats win over the cell's own fill
    const fill = cfLook?.fill ?? (f.fill && f.fill.toLowerCase() !== "none" ? f.fill : look?.fill);
    if (fill) {
      style.background = fill;
      // A filled cell hides its gridlines, as in Excel.
      style.borderColor = fill;
    } else if (opts.spill || opts.merged) style.background = "#FFFFFF";
    const color = cfLook?.color ?? f.fontColor ?? look?.color;
    if (color) style.color = color;
    const bold = f.bold ?? look?.bold;
    if (bold) style.fontWeight = 700;
    if (f.italic) style.fontStyle = "italic";
    if (f.fontSize) style.fontSize = `${f.fontSize}pt`;
    if (f.verticalAlignment === "Top") style.alignItems = "flex-start";
    else if (f.verticalAlignment === "Center") style.alignItems = "center";
    let edges: React.CSSProperties | null = null;
    if (f.borders || look) {
      const e = {
        borderTop: borderCss(f.borders?.top) ?? look?.borderTop,
        borderBottom: borderCss(f.borders?.bottom) ?? look?.borderBottom,
        borderLeft: borderCss(f.borders?.left) ?? look?.borderLeft,
        borderRight: borderCss(f.borders?.right) ?? look?.borderRight,
      };
      if (e.borderTop || e.borderBottom || e.borderLeft || e.borderRight) edges = e;
    }
    if (opts.spill || opts.merged || edges) style.zIndex = 1;
    if (edges) style.overflow = "visible";
    let content: JSX.Element | null = null;
    if (cell && cell.value !== null && cell.value !== "") {
      const shown = formatCellValue(cell.value, cell.numberFormat);
      if (typeof cell.value === "number" && Number.isFinite(cell.value) && !f.wrapText) {
        // Numbers never overflow: General drops decimals to fit, other formats show ####.
        shown.text = fitNumberToWidth(cell.value, cell.numberFormat, width - 7, f.fontSize ?? 11, !!bold, measure);
      }
      const hAlign = f.horizontalAlignment && f.horizontalAlignment !== "General" ? (f.horizontalAlignment.toLowerCase() as "left" | "center" | "right") : shown.align;
      content = (
        <div className={f.wrapText ? "vk-cell-text vk-wrap" : "vk-cell-text"} style={{ textAlign: hAlign }}>
          {shown.text}
        </div>
      );
    }
    return (
      <div
        key={`${row}:${column}`}
        role="gridcell"
        data-cell={address}
        data-row={row}
        data-col={column}
        data-spill={opts.spill ? "" : undefined}
        aria-colindex={column + 1}
        aria-colspan={opts.merged ? opts.merged.columnCount : undefined}
        aria-rowspan={opts.merged ? opts.merged.rowCount : undefined}
        title={look?.isHeader && table ? table.name : undefined}
        className="vk-cell"
        style={style}
      >
        {content}
        {edges ? <div className="vk-cell-edges" style={edges} /> : null}
      </div>
    );
  };

  // Rendered rows are reused between scroll positions until the sheet or the geometry changes.
  const cacheValid = rowCache.current.version === version && rowCache.current.rows === rows && rowCache.current.cols === cols && rowCache.current.sheet === sheet;
  if (!cacheValid || rowCache.current.map.size > 4000) {
    rowCache.current = { version, rows, cols, sheet, map: new Map() };
  }

  const merges0 = sheet.merges.filter((m) => m.rowCount > 1 || m.columnCount > 1);
  const renderRow = (r: number, c0: number, c1: number, covered: (r: number, c: number) => boolean): JSX.Element => {
    const key = `${r}|${c0}|${c1}`;
    const cached = rowCache.current.map.get(key);
    if (cached) return cached;
    const cells: JSX.Element[] = [];
    const h = rows.size(r);
    let c = c0;
    // Text from a cell left of the view may flow into it: start from that cell.
    // (Not across the frozen-columns line: those cells belong to the frozen pane.)
    const cMin = c0 >= fc ? fc : 0;
    if (c0 > cMin && !covered(r, c0) && isEmptyCell(sheet.getCell(r, c0))) {
      for (let b = c0 - 1; b >= Math.max(cMin, c0 - MAX_SPILL_COLUMNS); b--) {
        const bc = sheet.getCell(r, b);
        if (isEmptyCell(bc)) continue;
        if (bc && typeof bc.value === "string" && spillable(bc) && !tableAt(r, b) && !merges0.some((m) => contains(m, r, b))) c = b;
        break;
      }
    }
    while (c < c1) {
      if (covered(r, c)) {
        c++;
        continue;
      }
      const cell = sheet.getCell(r, c);
      let w = cols.size(c);
      let next = c + 1;
      const fmt = cell?.format;
      if (cell && fmt && typeof cell.value === "string" && spillable(cell) && !tableAt(r, c)) {
        // Text flows over empty neighbours to the right, as in Excel.
        const textPx = measure(cell.value, fmt.fontSize ?? 11, !!fmt.bold) + 8;
        while (w < textPx && next < Math.min(cols.count, c + MAX_SPILL_COLUMNS) && !covered(r, next) && isEmptyCell(sheet.getCell(r, next)) && !tableAt(r, next)) {
          w += cols.size(next);
          next++;
        }
      }
      const spill = next > c + 1;
      if (w > 0 && (c >= c0 || next > c0)) cells.push(renderCell(r, c, w, h, { spill }));
      c = next;
    }
    const el = (
      <div key={r} role="row" aria-rowindex={r + 1}>
        {cells}
      </div>
    );
    rowCache.current.map.set(key, el);
    return el;
  };

  const renderPane = (
    key: string,
    r0: number,
    r1: number,
    c0: number,
    c1: number,
    box: { left: number; top: number; width: number; height: number },
    off: { x: number; y: number },
    withObjects: boolean,
  ): JSX.Element | null => {
    if (box.width <= 0 || box.height <= 0 || r1 <= r0 || c1 <= c0) return null;
    const view: RangeRef = { row: r0, column: c0, rowCount: r1 - r0, columnCount: c1 - c0 };
    const allMerges = sheet.merges;
    const merges = allMerges.filter((m) => intersects(m, view) && (m.rowCount > 1 || m.columnCount > 1));
    const covered = (r: number, c: number): boolean => merges.some((m) => contains(m, r, c));
    const rowEls: JSX.Element[] = [];
    if (merges.length > 0) {
      rowEls.push(
        <div key="merged" role="row" data-merged-cells="">
          {merges.map((m) => renderCell(m.row, m.column, cols.span(m.column, m.columnCount), rows.span(m.row, m.rowCount), { merged: m }))}
        </div>,
      );
    }
    for (let r = r0; r < r1; r++) {
      if (rows.size(r) <= 0) continue;
      rowEls.push(renderRow(r, c0, c1, covered));
    }
    // Selection outline (grown to whole merged areas), clipped to the grid.
    const selection = shownSelection;
    const selRows = Math.min(selection.rowCount, rows.count - selection.row);
    const selCols = Math.min(selection.columnCount, cols.count - selection.column);
    const multi = selection.rowCount > 1 || selection.columnCount > 1;
    const selBox =
      selRows > 0 && selCols > 0 ? (
        <div
          className="vk-selection"
          data-selection={selectionAddress(selection)}
          style={{
            left: cols.start(selection.column) - 1,
            top: rows.start(selection.row) - 1,
            width: cols.span(selection.column, selCols) + 1,
            height: rows.span(selection.row, selRows) + 1,
            background: multi ? undefined : "transparent",
          }}
        />
      ) : null;
    const ed = editingRef.current ?? editing;
    const editHere = ed && ed.row >= r0 && ed.row < r1 && ed.column >= c0 && ed.column < c1 ? ed : null;
    let editor: JSX.Element | null = null;
    if (editHere) {
      const m = sheet.merges.find((mm) => mm.row === editHere.row && mm.column === editHere.column);
      editor = (
        <CellEditor
          key="editor"
          left={cols.start(editHere.column) - 1}
          top={rows.start(editHere.row) - 1}
          width={Math.max(cols.span(editHere.column, m?.columnCount ?? 1) + 2, 80)}
          height={rows.span(editHere.row, m?.rowCount ?? 1) + 2}
          value={editHere.text}
          address={`${columnLetter(editHere.column)}${editHere.row + 1}`}
          onChange={(text) => setEditing({ ...editHere, text })}
          onCommit={commitEdit}
          onCancel={cancelEdit}
        />
      );
    }
    return (
      <div key={key} className="vk-pane" data-pane={key} style={box}>
        <div className="vk-pane-inner" style={{ left: 0, top: 0, transform: `translate(${-off.x}px, ${-off.y}px)`, width: cols.total, height: rows.total }}>
          {rowEls}
          {withObjects ? sheet.charts.map((ch) => <MemoChart key={`chart-${ch.name}`} chart={ch} version={version} {...anchoredVertical(ch.top, ch.height, sheet.rowHeights, rows)} />) : null}
          {withObjects ? sheet.shapes.map((sh) => <MemoShape key={`shape-${sh.id || sh.name}`} shape={sh} version={version} />) : null}
          {selBox}
          {editor}
          {!editHere && active.row >= r0 && active.row < r1 && active.column >= c0 && active.column < c1 ? <ValidationDropdown sheet={sheet} row={active.row} column={active.column} left={cols.start(active.column)} top={rows.start(active.row)} width={cols.size(active.column)} height={rows.size(active.row)} onPick={(v) => workbook.setCellByUser(sheet.name, active.row, active.column, v)} /> : null}
        </div>
      </div>
    );
  };

  // ----- headers ------------------------------------------------------------------------------
  const selColFrom = selection.column;
  const selColTo = selection.column + selection.columnCount;
  const selRowFrom = selection.row;
  const selRowTo = selection.row + selection.rowCount;
  const colHeaders = (c0: number, c1: number, shift: number): JSX.Element[] => {
    const out: JSX.Element[] = [];
    for (let c = c0; c < c1; c++) {
      const w = cols.size(c);
      if (w <= 0) continue;
      const sel = c >= selColFrom && c < selColTo;
      out.push(
        <div key={c} role="columnheader" data-colhead={c} className={`vk-colhead${sel ? " vk-sel" : ""}`} style={{ left: cols.start(c) - shift, top: 0, width: w, height: HEADER_HEIGHT }}>
          {columnLetter(c)}
        </div>,
      );
    }
    return out;
  };
  const rowHeaders = (r0: number, r1: number, shift: number): JSX.Element[] => {
    const out: JSX.Element[] = [];
    for (let r = r0; r < r1; r++) {
      const h = rows.size(r);
      if (h <= 0) continue;
      const sel = r >= selRowFrom && r < selRowTo;
      out.push(
        <div key={r} role="rowheader" data-rowhead={r} className={`vk-rowhead${sel ? " vk-sel" : ""}`} style={{ left: 0, top: rows.start(r) - shift, width: rowHeaderWidth, height: h }}>
          {r + 1}
        </div>,
      );
    }
    return out;
  };

  const onScroll = (e: React.UIEvent<HTMLDivElement>): void => {
    const el = e.currentTarget;
    setScroll((s) => (s.left === el.scrollLeft && s.top === el.scrollTop ? s : { left: el.scrollLeft, top: el.scrollTop }));
  };

  const activeCell = sheet.getCell(active.row, active.column);
  const nameBoxValue = nameBoxText ?? selectionAddress(selection);
  const formulaValue = editing && editing.row === active.row && editing.column === active.column ? editing.text : barText ?? editText(activeCell);

  const cornerTop = HEADER_HEIGHT;
  const panes = [
    renderPane("frozen", 0, fr, 0, fc, { left: rowHeaderWidth, top: cornerTop, width: Math.min(frozenW, vw - rowHeaderWidth), height: Math.min(frozenH, vh - cornerTop) }, { x: 0, y: 0 }, false),
    renderPane("top", 0, fr, colFrom, colTo, { left: rowHeaderWidth + frozenW, top: cornerTop, width: paneW, height: Math.min(frozenH, vh - cornerTop) }, { x: scroll.left + frozenW, y: 0 }, false),
    renderPane("left", rowFrom, rowTo, 0, fc, { left: rowHeaderWidth, top: cornerTop + frozenH, width: Math.min(frozenW, vw - rowHeaderWidth), height: paneH }, { x: 0, y: scroll.top + frozenH }, false),
    renderPane("main", rowFrom, rowTo, colFrom, colTo, { left: rowHeaderWidth + frozenW, top: cornerTop + frozenH, width: paneW, height: paneH }, { x: scroll.left + frozenW, y: scroll.top + frozenH }, true),
  ];

  return (
    <>
      <div className="vk-bar">
        <input
          className="vk-namebox"
          data-testid="name-box"
          aria-label="Navneboks"
          value={nameBoxValue}
          onFocus={(e) => {
            setNameBoxText(selectionAddress(selection));
            e.currentTarget.select();
          }}
          onChange={(e) => setNameBoxText(e.target.value)}
          onBlur={() => setNameBoxText(null)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              try {
                const text = (nameBoxText ?? "").trim();
                const r = parseRange(text);
                select(r, { row: r.row, column: r.column });
                ensureVisible(r.row, r.column);
                setNameBoxText(null);
                focusGrid();
              } catch {
                setNameBoxText(selectionAddress(selection));
              }
            } else if (e.key === "Escape") {
              setNameBoxText(null);
              focusGrid();
            }
          }}
        />
        <div className="vk-fx" aria-hidden="true">
          fx
        </div>
        <input
          className="vk-formula"
          data-testid="formula-bar"
          aria-label="Formellinje"
          value={formulaValue}
          onFocus={() => {
            if (editingRef.current) commitEdit("none");
            setBarText(editText(sheet.getCell(active.row, active.column)));
          }}
          onChange={(e) => setBarText(e.target.value)}
          onBlur={() => commitBar()}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commitBar();
              selectCell(active.row + 1, active.column);
              focusGrid();
            } else if (e.key === "Escape") {
              e.preventDefault();
              setBarText(null);
              focusGrid();
            }
          }}
        />
      </div>
      <div
        ref={scrollerRef}
        className="vk-scroller"
        role="grid"
        aria-label={sheet.name}
        aria-rowcount={rows.count}
        aria-colcount={cols.count}
        aria-multiselectable="true"
        data-gridlines={sheet.showGridlines ? "on" : "off"}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onMouseDown={onPointerDown}
        onMouseOver={onPointerOver}
        onDoubleClick={onDoubleClick}
      >
        <div style={{ position: "relative", width: rowHeaderWidth + cols.total, height: HEADER_HEIGHT + rows.total }}>
          <div className="vk-viewport" style={{ width: vw, height: vh }}>
            {panes}
            {/* Column headers: frozen part, then the scrolling part. */}
            <div className="vk-pane" style={{ left: rowHeaderWidth + frozenW, top: 0, width: paneW, height: HEADER_HEIGHT }}>
              {colHeaders(colFrom, colTo, scroll.left + frozenW)}
            </div>
            {fc > 0 ? (
              <div className="vk-pane" style={{ left: rowHeaderWidth, top: 0, width: frozenW, height: HEADER_HEIGHT }}>
                {colHeaders(0, fc, 0)}
              </div>
            ) : null}
            <div className="vk-pane" style={{ left: 0, top: HEADER_HEIGHT + frozenH, width: rowHeaderWidth, height: paneH }}>
              {rowHeaders(rowFrom, rowTo, scroll.top + frozenH)}
            </div>
            {fr > 0 ? (
              <div className="vk-pane" style={{ left: 0, top: HEADER_HEIGHT, width: rowHeaderWidth, height: frozenH }}>
                {rowHeaders(0, fr, 0)}
              </div>
            ) : null}
            <div className="vk-corner" data-corner="" title="Markér alt" style={{ width: rowHeaderWidth, height: HEADER_HEIGHT }} />
            {fr > 0 ? <div className="vk-freeze-h" style={{ left: 0, top: HEADER_HEIGHT + frozenH - 1, width: vw }} /> : null}
            {fc > 0 ? <div className="vk-freeze-v" style={{ top: 0, left: rowHeaderWidth + frozenW - 1, height: vh }} /> : null}
          </div>
        </div>
      </div>
    </>
  );
}

function CellEditor(props: {
  left: number;
  top: number;
  width: number;
  height: number;
  value: string;
  address: string;
  onChange(text: string): void;
  onCommit(move: "down" | "up" | "right" | "left" | "none"): void;
  onCancel(): void;
}): JSX.Element {
  const ref = React.useRef<HTMLInputElement>(null);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    const n = el.value.length;
    el.setSelectionRange(n, n);
  }, []);
  return (
    <input
      ref={ref}
      className="vk-editor"
      data-testid="cell-editor"
      aria-label={`Redigér ${props.address}`}
      style={{ left: props.left, top: props.top, width: props.width, height: props.height }}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      onMouseDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") {
          e.preventDefault();
          props.onCommit(e.shiftKey ? "up" : "down");
        } else if (e.key === "Tab") {
          e.preventDefault();
          props.onCommit(e.shiftKey ? "left" : "right");
        } else if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
      onBlur={() => props.onCommit("none")}
    />
  );
}
