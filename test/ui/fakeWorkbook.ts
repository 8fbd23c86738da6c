/**
 * A small in-test implementation of PreviewWorkbookView for the grid tests. It records the user
 * actions the grid reports and notifies subscribers like the real emulation does. It is not the
 * emulation: setCellByUser stores the text, or a number when the text is a Danish number.
 */
import type { RangeRef } from "../../src/core/report/address";
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
  PreviewWorkbookView,
} from "../../src/preview/workbook/model";

export class FakeSheet implements PreviewSheet {
  readonly id: string;
  tabColor = "";
  showGridlines = true;
  readonly merges: RangeRef[] = [];
  readonly tables: PreviewTable[] = [];
  readonly charts: PreviewChart[] = [];
  readonly shapes: PreviewShape[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  frozen = { rows: 0, columns: 0 };
  pageLayout: PreviewPageLayout = { orientation: "Portrait", paperSize: "A4" };
  private readonly cells = new Map<string, PreviewCell>();
  /** Extent override, for huge sheets whose cells are computed rather than stored. */
  extent: { rowCount: number; columnCount: number } | null = null;
  /** Computed cells, for huge sheets. */
  generator: ((row: number, column: number) => PreviewCell | undefined) | null = null;
  getCellCalls = 0;

  constructor(readonly name: string) {
    this.id = `{${name}}`;
  }

  set(row: number, column: number, value: PreviewValue, numberFormat = "General", format: PreviewFormat = {}, formula?: string): this {
    this.cells.set(`${row},${column}`, { value, numberFormat, format, formula });
    return this;
  }

  getCell(row: number, column: number): PreviewCell | undefined {
    this.getCellCalls++;
    if (this.generator) return this.generator(row, column);
    return this.cells.get(`${row},${column}`);
  }

  usedExtent(): { rowCount: number; columnCount: number } {
    if (this.extent) return this.extent;
    let rowCount = 0;
    let columnCount = 0;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      rowCount = Math.max(rowCount, r + 1);
      columnCount = Math.max(columnCount, c + 1);
    }
    return { rowCount, columnCount };
  }
}

export function fakeChart(init: Omit<PreviewChart, "categories" | "series" | "dataRange" | "seriesBy"> & { categories: string[]; series: PreviewChartSeries[] }): PreviewChart {
  const { categories, series, ...rest } = init;
  return {
    ...rest,
    dataRange: { row: 0, column: 0, rowCount: categories.length + 1, columnCount: series.length + 1 },
    seriesBy: "Columns",
    categories: () => categories,
    series: () => series,
  };
}

export class FakeWorkbook implements PreviewWorkbookView {
  readonly sheets: FakeSheet[] = [];
  activeSheetName: string;
  selection: { sheet: string; range: RangeRef };
  readonly calls: string[] = [];
  readonly edits: Array<{ sheet: string; row: number; column: number; text: string }> = [];
  private readonly listeners = new Set<() => void>();

  constructor(...names: string[]) {
    for (const n of names) this.sheets.push(new FakeSheet(n));
    this.activeSheetName = names[0];
    this.selection = { sheet: names[0], range: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  getSheet(name: string): PreviewSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tell subscribers that something changed (as a sync would). */
  notify(): void {
    for (const l of [...this.listeners]) l();
  }

  activateSheetByUser(name: string): void {
    this.calls.push(`activate:${name}`);
    this.activeSheetName = name;
    this.selection = { sheet: name, range: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    this.notify();
  }

  selectByUser(sheet: string, range: RangeRef): void {
    this.calls.push(`select:${sheet}:${range.row},${range.column},${range.rowCount},${range.columnCount}`);
    this.selection = { sheet, range: { ...range } };
    this.notify();
  }

  setCellByUser(sheet: string, row: number, column: number, text: string): void {
    this.edits.push({ sheet, row, column, text });
    const num = /^-?\d+(,\d+)?$/.test(text.trim()) ? Number(text.trim().replace(",", ".")) : null;
    this.sheet(sheet).set(row, column, text === "" ? null : num ?? text);
    this.notify();
  }
}
