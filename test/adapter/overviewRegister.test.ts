/**
 * "Registeropfølgning" in the Overblik (issues 21 and 24): once the register follow-up has been run it is a
 * part of the evaluation; an edited weekly cell marks it, and the leader page that prints its headline, stale;
 * "Opdater alt" makes exactly those two again, and the page carries the register line again.
 */
import { defaultRegisterSettings } from "../../src/core/register/settings";
import { SUMMARY_SHEET_NAME, type SummarySettings } from "../../src/core/summary";
import { readOverview, updateAll, type OverviewLine } from "../../src/excel/overviewStore";
import { MAPPING_SHEET_NAME, REGISTER_SHEET_NAME, runAndWriteRegister } from "../../src/excel/registerStore";
import { buildSummary } from "../../src/excel/summaryStore";
import { WEEKLY_SHEET } from "../../src/preview/sampleData";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";

const NOW = new Date("2026-12-07T10:00:00Z");
const LATER = new Date("2026-12-08T09:30:00Z");
const leader: SummarySettings = { followUp: null, audience: "internal", threshold: 5, lang: "da" };
const states = (lines: OverviewLine[]): Record<string, string> => Object.fromEntries(lines.map((l) => [l.part.id, l.state.status]));

function book(): { wb: PreviewWorkbook; run: PreviewWorkbook["run"] } {
  const wb = createPreviewWorkbook({ sample: true, weekly: true });
  return { wb, run: wb.run.bind(wb) };
}

const registerRun = (run: PreviewWorkbook["run"]) =>
  runAndWriteRegister(run, defaultRegisterSettings(WEEKLY_SHEET, "wide", { id: "ID", group: "Gruppe", start: "Startuge" }), { now: NOW });

/** Column A of a sheet as text. */
function columnA(wb: PreviewWorkbook, name: string): string[] {
  const s = wb.getSheet(name)!;
  return Array.from({ length: s.usedExtent().rowCount }, (_, r) => String(s.getCell(r, 0)?.value ?? ""));
}

/** Every cell of a sheet as JSON (to see which sheets an update changed). */
function sheetJson(wb: PreviewWorkbook, name: string): string {
  const s = wb.getSheet(name);
  if (!s) return "";
  const { rowCount, columnCount } = s.usedExtent();
  const out: unknown[] = [];
  for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) out.push(s.getCell(r, c)?.value ?? null);
  return JSON.stringify(out);
}

describe("the register follow-up in the Overblik", () => {
  test("not listed before it is set up; done right after its run, between the analyses and the leader page", async () => {
    const { run } = book();
    expect((await readOverview(run, { lang: "da" })).map((l) => l.part.id)).not.toContain("register");
    await registerRun(run);
    await buildSummary(run, leader, { now: NOW });
    const lines = await readOverview(run, { lang: "da" });
    const ids = lines.map((l) => l.part.id);
    expect(ids).toContain("register");
    expect(ids.indexOf("summary")).toBeGreaterThan(ids.indexOf("register"));
    const register = lines.find((l) => l.part.id === "register")!;
    expect(register.part.title.da).toBe("Registeropfølgning");
    expect(register.part.sheet).toBe(REGISTER_SHEET_NAME);
    expect(register.state.status).toBe("done");
    expect(Date.parse(register.state.madeAt!)).toBe(NOW.getTime());
    expect(states(lines).summary).toBe("done");
  });

  test("an edited week marks the register and the leader page stale, nothing else; Opdater alt makes those two again (the register's sheets and the page, nothing else)", async () => {
    const { wb, run } = book();
    await registerRun(run);
    await buildSummary(run, leader, { now: NOW });
    const hasLine = (): boolean => columnA(wb, SUMMARY_SHEET_NAME).some((t) => t.includes("uger vundet i selvforsørgelse"));
    expect(hasLine()).toBe(true);
    const before = states(await readOverview(run, { lang: "da" }));

    // a citizen's week 40 changed from self-supporting to a benefit, as a caseworker corrects the extract
    wb.setCellByUser(WEEKLY_SHEET, 5, 40, "Kontanthjælp");
    wb.setCellByUser(WEEKLY_SHEET, 5, 41, "");
    const stale = states(await readOverview(run, { lang: "da" }));
    expect(stale).toEqual({ ...before, register: "stale", summary: "stale" });

    const snapshot = new Map(wb.sheetNames().map((n) => [n, sheetJson(wb, n)]));
    const report = await updateAll(run, { lang: "da", now: LATER });
    expect(report.refused).toBeNull();
    expect(report.regenerated).toEqual(["register", "summary"]);
    expect(states(report.lines)).toEqual(before);
    expect(hasLine()).toBe(true);
    const changed = [...snapshot].filter(([name, json]) => sheetJson(wb, name) !== json).map(([name]) => name);
    // the register's two sheets (Statuskoder counts each label's weeks) and the page; the weekly data only where typed
    expect(changed.sort()).toEqual([MAPPING_SHEET_NAME, REGISTER_SHEET_NAME, SUMMARY_SHEET_NAME].sort());
  }, 60_000);
});
