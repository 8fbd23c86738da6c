/**
 * "Virkningskæden i data" in the Overblik (issue 21): once the chain step has made its sheet, the chain is a
 * part of the evaluation; a score or a case-data cell it reads marks it stale, and "Opdater alt" makes it
 * again (after the analysis it reads, before the leader page that repeats its "Holder kæden?" lines).
 */
import { CHAIN_SHEET_NAME } from "../../src/core/chain";
import { MEASUREMENT_SHEET_NAME } from "../../src/core/progression";
import { loadChainRecord, runAndWriteChain } from "../../src/excel/chainStore";
import { readOverview, updateAll, type OverviewLine } from "../../src/excel/overviewStore";
import { CHAIN_NOW as NOW, chainItems as items, chainWorkbook, measurementColumn } from "./helpers/chainWorkbook";

const LATER = new Date("2026-12-08T09:30:00Z");
const states = (lines: OverviewLine[]): Record<string, string> => Object.fromEntries(lines.map((l) => [l.part.id, l.state.status]));
const tableOf = (wb: Awaited<ReturnType<typeof chainWorkbook>>["wb"]): string => {
  const s = wb.getSheet(CHAIN_SHEET_NAME)!;
  const { rowCount, columnCount } = s.usedExtent();
  const out: unknown[] = [];
  for (let r = 2; r < rowCount; r++) for (let c = 0; c < columnCount; c++) out.push(s.getCell(r, c)?.value ?? null);
  return JSON.stringify(out);
};

describe("the chain in the Overblik", () => {
  it("is listed as missing (after the progression, before the leader page) until the chain step made its sheet", async () => {
    const { run } = await chainWorkbook();
    const lines = await readOverview(run, { lang: "da" });
    const ids = lines.map((l) => l.part.id);
    expect(ids.indexOf("chain")).toBe(ids.indexOf("progression") + 1);
    expect(ids.indexOf("summary")).toBe(ids.indexOf("chain") + 1);
    expect(states(lines).chain).toBe("missing");
  });

  it("is done right after the chain step, stale after a score it reads changes, and Opdater alt makes it again", async () => {
    const { wb, run } = await chainWorkbook();
    await runAndWriteChain(run, { lang: "da", now: NOW });
    const lines = await readOverview(run, { lang: "da" });
    const chain = lines.find((l) => l.part.id === "chain")!;
    expect(chain.part.title.da).toBe("Virkningskæden i data");
    expect(chain.state.status).toBe("done");
    expect(Date.parse(chain.state.madeAt!)).toBe(NOW.getTime());

    // one round-2 score changed to the scale's top as a caseworker types it
    const col = measurementColumn(wb, `${items[0].id}:`);
    const sheet = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
    let row = 4;
    while (sheet.getCell(row, 2)?.value !== 2 || sheet.getCell(row, col)?.value === items[0].labels.at(-1)) row++;
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, row, col, items[0].labels.at(-1)!);
    const before = tableOf(wb);
    expect(states(await readOverview(run, { lang: "da" })).chain).toBe("stale");

    const report = await updateAll(run, { lang: "da", now: LATER });
    expect(report.refused).toBeNull();
    expect(report.regenerated).toContain("chain");
    expect(states(report.lines).chain).toBe("done");
    expect((await loadChainRecord(run))!.lastRun.at).toBe(LATER.toISOString());
    // the sheet was made again from the new score: its numbers moved
    expect(tableOf(wb)).not.toBe(before);
  });

  it("a case-data status marks the analysis and the chain stale; Opdater alt makes the analysis first, then the chain", async () => {
    const { wb, run } = await chainWorkbook();
    await runAndWriteChain(run, { lang: "da", now: NOW });
    const now = wb.getSheet("Borgere")!.getCell(1, 12)?.value;
    wb.setCellByUser("Borgere", 1, 12, now === "Jobparat" ? "Kontanthjælp" : "Jobparat");
    const stale = states(await readOverview(run, { lang: "da" }));
    const analysis = Object.keys(stale).find((k) => k.startsWith("analysis:"))!;
    expect([stale[analysis], stale.chain]).toEqual(["stale", "stale"]);
    const report = await updateAll(run, { lang: "da", now: LATER });
    expect(report.regenerated.filter((id) => id === analysis || id === "chain")).toEqual([analysis, "chain"]);
    expect(states(report.lines).chain).toBe("done");
  });
});
