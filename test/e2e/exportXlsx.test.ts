/**
 * "Hent projektmappen (.xlsx)" in the preview: the button saves the emulated workbook as a real
 * .xlsx file (ExcelJS loaded on demand in the browser), with the sample sheet's values and a chart
 * drawn as the preview shows it (a picture of the chart's size, not the placeholder).
 */
import * as ExcelJS from "exceljs";
import * as fs from "node:fs";
import type { Browser } from "playwright-core";
import { placeholderPng } from "../../src/preview/export/placeholderPng";
import { launchBrowser, openPreview, pageErrors } from "./harness";

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

describe("the preview's .xlsx download", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("saves the workbook with its values and the chart as a picture of its size", async () => {
    const page = await openPreview(browser);
    // A chart on the sample sheet, added through the emulated Excel API as the add-in would.
    await page.evaluate(async () => {
      const wb = (globalThis as unknown as { __virkningPreview: { run(f: (ctx: Excel.RequestContext) => Promise<void>): Promise<void> } }).__virkningPreview;
      await wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Noter");
        ws.getRange("C1:D3").values = [["Gruppe", "Antal"], ["Indsats", 30], ["Kontrol", 30]];
        const chart = ws.charts.add("ColumnClustered", ws.getRange("C1:D3"), "Auto");
        chart.title.text = "Borgere pr. gruppe";
        chart.setPosition("C5", "H20");
        await ctx.sync();
      });
    });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
    expect(download.suggestedFilename()).toBe("virkning-forhaandsvisning.xlsx");
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Borgere", "Noter"]);
    expect(book.getWorksheet("Borgere")!.getCell("A1").value).toBe("ID");
    expect(book.getWorksheet("Borgere")!.rowCount).toBe(61);
    const images = book.getWorksheet("Noter")!.getImages();
    expect(images).toHaveLength(1);
    const png = new Uint8Array(book.getImage(Number(images[0].imageId)).buffer as unknown as ArrayBuffer);
    const size = pngSize(png);
    expect(size.width).toBeGreaterThan(100);
    expect(Buffer.from(png).equals(Buffer.from(placeholderPng(size.width, size.height)))).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
