/**
 * The Ledelsesoverblik with a register follow-up (issue 24 item 4, src/excel/summaryStore.ts): after
 * "Registeropfølgning" was run, the page carries its headline line with the weeks gained the register
 * sheet shows; when the weekly data changed since that run, or the register sheet is gone, or nothing was
 * run, there is no register line (the report says why).
 */
import { SUMMARY_SHEET_NAME, type SummarySettings } from "../../src/core/summary";
import { buildSummary } from "../../src/excel/summaryStore";
import { runAndWriteRegister, REGISTER_SHEET_NAME } from "../../src/excel/registerStore";
import { defaultRegisterSettings } from "../../src/core/register/settings";
import { WEEKLY_SHEET } from "../../src/preview/sampleData";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";

const settings: SummarySettings = { followUp: null, audience: "internal", threshold: 5, lang: "da" };
const NOW = new Date("2026-12-07T10:00:00Z");

function book(): { wb: PreviewWorkbook; run: PreviewWorkbook["run"] } {
  const wb = createPreviewWorkbook({ sample: true, weekly: true });
  return { wb, run: wb.run.bind(wb) };
}

/** Every text in column A of a sheet. */
function columnA(wb: PreviewWorkbook, name: string): string[] {
  const s = wb.getSheet(name)!;
  return Array.from({ length: s.usedExtent().rowCount }, (_, r) => String(s.getCell(r, 0)?.value ?? ""));
}

/** The register sheet's headline: weeks gained with its interval (columns D, E, F of its row), as the page prints them. */
function sheetHeadline(wb: PreviewWorkbook): string[] {
  const s = wb.getSheet(REGISTER_SHEET_NAME)!;
  const r = columnA(wb, REGISTER_SHEET_NAME).findIndex((t) => t.startsWith("Uger vundet i selvforsørgelse"));
  return [3, 4, 5].map((c) => (s.getCell(r, c)?.value as number).toFixed(1).replace(".", ",").replace("-", "−"));
}

async function withRegister(run: PreviewWorkbook["run"]): Promise<void> {
  await runAndWriteRegister(run, defaultRegisterSettings(WEEKLY_SHEET, "wide", { id: "ID", group: "Gruppe", start: "Startuge" }), { now: NOW });
}

describe("the register headline on the Ledelsesoverblik", () => {
  test("after a register run: one line with the register sheet's weeks gained and interval, its test in the footnote", async () => {
    const { wb, run } = book();
    await withRegister(run);
    const report = await buildSummary(run, settings, { now: NOW });
    expect(report.register).toBe("ok");
    const lines = columnA(wb, SUMMARY_SHEET_NAME);
    const [gained, lower, upper] = sheetHeadline(wb);
    const line = lines.find((t) => t.includes("uger vundet i selvforsørgelse inden for"));
    expect(line).toBeDefined();
    expect(line).toContain(`${gained} uger vundet i selvforsørgelse inden for 94 uger (mellem ${lower} og ${upper})`);
    expect(lines.some((t) => t.includes(`(${REGISTER_SHEET_NAME}): forskel i gennemsnitlig tid til selvforsørgelse (RMST) inden for 94 uger`))).toBe(true);
  });

  test("the publication edition: the line from pooled weeks, and its footnote says so", async () => {
    const { wb, run } = book();
    await withRegister(run);
    await buildSummary(run, { ...settings, audience: "public" }, { now: NOW });
    const lines = columnA(wb, SUMMARY_SHEET_NAME);
    expect(lines.some((t) => /uger vundet i selvforsørgelse inden for 94 uger \(mellem /.test(t))).toBe(true);
    expect(lines.some((t) => t.includes("uger slået sammen, så hver tælling er 0 eller mindst 5"))).toBe(true);
  });

  test("no line when nothing was run, when the data changed since the run, or when the register sheet is gone", async () => {
    const { wb, run } = book();
    expect((await buildSummary(run, settings, { now: NOW })).register).toBe("none");
    const none = columnA(wb, SUMMARY_SHEET_NAME);
    expect(none.some((t) => t.includes("uger vundet i selvforsørgelse"))).toBe(false);

    await withRegister(run);
    wb.setCellByUser(WEEKLY_SHEET, 5, 40, "Kontanthjælp");
    wb.setCellByUser(WEEKLY_SHEET, 5, 41, "");
    expect((await buildSummary(run, settings, { now: NOW })).register).toBe("stale");
    expect(columnA(wb, SUMMARY_SHEET_NAME).some((t) => t.includes("uger vundet i selvforsørgelse"))).toBe(false);

    await withRegister(run);
    expect((await buildSummary(run, settings, { now: NOW })).register).toBe("ok");
    await run(async (context) => {
      context.workbook.worksheets.getItem(REGISTER_SHEET_NAME).delete();
      await context.sync();
    });
    expect((await buildSummary(run, settings, { now: NOW })).register).toBe("none");
    expect(columnA(wb, SUMMARY_SHEET_NAME).some((t) => t.includes("uger vundet i selvforsørgelse"))).toBe(false);
  });
});
