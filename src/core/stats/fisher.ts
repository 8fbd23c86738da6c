/**
 * Fisher's exact test.
 * 2x2: hypergeometric p-values (R's two-sided rule), conditional MLE of the odds ratio and the
 * exact (Cornfield) confidence interval, as R's fisher.test.
 * r x c: exact network algorithm (fisherRxC.ts, Mehta and Patel 1983/1986); beyond its time and
 * memory budget, or when asked, a seeded Monte Carlo p-value (1 + k) / (B + 1) with tables drawn
 * by sequential conditional hypergeometric sampling (the conditional method of Patefield 1981,
 * AS 159), reported with its Monte Carlo standard error.
 * Statistic: 2x2 the [1,1] cell (SAS "Cell (1,1) Frequency (F)"); r x c the probability of the
 * observed table (SAS "Table Probability (P)").
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import { qnorm } from "./dist";
import { Hypergeom, solveMonotone } from "./hypergeom";
import { RXC_EXACT_BUDGET, RXC_MAX_PASTS, RxCBudgetExceeded, rxcExactP } from "./fisherRxC";
import { seededRandom } from "./rng";
import { progressListened, reportProgress } from "../progress";
import type { Alternative, TestResult, Text } from "./types";
import { checkAlternative, checkCountTable, checkOptions, confLevelOf, fail, FISHER_MAX_TOTAL } from "./validate";

export { RXC_EXACT_BUDGET, RXC_MAX_PASTS };

const lfact = (n: number): number => gammaln(n + 1);

/** Default Monte Carlo settings when an r x c table is beyond the exact budget. */
export const RXC_DEFAULT_SIMULATION = { B: 10000, seed: 20260101 };

export interface FisherOptions {
  alternative?: Alternative;
  confLevel?: number;
  simulate?: { B: number; seed: number };
}

const FISHER: Text = { da: "Fishers eksakte test", en: "Fisher's exact test" };

export function fisherExact(table: number[][], options?: FisherOptions): TestResult {
  const opts = checkOptions(options);
  checkCountTable(table);
  const alternative = checkAlternative(opts.alternative);
  const confLevel = confLevelOf(opts.confLevel);
  const total = table.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0);
  if (total === 0) fail("STATS_EMPTY_TABLE", "Tabellen er tom (alle celler er 0).", "The table is empty (all cells are 0).");
  checkFisherTotal(total);
  if (table.length === 2 && table[0].length === 2 && !opts.simulate) return fisher2x2(table, alternative, confLevel);
  if (alternative !== "two.sided" && !(table.length === 2 && table[0].length === 2)) {
    fail("STATS_ONE_SIDED_RXC", "Ensidede test findes kun for 2×2-tabeller.", "One-sided tests exist only for 2x2 tables.");
  }
  return fisherRxC(table, opts.simulate);
}

function checkFisherTotal(total: number): void {
  if (total > FISHER_MAX_TOTAL) {
    fail("STATS_TABLE_TOO_LARGE", `Fishers eksakte test accepterer højst ${FISHER_MAX_TOTAL.toLocaleString("da-DK")} observationer i alt (fik ${total}); brug χ²-testen.`,
      `Fisher's exact test accepts at most ${FISHER_MAX_TOTAL} observations in total (got ${total}); use the chi-square test.`);
  }
}

function fisher2x2(t: number[][], alternative: Alternative, confLevel: number): TestResult {
  const x = t[0][0];
  const m = t[0][0] + t[1][0];
  const n = t[0][1] + t[1][1];
  const k = t[0][0] + t[0][1];
  const h = new Hypergeom(m, n, k);
  const pValue = alternative === "less" ? h.cdf(x) : alternative === "greater" ? h.sf(x) : h.twoSided(x);

  // conditional maximum likelihood estimate of the odds ratio
  const start = Math.log(((t[0][0] + 0.5) * (t[1][1] + 0.5)) / ((t[0][1] + 0.5) * (t[1][0] + 0.5)));
  let estimate: number;
  if (x === h.lo) estimate = 0;
  else if (x === h.hi) estimate = Infinity;
  else {
    const th = solveMonotone((th) => { const s = h.nc(th, x); return { f: s.mean, df: s.variance }; }, x, true, start);
    estimate = Math.exp(th);
  }
  // Newton starting points for the limits: Woolf-type interval around the CMLE
  const centre = Number.isFinite(estimate) && estimate > 0 ? Math.log(estimate) : start;
  const se = Math.sqrt(1 / (t[0][0] + 0.5) + 1 / (t[0][1] + 0.5) + 1 / (t[1][0] + 0.5) + 1 / (t[1][1] + 0.5));
  const upperLimit = (alpha: number): number => {
    if (x === h.hi) return Infinity;
    const th = solveMonotone((th) => { const s = h.nc(th, x); return { f: s.cdf, df: s.dCdf }; }, alpha, false, centre + qnorm(1 - alpha) * se);
    return Math.exp(th);
  };
  const lowerLimit = (alpha: number): number => {
    if (x === h.lo) return 0;
    const th = solveMonotone((th) => { const s = h.nc(th, x); return { f: s.sf, df: s.dSf }; }, alpha, true, centre - qnorm(1 - alpha) * se);
    return Math.exp(th);
  };
  let confInt: [number, number];
  if (alternative === "less") confInt = [0, upperLimit(1 - confLevel)];
  else if (alternative === "greater") confInt = [lowerLimit(1 - confLevel), Infinity];
  else {
    const alpha = (1 - confLevel) / 2;
    confInt = [lowerLimit(alpha), upperLimit(alpha)];
  }
  const ci = { lower: confInt[0], upper: confInt[1], level: confLevel };
  const warnings: Text[] = [];
  if (h.lo === h.hi) {
    warnings.push({ da: "En række eller kolonne i tabellen er tom; testen kan ikke skelne mellem grupperne (p = 1).", en: "A row or column of the table is empty; the test cannot distinguish the groups (p = 1)." });
  }
  return {
    method: FISHER,
    statistic: { name: "x[1,1]", value: x },
    parameter: { n: m + n },
    pValue,
    alternative,
    estimate: { name: { da: "oddsratio (betinget maksimum likelihood)", en: "odds ratio (conditional MLE)" }, value: estimate },
    ci,
    warnings,
  };
}

/** sum of log factorials of the cells. */
function cellScore(table: number[][]): number {
  let s = 0;
  for (const r of table) for (const v of r) s += lfact(v);
  return s;
}

/** Rows and columns with total 0 left out (they carry no information and do not change the p-value). */
function dropEmpty(table: number[][]): number[][] {
  const keepCols = table[0].map((_, j) => table.some((r) => r[j] > 0));
  return table.filter((r) => r.some((v) => v > 0)).map((r) => r.filter((_, j) => keepCols[j]));
}

const budgetText = (reason: "time" | "memory"): Text => reason === "time"
  ? { da: `over tidsbudgettet for eksakt beregning (${RXC_EXACT_BUDGET.toLocaleString("da-DK")} trin, ca. 25 sekunder)`, en: `beyond the time budget for the exact computation (${RXC_EXACT_BUDGET} steps, about 25 seconds)` }
  : { da: `over hukommelsesbudgettet for eksakt beregning (${RXC_MAX_PASTS.toLocaleString("da-DK")} delsummer, ca. 170 MB)`, en: `beyond the memory budget for the exact computation (${RXC_MAX_PASTS} partial sums, about 170 MB)` };

/**
 * The exact r x c p-value alone (rows/columns with total 0 are left out; fewer than 2 x 2 left
 * gives 1). Beyond the time or memory budget it throws STATS_EXACT_BUDGET (never a silent
 * undefined); fisherExact then simulates and says so.
 */
export function fisherRxCExactP(table: number[][], options: { budget?: number } = {}): number {
  checkCountTable(table);
  checkFisherTotal(table.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0));
  const rows = dropEmpty(table);
  if (rows.length < 2 || rows[0].length < 2) return 1;
  const rowSums = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0));
  try {
    return rxcExactP(rowSums, colSums, cellScore(rows), options.budget);
  } catch (e) {
    if (!(e instanceof RxCBudgetExceeded)) throw e;
    const why = budgetText(e.reason);
    return fail("STATS_EXACT_BUDGET", `Tabellen er ${why.da}; brug en simuleret p-værdi.`, `The table is ${why.en}; use a simulated p-value.`);
  }
}

function fisherRxC(table: number[][], simulate?: { B: number; seed: number }): TestResult {
  const rows = dropEmpty(table);
  const warnings: Text[] = [];
  if (rows.length < table.length || rows[0].length < table[0].length) {
    warnings.push({ da: "Tomme rækker eller kolonner er udeladt.", en: "Empty rows or columns were left out." });
  }
  const rowSums = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0));
  const N = rowSums.reduce((a, b) => a + b, 0);
  const sObs = cellScore(rows);
  const logConst = rowSums.reduce((s, r) => s + lfact(r), 0) + colSums.reduce((s, c) => s + lfact(c), 0) - lfact(N);
  const statistic = { name: "P(table)", value: Math.exp(logConst - sObs) };
  const base = { statistic, alternative: "two.sided" as const, estimate: null, ci: null };
  if (rows.length < 2 || colSums.length < 2) {
    return {
      ...base, method: FISHER, pValue: 1, parameter: { n: N },
      warnings: [...warnings, { da: "Kun én række eller kolonne har observationer; p = 1.", en: "Only one row or column has observations; p = 1." }],
    };
  }
  if (!simulate) {
    try {
      const p = rxcExactP(rowSums, colSums, sObs);
      return { ...base, method: { da: "Fishers eksakte test (r×c, eksakt)", en: "Fisher's exact test (r x c, exact)" }, pValue: p, parameter: { n: N }, warnings };
    } catch (e) {
      if (!(e instanceof RxCBudgetExceeded)) throw e;
      simulate = RXC_DEFAULT_SIMULATION;
      const why = budgetText(e.reason);
      warnings.push({
        da: `Tabellen er ${why.da}; p-værdien er simuleret (Monte Carlo, B = ${simulate.B}, frø ${simulate.seed}) og er derfor ikke eksakt.`,
        en: `The table is ${why.en}; the p-value is simulated (Monte Carlo, B = ${simulate.B}, seed ${simulate.seed}) and therefore not exact.`,
      });
    }
  }
  const { B, seed } = simulate;
  if (!Number.isInteger(B) || B < 1) fail("STATS_SIMULATION_B", "Antal simulationer (B) skal være et positivt helt tal.", "The number of simulations (B) must be a positive whole number.");
  if (!Number.isFinite(seed)) fail("STATS_SIMULATION_SEED", "Frøet (seed) skal være et endeligt tal.", "The seed must be a finite number.");
  const k = countAtLeastAsExtreme(rowSums, colSums, sObs, B, seed);
  const pValue = (1 + k) / (B + 1);
  // binomial standard error of the Monte Carlo estimate
  const se = Math.sqrt((pValue * (1 - pValue)) / B);
  warnings.push({
    da: `Monte Carlo-standardfejl for p-værdien: ${se.toPrecision(2).replace(".", ",")}.`,
    en: `Monte Carlo standard error of the p-value: ${se.toPrecision(2)}.`,
  });
  return {
    ...base,
    method: { da: "Fishers eksakte test (r×c, Monte Carlo-simuleret p-værdi)", en: "Fisher's exact test (r x c, Monte Carlo simulated p-value)" },
    pValue, parameter: { n: N, B, seed, mcStandardError: se }, warnings,
  };
}

const SIMULATING = { da: "Fishers test (r×c), simuleret p-værdi", en: "Fisher's test (r x c), simulated p-value" };

/** Number of B simulated tables with probability <= that of the observed table (R's tolerance). */
function countAtLeastAsExtreme(rowSums: number[], colSums: number[], sObs: number, B: number, seed: number): number {
  const N = rowSums.reduce((a, b) => a + b, 0);
  const rnd = seededRandom(seed);
  const almost = 1 + 64 * Number.EPSILON;
  let k = 0;
  const cells = new Array<number>(rowSums.length * colSums.length);
  const lf = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) lf[i] = lfact(i);
  const listened = progressListened();
  for (let b = 0; b < B; b++) {
    if (listened && (b & 1023) === 0) reportProgress({ what: SIMULATING, fraction: b / B });
    randomTable(rowSums, colSums, rnd, cells, lf);
    let s = 0;
    for (const v of cells) s += lf[v];
    if (s >= sObs / almost) k++;
  }
  return k;
}

/** Draw a table with the given margins under the multiple hypergeometric law (lf = log factorial table). */
function randomTable(rowSums: number[], colSums: number[], rnd: () => number, out: number[], lf: Float64Array): void {
  const R = rowSums.length;
  const C = colSums.length;
  const rowLeft = [...rowSums];
  let nLeft = rowSums.reduce((a, b) => a + b, 0);
  for (let j = 0; j < C; j++) {
    let draws = colSums[j];
    let pool = nLeft;
    for (let i = 0; i < R; i++) {
      let v: number;
      if (j === C - 1) v = rowLeft[i];
      else if (i === R - 1) v = draws;
      else v = rhyper(rowLeft[i], pool - rowLeft[i], draws, rnd, lf);
      out[i * C + j] = v;
      pool -= rowLeft[i];
      rowLeft[i] -= v;
      draws -= v;
    }
    nLeft -= colSums[j];
  }
}

/** One hypergeometric draw (m successes, n failures, k draws) by inversion from the mode outward. */
function rhyper(m: number, n: number, k: number, rnd: () => number, lf: Float64Array): number {
  if (k === 0 || m === 0) return 0;
  if (n === 0) return k;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  if (lo === hi) return lo;
  const M = Math.min(hi, Math.max(lo, Math.floor(((k + 1) * (m + 1)) / (m + n + 2))));
  const ratio = (x: number): number => ((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1));
  const fM = Math.exp(lf[m] - lf[M] - lf[m - M] + lf[n] - lf[k - M] - lf[n - k + M] - lf[m + n] + lf[k] + lf[m + n - k]);
  let u = rnd() - fM;
  if (u <= 0) return M;
  let xl = M;
  let fl = fM;
  let xu = M;
  let fu = fM;
  for (;;) {
    let moved = false;
    if (xl > lo) {
      fl = fl / ratio(xl - 1);
      xl--;
      u -= fl;
      moved = true;
      if (u <= 0) return xl;
    }
    if (xu < hi) {
      fu = fu * ratio(xu);
      xu++;
      u -= fu;
      moved = true;
      if (u <= 0) return xu;
    }
    if (!moved) return M; // rounding left a sliver of mass: fall back to the mode
  }
}
