/**
 * The measurement sheet and the score reader: layout from a KL template, regeneration keeps every
 * entry by citizen, round and delmål, and bad entries are reported with their cell.
 */
import {
  MEASUREMENT_SHEET_NAME,
  measurementSheetSpec,
  parseMeasurementSheet,
  plannedDate,
  readScores,
  scaleItems,
  scheduleOf,
  suggestScoreColumns,
  type MeasurementPlan,
} from "../../../src/core/progression";
import { isFormula, type CellScalar, type CellValue, type SheetSpec } from "../../../src/core/report/sheetSpec";
import { parseCell } from "../../../src/core/report/address";
import { TEMPLATES } from "../../../src/core/theory";
import { VirkningError } from "../../../src/core/errors";

const theory = TEMPLATES[0].build();
const items = scaleItems(theory);
const START = 46023; // 2026-01-01

function plan(citizens: string[], its = items): MeasurementPlan {
  return { items: its, ...scheduleOf(theory), citizens: citizens.map((id, i) => ({ id, group: i % 2 ? "Kontrol" : "Indsats" })), startDate: START };
}

/** The sheet as values from A1, as the reader would return it. */
function grid(spec: SheetSpec): CellScalar[][] {
  const out: CellScalar[][] = [];
  for (const b of spec.cells) {
    const top = parseCell(b.address);
    b.values.forEach((row, i) =>
      row.forEach((v: CellValue, j) => {
        (out[top.row + i] ??= [])[top.column + j] = isFormula(v) ? v.formula : v;
      }),
    );
  }
  return Array.from(out, (r) => Array.from(r ?? [], (v) => v ?? null));
}

function setCell(g: CellScalar[][], row: number, header: string, v: CellScalar): void {
  const h = g[3].findIndex((x) => typeof x === "string" && x.startsWith(header));
  g[row][h] = v;
}

test("the template has delmål with a scale, scored every 6 weeks", () => {
  expect(items.length).toBeGreaterThan(0);
  expect(scheduleOf(theory).schedule).toEqual({ kind: "weeks", everyWeeks: 6 });
  expect(plannedDate(plan(["A"]), 3)).toBe(START + 84);
});

test("one row per citizen per round, dropdowns with the scale's labels, overdue rows marked by a formula", () => {
  const { spec } = measurementSheetSpec(plan(["A1", "A2"]));
  const g = grid(spec);
  expect(spec.name).toBe(MEASUREMENT_SHEET_NAME);
  const rounds = scheduleOf(theory).rounds;
  expect(g.length).toBe(4 + 2 * rounds);
  expect(g[4].slice(0, 4)).toEqual(["A1", "Indsats", 1, START]);
  const v = spec.dataValidations ?? [];
  expect(v).toHaveLength(items.length + 1);
  expect(v[1].list).toEqual(items[0].labels);
  expect(v[1].range).toBe(`G5:G${4 + 2 * rounds}`);
  const cf = spec.conditionalFormats?.[0];
  expect(cf?.formula.formula).toBe(`=AND($D5<>"",$D5<TODAY(),COUNTA($G5:$${String.fromCharCode(70 + items.length)}5)=0)`);
});

test("regeneration after adding a delmål and two citizens keeps every entered score, date and note", () => {
  const first = measurementSheetSpec(plan(["A1", "A2"], items.slice(0, 2)));
  const g = grid(first.spec);
  setCell(g, 4, "Faktisk dato", START + 1);
  setCell(g, 4, "Vurderet af", "Borger");
  setCell(g, 4, `${items[0].id}:`, items[0].labels[2]);
  setCell(g, 5, `${items[1].id}:`, items[1].labels[4]);
  setCell(g, 6, "Noter", "Aflyst, ny tid");
  // The user also added a row by hand: the caseworker's score of round 1 for A1.
  g.push([...g[4]]);
  setCell(g, g.length - 1, "Vurderet af", "Sagsbehandler");
  setCell(g, g.length - 1, `${items[0].id}:`, items[0].labels[3]);
  const added = items.length > 2 ? items.slice(0, 3) : items;
  const again = measurementSheetSpec(plan(["B9", "A1", "A2", "B8"], added), parseMeasurementSheet(g));
  const after = parseMeasurementSheet(grid(again.spec));
  const find = (c: string, r: number, rater: string | null) => after.entries.find((e) => e.citizen === c && e.round === r && (e.rater ?? null) === rater);
  expect(find("A1", 1, "Borger")?.scores.get(items[0].id)).toBe(items[0].labels[2]);
  expect(find("A1", 1, "Borger")?.actualDate).toBe(START + 1);
  expect(find("A1", 1, "Sagsbehandler")?.scores.get(items[0].id)).toBe(items[0].labels[3]);
  expect(find("A1", 2, null)?.scores.get(items[1].id)).toBe(items[1].labels[4]);
  expect(find("A1", 3, null)?.notes).toBe("Aflyst, ny tid");
  expect(find("B9", 1, null)).toBeDefined();
  expect(after.items.map((i) => i.id)).toEqual(added.map((i) => i.id));
  expect(again.unplaced).toEqual([]);
});

test("a score of a removed delmål is reported and kept in the notes", () => {
  const g = grid(measurementSheetSpec(plan(["A1"], items.slice(0, 2))).spec);
  setCell(g, 4, `${items[1].id}:`, items[1].labels[1]);
  const again = measurementSheetSpec(plan(["A1"], items.slice(0, 1)), parseMeasurementSheet(g));
  expect(again.unplaced).toEqual([{ citizen: "A1", round: 1, what: items[1].id, value: items[1].labels[1] }]);
  const notes = parseMeasurementSheet(grid(again.spec)).entries[0].notes;
  expect(String(notes)).toContain(`${items[1].id} (${items[1].name}): ${items[1].labels[1]}`);
});

describe("readScores names the cell of every bad entry", () => {
  const its = items.slice(0, 2);
  const header: CellScalar[] = ["Borger-ID", "Gruppe", "Runde", "Planlagt dato", "Faktisk dato", "Vurderet af", `${its[0].id}: x`, `${its[1].id}: y`, "Noter"];
  const src = (rows: CellScalar[][]) => ({ sheet: MEASUREMENT_SHEET_NAME, address: "A4", header, rows });
  const read = (rows: CellScalar[][], requireGroup = false) => {
    const s = src(rows);
    return readScores(s, suggestScoreColumns(header, its) ?? (undefined as never), { requireGroup });
  };
  test("good rows: labels and numbers on the scale", () => {
    const { input, problems } = read([
      ["A", "Indsats", 1, null, START, "Borger", its[0].labels[0], 3, null],
      ["A", "Indsats", 2, null, "15-02-2026", "Borger", 2, null, null],
      ["B", "Kontrol", 1, null, null, null, null, null, "ikke mødt"],
    ]);
    expect(problems).toEqual([]);
    expect(input.rows.map((r) => r.scores)).toEqual([[1, 3], [2, null]]);
  });
  test.each([
    ["outside the scale", ["A", "I", 1, null, null, null, 7, null, null], "G5", /uden for skalaen 1–5/],
    ["text that is no label", ["A", "I", 1, null, null, null, "godt", null, null], "G5", /er tekst/],
    ["a date that is no date", ["A", "I", 1, null, "i går", null, 2, null, null], "E5", /er ikke en dato/],
    ["a round that is no number", ["A", "I", "første", null, null, null, 2, null, null], "C5", /helt rundenummer/],
  ])("%s", (_what, row, cell, message) => {
    const { problems } = read([row as CellScalar[]]);
    expect(problems).toHaveLength(1);
    expect(problems[0].location?.cell).toBe(`${MEASUREMENT_SHEET_NAME}!${cell}`);
    expect(problems[0].message).toMatch(message);
  });
  test("two rows for the same citizen and round", () => {
    const { problems } = read([["A", "I", 1, null, null, null, 2, null, null], ["A", "I", 1, null, null, null, 3, null, null]]);
    expect(problems[0].message).toMatch(/to rækker for runde 1: Progressionsmåling!C5 og Progressionsmåling!C6/);
  });
  test("a round dated before the round before it", () => {
    const { problems } = read([["A", "I", 1, null, START + 10, null, 2, null, null], ["A", "I", 2, null, START, null, 3, null, null]]);
    expect(problems[0].code).toBe("PROGRESSION_ROUND_ORDER");
    expect(problems[0].location?.cell).toBe(`${MEASUREMENT_SHEET_NAME}!C6`);
  });
  test("a citizen without group when groups are compared", () => {
    const { problems } = read([["A", null, 1, null, null, null, 2, null, null]], true);
    expect(problems[0].code).toBe("PROGRESSION_NO_GROUP");
  });
  test("a CPR number refuses the range", () => {
    expect(() => read([["010190-1234", "I", 1, null, null, null, 2, null, null]])).toThrow(VirkningError);
  });
});

test("any range with citizen, round and delmål columns: headers by id, name or 'id: name'", () => {
  const its = items.slice(0, 3);
  const cols = suggestScoreColumns(["ID", "Runde", its[0].id, its[1].name, `${its[2].id}: gammelt navn`], its);
  expect(cols).toMatchObject({ citizen: 0, round: 1, group: null, rater: null, date: null });
  expect(cols?.items.map((x) => [x.column, x.item.id])).toEqual([[2, its[0].id], [3, its[1].id], [4, its[2].id]]);
  expect(suggestScoreColumns(["Navn", its[0].id], its)).toBeNull();
});

test("a citizen left out of the new plan keeps the scored rows (reported), not the empty ones", () => {
  const g = grid(measurementSheetSpec(plan(["A1", "A2"])).spec);
  setCell(g, 4 + scheduleOf(theory).rounds + 1, `${items[0].id}:`, items[0].labels[2]); // A2, round 2
  const again = measurementSheetSpec(plan(["A1"]), parseMeasurementSheet(g));
  const after = parseMeasurementSheet(grid(again.spec)).entries;
  expect(again.outsidePlan).toBe(1);
  expect(after.filter((e) => e.citizen === "A2").map((e) => [e.round, e.scores.get(items[0].id)])).toEqual([[2, items[0].labels[2]]]);
  expect(after.filter((e) => e.citizen === "A1")).toHaveLength(scheduleOf(theory).rounds);
});
