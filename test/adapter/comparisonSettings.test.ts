/**
 * Observation 6 of issue 9: hand-edited or corrupt settings crashed the pane ("outcome.statuses.some is
 * not a function"), an unknown class value dropped citizens silently, confLevel 0.5 was printed "95 % KI",
 * and a bad stored address gave a raw InvalidArgument. Stored settings are now checked against a schema.
 */
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { COMPARISON_STATE_KEY, deleteComparisonSettings, loadComparisonSettings, readSelectionSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import type { VirkningError } from "../../src/core/errors";

async function setup(wb: PreviewWorkbook): Promise<ComparisonSettings> {
  wb.selectByUser("Borgere", { row: 4, column: 2, rowCount: 1, columnCount: 1 });
  return suggestSettings((await readSelectionSource(wb.run.bind(wb)))!, "da");
}

async function loadError(wb: PreviewWorkbook, stored: unknown): Promise<VirkningError> {
  wb.setSettingDirect(COMPARISON_STATE_KEY, JSON.stringify(stored));
  return (await loadComparisonSettings(wb.run.bind(wb)).catch((e: unknown) => e)) as VirkningError;
}

describe("stored settings are checked against the schema", () => {
  it("outcomes[0].statuses as a string: a Danish message naming the field, not a crash", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const s = await setup(wb);
    const err = await loadError(wb, { ...s, outcomes: [{ ...s.outcomes[0], statuses: "Jobparat" }] });
    expect(err.code).toBe("SETTINGS_INVALID");
    expect(err.message).toContain("outcomes.0.statuses: forventet Array, fandt \"Jobparat\"");
    expect(err.message).toContain('Tryk på "Nulstil"');
  });

  it("an unknown status class, an unknown field and a bad address are refused", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const s = await setup(wb);
    expect((await loadError(wb, { ...s, statusClasses: { ...s.statusClasses, Jobparat: "gyldig" } })).message).toContain("statusClasses.Jobparat");
    expect((await loadError(wb, { ...s, extra: 1 })).message).toContain("extra");
    expect((await loadError(wb, { ...s, source: { ...s.source, address: "A1:ZZZZ61" } })).message).toContain("source.address");
    expect((await loadError(wb, "ikke json-indstillinger")).code).toBe("SETTINGS_INVALID");
  });

  it("valid settings load unchanged; Nulstil deletes them", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const s = await setup(wb);
    await saveComparisonSettings(run, s);
    expect(await loadComparisonSettings(run)).toEqual(s);
    await deleteComparisonSettings(run);
    expect(await loadComparisonSettings(run)).toBeNull();
  });

  it("the confidence level is printed as set: 90 % KI, never 95 %", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const s = await setup(wb);
    const out = await runAndWriteComparison(run, { ...s, confLevel: 0.9 }, { lang: "da" });
    const text = JSON.stringify(out.spec);
    expect(text).toContain("\"Relativ risiko\",\"90 % KI, nedre\",\"90 % KI, øvre\"");
    expect(text).toContain("90 %-konfidensinterval");
    expect(text).not.toContain("95 %");
  });
});
