/**
 * Adjusted effects against R (test/fixtures/stats/regression.json, scripts/fixtures/generate-regression.R):
 * 40 logistic datasets (30 ordinary, 5 with a sparse stratum, 5 with separation → Firth) and 10
 * linear (ANCOVA) ones, and 8 ANCOVA datasets shaped like the add-in's uses (a progression score on
 * group + its first round; a comparison's numeric outcome on group + a numeric baseline + factors, with
 * missing values); every estimate, SE, interval and p to 1e-8 (relative where the value is large).
 */
import fixture from "../../fixtures/stats/regression.json";
import { linearRegression, logisticRegression, type Covariate } from "../../../src/core/stats";

interface Case {
  id: number;
  kind: string;
  firth?: boolean;
  y: number[];
  group: number[];
  covariates: Covariate[];
  coef: number[];
  se: number[];
  pWald?: number;
  orWald?: number[];
  orProfile?: number[];
  pLR?: number;
  marginal?: number[];
  p?: number[];
  ci?: number[];
  sigma?: number;
  df?: number;
  shape?: string;
  n?: number;
  excluded?: number;
}
const cases = (fixture as unknown as { cases: Case[] }).cases;
const close = (got: number, want: number, what: string): void => {
  const tol = 1e-8 * Math.max(1, Math.abs(want));
  if (!(Math.abs(got - want) <= tol)) throw new Error(`${what}: got ${got}, R ${want} (diff ${got - want})`);
};
const all = (got: number[], want: number[], what: string): void => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => close(g, want[i], `${what}[${i}]`));
};

const logistic = cases.filter((c) => c.kind !== "linear" && c.kind !== "ancova");
const linear = cases.filter((c) => c.kind === "linear");
const ancova = cases.filter((c) => c.kind === "ancova");

test("the fixture has at least 40 logistic datasets, incl. separation and sparse strata", () => {
  expect(logistic.length).toBeGreaterThanOrEqual(40);
  expect(logistic.filter((c) => c.firth).length).toBeGreaterThanOrEqual(5);
  expect(logistic.filter((c) => c.kind === "sparse").length).toBeGreaterThanOrEqual(5);
});

describe.each(logistic.map((c) => [c.id, c.kind, c] as const))("logistic dataset %i (%s)", (_id, _kind, c) => {
  const r = logisticRegression({ y: c.y, group: c.group, covariates: c.covariates, minEventsPerParameter: 0 });
  it("uses Firth exactly when there is separation", () => {
    expect(r.firth).toBe(c.firth === true);
    expect(r.separation).toBe(c.firth === true);
  });
  it("coefficients and SEs equal R", () => {
    all(r.coefficients.map((x) => x.estimate), c.coef, "coef");
    all(r.coefficients.map((x) => x.se), c.se, "se");
  });
  it("odds ratio: Wald and exact profile-likelihood limits, Wald and LR p", () => {
    all([r.oddsRatio.wald.lower, r.oddsRatio.wald.upper], c.orWald!, "wald");
    all([r.oddsRatio.profile.lower, r.oddsRatio.profile.upper], c.orProfile!, "profile");
    close(r.oddsRatio.pWald, c.pWald!, "pWald");
    close(r.oddsRatio.pLikelihoodRatio, c.pLR!, "pLR");
  });
  it("standardised risks, RD and RR with delta-method SEs and intervals", () => {
    const m = r.marginal;
    all([m.p1, m.p0, m.riskDifference.estimate, m.riskDifference.se, m.riskDifference.confInt.lower, m.riskDifference.confInt.upper,
      m.riskRatio.estimate, m.riskRatio.se, m.riskRatio.confInt.lower, m.riskRatio.confInt.upper], c.marginal!, "marginal");
  });
});

describe.each(linear.map((c) => [c.id, c] as const))("linear dataset %i (ANCOVA)", (_id, c) => {
  const r = linearRegression({ y: c.y, group: c.group, covariates: c.covariates, minCitizensPerParameter: 0 });
  it("coefficients, SEs, p, the group's interval and sigma equal R's lm", () => {
    all(r.coefficients.map((x) => x.estimate), c.coef, "coef");
    all(r.coefficients.map((x) => x.se), c.se, "se");
    all(r.coefficients.map((x) => x.pValue), c.p!, "p");
    all([r.difference.confInt.lower, r.difference.confInt.upper], c.ci!, "ci");
    close(r.sigma, c.sigma!, "sigma");
    expect(r.df).toBe(c.df);
  });
});

test("the fixture has ANCOVA cases of both shapes, with missing values", () => {
  expect(ancova.filter((c) => c.shape === "progression").length).toBeGreaterThanOrEqual(4);
  expect(ancova.filter((c) => c.shape === "comparison").length).toBeGreaterThanOrEqual(4);
  expect(ancova.every((c) => (c.excluded ?? 0) > 0)).toBe(true);
});

describe.each(ancova.map((c) => [c.id, c.shape, c] as const))("ANCOVA dataset %i (%s) under the default rules", (_id, _shape, c) => {
  const r = linearRegression({ y: c.y, group: c.group, covariates: c.covariates });
  it("equals R's lm: coefficients, SEs, p, the adjusted difference's interval, sigma, df", () => {
    all(r.coefficients.map((x) => x.estimate), c.coef, "coef");
    all(r.coefficients.map((x) => x.se), c.se, "se");
    all(r.coefficients.map((x) => x.pValue), c.p!, "p");
    close(r.difference.estimate, c.coef[1], "difference");
    close(r.difference.pValue, c.p![1], "difference p");
    all([r.difference.confInt.lower, r.difference.confInt.upper], c.ci!, "ci");
    close(r.sigma, c.sigma!, "sigma");
    expect(r.df).toBe(c.df);
  });
  it("leaves out and counts the citizens with a missing value, as lm's na.omit", () => {
    expect(r.n).toBe(c.n);
    expect(r.excluded).toBe(c.excluded);
  });
});

describe("ANCOVA refusals in Danish, naming the column", () => {
  const c = ancova.find((x) => x.shape === "comparison" && x.covariates.length === 3)!;
  it("too few citizens per parameter, with the counts", () => {
    const y = c.y.map((v, i) => (i < 40 ? v : null));
    const n = y.slice(0, 40).filter((v, i) => v !== null && c.covariates.every((cv) => cv.values[i] !== null)).length;
    expect(() => linearRegression({ y, group: c.group, covariates: c.covariates })).toThrow(new RegExp(`For få borgere til en justeret analyse: ${n} til 5 parametre`));
  });
  it("a constant covariate", () => {
    const covariates: Covariate[] = [...c.covariates, { name: "Kommune", kind: "categorical", values: c.y.map(() => "Ishøj") }];
    expect(() => linearRegression({ y: c.y, group: c.group, covariates })).toThrow(/"Kommune" har samme værdi for alle/);
  });
  it("a singular design: a covariate that repeats another", () => {
    const base = c.covariates[0];
    const covariates: Covariate[] = [base, { name: "Score ved start (kopi)", kind: "numeric", values: base.values.map((v) => (v === null ? null : 2 * Number(v) + 1)) }];
    expect(() => linearRegression({ y: c.y, group: c.group, covariates })).toThrow(/Kovariaten "Score ved start \(kopi\)" hænger helt sammen/);
  });
  it("only one group", () => {
    expect(() => linearRegression({ y: c.y, group: c.group.map(() => 1), covariates: c.covariates })).toThrow(/Begge grupper/);
  });
});

describe("refusals in Danish", () => {
  const c = logistic.find((x) => x.kind === "ml" && x.covariates.some((v) => v.name === "stratum"))!;
  it("fewer than 10 events per parameter, with the count", () => {
    const y = c.y.map((v, i) => (i < 40 ? v : 0));
    const events = Math.min(y.filter((v) => v === 1).length, y.filter((v) => v === 0).length);
    expect(() => logisticRegression({ y, group: c.group, covariates: c.covariates })).toThrow(new RegExp(`For få hændelser til en justeret analyse: ${events} `));
  });
  it("a constant covariate", () => {
    const covariates: Covariate[] = [{ name: "Kommune", kind: "categorical", values: c.y.map(() => "Ishøj") }];
    expect(() => logisticRegression({ y: c.y, group: c.group, covariates })).toThrow(/"Kommune" har samme værdi for alle/);
  });
  it("separation is refused when Firth is not allowed, and said when it is used", () => {
    const s = logistic.find((x) => x.firth)!;
    expect(() => logisticRegression({ y: s.y, group: s.group, covariates: s.covariates, firth: "never", minEventsPerParameter: 0 })).toThrow(/separation/);
    expect(logisticRegression({ y: s.y, group: s.group, covariates: s.covariates, minEventsPerParameter: 0 }).warnings[0].da).toMatch(/Firths straffede likelihood/);
  });
  it("a missing value leaves the citizen out and is counted", () => {
    const y: (number | null)[] = c.y.slice();
    y[0] = null;
    const r = logisticRegression({ y, group: c.group, covariates: c.covariates, minEventsPerParameter: 0 });
    expect(r.excluded).toBe(1);
    expect(r.n).toBe(c.y.length - 1);
  });
});
