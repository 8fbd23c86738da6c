/**
 * Named analyses (issue 11): several comparisons per workbook, each with its own source, settings and
 * results sheet; the old single-analysis format is read as one analysis; nothing is overwritten.
 */
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import {
  COMPARISON_STATE_KEY,
  createAnalysis,
  deleteAnalysis,
  duplicateAnalysis,
  loadAnalyses,
  loadComparisonSettings,
  readSelectionSource,
  renameStoredAnalysis,
  runAndWriteComparison,
} from "../../src/excel/comparisonStore";
import { analysisName, suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import type { VirkningError } from "../../src/core/errors";

async function setup(wb: PreviewWorkbook): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  return suggestSettings((await readSelectionSource(wb.run.bind(wb)))!, "da");
}

describe("named analyses", () => {
  it("two analyses keep their own settings and results sheets, with charts and their own workbook names", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const s = await setup(wb);
    await createAnalysis(run, "Hele gruppen", s);
    await createAnalysis(run, "Kun job", { ...s, testPolicy: "fisher", outcomes: [{ id: "job", name: "Kun jobparat", statuses: ["Jobparat"] }] });
    const c = await loadAnalyses(run);
    expect(c?.analyses.map(analysisName)).toEqual(["Hele gruppen", "Kun job"]);
    expect(c?.analyses.map((a) => a.resultSheet)).toEqual(["Sammenligning – Hele gruppen", "Sammenligning – Kun job"]);
    for (const a of c?.analyses ?? []) await runAndWriteComparison(run, a, { lang: "da" });
    const one = wb.getSheet("Sammenligning – Hele gruppen");
    const two = wb.getSheet("Sammenligning – Kun job");
    expect(one && two).toBeTruthy();
    expect(wb.getSheet("Sammenligning")).toBeUndefined();
    // each sheet has its own outcomes and charts (one per outcome + the status chart)
    expect(one?.charts.map((x) => x.name)).toEqual(["Udfald1", "Udfald2", "Udfald3", "Udfald4", "Status"]);
    expect(two?.charts.map((x) => x.name)).toEqual(["Udfald1", "Status"]);
    expect(two?.charts[0].series().map((x) => x.name)).toEqual(["Indsatsgruppe", "Kontrolgruppe"]);
    expect(two?.charts[0].categories()).toEqual(["6 mdr.", "12 mdr.", "18 mdr."]);
    // workbook names are unique per analysis, each pointing into its own sheet
    const names = wb.names.filter((n) => n.sheet === undefined).map((n) => [n.name, n.formula]);
    expect(names).toContainEqual(["Virkning.Hele_gruppen.Udfald1.6mdr.Indsats", expect.stringContaining("'Sammenligning – Hele gruppen'!")]);
    expect(names).toContainEqual(["Virkning.Kun_job.Udfald1.6mdr.Indsats", expect.stringContaining("'Sammenligning – Kun job'!")]);
  });

  it("reads the old single-analysis format as one analysis writing to Sammenligning", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const s = await setup(wb);
    wb.setSettingDirect(COMPARISON_STATE_KEY, JSON.stringify(s));
    const c = await loadAnalyses(run);
    expect(c?.analyses).toEqual([s]);
    expect(c?.active).toBe("Sammenligning");
    await runAndWriteComparison(run, s, { lang: "da" });
    expect(wb.getSheet("Sammenligning")).toBeTruthy();
    // adding a named one keeps the old one and its sheet
    await createAnalysis(run, "Unge under 30", s);
    expect((await loadAnalyses(run))?.analyses.map(analysisName)).toEqual(["Sammenligning", "Unge under 30"]);
  });

  it("nothing is overwritten: a name in use is refused, a user's sheet with the sheet name gets another sheet", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const s = await setup(wb);
    wb.addSheetDirect("Sammenligning – Unge");
    await createAnalysis(run, "Unge", s);
    expect((await loadComparisonSettings(run))?.resultSheet).toBe("Sammenligning – Unge 2");
    const err = (await createAnalysis(run, "unge", s).catch((e: unknown) => e)) as VirkningError;
    expect(err.code).toBe("ANALYSIS_EXISTS");
    expect(err.message).toContain('Der er allerede en analyse, der hedder "unge"');
  });

  it("duplicates, renames (the sheet keeps its name) and deletes", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const s = await setup(wb);
    await createAnalysis(run, "A", { ...s, confLevel: 0.9 });
    await duplicateAnalysis(run, "A", "B");
    let c = await loadAnalyses(run);
    expect(c?.analyses.map((a) => [analysisName(a), a.confLevel, a.resultSheet])).toEqual([
      ["A", 0.9, "Sammenligning – A"],
      ["B", 0.9, "Sammenligning – B"],
    ]);
    await renameStoredAnalysis(run, "B", "Kvinder");
    c = await loadAnalyses(run);
    expect(c?.analyses.map((a) => [analysisName(a), a.resultSheet])).toEqual([
      ["A", "Sammenligning – A"],
      ["Kvinder", "Sammenligning – B"],
    ]);
    expect(c?.active).toBe("Kvinder");
    await deleteAnalysis(run, "Kvinder");
    expect((await loadAnalyses(run))?.analyses.map(analysisName)).toEqual(["A"]);
    await deleteAnalysis(run, "A");
    expect(await loadAnalyses(run)).toBeNull();
  });
});
