/**
 * The leader page's progression in brief, read from the workbook without writing the progression
 * sheets again: after a progression run, the share improved per delmål appears with its source, and
 * the chart per delmål and group is created. The counts are set up by the scores typed below (7 of 12
 * citizens improve on the first delmål: 4 of 6 in Indsats, 3 of 6 in Kontrol), not taken from the analysis.
 */
import { TEMPLATES } from "../../src/core/theory";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression, saveProgressionSettings } from "../../src/excel/progressionStore";
import { buildSummary } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";

const theory = TEMPLATES[0].build();
const items = scaleItems(theory);
const citizens = Array.from({ length: 12 }, (_, i) => ({ id: `C${i + 1}`, group: i % 2 ? "Kontrol" : "Indsats" }));

function col(wb: PreviewWorkbook, text: string): number {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let c = 0; c < s.usedExtent().columnCount; c++) if (String(s.getCell(3, c)?.value ?? "").startsWith(text)) return c;
  throw new Error(`no column ${text}`);
}

function rowOf(wb: PreviewWorkbook, citizen: string, round: number): number {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let r = 4; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === citizen && s.getCell(r, 2)?.value === round) return r;
  throw new Error(`no row ${citizen}/${round}`);
}

test("share improved per delmål from the progression, with its source and a chart; no progression sheet is rewritten", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: true });
  await generateMeasurementSheet(run, { citizens, startDate: 46023, theory });
  const c0 = col(wb, `${items[0].id}:`);
  citizens.forEach((c, i) => {
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(wb, c.id, 1), c0, items[0].labels[1]);
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, rowOf(wb, c.id, 2), c0, items[0].labels[i < 7 ? 3 : 1]);
  });
  const settings = defaultProgressionSettings();
  await runAndWriteProgression(run, settings, { theory });
  await saveProgressionSettings(run, settings);
  const progressionA1 = wb.getSheet("Progression")!.getCell(0, 0)?.value;

  const report = await buildSummary(run, { followUp: null, audience: "internal", threshold: 5, lang: "da" });
  expect(report.sections.progression).toBe(true);
  const s = wb.getSheet(SUMMARY_SHEET_NAME)!;
  // the chart's data (column K on): share improved per delmål and group, side by side (never pooled)
  let r = -1;
  for (let i = 0; i < s.usedExtent().rowCount && r < 0; i++) if (s.getCell(i, 10)?.value === items[0].name) r = i;
  expect(r).toBeGreaterThan(0);
  expect([10, 11, 12].map((c) => s.getCell(r - 1, c)?.value)).toEqual(["Delmål", "Indsatsgruppe", "Kontrolgruppe"]);
  // citizens C1..C7 improve: C1, C3, C5, C7 of the six in Indsats, C2, C4, C6 of the six in Kontrol
  // percentages (the axis reads "Andel (%)"), one decimal
  expect(s.getCell(r, 11)?.value).toBe(66.7);
  expect(s.getCell(r, 12)?.value).toBe(50);
  // a delmål nobody was scored on twice is a labelled gap, not a missing bar
  expect(s.getCell(r + 1, 10)?.value).toMatch(/\(ingen data\)$/);
  let src = false;
  for (let i = 0; i < s.usedExtent().rowCount; i++) src ||= String(s.getCell(i, 0)?.value ?? "").includes('Progression: "Ændring fra første til seneste måling"');
  expect(src).toBe(true);
  expect(s.charts.map((c) => [c.name, c.type])).toContainEqual(["Progression", "ColumnClustered"]);
  expect(wb.getSheet("Progression")!.getCell(0, 0)?.value).toBe(progressionA1);
});
