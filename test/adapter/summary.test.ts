/**
 * src/excel/summaryStore.ts against the preview workbook: the Ledelsesoverblik sheet with its
 * charts, page setup and protection; regeneration keeps the leader's entries, matched by key
 * figure + month and checklist number even when the layout moves; other sheets are not touched;
 * a user's own sheet with the name is refused.
 */
import { outcomesFromTheory } from "../../src/core/analysis";
import { KL_KEY_FIGURES, SUMMARY_SHEET_NAME, type SummarySettings } from "../../src/core/summary";
import { TEMPLATES } from "../../src/core/theory";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { buildSummary, loadSummarySettings, saveSummarySettings, defaultSummarySettings } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { suggestSettings } from "../../src/core/analysis";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { isLocked, protectionOf } from "../../src/preview/workbook/protectionState";
import { validationAt, conditionalFormatAt } from "../../src/preview/workbook/extrasState";
import type { SheetState } from "../../src/preview/workbook/state";

const theory = TEMPLATES[0].build();
const settings: SummarySettings = { followUp: null, audience: "internal", threshold: 5, lang: "da" };
const ACT = KL_KEY_FIGURES[0].da;

function book(): { wb: PreviewWorkbook; run: PreviewWorkbook["run"] } {
  const wb = createPreviewWorkbook({ sample: true });
  return { wb, run: wb.run.bind(wb) };
}

async function withComparison(run: PreviewWorkbook["run"]): Promise<void> {
  const input = (await readSheetSource(run, "Borgere"))!;
  const s = suggestSettings(input);
  s.outcomes = outcomesFromTheory(theory);
  // "Beregn" as the pane does it: run, then store the settings as run (with the record of the run)
  await saveComparisonSettings(run, (await runAndWriteComparison(run, s, { lang: "da" })).settings);
}

const sheet = (wb: PreviewWorkbook) => wb.getSheet(SUMMARY_SHEET_NAME)!;
const value = (wb: PreviewWorkbook, r: number, c: number) => sheet(wb).getCell(r, c)?.value ?? null;

function findRow(wb: PreviewWorkbook, col: number, text: string, month?: string): number {
  const s = sheet(wb);
  for (let r = 0; r < s.usedExtent().rowCount; r++) if (s.getCell(r, col)?.value === text && (month === undefined || s.getCell(r, 1)?.value === month)) return r;
  return -1;
}

test("creates the sheet with the results, the outcome chart, A4 landscape print setup and a footer with page and date", async () => {
  const { wb, run } = book();
  await saveTheory(run, theory, "da", { shapes: true });
  await withComparison(run);
  const report = await buildSummary(run, settings, { now: new Date("2026-11-30T08:00:00Z") });
  expect(report.sections).toEqual({ theory: true, comparison: true, progression: false });
  expect(report.followUps).toEqual([6, 12, 18]);
  expect(value(wb, 0, 0)).toBe(`Ledelsesoverblik – ${theory.title}`);
  expect(String(value(wb, 1, 0))).toMatch(/^Intern udgave: /);
  expect(String(value(wb, 2, 0))).toMatch(/^(Indsatsen ser ud til at virke på|Vi kan ikke se en (sikker )?forskel på|For få borgere til at sige noget om) "/);
  const layout = await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(SUMMARY_SHEET_NAME);
    ws.load("showGridlines");
    const pl = ws.pageLayout.load("orientation,paperSize");
    const hf = pl.headersFooters.defaultForAllPages.load("rightFooter");
    const charts = ws.charts.load("items/name");
    await ctx.sync();
    return { orientation: pl.orientation, paper: pl.paperSize, footer: hf.rightFooter, charts: charts.items.map((c) => c.name), gridlines: ws.showGridlines };
  });
  expect(layout).toEqual({ orientation: "Landscape", paper: "A4", footer: "Side &P af &N · &D", charts: ["Udfald"], gridlines: false });
  expect(sheet(wb).pageLayout.printTitleRows).toBe("$1:$2");
  // printed at the scale page 1 fits (fit.ts), with page breaks before Nøgletal and Tjekliste
  const s = sheet(wb) as unknown as SheetState;
  expect(s.zoom.scale).toBeGreaterThanOrEqual(80);
  expect(s.rowBreaks).toEqual([findRow(wb, 0, "Nøgletal"), findRow(wb, 0, "Tjekliste for politikere og ledere")]);
  const chart = sheet(wb).charts[0];
  expect(chart.type).toBe("ColumnClustered");
  expect(chart.dataRange.column).toBe(10); // column K: chart data outside the print area A:I
});

test("protected: the leader's cells are open, the rest (formulas, results) locked; answer dropdown and flag fill", async () => {
  const { wb, run } = book();
  const report = await buildSummary(run, settings);
  const s = sheet(wb) as unknown as SheetState;
  expect(protectionOf(s)).toBeDefined();
  const [k0] = report.keyRows;
  for (const c of [0, 1, 2, 3, 4, 7, 8]) expect(isLocked(s, k0, c)).toBe(false);
  for (const c of [5, 6]) expect(isLocked(s, k0, c)).toBe(true);
  expect(isLocked(s, 0, 0)).toBe(true);
  const item = findRow(wb, 1, "3.1");
  expect(isLocked(s, item, 2)).toBe(false);
  expect(isLocked(s, item, 8)).toBe(false);
  expect(isLocked(s, item, 0)).toBe(true);
  expect(validationAt(s, item, 2)?.list.source).toBe("Ja,Delvist,Nej,Ikke relevant");
  // a typed deviation beyond the tolerance is flagged at once by the sheet's formula, and filled
  wb.setCellByUser(SUMMARY_SHEET_NAME, k0, 1, "2026-01");
  wb.setCellByUser(SUMMARY_SHEET_NAME, k0, 2, "30");
  wb.setCellByUser(SUMMARY_SHEET_NAME, k0, 3, "26,5");
  wb.setCellByUser(SUMMARY_SHEET_NAME, k0, 4, "2");
  expect(value(wb, k0, 5)).toBeCloseTo(-3.5, 10);
  expect(value(wb, k0, 6)).toBe("Afvigelse");
  expect(conditionalFormatAt(s, k0, 0)?.fill).toBe("#F8CBAD");
  // a locked cell refuses the edit
  wb.setCellByUser(SUMMARY_SHEET_NAME, k0, 6, "OK");
  expect(value(wb, k0, 6)).toBe("Afvigelse");
});

test("regeneration keeps the leader's entries by key although the rows move, and touches no other sheet", async () => {
  const { wb, run } = book();
  const first = await buildSummary(run, settings);
  const [k0] = first.keyRows;
  const type = (r: number, c: number, t: string) => wb.setCellByUser(SUMMARY_SHEET_NAME, r, c, t);
  // January on KL's placeholder row, February on a blank row further down
  type(k0, 1, "2026-01");
  type(k0, 2, "30");
  type(k0, 3, "31");
  type(k0, 4, "2");
  const blank = first.keyRows[1] - 2;
  type(blank, 0, ACT);
  type(blank, 1, "2026-02");
  type(blank, 2, "30");
  type(blank, 3, "25");
  type(blank, 4, "2");
  type(blank, 7, "Sygdom i teamet");
  type(blank, 8, "Vikar fra marts");
  const item = findRow(wb, 1, "3.4");
  type(item, 2, "Delvist");
  type(item, 8, "Nyhedsbrev hver måned");
  const borgere = JSON.stringify(wb.getSheet("Borgere")!.usedExtent()) + JSON.stringify(wb.getSheet("Borgere")!.getCell(5, 4));

  // the workbook gains a theory and a comparison: the results section grows and the rows move
  await saveTheory(run, theory, "da", { shapes: true });
  await withComparison(run);
  const second = await buildSummary(run, settings);
  expect(second.keyRows[0]).toBeGreaterThan(k0);
  // the two months the leader filled in; KL's untouched placeholder rows are not entries
  expect(second.keptEntries).toEqual({ keyFigures: 2, answers: 1 });
  const jan = findRow(wb, 0, ACT, "2026-01");
  const feb = findRow(wb, 0, ACT, "2026-02");
  expect(feb).toBe(jan + 1);
  expect([2, 3, 4, 5, 6].map((c) => value(wb, jan, c))).toEqual([30, 31, 2, 1, "OK"]);
  expect([2, 3, 4, 5, 6, 7, 8].map((c) => value(wb, feb, c))).toEqual([30, 25, 2, -5, "Afvigelse", "Sygdom i teamet", "Vikar fra marts"]);
  const item2 = findRow(wb, 1, "3.4");
  expect(item2).not.toBe(item);
  expect([value(wb, item2, 2), value(wb, item2, 8)]).toEqual(["Delvist", "Nyhedsbrev hver måned"]);
  // the suggestions use the entries and the theory
  expect(value(wb, findRow(wb, 1, "3.1"), 3)).toBe("Ja");
  expect(value(wb, findRow(wb, 1, "3.2"), 3)).toBe("Ja");
  expect(value(wb, findRow(wb, 1, "3.3"), 3)).toBe("Ja");
  // one line chart for the key figure with months, against its target
  expect(sheet(wb).charts.map((c) => [c.name, c.type])).toEqual([["Udfald", "ColumnClustered"], ["Noegletal1", "Line"]]);
  expect(JSON.stringify(wb.getSheet("Borgere")!.usedExtent()) + JSON.stringify(wb.getSheet("Borgere")!.getCell(5, 4))).toBe(borgere);
});

test("a user's own sheet named Ledelsesoverblik is refused and left as it was", async () => {
  const { wb, run } = book();
  wb.setValues(SUMMARY_SHEET_NAME, "A1", [["Mine noter"]]);
  await expect(buildSummary(run, settings)).rejects.toMatchObject({ name: "VirkningError" });
  expect(value(wb, 0, 0)).toBe("Mine noter");
});

test("settings are stored and validated when read", async () => {
  const { run } = book();
  expect(await loadSummarySettings(run)).toBeNull();
  await saveSummarySettings(run, { ...defaultSummarySettings(), followUp: 12, threshold: 10 });
  expect(await loadSummarySettings(run)).toEqual({ version: 1, followUp: 12, audience: "internal", threshold: 10, lang: "da" });
  await saveSummarySettings(run, { ...defaultSummarySettings(), audience: "public", threshold: 3 });
  expect((await loadSummarySettings(run))?.audience).toBe("public");
  // a threshold of 1 or 2 protects nobody: refused
  for (const threshold of [0, 1, 2]) await expect(saveSummarySettings(run, { ...defaultSummarySettings(), threshold })).rejects.toThrow();
});

test("a CPR number typed into a note is refused, naming the cell; nothing is written", async () => {
  const { wb, run } = book();
  const first = await buildSummary(run, settings);
  const r = first.keyRows[0];
  wb.setCellByUser(SUMMARY_SHEET_NAME, r, 7, "Borger 010190-1235 er sygemeldt");
  const before = JSON.stringify(Array.from({ length: 5 }, (_, i) => value(wb, r + i, 0)));
  await expect(buildSummary(run, { ...settings, audience: "public", threshold: 7 })).rejects.toMatchObject({ code: "CPR_FOUND", location: { cell: `Ledelsesoverblik!H${r + 1}` } });
  expect(value(wb, 1, 0)).toMatch(/^Intern udgave/); // still the first build's edition
  expect(JSON.stringify(Array.from({ length: 5 }, (_, i) => value(wb, r + i, 0)))).toBe(before);
});

test("sync budget: theory, comparison settings and data, progression check, the existing sheet, then one transactional render", async () => {
  const { wb, run } = book();
  await saveTheory(run, theory, "da", { shapes: true });
  await withComparison(run);
  let before = wb.syncCount;
  await buildSummary(run, settings);
  const create = wb.syncCount - before;
  before = wb.syncCount;
  await buildSummary(run, settings);
  const regenerate = wb.syncCount - before;
  // reads: theory 2 (the one reader: sheet look-up, then cells), comparison settings 1, data 1 + 1 chunk, sheet list 1 (no
  // "Progression": no more), register settings 1 (none stored: no more), existing sheet 1 (+ 1 chunk when it exists); then the
  // renderer's 4 syncs to create, 5 to regenerate + 1 because the sheet is protected (unprotect has a sync of its own, so that a
  // refusal leaves the sheet untouched); then 1 to keep the Overblik's record of the page (made from what was read: nothing is
  // read again)
  expect(create).toBe(8 + 4 + 1);
  expect(regenerate).toBe(9 + 5 + 1 + 1);
  expect(regenerate - create).toBeLessThanOrEqual(3);
});
