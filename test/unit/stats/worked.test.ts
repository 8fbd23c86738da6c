/** The worked checks from the shared notes (values printed by R 4.2.2), plus the formatting rules. */
import {
  chiSquareTest, fisherExact, formatCI, formatNumber, formatP, formatPercent, mcnemarTest, powerTwoProportions,
  sampleSizeFor80, shapiroWilk, testTable, wilcoxonRankSum,
} from "../../../src/core/stats";

const round = (x: number, digits: number): number => Number(x.toPrecision(digits));

describe("worked checks (R 4.2.2)", () => {
  it("fisher.test(matrix(c(1,11,9,3),2)) p = 0.002759", () => {
    expect(round(fisherExact([[1, 9], [11, 3]]).pValue, 4)).toBe(0.002759);
  });
  it("chisq.test(matrix(c(6,1,22,25),2)): 0.05461 uncorrected, 0.1294 Yates, Fisher 0.1021", () => {
    const t = [[6, 22], [1, 25]];
    expect(round(chiSquareTest(t).pValue, 4)).toBe(0.05461);
    expect(round(chiSquareTest(t, { correct: true }).pValue, 4)).toBe(0.1294);
    expect(round(fisherExact(t).pValue, 4)).toBe(0.1021);
  });
  it("policy: pearson / yates / fisher / auto pick the documented test", () => {
    const t = [[6, 22], [1, 25]]; // expected count 3.5 < 5
    expect(round(testTable(t, { policy: "pearson" }).pValue, 4)).toBe(0.05461);
    expect(round(testTable(t, { policy: "yates" }).pValue, 4)).toBe(0.1294);
    expect(round(testTable(t, { policy: "fisher" }).pValue, 4)).toBe(0.1021);
    const auto = testTable(t, { policy: "auto" });
    expect(auto.method.da).toBe("Fishers eksakte test");
    expect(auto.warnings[0].da).toContain("forventet antal er < 5");
    expect(testTable([[30, 20], [20, 30]], { policy: "auto" }).method.en).toBe("Pearson's chi-squared test");
  });
  it("mcnemar.test(matrix(c(10,5,12,12),2)) p = 0.1456, binom.test(12,17) p = 0.1435", () => {
    const t = [[10, 12], [5, 12]];
    expect(round(mcnemarTest(t).pValue, 4)).toBe(0.1456);
    expect(round(mcnemarTest(t, { exact: true }).pValue, 4)).toBe(0.1435);
  });
  it("shapiro.test(1:10) W = 0.97016, p = 0.8924", () => {
    const r = shapiroWilk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(round(r.statistic.value, 5)).toBe(0.97016);
    expect(round(r.pValue, 4)).toBe(0.8924);
  });
  it("power.prop.test(p1=.5, p2=.75, power=.9) n = 76.71; 80 % helper rounds up", () => {
    expect(powerTwoProportions({ p1: 0.5, p2: 0.75, power: 0.9 }).n.toFixed(2)).toBe("76.71");
    const n80 = sampleSizeFor80(0.5, 0.75);
    expect(powerTwoProportions({ p1: 0.5, p2: 0.75, n: n80 }).power).toBeGreaterThanOrEqual(0.8);
    expect(powerTwoProportions({ p1: 0.5, p2: 0.75, n: n80 - 1 }).power).toBeLessThan(0.8);
  });
});

describe("formatting (Danish default, English option)", () => {
  it("p-values: the issue's examples 0,03; 0,045; <0,001 — two decimals, a third below 0.1 when it is not 0", () => {
    expect(formatP(0.35)).toBe("0,35");
    expect(formatP(0.1)).toBe("0,10");
    expect(formatP(0.0996)).toBe("0,10");
    expect(formatP(0.045)).toBe("0,045");
    expect(formatP(0.03)).toBe("0,03");
    expect(formatP(0.0304)).toBe("0,03");
    expect(formatP(0.0306)).toBe("0,031");
    expect(formatP(0.0496)).toBe("0,05");
    expect(formatP(0.0504)).toBe("0,05");
    expect(formatP(0.0494)).toBe("0,049");
    expect(formatP(0.0012)).toBe("0,001");
    expect(formatP(0.0096)).toBe("0,01");
    expect(formatP(0.5)).toBe("0,50");
    expect(formatP(0.125)).toBe("0,13");
    expect(formatP(0.001)).toBe("0,001");
    expect(formatP(0.00099)).toBe("<0,001");
    expect(formatP(1e-300)).toBe("<0,001");
    expect(formatP(1)).toBe("1,00");
    expect(formatP(0.045, "en")).toBe("0.045");
    expect(formatP(0.0002, "en")).toBe("<0.001");
  });
  it("percentages and confidence intervals", () => {
    expect(formatPercent(0.29, 0)).toBe("29 %");
    expect(formatPercent(0.123)).toBe("12,3 %");
    expect(formatPercent(0.123, 1, "en")).toBe("12.3%");
    expect(formatCI(0.123, 0.041, 0.205, { percent: true })).toBe("12,3 % (4,1 % til 20,5 %)");
    expect(formatCI(0.123, 0.041, 0.205, { percent: true, lang: "en" })).toBe("12.3% (4.1% to 20.5%)");
    expect(formatCI(1.5, 0.25, Infinity)).toBe("1,50 (0,25 til ∞)");
    expect(formatNumber(1234.567, 1)).toBe("1.234,6");
    expect(formatNumber(-0.5, 1, "en")).toBe("-0.5");
    expect(formatNumber(-0.001, 1)).toBe("0,0");
  });
});

describe("rank tests on large samples", () => {
  it("explicit exact = true beyond the documented size is refused with a message that says what to do", () => {
    const x = Array.from({ length: 600 }, (_, i) => 2 * i);
    const y = Array.from({ length: 600 }, (_, i) => 2 * i + 1);
    expect(() => wilcoxonRankSum(x, y, { exact: true })).toThrow(/for stor til en eksakt p-værdi.*udelad exact: true/);
    const r = wilcoxonRankSum(x, y);
    expect(r.method.en).toBe("Wilcoxon rank sum test with continuity correction");
    // W = U of x: each x[i] = 2i is below y[j] = 2j + 1 exactly when i <= j
    expect(r.statistic.value).toBe((600 * 599) / 2);
  });
});
