/**
 * The comparison's workbook I/O end to end against the preview workbook: reading the sample data,
 * storing the settings, writing the "Sammenligning" sheet, re-running after a data change, and refusing
 * bad input without touching the workbook. Sync counts are asserted exactly.
 */
import { walk } from "../unit/report/walk";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import {
  loadComparisonSettings,
  readSelectionSource,
  listSources,
  readSheetSource,
  readSource,
  readTableSource,
  runAndWriteComparison,
  saveComparisonSettings,
  writeComparison,
} from "../../src/excel/comparisonStore";
import { suggestSettings, runComparison, type ComparisonSettings } from "../../src/core/analysis";
import { comparisonSheetSpec } from "../../src/core/analysis/comparisonSheet";
import { VirkningError } from "../../src/core/errors";

const OUTCOME = "Afklaret til job/uddannelse";
const OUTCOME_STATUSES = ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"];

function sample(): PreviewWorkbook {
  return createPreviewWorkbook({ sample: true });
}

/** Every cell of a sheet (value, formula, number format, format) as one string. */
function snapshotSheet(wb: PreviewWorkbook, name: string): string {
  const sheet = wb.getSheet(name);
  if (!sheet) return "(missing)";
  const { rowCount, columnCount } = sheet.usedExtent();
  const cells: unknown[] = [];
  for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) cells.push(sheet.getCell(r, c) ?? null);
  return JSON.stringify({ rowCount, columnCount, cells, merges: sheet.merges, tables: sheet.tables.map((t) => t.name) });
}

function snapshotBook(wb: PreviewWorkbook): string {
  return JSON.stringify(wb.sheetNames().map((n) => [n, snapshotSheet(wb, n)]));
}

/** Counts on the "Borgere" sheet itself: citizens in `group` whose status at column `col` is in `statuses`. */
function countOnSheet(wb: PreviewWorkbook, group: string, col: number, statuses: string[]): number {
  const s = wb.getSheet("Borgere");
  if (!s) throw new Error("no Borgere");
  let n = 0;
  for (let r = 1; r < s.usedExtent().rowCount; r++) {
    if (s.getCell(r, 1)?.value !== group) continue;
    const v = s.getCell(r, col)?.value;
    if (typeof v === "string" && statuses.includes(v)) n++;
  }
  return n;
}

/** The intervention x at 18 months for OUTCOME on the results sheet (row "18 mdr." below the outcome's title). */
function resultX18(wb: PreviewWorkbook): number {
  const s = wb.getSheet("Sammenligning");
  if (!s) throw new Error("no Sammenligning");
  const rows = s.usedExtent().rowCount;
  let start = -1;
  for (let r = 0; r < rows; r++) {
    const v = s.getCell(r, 0)?.value;
    if (typeof v === "string" && v.startsWith(OUTCOME)) {
      start = r;
      break;
    }
  }
  if (start < 0) throw new Error("outcome not on the sheet");
  for (let r = start + 1; r < rows; r++) if (s.getCell(r, 0)?.value === "18 mdr.") return s.getCell(r, 1)?.value as number;
  throw new Error("no 18-month row");
}

async function setup(wb: PreviewWorkbook): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  const input = await readSelectionSource(wb.run.bind(wb));
  if (!input) throw new Error("no data");
  return suggestSettings(input, "da");
}

describe("reading the case data", () => {
  it("reads the current region around the selection: header in row 1, 60 citizens, 1 + chunks syncs", async () => {
    const wb = sample();
    wb.selectByUser("Borgere", { row: 10, column: 3, rowCount: 1, columnCount: 1 });
    wb.resetSyncCount();
    const input = await readSelectionSource(wb.run.bind(wb));
    expect(wb.syncCount).toBe(2);
    expect(wb.syncCount).toBe(2);
    expect(input?.sheet).toBe("Borgere");
    expect(input?.address).toBe("A1:M61");
    expect(input?.header[0]).toBe("ID");
    expect(input?.header[12]).toBe("Status 18 mdr");
    expect(input?.rows).toHaveLength(60);
  });

  it("with several cells selected, reads exactly the selection", async () => {
    const wb = sample();
    wb.selectByUser("Borgere", { row: 0, column: 0, rowCount: 41, columnCount: 13 });
    wb.resetSyncCount();
    const input = await readSelectionSource(wb.run.bind(wb));
    expect(wb.syncCount).toBe(2);
    expect(input?.address).toBe("A1:M41");
    expect(input?.rows).toHaveLength(40);
  });

  it("reads the stored source in 1 + chunks syncs and includes rows added directly below", async () => {
    const wb = sample();
    const settings = await setup(wb);
    expect(settings.source).toMatchObject({ sheet: "Borgere", address: "A1:M61", layout: "wide" });
    expect(settings.source.header?.[10]).toBe("Status 6 mdr");
    wb.resetSyncCount();
    const before = await readSource(wb.run.bind(wb), settings.source);
    expect(wb.syncCount).toBe(2);
    expect(before.rows).toHaveLength(60);
    // A new citizen typed in row 62, and a note further down after an empty row.
    const typed = ["B061", "Indsats", "Mand", "40", "Dansk", "Grundskole", "Nej", "Enlig", "2", "Kontanthjælp", "Jobparat", "", ""];
    typed.forEach((t, c) => wb.setCellByUser("Borgere", 61, c, t));
    wb.setCellByUser("Borgere", 64, 0, "Note: udtræk fra fagsystemet");
    wb.resetSyncCount();
    const after = await readSource(wb.run.bind(wb), settings.source);
    expect(wb.syncCount).toBe(2);
    expect(after.address).toBe("A1:M62");
    expect(after.rows).toHaveLength(61);
    expect(after.rows[60][0]).toBe("B061");
  });

  it("lists sheets and tables, and reads a table in 1 + chunks syncs", async () => {
    const wb = sample();
    await wb.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Borgere").tables.add("A1:M61", true);
      t.name = "Borgertabel";
      await ctx.sync();
    });
    wb.resetSyncCount();
    const list = await listSources(wb.run.bind(wb));
    expect(wb.syncCount).toBe(2);
    expect(list).toEqual({ sheets: ["Borgere", "Noter"], tables: [{ name: "Borgertabel", sheet: "Borgere" }] });
    wb.resetSyncCount();
    const input = await readTableSource(wb.run.bind(wb), "Borgertabel");
    expect(wb.syncCount).toBe(2);
    expect(input?.address).toBe("A1:M61");
    expect(input?.rows).toHaveLength(60);
    await expect(readTableSource(wb.run.bind(wb), "Findes ikke")).rejects.toMatchObject({ code: "TABLE_MISSING" });
  });

  it("a sheet without a header row is refused with a Danish message naming the range", async () => {
    const wb = createPreviewWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange("B2:C4").values = [
        [1, 2],
        [3, 4],
        [5, 6],
      ];
      await ctx.sync();
    });
    const err = await readSheetSource(wb.run.bind(wb), "Ark1").catch((e: unknown) => e);
    expect((err as VirkningError).code).toBe("NO_HEADER");
    expect((err as VirkningError).message).toContain("Ark1!B2:C4");
    const empty = createPreviewWorkbook();
    expect(await readSheetSource(empty.run.bind(empty), "Ark1")).toBeNull();
  });

  it("splits a large sheet into row chunks, one sync each (1 + chunks)", async () => {
    const wb = createPreviewWorkbook();
    const rows = 20000;
    const header = ["ID", "Gruppe", "Alder", "Status 0 mdr", "Status 6 mdr", "Status 12 mdr"];
    const values: (string | number)[][] = [header];
    for (let i = 0; i < rows; i++) values.push([`P${i}`, i % 2 ? "Indsats" : "Kontrol", 20 + (i % 40), "Kontanthjælp", i % 3 ? "Jobparat" : "Kontanthjælp", "Uddannelse"]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange(`A1:F${rows + 1}`).values = values;
      await ctx.sync();
    });
    wb.resetSyncCount();
    const input = await readSheetSource(wb.run.bind(wb), "Ark1");
    // first chunk sized at 72 bytes a cell (4,273 rows), the rest from the widest row seen
    expect(wb.syncCount).toBe(1 + 2);
    expect(input?.rows).toHaveLength(rows);
    expect(input?.rows[rows - 1][0]).toBe(`P${rows - 1}`);
  });
});

describe("dates in the case data", () => {
  it("a column of Excel dates (date-formatted numbers) reaches core as dates, shown as dd-mm-åååå", async () => {
    const wb = sample();
    const serials = Array.from({ length: 60 }, (_, i) => 45293 + i * 3);
    wb.setValues("Borgere", "N1", [["Inkluderet"], ...serials.map((v) => [v])]);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Borgere").getRange("N2:N61").numberFormat = serials.map(() => ["dd-mm-yyyy"]);
      await ctx.sync();
    });
    const input = await readSheetSource(wb.run.bind(wb), "Borgere");
    expect(input!.numberFormats?.[0][13]).toBe("dd-mm-yyyy");
    const settings = suggestSettings(input!, "da");
    settings.columns.baseline = [{ column: 13, type: "continuous" }];
    const result = runComparison(input!, settings);
    const v = result.baseline.variables[0];
    expect(v.type === "continuous" && v.isDate).toBe(true);
    // Tabel 1: median, earliest and latest date as date serials shown dd-mm-yyyy (the earliest is 02-01-2024)
    const cells = walk(comparisonSheetSpec(result, "da"));
    const earliest = cells.find((c) => c.column === 1 && c.value === "Mindste")!;
    const shown = cells.filter((c) => c.row === earliest.row && (c.column === 3 || c.column === 5)).map((c) => [c.value, c.format]);
    expect(shown).toContainEqual([45293, "dd-mm-yyyy"]);
    expect(shown.every(([v, f]) => typeof v === "number" && f === "dd-mm-yyyy")).toBe(true);
  });
});

describe("settings in the workbook", () => {
  it("are saved (2 syncs: the other named analyses are read and kept) and restored (1 sync) unchanged; none stored gives null", async () => {
    const wb = sample();
    expect(await loadComparisonSettings(wb.run.bind(wb))).toBeNull();
    const settings = await setup(wb);
    const edited: ComparisonSettings = { ...settings, testPolicy: "fisher", baselinePValues: true, outcomes: [{ id: "x", name: "Job", statuses: ["Jobparat"] }] };
    wb.resetSyncCount();
    await saveComparisonSettings(wb.run.bind(wb), edited);
    expect(wb.syncCount).toBe(2);
    wb.resetSyncCount();
    const loaded = await loadComparisonSettings(wb.run.bind(wb));
    expect(wb.syncCount).toBe(1);
    expect(loaded).toEqual(edited);
  });
});

describe("writing the results", () => {
  it("writes Sammenligning in exactly 4 syncs, leaves the user's sheets untouched cell for cell", async () => {
    const wb = sample();
    const settings = await setup(wb);
    const borgere = snapshotSheet(wb, "Borgere");
    const noter = snapshotSheet(wb, "Noter");
    const input = await readSource(wb.run.bind(wb), settings.source);
    const spec = comparisonSheetSpec(runComparison(input, settings), "da");
    wb.resetSyncCount();
    await writeComparison(wb.run.bind(wb), spec);
    expect(wb.syncCount).toBe(4);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter", "Sammenligning"]);
    expect(wb.activeSheetName).toBe("Sammenligning");
    expect(snapshotSheet(wb, "Borgere")).toBe(borgere);
    expect(snapshotSheet(wb, "Noter")).toBe(noter);
    // The number on the sheet is what the data say (counted here from the cells, not by the analysis).
    expect(resultX18(wb)).toBe(countOnSheet(wb, "Indsats", 12, OUTCOME_STATUSES));
  });

  it("a full run costs (1 + chunks) reads + 4 writes (5 when the sheet is regenerated); Kør igen after a status change changes the number", async () => {
    const wb = sample();
    const settings = await setup(wb);
    const run = wb.run.bind(wb);
    wb.resetSyncCount();
    await runAndWriteComparison(run, settings, { lang: "da" });
    expect(wb.syncCount).toBe(2 + 4); // read (1 + 1 chunk) + write a new sheet
    const x0 = resultX18(wb);
    expect(x0).toBe(countOnSheet(wb, "Indsats", 12, OUTCOME_STATUSES));
    // The results sheet is the add-in's: it is not offered as a data source, and a selection in it is refused.
    expect((await listSources(run)).sheets).toEqual(["Borgere", "Noter"]);
    wb.activateSheetByUser("Sammenligning");
    wb.selectByUser("Sammenligning", { row: 20, column: 1, rowCount: 1, columnCount: 1 });
    await expect(readSelectionSource(run)).rejects.toMatchObject({ code: "SOURCE_IS_OWNED" });
    // Find an Indsats citizen whose 18-month status does not count, and make it "Uddannelse".
    const s = wb.getSheet("Borgere");
    let row = -1;
    for (let r = 1; r <= 60 && row < 0; r++) {
      const v = s?.getCell(r, 12)?.value;
      if (s?.getCell(r, 1)?.value === "Indsats" && typeof v === "string" && !OUTCOME_STATUSES.includes(v) && v !== "Fraflyttet") row = r;
    }
    expect(row).toBeGreaterThan(0);
    const borgere = () => snapshotSheet(wb, "Borgere");
    wb.setCellByUser("Borgere", row, 12, "Uddannelse");
    const afterEdit = borgere();
    const noter = snapshotSheet(wb, "Noter");
    wb.resetSyncCount();
    await runAndWriteComparison(run, settings, { lang: "da" });
    expect(wb.syncCount).toBe(2 + 5); // read + regenerate the sheet
    expect(resultX18(wb)).toBe(x0 + 1);
    // Kør igen replaces only the results sheet: the user's sheets are unchanged cell for cell
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter", "Sammenligning"]);
    expect(borgere()).toBe(afterEdit);
    expect(snapshotSheet(wb, "Noter")).toBe(noter);
  });
});

describe("the written sheet is report-ready (read back through the API, as Excel shows it)", () => {
  it("footer with page codes, p-values as numbers shown by their format, data labels on the outcome charts, one wrapped cell per note", async () => {
    const wb = sample();
    const settings = await setup(wb);
    const run = wb.run.bind(wb);
    await runAndWriteComparison(run, settings, { lang: "da" });
    const s = wb.getSheet("Sammenligning");
    if (!s) throw new Error("no sheet");
    const rows = s.usedExtent().rowCount;
    const head = Array.from({ length: rows }, (_, r) => r).find((r) => s.getCell(r, 10)?.value === "p-værdi" && s.getCell(r, 0)?.value === "Opfølgning");
    if (head === undefined) throw new Error("no outcome table");
    const read = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sammenligning");
      const hf = ws.pageLayout.headersFooters.defaultForAllPages.load("leftFooter,rightFooter");
      const p = ws.getRange(`K${head + 2}`).load("values,text,numberFormat");
      const labels = ws.charts.getItem("Udfald1").dataLabels.load("showValue");
      await ctx.sync();
      return { left: hf.leftFooter, right: hf.rightFooter, p: p.values[0][0] as unknown, pText: p.text[0][0], labels: labels.showValue };
    });
    expect(read.right).toBe("Side &P af &N · &D");
    expect(read.left).toMatch(/Virkning 0\.1\.0$/);
    expect(typeof read.p).toBe("number");
    expect(read.pText).toMatch(/^(<0,001|[01],\d{3})$/);
    expect(read.labels).toBe(true);
    // a note longer than a line is one cell whose row is as high as its lines
    const long = Array.from({ length: rows }, (_, r) => r).find((r) => String(s.getCell(r, 0)?.value ?? "").length > 200);
    if (long === undefined) throw new Error("no long note");
    expect(s.rowHeight(long)).toBeGreaterThanOrEqual(30);
    expect(s.formatAt(long, 0)?.wrapText).toBe(true);
  });
});

describe("bad input writes nothing", () => {
  it("an unknown group label: the problem names sheet and cell; sheets and cells unchanged", async () => {
    const wb = sample();
    const settings = await setup(wb);
    const run = wb.run.bind(wb);
    await runAndWriteComparison(run, settings, { lang: "da" });
    wb.setCellByUser("Borgere", 7, 1, "Ukendt");
    const before = snapshotBook(wb);
    const err = await runAndWriteComparison(run, settings, { lang: "da" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirkningError);
    expect((err as VirkningError).message).toMatch(/"Ukendt".*Borgere!B8/);
    expect(snapshotBook(wb)).toBe(before);
  });

  it("a new status that is not classified blocks, naming it", async () => {
    const wb = sample();
    const settings = await setup(wb);
    wb.setCellByUser("Borgere", 3, 11, "Sygedagpenge");
    const before = snapshotBook(wb);
    const err = await runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" }).catch((e: unknown) => e);
    expect((err as VirkningError).message).toMatch(/Sygedagpenge.*ikke klassificeret/);
    expect(snapshotBook(wb)).toBe(before);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });

  it("a CPR-like ID blocks the analysis with the explanation, nothing written", async () => {
    const wb = sample();
    const settings = await setup(wb);
    wb.setCellByUser("Borgere", 5, 0, "010190-1234");
    const before = snapshotBook(wb);
    const err = await runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" }).catch((e: unknown) => e);
    expect((err as VirkningError).code).toBe("CPR_FOUND");
    expect((err as VirkningError).message).toMatch(/CPR-numre/);
    expect((err as VirkningError).message).toMatch(/A6/);
    expect(snapshotBook(wb)).toBe(before);
  });

  it("a merged cell inside the data: the run fails naming sheet and cell, nothing written (Excel on the web, the preview's default)", async () => {
    const wb = sample();
    const settings = await setup(wb);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Borgere").getRange("C5:C6").merge();
      await ctx.sync();
    });
    const sheetsBefore = wb.sheetNames();
    const before = snapshotBook(wb);
    // The pane's global host: the preview page puts the workbook itself there.
    globalThis.__virkningPreview = wb;
    try {
      const err = await runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VirkningError);
      expect((err as VirkningError).message).toContain("Borgere!C5:C6 er flettet");
      // Reading the data afresh (the "1. Data" step) reports it too.
      wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
      const input = await readSelectionSource(wb.run.bind(wb));
      expect(() => runComparison(input!, settings)).toThrow(/Borgere!C5:C6 er flettet/);
    } finally {
      globalThis.__virkningPreview = undefined;
    }
    expect(wb.sheetNames()).toEqual(sheetsBefore);
    expect(snapshotBook(wb)).toBe(before);
  });

  it("on Excel without ExcelApi 1.13 (no merged areas) the data are still read and analysed", async () => {
    const wb = sample();
    const settings = await setup(wb);
    wb.apiVersion = "1.12";
    globalThis.__virkningPreview = wb;
    try {
      const input = await readSource(wb.run.bind(wb), settings.source);
      expect(input.rows).toHaveLength(60);
      const sheet = await readSheetSource(wb.run.bind(wb), "Borgere");
      expect(sheet!.rows).toHaveLength(60);
      wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
      expect((await readSelectionSource(wb.run.bind(wb)))!.rows).toHaveLength(60);
      await runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" });
      expect(wb.sheetNames()).toContain("Sammenligning");
    } finally {
      globalThis.__virkningPreview = undefined;
    }
  });

  it("the emulation rejects merged-area requests below ExcelApi 1.13, as older Excel does", async () => {
    const wb = sample();
    wb.apiVersion = "1.12";
    const err = await wb
      .run(async (ctx) => {
        const areas = ctx.workbook.worksheets.getItem("Borgere").getRange("A1:C3").getMergedAreasOrNullObject().load("address");
        await ctx.sync();
        return areas;
      })
      .catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe("ApiNotFound");
  });

  it("an empty row inside the data is named (not a silent cut of the rows below), nothing written", async () => {
    const wb = sample();
    for (let c = 0; c < 13; c++) wb.setCellByUser("Borgere", 9, c, "");
    const before = snapshotBook(wb);
    wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
    const input = await readSelectionSource(wb.run.bind(wb));
    // the rows below the empty row 10 are read, not left out
    expect(input!.rows).toHaveLength(60);
    const settings = suggestSettings({ ...input!, rows: input!.rows.filter((r) => r.some((v) => v !== null)) }, "da");
    expect(() => runComparison(input!, settings)).toThrow("Række 10 (Borgere!A10) er tom, men der er data under den.");
    await saveComparisonSettings(wb.run.bind(wb), settings);
    const saved = snapshotBook(wb);
    const err = await runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" }).catch((e: unknown) => e);
    expect((err as VirkningError).message).toContain("Række 10 (Borgere!A10) er tom");
    expect(snapshotBook(wb)).toBe(saved);
    expect(wb.sheetNames()).toEqual(JSON.parse(before).map((x: [string, string]) => x[0]));
  });

  it("a merged cell below an empty row inside the data is reported too", async () => {
    const wb = sample();
    for (let c = 0; c < 13; c++) wb.setCellByUser("Borgere", 9, c, "");
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Borgere").getRange("C30:C31").merge();
      await ctx.sync();
    });
    wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
    wb.resetSyncCount();
    const input = await readSelectionSource(wb.run.bind(wb));
    expect(wb.syncCount).toBe(2);
    expect(input!.mergedAreas).toEqual(["Borgere!C30:C31"]);
  });

  it("a note two rows below the data is not data: the 60 rows are read and analysed", async () => {
    const wb = sample();
    wb.setCellByUser("Borgere", 62, 0, "Kilde: fagsystemet, udtræk 1. november");
    wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
    const input = await readSelectionSource(wb.run.bind(wb));
    expect(input!.rows).toHaveLength(60);
    const settings = suggestSettings(input!, "da");
    expect(runComparison(input!, settings).header.rowCount).toBe(60);
    expect((await readSource(wb.run.bind(wb), settings.source)).rows).toHaveLength(60);
  });

  it("a data sheet that was deleted is reported in Danish, nothing written", async () => {
    const wb = sample();
    const settings = await setup(wb);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Borgere").delete();
      await ctx.sync();
    });
    const before = snapshotBook(wb);
    const err = await runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" }).catch((e: unknown) => e);
    expect((err as VirkningError).code).toBe("SOURCE_SHEET_MISSING");
    expect((err as VirkningError).message).toBe('Arket "Borgere" med dataene findes ikke længere. Vælg dataene igen under "1. Data".');
    await expect(readSheetSource(wb.run.bind(wb), "Borgere")).rejects.toMatchObject({ code: "SOURCE_SHEET_MISSING" });
    expect(snapshotBook(wb)).toBe(before);
  });

  it("a user sheet called Sammenligning is never overwritten", async () => {
    const wb = sample();
    const settings = await setup(wb);
    wb.addSheetDirect("Sammenligning");
    wb.setCellByUser("Sammenligning", 0, 0, "Mine egne tal");
    const before = snapshotBook(wb);
    const err = await runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" }).catch((e: unknown) => e);
    expect((err as VirkningError).code).toBe("SHEET_NOT_OWNED");
    expect(snapshotBook(wb)).toBe(before);
  });
});
