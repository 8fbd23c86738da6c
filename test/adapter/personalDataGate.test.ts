/**
 * Issue 19: one gate for personal data. For every sheet kind the add-in generates, each written form of a
 * CPR number (test/fixtures/cprForms.ts) is fed through the pane's real entry point (the store function
 * the pane calls) and must be refused: the cell (or field) named, the value in no message, and the
 * workbook exactly as it was (cells, formulas, charts, shapes, names and settings).
 */
import { outcomesFromTheory, suggestSettings, type ComparisonSettings } from "../../src/core/analysis";
import { planSampleSize, planningSheetSpec } from "../../src/core/design";
import { MEASUREMENT_SHEET_NAME } from "../../src/core/progression";
import { SUMMARY_SHEET_NAME, type SummarySettings } from "../../src/core/summary";
import { TEMPLATES, type ProgrammeTheory } from "../../src/core/theory";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { randomise, registerDecline, saveDesignSettings, type DesignSettings } from "../../src/excel/designStore";
import { citizensFromComparison, defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression } from "../../src/excel/progressionStore";
import { renderSheets } from "../../src/excel/render";
import { saveState } from "../../src/excel/state";
import { buildSummary } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import type { VirkningError } from "../../src/core/errors";
import type { SheetSpec } from "../../src/core/report/sheetSpec";
import { CPR_FORMS, echoesCpr } from "../fixtures/cprForms";

const FORMS = CPR_FORMS.map((f) => [f.name, f.value] as const);
const theory = TEMPLATES[0].build();
const NOW = new Date("2026-11-30T08:00:00Z");

type Run = PreviewWorkbook["run"];
function book(): { wb: PreviewWorkbook; run: Run } {
  const wb = createPreviewWorkbook({ sample: true });
  return { wb, run: wb.run.bind(wb) };
}

/** Everything a user could see in the workbook: sheets, cells, formulas, formats, charts, shapes, names, settings. */
function snapshot(wb: PreviewWorkbook): string {
  const sheets = wb.sheetNames().map((n) => {
    const s = wb.getSheet(n)!;
    const { rowCount, columnCount } = s.usedExtent();
    const cells: unknown[] = [];
    for (let r = 0; r < rowCount; r++) for (let c = 0; c < columnCount; c++) cells.push(s.getCell(r, c) ?? null);
    return {
      n,
      visibility: s.visibility,
      cells,
      merges: s.merges,
      tables: s.tables.map((t) => [t.name, t.range]),
      charts: s.charts.map((c) => [c.name, c.title, c.categoryAxisTitle, c.valueAxisTitle]),
      shapes: s.shapes.map((x) => [x.name, x.text]),
    };
  });
  return JSON.stringify({ sheets, names: wb.names.map((x) => [x.name, x.formula]), settings: [...wb.settings.entries()] });
}

async function refusal(p: Promise<unknown>): Promise<VirkningError> {
  try {
    await p;
  } catch (e) {
    return e as VirkningError;
  }
  throw new Error("expected the write to be refused");
}

/** Refused for personal data, naming `where` (a cell address pattern or a field), echoing no form, nothing changed. */
async function expectRefused(wb: PreviewWorkbook, write: () => Promise<unknown>, where: RegExp): Promise<void> {
  const before = snapshot(wb);
  const e = await refusal(write());
  expect(["PERSONAL_DATA", "CPR_FOUND", "CPR_IN_THEORY", "VALIDATION"]).toContain(e.code);
  expect(e.message).toMatch(/CPR/);
  expect(e.message).toMatch(where);
  expect(echoesCpr(e.message)).toBe(false);
  expect(echoesCpr(e.messageEn)).toBe(false);
  expect(snapshot(wb)).toBe(before);
}

async function comparisonSettings(run: Run): Promise<ComparisonSettings> {
  const input = (await readSheetSource(run, "Borgere"))!;
  const s = suggestSettings(input);
  s.outcomes = outcomesFromTheory(theory);
  return s;
}

describe("Programteori and Programteori – diagram", () => {
  test.each(FORMS)("a description with a CPR number (%s) is refused", async (_name, form) => {
    const { wb, run } = book();
    const t: ProgrammeTheory = { ...theory, activities: theory.activities.map((a, i) => (i === 0 ? { ...a, description: `Samtale med ${form}` } : a)) };
    await expectRefused(wb, () => saveTheory(run, t, "da", { shapes: true }), /Programteori![A-Z]+\d+/);
  });

  test.each(FORMS)("the title (%s) is refused on the diagram sheet too, and the stored theory is untouched", async (_name, form) => {
    const { wb, run } = book();
    await saveTheory(run, theory, "da", { shapes: true });
    await expectRefused(wb, () => saveTheory(run, { ...theory, title: form }, "da", { shapes: true }), /Programteori![A-Z]+\d+/);
  });
});

describe("Sammenligning (result sheet and stored settings)", () => {
  test.each(FORMS)("a status in the data holding a CPR number (%s) is refused, naming the data cell", async (_name, form) => {
    const { wb, run } = book();
    const s = await comparisonSettings(run);
    wb.setCellByUser("Borgere", 4, 10, `Borger ${form} syg`);
    await expectRefused(wb, () => runAndWriteComparison(run, s, { lang: "da", now: NOW }), /Borgere!K5/);
  });

  test.each(FORMS)("an outcome name typed in the pane (%s) is refused on the result sheet", async (_name, form) => {
    const { wb, run } = book();
    const s = await comparisonSettings(run);
    s.outcomes = s.outcomes.map((o, i) => (i === 0 ? { ...o, name: form } : o));
    await expectRefused(wb, () => runAndWriteComparison(run, s, { lang: "da", now: NOW }), /Sammenligning![A-Z]+\d+/);
  });

  test.each(FORMS)("an analysis name (%s) is refused by the settings store, naming the field", async (_name, form) => {
    const { wb, run } = book();
    const s = await comparisonSettings(run);
    await expectRefused(wb, () => saveComparisonSettings(run, { ...s, name: form }), /virkning\.comparison/);
  });

  test.each(FORMS)("a status label as a map key (%s) is refused by the settings store", async (_name, form) => {
    const { wb, run } = book();
    const s = await comparisonSettings(run);
    await expectRefused(wb, () => saveComparisonSettings(run, { ...s, statusClasses: { ...s.statusClasses, [form]: "valid" } }), /statusClasses › …/);
  });
});

describe("Randomisering", () => {
  const settings: DesignSettings = { version: 1, sheet: "Borgere", idColumn: { index: 0, header: "ID" }, strata: [], seed: 7, blockSize: 2, reserves: 0, protect: true, declines: [] };

  test.each(FORMS)("an ID on the list (%s) is refused, naming the cell", async (_name, form) => {
    const { wb, run } = book();
    wb.setCellByUser("Borgere", 3, 0, form);
    await expectRefused(wb, () => randomise(run, settings, { lang: "da", now: NOW }), /Borgere!A4/);
  });

  test.each(FORMS)("a CPR number in another column of the list (%s) is refused too", async (_name, form) => {
    const { wb, run } = book();
    wb.setCellByUser("Borgere", 7, 7, `Gift med ${form}`);
    await expectRefused(wb, () => randomise(run, settings, { lang: "da", now: NOW }), /Borgere!H8/);
  });

  test.each(FORMS)("\"Afslået\" for an ID typed as a CPR number (%s): the message does not repeat it, nothing is written", async (_name, form) => {
    const { wb, run } = book();
    const done = await randomise(run, settings, { lang: "da", now: NOW });
    const before = snapshot(wb);
    const e = await refusal(registerDecline(run, done.settings, form, { lang: "da", now: NOW }));
    expect(e.message).toContain("[CPR-nummer]");
    expect(echoesCpr(e.message)).toBe(false);
    expect(echoesCpr(e.messageEn)).toBe(false);
    expect(snapshot(wb)).toBe(before);
  });

  test.each(FORMS)("a decline stored with a CPR number (%s) is refused by the settings store", async (_name, form) => {
    const { wb, run } = book();
    await expectRefused(wb, () => saveDesignSettings(run, { ...settings, declines: [{ id: form, at: NOW.toISOString() }] }), /declines › nr\. 1 › id/);
  });
});

describe("Progressionsmåling (measurement sheet) and Progression (result sheet)", () => {
  const START = 46023;

  test.each(FORMS)("a citizen ID (%s) from the ID list is refused on the measurement sheet", async (_name, form) => {
    const { wb, run } = book();
    const citizens = [
      { id: "P01", group: "Indsats" },
      { id: form, group: "Indsats" },
    ];
    await expectRefused(wb, () => generateMeasurementSheet(run, { citizens, startDate: START, theory }), new RegExp(`${MEASUREMENT_SHEET_NAME}![A-Z]+\\d+`));
  });

  test.each(FORMS)("an ID (%s) in the comparison's data is refused when the measurement sheet takes its citizens from there, naming the data cell", async (_name, form) => {
    const { wb, run } = book();
    await saveComparisonSettings(run, await comparisonSettings(run));
    wb.setCellByUser("Borgere", 4, 0, form);
    await expectRefused(wb, async () => generateMeasurementSheet(run, { citizens: await citizensFromComparison(run), startDate: START, theory }), /Borgere!A5/);
  });

  test.each(FORMS)("a note with a CPR number (%s) is not rewritten when the sheet is regenerated", async (_name, form) => {
    const { wb, run } = book();
    const citizens = [
      { id: "P01", group: "Indsats" },
      { id: "P02", group: "Kontrol" },
    ];
    await generateMeasurementSheet(run, { citizens, startDate: START, theory });
    const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
    const noteCol = Array.from({ length: s.usedExtent().columnCount }, (_, c) => String(s.getCell(3, c)?.value ?? "")).findIndex((h) => /^Note/i.test(h));
    expect(noteCol).toBeGreaterThan(0);
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, 4, noteCol, `Borger ${form} ringede`);
    await expectRefused(wb, () => generateMeasurementSheet(run, { citizens, startDate: START, theory }), new RegExp(`${MEASUREMENT_SHEET_NAME}![A-Z]+5\\b`));
  });

  test.each(FORMS)("the analysis of a measurement sheet holding a CPR number (%s) is refused, naming the cell", async (_name, form) => {
    const { wb, run } = book();
    await generateMeasurementSheet(run, { citizens: [{ id: "P01", group: "Indsats" }, { id: "P02", group: "Kontrol" }], startDate: START, theory });
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, 5, 0, form);
    await expectRefused(wb, () => runAndWriteProgression(run, defaultProgressionSettings(), { theory }), new RegExp(`${MEASUREMENT_SHEET_NAME}!A6`));
  });
});

describe("Ledelsesoverblik (with nøgletal and checklist)", () => {
  const settings: SummarySettings = { followUp: null, threshold: 5, lang: "da", audience: "internal" };

  /** Type into an open cell of the leader's sheet (and prove the edit landed, so the test cannot pass vacuously). */
  function typeOnSummary(wb: PreviewWorkbook, row: number, column: number, text: string): void {
    wb.setCellByUser(SUMMARY_SHEET_NAME, row, column, text);
    // Excel keeps "0101901234" typed into a cell as the number 101901234
    expect(String(wb.getSheet(SUMMARY_SHEET_NAME)!.getCell(row, column)?.value)).toBe(/^\d+$/.test(text) ? String(Number(text)) : text);
  }
  function itemRow(wb: PreviewWorkbook, number: string): number {
    const s = wb.getSheet(SUMMARY_SHEET_NAME)!;
    for (let r = 0; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 1)?.value === number) return r;
    throw new Error(`no checklist item ${number}`);
  }

  async function built(): Promise<{ wb: PreviewWorkbook; run: Run; keyRow: number }> {
    const { wb, run } = book();
    await saveTheory(run, theory, "da", { shapes: true });
    await saveComparisonSettings(run, await comparisonSettings(run));
    const report = await buildSummary(run, settings, { now: NOW });
    return { wb, run, keyRow: report.keyRows[0] };
  }

  test.each(FORMS)("a Forklaring typed for a nøgletal (%s) is refused, naming the cell", async (_name, form) => {
    const { wb, run, keyRow } = await built();
    typeOnSummary(wb, keyRow, 7, `Ring til ${form}`);
    await expectRefused(wb, () => buildSummary(run, settings, { now: NOW }), new RegExp(`${SUMMARY_SHEET_NAME}!H${keyRow + 1}`));
  });

  test.each(FORMS)("a checklist answer (%s) is refused, naming the cell", async (_name, form) => {
    const { wb, run } = await built();
    const item = itemRow(wb, "3.1");
    typeOnSummary(wb, item, 8, form);
    await expectRefused(wb, () => buildSummary(run, settings, { now: NOW }), new RegExp(`${SUMMARY_SHEET_NAME}!I${item + 1}`));
  });
});

describe("Forsøgsplan (planning sheet)", () => {
  test.each(FORMS)("an outcome typed in the planning table (%s) is refused, naming the cell", async (_name, form) => {
    const { wb, run } = book();
    const spec = planningSheetSpec(planSampleSize({ rows: [{ outcome: `Job ${form}`, timepoint: "12 mdr.", pControl: 0.2, pIntervention: 0.4 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } }));
    await expectRefused(wb, () => renderSheets(run, [spec]), new RegExp(`${spec.name.includes(" ") ? `'${spec.name}'` : spec.name}![A-Z]+\\d+`));
  });
});

describe("the renderer is the gate for every part of a SheetSpec", () => {
  const base = (extra: Partial<SheetSpec>): SheetSpec => ({ name: "Udfyld", cells: [{ address: "B2", values: [["Titel", "ok"]] }], ...extra });
  const form = CPR_FORMS[4].value;
  test.each<[string, Partial<SheetSpec>, RegExp]>([
    ["a text cell", { cells: [{ address: "B2", values: [["ok", form]] }] }, /Udfyld!C2/],
    ["a formula's text", { cells: [{ address: "A1", values: [[{ formula: `="${form}"` }]] }] }, /Udfyld!A1/],
    ["the page header", { pageSetup: { orientation: "portrait", paperSize: "A4", header: { center: [{ text: form }] } } }, /sidehovedet/],
    ["the page footer", { pageSetup: { orientation: "portrait", paperSize: "A4", footer: { left: [{ text: `Borger ${form}` }, { code: "pageNumber" }] } } }, /sidefoden/],
    ["a shape's text", { shapes: [{ kind: "rectangle", id: "b1", left: 0, top: 0, width: 50, height: 20, text: form }] }, /figur 1/],
    ["a chart title", { charts: [{ name: "D1", type: "line", dataRange: "B2:C2", seriesBy: "rows", title: form, topLeft: "E2", bottomRight: "H9" }] }, /diagram 1/],
    ["a defined name's comment", { names: [{ name: "Resultat", cell: "B2", comment: form }] }, /navn 1/],
    ["a drop-down list", { dataValidations: [{ range: "B3:B5", list: ["ok", form] }] }, /rullelisten 1/],
  ])("%s", async (_what, extra, where) => {
    const { wb, run } = book();
    await expectRefused(wb, () => renderSheets(run, [base(extra)]), where);
  });

  test("a sheet name holding a CPR number is refused without naming it", async () => {
    const { wb, run } = book();
    await expectRefused(wb, () => renderSheets(run, [base({ name: "010190-1234" })]), /arkets navn/);
  });

  test("one refused spec refuses the whole render: the other sheets are not written either", async () => {
    const { wb, run } = book();
    await expectRefused(wb, () => renderSheets(run, [base({ name: "Fint" }), base({ cells: [{ address: "A1", values: [[form]] }] })]), /Udfyld!A1/);
    expect(wb.getSheet("Fint")).toBeUndefined();
  });

  test("the settings store refuses any key holding a CPR number, in any setting", async () => {
    const { wb, run } = book();
    await expectRefused(wb, () => saveState(run, "virkning.andet", { a: [{ b: `x ${form}` }] }), /a › nr\. 1 › b/);
  });
});
