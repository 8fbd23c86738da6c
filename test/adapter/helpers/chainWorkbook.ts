/**
 * The sample workbook as a user has it just before "Virkningskæden i data": the KL template saved as the
 * programme theory, the comparison computed and saved from "Borgere" (outcomes from the slutmål), and the
 * measurement sheet made for the comparison's citizens with two scored rounds each. Shared by the
 * adapter and UI tests of the chain.
 */
import { outcomesFromTheory, suggestSettings, type ComparisonResult } from "../../../src/core/analysis";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../../src/core/progression";
import { TEMPLATES } from "../../../src/core/theory";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../../src/excel/comparisonStore";
import { citizensFromComparison, generateMeasurementSheet } from "../../../src/excel/progressionStore";
import { saveTheory } from "../../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../../src/preview/workbook";

export const chainTheory = TEMPLATES[0].build();
export const chainItems = scaleItems(chainTheory);
export const CHAIN_NOW = new Date("2026-12-07T08:00:00Z");

/** The column of the measurement sheet whose header starts with `text` (headers on row 4). */
export function measurementColumn(wb: PreviewWorkbook, text: string): number {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let c = 0; c < s.usedExtent().columnCount; c++) if (String(s.getCell(3, c)?.value ?? "").startsWith(text)) return c;
  throw new Error(`no column ${text}`);
}

/** Theory, comparison ("Beregn") and measurement sheet with two scored rounds per citizen. */
export async function chainWorkbook(wb: PreviewWorkbook = createPreviewWorkbook({ sample: true })): Promise<{ wb: PreviewWorkbook; run: PreviewWorkbook["run"]; comparison: ComparisonResult; ids: string[] }> {
  const run = wb.run.bind(wb);
  await saveTheory(run, chainTheory, "da", { shapes: true });
  const input = (await readSheetSource(run, "Borgere"))!;
  const s = suggestSettings(input);
  s.outcomes = outcomesFromTheory(chainTheory);
  const comp = await runAndWriteComparison(run, s, { lang: "da", now: CHAIN_NOW });
  await saveComparisonSettings(run, comp.settings);
  const citizens = await citizensFromComparison(run);
  await generateMeasurementSheet(run, { citizens, startDate: 46023, theory: chainTheory });
  const sheet = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  const cols = chainItems.map((it) => measurementColumn(wb, `${it.id}:`));
  for (let r = 4; r < sheet.usedExtent().rowCount; r++) {
    const round = sheet.getCell(r, 2)?.value;
    if (round !== 1 && round !== 2) continue;
    chainItems.forEach((it, k) => {
      const score = round === 1 ? 1 + ((r + k) % 2) : 1 + ((r * (k + 3)) % it.labels.length);
      wb.setCellByUser(MEASUREMENT_SHEET_NAME, r, cols[k], it.labels[score - 1]);
    });
  }
  return { wb, run, comparison: comp.result, ids: citizens.map((c) => c.id) };
}
