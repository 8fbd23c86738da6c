/**
 * The Overblik (src/excel/overviewStore.ts) against the preview workbook, on a whole evaluation: theory,
 * randomisation, measurement sheet, two analyses, progression results and the leader page. An edited data
 * cell marks exactly the parts that read it as stale; "Opdater alt" makes those again and nothing else; a
 * refusal midway leaves the earlier parts made and the later ones marked, the workbook otherwise as it was.
 */
import { analysisName, DEFAULT_ANALYSIS_NAME, outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { formatDateTime } from "../../src/core/dateTime";
import { MEASUREMENT_SHEET_NAME, parseMeasurementSheet, scaleItems } from "../../src/core/progression";
import type { CellScalar } from "../../src/core/report/sheetSpec";
import { DIAGRAM_SHEET_NAME, TEMPLATES, THEORY_SHEET_NAME } from "../../src/core/theory";
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
const SHORT_SHEET = "Sammenligning – Kort sigt";
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

/** The sheet's values as a user sees them (from A1). */
function values(wb: PreviewWorkbook, name: string): CellScalar[][] {
  const s = wb.getSheet(name)!;
  const { rowCount, columnCount } = s.usedExtent();
  return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => (s.getCell(r, c)?.value ?? null) as CellScalar));
}

/** What each generated sheet says, at its top, about when it was made and from which data (issue 21 item 1). */
function madeLines(wb: PreviewWorkbook): Record<string, string> {
  const a = (name: string, row: number): string => String(wb.getSheet(name)?.getCell(row, 0)?.value ?? "(none)");
  const diagram = wb.getSheet(DIAGRAM_SHEET_NAME)!;
  return {
    [THEORY_SHEET_NAME]: a(THEORY_SHEET_NAME, 1),
    [DIAGRAM_SHEET_NAME]: supports("Worksheet.shapes") ? (diagram.shapes.find((x) => x.name === "Lavet")?.text ?? "(none)") : a(DIAGRAM_SHEET_NAME, 1),
    Randomisering: a("Randomisering", 2),
    [MEASUREMENT_SHEET_NAME]: a(MEASUREMENT_SHEET_NAME, 2),
    [DEFAULT_ANALYSIS_NAME]: a(DEFAULT_ANALYSIS_NAME, 1),
    [SHORT]: a(SHORT_SHEET, 1),
    Progression: a("Progression", 1),
    Ledelsesoverblik: a("Ledelsesoverblik", 1),
  };
}

/** The made lines as they read when every sheet was made at `at` (the one date-time format, core/dateTime.ts). */
function expectMadeAt(lines: Record<string, string>, at: Record<string, Date>): void {
  const t = (name: string): string => formatDateTime(at[name], "da").replace(/\./g, "\\.");
  const expected: Record<string, RegExp> = {
    [THEORY_SHEET_NAME]: new RegExp(`^Dette ark er programteoriens kilde\\..* Lavet ${t(THEORY_SHEET_NAME)}\\.$`),
    [DIAGRAM_SHEET_NAME]: new RegExp(`Lavet ${t(DIAGRAM_SHEET_NAME)} ud fra Programteori\\.$`),
    Randomisering: new RegExp(`^Lavet ${t("Randomisering")} ud fra Borgere!A1:[A-Z]+61\\.$`),
    [MEASUREMENT_SHEET_NAME]: new RegExp(`dine indtastninger bevares.* Lavet ${t(MEASUREMENT_SHEET_NAME)} ud fra Programteori\\.$`),
    [DEFAULT_ANALYSIS_NAME]: new RegExp(`^Data: Borgere!A1:M61 · .* · Kørt ${t(DEFAULT_ANALYSIS_NAME)}$`),
    [SHORT]: new RegExp(`^Data: Borgere!A1:M61 · .* · Kørt ${t(SHORT)}$`),
    Progression: new RegExp(`^Data: ${MEASUREMENT_SHEET_NAME}!A4 · Borgere: 6 · Kørt: ${t("Progression")} · `),
    Ledelsesoverblik: new RegExp(`^Intern udgave: .* · Opdateret: ${t("Ledelsesoverblik")} · Data: Borgere!A1:M61, Programteori, ${MEASUREMENT_SHEET_NAME} · Virkning `),
  };
  for (const [name, re] of Object.entries(expected)) expect({ [name]: lines[name] }).toEqual({ [name]: expect.stringMatching(re) });
}
const allAt = (d: Date): Record<string, Date> => Object.fromEntries(Object.keys(madeLines(made)).map((n) => [n, d]));

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
  expect(lines.map((l) => l.part.id)).toEqual(["theory", "design", "measurement", MAIN, SHORT_ID, "progression", "chain", "summary"]);
  expect(states(lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "done", [SHORT_ID]: "done", progression: "done", chain: "missing", summary: "done" });
  expect(lines.filter((l) => l.part.id !== "chain").every((l) => l.state.madeAt !== null && Date.parse(l.state.madeAt) === MADE.getTime())).toBe(true);
  // looking does not write
  expect(snapshotBook(made)).toEqual(book);
});

test("every sheet the evaluation generated says at its top when it was made and from which data", () => {
  expectMadeAt(madeLines(made), allAt(MADE));
});

test("an edited data cell marks exactly the parts that read it; Opdater alt makes those again and nothing else", async () => {
  const wb = await fresh();
  editStatus18(wb, commonRow(wb));
  const before = snapshotBook(wb);
  const lines = await readOverview(runOf(wb), { lang: "da" });
  expect(states(lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "stale", [SHORT_ID]: "done", progression: "stale", chain: "missing", summary: "stale" });

  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual([MAIN, "progression", "summary"]);
  expect(report.refused).toBeNull();
  expect(states(report.lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "done", [SHORT_ID]: "done", progression: "done", chain: "missing", summary: "done" });
  const main = report.lines.find((l) => l.part.id === MAIN)!;
  expect(Date.parse(main.state.madeAt!)).toBe(LATER.getTime());

  const after = snapshotBook(wb);
  const changed = Object.keys(after).filter((n) => after[n] !== before[n]).sort();
  expect(changed).toEqual([DEFAULT_ANALYSIS_NAME, "Ledelsesoverblik", "Progression"].sort());
  // the active analysis is still the one the user chose
  expect((await loadAnalyses(runOf(wb)))?.active).toBe(DEFAULT_ANALYSIS_NAME);
  // the sheets made again say so at the top; the others still say when they were made
  expectMadeAt(madeLines(wb), { ...allAt(MADE), [DEFAULT_ANALYSIS_NAME]: LATER, Progression: LATER, Ledelsesoverblik: LATER });
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
  const cprRow = commonRow(wb);
  const typed = wb.getSheet(BORGERE)!.getCell(cprRow, STATUS_18)?.value;
  wb.setCellByUser(BORGERE, cprRow, STATUS_18, "010190-1234");
  const before = snapshotBook(wb);
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ theory: "stale", design: "done", measurement: "done", [MAIN]: "stale", [SHORT_ID]: "stale", progression: "stale", chain: "missing", summary: "stale" });

  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual(["theory"]);
  expect(report.refused?.id).toBe(MAIN);
  expect(report.refused?.reason.da).toMatch(/CPR/);
  expect(report.refused?.reason.da).not.toContain("010190");
  const byId = Object.fromEntries(report.lines.map((l) => [l.part.id, l.state]));
  expect(states(report.lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "refused", [SHORT_ID]: "stale", progression: "stale", chain: "missing", summary: "stale" });
  expect(byId[SHORT_ID].reason?.da).toMatch(/^Ikke opdateret/);
  expect(byId.progression.reason?.da).toBe(`Ikke opdateret, fordi "Analyse "${DEFAULT_ANALYSIS_NAME}"" blev afvist.`);
  expect(byId.summary.reason?.da).toMatch(/^Ikke opdateret/);

  const after = snapshotBook(wb);
  const changed = Object.keys(after).filter((n) => after[n] !== before[n]).sort();
  // only the theory's sheets: the diagram drawn with the edited title, and both saying when they were made
  expect(changed).toEqual([THEORY_SHEET_NAME, DIAGRAM_SHEET_NAME]);
  expect(after["Programteori – diagram"]).toContain(`${theory.title} (revideret)`);
  expectMadeAt(madeLines(wb), { ...allAt(MADE), [THEORY_SHEET_NAME]: LATER, [DIAGRAM_SHEET_NAME]: LATER });

  // the pane opened again later says the same: the refusal and its reason are kept with the workbook
  const reopened = await readOverview(runOf(wb), { lang: "da" });
  expect(states(reopened)).toEqual(states(report.lines));
  const again = Object.fromEntries(reopened.map((l) => [l.part.id, l.state]));
  expect(again[MAIN].reason).toEqual(report.refused?.reason);
  expect(again.progression.reason?.da).toBe(`Ikke opdateret, fordi "Analyse "${DEFAULT_ANALYSIS_NAME}"" blev afvist.`);
  expect(JSON.stringify(reopened)).not.toContain("010190");

  // the CPR number removed: the data are as the analyses (and the progression) were made from, so they are up to
  // date again and the refusal no longer stands; only the leader page, which shows the edited title, is out of date
  wb.setCellByUser(BORGERE, cprRow, STATUS_18, typed as string);
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "done", [SHORT_ID]: "done", progression: "done", chain: "missing", summary: "stale" });
  const fixed = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(fixed.regenerated).toEqual(["summary"]);
  expect(fixed.refused).toBeNull();
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "done", [SHORT_ID]: "done", progression: "done", chain: "missing", summary: "done" });
}, 60_000);

test("a refused part whose inputs are unchanged is tried again by the next Opdater alt, and refused again with the same reason", async () => {
  const wb = await fresh();
  wb.setCellByUser(BORGERE, commonRow(wb), STATUS_18, "010190-1234");
  const first = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(first.refused?.id).toBe(MAIN);
  const before = snapshotBook(wb);
  const second = await updateAll(runOf(wb), { lang: "da", now: new Date(LATER.getTime() + 60_000) });
  expect(second.regenerated).toEqual([]);
  expect(second.refused?.id).toBe(MAIN);
  expect(second.refused?.reason).toEqual(first.refused?.reason);
  expect(snapshotBook(wb)).toEqual(before);
}, 60_000);

test("a workbook with only a programme theory: the theory is done, every other part is missing, and Opdater alt has nothing to do", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  await saveTheory(runOf(wb), theory, "da", { shapes: supports("Worksheet.shapes"), now: MADE });
  const before = snapshotBook(wb);
  const lines = await readOverview(runOf(wb), { lang: "da" });
  expect(states(lines)).toEqual({ theory: "done", design: "missing", measurement: "missing", progression: "missing", chain: "missing", summary: "missing" });
  expect(lines.filter((l) => l.state.status === "missing").map((l) => l.state.madeAt)).toEqual([null, null, null, null, null]);
  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual([]);
  expect(report.refused).toBeNull();
  expect(snapshotBook(wb)).toEqual(before);
}, 60_000);

test("before each regeneration the inputs are compared again: a part made meanwhile in its own pane is not made again, and the report says so", async () => {
  const wb = await fresh();
  const run = runOf(wb);
  editStatus18(wb, commonRow(wb));
  const shown = await readOverview(run, { lang: "da" });
  expect(states(shown)[MAIN]).toBe("stale");
  // the evaluator presses "Kør igen" in the Sammenligning pane before "Opdater alt"
  const main = (await loadAnalyses(run))!.analyses.find((a) => analysisName(a) === DEFAULT_ANALYSIS_NAME)!;
  await saveAnalysisRun(run, (await runAndWriteComparison(run, main, { lang: "da", now: LATER })).settings);
  const sheet = snapshotSheet(wb, DEFAULT_ANALYSIS_NAME);
  const staleShown = shown.filter((l) => l.state.status === "stale").map((l) => l.part.id);
  const report = await updateAll(run, { lang: "da", now: new Date(LATER.getTime() + 60_000), shown: staleShown });
  expect(report.regenerated).toEqual(["progression", "summary"]);
  expect(report.alreadyUpToDate).toEqual([{ id: MAIN, title: { da: `Analyse "${DEFAULT_ANALYSIS_NAME}"`, en: `Analysis "${DEFAULT_ANALYSIS_NAME}"` } }]);
  expect(snapshotSheet(wb, DEFAULT_ANALYSIS_NAME)).toBe(sheet);
  // and once more: everything is up to date, nothing is written
  const book2 = snapshotBook(wb);
  const again = await updateAll(run, { lang: "da", now: new Date(LATER.getTime() + 120_000) });
  expect(again.regenerated).toEqual([]);
  expect(again.alreadyUpToDate).toEqual([]);
  expect(snapshotBook(wb)).toEqual(book2);
}, 60_000);

test("a delmål renamed on the theory sheet: Opdater alt makes the theory, the measurement sheet, the progression and the leader page again; every score typed stays; each says when", async () => {
  const wb = await fresh();
  const item = scaleItems(theory)[0];
  const t = wb.getSheet(THEORY_SHEET_NAME)!;
  let at: [number, number] | null = null;
  for (let r = 0; r < t.usedExtent().rowCount && !at; r++) for (let c = 0; c < 4 && !at; c++) if (t.getCell(r, c)?.value === item.name) at = [r, c];
  expect(at).not.toBeNull();
  wb.setCellByUser(THEORY_SHEET_NAME, at![0], at![1], `${item.name} (nyt navn)`);
  const entries = parseMeasurementSheet(values(wb, MEASUREMENT_SHEET_NAME)).entries;
  expect(entries.filter((e) => [...e.scores.values()].some((v) => v !== null && v !== "")).length).toBeGreaterThanOrEqual(12);
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ theory: "stale", design: "done", measurement: "stale", [MAIN]: "done", [SHORT_ID]: "done", progression: "stale", chain: "missing", summary: "stale" });

  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual(["theory", "measurement", "progression", "summary"]);
  expect(states(report.lines)).toEqual({ theory: "done", design: "done", measurement: "done", [MAIN]: "done", [SHORT_ID]: "done", progression: "done", chain: "missing", summary: "done" });
  // the measurement sheet's header names the delmål by its new name, and every entry the user typed is still there
  const g = values(wb, MEASUREMENT_SHEET_NAME);
  expect(g[3].some((h) => String(h).startsWith(`${item.id}: ${item.name} (nyt navn)`))).toBe(true);
  expect(parseMeasurementSheet(g).entries).toEqual(entries);
  expectMadeAt(madeLines(wb), { ...allAt(MADE), [THEORY_SHEET_NAME]: LATER, [DIAGRAM_SHEET_NAME]: LATER, [MEASUREMENT_SHEET_NAME]: LATER, Progression: LATER, Ledelsesoverblik: LATER });
}, 60_000);
