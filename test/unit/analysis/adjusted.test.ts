/**
 * The adjusted analysis in the comparison (issue 25 item 1): a dataset built from R fixture cases
 * (test/fixtures/stats/regression.json, scripts/fixtures/generate-regression.R) gives R's adjusted
 * numbers on the comparison's rows; the citizens are the unadjusted row's; refusals are kept as notes.
 */
import { defaultCovariates, runComparison } from "../../../src/core/analysis";
import { parseSettings } from "../../../src/core/analysis/settingsSchema";
import { logisticRegression } from "../../../src/core/stats";
import { withProgress } from "../../../src/core/progress";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows, pilotSettings } from "./fixture";
import { caseData, cases, close, NOW } from "./adjustedFixture";

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

describe("stored settings with an adjusted analysis", () => {
  const base = { ...pilotSettings(), source: { ...pilotSettings().source, header: HEADER.map(String) } };
  it("are accepted with covariates by header, and refused naming the field when malformed", () => {
    expect(parseSettings(JSON.parse(JSON.stringify({ ...base, adjustment: { covariates: ["Køn", "Alder"] } }))).ok).toBe(true);
    const bad = parseSettings(JSON.parse(JSON.stringify({ ...base, adjustment: { covariates: "Køn" } })));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/adjustment\.covariates/);
    const foreign = parseSettings(JSON.parse(JSON.stringify({ ...base, adjustment: { covariates: [], method: "glm" } })));
    expect(foreign.ok).toBe(false);
  });
});

describe("progress", () => {
  it("each adjusted row reports its step to a listener (the worker's progress line), once per outcome and follow-up", () => {
    const c = cases.find((x) => x.id === 2)!;
    const { header, rows, settings } = caseData(c);
    const heard: string[] = [];
    withProgress((r) => heard.push(r.what.da), () => runComparison({ sheet: "Data", address: "A1", header, rows }, settings, NOW));
    expect(heard.filter((w) => w === "Justeret analyse (logistisk regression)").length).toBe(1);
  });
});
