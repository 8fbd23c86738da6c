/**
 * The preview's .xlsx export (src/preview/export/toExcelJs.ts): a workbook set up through the
 * emulated Excel API, converted, written and read back with ExcelJS (and the workbook part read
 * raw for the defined names). What a user taking the file into Excel would notice: text stays
 * text, formulas and their results, formats and layout, names, rules, protection, page setup, and
 * the chart's place and size.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { toExcelJsWorkbook } from "../../src/preview/export/toExcelJs";
import { pointsToColumnWidth, toArgb } from "../../src/preview/export/units";
import { xlfn } from "../../src/preview/export/formulaText";
import { placeholderPng } from "../../src/preview/export/placeholderPng";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";

async function setUp(): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook();
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Ark1");
    ws.getRange("A1:C1").values = [["Navn", "Antal", "Andel"]];
    ws.getRange("A2:B3").values = [["Indsats", 12], ["Kontrol", 8]];
    ws.getRange("C2:C3").formulas = [["=B2/SUM($B$2:$B$3)"], ["=B3/SUM($B$2:$B$3)"]];
    ws.getRange("C2:C3").numberFormat = [["0.0%"], ["0.0%"]];
    ws.getRange("A5").numberFormat = [["@"]];
    ws.getRange("A5").values = [["=1+1"]];
    ws.getRange("A1:C1").format.font.bold = true;
    ws.getRange("A1:C1").format.fill.color = "#DDEBF7";
    ws.getRange("A1").format.columnWidth = 96;
    ws.getRange("A1").format.rowHeight = 30;
    ws.getRange("A7:C7").merge();
    ws.freezePanes.freezeRows(1);
    ws.getRange("D2:D3").dataValidation.rule = { list: { inCellDropDown: true, source: "Ja,Nej" } };
    const cf = ws.getRange("B2:B3").conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = "=B2>10";
    cf.custom.format.fill.color = "#F8CBAD";
    ws.getRange("D2:D3").format.protection.locked = false;
    ws.protection.protect();
    ws.pageLayout.orientation = Excel.PageOrientation.landscape;
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.leftMargin = 36;
    ws.pageLayout.setPrintArea("A1:D7");
    ws.pageLayout.setPrintTitleRows("$1:$1");
    ws.pageLayout.headersFooters.defaultForAllPages.rightFooter = "Side &P af &N";
    ctx.workbook.names.add("Virkning.Andel.Indsats", ws.getRange("C2"));
    ws.names.add("Ejer", '="abc"');
    const chart = ws.charts.add(Excel.ChartType.columnClustered, ws.getRange("A1:B3"), Excel.ChartSeriesBy.auto);
    chart.left = 200;
    chart.top = 40;
    chart.width = 300;
    chart.height = 150;
    const hidden = ctx.workbook.worksheets.add("~skjult");
    hidden.visibility = Excel.SheetVisibility.hidden;
    await ctx.sync();
  });
  return wb;
}

async function roundTrip(wb: PreviewWorkbook): Promise<{ book: ExcelJS.Workbook; workbookXml: string }> {
  const buffer = await (await toExcelJsWorkbook(ExcelJS, wb, { now: new Date("2026-11-30T08:00:00Z") })).xlsx.writeBuffer();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer);
  const workbookXml = await (await JSZip.loadAsync(buffer)).file("xl/workbook.xml")!.async("string");
  return { book, workbookXml };
}

// The emulation's Excel enums: the API tests use the string values Office.js accepts.
const Excel = {
  ConditionalFormatType: { custom: "Custom" },
  PageOrientation: { landscape: "Landscape" },
  ChartType: { columnClustered: "ColumnClustered" },
  ChartSeriesBy: { auto: "Auto" },
  SheetVisibility: { hidden: "Hidden" },
} as unknown as typeof globalThis.Excel;

describe("the preview workbook as an .xlsx file", () => {
  let book: ExcelJS.Workbook;
  let workbookXml: string;
  beforeAll(async () => {
    ({ book, workbookXml } = await roundTrip(await setUp()));
  });
  const ws = () => book.getWorksheet("Ark1")!;

  it("text stays text (also text that looks like a formula), numbers numbers, formulas carry the emulation's result", () => {
    expect(ws().getCell("A2").value).toBe("Indsats");
    expect(ws().getCell("B2").value).toBe(12);
    expect(ws().getCell("A5").value).toBe("=1+1");
    expect(ws().getCell("A5").type).toBe(ExcelJS.ValueType.String);
    expect(ws().getCell("C2").value).toEqual({ formula: "B2/SUM($B$2:$B$3)", result: 0.6 });
    expect(ws().getCell("C2").numFmt).toBe("0.0%");
    expect(ws().getCell("A5").numFmt).toBe("@");
  });

  it("keeps formats and layout: bold header with fill, column width and row height, merge, frozen header row", () => {
    expect(ws().getCell("B1").font).toMatchObject({ bold: true });
    expect(ws().getCell("B1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws().getColumn(1).width).toBe(17.57);
    expect(ws().getRow(1).height).toBe(30);
    expect(ws().getCell("B7").master.address).toBe("A7");
    expect(ws().views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 0 });
  });

  it("keeps the defined names, workbook- and sheet-scoped, with their formulas", () => {
    expect(workbookXml).toContain('<definedName name="Virkning.Andel.Indsats">Ark1!$C$2</definedName>');
    expect(workbookXml).toContain('<definedName name="Ejer" localSheetId="0">&quot;abc&quot;</definedName>');
  });

  it("keeps the list validation, the conditional format, the protection and the unlocked cells", () => {
    expect(ws().getCell("D3").dataValidation).toMatchObject({ type: "list", formulae: ['"Ja,Nej"'], allowBlank: true });
    const cf = (ws() as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0].type, c.rules[0].formulae])).toEqual([["B2:B3", "expression", ["B2>10"]]]);
    expect((ws() as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws().getCell("D2").protection).toMatchObject({ locked: false });
    expect(ws().getCell("C2").protection).toBeUndefined();
  });

  it("keeps the page setup: landscape A4 fit to one page wide, margins, print area and titles, footer", () => {
    expect(ws().pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: "A1:D7", printTitlesRow: "1:1" });
    expect(ws().pageSetup.margins).toMatchObject({ left: 0.5, right: 0.7, top: 0.75 });
    expect(ws().headerFooter.oddFooter).toBe("&RSide &P af &N");
  });

  it("puts the chart as a picture of its size at its place (placeholder outside a browser)", () => {
    const images = ws().getImages();
    expect(images).toHaveLength(1);
    const { tl, ext } = images[0].range as unknown as { tl: { nativeCol: number; nativeRow: number }; ext: { width: number; height: number } };
    // left 200 pt: past column A (96 pt) and B (48 pt), into C; top 40 pt: past row 1 (30 pt) into row 2
    expect([tl.nativeCol, tl.nativeRow]).toEqual([3, 1]);
    expect(ext).toEqual({ width: 400, height: 200 });
    const png = book.getImage(Number(images[0].imageId)).buffer as unknown as Uint8Array;
    expect(Buffer.from(png).equals(Buffer.from(placeholderPng(400, 200)))).toBe(true);
  });

  it("keeps a hidden sheet hidden", () => {
    expect(book.getWorksheet("~skjult")!.state).toBe("hidden");
    expect(book.worksheets.map((w) => w.name)).toEqual(["Ark1", "~skjult"]);
  });
});

describe("conversions", () => {
  it("column widths in points become Excel's character widths (48 pt is Excel's 8.43)", () => {
    expect(pointsToColumnWidth(48)).toBe(8.43);
    expect(pointsToColumnWidth(96)).toBe(17.57);
  });
  it("colours become ARGB; none stays none", () => {
    expect([toArgb("#ddebf7"), toArgb("#FFF"), toArgb("red"), toArgb("None"), toArgb(undefined)]).toEqual(["FFDDEBF7", "FFFFFFFF", "FFFF0000", undefined, undefined]);
  });
  it("functions newer than Excel 2007 get the _xlfn. prefix, outside string literals only", () => {
    expect(xlfn('IFS(A1>1,"T.TEST(",TRUE,T.TEST(A1:A3,B1:B3,2,3))')).toBe('_xlfn.IFS(A1>1,"T.TEST(",TRUE,_xlfn.T.TEST(A1:A3,B1:B3,2,3))');
    expect(xlfn("SUM(A1:A3)+COUNTIFS(B:B,1)")).toBe("SUM(A1:A3)+COUNTIFS(B:B,1)");
  });
  it("the placeholder is a PNG of the asked size", () => {
    const png = placeholderPng(123, 45);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const v = new DataView(png.buffer);
    expect([v.getUint32(16), v.getUint32(20)]).toEqual([123, 45]);
  });
});
