/**
 * The adjusted analysis in the comparison (issue 25 item 1): a dataset built from R fixture cases
 * (test/fixtures/stats/regression.json, scripts/fixtures/generate-regression.R) gives R's adjusted
 * numbers on the comparison's rows; the citizens are the unadjusted row's; refusals are kept as notes.
 */
import fixture from "../../fixtures/stats/regression.json";
import { defaultCovariates, defaultSettings, runComparison, type ComparisonSettings } from "../../../src/core/analysis";
import { logisticRegression, type Covariate } from "../../../src/core/stats";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows, pilotSettings } from "./fixture";

interface Case { id: number; firth?: boolean; y: number[]; group: number[]; covariates: Covariate[]; orWald: number[]; orProfile: number[]; pWald: number; pLR: number; marginal: number[] }
const cases = (fixture as unknown as { cases: Case[] }).cases;
const close = (got: number, want: number): void => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(want)));
const NOW = new Date("2026-12-01T08:00:00Z");

/** Rows of a wide dataset from a fixture case: reached (y = 1) = "Jobparat" at 6 months; group 1 = Indsats. */
function caseData(c: Case, extra: CellValue[][] = []): { header: CellValue[]; rows: CellValue[][]; settings: ComparisonSettings } {
  const header: CellValue[] = ["ID", "Gruppe", ...c.covariates.map((v) => v.name), "Status 0 mdr", "Status 6 mdr"];
  const rows: CellValue[][] = c.y.map((y, i) => [`C${i + 1}`, c.group[i] === 1 ? "Indsats" : "Kontrol", ...c.covariates.map((v) => v.values[i]), "Kontanthjælp", y === 1 ? "Jobparat" : "Kontanthjælp"]);
  rows.push(...extra);
  const k = c.covariates.length;
  const settings = defaultSettings({
    sheet: "Data",
    address: `A1:${String.fromCharCode(65 + k + 3)}${rows.length + 1}`,
    header: header.map(String),
    layout: "wide",
    columns: { id: 0, group: 1, baseline: c.covariates.map((v, j) => ({ column: 2 + j, type: v.kind === "numeric" ? "continuous" : "categorical" })), timepoints: [{ column: 2 + k, month: 0 }, { column: 3 + k, month: 6 }] },
    statuses: ["Kontanthjælp", "Jobparat", "Fraflyttet"],
  });
  return { header, rows, settings: { ...settings, outcomes: [{ id: "job", name: "Job", statuses: ["Jobparat"] }], adjustment: { covariates: c.covariates.map((v) => v.name) } } };
}

describe.each([2, 37])("R fixture case %i as a comparison", (id) => {
  const c = cases.find((x) => x.id === id)!;
  // one more citizen who moved away at 6 months: not in N, so not in the regression either
  const extra: CellValue[][] = [["X1", "Indsats", ...c.covariates.map((v) => v.values[0]), "Kontanthjælp", "Fraflyttet"]];
  const { header, rows, settings } = caseData(c, extra);
  const result = runComparison({ sheet: "Data", address: "A1", header, rows }, settings, NOW);
  const row = result.outcomes[0].rows[0];
  const adj = row.adjusted!;

  it("is beside the unadjusted row (which is unchanged) on the same citizens", () => {
    expect(row.riskDifference).not.toBeNull();
    expect(adj.ok).toBe(true);
    if (!adj.ok) return;
    expect(adj.n).toBe(row.counts.intervention.n + row.counts.control.n);
    expect(adj.n).toBe(c.y.length);
    expect(adj.covariates).toEqual(c.covariates.map((v) => v.name));
    expect(result.adjustment).toEqual({ covariates: c.covariates.map((v) => v.name) });
  });

  it("adjusted OR (Wald and profile), p (Wald, LR), standardised risks, RD and RR equal R", () => {
    if (!adj.ok) throw new Error("refused");
    expect(adj.firth).toBe(c.firth === true);
    expect(adj.separation).toBe(c.firth === true);
    close(adj.oddsRatio.lower, c.orWald[0]);
    close(adj.oddsRatio.upper, c.orWald[1]);
    close(adj.oddsRatio.profileLower, c.orProfile[0]);
    close(adj.oddsRatio.profileUpper, c.orProfile[1]);
    close(adj.oddsRatio.pWald, c.pWald);
    close(adj.oddsRatio.pLikelihoodRatio, c.pLR);
    const m = c.marginal;
    close(adj.risks.intervention, m[0]);
    close(adj.risks.control, m[1]);
    [adj.riskDifference.estimate, adj.riskDifference.se, adj.riskDifference.lower, adj.riskDifference.upper].forEach((v, i) => close(v, m[2 + i]));
    [adj.riskRatio.estimate, adj.riskRatio.se, adj.riskRatio.lower, adj.riskRatio.upper].forEach((v, i) => close(v, m[6 + i]));
  });

  it("equals logisticRegression on the same rows", () => {
    if (!adj.ok) throw new Error("refused");
    const r = logisticRegression({ y: c.y, group: c.group, covariates: c.covariates, confLevel: 0.95 });
    expect(adj.oddsRatio.estimate).toBe(r.oddsRatio.estimate);
    expect(adj.events).toBe(r.events);
    expect(adj.parameters).toBe(r.parameters);
  });
});

describe("refusals and defaults", () => {
  it("too few events: a Danish note with the count on the row, and the unadjusted numbers stay", () => {
    const s = { ...pilotSettings(), adjustment: { covariates: ["Køn", "Alder"] } };
    const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, s, NOW);
    const row = result.outcomes[0].rows.find((r) => r.month === 6)!;
    expect(row.riskDifference).not.toBeNull();
    expect(row.adjusted?.ok).toBe(false);
    if (row.adjusted?.ok !== false) return;
    expect(row.adjusted.note.da).toMatch(/^Justeret analyse ikke mulig: For få hændelser til en justeret analyse: \d+ /);
    expect(row.adjusted.note.en).toMatch(/^Adjusted analysis not possible: Too few events/);
  });

  it("a covariate that is not a Tabel 1 column is refused by name on every row, not silently dropped", () => {
    const s = { ...pilotSettings(), adjustment: { covariates: ["Kommune"] } };
    const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, s, NOW);
    for (const r of result.outcomes[0].rows) expect(r.adjusted).toMatchObject({ ok: false, note: { da: expect.stringMatching(/"Kommune" er ikke valgt som baggrundsvariabel/) } });
  });

  it("no adjustment chosen: no adjusted numbers", () => {
    const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, pilotSettings(), NOW);
    expect(result.adjustment).toBeUndefined();
    expect(result.outcomes[0].rows.every((r) => r.adjusted === undefined)).toBe(true);
  });

  it("default covariates: the strata columns when set, else the Tabel 1 columns (by header)", () => {
    const s = { ...pilotSettings(), source: { ...pilotSettings().source, header: HEADER.map(String) } };
    expect(defaultCovariates(s)).toEqual(["Køn", "Alder"]);
    expect(defaultCovariates({ ...s, strata: [2] })).toEqual(["Køn"]);
  });
});
