/**
 * Host profiles (issue 23, item 4): the preview emulates Excel with ExcelApi 1.7 (Excel 2019,
 * the manifest's minimum), 1.8, 1.9 (Excel 2021) or current (Excel on the web / Microsoft 365),
 * and every API above the profile fails as it does in that Excel (ApiNotFound). The set of each
 * API is in one table (src/excel/requirements.ts). Under every profile the renderer and every
 * store write and regenerate their sheets with the same values as in current Excel, leaving out
 * only what the host cannot do; under 1.7 a short double-fault sweep runs as well (the full
 * sweep, at the current profile, is doubleFaults.test.ts).
 */
import { formula, type SheetSpec } from "../../src/core/report/sheetSpec";
import { renderSheets } from "../../src/excel/render";
import { EXCEL_API, HOST_PROFILES, type ExcelApiName, type HostProfile } from "../../src/excel/requirements";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { extrasOf } from "../../src/preview/workbook/extrasState";
import { STORES, pointInto, runOf, userFormulas } from "./helpers/storeScenarios";

const PROFILES = Object.keys(HOST_PROFILES) as HostProfile[];

/** Run `f` with the preview and src/excel/host.ts both at `profile` (as test/setup/hostProfile.ts does for a whole run). */
async function underProfile<T>(profile: HostProfile, f: () => Promise<T>): Promise<T> {
  const before = globalThis.__virkningHostProfile;
  globalThis.__virkningHostProfile = HOST_PROFILES[profile];
  try {
    return await f();
  } finally {
    globalThis.__virkningHostProfile = before;
  }
}

/** Values of a sheet, row by row. */
function values(wb: PreviewWorkbook, name: string): unknown[][] {
  const s = wb.getSheet(name)!;
  const { rowCount, columnCount } = s.usedExtent();
  return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => s.valueAt(r, c)));
}

// ------------------------------------------------------------------------------------------------
// The emulation rejects every API above the profile, and only those

/** One use of each API in the table (run at the end of a batch that has a sheet "Ark1" with a value in A1). */
const PROBES: Record<ExcelApiName, (ctx: Excel.RequestContext, ws: Excel.Worksheet) => void> = {
  "Range.merge": (_c, ws) => ws.getRange("B2:C2").merge(),
  "RangeFormat.protection": (_c, ws) => void ws.getRange("A1").format.protection.load("locked"),
  "Worksheet.protection": (_c, ws) => void ws.protection.load("protected"),
  "Workbook.settings": (c) => void c.workbook.settings.add("x", "1"),
  "Worksheet.names": (_c, ws) => void ws.names.load("items/name"),
  "NamedItemCollection.add": (c) => void c.workbook.names.add("Navn", "=Ark1!$A$1"),
  "Worksheet.getUsedRangeOrNullObject": (_c, ws) => void ws.getUsedRangeOrNullObject().load("address"),
  "Range.conditionalFormats": (_c, ws) => void ws.getRange("A1").conditionalFormats.load("items/type"),
  "Application.suspendApiCalculationUntilNextSync": (c) => c.workbook.application.suspendApiCalculationUntilNextSync(),
  "Worksheet.getRangeByIndexes": (_c, ws) => void ws.getRangeByIndexes(0, 0, 1, 1).load("values"),
  "Worksheet.freezePanes": (_c, ws) => ws.freezePanes.freezeRows(1),
  "Worksheet.tabColor": (_c, ws) => void (ws.tabColor = "#FF0000"),
  "Range.getSurroundingRegion": (_c, ws) => void ws.getRange("A1").getSurroundingRegion().load("address"),
  "NamedItem.formula": (c) => void c.workbook.names.getItem("Fast").load("formula"),
  "RangeFormat.useStandardWidth": (_c, ws) => void (ws.getRange("A:A").format.useStandardWidth = true),
  "RangeFormat.useStandardHeight": (_c, ws) => void (ws.getRange("1:1").format.useStandardHeight = true),
  "WorksheetProtection.unprotect(password)": (c) => c.workbook.worksheets.getItem("Låst").protection.unprotect("kode"),
  "ChartSeriesCollection.add": (_c, ws) => void ws.charts.add("XYScatterLinesNoMarkers" as Excel.ChartType, ws.getRange("A1:A2")).series.add("S"),
  "ChartSeries.setValues": (_c, ws) => ws.charts.add("XYScatterLinesNoMarkers" as Excel.ChartType, ws.getRange("A1:A2")).series.getItemAt(0).setValues(ws.getRange("A1:A2")),
  "ChartSeries.setXAxisValues": (_c, ws) => ws.charts.add("XYScatterLinesNoMarkers" as Excel.ChartType, ws.getRange("A1:A2")).series.getItemAt(0).setXAxisValues(ws.getRange("A1:A2")),
  "ChartSeries.delete": (_c, ws) => ws.charts.add("Line" as Excel.ChartType, ws.getRange("A1:B2")).series.getItemAt(0).delete(),
  "ChartLineFormat.lineStyle": (_c, ws) => void (ws.charts.add("XYScatterLinesNoMarkers" as Excel.ChartType, ws.getRange("A1:A2")).series.getItemAt(0).format.line.lineStyle = "Dash" as Excel.ChartLineStyle),
  "Range.dataValidation": (_c, ws) => void ws.getRange("A1").dataValidation.load("type"),
  "Worksheet.showGridlines": (_c, ws) => void (ws.showGridlines = false),
  "Worksheet.shapes": (_c, ws) => void ws.shapes.addGeometricShape("Rectangle" as Excel.GeometricShapeType),
  "Worksheet.pageLayout": (_c, ws) => void (ws.pageLayout.orientation = "Landscape" as Excel.PageOrientation),
  "Worksheet.horizontalPageBreaks": (_c, ws) => void ws.horizontalPageBreaks.add("A5"),
  "Workbook.getSelectedRanges": (c) => void c.workbook.getSelectedRanges().load("areaCount"),
  "Application.suspendScreenUpdatingUntilNextSync": (c) => c.workbook.application.suspendScreenUpdatingUntilNextSync(),
  "Range.getMergedAreasOrNullObject": (_c, ws) => void ws.getRange("A1:C3").getMergedAreasOrNullObject().load("areaCount"),
};

/** The set just below `v` ("1.9" → "1.8", "1.2" → "1.1"). */
const below = (v: string): string => `1.${Number(v.split(".")[1]) - 1}`;

async function probe(api: ExcelApiName, version: string): Promise<string | undefined> {
  const wb = createPreviewWorkbook();
  wb.setValues("Ark1", "A1", [["x"]]);
  await wb.run(async (c) => {
    c.workbook.names.add("Fast", "=Ark1!$A$1");
    c.workbook.worksheets.add("Låst").protection.protect(undefined, "kode");
    await c.sync();
  });
  wb.apiVersion = version;
  try {
    await wb.run(async (c) => {
      PROBES[api](c, c.workbook.worksheets.getItem("Ark1"));
      await c.sync();
    });
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe("the emulation rejects each API of the table on a host below its requirement set, and only there", () => {
  test.each(Object.keys(EXCEL_API) as ExcelApiName[])("%s", async (api) => {
    const set = EXCEL_API[api];
    expect(await probe(api, below(set))).toBe("ApiNotFound");
    expect(await probe(api, set)).toBeUndefined();
  });

  test("the profiles are the sets of Excel 2019 (1.7), 1.8, Excel 2021 (1.9) and Excel on the web today", () => {
    expect(HOST_PROFILES).toEqual({ "1.7": "1.7", "1.8": "1.8", "1.9": "1.9", current: "1.17" });
    // Nothing the add-in uses needs a set above the web's.
    expect(Object.values(EXCEL_API).every((v) => Number(v.split(".")[1]) <= 17)).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------------
// The renderer under every profile

function fullSpec(): SheetSpec {
  return {
    name: "Resultater",
    tabColor: "#1F6F8B",
    showGridlines: false,
    cells: [
      { address: "A1", values: [["Sammenligning"]] },
      { address: "A3", values: [["Gruppe", "Antal"], ["Indsats", 30], ["Kontrol", 28], ["I alt", formula("=SUM(B4:B5)")]] },
    ],
    styles: [{ range: "A3:B3", style: { bold: true, fill: "#DDEEFF" } }],
    merges: ["A1:C1"],
    tables: [{ name: "tblProfil", range: "A3:B5" }],
    columnWidths: [{ columns: "A", width: 120 }],
    freeze: { rows: 3, columns: 0 },
    charts: [{ name: "Antal", type: "columnClustered", dataRange: "A3:B5", seriesBy: "columns", topLeft: "D3", bottomRight: "H12" }],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printTitleRows: "$3:$3", footer: { center: [{ text: "Udfald" }] } },
    dataValidations: [{ range: "C4:C5", list: ["ja", "nej"] }],
    conditionalFormats: [{ range: "A4:B5", formula: formula("=$B4>29"), fill: "#FFEEAA" }],
    protection: { unlocked: ["C4:C5"] },
  };
}

describe.each(PROFILES)("host profile %s", (profile) => {
  const v = HOST_PROFILES[profile];
  const atLeast = (set: string): boolean => Number(v.split(".")[1]) >= Number(set.split(".")[1]);

  test("the renderer writes and regenerates a sheet with every feature the host has, and leaves out the rest", async () => {
    await underProfile(profile, async () => {
      const wb = createPreviewWorkbook({ sample: true });
      expect(wb.apiVersion).toBe(v);
      await renderSheets(runOf(wb), [fullSpec()]);
      await renderSheets(runOf(wb), [{ ...fullSpec(), cells: [...fullSpec().cells, { address: "A8", values: [["igen"]] }] }]);
      const s = wb.getSheet("Resultater")!;
      expect(values(wb, "Resultater").slice(0, 6)).toEqual([
        ["Sammenligning", null],
        [null, null],
        ["Gruppe", "Antal"],
        ["Indsats", 30],
        ["Kontrol", 28],
        ["I alt", 58],
      ]);
      expect(s.getCell(7, 0)?.value).toBe("igen");
      expect(s.tables.map((t) => t.name)).toEqual(["tblProfil"]);
      expect(s.charts.map((c) => c.name)).toEqual(["Antal"]);
      expect(s.frozen).toEqual({ rows: 3, columns: 0 });
      expect(extrasOf(s).formats).toHaveLength(1);
      expect(extrasOf(s).validations.length > 0).toBe(atLeast("1.8"));
      expect(s.showGridlines).toBe(!atLeast("1.8"));
      expect(s.pageLayout.orientation === "Landscape").toBe(atLeast("1.9"));
    });
  });

  test.each(STORES)("$store: writes and regenerates with the values of current Excel", async (sc) => {
    const current = await sc.setup();
    await sc.rerun(current);
    await underProfile(profile, async () => {
      const wb = await sc.setup();
      await sc.rerun(wb);
      // The theory diagram is drawn with shapes from 1.9 on and with coloured cells below: its cells differ by design.
      for (const n of sc.sheets.filter((x) => !x.endsWith("diagram"))) expect(values(wb, n)).toEqual(values(current, n));
      expect(sc.entries(wb)).toEqual(sc.entries(current));
    });
  });
});

describe("ExcelApi 1.7: a short double-fault sweep (every sync, and the first operations of every sync, then the recovery's first sync)", () => {
  test.each(STORES)("$store", async (sc) => {
    await underProfile("1.7", async () => {
      const reference = await sc.setup();
      pointInto(reference, sc.sheets);
      const entries = sc.entries(reference);
      reference.injectFault({ operation: Number.MAX_SAFE_INTEGER });
      reference.resetSyncCount();
      await sc.rerun(reference);
      const starts = [...reference.syncStarts];
      const syncs = reference.syncCount;
      reference.injectFault(undefined);
      const fresh = sc.sheets.map((n) => values(reference, n));
      const formulas = userFormulas(reference, sc.sheets);
      // The last two syncs with operations are the rewrite: its first 4 operations (arm, deletions, clear).
      const ops = starts.slice(-3).flatMap((s) => [s + 1, s + 2, s + 3, s + 4]);
      const faults = [...ops.map((k) => ({ operation: k, then: { sync: 1 } })), ...Array.from({ length: syncs }, (_, s) => ({ sync: s + 1, then: { sync: 1 } }))];
      for (const fault of faults) {
        const wb = await sc.setup();
        pointInto(wb, sc.sheets);
        wb.injectFault(fault);
        const code = await sc.rerun(wb).then(
          () => undefined,
          (e: { code?: string }) => e.code,
        );
        wb.injectFault(undefined);
        expect({ fault, code: code === "RENDER_KEPT_NEW_COPY" || code === "RENDER_BACKUP_KEPT" ? code : "ok" }).toEqual({ fault, code: "ok" });
        expect({ fault, formulas: userFormulas(wb, sc.sheets).map((f) => f.formula) }).toEqual({ fault, formulas: formulas.map((f) => f.formula) });
        await sc.rerun(wb);
        expect({ fault, values: sc.sheets.map((n) => values(wb, n)), entries: sc.entries(wb) }).toEqual({ fault, values: fresh, entries });
      }
    });
  }, 300_000);
});
