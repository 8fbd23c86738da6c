/**
 * Report-ready result sheets (issue 22): walking the SheetSpec, every number is a numeric cell with a
 * number format (not General), and no table cell holds a number, a p-value or an interval as text, so a
 * report author can format, round and refer to them. Sentences are one cell each (merged rows); the printed
 * columns fit A4 landscape at 80 % or more.
 */
import { runComparison } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import { progressionSheetSpec, runProgression, statusTransitions } from "../../../src/core/progression";
import { parseCell, parseRange } from "../../../src/core/report/address";
import { isFormula, type SheetSpec } from "../../../src/core/report/sheetSpec";
import { walk, type Cell } from "./walk";
import { HEADER, pilotRows, pilotSettings } from "../analysis/fixture";

/** Rows that are a line of text merged across the sheet (titles, sentences, notes). */
function mergedRows(spec: SheetSpec): Set<number> {
  return new Set((spec.merges ?? []).map((m) => parseRange(m)).filter((r) => r.rowCount === 1 && r.column === 0 && r.columnCount > 3).map((r) => r.row));
}

const NUMBER_AS_TEXT = /^[<>]?\s?[-−]?\d+([.,]\d+)?\s?%?\s?¹?$/;
const INTERVAL_AS_TEXT = /-?\d+([.,]\d+)?\s\(-?\d+([.,]\d+)? (til|to) -?\d/;
const P_AS_TEXT = /p\s?=\s?[<\d]/;
/** Two numbers in one cell: "12 (40,0 %)", "40,1 (12,0)", "38 (25–51)". */
const PAIR_AS_TEXT = /^-?\d+([.,]\d+)?\s?%?\s\(-?\d+([.,]\d+)?\s?%?([–-]-?\d+([.,]\d+)?)?\)$/;

function expectReportReady(spec: SheetSpec, allowedText: RegExp[] = []): number {
  const lines = mergedRows(spec);
  const cells = walk(spec);
  const at = (c: Cell): string => `${String.fromCharCode(65 + c.column)}${c.row + 1}`;
  const numbers = cells.filter((c) => typeof c.value === "number");
  // every number has a format of its own (General shows 0.33333333 and "1E-05")
  expect(numbers.filter((c) => c.format === undefined || c.format === "General").map((c) => `${at(c)}: ${String(c.value)}`)).toEqual([]);
  const tableText = cells.filter((c) => typeof c.value === "string" && c.value !== "" && !lines.has(c.row) && !isFormula(c.value) && !allowedText.some((a) => a.test(c.value as string)));
  const asText = tableText.filter((c) => [NUMBER_AS_TEXT, INTERVAL_AS_TEXT, P_AS_TEXT, PAIR_AS_TEXT].some((re) => re.test(c.value as string)));
  expect(asText.map((c) => `${at(c)}: ${String(c.value)}`)).toEqual([]);
  return numbers.length;
}

/** The print area's columns fit A4 landscape at 80 % or more, every written cell is inside them, and the title row repeats. */
function expectFitsA4Landscape(spec: SheetSpec): void {
  const area = parseRange(spec.pageSetup?.printArea ?? "A1");
  const widths = (spec.columnWidths ?? []).flatMap((w) => {
    const [a, b = a] = w.columns.split(":");
    const from = parseCell(`${a}1`).column;
    const to = parseCell(`${b}1`).column;
    return Array.from({ length: to - from + 1 }, (_, i) => ({ column: from + i, width: w.width }));
  });
  // every printed column has a width of its own (Excel's default is not assumed)
  expect(widths.filter((w) => w.column < area.columnCount).length).toBe(area.columnCount);
  const total = widths.filter((w) => w.column < area.columnCount).reduce((s, w) => s + w.width, 0);
  // A4 landscape 842 pt less Excel's normal margins (2 × 0.7 in = 100.8 pt)
  expect((842 - 100.8) / total).toBeGreaterThanOrEqual(0.8);
  expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", printTitleRows: "$1:$1" });
}

describe("the comparison sheet is report-ready", () => {
  const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, { ...pilotSettings(), testPolicy: "pearson" }, new Date("2026-12-07T01:36:00Z"));
  const spec = comparisonSheetSpec(result, "da");

  test("every number has a format, and no table cell is a number, interval, p-value or 'n (x %)' / 'mean (SD)' pair as text", () => {
    expect(result.outcomes.some((o) => o.rows.some((r) => r.test?.smallExpected))).toBe(true);
    const settings = walk(spec).find((c) => c.value === "Indstillinger")?.row ?? Infinity;
    const confLevel = walk(spec).filter((c) => c.value === "95 %");
    // the settings block (last) describes the settings in words, the confidence level as "95 %"
    expect(confLevel.map((c) => c.row > settings)).toEqual([true]);
    const n = expectReportReady(spec, [/^95 %$/]);
    expect(n).toBeGreaterThan(100);
  });

  test.each(["medianIqr", "medianRange"] as const)("a %s summary in Tabel 1 is one number per measure, each with a format", (summary) => {
    const settings = pilotSettings();
    settings.columns.baseline = [{ column: 2, type: "categorical" }, { column: 3, type: "continuous", summary }];
    const other = comparisonSheetSpec(runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, settings, new Date("2026-12-07T01:36:00Z")), "da");
    expectReportReady(other, [/^95 %$/]);
    const cells = walk(other);
    const age = cells.find((c) => c.column === 0 && c.value === "Alder");
    const measuresShown = cells.filter((c) => c.column === 1 && age && c.row >= age.row && c.row < age.row + 3).map((c) => c.value);
    expect(measuresShown).toEqual(summary === "medianIqr" ? ["Median", "Nedre kvartil", "Øvre kvartil"] : ["Median", "Mindste", "Største"]);
    const values = cells.filter((c) => age && c.row >= age.row && c.row < age.row + 3 && (c.column === 3 || c.column === 5));
    expect(values.map((c) => [typeof c.value, c.format])).toEqual(new Array(6).fill(["number", "0.0"]));
  });

  test("p-values use the '<0,001' format, the footnote marker and Fisher's p stand in their own columns", () => {
    const cells = walk(spec);
    const ps = cells.filter((c) => c.format === '[<0.001]"<0,001";0.000');
    expect(ps.length).toBeGreaterThan(result.outcomes.length);
    expect(ps.every((c) => typeof c.value === "number" || c.value === "–" || c.value === "")).toBe(true);
    const marks = cells.filter((c) => c.value === "¹");
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(cells.find((c) => c.row === m.row && c.column === m.column + 1)?.format).toBe('[<0.001]"<0,001";0.000');
  });

  test("the printed columns fit A4 landscape at 80 % or more, with the title row repeated", () => {
    expectFitsA4Landscape(spec);
  });

  test("the outcome charts show their values (data labels) from cells in percent", () => {
    const charts = (spec.charts ?? []).filter((c) => c.type === "columnClustered");
    expect(charts.length).toBe(result.outcomes.length);
    for (const c of charts) expect(c.dataLabels).toBe(true);
    const data = parseRange(charts[0].dataRange);
    const body = walk(spec).filter((c) => c.row > data.row && c.row < data.row + data.rowCount && c.column > data.column && c.column < data.column + data.columnCount && typeof c.value === "number");
    expect(body.length).toBeGreaterThan(0);
    for (const c of body) expect(c.format).toBe("0 %");
  });
});

describe("the progression sheet is report-ready", () => {
  const item = { id: "D1", name: "Borgeren kan møde til tiden", min: 1, max: 5, labels: ["1", "2", "3", "4", "5"], reachedAt: 4 };
  const scores: [string, string, number, number][] = [
    ["X01", "Indsats", 1, 3], ["X02", "Indsats", 2, 4], ["X03", "Indsats", 1, 5], ["X04", "Kontrol", 2, 2], ["X05", "Kontrol", 3, 2], ["X06", "Kontrol", 1, 2], ["X07", "Indsats", 2, 5], ["X08", "Kontrol", 4, 3],
  ];
  const result = runProgression({ items: [item], rows: scores.flatMap(([citizen, group, a, b]) => [{ citizen, group, round: 1, rater: null, scores: [a] }, { citizen, group, round: 2, rater: null, scores: [b] }]) });
  const transitions = statusTransitions(
    { statuses: [{ label: "Kontanthjælp" }, { label: "Job" }], timepoints: [{ month: 0, codes: [0, 0, 0, 0] }, { month: 6, codes: [1, 0, -1, 1] }], arm: [0, 0, 1, 1] },
    ["Kontanthjælp", "Job"],
  );
  const spec = progressionSheetSpec(result, transitions, { source: "Progressionsmåling!A4", generatedAt: "2026-12-07T01:36:00Z" }, "da");

  test("every number has a format, and no table cell is a number or p-value as text", () => {
    expect(expectReportReady(spec)).toBeGreaterThan(20);
  });

  test("the printed columns fit A4 landscape at 80 % or more, with the title row repeated; tables and charts stay inside them", () => {
    expectFitsA4Landscape(spec);
    const area = parseRange(spec.pageSetup?.printArea ?? "A1");
    const outside = walk(spec).filter((c) => c.value !== "" && c.value !== null && (c.column >= area.columnCount || c.row >= area.rowCount));
    expect(outside).toEqual([]);
    for (const c of spec.charts ?? []) expect(parseCell(c.bottomRight).column).toBeLessThan(area.columnCount);
  });

  test("each sentence is one merged cell across the printed width; a long one wraps and its row is as high as its lines", () => {
    const area = parseRange(spec.pageSetup?.printArea ?? "A1");
    const last = String.fromCharCode(64 + area.columnCount);
    const merged = new Set(spec.merges ?? []);
    const cells = walk(spec);
    const lines = cells.filter((c) => c.column === 0 && typeof c.value === "string" && c.value !== "" && cells.every((d) => d.row !== c.row || d.column === 0 || d.value === "" || d.value === null));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect({ text: l.value, merged: merged.has(`A${l.row + 1}:${last}${l.row + 1}`) }).toEqual({ text: l.value, merged: true });
    // a long note: wrapped at the top, and the row holds its lines
    const long = progressionSheetSpec(result, transitions, { source: `Progressionsmåling!A4 ${"med en meget lang kildebeskrivelse ".repeat(8)}`, generatedAt: "2026-12-07T01:36:00Z" }, "da");
    expect(long.styles?.find((s) => s.range === "A2")?.style).toMatchObject({ wrapText: true, verticalAlignment: "top" });
    expect(long.rowHeights?.find((h) => h.row === 2)?.height).toBeGreaterThanOrEqual(30);
    // a short line gets no height of its own (Excel's default row)
    expect(spec.rowHeights?.find((h) => h.row === 1)).toBeUndefined();
  });
});
