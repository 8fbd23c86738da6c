/**
 * Issue 9, observation 9: getSelectedRange() throws for a selection of several areas and with
 * "InvalidSelection" when a shape or chart is selected (office-js#2268); both reached the user as Excel's
 * generic error. Each now has its own Danish message; the preview refuses as Excel does.
 */
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { selectAreasByUser, selectShapeByUser } from "../../src/preview/workbook/api/selection";
import { readSelectionSource } from "../../src/excel/comparisonStore";
import { readSelectionRegion } from "../../src/excel/read";

afterEach(() => {
  globalThis.__virkningPreview = undefined;
});

describe("selections Excel refuses", () => {
  it("the preview refuses getSelectedRange like Excel: InvalidSelection", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    selectShapeByUser(wb, "Borgere");
    const err = await wb
      .run(async (ctx) => {
        ctx.workbook.getSelectedRange().load("address");
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe("InvalidSelection");
  });

  it("several areas selected with Ctrl: a message saying so", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    selectAreasByUser(wb, "Borgere", [
      { row: 0, column: 0, rowCount: 61, columnCount: 2 },
      { row: 0, column: 9, rowCount: 61, columnCount: 4 },
    ]);
    const err = await readSelectionSource(wb.run.bind(wb)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "SELECTION_SEVERAL_AREAS" });
    expect((err as Error).message).toContain("Der er markeret 2 områder på én gang (med Ctrl).");
    await expect(readSelectionRegion(wb.run.bind(wb))).rejects.toMatchObject({ code: "SELECTION_SEVERAL_AREAS" });
  });

  it("a shape or chart selected: a message saying so; clicking a cell again reads the data", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    selectShapeByUser(wb, "Borgere");
    await expect(readSelectionSource(wb.run.bind(wb))).rejects.toMatchObject({
      code: "SELECTION_NOT_CELLS",
      message: 'Der er markeret en figur eller et diagram, ikke celler. Klik på en celle i dine data, og tryk på "Brug markering" igen.',
    });
    wb.selectByUser("Borgere", { row: 3, column: 3, rowCount: 1, columnCount: 1 });
    expect((await readSelectionSource(wb.run.bind(wb)))?.rows).toHaveLength(60);
  });

  it("without ExcelApi 1.9 one message covers both", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.apiVersion = "1.8";
    globalThis.__virkningPreview = wb;
    selectShapeByUser(wb, "Borgere");
    await expect(readSelectionSource(wb.run.bind(wb))).rejects.toMatchObject({ code: "SELECTION_NOT_A_RANGE" });
  });
});
