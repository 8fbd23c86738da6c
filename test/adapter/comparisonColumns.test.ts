/**
 * Observation 1 of issue 9: "Kør igen" after a column is inserted computed "6 mdr." from the inserted
 * 3-month column and ignored the 18-month column. Settings now carry the header text of every column;
 * "Kør igen" finds moved columns by name and refuses, naming them, when it cannot be sure.
 */
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { insertColumnByUser } from "../../src/preview/workbook/userEdits";
import { readSelectionSource, runAndWriteComparison } from "../../src/excel/comparisonStore";
import { suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import { VirkningError } from "../../src/core/errors";

const JOB = ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"];

async function setup(wb: PreviewWorkbook): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  const input = await readSelectionSource(wb.run.bind(wb));
  return { ...suggestSettings(input!, "da"), outcomes: [{ id: "job", name: "Job", statuses: JOB }] };
}

/** Indsats n and Kontrol n of the outcome per month on the results sheet, from the rows "6 mdr.", "12 mdr.", … */
function xByMonth(wb: PreviewWorkbook): Record<string, [number, number]> {
  const s = wb.getSheet("Sammenligning")!;
  const out: Record<string, [number, number]> = {};
  let inOutcome = false;
  for (let r = 0; r < s.usedExtent().rowCount; r++) {
    const a = s.getCell(r, 0)?.value;
    if (a === "Job") inOutcome = true;
    if (inOutcome && typeof a === "string" && /^\d+ mdr\.$/.test(a) && !(a in out)) out[a] = [s.getCell(r, 1)?.value as number, s.getCell(r, 4)?.value as number];
  }
  return out;
}

/** Counted from the cells of "Borgere": citizens of `group` whose status in the column headed `header` is a job status. */
function countOnSheet(wb: PreviewWorkbook, group: string, header: string): number {
  const s = wb.getSheet("Borgere")!;
  const col = Array.from({ length: s.usedExtent().columnCount }, (_, c) => s.getCell(0, c)?.value).indexOf(header);
  let n = 0;
  for (let r = 1; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 1)?.value === group && JOB.includes(String(s.getCell(r, col)?.value))) n++;
  return n;
}

describe("Kør igen after the columns changed", () => {
  it("a column inserted before the 6-month column: every time point still comes from its own column", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const settings = await setup(wb);
    await runAndWriteComparison(run, settings, { lang: "da" });
    const before = xByMonth(wb);
    expect(Object.keys(before)).toEqual(["6 mdr.", "12 mdr.", "18 mdr."]);
    // "Status 3 mdr": everybody still on Kontanthjælp except 3 in a job (K is "Status 6 mdr" before)
    insertColumnByUser(wb, "Borgere", 10, ["Status 3 mdr", ...Array.from({ length: 60 }, (_, i) => (i < 3 ? "Jobparat" : "Kontanthjælp"))]);
    const again = await runAndWriteComparison(run, settings, { lang: "da" });
    expect(again.moved.map((m) => m.name)).toEqual(["Status 6 mdr", "Status 12 mdr", "Status 18 mdr"]);
    const after = xByMonth(wb);
    expect(after).toEqual(before);
    expect(after["6 mdr."]).toEqual([countOnSheet(wb, "Indsats", "Status 6 mdr"), countOnSheet(wb, "Kontrol", "Status 6 mdr")]);
    expect(after["18 mdr."]).toEqual([countOnSheet(wb, "Indsats", "Status 18 mdr"), countOnSheet(wb, "Kontrol", "Status 18 mdr")]);
    // the settings as run point at the new positions and carry the new header
    expect(again.settings.source.address).toBe("A1:N61");
    expect(again.settings.columns.timepoints.map((t) => t.column)).toEqual([9, 11, 12, 13]);
  });

  it("a renamed or duplicated column: refused with a message naming it, nothing written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const settings = await setup(wb);
    wb.setCellByUser("Borgere", 0, 10, "Status ved 6 mdr");
    const err = (await runAndWriteComparison(run, settings, { lang: "da" }).catch((e: unknown) => e)) as VirkningError;
    expect(err.code).toBe("COLUMNS_CHANGED");
    expect(err.message).toContain('"Status 6 mdr" (var kolonne K) findes ikke længere');
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
    wb.setCellByUser("Borgere", 0, 10, "Status 6 mdr");
    insertColumnByUser(wb, "Borgere", 3, ["Status 12 mdr", ...Array.from({ length: 60 }, () => "Kontanthjælp")]);
    const dup = (await runAndWriteComparison(run, settings, { lang: "da" }).catch((e: unknown) => e)) as VirkningError;
    expect(dup.message).toContain('"Status 12 mdr" (var kolonne L) findes 2 gange (D, M)');
  });

  it("settings saved without column names run by position only while the width is unchanged", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const settings = await setup(wb);
    const legacy: ComparisonSettings = { ...settings, source: { sheet: "Borgere", address: "A1:M61", layout: "wide" } };
    await expect(runAndWriteComparison(run, legacy, { lang: "da" })).resolves.toBeTruthy();
    insertColumnByUser(wb, "Borgere", 10, ["Status 3 mdr", ...Array.from({ length: 60 }, () => "Kontanthjælp")]);
    await expect(runAndWriteComparison(run, legacy, { lang: "da" })).rejects.toMatchObject({ code: "COLUMNS_CHANGED" });
  });
});
