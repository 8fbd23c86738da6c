/**
 * Observation 3 of issue 9: Excel error values counted as data. 8 × #N/A at 6 months were a valid
 * status (16/20 instead of 16/16, and 0 "not followed up"). Now they are reported with their cells and
 * nothing is computed or written.
 */
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { readSelectionSource, readSource, runAndWriteComparison } from "../../src/excel/comparisonStore";
import { inspectData, suggestSettings } from "../../src/core/analysis";
import { VirkningValidationError } from "../../src/core/errors";

describe("Excel error values in role columns", () => {
  it("#N/A in the 6-month status column: reported with its cells, never a status, nothing written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
    const settings = suggestSettings((await readSelectionSource(run))!, "da");
    // Excel returns an error cell's value as its text; rows 3..10 of column K ("Status 6 mdr")
    for (let r = 2; r < 10; r++) wb.setValues("Borgere", `K${r + 1}`, [["#N/A"]]);
    wb.setValues("Borgere", "B20", [["#REF!"]]);
    const input = await readSource(run, settings.source);
    const info = inspectData(input, { layout: "wide", ...settings.columns }, settings.groupMap);
    expect(info.statuses.map((s) => s.label)).not.toContain("#N/A");
    expect(info.groupLabels.map((g) => g.label)).not.toContain("#REF!");
    const err = await runAndWriteComparison(run, settings, { lang: "da" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirkningValidationError);
    const messages = (err as VirkningValidationError).problems.map((p) => p.message);
    expect(messages).toContain(
      'Kolonnen "Status 6 mdr" (status 6 mdr.) indeholder Excel-fejlværdien #N/A i 8 celler: Borgere!K3, K4, K5, K6, K7, K8, K9, K10. Fejlværdier tælles ikke med som data. Ret formlen eller værdien, eller slet indholdet, så cellen er tom.',
    );
    expect(messages.some((m) => m.includes("#REF!") && m.includes("Borgere!B20"))).toBe(true);
    expect(messages.some((m) => m.includes('"#REF!"') && m.includes("hverken knyttet"))).toBe(false);
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });
});
