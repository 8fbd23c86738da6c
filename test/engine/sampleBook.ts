/**
 * The sample workbook with its generated sheets, built through the real stores as the adapter tests
 * do: programme theory, comparison (Sammenligning), measurement sheet with typed scores and the
 * Progression sheets, the leader page (Ledelsesoverblik) and the randomisation (Randomisering).
 */
import { outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { TEMPLATES } from "../../src/core/theory";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { randomise, type DesignSettings } from "../../src/excel/designStore";
import { defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression, saveProgressionSettings } from "../../src/excel/progressionStore";
import { buildSummary, type SummaryReport } from "../../src/excel/summaryStore";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { designSettingsFor } from "../adapter/helpers/designSettings";

export const NOW = new Date("2026-11-30T08:00:00Z");
export const theory = TEMPLATES[0].build();

function designSettings(): DesignSettings {
  return designSettingsFor("sample: Køn x Alder<30, pairs");
}

/** Typed scores on the measurement sheet: two rounds for 12 citizens, most improve on the first delmål. */
function typeScores(wb: PreviewWorkbook, citizens: { id: string }[]): void {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  const items = scaleItems(theory);
  let col = -1;
  for (let c = 0; c < s.usedExtent().columnCount && col < 0; c++) if (String(s.getCell(3, c)?.value ?? "").startsWith(`${items[0].id}:`)) col = c;
  const rowOf = (id: string, round: number): number => {
    for (let r = 4; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === id && s.getCell(r, 2)?.value === round) return r;
    throw new Error(`no row ${id}/${round}`);
  };
  citizens.forEach((c, i) => {
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(c.id, 1), col, items[0].labels[1]);
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(c.id, 2), col, items[0].labels[i < 7 ? 3 : 1]);
  });
}

/** A sheet of the user's own with formulas on the named results (Virkning.Udfald…), as the names are meant to be used. */
export const USER_SHEET = "Mine tal";
export const USER_FORMULAS: [string, string][] = [
  ["Forskel ved 18 mdr., procentpoint", "=(Virkning.Udfald1.18mdr.Indsats-Virkning.Udfald1.18mdr.Kontrol)*100"],
  ["Indsatsgruppen over kontrolgruppen ved 6 mdr.", '=IF(Virkning.Udfald1.6mdr.Indsats>Virkning.Udfald1.6mdr.Kontrol,"ja","nej")'],
  ["Gennemsnit af de to udfald ved 12 mdr. (indsats)", "=AVERAGE(Virkning.Udfald1.12mdr.Indsats,Virkning.Udfald2.12mdr.Indsats)"],
];

/** The leader's entries for the first two nøgletal: one beyond the tolerance (flagged), one within. */
function typeKeyFigures(wb: PreviewWorkbook, report: SummaryReport): void {
  const [k0] = report.keyRows;
  const type = (r: number, c: number, t: string) => wb.setCellByUser(SUMMARY_SHEET_NAME, r, c, t);
  type(k0, 1, "2026-01");
  type(k0, 2, "30");
  type(k0, 3, "26,5");
  type(k0, 4, "2");
  type(k0 + 1, 1, "2026-01");
  type(k0 + 1, 2, "12");
  type(k0 + 1, 3, "12,5");
  type(k0 + 1, 4, "2");
}

export interface SampleBook {
  wb: PreviewWorkbook;
  summary: SummaryReport;
}

/** The sample workbook with every generated sheet, the leader's entries and a user sheet using the named results. */
export async function buildSampleBook(): Promise<SampleBook> {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: true });
  const settings = suggestSettings((await readSheetSource(run, "Borgere"))!);
  settings.outcomes = outcomesFromTheory(theory);
  // as the pane does: run, then keep the settings as run (with the record of the run, so the leader
  // page shows the analysis' numbers and verdicts)
  const ran = await runAndWriteComparison(run, settings, { lang: "da", now: NOW });
  await saveComparisonSettings(run, ran.settings);
  const citizens = Array.from({ length: 12 }, (_, i) => ({ id: `C${i + 1}`, group: i % 2 ? "Kontrol" : "Indsats" }));
  await generateMeasurementSheet(run, { citizens, startDate: 46023, theory });
  typeScores(wb, citizens);
  const progression = defaultProgressionSettings();
  await runAndWriteProgression(run, progression, { theory, now: NOW });
  await saveProgressionSettings(run, progression);
  const summary = await buildSummary(run, { followUp: null, threshold: 5, lang: "da", audience: "internal" }, { now: NOW });
  typeKeyFigures(wb, summary);
  await randomise(run, designSettings(), { lang: "da", now: NOW });
  wb.setValues(USER_SHEET, "A1", USER_FORMULAS);
  return { wb, summary };
}
