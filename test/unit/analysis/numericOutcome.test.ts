/**
 * The comparison's numeric outcome (issue 25 item 1): Welch's comparison and, beside it, the ANCOVA
 * adjusted for a numeric baseline column and Tabel 1 covariates, against R (the comparison-shaped
 * ANCOVA cases of test/fixtures/stats/regression.json: lm and t.test, 1e-8); the Sammenligning sheet's
 * section (numbers as numbers, the model in words); refusals in Danish naming the column.
 */
import fixture from "../../fixtures/stats/regression.json";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import { defaultSettings, runComparison, type ComparisonSettings } from "../../../src/core/analysis";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { VirkningValidationError } from "../../../src/core/errors";

interface Case { id: number; shape?: string; y: (number | null)[]; group: number[]; covariates: { name: string; values: (number | string | null)[] }[]; coef: number[]; se: number[]; p: number[]; ci: number[]; n: number; excluded: number; unadjusted: number[]; welch: number[] }
const cases = (fixture as unknown as { cases: Case[] }).cases.filter((c) => c.shape === "comparison");
const close = (got: number, want: number, what: string): void => {
  expect({ what, diff: Math.abs(got - want) <= 1e-8 * Math.max(1, Math.abs(want)) ? 0 : got - want }).toEqual({ what, diff: 0 });
};
const NOW = new Date("2026-12-01T08:00:00Z");
const NAMES: Record<string, string> = { baseline: "Score ved start", stratum: "Kommune", sex: "Køn" };

/** A wide dataset: ID, Gruppe, the covariates (baseline as "Score ved start"), statuses, and "Score 12 mdr" (the outcome). */
function caseData(c: Case): { header: string[]; rows: CellValue[][]; settings: ComparisonSettings } {
  const header = ["ID", "Gruppe", ...c.covariates.map((v) => NAMES[v.name]), "Status 0 mdr", "Status 6 mdr", "Score 12 mdr"];
  const rows: CellValue[][] = c.y.map((y, i) => [`C${i + 1}`, c.group[i] === 1 ? "Indsats" : "Kontrol", ...c.covariates.map((v) => v.values[i] ?? ""), "Kontanthjælp", i % 3 === 0 ? "Jobparat" : "Kontanthjælp", y ?? ""]);
  const k = c.covariates.length;
  const factors = c.covariates.map((v, j) => ({ v, j })).filter(({ v }) => v.name !== "baseline");
  const settings = defaultSettings({
    sheet: "Data",
    address: `A1:${String.fromCharCode(65 + k + 4)}${rows.length + 1}`,
    header,
    layout: "wide",
    columns: { id: 0, group: 1, baseline: factors.map(({ j }) => ({ column: 2 + j, type: "categorical" as const })), timepoints: [{ column: 2 + k, month: 0 }, { column: 3 + k, month: 6 }] },
    statuses: ["Kontanthjælp", "Jobparat"],
  });
  return {
    header,
    rows,
    settings: { ...settings, outcomes: [{ id: "job", name: "Job", statuses: ["Jobparat"] }], numericOutcomes: [{ outcome: "Score 12 mdr", baseline: "Score ved start", covariates: factors.map(({ v }) => NAMES[v.name]) }] },
  };
}

test("there are comparison-shaped cases with factors", () => {
  expect(cases.length).toBeGreaterThanOrEqual(4);
  expect(cases.some((c) => c.covariates.length === 3)).toBe(true);
});

describe.each(cases.map((c) => [c.id, c] as const))("R case %i", (_id, c) => {
  const d = caseData(c);
  const r = runComparison({ sheet: "Data", address: "A1", header: d.header, rows: d.rows }, d.settings, NOW);
  const o = r.numericOutcomes![0];
  it("Welch's comparison of every citizen with a value equals R's t.test", () => {
    const [diff, lo, hi, p] = c.welch;
    close(o.welch!.difference, diff, "welch difference");
    close(o.welch!.lower, lo, "welch lower");
    close(o.welch!.upper, hi, "welch upper");
    close(o.welch!.pValue, p, "welch p");
  });
  it("the ANCOVA and the unadjusted difference on the same citizens equal R's lm", () => {
    const a = o.ancova;
    if (!a.ok) throw new Error(a.note.da);
    close(a.adjusted.estimate, c.coef[1], "adjusted");
    close(a.adjusted.se, c.se[1], "se");
    close(a.adjusted.pValue, c.p[1], "p");
    close(a.adjusted.lower, c.ci[0], "lower");
    close(a.adjusted.upper, c.ci[1], "upper");
    close(a.unadjusted.estimate, c.unadjusted[0], "unadjusted");
    close(a.unadjusted.pValue, c.unadjusted[2], "unadjusted p");
    expect([a.n, a.excluded]).toEqual([c.n, c.excluded]);
  });
  it("Tabel 1 keeps only its chosen columns (the outcome and its baseline are not added)", () => {
    expect(r.baseline.variables.map((v) => v.name)).toEqual(c.covariates.filter((v) => v.name !== "baseline").map((v) => NAMES[v.name]));
  });
});

describe("the Sammenligning sheet's numeric outcome section", () => {
  const c = cases.find((x) => x.covariates.length === 3)!;
  const d = caseData(c);
  const r = runComparison({ sheet: "Data", address: "A1", header: d.header, rows: d.rows }, d.settings, NOW);
  const spec = comparisonSheetSpec(r, "da");
  const grid = spec.cells[0].values;
  const find = (v: string): number => grid.findIndex((row) => row[0] === v);
  it("a title, the unadjusted Welch row, then the ANCOVA row, numbers as numbers", () => {
    expect(find("Numeriske resultatmål: ujusteret og justeret (ANCOVA)")).toBeGreaterThan(0);
    expect(find("Justeret analyse (ANCOVA, lineær regression), justeret for Score ved start, Kommune, Køn")).toBeGreaterThan(0);
    const rows = grid.map((row, i) => [row, i] as const).filter(([row]) => row[0] === "Score 12 mdr");
    expect(rows).toHaveLength(2);
    const [welch] = rows[0];
    expect(welch[5]).toBeCloseTo(c.welch[0], 10);
    expect(welch[8]).toBeCloseTo(c.welch[3], 10);
    expect(welch[9]).toBe("Welchs t-test");
    const [adj, at] = rows[1];
    expect(grid[at - 1][5]).toBe("Forskel i gennemsnit, justeret");
    expect(adj[1]).toBeCloseTo(c.unadjusted[0], 10);
    expect(adj[5]).toBeCloseTo(c.coef[1], 10);
    expect(adj[6]).toBeCloseTo(c.se[1], 10);
    expect(adj[9]).toBeCloseTo(c.p[1], 10);
    expect(adj[10]).toBe(c.n);
    expect((spec.styles ?? []).some((s) => s.range === `J${at + 1}:J${at + 1}` && s.style.numberFormat?.includes("<0,001"))).toBe(true);
  });
  it("the model in words", () => {
    const text = grid.map((row) => String(row[0])).join("\n");
    expect(text).toContain("Score 12 mdr = konstant + gruppe (indsatsgruppe = 1, kontrolgruppe = 0) + Score ved start + Kommune + Køn; justeret for Score ved start, Kommune, Køn");
  });
});

describe("refusals and bad input", () => {
  const c = cases[0];
  it("a constant baseline column is refused in Danish, naming it, and the comparison still runs", () => {
    const d = caseData(c);
    const col = d.header.indexOf("Score ved start");
    const rows = d.rows.map((row) => row.map((v, j) => (j === col ? 10 : v)));
    const r = runComparison({ sheet: "Data", address: "A1", header: d.header, rows }, d.settings, NOW);
    const a = r.numericOutcomes![0].ancova;
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.note.da).toMatch(/Kovariaten "Score ved start" har samme værdi for alle/);
    expect(r.outcomes[0].rows.length).toBe(1);
  });
  it("a missing column is named", () => {
    const d = caseData(c);
    const settings = { ...d.settings, numericOutcomes: [{ outcome: "Score 24 mdr", baseline: "Score ved start", covariates: [] }] };
    const a = runComparison({ sheet: "Data", address: "A1", header: d.header, rows: d.rows }, settings, NOW).numericOutcomes![0].ancova;
    if (a.ok) throw new Error("not refused");
    expect(a.note.da).toMatch(/Kolonnen "Score 24 mdr" findes ikke/);
  });
  it("text in the outcome column is named by its cell, and nothing is computed", () => {
    const d = caseData(c);
    const rows = d.rows.map((row, i) => (i === 4 ? row.map((v, j) => (j === row.length - 1 ? "godt" : v)) : row));
    let err: unknown;
    try {
      runComparison({ sheet: "Data", address: "A1", header: d.header, rows }, d.settings, NOW);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VirkningValidationError);
    const col = String.fromCharCode(65 + d.header.length - 1);
    expect((err as VirkningValidationError).problems.map((p) => p.message).join("\n")).toContain(`Data!${col}6`);
  });
});
