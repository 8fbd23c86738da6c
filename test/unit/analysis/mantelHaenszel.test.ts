/**
 * Stratified analysis (issue 11): CMH test and MH odds ratio against R's mantelhaen.test; MH risk
 * difference against Sato's published variance (scripts/fixtures/generate-mantel-haenszel.R).
 */
import { mantelHaenszel, type Stratum } from "../../../src/core/stats";
import cases from "../../fixtures/analysis/mantel-haenszel.json";

interface Case {
  strata: Stratum[];
  conf: number;
  cmh: number;
  p: number;
  cmhUncorrected: number;
  pUncorrected: number;
  or: number;
  orLower: number;
  orUpper: number;
  rd: number;
  rdLower: number;
  rdUpper: number;
}

const close = (got: number, want: number): boolean => Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
const closeP = (got: number, want: number): boolean => Math.abs(got - want) <= 1e-9 * Math.max(want, 1e-300) || Math.abs(got - want) < 1e-14;

describe("Mantel–Haenszel against R", () => {
  const all = cases as Case[];
  it("CMH statistic and p with and without continuity correction (mantelhaen.test)", () => {
    const bad: string[] = [];
    for (const c of all) {
      const r = mantelHaenszel(c.strata, { confLevel: c.conf });
      const u = mantelHaenszel(c.strata, { confLevel: c.conf, correct: false });
      if (!close(r.test.statistic.value, c.cmh) || !closeP(r.test.pValue, c.p)) bad.push(`corrected ${JSON.stringify(c.strata)}: ${r.test.statistic.value} ${r.test.pValue}`);
      if (!close(u.test.statistic.value, c.cmhUncorrected) || !closeP(u.test.pValue, c.pUncorrected)) bad.push(`uncorrected ${JSON.stringify(c.strata)}`);
    }
    expect(bad).toEqual([]);
  });

  it("MH odds ratio and its Robins–Breslow–Greenland interval (mantelhaen.test)", () => {
    const bad = all.filter((c) => {
      const o = mantelHaenszel(c.strata, { confLevel: c.conf }).oddsRatio;
      return !(close(o.estimate.value, c.or) && close(o.ci.lower, c.orLower) && close(o.ci.upper, c.orUpper));
    });
    expect(bad.map((c) => c.strata)).toEqual([]);
  });

  it("MH risk difference with Sato's variance", () => {
    const bad = all.filter((c) => {
      const d = mantelHaenszel(c.strata, { confLevel: c.conf }).riskDifference;
      return !(close(d.estimate.value, c.rd) && close(d.ci.lower, c.rdLower) && close(d.ci.upper, c.rdUpper));
    });
    expect(bad.map((c) => c.strata)).toEqual([]);
  });

  it("one stratum: the MH risk difference is the plain difference with the Wald interval", () => {
    const r = mantelHaenszel([[7, 13, 3, 17]]).riskDifference;
    const se = Math.sqrt((0.35 * 0.65) / 20 + (0.15 * 0.85) / 20);
    expect(r.estimate.value).toBeCloseTo(0.2, 12);
    expect(r.ci.upper - r.estimate.value).toBeCloseTo(1.959963984540054 * se, 10);
  });

  it("refuses no strata, negative or fractional counts with a Danish message", () => {
    expect(() => mantelHaenszel([])).toThrow("Der er ingen strata.");
    expect(() => mantelHaenszel([[1, -1, 2, 3]])).toThrow();
    expect(() => mantelHaenszel([[1, 0.5, 2, 3]])).toThrow();
  });
});
