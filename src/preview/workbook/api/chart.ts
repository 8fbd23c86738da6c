/** Excel API emulation: chart (see base.ts for the shared semantics). */
import type { RangeRef } from "../../../core/report/address";
import { ChartState, SheetState, type SeriesState } from "../state";
import { ClientObj, CollectionObj, PropDef, defineProps, invalidArgument, jsonLength, requireApi } from "./base";
import { Range, refOf } from "./range";
import { Worksheet } from "./worksheet";

// ---------------------------------------------------------------------------------------------
// Charts

/**
 * Excel.ChartType values (@types/office-js, ChartCollection.add's `type`): any other string is refused
 * with InvalidArgument, as Excel refuses a type it does not know.
 */
const CHART_TYPES = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 " +
    "LineStacked LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers " +
    "AreaStacked AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect " +
    "StockHLC StockOHLC StockVHLC StockVOHLC CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 CylinderCol " +
    "ConeColClustered ConeColStacked ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100 PyramidBarClustered " +
    "PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel"
  ).split(" "),
);

/** Excel.ChartLineStyle values (@types/office-js). */
const LINE_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"]);

export class ChartCollection extends CollectionObj<SheetState, ChartState, Chart> {
  _list(s: SheetState): ChartState[] {
    return [...s.charts];
  }
  _wrap(i: ChartState): Chart {
    return this._resolved(Chart, i);
  }
  add(type: string, sourceData: Range, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): Chart {
    let created: ChartState | undefined;
    this._act(jsonLength(type) + 16, (s) => {
      if (!(sourceData instanceof Range)) throw invalidArgument("sourceData must be a Range");
      const src = sourceData._get();
      if (!src) throw invalidArgument("null sourceData");
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalidArgument("seriesBy");
      if (!CHART_TYPES.has(type)) throw invalidArgument("type");
      created = this._book.addChart(s, type, src.sheet, src.ref, seriesBy);
    });
    return this._make(Chart, () => created, "item");
  }
  getItem(name: string): Chart {
    return this._make(Chart, () => (this._get() as SheetState).charts.find((c) => c.name === name), "item", name);
  }
  getItemOrNullObject(name: string): Chart {
    return this._make(Chart, () => this._get()?.charts.find((c) => c.name === name), "orNull", name);
  }
}

export class Chart extends ClientObj<ChartState> {
  override _alive(c: ChartState): boolean {
    return c.sheet.charts.includes(c) && !c.sheet.deleted;
  }
  get title(): ChartTitle {
    return this._nav("title", ChartTitle, (c): TitleTarget => ({ chart: c, which: "chart" }));
  }
  get axes(): ChartAxes {
    return this._nav("axes", ChartAxes, (c) => c);
  }
  /** ExcelApi 1.1: the chart's data labels (showValue writes each point's value on the chart). */
  get dataLabels(): ChartDataLabels {
    return this._nav("dataLabels", ChartDataLabels, (c) => c);
  }
  /** ExcelApi 1.1 (getItemAt, name, format.line.color); add, setValues, setXAxisValues, lineStyle: 1.7. */
  get series(): ChartSeriesCollection {
    return this._nav("series", ChartSeriesCollection, (c) => c);
  }
  get legend(): ChartLegend {
    return this._nav("legend", ChartLegend, (c) => c);
  }
  get worksheet(): Worksheet {
    return this._nav("worksheet", Worksheet, (c) => c.sheet);
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._act(jsonLength(typeof startCell === "string" ? startCell : "") + jsonLength(typeof endCell === "string" ? endCell : ""), (c) => {
      const s = refOf(c.sheet, startCell);
      c.left = c.sheet.columnLeft(s.column);
      c.top = c.sheet.rowTop(s.row);
      if (endCell !== undefined) {
        const e = refOf(c.sheet, endCell);
        const endCol = e.column + e.columnCount - 1;
        const endRow = e.row + e.rowCount - 1;
        c.width = Math.max(1, c.sheet.columnLeft(endCol) + c.sheet.columnWidth(endCol) - c.left);
        c.height = Math.max(1, c.sheet.rowTop(endRow) + c.sheet.rowHeight(endRow) - c.top);
      }
      c.sheet.changed();
    });
  }
  delete(): void {
    this._act(0, (c) => {
      c.sheet.charts.splice(c.sheet.charts.indexOf(c), 1);
      c.sheet.changed();
    });
  }
}
const chartNum = (k: "left" | "top" | "width" | "height"): PropDef => ({
  get: (c: ChartState) => c[k],
  set: (c: ChartState, v: number) => {
    if (typeof v !== "number" || v < 0) throw invalidArgument(k);
    c[k] = v;
    c.sheet.changed();
  },
});
defineProps(Chart, {
  name: {
    get: (c: ChartState) => c.name,
    set: (c: ChartState, v: string) => {
      c.name = String(v);
      c.sheet.changed();
    },
  },
  id: { get: (c: ChartState) => c.id },
  chartType: {
    get: (c: ChartState) => c.type,
    set: (c: ChartState, v: string) => {
      c.type = v;
      c.sheet.changed();
    },
  },
  left: chartNum("left"),
  top: chartNum("top"),
  width: chartNum("width"),
  height: chartNum("height"),
});

interface TitleTarget {
  chart: ChartState;
  which: "chart" | "category" | "value";
}
export class ChartTitle extends ClientObj<TitleTarget> {}
const titleProps: Record<string, PropDef> = {
  text: {
    get: (t: TitleTarget) => (t.which === "chart" ? t.chart.title : t.which === "category" ? (t.chart.categoryAxisTitle ?? "") : (t.chart.valueAxisTitle ?? "")),
    set: (t: TitleTarget, v: string) => {
      if (t.which === "chart") t.chart.title = String(v);
      else if (t.which === "category") t.chart.categoryAxisTitle = String(v);
      else t.chart.valueAxisTitle = String(v);
      t.chart.sheet.changed();
    },
  },
  visible: {
    get: (t: TitleTarget) => (t.which === "chart" ? t.chart.title !== "" : t.which === "category" ? !!t.chart.categoryAxisTitle : !!t.chart.valueAxisTitle),
    set: () => {},
  },
};
defineProps(ChartTitle, titleProps);
export class ChartAxisTitle extends ClientObj<TitleTarget> {}
defineProps(ChartAxisTitle, titleProps);

export class ChartAxes extends ClientObj<ChartState> {
  get categoryAxis(): ChartAxis {
    return this._nav("categoryAxis", ChartAxis, (c): TitleTarget => ({ chart: c, which: "category" }));
  }
  get valueAxis(): ChartAxis {
    return this._nav("valueAxis", ChartAxis, (c): TitleTarget => ({ chart: c, which: "value" }));
  }
}
export class ChartAxis extends ClientObj<TitleTarget> {
  get title(): ChartAxisTitle {
    return this._nav("title", ChartAxisTitle, (t) => t);
  }
}
export class ChartDataLabels extends ClientObj<ChartState> {}
defineProps(ChartDataLabels, {
  showValue: {
    get: (c: ChartState) => c.dataLabels,
    set: (c: ChartState, v: unknown) => {
      // Excel refuses a non-boolean with InvalidArgument
      if (typeof v !== "boolean") throw invalidArgument("showValue");
      c.dataLabels = v;
      c.sheet.changed();
    },
  },
});
export class ChartLegend extends ClientObj<ChartState> {}
defineProps(ChartLegend, {
  position: { get: () => "Right", set: () => {} },
  visible: { get: () => true, set: () => {} },
});

// ---------------------------------------------------------------------------------------------
// Chart series (ExcelApi 1.1: the collection, getItemAt, name, format.line.color; 1.7: add, setValues,
// setXAxisValues, delete, format.line.lineStyle — @types/office-js annotations, src/excel/requirements.ts).

interface SeriesTarget {
  chart: ChartState;
  s: SeriesState;
}

/**
 * A series' values come from one row or one column: a block of several rows and columns is refused with
 * InvalidArgument (assumed from Excel's series dialog, which takes one row or column per series; not
 * verified against Excel's API), as is anything that is not a Range.
 */
function seriesSource(chart: ChartState, sourceData: unknown, what: string): RangeRef {
  if (!(sourceData instanceof Range)) throw invalidArgument(`${what}: sourceData must be a Range`);
  const src = sourceData._get();
  if (!src) throw invalidArgument(`${what}: null sourceData`);
  if (src.ref.rowCount > 1 && src.ref.columnCount > 1) throw invalidArgument(`${what}: one row or one column`);
  if (src.sheet !== chart.dataSheet) throw invalidArgument(`${what}: the values must be on the chart's data sheet`);
  return { ...src.ref };
}

export class ChartSeriesCollection extends CollectionObj<ChartState, SeriesTarget, ChartSeries> {
  _list(c: ChartState): SeriesTarget[] {
    return c.seriesStates().map((s) => ({ chart: c, s }));
  }
  _wrap(i: SeriesTarget): ChartSeries {
    return this._resolved(ChartSeries, i);
  }
  /** Excel: a new series, not visible until its values are set; `index` 0..count (ExcelApi 1.7). */
  add(name?: string, index?: number): ChartSeries {
    let created: SeriesTarget | undefined;
    this._act(jsonLength(name) + 16, (c) => {
      requireApi(this._book, "ChartSeriesCollection.add");
      if (name !== undefined && typeof name !== "string") throw invalidArgument("name");
      const list = c.ownSeries();
      if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > list.length)) throw invalidArgument("index");
      const s: SeriesState = { name: name ?? `Series${list.length + 1}` };
      list.splice(index ?? list.length, 0, s);
      created = { chart: c, s };
      c.sheet.changed();
    });
    return this._make(ChartSeries, () => created, "item");
  }
  /** ExcelApi 1.1; an index outside the list is not found (ItemNotFound). */
  getItemAt(index: number): ChartSeries {
    return this._make(
      ChartSeries,
      () => {
        const c = this._get();
        if (!c || !Number.isInteger(index)) return undefined;
        const list = c.ownSeries();
        return index >= 0 && index < list.length ? { chart: c, s: list[index] } : undefined;
      },
      "item",
      `series ${index}`,
    );
  }
}

export class ChartSeries extends ClientObj<SeriesTarget> {
  override _alive(t: SeriesTarget): boolean {
    return t.chart.sheet.charts.includes(t.chart) && !t.chart.sheet.deleted && t.chart.ownSeries().includes(t.s);
  }
  get format(): ChartSeriesFormat {
    return this._nav("format", ChartSeriesFormat, (t) => t);
  }
  setValues(sourceData: Range): void {
    this._act(64, (t) => {
      requireApi(this._book, "ChartSeries.setValues");
      t.s.yRef = seriesSource(t.chart, sourceData, "setValues");
      t.chart.sheet.changed();
    });
  }
  setXAxisValues(sourceData: Range): void {
    this._act(64, (t) => {
      requireApi(this._book, "ChartSeries.setXAxisValues");
      t.s.xRef = seriesSource(t.chart, sourceData, "setXAxisValues");
      t.chart.sheet.changed();
    });
  }
  delete(): void {
    this._act(0, (t) => {
      requireApi(this._book, "ChartSeries.delete");
      const list = t.chart.ownSeries();
      list.splice(list.indexOf(t.s), 1);
      t.chart.sheet.changed();
    });
  }
}
defineProps(ChartSeries, {
  name: {
    get: (t: SeriesTarget) => t.s.name,
    set: (t: SeriesTarget, v: unknown) => {
      if (typeof v !== "string") throw invalidArgument("name");
      t.s.name = v;
      t.chart.sheet.changed();
    },
  },
});

export class ChartSeriesFormat extends ClientObj<SeriesTarget> {
  get line(): ChartLineFormat {
    return this._nav("line", ChartLineFormat, (t) => t);
  }
}

/** HTML colour code ("#RRGGBB") or colour name, as ChartLineFormat.color takes ("HTML color code"). */
const COLOUR = /^(#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3}|[A-Za-z]+)$/;

export class ChartLineFormat extends ClientObj<SeriesTarget> {}
defineProps(ChartLineFormat, {
  color: {
    get: (t: SeriesTarget) => t.s.color ?? "",
    set: (t: SeriesTarget, v: unknown) => {
      if (typeof v !== "string" || !COLOUR.test(v)) throw invalidArgument("color");
      t.s.color = v;
      t.chart.sheet.changed();
    },
  },
  lineStyle: {
    get: (t: SeriesTarget) => t.s.lineStyle ?? "Continuous",
    set: (t: SeriesTarget, v: unknown, o: ClientObj<SeriesTarget>) => {
      requireApi(o._book, "ChartLineFormat.lineStyle");
      if (typeof v !== "string" || !LINE_STYLES.has(v)) throw invalidArgument("lineStyle");
      t.s.lineStyle = v;
      t.chart.sheet.changed();
    },
  },
});
