/** Excel API emulation: chart (see base.ts for the shared semantics). */
import { ChartState, SheetState } from "../state";
import { ClientObj, CollectionObj, PropDef, defineProps, invalidArgument, jsonLength } from "./base";
import { Range, refOf } from "./range";
import { Worksheet } from "./worksheet";

// ---------------------------------------------------------------------------------------------
// Charts

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
