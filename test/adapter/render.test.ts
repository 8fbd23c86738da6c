/**
 * renderSheets against the preview workbook: everything in a SheetSpec arrives in the workbook,
 * only the add-in's own sheets are replaced, and the sync budget holds.
 */
import type { ExcelRun } from "../../src/excel/host";
import { formula, type SheetSpec } from "../../src/core/report/sheetSpec";
import { renderSheetSpec, renderSheets, WRITE_BUDGET_BYTES } from "../../src/excel/render";
import { readRegister } from "../../src/excel/state";
import { createPreviewWorkbook, PAYLOAD_LIMIT_BYTES, type PreviewWorkbook } from "../../src/preview/workbook";
import { sampleCitizens } from "../../src/preview/sampleData";

function fullSpec(): SheetSpec {
  return {
    name: "Resultater",
    tabColor: "#1F6F8B",
    cells: [
      { address: "A1", values: [["Sammenligning af indsatsgruppe og kontrolgruppe"]] },
      {
        address: "A3",
        values: [
          ["Gruppe", "Antal", "Andel i job"],
          ["Indsats", 30, 0.2],
          ["Kontrol", 30, 0.1],
          ["I alt", formula("=SUM(B4:B5)"), null],
        ],
      },
      { address: "C4", values: [[0.2], [0.1]], numberFormat: "0.0%" },
      { address: "E1", values: [["12", "-2 mdr", "+ ekstra", "1-2"]] },
      { address: "E2", values: [["0,03", "29 %", "'citat", 7]], numberFormat: "@" },
    ],
    styles: [
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: "A3:C3", style: { bold: true, fill: "#DDEEFF", border: "bottom", borderColor: "#333333", horizontalAlignment: "center" } },
      { range: "A8:B9", style: { border: "grid", wrapText: true, italic: true, fontColor: "#C00000", verticalAlignment: "top" } },
    ],
    merges: ["A1:C1"],
    tables: [{ name: "tblResultat", range: "A3:C5", style: "TableStyleLight9" }],
    columnWidths: [
      { columns: "A", width: 120 },
      { columns: "B:C", width: 70 },
    ],
    freeze: { rows: 3, columns: 1 },
    charts: [
      {
        name: "Andel i job",
        type: "columnClustered",
        dataRange: "A3:C5",
        seriesBy: "columns",
        title: "Andel i ordinære timer",
        topLeft: "E5",
        bottomRight: "K20",
        xAxisTitle: "Gruppe",
        yAxisTitle: "Andel",
      },
    ],
    shapes: [
      { kind: "roundedRectangle", id: "box1", left: 10, top: 300, width: 120, height: 60, text: "Aktivitet", fill: "#E8F0FE", lineColor: "#1F6F8B", fontColor: "#000000", fontSize: 10, bold: true },
      { kind: "rectangle", id: "box2", left: 200, top: 320, width: 100, height: 40, text: "Delmål", horizontalAlignment: "left" },
      { kind: "textBox", id: "note", left: 10, top: 400, width: 200, height: 30, text: "Kilde: syntetiske data" },
      { kind: "connector", id: "c1", from: "box1", to: "box2", arrow: true, dashed: true, lineColor: "#555555", weight: 1.5 },
    ],
    pageSetup: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printArea: "A1:K20",
      printTitleRows: "$3:$3",
      header: { center: [{ text: "Virkning" }] },
      // user text beside our codes: "&" in the text is escaped, the codes are not
      footer: { center: [{ text: "Udfald & forløb" }], right: [{ text: "Side " }, { code: "pageNumber" }, { text: " af " }, { code: "pageCount" }, { text: " · " }, { code: "date" }] },
      margins: { top: 42, bottom: 40, left: 28, right: 30 },
    },
    showGridlines: false,
    activate: true,
  };
}

/** Everything a user could see on a sheet, cell by cell (for before/after comparisons). */
function snapshot(wb: PreviewWorkbook, name: string): unknown {
  const s = wb.getSheet(name)!;
  const ext = s.usedExtent();
  const cells: unknown[] = [];
  for (let r = 0; r < ext.rowCount; r++) for (let c = 0; c < ext.columnCount; c++) cells.push(s.getCell(r, c) ?? null);
  return {
    id: s.id,
    cells,
    merges: [...s.merges],
    tables: s.tables.map((t) => ({ ...t })),
    charts: s.charts.length,
    shapes: s.shapes.length,
    widths: [...s.columnWidths],
    frozen: { ...s.frozen },
    tab: s.tabColor,
    grid: s.showGridlines,
    page: { ...s.pageLayout },
  };
}

function dataSpec(rows: number, name = "Data"): SheetSpec {
  const { header, rows: citizens } = sampleCitizens();
  const values = [header, ...Array.from({ length: rows }, (_, i) => citizens[i % citizens.length].map((v, j) => (j === 0 ? `R${i + 1}` : v)))];
  return {
    name,
    cells: [{ address: "A1", values }],
    styles: [{ range: "A1:M1", style: { bold: true } }],
    tables: [{ name: `tbl${name}`, range: `A1:M${rows + 1}`, style: "TableStyleLight9" }],
    freeze: { rows: 1, columns: 0 },
  };
}

describe("renderSheets writes everything in the spec", () => {
  const wb = createPreviewWorkbook({ sample: true });
  beforeAll(async () => {
    await renderSheets(wb.run.bind(wb), [fullSpec()]);
  });

  test("values, formulas (computed), number formats; text that Excel would re-interpret stays text", () => {
    const s = wb.getSheet("Resultater")!;
    expect(s.getCell(0, 0)?.value).toBe("Sammenligning af indsatsgruppe og kontrolgruppe");
    expect([3, 4].map((r) => [0, 1, 2].map((c) => s.getCell(r, c)?.value))).toEqual([
      ["Indsats", 30, 0.2],
      ["Kontrol", 30, 0.1],
    ]);
    expect(s.getCell(5, 1)?.formula).toBe("=SUM(B4:B5)");
    expect(s.getCell(5, 1)?.value).toBe(60);
    expect(s.getCell(3, 2)?.numberFormat).toBe("0.0%");
    expect(s.getCell(3, 1)?.numberFormat).toBe("General");
    expect([4, 5, 6, 7].map((c) => s.getCell(0, c)?.value)).toEqual(["12", "-2 mdr", "+ ekstra", "1-2"]);
    expect([4, 5, 6, 7].map((c) => s.getCell(1, c)?.value)).toEqual(["0,03", "29 %", "'citat", 7]);
    expect(s.getCell(1, 4)?.numberFormat).toBe("@");
  });

  test("styles: bold, size, fill, alignment, wrap, italic, colour and borders", () => {
    const s = wb.getSheet("Resultater")!;
    expect(s.getCell(0, 0)?.format).toMatchObject({ bold: true, fontSize: 14 });
    for (let c = 0; c < 3; c++) {
      expect(s.getCell(2, c)?.format).toMatchObject({ bold: true, fill: "#DDEEFF", horizontalAlignment: "Center", borders: { bottom: "#333333" } });
    }
    expect(s.getCell(3, 0)?.format.bold).toBeUndefined();
    // grid on A8:B9: outer edges and the inside lines
    expect(s.getCell(7, 0)?.format).toMatchObject({ wrapText: true, italic: true, fontColor: "#C00000", verticalAlignment: "Top" });
    expect(s.getCell(7, 0)?.format.borders).toEqual({ top: "#000000", left: "#000000", bottom: "#000000", right: "#000000" });
    expect(s.getCell(8, 1)?.format.borders).toEqual({ bottom: "#000000", right: "#000000" });
  });

  test("merges, table, column widths, freeze panes, gridlines, tab colour, activation", () => {
    const s = wb.getSheet("Resultater")!;
    expect(s.merges).toEqual([{ row: 0, column: 0, rowCount: 1, columnCount: 3 }]);
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0]).toMatchObject({ name: "tblResultat", style: "TableStyleLight9", showHeaders: true, showTotals: false, range: { row: 2, column: 0, rowCount: 3, columnCount: 3 } });
    expect([s.columnWidths.get(0), s.columnWidths.get(1), s.columnWidths.get(2), s.columnWidths.get(3)]).toEqual([120, 70, 70, undefined]);
    expect(s.frozen).toEqual({ rows: 3, columns: 1 });
    expect(s.showGridlines).toBe(false);
    expect(s.tabColor).toBe("#1F6F8B");
    expect(wb.activeSheetName).toBe("Resultater");
  });

  test("chart: type, title, axis titles, data and position from the cells E5:K20", () => {
    const [c] = wb.getSheet("Resultater")!.charts;
    expect(c).toMatchObject({ name: "Andel i job", type: "ColumnClustered", title: "Andel i ordinære timer", seriesBy: "Columns", categoryAxisTitle: "Gruppe", valueAxisTitle: "Andel" });
    expect(c.categories()).toEqual(["Indsats", "Kontrol"]);
    expect(c.series()).toEqual([
      // each value with its cell's number format (data labels show it)
      { name: "Antal", values: [30, 30], formats: ["General", "General"] },
      { name: "Andel i job", values: [0.2, 0.1], formats: ["0.0%", "0.0%"] },
    ]);
    // Columns A–D: 120 + 70 + 70 + 48 pt; rows 1–4: 4 × 15 pt; E..K = 7 × 48 pt, rows 5..20 = 16 × 15 pt.
    expect([c.left, c.top, c.width, c.height]).toEqual([308, 60, 336, 240]);
  });

  test("shapes: boxes with text, fill, line and font; connector from right-middle to left-middle with arrow", () => {
    const shapes = wb.getSheet("Resultater")!.shapes;
    const byName = new Map(shapes.map((s) => [s.name, s]));
    expect(shapes.map((s) => s.name)).toEqual(["box1", "box2", "note", "c1"]);
    expect(byName.get("box1")).toMatchObject({
      type: "GeometricShape",
      geometricShapeType: "RoundRectangle",
      left: 10,
      top: 300,
      width: 120,
      height: 60,
      text: "Aktivitet",
      fill: "#E8F0FE",
      lineColor: "#1F6F8B",
      fontColor: "#000000",
      fontSize: 10,
      bold: true,
      horizontalAlignment: "Center",
      verticalAlignment: "Middle",
    });
    expect(byName.get("box2")).toMatchObject({ geometricShapeType: "Rectangle", text: "Delmål", horizontalAlignment: "Left" });
    expect(byName.get("note")).toMatchObject({ type: "TextBox", text: "Kilde: syntetiske data" });
    // A label without fill/line in the spec is drawn without Excel's default white box and outline.
    expect(byName.get("note")!.fill).toBeUndefined();
    expect(byName.get("note")!.lineColor).toBeUndefined();
    expect(byName.get("c1")).toMatchObject({
      type: "Line",
      beginX: 130,
      beginY: 330,
      endX: 200,
      endY: 340,
      endArrowheadStyle: "Triangle",
      lineDashStyle: "Dash",
      lineColor: "#555555",
      lineWeight: 1.5,
    });
  });

  test("page setup: landscape A4, fit to width, print area, title rows, header and footer", () => {
    expect(wb.getSheet("Resultater")!.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      fitToWidth: true,
      fitToOnePage: false,
      printArea: "A1:K20",
      printTitleRows: "$3:$3",
      centerHeader: "Virkning",
      // "&" in plain text is doubled (Excel reads "&x" as a code); the page/date codes are ours.
      centerFooter: "Udfald && forløb",
    });
    expect(wb.getSheet("Resultater")!.headersFooters.rightFooter).toBe("Side &P af &N · &D");
    expect(wb.getSheet("Resultater")!.margins).toEqual({ topMargin: 42, bottomMargin: 40, leftMargin: 28, rightMargin: 30 });
  });

  test("the sheet is registered as the add-in's own by the token in its hidden mark, not by its id", async () => {
    const reg = await readRegister(wb.run.bind(wb));
    const mark = wb.names.find((n) => n.sheet === wb.getSheet("Resultater"));
    expect(mark).toMatchObject({ name: "Virkning_ejer", visible: false });
    expect(reg.sheets).toEqual([{ token: mark!.formula.slice(2, -1), name: "Resultater", id: wb.getSheet("Resultater")!.id }]);
    expect(reg.pending).toEqual([]);
    expect(reg.lock).toBeUndefined();
  });
});

describe("only the add-in's own sheets are replaced", () => {
  test("re-rendering replaces the own sheet in place and leaves Borgere and Noter untouched, cell by cell", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run: ExcelRun = wb.run.bind(wb);
    const before = { b: snapshot(wb, "Borgere"), n: snapshot(wb, "Noter") };
    await renderSheets(run, [fullSpec()]);
    const firstId = wb.getSheet("Resultater")!.id;
    // The user adds a sheet after ours; our sheet keeps its place when replaced.
    wb.setValues("Egne noter", "A1", [["min note"]]);
    const second: SheetSpec = { name: "Resultater", cells: [{ address: "B2", values: [["ny kørsel"]] }] };
    await renderSheets(run, [second]);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter", "Resultater", "Egne noter"]);
    const s = wb.getSheet("Resultater")!;
    // The sheet itself is kept (users' formulas that point into it survive); only its content is new.
    expect(s.id).toBe(firstId);
    expect(s.getCell(0, 0)).toBeUndefined(); // the old content is gone
    expect(s.getCell(1, 1)?.value).toBe("ny kørsel");
    expect(s.charts).toHaveLength(0);
    expect(s.shapes).toHaveLength(0);
    expect(s.tables).toHaveLength(0);
    expect(wb.getSheet("Egne noter")!.getCell(0, 0)?.value).toBe("min note");
    expect({ b: snapshot(wb, "Borgere"), n: snapshot(wb, "Noter") }).toEqual(before);
    // The table name of the first run is free again (the old sheet and its table are gone).
    await renderSheets(run, [fullSpec()]);
    expect(wb.getSheet("Resultater")!.tables[0].name).toBe("tblResultat");
    expect((await readRegister(run)).sheets).toEqual([expect.objectContaining({ id: wb.getSheet("Resultater")!.id, name: "Resultater" })]);
  });

  test("replacing the active own sheet keeps it active even without activate", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run: ExcelRun = wb.run.bind(wb);
    await renderSheets(run, [dataSpec(3, "Output")]);
    wb.activateSheetByUser("Output");
    await renderSheets(run, [dataSpec(4, "Output")]);
    expect(wb.activeSheetName).toBe("Output");
    wb.activateSheetByUser("Noter");
    await renderSheets(run, [dataSpec(5, "Output")]);
    expect(wb.activeSheetName).toBe("Noter");
  });

  test("a user sheet with the target name: SHEET_NOT_OWNED in Danish, and nothing is written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const before = { b: snapshot(wb, "Borgere"), n: snapshot(wb, "Noter"), names: wb.sheetNames(), settings: [...wb.settings] };
    const spec = { ...fullSpec(), name: "noter" };
    await expect(renderSheets(wb.run.bind(wb), [dataSpec(5, "Ny"), spec])).rejects.toMatchObject({
      code: "SHEET_NOT_OWNED",
      message: 'Arket "Noter" findes allerede og er ikke oprettet af Virkning. Omdøb eller slet det, og prøv igen.',
      location: { sheet: "Noter" },
    });
    expect({ b: snapshot(wb, "Borgere"), n: snapshot(wb, "Noter"), names: wb.sheetNames(), settings: [...wb.settings] }).toEqual(before);
    expect(wb.syncCount).toBe(2);
  });

  test("a sheet the user created after deleting ours is not ours, even with the same name", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run: ExcelRun = wb.run.bind(wb);
    await renderSheets(run, [dataSpec(3, "Output")]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Output").delete();
      context.workbook.worksheets.add("Output").getRange("A1").values = [["brugerens egne tal"]];
      await context.sync();
    });
    await expect(renderSheets(run, [dataSpec(3, "Output")])).rejects.toMatchObject({ code: "SHEET_NOT_OWNED" });
    expect(wb.getSheet("Output")!.getCell(0, 0)?.value).toBe("brugerens egne tal");
  });

  test("works when the own sheet is the only visible sheet in the workbook", async () => {
    const wb = createPreviewWorkbook();
    const run: ExcelRun = wb.run.bind(wb);
    await renderSheets(run, [dataSpec(3, "Output")]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Ark1").delete();
      await context.sync();
    });
    await renderSheets(run, [{ name: "Output", cells: [{ address: "A1", values: [["igen"]] }] }]);
    expect(wb.sheetNames()).toEqual(["Output"]);
    expect(wb.getSheet("Output")!.getCell(0, 0)?.value).toBe("igen");
  });
});

describe("sync budget", () => {
  test.each([10, 10_000])("writing a new %i-row sheet with table, styles and freeze takes exactly 4 syncs", async (rows) => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.resetSyncCount();
    await renderSheets(wb.run.bind(wb), [dataSpec(rows)]);
    expect(wb.syncCount).toBe(4);
    const s = wb.getSheet("Data")!;
    expect(s.usedExtent()).toEqual({ rowCount: rows + 1, columnCount: 13 });
    expect(s.getCell(rows, 0)?.value).toBe(`R${rows}`);
    expect(wb.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test("several new sheets in one call also take 4 syncs; regenerating one takes 5, inside a batch too", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await renderSheets(wb.run.bind(wb), [dataSpec(100, "A"), fullSpec(), dataSpec(50, "B")]);
    expect(wb.syncCount).toBe(4);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter", "A", "Resultater", "B"]);
    wb.resetSyncCount();
    await wb.run((context) => renderSheetSpec(context, dataSpec(20, "A")));
    expect(wb.syncCount).toBe(5);
  });

  test("huge outputs are chunked below the payload limit; only the number of ~4 MB chunks adds syncs", async () => {
    const wb = createPreviewWorkbook();
    const rows = 200_000;
    const spec: SheetSpec = {
      name: "Stor",
      cells: [{ address: "A1", values: Array.from({ length: rows }, (_, i) => [`borger nummer ${i}`, i, i * 0.5, i % 2 === 0 ? "Indsats" : "Kontrol"]) }],
    };
    const bytes = JSON.stringify(spec.cells[0].values).length;
    expect(bytes).toBeGreaterThan(2 * WRITE_BUDGET_BYTES);
    await renderSheets(wb.run.bind(wb), [spec]);
    expect(wb.maxRequestBytes).toBeLessThanOrEqual(WRITE_BUDGET_BYTES);
    const minChunks = Math.ceil(bytes / WRITE_BUDGET_BYTES);
    // 1 look-up sync + one sync per write chunk (the id registration rides along with chunk 2).
    expect(minChunks).toBeGreaterThanOrEqual(3);
    expect(wb.syncCount).toBeGreaterThanOrEqual(1 + minChunks);
    expect(wb.syncCount).toBeLessThanOrEqual(3 + minChunks);
    const s = wb.getSheet("Stor")!;
    expect(s.usedExtent()).toEqual({ rowCount: rows, columnCount: 4 });
    expect(s.getCell(rows - 1, 0)?.value).toBe(`borger nummer ${rows - 1}`);
    expect(s.getCell(123_456, 2)?.value).toBe(61_728);
  });

  test("shapes without ExcelApi 1.9: a clear error before anything is written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.apiVersion = "1.8";
    globalThis.__virkningPreview = wb;
    try {
      await expect(renderSheets(wb.run.bind(wb), [fullSpec()])).rejects.toMatchObject({ code: "SHAPES_NOT_SUPPORTED", message: expect.stringMatching(/figurer/) });
      expect(wb.syncCount).toBe(0);
      expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
    } finally {
      globalThis.__virkningPreview = undefined;
    }
  });

  test("invalid specs are refused before any sync", async () => {
    const wb = createPreviewWorkbook();
    await expect(renderSheets(wb.run.bind(wb), [{ name: "Ugyldigt: navn", cells: [] }])).rejects.toMatchObject({ code: "RENDER_INVALID_SPEC" });
    await expect(renderSheets(wb.run.bind(wb), [{ name: "X", cells: [{ address: "A1", values: [[1, 2], [3]] }] }])).rejects.toMatchObject({ code: "RENDER_INVALID_SPEC" });
    await expect(renderSheets(wb.run.bind(wb), [{ name: "X", cells: [{ address: "B2", values: [[1, Number.NaN]] }] }])).rejects.toMatchObject({
      code: "RENDER_INVALID_SPEC",
      message: expect.stringContaining("C2"),
    });
    expect(wb.syncCount).toBe(0);
  });
});
