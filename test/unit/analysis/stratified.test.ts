/**
 * The stratified analysis in the comparison (issue 11): strata from baseline variables (a continuous one by
 * its cut points), CMH / MH counted per stratum from the rows, printed under each outcome table.
 */
import { runComparison } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { mantelHaenszel, type Stratum } from "../../../src/core/stats";
import { HEADER, pilotRows, pilotSettings } from "./fixture";

const JOB = ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"];
const rows = pilotRows();
rows[3][2] = ""; // P04: køn missing → left out of the stratified analysis only
const base = pilotSettings();
const settings = { ...base, strata: [2, 3], columns: { ...base.columns, baseline: [base.columns.baseline[0], { ...base.columns.baseline[1], cuts: [35] }] } };
const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, settings, new Date("2026-11-30T08:00:00Z"));

/** Strata tables counted directly from the rows: køn × (alder < 35 / ≥ 35), valid statuses only. */
function strataAt(col: number): Stratum[] {
  const cells = new Map<string, Stratum>();
  for (const r of rows) {
    const status = String(r[col]);
    if (r[2] === "" || status === "" || status === "Fraflyttet") continue;
    const key = `${String(r[2])}|${(r[3] as number) < 35 ? "u" : "o"}`;
    const c = cells.get(key) ?? [0, 0, 0, 0];
    c[(r[1] === "Indsats" ? 0 : 2) + (JOB.includes(status) ? 0 : 1)]++;
    cells.set(key, c);
  }
  return [...cells.values()].filter((c) => c[0] + c[1] > 0 && c[2] + c[3] > 0);
}

describe("stratified analysis", () => {
  const o = result.outcomes[0];
  it("names the strata variables and counts who is left out", () => {
    expect(result.stratification).toEqual({ variables: ["Køn", "Alder (grupperet)"], excluded: { intervention: 1, control: 0 } });
  });

  it("at 6 and 18 months: CMH p, MH RD and MH OR equal mantelHaenszel on the strata counted from the rows", () => {
    for (const [month, col] of [[6, 5], [18, 7]] as const) {
      const row = o.rows.find((r) => r.month === month);
      const want = mantelHaenszel(strataAt(col));
      expect(row?.stratified?.strata).toBe(strataAt(col).length);
      expect(row?.stratified?.test?.pValue).toBeCloseTo(want.test.pValue, 12);
      expect(row?.stratified?.riskDifference?.estimate).toBeCloseTo(want.riskDifference.estimate.value, 12);
      expect(row?.stratified?.riskDifference?.lower).toBeCloseTo(want.riskDifference.ci.lower, 12);
      if (Number.isFinite(want.oddsRatio.estimate.value)) expect(row?.stratified?.oddsRatio?.estimate).toBeCloseTo(want.oddsRatio.estimate.value, 12);
    }
  });

  it("12 months (nobody reached the outcome): a plain note, no test", () => {
    const row = o.rows.find((r) => r.month === 12);
    expect(row?.stratified?.test).toBeNull();
    expect(row?.stratified?.notes[0].da).toBe("Ingen (eller alle) har nået målet; der er intet at teste.");
  });

  it("is printed under each outcome table, every number", () => {
    const g: CellValue[][] = comparisonSheetSpec(result, "da").cells[0].values;
    const title = g.findIndex((r, i) => i > g.findIndex((x) => x[0] === o.name && x[1] === "") && String(r[0]).startsWith("Stratificeret analyse (Mantel–Haenszel) efter: Køn × Alder (grupperet)"));
    expect(title).toBeGreaterThan(0);
    o.rows.forEach((r, i) => {
      const st = r.stratified;
      const printed = g[title + 2 + i];
      const three = (e: { estimate: number; lower: number; upper: number } | null | undefined, scale: number): CellValue[] => (e ? [e.estimate * scale, e.lower * scale, e.upper * scale] : ["–", "–", "–"]);
      // the MH difference and odds ratio with their intervals as numbers, strata, p (a number) and the test
      expect(printed.slice(0, 8)).toEqual([`${r.month} mdr.`, ...three(st?.riskDifference, 100), ...three(st?.oddsRatio, 1), st?.strata]);
      expect([printed[10], printed[13]]).toEqual([st?.test ? st.test.pValue : "–", st?.test ? st.test.method.da : "–"]);
    });
  });

  it("without strata nothing stratified is computed or printed", () => {
    const plain = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, pilotSettings());
    expect(plain.stratification).toBeUndefined();
    expect(plain.outcomes[0].rows[0].stratified).toBeUndefined();
    expect(JSON.stringify(comparisonSheetSpec(plain, "da").cells)).not.toContain("Stratificeret");
  });
});
