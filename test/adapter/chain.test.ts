/**
 * "Virkningskæden i data" from the sample workbook, after the theory, the comparison and the measurement
 * sheet exist (as the user makes them): both sheets written in one go, the diagram's links styled by
 * status, no citizen ID on either sheet, the record of the run stored, "Holder kæden?" on the leader
 * page; refusals (a bad score cell, IDs that match nothing) name sheet and cell and write nothing.
 */
import { CHAIN_DIAGRAM_SHEET_NAME, CHAIN_SHEET_NAME } from "../../src/core/chain";
import { VirkningError, VirkningValidationError } from "../../src/core/errors";
import { MEASUREMENT_SHEET_NAME } from "../../src/core/progression";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { loadChainRecord, runAndWriteChain } from "../../src/excel/chainStore";
import { buildSummary } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { CHAIN_NOW as NOW, chainItems as items, chainTheory as theory, chainWorkbook as setUp, measurementColumn as col } from "./helpers/chainWorkbook";

function texts(wb: PreviewWorkbook, name: string): string[] {
  const s = wb.getSheet(name)!;
  const out: string[] = [];
  const ext = s.usedExtent();
  for (let r = 0; r < ext.rowCount; r++) for (let c = 0; c < ext.columnCount; c++) {
    const v = s.getCell(r, c)?.value;
    if (v !== null && v !== undefined) out.push(String(v));
  }
  for (const sh of s.shapes) out.push(sh.text);
  return out;
}

test("makes the chain sheet and its diagram from the sample workbook; the slutmål numbers are the comparison's", async () => {
  const { wb, run, comparison, ids } = await setUp();
  const { result, record } = await runAndWriteChain(run, { lang: "da", now: NOW });
  expect(wb.sheetNames()).toEqual(expect.arrayContaining([CHAIN_SHEET_NAME, CHAIN_DIAGRAM_SHEET_NAME]));
  expect(result.outcomeLinks.length).toBe(theory.links.filter((l) => l.kind === "delmaal-slutmaal").length);
  expect(result.join.matched).toBe(ids.length);
  // the effect on the slutmål is the comparison's row at the same follow-up
  expect(result.outcomeLinks.filter((x) => x.finalGoalEffect).length).toBeGreaterThan(0);
  for (const l of result.outcomeLinks.filter((x) => x.finalGoalEffect)) {
    const o = comparison.outcomes.find((x) => x.source?.id === l.finalGoalId)!;
    const row = o.rows.find((r) => r.month === l.month)!;
    expect([l.finalGoalEffect!.first.x, l.finalGoalEffect!.first.n, l.finalGoalEffect!.second.x, l.finalGoalEffect!.second.n]).toEqual([row.counts.intervention.x, row.counts.intervention.n, row.counts.control.x, row.counts.control.n]);
    expect(l.finalGoalEffect!.difference).toBeCloseTo(row.riskDifference!.estimate, 12);
  }
  // every link of the theory is drawn; assessed ones carry their status style and a label
  const shapes = wb.getSheet(CHAIN_DIAGRAM_SHEET_NAME)!.shapes;
  for (const l of result.outcomeLinks) {
    const label = shapes.find((s) => s.name === `Status_${l.linkId}`);
    expect(label?.text).toBe({ stoettet: "støttet", ikkeStoettet: "ikke støttet", forLidtData: "for lidt data" }[l.status]);
    const line = shapes.find((s) => s.name === `Pil_${l.linkId}` || s.name === `Pil_${l.linkId}_1`)!;
    expect(line.lineDashStyle ?? "Solid").toBe({ stoettet: "Solid", ikkeStoettet: "Dash", forLidtData: "RoundDot" }[l.status]);
  }
  expect(shapes.filter((s) => s.name.startsWith("Forklaring_tekst_")).length).toBe(4);
  // personal data: no citizen ID on either sheet
  const written = [...texts(wb, CHAIN_SHEET_NAME), ...texts(wb, CHAIN_DIAGRAM_SHEET_NAME)].join("\n");
  for (const id of ids) expect(written.split(/[\s,.:;()"]+/)).not.toContain(id);
  // numbers are numbers: the N cells of the effect table
  const s = wb.getSheet(CHAIN_SHEET_NAME)!;
  expect(s.getCell(0, 0)?.value).toBe("Virkningskæden i data");
  const l0 = result.outcomeLinks.find((x) => x.finalGoalEffect)!;
  let found = false;
  for (let r = 0; r < s.usedExtent().rowCount; r++) {
    if (s.getCell(r, 0)?.value !== `${l0.linkId}: ${l0.subGoalId} → ${l0.finalGoalId}` || !String(s.getCell(r, 1)?.value).startsWith("Slutmål")) continue;
    expect(s.getCell(r, 2)?.value).toBe(l0.finalGoalEffect!.first.n);
    expect(s.getCell(r, 3)?.value).toBeCloseTo(l0.finalGoalEffect!.first.x / l0.finalGoalEffect!.first.n, 12);
    found = true;
  }
  expect(found).toBe(true);
  expect(await loadChainRecord(run)).toEqual(record);
  expect(record.lastRun.fingerprint).toMatch(/^[a-p]{16}$/);

  await buildSummary(run, { followUp: null, audience: "internal", threshold: 5, lang: "da" });
  const lines = texts(wb, SUMMARY_SHEET_NAME).filter((t) => t.startsWith("Holder kæden?"));
  expect(lines.length).toBe(record.brief.goals.length);
  expect(lines.length).toBeGreaterThan(0);
});

test("a bad score cell is refused with the sheet and cell named, and nothing is written", async () => {
  const { wb, run } = await setUp();
  const c = col(wb, `${items[0].id}:`);
  wb.setCellByUser(MEASUREMENT_SHEET_NAME, 6, c, "meget godt");
  const err = await runAndWriteChain(run, { lang: "da", now: NOW }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VirkningValidationError);
  expect((err as VirkningValidationError).problems.map((p) => p.message).join(" ")).toMatch(new RegExp(`Progressionsmåling!${String.fromCharCode(65 + c)}7`));
  expect(wb.sheetNames()).not.toContain(CHAIN_SHEET_NAME);
  expect(await loadChainRecord(run)).toBeNull();
});

test("IDs that match nothing in the case data are refused in Danish, naming both ID columns; nothing is written", async () => {
  const { wb, run } = await setUp();
  const m = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let r = 4; r < m.usedExtent().rowCount; r++) wb.setCellByUser(MEASUREMENT_SHEET_NAME, r, 0, `X${r}`);
  const err = await runAndWriteChain(run, { lang: "da", now: NOW }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VirkningError);
  expect((err as VirkningError).code).toBe("CHAIN_NO_MATCH");
  expect((err as VirkningError).message).toMatch(/Progressionsmåling!A4.*Borgere!A1/);
  expect(wb.sheetNames()).not.toContain(CHAIN_SHEET_NAME);
  expect(wb.sheetNames()).not.toContain(CHAIN_DIAGRAM_SHEET_NAME);
});

test("without a saved comparison the chain is refused with what to do", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: true });
  await expect(runAndWriteChain(run, { lang: "da" })).rejects.toThrow(/Sammenligningen er ikke sat op/);
  expect(wb.sheetNames()).not.toContain(CHAIN_SHEET_NAME);
});
