/**
 * Issue 20 item 5: the leader page takes its numbers from the saved analysis through the comparison's
 * own "Kør igen" path (columns found by header, the same refusals), says which analysis and when it
 * ran, and shows no numbers when the analysis is stale or refused, saying it must be run again.
 */
import { outcomesFromTheory, suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import { SUMMARY_SHEET_NAME, type SummarySettings } from "../../src/core/summary";
import { TEMPLATES } from "../../src/core/theory";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { buildSummary } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { insertColumnByUser } from "../../src/preview/workbook/userEdits";

const theory = TEMPLATES[0].build();
const settings: SummarySettings = { followUp: null, threshold: 5, lang: "da", audience: "internal" };
const RAN = new Date("2026-11-30T08:00:00Z");

async function setup(): Promise<{ wb: PreviewWorkbook; run: PreviewWorkbook["run"]; saved: ComparisonSettings }> {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: true });
  const s = { ...suggestSettings((await readSheetSource(run, "Borgere"))!), outcomes: outcomesFromTheory(theory) };
  const saved = (await runAndWriteComparison(run, s, { lang: "da", now: RAN })).settings;
  await saveComparisonSettings(run, saved);
  return { wb, run, saved };
}

/** Column A of the page, and the results table: per slutmål the intervention and control cells as printed. */
function page(wb: PreviewWorkbook): { a: string[]; results: string[][] } {
  const s = wb.getSheet(SUMMARY_SHEET_NAME)!;
  const n = s.usedExtent().rowCount;
  const a = Array.from({ length: n }, (_, r) => String(s.getCell(r, 0)?.value ?? ""));
  // the key table's header row (the verdict lines above it name the slutmål in sentences)
  const head = a.indexOf("Slutmål");
  const results: string[][] = [];
  for (let r = head + 1; head >= 0 && r < n && /mdr\.$/.test(String(s.getCell(r, 1)?.value ?? "")); r++) results.push([0, 1, 2, 3].map((c) => String(s.getCell(r, c)?.value)));
  return { a, results };
}

const all = (a: string[]): string => a.join("\n");

test("a status column inserted in the data: the page shows the same, right numbers and says which analysis ran when", async () => {
  const { wb, run } = await setup();
  await buildSummary(run, settings);
  const before = page(wb);
  expect(before.results.length).toBeGreaterThan(0);
  expect(all(before.a)).toContain('Tallene kommer fra analysen "Sammenligning" (arket "Sammenligning"), kørt 30. nov. 2026 kl. 09.00, og er regnet igen fra de samme data.');
  // a new status column right before "Status 6 mdr" (K): by position the page would read it as 6 months
  insertColumnByUser(wb, "Borgere", 10, ["Status 3 mdr", ...Array.from({ length: 60 }, (_, i) => (i < 30 ? "Jobparat" : "Kontanthjælp"))]);
  const report = await buildSummary(run, settings);
  expect(report.analysis).toMatchObject({ status: "ok", name: "Sammenligning", ranAt: RAN.toISOString() });
  expect(page(wb).results).toEqual(before.results);
});

test("a column inserted before Alder: no misleading \"skal indeholde tal\", the numbers are shown", async () => {
  const { wb, run } = await setup();
  await buildSummary(run, settings);
  const before = page(wb).results;
  insertColumnByUser(wb, "Borgere", 3, ["Bydel", ...Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? "Nord" : "Syd"))]);
  const report = await buildSummary(run, settings);
  const after = page(wb);
  expect(all(after.a)).not.toContain("skal indeholde tal");
  expect(report.sections.comparison).toBe(true);
  expect(after.results).toEqual(before);
});

test("a re-run that is refused (a status column renamed): the page says the analysis must be re-run and why, and shows no numbers", async () => {
  const { wb, run } = await setup();
  wb.setCellByUser("Borgere", 0, 10, "Status ved 6 mdr");
  const report = await buildSummary(run, settings);
  expect(report.analysis).toMatchObject({ status: "refused", name: "Sammenligning" });
  expect(report.sections.comparison).toBe(false);
  const { a, results } = page(wb);
  expect(results).toEqual([]);
  expect(all(a)).toContain('Analysen "Sammenligning" skal køres igen, før dens tal kan vises her.');
  expect(all(a)).toContain('"Status 6 mdr" (var kolonne K) findes ikke længere');
  expect(wb.getSheet(SUMMARY_SHEET_NAME)!.charts.map((c) => c.name)).not.toContain("Udfald");
});

test("data changed since the last run: the page says so instead of printing numbers; after Kør igen it shows them with the new time", async () => {
  const { wb, run, saved } = await setup();
  const row = 1 + Array.from({ length: 60 }, (_, i) => wb.getSheet("Borgere")!.getCell(i + 1, 12)?.value).findIndex((v) => v === "Kontanthjælp");
  wb.setCellByUser("Borgere", row, 12, "Jobparat");
  const stale = await buildSummary(run, settings);
  expect(stale.analysis).toMatchObject({ status: "stale", ranAt: RAN.toISOString() });
  expect(page(wb).results).toEqual([]);
  expect(all(page(wb).a)).toContain('Analysen "Sammenligning" skal køres igen, før dens tal kan vises her: dataene eller indstillingerne er ændret, siden den blev kørt 30. nov. 2026 kl. 09.00.');
  const later = new Date("2026-12-01T09:30:00Z");
  await saveComparisonSettings(run, (await runAndWriteComparison(run, saved, { lang: "da", now: later })).settings);
  const fresh = await buildSummary(run, settings);
  expect(fresh.analysis).toMatchObject({ status: "ok", ranAt: later.toISOString() });
  expect(page(wb).results.length).toBeGreaterThan(0);
});

test("settings saved but never run (or saved by an older version): the page asks for a run instead of showing numbers", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveComparisonSettings(run, suggestSettings((await readSheetSource(run, "Borgere"))!));
  const report = await buildSummary(run, settings);
  expect(report.analysis).toMatchObject({ status: "stale", ranAt: null });
  expect(all(page(wb).a)).toContain("det er ikke gemt, hvornår den sidst blev kørt");
  expect(page(wb).results).toEqual([]);
});
