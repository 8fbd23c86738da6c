/**
 * The "Progression" results sheet: the tables a reader needs (N, shares, p-values with their tests),
 * transitions with row totals, charts whose data ranges hold the numbers they show, and no citizen IDs.
 */
import { progressionSheetSpec, runProgression, statusTransitions, type ScoreRow } from "../../../src/core/progression";
import { parseRange } from "../../../src/core/report/address";
import { isFormula, type CellValue, type SheetSpec } from "../../../src/core/report/sheetSpec";

const item = { id: "D1", name: "Borgeren kan møde til tiden", min: 1, max: 5, labels: ["1", "2", "3", "4", "5"], reachedAt: 4 };
const scores: [string, string, number, number][] = [
  ["X01", "Indsats", 1, 3], ["X02", "Indsats", 2, 4], ["X03", "Indsats", 1, 5], ["X04", "Kontrol", 2, 2], ["X05", "Kontrol", 3, 2], ["X06", "Kontrol", 1, 2],
];
const rows: ScoreRow[] = scores.flatMap(([citizen, group, a, b]) => [
  { citizen, group, round: 1, rater: null, scores: [a] },
  { citizen, group, round: 2, rater: null, scores: [b] },
]);
const result = runProgression({ items: [item], rows });
const transitions = statusTransitions(
  { statuses: [{ label: "Kontanthjælp" }, { label: "Job" }], timepoints: [{ month: 0, codes: [0, 0, 0, 0] }, { month: 6, codes: [1, 0, -1, 1] }], arm: [0, 0, 1, 1] },
  ["Kontanthjælp", "Job"],
);
const spec = progressionSheetSpec(result, transitions, { source: "Progressionsmåling!A4", generatedAt: "2026-11-30T08:00:00Z" }, "da");

function cells(s: SheetSpec): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const b of s.cells) {
    const top = parseRange(b.address);
    b.values.forEach((r, i) => r.forEach((v, j) => m.set(`${i + top.row},${j + top.column}`, v)));
  }
  return m;
}
const grid = cells(spec);
const text = [...grid.values()].map((v) => (isFormula(v as CellValue) ? "" : String(v))).join("\n");

test("headline, change table with N, shares, p-value and the test's name", () => {
  expect(text).toContain("Progression i delmål");
  expect(text).toContain("Ændring fra første til seneste måling");
  const row = [...grid.entries()].find(([, v]) => v === "D1: Borgeren kan møde til tiden")![0].split(",").map(Number);
  const at = (c: number) => grid.get(`${row[0]},${c}`);
  expect([at(1), at(2)]).toEqual([6, 6]);
  expect(at(5)).toBeCloseTo(4 / 6, 12); // improved: X01, X02, X03, X06
  expect(at(7)).toBeCloseTo(1 / 6, 12); // worse: X05
  expect(String(at(10))).toMatch(/^Wilcoxons test for parrede observationer/);
  // p is a number (shown "0,134" / "<0,001" by its format), the same as the result's
  expect(at(9)).toBe(result.items[0].changeTest?.pValue);
});

test("a transition matrix prints only the statuses someone had: no all-zero rows or columns, totals unchanged", () => {
  const statuses = ["Kontanthjælp", "Jobparat", "Fleksjob", "Revalidering", "FØP", "Job", "Uddannelse", "Sygedagpenge", "Ressourceforløb"];
  // 0 → 6 months: everyone on kontanthjælp at 0; at 6 two in job, one jobparat, one with no status
  const wide = statusTransitions(
    { statuses: statuses.map((label) => ({ label })), timepoints: [{ month: 0, codes: [0, 0, 0, 0] }, { month: 6, codes: [5, 5, 1, -1] }], arm: [0, 0, 0, 0] },
    statuses,
  );
  const s2 = progressionSheetSpec(result, wide, { source: "Progressionsmåling!A4", generatedAt: "2026-11-30T08:00:00Z" }, "da");
  const g2 = cells(s2);
  const head = [...g2.entries()].find(([, v]) => v === "Fra \\ til")![0].split(",").map(Number);
  const rowAt = (r: number): CellValue[] => Array.from({ length: 12 }, (_, c) => g2.get(`${r},${c}`) ?? null);
  expect(rowAt(head[0]).filter((v) => v !== null)).toEqual(["Fra \\ til", "Jobparat", "Job", "Ingen status", "I alt"]);
  expect(rowAt(head[0] + 1).filter((v) => v !== null)).toEqual(["Kontanthjælp", 1, 2, 1, 4]);
  // the next line is the share that moved, not a zero row
  expect(String(rowAt(head[0] + 2)[0])).toMatch(/^Bevæget mod slutmålet/);
});

test("transitions with row totals and the share that moved towards the slutmål", () => {
  expect(text).toContain("0 → 6 mdr., Indsats (N = 2)");
  expect(text).toContain("Bevæget mod slutmålet: 1 / 2 (50 %)");
  expect(text).toContain("Bevæget mod slutmålet: 1 / 1 (100 %)");
});

test("charts: a line per group over the rounds, stacked status columns; their data are on the sheet", () => {
  const line = spec.charts!.find((c) => c.type === "line")!;
  const r = parseRange(line.dataRange);
  expect(grid.get(`${r.row},1`)).toBe("Indsats");
  expect(grid.get(`${r.row + 1},1`)).toBeCloseTo(4 / 3, 12);
  expect(grid.get(`${r.row + 2},2`)).toBeCloseTo(2, 12);
  expect(spec.charts!.some((c) => c.type === "columnStacked")).toBe(true);
  expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
});

test("no citizen ID is copied to the results sheet", () => {
  expect(text).not.toMatch(/X0\d/);
});

test("in English the headings and test names are English", () => {
  const en = progressionSheetSpec(result, transitions, { source: "Progressionsmåling!A4", generatedAt: "2026-11-30T08:00:00Z" }, "en");
  const t = [...cells(en).values()].map(String).join("\n");
  expect(t).toContain("Change from first to latest score");
  expect(t).toContain("Wilcoxon signed rank");
  expect(t).toContain("Moved towards the final goal: 1 / 2 (50 %)");
  expect(t).not.toContain("Ændring fra første");
});
