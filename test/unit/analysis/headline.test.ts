/**
 * One headline for the pane and the sheet (issue 22 item 3): the same wording rule and caveats, the
 * issue's case (p = 0,048 while the interval includes 0 and Fisher gives 0,079), and the one sentence
 * that explains a stratified interval and CMH test that disagree.
 */
import { outcomeHeadline, runComparison, stratifiedDisagreement, type OutcomeRow, type StratifiedRow } from "../../../src/core/analysis";
import { ciSentence } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import { HEADER, pilotRows, pilotSettings } from "./fixture";

const pearson = { da: "Pearsons χ²-test", en: "Pearson's chi-squared test" };
const cmh = { da: "Cochran–Mantel–Haenszels test", en: "Cochran–Mantel–Haenszel test" };

function row(over: Partial<OutcomeRow> = {}): OutcomeRow {
  const rd = { estimate: 0.2, lower: -0.003, upper: 0.402, method: { da: "Wald", en: "Wald" }, warnings: [] };
  return {
    month: 12,
    counts: { intervention: { x: 8, n: 20 }, control: { x: 4, n: 20 } },
    riskDifference: rd,
    relativeRisk: null,
    oddsRatio: null,
    test: { pValue: 0.048, method: pearson, warnings: [], smallExpected: { minExpected: 4.5, fisherP: 0.079 } },
    ciSentence: ciSentence(12, rd, 0.95),
    notes: [],
    ...over,
  };
}

describe("the issue's case: the pane no longer says only 'p = 0,048'", () => {
  const h = outcomeHeadline(row(), 0.95);
  test("the summary marks the p-value and names the test; the caveats say the interval includes 0 and give Fisher's p", () => {
    expect(h.summary.da).toBe("Indsats 8/20 (40,0 %) · Kontrol 4/20 (20,0 %) · p = 0,048 ¹ (Pearsons χ²-test)");
    expect(h.caveats.map((c) => c.da)).toEqual([
      "Ved 12 mdr. indeholder 95 %-konfidensintervallet for forskellen (-0,3 til 40,2 procentpoint) 0: data kan ikke udelukke, at der ingen forskel er mellem grupperne.",
      "¹ Ved 12 mdr. er mindst ét forventet antal under 5, så χ²-testens p-værdi kan ikke stoles på; Fishers eksakte test giver p = 0,079.",
    ]);
    expect(h.caveats[1].en).toBe("¹ At 12 months at least one expected count is below 5, so the chi-squared p-value cannot be trusted; Fisher's exact test gives p = 0.079.");
  });
  test("without small expected counts: no ¹ and no Fisher sentence", () => {
    const plain = outcomeHeadline(row({ test: { pValue: 0.0004, method: pearson, warnings: [] } }), 0.95);
    expect(plain.summary.da).toBe("Indsats 8/20 (40,0 %) · Kontrol 4/20 (20,0 %) · p < 0,001 (Pearsons χ²-test)");
    expect(plain.caveats).toHaveLength(1);
  });
});

describe("a stratified interval and CMH test that disagree are explained in one sentence", () => {
  const st = (lower: number, upper: number, p: number, method = cmh): StratifiedRow => ({ riskDifference: { estimate: (lower + upper) / 2, lower, upper, method: { da: "Sato", en: "Sato" }, warnings: [] }, oddsRatio: null, test: { pValue: p, method, warnings: [] }, strata: 4, notes: [] });
  test("pooled interval excludes 0, CMH p = 0,15 (the issue's case)", () => {
    const s = stratifiedDisagreement(12, st(0.021, 0.403, 0.15), 0.95);
    expect(s?.da).toBe(
      "Ved 12 mdr. udelukker det samlede (Mantel–Haenszel) 95 %-konfidensinterval for forskellen 0 (2,1 til 40,3 procentpoint), men CMH-testen er ikke signifikant (p = 0,15): intervallet lægger forskellene i andele sammen på tværs af strata, mens testen vejer dem på oddsratio-skalaen, så tæt på grænsen kan de falde på hver sin side af den; resultatet er derfor usikkert.",
    );
    // one sentence ("mdr." is an abbreviation)
    expect(s?.da.replace(/mdr\. /g, "mdr ").split(/[.!?] /).length).toBe(1);
  });
  test("the other way round, with the continuity correction named when the test used it", () => {
    const s = stratifiedDisagreement(6, st(-0.01, 0.3, 0.03, { da: "Cochran–Mantel–Haenszels test (med kontinuitetskorrektion)", en: "Cochran–Mantel–Haenszel test (with continuity correction)" }), 0.9);
    expect(s?.da).toMatch(/^Ved 6 mdr\. indeholder det samlede \(Mantel–Haenszel\) 90 %-konfidensinterval for forskellen 0 \(-1,0 til 30,0 procentpoint\), men CMH-testen er signifikant \(p = 0,03\): .*oddsratio-skalaen med kontinuitetskorrektion/);
  });
  test("no sentence when they agree, at the boundaries: a limit exactly 0 includes 0; p exactly 0,05 is not significant", () => {
    expect(stratifiedDisagreement(12, st(0.01, 0.3, 0.01), 0.95)).toBeNull();
    expect(stratifiedDisagreement(12, st(-0.1, 0.3, 0.4), 0.95)).toBeNull();
    expect(stratifiedDisagreement(12, st(0, 0.3, 0.05), 0.95)).toBeNull();
    expect(stratifiedDisagreement(12, st(0, 0.3, 0.049), 0.95)).not.toBeNull();
    expect(stratifiedDisagreement(12, undefined, 0.95)).toBeNull();
  });
  test("it is one of the row's caveats, so pane and sheet carry it", () => {
    const h = outcomeHeadline(row({ stratified: st(0.021, 0.403, 0.15) }), 0.95);
    expect(h.caveats).toHaveLength(3);
    expect(h.caveats[2].da).toMatch(/^Ved 12 mdr\. udelukker det samlede/);
  });
});

test("the sheet prints the headline's caveats under its headline row and each row's caveats under the outcome table", () => {
  const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, { ...pilotSettings(), testPolicy: "pearson" }, new Date("2026-12-07T01:36:00Z"));
  const g = comparisonSheetSpec(result, "da").cells[0].values;
  const hl = result.headline!;
  const hrow = result.outcomes[hl.outcome].rows.find((r) => r.month === hl.month)!;
  const caveats = outcomeHeadline(hrow, result.confLevel).caveats.map((c) => c.da);
  const headRow = g.findIndex((r) => r[0] === `Resultatmål: ${result.outcomes[hl.outcome].name}`) + 2;
  expect(g.slice(headRow + 1, headRow + 1 + caveats.length).map((r) => r[0])).toEqual(caveats);
  const column = new Set(g.map((r) => r[0]));
  for (const o of result.outcomes) for (const r of o.rows) for (const c of outcomeHeadline(r, result.confLevel).caveats) expect(column.has(c.da)).toBe(true);
});
