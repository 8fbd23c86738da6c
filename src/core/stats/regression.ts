/**
 * Adjusted effects for a randomised comparison (FDA 2023, "Adjusting for Covariates in Randomized
 * Clinical Trials for Drugs and Biological Products"; EMA/CHMP/295050/2013, guideline on
 * adjustment for baseline covariates):
 *
 * - logisticRegression: the outcome (0/1) on group plus baseline covariates (numbers, or categories
 *   coded as indicators against their first level in sorted order, as R's factor). Maximum
 *   likelihood by Newton–Raphson (= IRLS) iterated until the step is below 1e-12 (as R's glm with
 *   epsilon = 1e-14, maxit = 100). The adjusted odds ratio of group with a Wald interval and an
 *   exact profile-likelihood interval (the limits where 2 (l(b) - l_p(beta)) equals the chi-square
 *   quantile, found by Brent's method on the profile, not interpolated as R's confint does), Wald and
 *   likelihood-ratio p-values; and the marginal (standardised) risks, risk difference and risk ratio
 *   averaged over the analysed citizens' covariates with delta-method standard errors (Ge, Durham,
 *   Meyer, Xie & Thomas 2011, Drug Inf J 45:481-493; the RR's interval on the log scale).
 *   Separation (the likelihood has no maximum: a covariate pattern where everybody, or nobody, reaches
 *   the outcome) switches to Firth's penalised likelihood l + 1/2 log|I(beta)| (Firth 1993,
 *   Biometrika 80:27-38), with profile penalised-likelihood intervals (Heinze & Schemper 2002,
 *   Stat Med 21:2409-2419), and says so.
 *   Refusals (Danish): a constant covariate, collinear covariates, fewer than 10 events per parameter
 *   (events = the smaller of the two outcome counts; parameters = coefficients besides the intercept).
 * - linearRegression (ANCOVA): a continuous outcome (e.g. a progression score) on group plus its
 *   baseline and covariates, ordinary least squares with t-based interval and p (as R's lm).
 */
import { pchisqUpper, pnorm, pt, qnorm, qt } from "./dist";
import { cholesky, cholInverse, cholLogDet, cholSolve, crossprodWeighted, quadForm, type Matrix } from "./matrix";
import { findRoot } from "./root";
import type { ConfInt, Text } from "./types";
import { checkOptions, confLevelOf, fail } from "./validate";

export interface Covariate {
  name: string;
  kind: "numeric" | "categorical";
  /** One value per citizen; null = missing (the citizen is left out, and the count is reported). */
  values: (number | string | null)[];
}

export interface Coefficient {
  name: string;
  estimate: number;
  se: number;
  statistic: number;
  pValue: number;
}

interface Design {
  x: Matrix;
  names: string[];
  /** The covariate (or "indsatsgruppe") each column comes from, for refusals that name the column. */
  sources: string[];
  /** Rows of the input that were analysed. */
  rows: number[];
}

const GROUP = "indsatsgruppe";

function isMissing(v: number | string | null | undefined): boolean {
  return v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) || (typeof v === "string" && v.trim() === "");
}

function refuse(code: string, da: string, en: string): never {
  return fail(code, da, en);
}

/** Design matrix: intercept, group, then the covariates (categories as indicators against the first sorted level). */
function designOf(outcome: (number | null)[], group: (number | null)[], covariates: Covariate[]): Design {
  const n = outcome.length;
  if (group.length !== n || covariates.some((c) => c.values.length !== n)) refuse("REG_LENGTH", "Udfald, gruppe og kovariater skal have en værdi for hver borger.", "Outcome, group and covariates need one value per citizen.");
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isMissing(outcome[i]) || isMissing(group[i]) || covariates.some((c) => isMissing(c.values[i]))) continue;
    rows.push(i);
  }
  const names = ["(Intercept)", GROUP];
  const sources = ["(Intercept)", GROUP];
  const columns: ((i: number) => number)[] = [() => 1, (i) => Number(group[i])];
  for (const c of covariates) {
    if (c.kind === "numeric") {
      const vals = rows.map((i) => Number(c.values[i]));
      if (vals.some((v) => !Number.isFinite(v))) refuse("REG_NOT_NUMBER", `Kovariaten "${c.name}" skal indeholde tal.`, `The covariate "${c.name}" must contain numbers.`);
      if (new Set(vals).size < 2) constant(c.name);
      names.push(c.name);
      sources.push(c.name);
      columns.push((i) => Number(c.values[i]));
    } else {
      const levels = [...new Set(rows.map((i) => String(c.values[i])))].sort();
      if (levels.length < 2) constant(c.name);
      for (const level of levels.slice(1)) {
        names.push(`${c.name}: ${level}`);
        sources.push(c.name);
        columns.push((i) => (String(c.values[i]) === level ? 1 : 0));
      }
    }
  }
  return { x: rows.map((i) => columns.map((f) => f(i))), names, sources, rows };
}

/**
 * The Cholesky factor of X'X, or a Danish refusal naming the first column that the columns before it
 * determine (the leading block that stops being positive definite): the singular design.
 */
function factorOrRefuse(d: Design): Matrix {
  const xtx = crossprodWeighted(d.x, d.x.map(() => 1));
  const l = cholesky(xtx);
  if (l) return l;
  let j = 1;
  while (j < d.names.length && cholesky(xtx.slice(0, j + 1).map((r) => r.slice(0, j + 1)))) j++;
  const name = d.sources[Math.min(j, d.sources.length - 1)];
  const what = name === GROUP ? { da: "Gruppen", en: "The group" } : { da: `Kovariaten "${name}"`, en: `The covariate "${name}"` };
  return refuse("REG_COLLINEAR",
    `${what.da} hænger helt sammen med gruppen eller kovariaterne før den (fx to kolonner med samme oplysning): modellen kan ikke skille dem ad. Fjern "${name}" eller kovariaten, den gentager.`,
    `${what.en} is fully determined by the group or the covariates before it (e.g. two columns with the same information): the model cannot tell them apart. Remove "${name}" or the covariate it repeats.`);
}

function constant(name: string): never {
  return refuse("REG_CONSTANT", `Kovariaten "${name}" har samme værdi for alle analyserede borgere og kan ikke justeres for. Fjern den.`,
    `The covariate "${name}" has the same value for every analysed citizen and cannot be adjusted for. Remove it.`);
}

// ---------------------------------------------------------------------------------------------
// Logistic regression

interface Fit {
  beta: number[];
  /** Log-likelihood, penalised (+ 1/2 log|I|) when Firth. */
  objective: number;
  loglik: number;
  /** Inverse information at beta. */
  cov: Matrix;
  converged: boolean;
  iterations: number;
}

const softplus = (e: number): number => (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e)));
const expit = (e: number): number => (e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)));

interface State { p: number[]; w: number[]; info: Matrix; chol: Matrix | null; loglik: number; objective: number }

function stateAt(x: Matrix, y: number[], beta: number[], firth: boolean): State {
  const n = x.length;
  const p = new Array<number>(n);
  const w = new Array<number>(n);
  let loglik = 0;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < beta.length; j++) eta += x[i][j] * beta[j];
    p[i] = expit(eta);
    w[i] = p[i] * (1 - p[i]);
    loglik += y[i] * eta - softplus(eta);
  }
  const info = crossprodWeighted(x, w);
  const chol = cholesky(info);
  const objective = firth ? (chol ? loglik + 0.5 * cholLogDet(chol) : -Infinity) : loglik;
  return { p, w, info, chol, loglik, objective };
}

/** Score (modified by Firth's h_i (1/2 - p_i) when firth). */
function scoreAt(x: Matrix, y: number[], s: State, firth: boolean): number[] {
  const k = x[0].length;
  const u = new Array<number>(k).fill(0);
  const inv = firth && s.chol ? cholInverse(s.chol) : null;
  for (let i = 0; i < x.length; i++) {
    let r = y[i] - s.p[i];
    if (inv) r += s.w[i] * quadForm(x[i], inv, x[i]) * (0.5 - s.p[i]);
    for (let j = 0; j < k; j++) u[j] += r * x[i][j];
  }
  return u;
}

/**
 * Maximises the (penalised) likelihood over the coefficients not in `fixed`, from `start`.
 * Newton steps on the free coordinates, at most 5 in any coordinate, halved until the objective
 * does not fall; stops when the largest step is below 1e-12 (relative) or after 100 iterations.
 */
function fitLogistic(x: Matrix, y: number[], firth: boolean, start: number[], fixed: number | null = null): Fit {
  const free = start.map((_, j) => j).filter((j) => j !== fixed);
  let beta = start.slice();
  let s = stateAt(x, y, beta, firth);
  let converged = false;
  let it = 0;
  for (; it < 100 && !converged; it++) {
    if (!s.chol) break;
    const u = scoreAt(x, y, s, firth);
    const sub = free.map((a) => free.map((b) => s.info[a][b]));
    const l = cholesky(sub);
    if (!l) break;
    let step = cholSolve(l, free.map((j) => u[j]));
    const big = Math.max(...step.map(Math.abs));
    if (big > 5) step = step.map((d) => (d * 5) / big);
    let next = beta.slice();
    let ns = s;
    for (let half = 0; half < 30; half++) {
      next = beta.slice();
      free.forEach((j, k) => (next[j] += step[k]));
      ns = stateAt(x, y, next, firth);
      if (ns.objective >= s.objective - 1e-12 * Math.abs(s.objective)) break;
      step = step.map((d) => d / 2);
    }
    const moved = Math.max(...step.map((d, k) => Math.abs(d) / (1 + Math.abs(beta[free[k]]))));
    beta = next;
    s = ns;
    if (moved < 1e-12) converged = true;
  }
  const cov = s.chol ? cholInverse(s.chol) : x[0].map(() => x[0].map(() => NaN));
  return { beta, objective: s.objective, loglik: s.loglik, cov, converged, iterations: it };
}

/** The likelihood has no maximum (separation): Newton does not settle, or the group/covariate SEs explode. */
function separated(fit: Fit): boolean {
  if (!fit.converged) return true;
  return fit.cov.some((row, j) => j > 0 && !(Math.sqrt(row[j]) < 1e3));
}

/** Profile (penalised) likelihood limits of coefficient j: where 2 (max - profile(b)) = q. */
function profileLimits(x: Matrix, y: number[], firth: boolean, best: Fit, j: number, q: number): [number, number] {
  const se = Math.sqrt(best.cov[j][j]);
  let warm = best.beta;
  const dev = (b: number): number => {
    const start = warm.slice();
    start[j] = b;
    const f = fitLogistic(x, y, firth, start, j);
    warm = f.beta;
    return 2 * (best.objective - f.objective) - q;
  };
  const limit = (sign: number): number => {
    warm = best.beta;
    let lo = best.beta[j];
    let k = 1;
    let hi = lo + sign * k * se;
    while (dev(hi) < 0) {
      if (k > 1e4) return sign * Infinity;
      lo = hi;
      k *= 2;
      hi = best.beta[j] + sign * k * se;
    }
    warm = best.beta;
    const root = findRoot(dev, Math.min(lo, hi), Math.max(lo, hi), 1e-11);
    return root ?? hi;
  };
  return [limit(-1), limit(1)];
}

export interface LogisticArgs {
  /** 1 = reached the outcome, 0 = not; null = missing. */
  y: (number | null)[];
  /** 1 = indsatsgruppe, 0 = kontrolgruppe. */
  group: (number | null)[];
  covariates?: Covariate[];
  confLevel?: number;
  /** "auto" (default): Firth only when the likelihood has no maximum. */
  firth?: "auto" | "always" | "never";
  /** Refuse below this many events per parameter (default 10). */
  minEventsPerParameter?: number;
}

export interface MarginalEffect {
  estimate: number;
  se: number;
  confInt: ConfInt;
}

export interface LogisticResult {
  method: Text;
  firth: boolean;
  /** True when the ordinary likelihood has no maximum (the reason Firth was used). */
  separation: boolean;
  n: number;
  /** Citizens left out for a missing value. */
  excluded: number;
  events: number;
  parameters: number;
  coefficients: Coefficient[];
  oddsRatio: { estimate: number; wald: ConfInt; profile: ConfInt; pWald: number; pLikelihoodRatio: number };
  /** Standardised risks: everybody in the indsatsgruppe (p1) vs everybody in the kontrolgruppe (p0). */
  marginal: { p1: number; p0: number; riskDifference: MarginalEffect; riskRatio: MarginalEffect };
  confLevel: number;
  iterations: number;
  warnings: Text[];
}

function checkBinary(values: (number | null)[], rows: number[], what: Text): void {
  if (rows.some((i) => values[i] !== 0 && values[i] !== 1)) refuse("REG_NOT_BINARY", `${what.da} skal være 0 eller 1 for hver borger.`, `${what.en} must be 0 or 1 for every citizen.`);
}

function checkEvents(y: number[], parameters: number, min: number): number {
  const ones = y.filter((v) => v === 1).length;
  const events = Math.min(ones, y.length - ones);
  if (events === 0) refuse("REG_NO_EVENTS", "Alle analyserede borgere har samme udfald: der er intet at justere.", "Every analysed citizen has the same outcome: there is nothing to adjust.");
  if (events < min * parameters) {
    refuse("REG_TOO_FEW_EVENTS",
      `For få hændelser til en justeret analyse: ${events} (den mindste af de to udfaldsgrupper) til ${parameters} parametre, det er ${(events / parameters).toLocaleString("da-DK", { maximumFractionDigits: 1 })} pr. parameter; der skal mindst ${min} pr. parameter. Justér for færre kovariater.`,
      `Too few events for an adjusted analysis: ${events} (the smaller outcome group) for ${parameters} parameters, ${(events / parameters).toFixed(1)} per parameter; at least ${min} per parameter are needed. Adjust for fewer covariates.`);
  }
  return events;
}

function marginalOf(x: Matrix, fit: Fit, z: number): LogisticResult["marginal"] {
  const k = fit.beta.length;
  const risk = (g: number): { p: number; grad: number[] } => {
    const grad = new Array<number>(k).fill(0);
    let p = 0;
    for (const xi of x) {
      const row = xi.slice();
      row[1] = g;
      let eta = 0;
      for (let j = 0; j < k; j++) eta += row[j] * fit.beta[j];
      const pi = expit(eta);
      p += pi;
      for (let j = 0; j < k; j++) grad[j] += pi * (1 - pi) * row[j];
    }
    return { p: p / x.length, grad: grad.map((v) => v / x.length) };
  };
  const r1 = risk(1);
  const r0 = risk(0);
  const gRd = r1.grad.map((v, j) => v - r0.grad[j]);
  const rd = r1.p - r0.p;
  const seRd = Math.sqrt(quadForm(gRd, fit.cov, gRd));
  const gLog = r1.grad.map((v, j) => v / r1.p - r0.grad[j] / r0.p);
  const seLog = Math.sqrt(quadForm(gLog, fit.cov, gLog));
  const rr = r1.p / r0.p;
  return {
    p1: r1.p,
    p0: r0.p,
    riskDifference: { estimate: rd, se: seRd, confInt: { lower: rd - z * seRd, upper: rd + z * seRd, level: 0 } },
    riskRatio: { estimate: rr, se: rr * seLog, confInt: { lower: rr * Math.exp(-z * seLog), upper: rr * Math.exp(z * seLog), level: 0 } },
  };
}

export function logisticRegression(options: LogisticArgs): LogisticResult {
  const args = checkOptions(options);
  const confLevel = confLevelOf(args.confLevel);
  const z = qnorm(1 - (1 - confLevel) / 2);
  const d = designOf(args.y, args.group, args.covariates ?? []);
  checkBinary(args.y, d.rows, { da: "Udfaldet", en: "The outcome" });
  checkBinary(args.group, d.rows, { da: "Gruppen", en: "The group" });
  const y = d.rows.map((i) => args.y[i] as number);
  if (new Set(d.x.map((r) => r[1])).size < 2) refuse("REG_ONE_GROUP", "Begge grupper skal have analyserede borgere.", "Both groups need analysed citizens.");
  const parameters = d.names.length - 1;
  const events = checkEvents(y, parameters, args.minEventsPerParameter ?? 10);
  factorOrRefuse(d);
  const zero = d.names.map(() => 0);
  const ml = args.firth === "always" ? null : fitLogistic(d.x, y, false, zero);
  const separation = ml !== null && separated(ml);
  if (separation && args.firth === "never") {
    refuse("REG_SEPARATION", "Udfaldet kan forudsiges fuldstændigt af gruppe og kovariater (separation): den almindelige logistiske regression har intet estimat. Brug Firths metode.",
      "The outcome is completely predicted by group and covariates (separation): ordinary logistic regression has no estimate. Use Firth's method.");
  }
  const firth = ml === null || separation;
  const fit = firth ? fitLogistic(d.x, y, true, zero) : (ml as Fit);
  const q = z * z;
  const coefficients = d.names.map((name, j) => {
    const se = Math.sqrt(fit.cov[j][j]);
    const statistic = fit.beta[j] / se;
    return { name, estimate: fit.beta[j], se, statistic, pValue: 2 * pnorm(-Math.abs(statistic)) };
  });
  const g = coefficients[1];
  const [lo, hi] = profileLimits(d.x, y, firth, fit, 1, q);
  const at0 = fitLogistic(d.x, y, firth, fit.beta.map((b, j) => (j === 1 ? 0 : b)), 1);
  const lr = Math.max(0, 2 * (fit.objective - at0.objective));
  const marginal = marginalOf(d.x, fit, z);
  marginal.riskDifference.confInt.level = confLevel;
  marginal.riskRatio.confInt.level = confLevel;
  const warnings: Text[] = [];
  if (separation) {
    warnings.push({ da: "Udfaldet kunne forudsiges fuldstændigt for en gruppe af borgere (separation); estimaterne er derfor fra Firths straffede likelihood.", en: "The outcome was completely predicted for a group of citizens (separation); the estimates are therefore from Firth's penalised likelihood." });
  }
  return {
    method: firth
      ? { da: "Logistisk regression med Firths straffede likelihood (Firth 1993), profil-likelihood-interval (Heinze & Schemper 2002)", en: "Logistic regression with Firth's penalised likelihood (Firth 1993), profile likelihood interval (Heinze & Schemper 2002)" }
      : { da: "Logistisk regression (maksimum likelihood), justeret for kovariater; standardiserede risici (Ge m.fl. 2011)", en: "Logistic regression (maximum likelihood), adjusted for covariates; standardised risks (Ge et al. 2011)" },
    firth,
    separation,
    n: d.rows.length,
    excluded: args.y.length - d.rows.length,
    events,
    parameters,
    coefficients,
    oddsRatio: {
      estimate: Math.exp(g.estimate),
      wald: { lower: Math.exp(g.estimate - z * g.se), upper: Math.exp(g.estimate + z * g.se), level: confLevel },
      profile: { lower: Math.exp(lo), upper: Math.exp(hi), level: confLevel },
      pWald: g.pValue,
      pLikelihoodRatio: pchisqUpper(lr, 1),
    },
    marginal,
    confLevel,
    iterations: fit.iterations,
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Linear regression (ANCOVA)

export interface LinearArgs {
  y: (number | null)[];
  group: (number | null)[];
  /** The outcome's baseline and other covariates. */
  covariates?: Covariate[];
  confLevel?: number;
  /**
   * Least citizens per parameter (parameters = coefficients besides the intercept); default 10, the
   * rule of thumb the logistic analysis uses for events. 0 turns the rule off (only the fit's own
   * requirement, a residual degree of freedom, remains).
   */
  minCitizensPerParameter?: number;
}

export interface LinearResult {
  method: Text;
  n: number;
  excluded: number;
  df: number;
  sigma: number;
  coefficients: Coefficient[];
  /** The adjusted difference in means, indsatsgruppe − kontrolgruppe. */
  difference: { estimate: number; se: number; confInt: ConfInt; pValue: number };
}

function checkCitizens(n: number, parameters: number, min: number): void {
  if (n - parameters - 1 >= 1 && n >= min * parameters) return;
  const per = (n / parameters).toLocaleString("da-DK", { maximumFractionDigits: 1 });
  refuse("REG_TOO_FEW",
    `For få borgere til en justeret analyse: ${n} til ${parameters} parametre (gruppe og kovariater), det er ${per} pr. parameter; der skal mindst ${Math.max(min, 1)} pr. parameter og mindst ${parameters + 2} i alt. Justér for færre kovariater.`,
    `Too few citizens for an adjusted analysis: ${n} for ${parameters} parameters (group and covariates), ${(n / parameters).toFixed(1)} per parameter; at least ${Math.max(min, 1)} per parameter and ${parameters + 2} in all are needed. Adjust for fewer covariates.`);
}

/** Ordinary least squares: coefficients with SEs, t statistics and p on n − k degrees of freedom (as R's lm and summary.lm). */
function olsFit(d: Design, y: number[]): { beta: number[]; coefficients: Coefficient[]; df: number; sigma: number } {
  const l = factorOrRefuse(d);
  const df = d.rows.length - d.names.length;
  const xty = d.names.map((_, j) => d.x.reduce((s, r, i) => s + r[j] * y[i], 0));
  const beta = cholSolve(l, xty);
  const rss = d.x.reduce((s, r, i) => s + (y[i] - r.reduce((a, v, j) => a + v * beta[j], 0)) ** 2, 0);
  const sigma2 = rss / df;
  const inv = cholInverse(l);
  const coefficients = d.names.map((name, j) => {
    const se = Math.sqrt(sigma2 * inv[j][j]);
    const statistic = beta[j] / se;
    return { name, estimate: beta[j], se, statistic, pValue: 2 * pt(-Math.abs(statistic), df) };
  });
  return { beta, coefficients, df, sigma: Math.sqrt(sigma2) };
}

export function linearRegression(options: LinearArgs): LinearResult {
  const args = checkOptions(options);
  const confLevel = confLevelOf(args.confLevel);
  const d = designOf(args.y, args.group, args.covariates ?? []);
  checkBinary(args.group, d.rows, { da: "Gruppen", en: "The group" });
  const y = d.rows.map((i) => Number(args.y[i]));
  if (y.some((v) => !Number.isFinite(v))) refuse("REG_NOT_NUMBER", "Udfaldet skal være tal.", "The outcome must be numbers.");
  if (new Set(d.x.map((r) => r[1])).size < 2) refuse("REG_ONE_GROUP", "Begge grupper skal have analyserede borgere.", "Both groups need analysed citizens.");
  checkCitizens(d.rows.length, d.names.length - 1, args.minCitizensPerParameter ?? 10);
  const fit = olsFit(d, y);
  const g = fit.coefficients[1];
  const tq = qt(1 - (1 - confLevel) / 2, fit.df);
  return {
    method: { da: "Lineær regression (ANCOVA), justeret for udgangsniveau og kovariater", en: "Linear regression (ANCOVA), adjusted for baseline and covariates" },
    n: d.rows.length,
    excluded: args.y.length - d.rows.length,
    df: fit.df,
    sigma: fit.sigma,
    coefficients: fit.coefficients,
    difference: { estimate: g.estimate, se: g.se, confInt: { lower: g.estimate - tq * g.se, upper: g.estimate + tq * g.se, level: confLevel }, pValue: g.pValue },
  };
}
