/**
 * "Kør igen" reproduces the adjusted analysis (issue 25 item 1) after a column is inserted before the
 * covariates: they are found by header, so the "Justeret analyse" section's numbers are the same.
 */
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { insertColumnByUser } from "../../src/preview/workbook/userEdits";
import { readSelectionSource, runAndWriteComparison } from "../../src/excel/comparisonStore";
import { suggestSettings, type ComparisonSettings } from "../../src/core/analysis";

// reached = any of these statuses (the sample has enough events for one covariate at every follow-up)
const STATUSES = ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse", "Kontanthjælp"];

async function setup(wb: PreviewWorkbook): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  const input = await readSelectionSource(wb.run.bind(wb));
  const s = suggestSettings(input!, "da");
  const header = s.source.header ?? [];
  return { ...s, outcomes: [{ id: "udfald", name: "Udfald", statuses: STATUSES }], adjustment: { covariates: [header[s.columns.baseline[0].column]] } };
}

/** The rows of the "Justeret analyse" section (column A to N). */
function adjustedBlock(wb: PreviewWorkbook): unknown[][] {
  const s = wb.getSheet("Sammenligning")!;
  const rows: unknown[][] = [];
  let inside = false;
  for (let r = 0; r < s.usedExtent().rowCount; r++) {
    const a = s.getCell(r, 0)?.value;
    if (a === "Justeret analyse (logistisk regression)") inside = true;
    else if (a === "Noter") inside = false;
    if (inside) rows.push(Array.from({ length: 14 }, (_, c) => s.getCell(r, c)?.value ?? ""));
  }
  return rows;
}

describe("Kør igen with an adjusted analysis", () => {
  it("a column inserted before the covariate: the adjusted numbers are reproduced, the covariate found by header", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const settings = await setup(wb);
    const covariate = settings.adjustment!.covariates[0];
    await runAndWriteComparison(run, settings, { lang: "da" });
    const before = adjustedBlock(wb);
    expect(before.some((r) => r[0] === `Justeret for: ${covariate}`)).toBe(true);
    // at least one follow-up has adjusted numbers (not only a refusal)
    const odds = before.filter((r) => typeof r[0] === "string" && /^\d+ mdr\.$/.test(r[0]) && typeof r[1] === "number");
    expect(odds.length).toBeGreaterThan(0);
    insertColumnByUser(wb, "Borgere", 2, ["Kommune", ...Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? "Ishøj" : "Vallensbæk"))]);
    const again = await runAndWriteComparison(run, settings, { lang: "da" });
    expect(again.moved.map((m) => m.name)).toContain(covariate);
    expect(adjustedBlock(wb)).toEqual(before);
  });
});
