/**
 * The Overblik's parts that were built beside it (issue 21 items 2 and 3), against the preview workbook:
 * an analysis that takes its groups from "Randomisering" is marked stale when the randomisation changes (and
 * so are its readers, nothing else), and "Virkningskæden i data" is a part of its own between the progression
 * and the leader page: recorded when made in its pane, stale when a measurement entry changes, made again by
 * "Opdater alt", and read by the leader page ("Holder kæden?"). Right after each part is made in its own
 * pane, no part is stale.
 */
import fixture from "../fixtures/design/allocation.json";
import { analysisName, outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { CHAIN_SHEET_NAME } from "../../src/core/chain";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { TEMPLATES, THEORY_SHEET_NAME } from "../../src/core/theory";
import { loadChainRecord, runAndWriteChain } from "../../src/excel/chainStore";
import { createAnalysis, deleteComparisonSettings, loadAnalyses, readSheetSource, runAndWriteComparison, saveAnalysisRun, saveComparisonSettings, setActiveAnalysis } from "../../src/excel/comparisonStore";
import { loadDesignSettings, randomise, registerDecline } from "../../src/excel/designStore";
import { supports } from "../../src/excel/host";
import { readOverview, updateAll, type OverviewLine } from "../../src/excel/overviewStore";
import { citizensFromComparison, defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression, saveProgressionSettings } from "../../src/excel/progressionStore";
import { buildSummary, defaultSummarySettings, saveSummarySettings } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { designSettingsFor } from "./helpers/designSettings";
import { runOf } from "./helpers/storeScenarios";

const theory = TEMPLATES[0].build();
const items = scaleItems(theory);
const CASE = "sample: Køn, seed 2^32-1, 2 reserves, declines";
const declines = fixture.cases.find((x) => x.name === CASE)!.declines as string[];
const MADE = new Date("2026-11-30T08:00:00Z");
const LATER = new Date("2026-12-07T09:30:00Z");
const TRIAL = "Forsøg";
const MAIN = "analysis:Sammenligning";
const TRIAL_ID = `analysis:${TRIAL}`;
/** The arms as the allocation table names them. */
const ARMS = ["Indsatsgruppe", "Kontrolgruppe"];

const states = (lines: OverviewLine[]): Record<string, string> => Object.fromEntries(lines.map((l) => [l.part.id, l.state.status]));
const allDone = { theory: "done", design: "done", measurement: "done", [MAIN]: "done", [TRIAL_ID]: "done", progression: "done", chain: "done", summary: "done" };

function snapshotSheet(wb: PreviewWorkbook, name: string): string {
  const sheet = wb.getSheet(name);
  if (!sheet) return "(missing)";
  const { rowCount, columnCount } = sheet.usedExtent();
  const cells: unknown[] = [];
  for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) cells.push(sheet.getCell(r, c)?.value ?? null);
  return JSON.stringify({ rowCount, columnCount, cells, shapes: sheet.shapes.map((x) => x.text) });
}
const snapshotBook = (wb: PreviewWorkbook): Record<string, string> => Object.fromEntries(wb.sheetNames().map((n) => [n, snapshotSheet(wb, n)]));
const changedSheets = (before: Record<string, string>, after: Record<string, string>): string[] => Object.keys(after).filter((n) => after[n] !== before[n]).sort();

/** The measurement sheet's column for a delmål (headers on row 4). */
function column(wb: PreviewWorkbook, id: string): number {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let c = 0; c < s.usedExtent().columnCount; c++) if (String(s.getCell(3, c)?.value ?? "").startsWith(`${id}:`)) return c;
  throw new Error(`no column ${id}`);
}

/** Two scored rounds for every citizen on the measurement sheet, typed as a user types them. */
function score(wb: PreviewWorkbook): void {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  const cols = items.map((it) => column(wb, it.id));
  for (let r = 4; r < s.usedExtent().rowCount; r++) {
    const round = s.getCell(r, 2)?.value;
    if (round !== 1 && round !== 2) continue;
    items.forEach((it, k) => {
      const level = round === 1 ? (r + k) % 2 : (r * (k + 3)) % it.labels.length;
      wb.setCellByUser(MEASUREMENT_SHEET_NAME, r, cols[k], it.labels[level]);
    });
  }
}

/**
 * The evaluation made as the panes make it, at MADE: theory, randomisation with two declines, the analysis
 * "Sammenligning" on the data's own groups and "Forsøg" with the groups and strata from Randomisering (the
 * active one, which the leader page reads), the measurement sheet scored, the progression, the chain, and the
 * leader page (after the chain, unless `chainLast`).
 */
async function evaluation(opts: { chainLast?: boolean } = {}): Promise<PreviewWorkbook> {
  const wb = createPreviewWorkbook({ sample: true });
  const run = runOf(wb);
  const now = MADE;
  const shapes = supports("Worksheet.shapes");
  await saveTheory(run, theory, "da", { shapes, now });
  let design = (await randomise(run, designSettingsFor(CASE), { lang: "da", now })).settings;
  for (const id of declines) design = (await registerDecline(run, design, id, { lang: "da", now })).settings;
  const s = suggestSettings((await readSheetSource(run, "Borgere"))!);
  s.outcomes = outcomesFromTheory(theory);
  await saveComparisonSettings(run, (await runAndWriteComparison(run, s, { lang: "da", now })).settings);
  const c = await createAnalysis(run, TRIAL, { ...s, randomisation: { strata: true } });
  await saveAnalysisRun(run, (await runAndWriteComparison(run, c.analyses.find((a) => a.name === TRIAL)!, { lang: "da", now })).settings);
  await setActiveAnalysis(run, TRIAL);
  await generateMeasurementSheet(run, { citizens: await citizensFromComparison(run), startDate: 46023, now });
  score(wb);
  const ps = defaultProgressionSettings();
  await runAndWriteProgression(run, ps, { now });
  await saveProgressionSettings(run, ps);
  const summary = async (): Promise<void> => {
    const ss = defaultSummarySettings("da");
    await buildSummary(run, { followUp: ss.followUp, audience: ss.audience, threshold: ss.threshold, lang: "da" }, { now });
    await saveSummarySettings(run, ss);
  };
  if (opts.chainLast) await summary();
  await runAndWriteChain(run, { lang: "da", now, shapes });
  if (!opts.chainLast) await summary();
  return wb;
}

/** The allocation table's header row and columns on "Randomisering", found by header text. */
function allocationTable(wb: PreviewWorkbook): { header: number; group: number; status: number; rows: number[] } {
  const s = wb.getSheet("Randomisering")!;
  const { rowCount, columnCount } = s.usedExtent();
  const text = (r: number, c: number): string => String(s.getCell(r, c)?.value ?? "");
  for (let r = 0; r < rowCount; r++) {
    const cols = Array.from({ length: columnCount }, (_, c) => text(r, c));
    if (cols.includes("Stratum") && cols.includes("Status") && cols.includes("Gruppe")) {
      const rows: number[] = [];
      for (let k = r + 1; k < rowCount && text(k, 0) !== ""; k++) rows.push(k);
      return { header: r, group: cols.indexOf("Gruppe"), status: cols.indexOf("Status"), rows };
    }
  }
  throw new Error("no allocation table");
}

let made: PreviewWorkbook;
beforeAll(async () => {
  made = await evaluation();
}, 90_000);

test("right after each part is made in its own pane none is stale; the chain is listed after the progression, before the leader page, and opens the Progression pane", async () => {
  const lines = await readOverview(runOf(made), { lang: "da" });
  expect(lines.map((l) => l.part.id)).toEqual(["theory", "design", "measurement", MAIN, TRIAL_ID, "progression", "chain", "summary"]);
  expect(states(lines)).toEqual(allDone);
  const chain = lines.find((l) => l.part.id === "chain")!;
  expect(chain.part.title.da).toBe(CHAIN_SHEET_NAME);
  expect([chain.part.pane, chain.part.sheet, chain.part.anchor]).toEqual(["progression", CHAIN_SHEET_NAME, "prog-step-chain"]);
  expect(Date.parse(chain.state.madeAt!)).toBe(MADE.getTime());
  // the analysis from Randomisering really is one: its sheet says so
  expect(snapshotSheet(made, `Sammenligning – ${TRIAL}`)).toContain("Grupper fra arket Randomisering");
}, 60_000);

test("a group changed on Randomisering: the analysis from it, the chain (which compares the groups as randomised) and the leader page are stale, nothing else; Opdater alt makes those again", async () => {
  const wb = await evaluation();
  const t = allocationTable(wb);
  const sheet = wb.getSheet("Randomisering")!;
  // a citizen in the trial (allocated, not declined): the analysis counts him or her in the other group now
  const row = t.rows.find((r) => ARMS.includes(String(sheet.getCell(r, t.group)?.value)) && sheet.getCell(r, t.status)?.value === "Fordelt")!;
  expect(row).toBeDefined();
  // the sheet is protected (the add-in's): the evaluator unprotects it (Gennemse → Fjern arkbeskyttelse), then types
  await runOf(wb)(async (context) => {
    context.workbook.worksheets.getItem("Randomisering").protection.unprotect();
    await context.sync();
  });
  const other = sheet.getCell(row, t.group)?.value === ARMS[0] ? ARMS[1] : ARMS[0];
  wb.setCellByUser("Randomisering", row, t.group, other);
  expect(sheet.getCell(row, t.group)?.value).toBe(other);
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ ...allDone, [TRIAL_ID]: "stale", chain: "stale", summary: "stale" });

  const before = snapshotBook(wb);
  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual([TRIAL_ID, "chain", "summary"]);
  expect(report.refused).toBeNull();
  expect(states(report.lines)).toEqual(allDone);
  expect(changedSheets(before, snapshotBook(wb))).toEqual([`Sammenligning – ${TRIAL}`, CHAIN_SHEET_NAME, SUMMARY_SHEET_NAME].sort());
}, 90_000);

test("a decline recorded in the Forsøgsdesign pane: the randomisation is made again there (done), the analysis from it and the chain are stale until Opdater alt", async () => {
  const wb = await evaluation();
  const run = runOf(wb);
  const t = allocationTable(wb);
  const sheet = wb.getSheet("Randomisering")!;
  const inTrial = t.rows.map((r) => ({ id: String(sheet.getCell(r, 0)?.value), group: String(sheet.getCell(r, t.group)?.value) })).filter((x) => ARMS.includes(x.group) && !declines.includes(x.id));
  // the first citizen in the trial whose stratum still has a reserve to call in (the pane refuses the others)
  let declined: string | null = null;
  for (const x of inTrial) {
    const ok = await registerDecline(run, (await loadDesignSettings(run))!, x.id, { lang: "da", now: LATER }).then(
      () => true,
      () => false,
    );
    if (ok) {
      declined = x.id;
      break;
    }
  }
  expect(declined).not.toBeNull();
  expect(states(await readOverview(run, { lang: "da" }))).toEqual({ ...allDone, [TRIAL_ID]: "stale", chain: "stale", summary: "stale" });
  const report = await updateAll(run, { lang: "da", now: LATER });
  expect(report.regenerated).toEqual([TRIAL_ID, "chain", "summary"]);
  expect(states(report.lines)).toEqual(allDone);
  const trial = (await loadAnalyses(run))!.analyses.find((a) => analysisName(a) === TRIAL)!;
  expect(Date.parse(trial.lastRun!.at)).toBe(LATER.getTime());
}, 90_000);

test("a measurement entry changed: the progression, the chain and the leader page are stale; Opdater alt makes them again in that order and the chain is done", async () => {
  const wb = await evaluation();
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  const col = column(wb, items[0].id);
  const row = Array.from({ length: s.usedExtent().rowCount - 4 }, (_, i) => i + 4).find((r) => s.getCell(r, 2)?.value === 2)!;
  const was = String(s.getCell(row, col)?.value);
  wb.setCellByUser(MEASUREMENT_SHEET_NAME, row, col, items[0].labels.find((l) => l !== was)!);
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ ...allDone, progression: "stale", chain: "stale", summary: "stale" });

  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual(["progression", "chain", "summary"]);
  expect(report.refused).toBeNull();
  expect(states(report.lines)).toEqual(allDone);
  const chain = report.lines.find((l) => l.part.id === "chain")!;
  expect(Date.parse(chain.state.madeAt!)).toBe(LATER.getTime());
  expect((await loadChainRecord(runOf(wb)))?.lastRun.at).toBe(LATER.toISOString());
}, 90_000);

test("the chain made after the leader page: the page, which now has a chain to report, is stale until Opdater alt makes it again with Holder kæden?", async () => {
  const wb = await evaluation({ chainLast: true });
  expect(snapshotSheet(wb, SUMMARY_SHEET_NAME)).not.toContain("Holder kæden");
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ ...allDone, summary: "stale" });
  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual(["summary"]);
  expect(states(report.lines)).toEqual(allDone);
  expect(snapshotSheet(wb, SUMMARY_SHEET_NAME)).toContain("Holder kæden");
}, 90_000);

test("the comparison deleted after the chain was made: the chain is refused with the chain step's own reason, and Opdater alt writes no chain", async () => {
  const wb = await evaluation();
  await deleteComparisonSettings(runOf(wb));
  const chain = (await readOverview(runOf(wb), { lang: "da" })).find((l) => l.part.id === "chain")!;
  expect(chain.state.status).toBe("refused");
  expect(chain.state.reason?.da).toMatch(/^Sammenligningen er ikke sat op/);
  const sheet = snapshotSheet(wb, CHAIN_SHEET_NAME);
  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).not.toContain("chain");
  expect(snapshotSheet(wb, CHAIN_SHEET_NAME)).toBe(sheet);
}, 90_000);

test("a slutmål renamed on the theory sheet: the analyses that take their outcomes from the theory are stale with the chain and the leader page; Opdater alt names them anew", async () => {
  const wb = await evaluation();
  const goal = theory.finalGoals[0];
  const t = wb.getSheet(THEORY_SHEET_NAME)!;
  let at: [number, number] | null = null;
  for (let r = 0; r < t.usedExtent().rowCount && !at; r++) for (let c = 0; c < 4 && !at; c++) if (t.getCell(r, c)?.value === goal.name) at = [r, c];
  expect(at).not.toBeNull();
  wb.setCellByUser(THEORY_SHEET_NAME, at![0], at![1], `${goal.name} (nyt navn)`);
  expect(states(await readOverview(runOf(wb), { lang: "da" }))).toEqual({ ...allDone, theory: "stale", [MAIN]: "stale", [TRIAL_ID]: "stale", chain: "stale", summary: "stale" });
  const report = await updateAll(runOf(wb), { lang: "da", now: LATER });
  expect(report.regenerated).toEqual(["theory", MAIN, TRIAL_ID, "chain", "summary"]);
  expect(states(report.lines)).toEqual(allDone);
  expect(snapshotSheet(wb, "Sammenligning")).toContain(`${goal.name} (nyt navn)`);
}, 90_000);
