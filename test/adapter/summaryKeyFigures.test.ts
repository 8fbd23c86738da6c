/**
 * Issue 20 item 4 against the preview workbook: the nøgletal flags and the status line are live sheet
 * formulas that the preview's formula engine computes as Excel would (decimal-exact at the boundary,
 * by direction), and the leader's entries survive regeneration as typed: a formula stays a formula,
 * text stays text, "5%" stays 5 %; "Bevaret" counts entries, not placeholder rows.
 */
import { SUMMARY_SHEET_NAME, type SummarySettings } from "../../src/core/summary";
import { buildSummary } from "../../src/excel/summaryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { validationAt } from "../../src/preview/workbook/extrasState";
import { isLocked } from "../../src/preview/workbook/protectionState";
import type { SheetState } from "../../src/preview/workbook/state";

const settings: SummarySettings = { followUp: null, threshold: 5, lang: "da", audience: "internal" };

function book(): { wb: PreviewWorkbook; run: PreviewWorkbook["run"] } {
  const wb = createPreviewWorkbook({ sample: true });
  return { wb, run: wb.run.bind(wb) };
}

const sheet = (wb: PreviewWorkbook) => wb.getSheet(SUMMARY_SHEET_NAME)!;
const value = (wb: PreviewWorkbook, r: number, c: number) => sheet(wb).getCell(r, c)?.value ?? null;
const type = (wb: PreviewWorkbook, r: number, c: number, t: string) => wb.setCellByUser(SUMMARY_SHEET_NAME, r, c, t);

/** First row at or below `from` whose columns A and B hold `a` and `b`. */
function rowOf(wb: PreviewWorkbook, a: string, b?: string, from = 0): number {
  const n = sheet(wb).usedExtent().rowCount;
  for (let r = from; r < n; r++) if (value(wb, r, 0) === a && (b === undefined || value(wb, r, 1) === b)) return r;
  return -1;
}

/** The first empty row of the direction table (below its header "Nøgletal | Retning | Decimaler"). */
function blankDefinitionRow(wb: PreviewWorkbook): number {
  let r = rowOf(wb, "Nøgletal", "Retning") + 1;
  while (value(wb, r, 0) !== null) r++;
  return r;
}

/** The status line above the tables: the cell in column A that starts with "Nu:". */
function statusLine(wb: PreviewWorkbook): unknown {
  const n = sheet(wb).usedExtent().rowCount;
  for (let r = 0; r < n; r++) if (String(value(wb, r, 0)).startsWith("Nu:")) return value(wb, r, 0);
  return null;
}

/** Through the API, as the add-in would read them: formula, value and number format of one cell. */
async function cellAsRead(run: PreviewWorkbook["run"], r: number, c: number): Promise<{ formula: unknown; value: unknown; format: unknown }> {
  return run(async (ctx) => {
    const cell = ctx.workbook.worksheets.getItem(SUMMARY_SHEET_NAME).getRangeByIndexes(r, c, 1, 1).load("formulas,values,numberFormat");
    await ctx.sync();
    return { formula: cell.formulas[0][0], value: cell.values[0][0], format: cell.numberFormat[0][0] };
  });
}

describe("flags computed by the sheet's own formulas, at decimal boundaries, by direction", () => {
  const cases: { figure: string; direction: string; months: [string, string, string, string, string][] }[] = [
    // [month, måltal, faktisk, tolerance, flag]: the 42,3 → 44,5 with tolerance 2,2 is not flagged, 44,51 is
    { figure: "Andel tilbage på kontanthjælp (%)", direction: "højst", months: [["2026-01", "42,3", "44,5", "2,2", "OK"], ["2026-02", "42,3", "44,51", "2,2", "Afvigelse"], ["2026-03", "42,3", "10", "2,2", "OK"]] },
    { figure: "Borgere i praktik (%)", direction: "mindst", months: [["2026-01", "44,5", "42,3", "2,2", "OK"], ["2026-02", "44,5", "42,29", "2,2", "Afvigelse"], ["2026-03", "44,5", "90", "2,2", "OK"]] },
    { figure: "Sager pr. rådgiver", direction: "interval", months: [["2026-01", "42,3", "40,1", "2,2", "OK"], ["2026-02", "42,3", "44,51", "2,2", "Afvigelse"], ["2026-03", "42,3", "40,09", "2,2", "Afvigelse"]] },
  ];

  it("types the directions and entries, and reads back each flag and the live status line (no Opdater in between)", async () => {
    const { wb, run } = book();
    const report = await buildSummary(run, settings);
    expect(statusLine(wb)).toBe("Nu: 0 af 0 udfyldte måneder afviger mere end tolerancen.");
    // the direction is chosen from a dropdown in the open cells of the table "Retning og præcision"
    const s = sheet(wb) as unknown as SheetState;
    const def = blankDefinitionRow(wb);
    expect(validationAt(s, def, 1)?.list.source).toBe("mindst,højst,interval");
    expect([0, 1, 2, 3].map((c) => isLocked(s, def, c))).toEqual([false, false, false, true]);
    for (const c of cases) {
      const d = blankDefinitionRow(wb);
      type(wb, d, 0, c.figure);
      type(wb, d, 1, c.direction);
      type(wb, d, 2, "2");
    }
    let r = report.keyRows[1] - 11; // the blank entry rows at the bottom of the table
    const rows: [number, string][] = [];
    for (const c of cases)
      for (const [month, target, actual, tol, flag] of c.months) {
        [c.figure, month, target, actual, tol].forEach((t, col) => type(wb, r, col, t));
        rows.push([r++, flag]);
      }
    expect(rows.map(([row]) => value(wb, row, 6))).toEqual(rows.map(([, flag]) => flag));
    expect(value(wb, rows[0][0], 5)).toBe(2.2); // the deviation as rounded, not 2,200000000000003
    expect(statusLine(wb)).toBe("Nu: 4 af 9 udfyldte måneder afviger mere end tolerancen.");
    // a figure with no row in the table is compared both ways at two decimals
    type(wb, r, 0, "Uden retning");
    [null, "2026-01", "10", "7,99", "2"].forEach((t, col) => t !== null && type(wb, r, col, t));
    expect(value(wb, r, 6)).toBe("Afvigelse");
    // text where a number belongs: the flag says so instead of #VALUE!
    type(wb, r, 3, "cirka 8");
    expect(value(wb, r, 6)).toBe("Ikke et tal");
    // the rebuild reads the directions back by figure: the same flags
    const again = await buildSummary(run, settings);
    for (const c of cases)
      for (const [month, , , , flag] of c.months) expect([c.figure, month, value(wb, rowOf(wb, c.figure, month, again.keyRows[0]), 6)]).toEqual([c.figure, month, flag]);
    expect(value(wb, rowOf(wb, "Andel tilbage på kontanthjælp (%)", "højst"), 2)).toBe(2);
  });
});

describe("entries survive regeneration as typed", () => {
  it("a formula stays a formula, text stays text, 5% stays 5 %; the flag follows the formula's value", async () => {
    const { wb, run } = book();
    const first = await buildSummary(run, settings);
    expect(first.keptEntries.keyFigures).toBe(0);
    const r = first.keyRows[1] - 11;
    const fig = "Borgere i job (antal)";
    type(wb, r, 0, fig);
    type(wb, r, 1, "2026-01");
    type(wb, r, 2, "=Borgere!D2*2"); // Alder of the first citizen, doubled
    type(wb, r, 3, "40");
    type(wb, r, 4, "5%");
    type(wb, r + 1, 0, fig);
    type(wb, r + 1, 1, "2026-02");
    type(wb, r + 1, 2, "ca. 40");
    type(wb, r + 1, 3, "'42"); // typed as text on purpose
    type(wb, r + 1, 4, "2");
    type(wb, r + 1, 7, "'=1+1 er ikke en formel"); // text that starts with "=" stays text
    type(wb, r + 2, 0, fig);
    type(wb, r + 2, 1, "2026-03");
    type(wb, r + 2, 2, "'=Borgere!D2*2"); // a formula's text typed as text stays text
    const age = wb.getSheet("Borgere")!.getCell(1, 3)!.value as number;
    const before = await cellAsRead(run, r, 2);
    expect(before).toEqual({ formula: "=Borgere!D2*2", value: age * 2, format: "General" });

    const second = await buildSummary(run, settings);
    expect(second.keptEntries.keyFigures).toBe(3);
    const jan = rowOf(wb, fig, "2026-01", second.keyRows[0]);
    const feb = rowOf(wb, fig, "2026-02", second.keyRows[0]);
    expect(jan).toBeGreaterThan(0);
    expect(await cellAsRead(run, jan, 2)).toEqual(before);
    expect(await cellAsRead(run, jan, 4)).toEqual({ formula: 0.05, value: 0.05, format: "0%" });
    expect(await cellAsRead(run, feb, 2)).toEqual({ formula: "ca. 40", value: "ca. 40", format: "General" });
    expect((await cellAsRead(run, feb, 3)).value).toBe("42");
    expect(typeof (await cellAsRead(run, feb, 3)).value).toBe("string");
    expect((await cellAsRead(run, feb, 7)).value).toBe("=1+1 er ikke en formel");
    const mar = rowOf(wb, fig, "2026-03", second.keyRows[0]);
    expect(await cellAsRead(run, mar, 2)).toEqual({ formula: "=Borgere!D2*2", value: "=Borgere!D2*2", format: "General" });
    expect(sheet(wb).formulaAt(mar, 2)).toBeUndefined();
    // the formula still computes: the user changes the source, the måltal and flag follow
    wb.setCellByUser("Borgere", 1, 3, "20");
    expect(value(wb, jan, 2)).toBe(40);
    expect(value(wb, jan, 6)).toBe("OK");
    // and a third build keeps all of it again
    await buildSummary(run, settings);
    expect(await cellAsRead(run, rowOf(wb, fig, "2026-01", second.keyRows[0]), 2)).toMatchObject({ formula: "=Borgere!D2*2", value: 40 });
  });

  it("untouched placeholder rows are not counted as kept entries", async () => {
    const { run } = book();
    await buildSummary(run, settings);
    const again = await buildSummary(run, settings);
    expect(again.keptEntries.keyFigures).toBe(0);
  });
});
