/**
 * Honest p-values (issue 11): under Pearson or Yates, an expected count below 5 marks the p-value on the
 * sheet and gives Fisher's exact p beside it; under each outcome table a plain sentence says whether the
 * CI of the difference includes 0. Reference values: scripts/fixtures/generate-honest-p.R (R's chisq.test
 * and fisher.test).
 */
import { ciSentence, defaultSettings, runComparison, type ComparisonSettings } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { pValueFormat } from "../../../src/core/report/numberFormats";
import { formatNumber } from "../../../src/preview/grid/numberFormat";
import cases from "../../fixtures/analysis/honest-p.json";

interface Case {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  pearson: number;
  yates: number;
  fisher: number;
  minExpected: number;
}

const HEADER: CellValue[] = ["ID", "Gruppe", "Status 0 mdr", "Status 6 mdr"];
function rows(c: Case): CellValue[][] {
  const out: CellValue[][] = [];
  const add = (arm: string, x: number, n: number): void => {
    for (let i = 0; i < n; i++) out.push([`${arm}${i + 1}`, arm, "Kontanthjælp", i < x ? "Jobparat" : "Kontanthjælp"]);
  };
  add("Indsats", c.x1, c.n1);
  add("Kontrol", c.x2, c.n2);
  return out;
}
function settings(c: Case, testPolicy: ComparisonSettings["testPolicy"]): ComparisonSettings {
  const s = defaultSettings({
    sheet: "Borgere",
    address: `A1:D${c.n1 + c.n2 + 1}`,
    layout: "wide",
    columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 2, month: 0 }, { column: 3, month: 6 }] },
    groupLabels: [{ label: "Indsats", arm: "intervention" }, { label: "Kontrol", arm: "control" }],
    statuses: ["Kontanthjælp", "Jobparat"],
  });
  return { ...s, testPolicy, outcomes: s.outcomes.slice(0, 1) };
}
function run(c: Case, policy: ComparisonSettings["testPolicy"]) {
  const input = { sheet: "Borgere", address: "A1", header: HEADER, rows: rows(c) };
  const result = runComparison(input, settings(c, policy), new Date("2026-11-30T08:00:00Z"));
  const g = comparisonSheetSpec(result, "da").cells[0].values;
  const six = g.filter((r) => r[0] === "6 mdr." && typeof r[1] === "number")[0];
  return { row: result.outcomes[0].rows[0], six, text: g.map((r) => r.join("\t")).join("\n") };
}

describe("p-values that should not be trusted are marked, with Fisher's p beside them", () => {
  for (const c of cases as Case[]) {
    const small = c.minExpected < 5;
    for (const policy of ["pearson", "yates"] as const) {
      it(`${c.x1}/${c.n1} vs ${c.x2}/${c.n2} under ${policy}: ${small ? "marked" : "not marked"} (min expected ${c.minExpected.toFixed(2)})`, () => {
        const { row, six, text } = run(c, policy);
        expect(row.test?.pValue).toBeCloseTo(c[policy], 10);
        if (small) {
          expect(row.test?.smallExpected?.minExpected).toBeCloseTo(c.minExpected, 10);
          expect(row.test?.smallExpected?.fisherP).toBeCloseTo(c.fisher, 10);
          // p as a number, the marker in its own column, Fisher's p beside it as a number
          expect(six[10]).toBeCloseTo(c[policy], 10);
          expect(six[11]).toBe("¹");
          expect(six[12]).toBeCloseTo(c.fisher, 10);
          expect(text).toContain("¹ Ved 6 mdr. er mindst ét forventet antal under 5, så χ²-testens p-værdi kan ikke stoles på");
        } else {
          expect(row.test?.smallExpected).toBeUndefined();
          expect(six[10]).toBeCloseTo(c[policy], 10);
          expect(six.slice(11, 13)).toEqual(["", ""]);
          expect(text).not.toContain("¹ Mindst");
        }
      });
    }
  }

  it("the issue's case: Pearson 4/28 vs 0/26 shows 0,045 ¹ and Fisher's 0,112 (as Excel shows the cells with their format)", () => {
    const { six } = run((cases as Case[])[0], "pearson");
    const shown = (v: CellValue): string => formatNumber(v as number, pValueFormat("da"));
    expect([shown(six[10]), six[11], shown(six[12])]).toEqual(["0,045", "¹", "0,112"]);
  });

  it("auto and fisher are not marked (they already use Fisher where it matters)", () => {
    for (const policy of ["auto", "fisher"] as const) {
      const { row, six } = run((cases as Case[])[0], policy);
      expect(row.test?.pValue).toBeCloseTo((cases as Case[])[0].fisher, 10);
      expect(row.test?.smallExpected).toBeUndefined();
      expect(formatNumber(six[10] as number, pValueFormat("da"))).toBe("0,112");
      expect(six[11]).toBe("");
    }
  });
});

describe("the plain sentence on the CI of the difference", () => {
  const s = (lower: number, upper: number): string => ciSentence(6, { estimate: (lower + upper) / 2, lower, upper }, 0.95).da;
  it("includes 0 when a limit is exactly 0 or the interval spans 0", () => {
    expect(s(0, 0.2)).toMatch(/\) 0: data kan ikke udelukke, at der ingen forskel er/);
    expect(s(-0.2, 0)).toMatch(/\) 0: data kan ikke udelukke/);
    expect(s(-0.1, 0.1)).toMatch(/\) 0: data kan ikke udelukke/);
  });
  it("does not include 0 just above or below it, and says which way", () => {
    expect(s(1e-9, 0.2)).toMatch(/ikke 0: andelen er højere i indsatsgruppen/);
    expect(s(-0.2, -1e-9)).toMatch(/ikke 0: andelen er lavere i indsatsgruppen/);
  });
  it("names the confidence level and the interval in percentage points, Danish and English", () => {
    const t = ciSentence(12, { estimate: 0.1, lower: -0.05, upper: 0.25 }, 0.9);
    expect(t.da).toBe("Ved 12 mdr. indeholder 90 %-konfidensintervallet for forskellen (-5,0 til 25,0 procentpoint) 0: data kan ikke udelukke, at der ingen forskel er mellem grupperne.");
    expect(t.en).toMatch(/^At 12 months the 90% confidence interval of the difference \(-5.0 to 25.0 percentage points\) includes 0/);
  });
  it("is printed under the outcome table, one per follow-up", () => {
    const { text } = run((cases as Case[])[1], "pearson");
    expect(text).toMatch(/Ved 6 mdr\. indeholder 95 %-konfidensintervallet for forskellen \(.* procentpoint\) (ikke )?0/);
  });
});
