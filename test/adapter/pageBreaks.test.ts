/**
 * Print scale and manual page breaks through the renderer, against the preview (ExcelApi 1.9:
 * PageLayout.zoom, Worksheet.horizontalPageBreaks): the breaks land above the given rows and are
 * replaced, not added to, on regeneration; a scale outside Excel's 10–400 is refused and nothing is
 * written (the render is transactional).
 */
import type { SheetSpec } from "../../src/core/report/sheetSpec";
import { renderSheets } from "../../src/excel/render";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import type { SheetState } from "../../src/preview/workbook/state";

const spec = (scale: number, rowBreaks: number[]): SheetSpec => ({
  name: "Side",
  cells: [{ address: "A1", values: Array.from({ length: 30 }, (_, i) => [`række ${i + 1}`]) }],
  pageSetup: { orientation: "landscape", paperSize: "A4", scale, rowBreaks },
});

test("scale and page breaks are set, and a regeneration replaces the breaks", async () => {
  const wb = createPreviewWorkbook();
  const run = wb.run.bind(wb);
  await renderSheets(run, [spec(84, [10, 20])]);
  const s = wb.getSheet("Side") as unknown as SheetState;
  expect(s.zoom.scale).toBe(84);
  // 0-based rows that start a page: above row 10 and row 20
  expect(s.rowBreaks).toEqual([9, 19]);
  await renderSheets(run, [spec(90, [15])]);
  const again = wb.getSheet("Side") as unknown as SheetState;
  expect(again.zoom.scale).toBe(90);
  expect(again.rowBreaks).toEqual([14]);
});

test("a scale Excel refuses (9, 401 or not whole) is refused before anything is written", async () => {
  for (const scale of [9, 401, 84.5]) {
    const wb = createPreviewWorkbook();
    const run = wb.run.bind(wb);
    await expect(renderSheets(run, [spec(scale, [10])])).rejects.toBeDefined();
    expect(wb.getSheet("Side")).toBeUndefined();
  }
});

test("the preview refuses what Excel refuses: a zoom scale outside 10–400 or not whole, an unreadable break address", async () => {
  const wb = createPreviewWorkbook();
  const run = wb.run.bind(wb);
  for (const scale of [9, 401, 84.5]) {
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().pageLayout.zoom = { scale };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  }
  await expect(
    run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().horizontalPageBreaks.add("A0");
      await ctx.sync();
    }),
  ).rejects.toBeDefined();
});
