/**
 * The "Justeret analyse" section of the Sammenligning sheet: after the unadjusted tables (which stay),
 * every adjusted number printed equals the result and is a numeric cell with a number format (walk);
 * the primary-analysis sentence, the covariates, Firth said plainly, and a refusal's note.
 */
import { runComparison } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { walk } from "../report/walk";
import { HEADER, pilotRows, pilotSettings } from "./fixture";
import { caseData, cases, NOW } from "./adjustedFixture";

function sheetOf(id: number) {
  const { header, rows, settings } = caseData(cases.find((c) => c.id === id)!);
  const result = runComparison({ sheet: "Data", address: "A1", header, rows }, settings, NOW);
  const spec = comparisonSheetSpec(result, "da");
  const g: CellValue[][] = spec.cells[0].values;
  const at = (first: CellValue, after = 0): number => g.findIndex((r, k) => k >= after && r[0] === first);
  return { result, spec, g, at };
}

describe("Justeret analyse on the sheet (R case 37: separation → Firth)", () => {
  const { result, spec, g, at } = sheetOf(37);
  const a = result.outcomes[0].rows[0].adjusted!;
  const top = at("Justeret analyse (logistisk regression)");

  it("comes after the unadjusted outcome tables, which are still there", () => {
    expect(top).toBeGreaterThan(at("Resultatmål ved opfølgning"));
    expect(at("Resultatmål ved opfølgning")).toBeGreaterThan(0);
    expect(String(g[top + 1][0])).toMatch(/^Den ujusterede analyse ovenfor er den primære analyse, medmindre forsøgets protokol siger andet/);
    expect(g[top + 2][0]).toBe("Justeret for: stratum, age");
  });

  it("prints the standardised risks, RD (pp) and RR, then OR with Wald and profile CI, both p, n, events, parameters and Firth", () => {
    if (!a.ok) throw new Error("refused");
    const risks = at("Opfølgning", top) + 1;
    expect(g[risks].slice(0, 9)).toEqual(["6 mdr.", a.risks.intervention, a.risks.control, a.riskDifference.estimate * 100, a.riskDifference.lower * 100, a.riskDifference.upper * 100, a.riskRatio.estimate, a.riskRatio.lower, a.riskRatio.upper]);
    const odds = at("Opfølgning", risks) + 1;
    const o = a.oddsRatio;
    expect(g[odds].slice(0, 14)).toEqual(["6 mdr.", o.estimate, o.lower, o.upper, o.profileLower, o.profileUpper, o.pWald, o.pLikelihoodRatio, a.n, 0, a.events, "", a.parameters, "Firth (separation)"]);
    expect(a.firth).toBe(true);
    expect(g.some((r) => typeof r[0] === "string" && r[0].startsWith("Note: 6 mdr.: Udfaldet kunne forudsiges fuldstændigt"))).toBe(true);
    expect(g.some((r) => typeof r[0] === "string" && /Ge m\.fl\. 2011.*Firth 1993/.test(r[0]))).toBe(true);
  });

  it("every number in the section is a numeric cell with a number format", () => {
    const cells = walk(spec).filter((c) => c.row > top && c.column < 14);
    const numbers = cells.filter((c) => typeof c.value === "number");
    expect(numbers.length).toBeGreaterThanOrEqual(20);
    expect(numbers.filter((c) => c.format === undefined || c.format === "General").map((c) => `${c.row + 1}:${c.column}=${String(c.value)}`)).toEqual([]);
    expect(cells.filter((c) => c.format === '[<0.001]"<0,001";0.000' && typeof c.value === "number").length).toBe(2);
  });
});

describe("a refused adjusted analysis on the sheet", () => {
  const s = { ...pilotSettings(), adjustment: { covariates: ["Køn", "Alder"] } };
  const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, s, NOW);
  const g = comparisonSheetSpec(result, "da").cells[0].values;
  it("shows dashes and the Danish reason with the event count, per follow-up", () => {
    const top = g.findIndex((r) => r[0] === "Justeret analyse (logistisk regression)");
    const risks = g.findIndex((r, k) => k > top && r[0] === "Opfølgning") + 1;
    expect(g[risks].slice(0, 9)).toEqual(["6 mdr.", "–", "–", "–", "–", "–", "–", "–", "–"]);
    expect(g.some((r) => typeof r[0] === "string" && /^Note: 6 mdr\.: Justeret analyse ikke mulig: For få hændelser til en justeret analyse: \d+ /.test(r[0]))).toBe(true);
  });
  it("no section when no adjusted analysis is chosen", () => {
    const plain = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, pilotSettings(), NOW);
    expect(comparisonSheetSpec(plain, "da").cells[0].values.some((r) => r[0] === "Justeret analyse (logistisk regression)")).toBe(false);
  });
});

describe("Justeret analyse in English", () => {
  it("the same section in the English sheet, with the primary-analysis sentence", () => {
    const { header, rows, settings } = caseData(cases.find((c) => c.id === 2)!);
    const result = runComparison({ sheet: "Data", address: "A1", header, rows }, { ...settings, lang: "en" }, NOW);
    const g = comparisonSheetSpec(result, "en").cells[0].values;
    const top = g.findIndex((r) => r[0] === "Adjusted analysis (logistic regression)");
    expect(top).toBeGreaterThan(0);
    expect(String(g[top + 1][0])).toMatch(/^The unadjusted analysis above is the primary analysis unless the trial's protocol says otherwise/);
    const odds = g.findIndex((r, k) => k > top && r[1] === "Adjusted odds ratio") + 1;
    expect(g[odds][13]).toBe("Maximum likelihood");
  });
});
