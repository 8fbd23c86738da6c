/**
 * A numeric outcome with ANCOVA (issue 25 item 1) through the adapter: the sample workbook, to which the
 * user has added a score at the start and at 18 months, is read by the one reader, run, and written to the
 * Sammenligning sheet; the written numbers are those of linearRegression on the cells as the user typed
 * them (itself checked against R's lm in test/unit/stats/regression.test.ts); "Kør igen" after a column is
 * inserted before the scores finds them by header; a text in the score column is named by its cell and
 * nothing is written.
 */
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { insertColumnByUser } from "../../src/preview/workbook/userEdits";
import { readSelectionSource, runAndWriteComparison } from "../../src/excel/comparisonStore";
import { suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import { linearRegression } from "../../src/core/stats";

/** The user's two score columns right of the sample data (N, O): indsats about 3 points higher at 18 months. */
function addScores(wb: PreviewWorkbook): { base: number[]; y: number[]; group: number[] } {
  const sheet = wb.getSheet("Borgere")!;
  const rows: (string | number)[][] = [["Score ved start", "Score 18 mdr"]];
  const out = { base: [] as number[], y: [] as number[], group: [] as number[] };
  for (let r = 1; r <= 60; r++) {
    const base = 20 + ((r * 7) % 13);
    const indsats = sheet.getCell(r, 1)?.value === "Indsats";
    const y = Math.round((0.8 * base + (indsats ? 3 : 0) + (((r * 5) % 7) - 3)) * 10) / 10;
    rows.push([base, y]);
    out.base.push(base);
    out.y.push(y);
    out.group.push(indsats ? 1 : 0);
  }
  wb.setValues("Borgere", "N1", rows);
  return out;
}

async function setup(wb: PreviewWorkbook): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  const input = await readSelectionSource(wb.run.bind(wb));
  const s = suggestSettings(input!, "da");
  // as the pane does when the outcome is chosen: the outcome is not a baseline variable (Tabel 1)
  const outcome = s.source.header!.indexOf("Score 18 mdr");
  return { ...s, columns: { ...s.columns, baseline: s.columns.baseline.filter((b) => b.column !== outcome) }, numericOutcomes: [{ outcome: "Score 18 mdr", baseline: "Score ved start", covariates: [] }] };
}

/** The row of the ANCOVA table (the second row labelled with the outcome) and its header row. */
function ancovaRow(wb: PreviewWorkbook): { header: unknown[]; row: unknown[] } {
  const s = wb.getSheet("Sammenligning")!;
  const col = (r: number): unknown[] => Array.from({ length: 11 }, (_, c) => s.getCell(r, c)?.value ?? "");
  const labelled: number[] = [];
  for (let r = 0; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === "Score 18 mdr") labelled.push(r);
  expect(labelled).toHaveLength(2);
  return { header: col(labelled[1] - 1), row: col(labelled[1]) };
}

describe("a numeric outcome with ANCOVA from the sample workbook", () => {
  it("is written beside the unadjusted difference, with linearRegression's numbers on the typed cells; Kør igen finds the columns by header", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const data = addScores(wb);
    const settings = await setup(wb);
    expect(settings.source.header).toContain("Score 18 mdr");
    const first = await runAndWriteComparison(run, settings, { lang: "da" });
    const { header, row } = ancovaRow(wb);
    expect(header[1]).toBe("Forskel i gennemsnit, ujusteret");
    expect(header[5]).toBe("Forskel i gennemsnit, justeret");
    const adjusted = linearRegression({ y: data.y, group: data.group, covariates: [{ name: "Score ved start", kind: "numeric", values: data.base }] });
    const unadjusted = linearRegression({ y: data.y, group: data.group, minCitizensPerParameter: 0 });
    expect(row[1]).toBeCloseTo(unadjusted.difference.estimate, 12);
    expect(row[5]).toBeCloseTo(adjusted.difference.estimate, 12);
    expect(row[6]).toBeCloseTo(adjusted.difference.se, 12);
    expect(row[7]).toBeCloseTo(adjusted.difference.confInt.lower, 12);
    expect(row[8]).toBeCloseTo(adjusted.difference.confInt.upper, 12);
    expect(row[9]).toBeCloseTo(adjusted.difference.pValue, 12);
    expect(row[10]).toBe(60);
    // the adjusted difference is near the 3 points the data were made with, and more precise than the unadjusted
    expect(Math.abs((row[5] as number) - 3)).toBeLessThan(1);
    expect(row[6] as number).toBeLessThan(unadjusted.difference.se);
    expect(first.result.baseline.variables.map((v) => v.name)).not.toContain("Score 18 mdr");

    insertColumnByUser(wb, "Borgere", 2, ["Kommune", ...Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? "Ishøj" : "Vallensbæk"))]);
    await runAndWriteComparison(run, first.settings, { lang: "da" });
    expect(ancovaRow(wb).row).toEqual(row);
  });

  it("a text in the score column is named by its cell, and the sheet is not written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    addScores(wb);
    const settings = await setup(wb);
    wb.setCellByUser("Borgere", 9, 14, "mangler");
    await expect(runAndWriteComparison(wb.run.bind(wb), settings, { lang: "da" })).rejects.toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining("Borgere!O10") })]) });
    expect(wb.getSheet("Sammenligning")).toBeUndefined();
  });
});
