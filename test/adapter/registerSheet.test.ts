/**
 * The "Registeropfølgning" sheet through the renderer into the preview workbook, and the XY chart kind
 * (ChartSpec "xyScatterLines") end to end: Excel's calls (charts.add over the first series, series.add,
 * setXAxisValues, setValues, format.line), what the preview's chart then plots, what ChartView draws (and
 * the .xlsx export pictures), and where the emulation refuses as Excel does.
 */
import * as ExcelJS from "exceljs";
import { renderToStaticMarkup } from "react-dom/server";
import * as React from "react";
import { buildRegisterSheet } from "../../src/core/register/sheet";
import type { SheetSpec } from "../../src/core/report/sheetSpec";
import { renderSheets } from "../../src/excel/render";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { ChartView } from "../../src/preview/grid/ChartView";
import { toExcelJsWorkbook } from "../../src/preview/export/toExcelJs";
import { placeholderPng } from "../../src/preview/export/placeholderPng";
import { sheetInputOf, weeklyCases } from "../unit/register/sheetInput";

const { input } = sheetInputOf(weeklyCases[0]);
const spec = buildRegisterSheet(input);

async function rendered(s: SheetSpec = spec): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook();
  await renderSheets(wb.run.bind(wb), [s]);
  return wb;
}

describe("the Kaplan–Meier chart in the workbook", () => {
  let wb: PreviewWorkbook;
  beforeAll(async () => {
    wb = await rendered();
  });
  const km = () => wb.getSheet("Registeropfølgning")!.charts.find((c) => c.name === "KaplanMeier")!;

  test("an XY scatter with straight lines, one series per group and two dashed limits each, in the group's colour", () => {
    const c = km();
    expect(c.type).toBe("XYScatterLinesNoMarkers");
    const series = c.series();
    expect(series.map((s) => s.name)).toEqual(["Indsatsgruppe", "Indsatsgruppe, 95 % KI nedre", "Indsatsgruppe, 95 % KI øvre", "Kontrolgruppe", "Kontrolgruppe, 95 % KI nedre", "Kontrolgruppe, 95 % KI øvre"]);
    expect(series.map((s) => s.lineStyle ?? "Continuous")).toEqual(["Continuous", "Dash", "Dash", "Continuous", "Dash", "Dash"]);
    expect(series[0].color).toBe(series[1].color);
    expect(series[0].color).not.toBe(series[3].color);
  });

  test("the plotted points are the curve's steps: at each event time 1 − S before and after, as R's survfit", () => {
    const series = km().series();
    for (const [s, g] of [[series[0], input.result.intervention], [series[3], input.result.control]] as const) {
      const pts = s.x!.map((x, i) => [x, s.values[i]]);
      expect(pts[0]).toEqual([0, 0]);
      let before = 0;
      for (const step of g.curve.steps.filter((st) => st.nEvent > 0)) {
        const after = 1 - step.surv;
        const at = pts.filter(([x]) => x === step.time).map(([, y]) => y);
        // a vertical step: the level before and the level after at the same week
        expect(at[0]).toBeCloseTo(before, 12);
        expect(at[at.length - 1]).toBeCloseTo(after, 12);
        before = after;
      }
      // the x values never go back: straight lines between these points draw steps, not zigzags
      expect(s.x!.every((x, i) => i === 0 || x >= s.x![i - 1])).toBe(true);
    }
  });

  test("the band's limits come from the log-log interval (1 − upper, 1 − lower); undefined limits leave gaps", () => {
    const series = km().series();
    const g = input.result.intervention;
    const lower = series[1];
    const step = g.curve.steps.find((s) => s.nEvent > 0 && s.upper !== null)!;
    const i = lower.x!.lastIndexOf(step.time);
    expect(lower.values[i]).toBeCloseTo(1 - step.upper!, 12);
    expect(Number.isNaN(lower.values[0])).toBe(true);
  });

  test("ChartView draws every series as a line, dashed limits dashed (the .xlsx export pictures this drawing)", () => {
    const svg = renderToStaticMarkup(React.createElement(ChartView, { chart: km() }));
    const groups = [...svg.matchAll(/<g data-series="([^"]+)">([\s\S]*?)<\/g>/g)];
    expect(groups.map((m) => m[1])).toEqual(km().series().map((s) => s.name));
    expect(groups.every((m) => m[2].includes("<polyline"))).toBe(true);
    expect((svg.match(/stroke-dasharray="6 4"/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(svg).not.toContain("<circle");
  });

  test("the .xlsx export puts both charts as pictures drawn by ChartView", async () => {
    const drawn: string[] = [];
    const book = await toExcelJsWorkbook(ExcelJS, wb, {
      now: new Date("2026-12-07T08:00:00Z"),
      chartPicture: (chart, size) => {
        drawn.push(`${chart.name}:${renderToStaticMarkup(React.createElement(ChartView, { chart })).split("<polyline").length - 1}`);
        return placeholderPng(size.width, size.height);
      },
    });
    expect(book.getWorksheet("Registeropfølgning")!.getImages()).toHaveLength(2);
    expect(drawn[0]).toMatch(/^KaplanMeier:([6-9]|\d\d+)$/);
    expect(drawn[1]).toMatch(/^UgentligAndel:[2-9]/);
  });
});

describe("the emulation refuses what Excel refuses for XY series", () => {
  async function attempt(f: (ws: Excel.Worksheet) => void): Promise<string | undefined> {
    const wb = createPreviewWorkbook();
    wb.setValues("Ark1", "A1", [[1, 2], [3, 4], [5, 6]]);
    try {
      await wb.run(async (c) => {
        f(c.workbook.worksheets.getItem("Ark1"));
        await c.sync();
      });
      return undefined;
    } catch (e) {
      return (e as { code?: string }).code;
    }
  }
  const xy = (ws: Excel.Worksheet) => ws.charts.add("XYScatterLinesNoMarkers" as Excel.ChartType, ws.getRange("B1:B3"), "Columns" as Excel.ChartSeriesBy);

  test("a chart type Excel does not have", async () => {
    expect(await attempt((ws) => void ws.charts.add("XYScatterLine" as Excel.ChartType, ws.getRange("A1:B3")))).toBe("InvalidArgument");
  });
  test("series values from a block of several rows and columns", async () => {
    expect(await attempt((ws) => xy(ws).series.getItemAt(0).setValues(ws.getRange("A1:B3")))).toBe("InvalidArgument");
    expect(await attempt((ws) => xy(ws).series.add("S").setXAxisValues(ws.getRange("A1:B2")))).toBe("InvalidArgument");
  });
  test("a series index that is not there, a line style or colour Excel does not know", async () => {
    expect(await attempt((ws) => void xy(ws).series.getItemAt(1).load("name"))).toBe("ItemNotFound");
    expect(await attempt((ws) => void (xy(ws).series.getItemAt(0).format.line.lineStyle = "Dashed" as Excel.ChartLineStyle))).toBe("InvalidArgument");
    expect(await attempt((ws) => void (xy(ws).series.getItemAt(0).format.line.color = "#12"))).toBe("InvalidArgument");
  });
  test("a one-column source is one series named Series1 with x = 1, 2, 3", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Ark1", "A1", [[1, 2], [3, 4], [5, 6]]);
    await wb.run(async (c) => {
      const ws = c.workbook.worksheets.getItem("Ark1");
      ws.charts.add("XYScatterLinesNoMarkers" as Excel.ChartType, ws.getRange("B1:B3"), "Columns" as Excel.ChartSeriesBy);
      await c.sync();
    });
    expect(wb.getSheet("Ark1")!.charts[0].series()).toMatchObject([{ name: "Series1", values: [2, 4, 6], x: [1, 2, 3] }]);
  });
  test("a series with a colour Excel does not take is refused before anything is written (spec check)", async () => {
    const bad: SheetSpec = { ...spec, charts: spec.charts!.map((c, i) => (i === 1 ? { ...c, series: c.series!.map((s) => ({ ...s, color: "#12345" })) } : c)) };
    const wb = createPreviewWorkbook();
    await expect(renderSheets(wb.run.bind(wb), [bad])).rejects.toMatchObject({ code: "RENDER_INVALID_SPEC" });
    expect(wb.getSheet("Registeropfølgning")).toBeUndefined();
  });
});
