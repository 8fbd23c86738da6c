/**
 * The Overblik (src/excel/overviewStore.ts) against the preview workbook, on a whole evaluation: theory,
 * randomisation, measurement sheet, two analyses, progression results and the leader page. An edited data
 * cell marks exactly the parts that read it as stale; "Opdater alt" makes those again and nothing else; a
 * refusal midway leaves the earlier parts made and the later ones marked, the workbook otherwise as it was.
 */
import { DEFAULT_ANALYSIS_NAME, outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { TEMPLATES, THEORY_SHEET_NAME } from "../../src/core/theory";
import { createAnalysis, loadAnalyses, readSheetSource, runAndWriteComparison, saveAnalysisRun, saveComparisonSettings, setActiveAnalysis } from "../../src/excel/comparisonStore";
import { randomise } from "../../src/excel/designStore";
import { supports } from "../../src/excel/host";
import { readOverview, updateAll, type OverviewLine } from "../../src/excel/overviewStore";
import { citizensFromComparison, defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression, saveProgressionSettings } from "../../src/excel/progressionStore";
import { buildSummary, defaultSummarySettings, saveSummarySettings } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { designSettingsFor } from "./helpers/designSettings";
import { runOf } from "./helpers/storeScenarios";

const theory = TEMPLATES[0].build();
const MADE = new Date("2026-11-30T08:00:00Z");
const LATER = new Date("2026-12-07T09:30:00Z");
const SHORT = "Kort sigt";
const BORGERE = "Borgere";
const STATUS_18 = 12; // column M, "Status 18 mdr": read by the main analysis only

function snapshotSheet(wb: PreviewWorkbook, name: string): string {
  const sheet = wb.getSheet(name);
  if (!sheet) return "(missing)";
  const { rowCount, columnCount } = sheet.usedExtent();
  const cells: unknown[] = [];
  for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) cells.push(sheet.getCell(r, c) ?? null);
  return JSON.stringify({ rowCount, columnCount, cells, merges: sheet.merges, charts: sheet.charts.length, shapes: sheet.shapes.map((x) => x.text) });
}
const snapshotBook = (wb: PreviewWorkbook): Record<string, string> => Object.fromEntries(wb.sheetNames().map((n) => [n, snapshotSheet(wb, n)]));

function typeScore(wb: PreviewWorkbook, citizen: string, round: number, column: number, text: string): void {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let r = 4; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === citizen && s.getCell(r, 2)?.value === round) return wb.setCellByUser(MEASUREMENT_SHEET_NAME, r, column, text);
  throw new Error(`no row ${citizen}/${round}`);
}

/** The whole evaluation made as the panes make it, at MADE. */
async function evaluation(): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook({ sample: true });
  const run = runOf(wb);
  const now = MADE;
  await saveTheory(run, theory, "da", { shapes: supports("Worksheet.shapes"), now });
  await randomise(run, designSettingsFor("sample: Køn, seed 2^32-1, 2 reserves, declines"), { lang: "da", now });
  // two analyses: the main one over every follow-up, "Kort sigt" over the first six months only
  const s = suggestSettings((await readSheetSource(run, BORGERE))!);
  s.outcomes = outcomesFromTheory(theory);
  await saveComparisonSettings(run, (await runAndWriteComparison(run, s, { lang: "da", now })).settings);
  const short = { ...s, columns: { ...s.columns, timepoints: s.columns.timepoints.filter((t) => t.month <= 6) } };
  const c = await createAnalysis(run, SHORT, short);
  const added = c.analyses.find((a) => a.name === SHORT)!;
  await saveAnalysisRun(run, (await runAndWriteComparison(run, added, { lang: "da", now })).settings);
  await setActiveAnalysis(run, DEFAULT_ANALYSIS_NAME);
  await generateMeasurementSheet(run, { citizens: (await citizensFromComparison(run)).slice(0, 6), startDate: 46023, now });
  const items = scaleItems(theory);
  const header = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  const col = Array.from({ length: header.usedExtent().columnCount }, (_, j) => String(header.getCell(3, j)?.value ?? "")).findIndex((h) => h.startsWith(`${items[0].id}:`));
  const ids = (await citizensFromComparison(run)).slice(0, 6).map((x) => x.id);
  ids.forEach((id, k) => {
    typeScore(wb, id, 1, col, items[0].labels[k % 2]);
    typeScore(wb, id, 2, col, items[0].labels[2 + (k % 2)]);
  });
  const ps = defaultProgressionSettings();
  await runAndWriteProgression(run, ps, { now });
  await saveProgressionSettings(run, ps);
  const ss = defaultSummarySettings("da");
  await buildSummary(run, { followUp: ss.followUp, audience: ss.audience, threshold: ss.threshold, lang: "da" }, { now });
  await saveSummarySettings(run, ss);
  return wb;
}

const states = (lines: OverviewLine[]): Record<string, string> => Object.fromEntries(lines.map((l) => [l.part.id, l.state.status]));
const MAIN = `analysis:${DEFAULT_ANALYSIS_NAME}`;
const SHORT_ID = `analysis:${SHORT}`;

/** Another status in the same column, so the edit changes the main analysis's data. */
function editStatus18(wb: PreviewWorkbook, row: number): void {
  const s = wb.getSheet(BORGERE)!;
  const now = s.getCell(row, STATUS_18)?.value;
  wb.setCellByUser(BORGERE, row, STATUS_18, now === "Jobparat" ? "Kontanthjælp" : "Jobparat");
}

/** A row whose status at 18 months is common in the column, so no status label disappears from the data with the edit. */
function commonRow(wb: PreviewWorkbook): number {
  const s = wb.getSheet(BORGERE)!;
  const rows = Array.from({ length: s.usedExtent().rowCount - 1 }, (_, i) => i + 1);
  const count = (v: unknown): number => rows.filter((r) => s.getCell(r, STATUS_18)?.value === v).length;
  return rows.find((r) => count(s.getCell(r, STATUS_18)?.value) >= 5)!;
}

let made: PreviewWorkbook;
let book: Record<string, string>;
beforeAll(async () => {
  made = await evaluation();
  book = snapshotBook(made);
}, 60_000);

async function fresh(): Promise<PreviewWorkbook> {
  return evaluation();
}

test("right after the panes made them, every part is done, in dependency order, with the date it was made", async () => {
  const lines = await readOverview(runOf(made), { lang: "da" });
  expect(lines.map((l) => l.part.id)).toEqual(["theory", "design", "measurement", MAIN, SHORT_ID, "progression", "summary"]);
  expect(states(lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "done", [SHORT_ID]: "done", progression: "done", summary: "done" });
  expect(lines.every((l) => l.state.madeAt !== null && Date.parse(l.state.madeAt) === MADE.getTime())).toBe(true);
  // looking does not write
  expect(snapshotBook(made)).toEqual(book);
});

test("an edited data cell marks exactly the parts that read it; Opdater alt makes those again and nothing else", async () => {
  const wb = await fresh();
  editStatus18(wb, commonRow(wb));
  const before = snapshotBook(wb);
  const lines = await readOverview(runOf(wb), { lang: "da" });
  expect(states(lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "stale", [SHORT_ID]: "done", progression: "stale", summary: "stale" });

  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual([MAIN, "progression", "summary"]);
  expect(report.refused).toBeNull();
  expect(states(report.lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "done", [SHORT_ID]: "done", progression: "done", summary: "done" });
  const main = report.lines.find((l) => l.part.id === MAIN)!;
  expect(Date.parse(main.state.madeAt!)).toBe(LATER.getTime());

  const after = snapshotBook(wb);
  const changed = Object.keys(after).filter((n) => after[n] !== before[n]).sort();
  expect(changed).toEqual([DEFAULT_ANALYSIS_NAME, "Ledelsesoverblik", "Progression"].sort());
  // the active analysis is still the one the user chose
  expect((await loadAnalyses(runOf(wb)))?.active).toBe(DEFAULT_ANALYSIS_NAME);
}, 60_000);

test("a refusal midway: earlier parts stay made, later ones stay stale and say why; nothing else is written", async () => {
  const wb = await fresh();
  // the theory's title edited on its sheet (theory and leader page read it) ...
  const t = wb.getSheet(THEORY_SHEET_NAME)!;
  let titleRow = -1;
  for (let r = 0; r < t.usedExtent().rowCount && titleRow < 0; r++) if (t.getCell(r, 1)?.value === theory.title) titleRow = r;
  expect(titleRow).toBeGreaterThanOrEqual(0);
  wb.setCellByUser(THEORY_SHEET_NAME, titleRow, 1, `${theory.title} (revideret)`);
  // ... and a CPR number typed into a status cell: both analyses' "Kør igen" check every cell of their data for CPR numbers
  wb.setCellByUser(BORGERE, commonRow(wb), STATUS_18, "010190-1234");
  const before = snapshotBook(wb);
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ theory: "stale", design: "done", measurement: "done", [MAIN]: "stale", [SHORT_ID]: "stale", progression: "stale", summary: "stale" });

  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual(["theory"]);
  expect(report.refused?.id).toBe(MAIN);
  expect(report.refused?.reason.da).toMatch(/CPR/);
  expect(report.refused?.reason.da).not.toContain("010190");
  const byId = Object.fromEntries(report.lines.map((l) => [l.part.id, l.state]));
  expect(states(report.lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "refused", [SHORT_ID]: "stale", progression: "stale", summary: "stale" });
  expect(byId[SHORT_ID].reason?.da).toMatch(/^Ikke opdateret/);
  expect(byId.progression.reason?.da).toBe(`Ikke opdateret, fordi "Analyse "${DEFAULT_ANALYSIS_NAME}"" blev afvist.`);
  expect(byId.summary.reason?.da).toMatch(/^Ikke opdateret/);

  const after = snapshotBook(wb);
  const changed = Object.keys(after).filter((n) => after[n] !== before[n]).sort();
  // only the theory's diagram, now drawn with the edited title
  expect(changed).toEqual(["Programteori – diagram"]);
  expect(after["Programteori – diagram"]).toContain(`${theory.title} (revideret)`);
}, 60_000);
