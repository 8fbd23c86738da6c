/**
 * Issue 21 item 4: theory → analyses without re-typing. The slutmål (and delmål) with status indicators
 * are the comparison's outcomes, the delmål with a scale indicator the measurement sheet's columns; a
 * delmål renamed in the theory (typed over on the "Programteori" sheet) carries through to every sheet on
 * the next regeneration, and the scores entered on the measurement sheet are kept under the new name
 * (they are keyed by the delmål's Nr., never by its name or position).
 */
import { outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { MEASUREMENT_SHEET_NAME, PROGRESSION_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { TEMPLATES, type ProgrammeTheory } from "../../src/core/theory";
import { loadComparisonSettings, readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression } from "../../src/excel/progressionStore";
import { buildSummary } from "../../src/excel/summaryStore";
import { loadTheory, saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { parseCell } from "../../src/core/report/address";

const theory = TEMPLATES[0].build();
const START = 46023; // 01-01-2026
const RAN = new Date("2026-11-30T08:00:00Z");
const SUMMARY = { followUp: null, threshold: 5, lang: "da", audience: "internal" } as const;
const citizens = Array.from({ length: 6 }, (_, i) => ({ id: `C${i + 1}`, group: i % 2 ? "Kontrol" : "Indsats" }));

/** Every cell of a sheet as text, one line per row (cells joined by "|"). */
function text(wb: PreviewWorkbook, sheet: string): string {
  const s = wb.getSheet(sheet)!;
  const { rowCount, columnCount } = s.usedExtent();
  return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => String(s.getCell(r, c)?.value ?? "")).join("|")).join("\n");
}

/** Header row (row 4) of the measurement sheet. */
function header(wb: PreviewWorkbook): string[] {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  return Array.from({ length: s.usedExtent().columnCount }, (_, c) => String(s.getCell(3, c)?.value ?? ""));
}

function cellOf(wb: PreviewWorkbook, citizen: string, round: number, column: number): { row: number; column: number } {
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (let r = 4; r < s.usedExtent().rowCount; r++) if (s.getCell(r, 0)?.value === citizen && s.getCell(r, 2)?.value === round) return { row: r, column };
  throw new Error(`no row ${citizen}/${round}`);
}

/** The user types a new name over the item's name cell on "Programteori". */
async function renameInSheet(wb: PreviewWorkbook, id: string, name: string): Promise<void> {
  const loaded = (await loadTheory(wb.run.bind(wb)))!;
  const [sheet, address] = loaded.cells[id].split("!");
  const { row, column } = parseCell(address);
  wb.setCellByUser(sheet, row, column, name);
}

test("the theory's indicators are the defaults: status indicators the comparison's outcomes, scale delmål the measurement columns", () => {
  const outcomes = outcomesFromTheory(theory);
  expect(outcomes.map((o) => o.name)).toEqual([...theory.finalGoals, ...theory.subGoals].filter((g) => g.indicator?.reached.kind === "statuses").map((g) => g.name));
  expect(outcomes[0].source?.kind).toBe("slutmaal");
  expect(scaleItems(theory).map((i) => i.id)).toEqual(theory.subGoals.filter((g) => g.indicator?.reached.kind === "scale").map((g) => g.id));
});

test("a delmål renamed in the theory: the measurement sheet keeps every entry under the new name, and the progression and leader page use it", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: false });
  const items = scaleItems(theory);
  const renamed = items[1];
  const NEW = "Borgeren kan selv planlægge sin uge";
  expect(renamed.name).not.toBe(NEW);
  await generateMeasurementSheet(run, { citizens, startDate: START });
  const colOld = header(wb).indexOf(`${renamed.id}: ${renamed.name}`);
  expect(colOld).toBeGreaterThan(0);
  // scores in the renamed delmål's column and in its neighbour's, over three rounds
  const typed: [string, number, number, string][] = [];
  citizens.forEach((c, i) => {
    for (let round = 1; round <= 3; round++) {
      typed.push([c.id, round, colOld, renamed.labels[(i + round) % renamed.labels.length]]);
      typed.push([c.id, round, header(wb).indexOf(`${items[0].id}: ${items[0].name}`), items[0].labels[(i * round) % items[0].labels.length]]);
    }
  });
  for (const [id, round, column, value] of typed) {
    const at = cellOf(wb, id, round, column);
    wb.setCellByUser(MEASUREMENT_SHEET_NAME, at.row, at.column, value);
  }
  await runAndWriteProgression(run, defaultProgressionSettings());
  expect(text(wb, PROGRESSION_SHEET_NAME)).toContain(renamed.name);

  await renameInSheet(wb, renamed.id, NEW);
  expect((await loadTheory(run))!.theory.subGoals.find((g) => g.id === renamed.id)?.name).toBe(NEW);

  const report = await generateMeasurementSheet(run, { citizens, startDate: START });
  expect(report.unplaced).toEqual([]);
  const h = header(wb);
  expect(h).toContain(`${renamed.id}: ${NEW}`);
  expect(h.join("|")).not.toContain(renamed.name);
  // every entry where it was typed, the renamed column included (the columns are matched by Nr.)
  const byName = (c: number): number => (c === colOld ? h.indexOf(`${renamed.id}: ${NEW}`) : h.indexOf(`${items[0].id}: ${items[0].name}`));
  const s = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
  for (const [id, round, column, value] of typed) {
    const at = cellOf(wb, id, round, byName(column));
    expect([id, round, s.getCell(at.row, at.column)?.value]).toEqual([id, round, value]);
  }
  expect(text(wb, MEASUREMENT_SHEET_NAME)).not.toContain("Kunne ikke placeres");

  await runAndWriteProgression(run, defaultProgressionSettings());
  const progression = text(wb, PROGRESSION_SHEET_NAME);
  expect(progression).toContain(NEW);
  expect(progression).not.toContain(renamed.name);

  await buildSummary(run, SUMMARY);
  const summary = text(wb, SUMMARY_SHEET_NAME);
  expect(summary).toContain(NEW);
  expect(summary).not.toContain(renamed.name);
});

/** The template with one more delmål measured by statuses in the case data (as the slutmål's first indicator). */
function withStatusDelmaal(t: ProgrammeTheory): ProgrammeTheory {
  const indicator = t.finalGoals.find((g) => g.indicator?.reached.kind === "statuses")!.indicator;
  return { ...t, subGoals: [...t.subGoals, { id: "D9", name: "Borgeren er i virksomhedspraktik", description: "", origin: "bruger", indicator }] };
}

test("a delmål and a slutmål measured in the case data: renamed in the theory, the next run and the leader page use the new names, and they are stored", async () => {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveTheory(run, withStatusDelmaal(theory), "da", { shapes: false });
  const s = { ...suggestSettings((await readSheetSource(run, "Borgere"))!), outcomes: outcomesFromTheory((await loadTheory(run))!.theory) };
  await saveComparisonSettings(run, (await runAndWriteComparison(run, s, { lang: "da", now: RAN })).settings);
  await buildSummary(run, SUMMARY);
  const delmaal = s.outcomes.find((o) => o.source?.kind === "delmaal")!;
  const slutmaal = s.outcomes.find((o) => o.source?.kind === "slutmaal")!;
  const NEW = new Map([
    [delmaal.id, `${delmaal.name} (omdøbt)`],
    [slutmaal.id, "Borgeren er i ordinært job eller uddannelse"],
  ]);
  expect(text(wb, "Sammenligning")).toContain(delmaal.name);
  expect(text(wb, SUMMARY_SHEET_NAME)).toContain(slutmaal.name);

  for (const o of [delmaal, slutmaal]) await renameInSheet(wb, o.source!.id, NEW.get(o.id)!);
  const again = await runAndWriteComparison(run, (await loadComparisonSettings(run))!, { lang: "da", now: RAN });
  await saveComparisonSettings(run, again.settings);
  const sheet = text(wb, "Sammenligning");
  for (const o of [delmaal, slutmaal]) {
    expect(sheet).toContain(NEW.get(o.id));
    expect(sheet.replaceAll(NEW.get(o.id)!, "")).not.toContain(o.name);
  }
  expect((await loadComparisonSettings(run))!.outcomes.map((o) => o.name)).toEqual(s.outcomes.map((o) => NEW.get(o.id) ?? o.name));
  // the statuses stay as they were chosen
  expect(again.settings.outcomes.map((o) => o.statuses)).toEqual(s.outcomes.map((o) => o.statuses));
  // the leader page runs the saved analysis again through the same path
  await buildSummary(run, SUMMARY);
  const page = text(wb, SUMMARY_SHEET_NAME);
  expect(page).toContain(NEW.get(slutmaal.id));
  expect(page).not.toContain(slutmaal.name);
});
