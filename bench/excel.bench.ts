/// <reference types="office-js" />
/**
 * src/excel against the preview workbook: rendering a large output sheet and reading a large
 * data sheet in chunks. Reports time, syncs and the largest request/response payload per sync.
 * The times measure the adapters plus the emulation (not Excel); the sync counts and payload sizes
 * are what carries over to Excel on the web (5 MB per request/response).
 */
import { renderSheets } from "../src/excel/render";
import { readUsedRange } from "../src/excel/read";
import type { ExcelRun } from "../src/excel/host";
import type { SheetSpec } from "../src/core/report/sheetSpec";
import { createPreviewWorkbook } from "../src/preview/workbook";
import { sampleCitizens } from "../src/preview/sampleData";

export interface BenchRow {
  name: string;
  ms: number;
  targetMs?: number;
  peakMB?: number;
  note?: string;
}

function rowsOf(n: number): (string | number | null)[][] {
  const { header, rows } = sampleCitizens();
  return [header, ...Array.from({ length: n }, (_, i) => rows[i % rows.length].map((v, j) => (j === 0 ? `B${i + 1}` : v)))];
}

export async function run(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  {
    const wb = createPreviewWorkbook({ sample: true });
    const runner: ExcelRun = wb.run.bind(wb);
    const values = rowsOf(10_000);
    const spec: SheetSpec = {
      name: "Resultater",
      cells: [{ address: "A1", values }],
      styles: [{ range: "A1:M1", style: { bold: true, border: "bottom" } }],
      tables: [{ name: "tblData", range: `A1:M${values.length}`, style: "TableStyleLight9" }],
      freeze: { rows: 1, columns: 0 },
    };
    const t = performance.now();
    await renderSheets(runner, [spec]);
    out.push({ name: "renderSheets 10,000 × 13 with table", ms: performance.now() - t, targetMs: 3000, note: `${wb.syncCount} syncs, max request ${(wb.maxRequestBytes / 1e6).toFixed(2)} MB` });
  }
  {
    const wb = createPreviewWorkbook();
    const runner: ExcelRun = wb.run.bind(wb);
    wb.setValues("Data", "A1", rowsOf(200_000));
    wb.resetSyncCount();
    const t = performance.now();
    const r = await readUsedRange(runner, "Data");
    out.push({
      name: "readUsedRange 200,000 × 13 in chunks",
      ms: performance.now() - t,
      targetMs: 10000,
      peakMB: process.memoryUsage().rss / 1e6,
      note: `${wb.syncCount} syncs (${r.chunks} chunks), max response ${(wb.maxResponseBytes / 1e6).toFixed(2)} MB`,
    });
  }
  {
    // The full scale: every row of a worksheet (1,048,575 citizens) with ID, group,
    // 8 baseline columns and 4 status columns, read through src/excel in chunks.
    const wb = createPreviewWorkbook();
    const runner: ExcelRun = wb.run.bind(wb);
    const statuses = ["Kontanthjælp", "Jobparat", "Kontanthjælp – i praktik", "Uddannelse", "Fleksjob", null];
    const header = ["ID", "Gruppe", "Køn", "Alder", "Etnicitet", "Uddannelse", "Tolkebehov", "Civilstand", "År i arbejde", "Bopæl", "Status 0 mdr", "Status 6 mdr", "Status 12 mdr", "Status 18 mdr"];
    const rows: (string | number | null)[][] = [header];
    for (let i = 0; i < 1_048_574; i++) {
      rows.push([
        `P${i + 1}`, i % 2 ? "Indsats" : "Kontrol", i % 3 ? "Kvinde" : "Mand", 18 + (i % 47), i % 5 ? "Dansk" : "Anden",
        ["Grundskole", "Erhvervsuddannelse", "Videregående"][i % 3], i % 7 ? "Nej" : "Ja", i % 4 ? "Enlig" : "Gift/samlevende",
        (i % 200) / 10, i % 2 ? "By" : "Land", "Kontanthjælp", statuses[i % 5], statuses[(i * 7) % 6], statuses[(i * 13) % 6],
      ]);
    }
    wb.setValues("Data", "A1", rows);
    rows.length = 0;
    wb.resetSyncCount();
    const t = performance.now();
    const r = await readUsedRange(runner, "Data");
    const ms = performance.now() - t;
    out.push({
      name: "readUsedRange 1,048,575 × 14 in chunks",
      ms,
      peakMB: process.memoryUsage().rss / 1e6,
      note: `${r.values.length} rows, ${wb.syncCount} syncs (1 + ${r.chunks} chunks), max response ${(wb.maxResponseBytes / 1e6).toFixed(2)} MB (limit 5 MB); time includes the emulation`,
    });
  }
  return out;
}
