/**
 * Observation 2 of issue 9: every read of the case data goes through the one chunked reader in
 * src/excel/read.ts. Sync counts are the measured budget of each case (reported to the lead):
 * a whole-column selection used to take 138 syncs, and 15,000 rows with a 350-character notes
 * column failed with ResponsePayloadSizeLimitExceeded.
 */
import type { ExcelRun } from "../../src/excel/host";
import { readSelectionSource, readSheetSource, readSource } from "../../src/excel/comparisonStore";
import { READ_BUDGET_BYTES } from "../../src/excel/read";
import { createPreviewWorkbook, PAYLOAD_LIMIT_BYTES, type PreviewWorkbook } from "../../src/preview/workbook";
import { sampleCitizens } from "../../src/preview/sampleData";

const runOf = (wb: PreviewWorkbook): ExcelRun => wb.run.bind(wb);

/** `n` citizens copied from the sample (unique IDs), optionally with a notes column of `noteChars` characters. */
function bigSheet(n: number, noteChars = 0): (string | number | null)[][] {
  const { header, rows } = sampleCitizens();
  const note = (i: number): string => `Borger ${i}: ${"samtale om praktik, mentor og økonomi. ".repeat(20)}`.slice(0, noteChars);
  const head = noteChars > 0 ? [...header, "Noter"] : header;
  const body = Array.from({ length: n }, (_, i) => {
    const r = rows[i % rows.length].map((v, j) => (j === 0 ? `B${i + 1}` : v));
    return noteChars > 0 ? [...r, note(i)] : r;
  });
  return [head, ...body];
}

describe("one reader: sync counts", () => {
  test("the sample (61 rows × 13 columns): 1 + 1 syncs, from a selected cell and from the stored source", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.selectByUser("Borgere", { row: 3, column: 2, rowCount: 1, columnCount: 1 });
    wb.resetSyncCount();
    const input = await readSelectionSource(runOf(wb));
    expect(wb.syncCount).toBe(2);
    expect(input?.rows).toHaveLength(60);
    wb.resetSyncCount();
    await readSource(runOf(wb), { sheet: "Borgere", address: "A1:M61", layout: "wide" });
    expect(wb.syncCount).toBe(2);
  });

  test("20,001 rows (header + 20,000 citizens): 1 + 3 syncs, every response below the budget", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Data", "A1", bigSheet(20_000));
    wb.resetSyncCount();
    const input = await readSheetSource(runOf(wb), "Data");
    expect(input?.rows).toHaveLength(20_000);
    expect(input?.rows[19_999][0]).toBe("B20000");
    expect(wb.syncCount).toBe(4);
    expect(wb.maxResponseBytes).toBeLessThan(READ_BUDGET_BYTES);
  }, 30_000);

  test("whole columns A:M selected: cut to the used range, 2 syncs (was 138); Ctrl+A likewise", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    wb.selectByUser("Borgere", { row: 0, column: 0, rowCount: 1_048_576, columnCount: 13 });
    wb.resetSyncCount();
    const input = await readSelectionSource(runOf(wb));
    expect(wb.syncCount).toBe(2);
    expect(input?.address).toBe("A1:M61");
    expect(input?.rows).toHaveLength(60);
    wb.selectByUser("Borgere", { row: 0, column: 0, rowCount: 1_048_576, columnCount: 16_384 });
    wb.resetSyncCount();
    const all = await readSelectionSource(runOf(wb));
    expect(wb.syncCount).toBe(2);
    expect(all?.address).toBe("A1:M61");
  });

  test("whole columns A:M over 20,001 rows: 1 + 3 syncs", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Data", "A1", bigSheet(20_000));
    wb.selectByUser("Data", { row: 0, column: 0, rowCount: 1_048_576, columnCount: 13 });
    wb.resetSyncCount();
    const input = await readSelectionSource(runOf(wb));
    expect(input?.rows).toHaveLength(20_000);
    expect(wb.syncCount).toBe(4);
  }, 30_000);

  test("15,000 rows with a 350-character notes column: read (1 + 4 syncs) below the payload limit, no ResponsePayloadSizeLimitExceeded", async () => {
    const wb = createPreviewWorkbook();
    wb.setValues("Data", "A1", bigSheet(15_000, 350));
    wb.resetSyncCount();
    const input = await readSheetSource(runOf(wb), "Data");
    expect(input?.rows).toHaveLength(15_000);
    expect(String(input?.rows[14_999][13])).toHaveLength(350);
    expect(wb.syncCount).toBe(5);
    expect(wb.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }, 30_000);

  test("a chunk Excel rejects as too large is read again in halves: 200 rows of 30,000 characters", async () => {
    const wb = createPreviewWorkbook();
    const long = (i: number): string => `${i} ${"x".repeat(29_990)}`;
    wb.setValues("Data", "A1", [["ID", "Gruppe", "Noter"], ...Array.from({ length: 200 }, (_, i) => [`B${i}`, i % 2 ? "Indsats" : "Kontrol", long(i)])]);
    wb.resetSyncCount();
    const input = await readSheetSource(runOf(wb), "Data");
    expect(input?.rows).toHaveLength(200);
    expect(input?.rows[199][2]).toBe(long(199));
    // 1 extent + 1 rejected (201 rows, ~6 MB) + 2 halves of ~3 MB
    expect(wb.syncCount).toBe(4);
  });
});

describe("read.ts readSelectionRegion", () => {
  test("whole columns selected are cut to the used range: 2 syncs", async () => {
    const { readSelectionRegion } = await import("../../src/excel/read");
    const wb = createPreviewWorkbook({ sample: true });
    wb.selectByUser("Borgere", { row: 0, column: 1, rowCount: 1_048_576, columnCount: 3 });
    wb.resetSyncCount();
    const r = await readSelectionRegion(runOf(wb));
    expect(wb.syncCount).toBe(2);
    expect(r.address).toBe("Borgere!B1:D61");
    expect(r.values).toHaveLength(61);
  });
});
