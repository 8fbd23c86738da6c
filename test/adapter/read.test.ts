/** Reading cells through src/excel/read.ts against the preview workbook. */
import type { ExcelRun } from "../../src/excel/host";
import { listSheets, listTables, readRange, readSelectionRegion, readUsedRange, READ_BUDGET_BYTES } from "../../src/excel/read";
import { createPreviewWorkbook, PAYLOAD_LIMIT_BYTES, type PreviewWorkbook } from "../../src/preview/workbook";
import { sampleCitizens } from "../../src/preview/sampleData";

const runOf = (wb: PreviewWorkbook): ExcelRun => wb.run.bind(wb);

describe("readUsedRange", () => {
  test("reads the sample sheet: header, 60 citizens, empty cells as null", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const r = await readUsedRange(runOf(wb), "Borgere");
    const { header, rows } = sampleCitizens();
    expect(r).toMatchObject({ sheet: "Borgere", address: "Borgere!A1:M61", rowIndex: 0, columnIndex: 0, mergedAreas: [] });
    expect(r.values[0]).toEqual(header);
    expect(r.values.slice(1)).toEqual(rows);
    expect(r.values.slice(1).some((row) => row[12] === null)).toBe(true);
    expect(wb.syncCount).toBe(1 + r.chunks);
    expect(r.chunks).toBe(1);
  });

  test("200,000 rows × 13 columns are read in chunks below the payload limit; syncs = 1 + chunks", async () => {
    const wb = createPreviewWorkbook();
    const { header, rows } = sampleCitizens();
    const n = 200_000;
    const big = [header, ...Array.from({ length: n }, (_, i) => rows[i % rows.length].map((v, j) => (j === 0 ? `B${i + 1}` : v)))];
    wb.setValues("Stor", "A1", big);
    const total = JSON.stringify(big).length;
    wb.resetSyncCount();
    const r = await readUsedRange(runOf(wb), "Stor");
    expect(r.values).toHaveLength(n + 1);
    expect(r.values[n][0]).toBe(`B${n}`);
    expect(r.values[n].slice(1)).toEqual(rows[(n - 1) % rows.length].slice(1).map((v) => v));
    expect(r.chunks).toBeGreaterThanOrEqual(Math.ceil(total / READ_BUDGET_BYTES));
    expect(wb.syncCount).toBe(1 + r.chunks);
    expect(wb.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }, 60_000);

  test("an empty sheet gives no values; a missing sheet a Danish SHEET_NOT_FOUND", async () => {
    const wb = createPreviewWorkbook();
    const r = await readUsedRange(runOf(wb), "Ark1");
    expect(r.values).toEqual([]);
    expect(wb.syncCount).toBe(1);
    await expect(readUsedRange(runOf(wb), "Mangler")).rejects.toMatchObject({ code: "SHEET_NOT_FOUND", message: 'Arket "Mangler" findes ikke i projektmappen.' });
  });
});

describe("readRange", () => {
  test("returns values, number formats and merged areas of the range", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Data", "B2", [
      ["Gruppe", "Andel"],
      ["Indsats", 0.25],
      ["Kontrol", null],
    ]);
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.getRange("C3").numberFormat = [["0.0%"]];
      ws.getRange("B5:C5").merge();
      await context.sync();
    });
    wb.resetSyncCount();
    const r = await readRange(runOf(wb), "Data", "B2:C5", { numberFormats: true });
    expect(r).toEqual({
      sheet: "Data",
      address: "Data!B2:C5",
      rowIndex: 1,
      columnIndex: 1,
      values: [
        ["Gruppe", "Andel"],
        ["Indsats", 0.25],
        ["Kontrol", null],
        [null, null],
      ],
      numberFormats: [
        ["General", "General"],
        ["General", "0.0%"],
        ["General", "General"],
        ["General", "General"],
      ],
      mergedAreas: ["Data!B5:C5"],
      chunks: 1,
    });
    expect(wb.syncCount).toBe(2);
  });

  test("on Excel without ExcelApi 1.13 the same ranges are read, without merged areas", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Data", "B2", [
      ["Gruppe", "Andel"],
      ["Indsats", 0.25],
    ]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("B4:C4").merge();
      await context.sync();
    });
    wb.apiVersion = "1.12";
    globalThis.__virkningPreview = wb;
    try {
      const r = await readRange(runOf(wb), "Data", "B2:C4");
      expect(r.values).toEqual([
        ["Gruppe", "Andel"],
        ["Indsats", 0.25],
        [null, null],
      ]);
      expect(r.mergedAreas).toEqual([]);
      const u = await readUsedRange(runOf(wb), "Data");
      expect(u.address).toBe("Data!B2:C3");
      wb.selectByUser("Data", { row: 1, column: 1, rowCount: 1, columnCount: 1 });
      expect((await readSelectionRegion(runOf(wb))).values[1]).toEqual(["Indsats", 0.25]);
    } finally {
      globalThis.__virkningPreview = undefined;
    }
  });

  test("whole columns are read down to the last used row only", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const r = await readRange(runOf(wb), "Borgere", "B:C");
    expect(r.values).toHaveLength(61);
    expect(r.values[0]).toEqual(["Gruppe", "Køn"]);
  });
});

describe("readSelectionRegion", () => {
  test("one selected cell: the block around it bounded by empty rows and columns", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.setValues("Borgere", "P1", [["note ved siden af"]]); // separated by an empty column
    wb.selectByUser("Borgere", { row: 10, column: 3, rowCount: 1, columnCount: 1 });
    wb.resetSyncCount();
    const r = await readSelectionRegion(runOf(wb));
    expect(r.address).toBe("Borgere!A1:M61");
    expect(r.values).toHaveLength(61);
    expect(wb.syncCount).toBe(1 + r.chunks);
  });

  test("several cells selected: exactly the selection", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.selectByUser("Borgere", { row: 0, column: 0, rowCount: 11, columnCount: 4 });
    const r = await readSelectionRegion(runOf(wb));
    expect(r.address).toBe("Borgere!A1:D11");
    expect(r.values[0]).toEqual(["ID", "Gruppe", "Køn", "Alder"]);
  });

  test("without ExcelApi 1.7 the region is computed from the used range with the same result", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Ark1", "B2", [
      ["a", "b"],
      [1, 2],
    ]);
    wb.setValues("Ark1", "E8", [["x"]]);
    wb.selectByUser("Ark1", { row: 2, column: 2, rowCount: 1, columnCount: 1 });
    const modern = await readSelectionRegion(runOf(wb));
    wb.apiVersion = "1.6";
    globalThis.__virkningPreview = wb;
    try {
      const old = await readSelectionRegion(runOf(wb));
      expect(old).toEqual({ ...modern, chunks: old.chunks });
      expect(old.address).toBe("Ark1!B2:C3");
    } finally {
      globalThis.__virkningPreview = undefined;
    }
  });
});

describe("lists", () => {
  test("listSheets in tab order (1 sync) and listTables with sheet and address", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await wb.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Borgere").tables.add("A1:M61", true);
      t.name = "tblBorgere";
      await context.sync();
    });
    wb.resetSyncCount();
    const sheets = await listSheets(runOf(wb));
    expect(sheets.map((s) => [s.name, s.position, s.visible])).toEqual([
      ["Borgere", 0, true],
      ["Noter", 1, true],
    ]);
    expect(wb.syncCount).toBe(1);
    expect(await listTables(runOf(wb))).toEqual([{ name: "tblBorgere", sheet: "Borgere", address: "Borgere!A1:M61" }]);
  });
});

describe("missing sheets", () => {
  test("readRange on a missing sheet: SHEET_NOT_FOUND", async () => {
    const wb = createPreviewWorkbook();
    await expect(readRange(runOf(wb), "Væk", "A1:B2")).rejects.toMatchObject({ code: "SHEET_NOT_FOUND", location: { sheet: "Væk" } });
  });
});
