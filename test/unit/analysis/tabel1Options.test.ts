/**
 * Tabel 1 for reports (issue 11): a summary chosen per variable, derived categories from cut points
 * (without touching the data), and yes/no variables as one row. Reference: scripts/fixtures/generate-tabel1.R.
 */
import { runComparison, yesLevel, cutLabels, type BaselineChoice, type ComparisonResult } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import ref from "../../fixtures/analysis/tabel1-r.json";
import { HEADER, pilotRows, pilotSettings } from "./fixture";

/** The pilot with P03's age missing and a yes/no column "Forsørger" (Ja for the first 4 of each arm, P05 blank). */
function data(): { header: CellValue[]; rows: CellValue[][] } {
  const rows = pilotRows().map((r, i) => [...r, i === 4 ? "" : i % 10 < 4 ? "Ja" : "Nej"]);
  rows[2][3] = "";
  return { header: [...HEADER, "Forsørger"], rows };
}
function run(age: Partial<BaselineChoice>): { result: ComparisonResult; g: CellValue[][] } {
  const base = pilotSettings();
  const settings = {
    ...base,
    source: { ...base.source, address: "A1:I21" },
    columns: { ...base.columns, baseline: [{ column: 2, type: "categorical" as const }, { column: 3, type: "continuous" as const, ...age }, { column: 8, type: "categorical" as const }] },
  };
  const { header, rows } = data();
  const result = runComparison({ sheet: "Borgere", address: "A1", header, rows }, settings, new Date("2026-11-30T08:00:00Z"));
  return { result, g: comparisonSheetSpec(result, "da").cells[0].values };
}
const row = (g: CellValue[][], a: string): CellValue[] => g.find((r) => r[0] === a) ?? [];
/** Tabel 1's columns: category (B), intervention (D, with E), control (F, with G). */
const summary = (r: CellValue[]): CellValue[] => [r[1], r[3], r[5]];
/** The `k` measure rows of a continuous variable, from its name's row: [measure, intervention, control]. */
function measureRows(g: CellValue[][], name: string, k: number): CellValue[][] {
  const i = g.findIndex((r) => r[0] === name);
  return g.slice(i, i + k).map(summary);
}
/** The measures against R's, as numbers (the cell is the unrounded value; the sheet shows one decimal by format). */
function expectMeasures(got: CellValue[][], want: [string, number, number][]): void {
  expect(got.map((r) => r[0])).toEqual(want.map((w) => w[0]));
  got.forEach((r, i) => {
    expect(r[1]).toBeCloseTo(want[i][1], 10);
    expect(r[2]).toBeCloseTo(want[i][2], 10);
  });
}
/** A category row: label, then n and share per group, as numbers. */
const counts = (r: CellValue[]): CellValue[] => [r[1], r[3], r[4], r[5], r[6]];

describe("Tabel 1: the summary chosen per variable", () => {
  it("mean (SD) when chosen, whatever Shapiro–Wilk says", () => {
    const { g } = run({ summary: "meanSd" });
    expectMeasures(measureRows(g, "Alder", 2), [["Gennemsnit", ref.intervention.mean, ref.control.mean], ["Standardafvigelse (SD)", ref.intervention.sd, ref.control.sd]]);
  });
  it("median (IQR) with R's quartiles (type 7)", () => {
    const { result, g } = run({ summary: "medianIqr" });
    const age = result.baseline.variables[1];
    if (age.type !== "continuous") throw new Error("type");
    expect(age.stats.intervention.q1).toBeCloseTo(ref.intervention.q1, 12);
    expect(age.stats.intervention.q3).toBeCloseTo(ref.intervention.q3, 12);
    expect(age.stats.control.q1).toBeCloseTo(ref.control.q1, 12);
    expect(age.stats.control.q3).toBeCloseTo(ref.control.q3, 12);
    expectMeasures(measureRows(g, "Alder", 3), [["Median", ref.intervention.median, ref.control.median], ["Nedre kvartil", ref.intervention.q1, ref.control.q1], ["Øvre kvartil", ref.intervention.q3, ref.control.q3]]);
    expect(g.map((r) => r[0]).join("\n")).toContain("Valgt i indstillingerne (ikke efter Shapiro–Wilk-reglen): Alder: median (IQR");
  });
  it("median (min–max) when chosen; automatic follows the Shapiro–Wilk rule", () => {
    expectMeasures(measureRows(run({ summary: "medianRange" }).g, "Alder", 3), [["Median", ref.intervention.median, ref.control.median], ["Mindste", ref.intervention.min, ref.control.min], ["Største", ref.intervention.max, ref.control.max]]);
    const auto = run({}).result.baseline.variables[1];
    expect(auto.type === "continuous" && auto.chosen).toBe(false);
  });
});

describe("Tabel 1: derived categories from cut points", () => {
  it("alder < 30 / ≥ 30 under the age row, shares of those with an age; the data are untouched", () => {
    const { result, g } = run({ cuts: [30] });
    const i = g.findIndex((r) => r[0] === "Alder (grupperet)");
    expect(i).toBeGreaterThan(g.findIndex((r) => r[0] === "Alder"));
    const nI = ref.intervention.n;
    const nK = ref.control.n;
    const pct = (x: number, n: number): number[] => [x, x / n];
    expect(counts(g[i + 1])).toEqual(["< 30", ...pct(ref.intervention.under30, nI), ...pct(ref.control.under30, nK)]);
    expect(counts(g[i + 2])).toEqual(["≥ 30", ...pct(nI - ref.intervention.under30, nI), ...pct(nK - ref.control.under30, nK)]);
    expect(counts(g[i + 3])).toEqual(["Mangler", 1, "", 0, ""]);
    // the continuous summary is still there
    expect(result.baseline.variables.map((v) => v.name)).toEqual(["Køn", "Alder", "Alder", "Forsørger"]);
  });
  it("labels for several cut points", () => {
    expect(cutLabels([30, 50], "da")).toEqual(["< 30", "30 til < 50", "≥ 50"]);
    expect(cutLabels([17.5], "en")).toEqual(["< 17.5", "≥ 17.5"]);
  });
});

describe("Tabel 1: yes/no variables as one row", () => {
  it("shows Ja with its share of those with a value and one SMD, not two mirrored rows", () => {
    const { g } = run({});
    const r = row(g, "Forsørger");
    // intervention: 4 Ja of 9 with a value (P05 blank); control: 4 of 10
    expect(counts(r)).toEqual(["Ja", 4, 4 / 9, 4, 4 / 10]);
    expect(typeof r[7]).toBe("number");
    expect(g.some((x) => x[1] === "Nej")).toBe(false);
  });
  it("recognises yes/no pairs only", () => {
    expect(yesLevel(["Nej", "Ja"])).toBe("Ja");
    expect(yesLevel(["yes", "no"])).toBe("yes");
    expect(yesLevel(["Kvinde", "Mand"])).toBeNull();
    expect(yesLevel(["Ja", "Nej", "Ved ikke"])).toBeNull();
  });
});
