/**
 * Fisher's exact test.
 * 2x2: hypergeometric p-values (R's two-sided rule), conditional MLE of the odds ratio and the
 * exact (Cornfield) confidence interval, as R's fisher.test.
 * r x c: exact enumeration over tables with fixed margins (network-style bounds with memoised
 * sub-table minima/maxima); beyond a work budget, or when asked, a seeded Monte Carlo p-value
 * (1 + k) / (B + 1) with tables drawn by sequential conditional hypergeometric sampling (the
 * conditional method of Patefield 1981, AS 159).
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import { qnorm } from "./dist";
import { Hypergeom, solveMonotone } from "./hypergeom";
import { seededRandom } from "./rng";
import type { Alternative, TestResult, Text } from "./types";
import { checkAlternative, checkConfLevel, checkCountTable, fail, FISHER_MAX_TOTAL } from "./validate";

const lfact = (n: number): number => gammaln(n + 1);

/** Work budget for exact r x c enumeration (partial scores x column compositions; about a second at most). */
export const RXC_EXACT_BUDGET = 150_000;
/** Default Monte Carlo settings when an r x c table is beyond the exact budget. */
export const RXC_DEFAULT_SIMULATION = { B: 10000, seed: 20260101 };

export interface FisherOptions {
  alternative?: Alternative;
  confLevel?: number;
  simulate?: { B: number; seed: number };
}

export function fisherExact(table: number[][], opts: FisherOptions = {}): TestResult {
  checkCountTable(table);
  const alternative = checkAlternative(opts.alternative);
  const confLevel = opts.confLevel ?? 0.95;
  checkConfLevel(confLevel);
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
  const warnings: Text[] = [];
  if (h.lo === h.hi) {
    warnings.push({ da: "En række eller kolonne i tabellen er tom; testen kan ikke skelne mellem grupperne (p = 1).", en: "A row or column of the table is empty; the test cannot distinguish the groups (p = 1)." });
  }
  return {
    method: { da: "Fishers eksakte test", en: "Fisher's exact test" },
    pValue,
    alternative,
    estimate,
    estimateName: "odds ratio (conditional MLE)",
    confInt,
    confLevel,
    parameters: { n: m + n },
    warnings,
  };
}

/** sum of log factorials of the cells. */
function cellScore(table: number[][]): number {
  let s = 0;
  for (const r of table) for (const v of r) s += lfact(v);
  return s;
}

class BudgetExceeded extends Error {}

/**
 * The exact r x c p-value alone, or undefined when the table is beyond RXC_EXACT_BUDGET
 * (fisherExact then simulates). Rows/columns with total 0 are left out.
 */
export function fisherRxCExactP(table: number[][]): number | undefined {
  checkCountTable(table);
  checkFisherTotal(table.reduce((s, r) => s + r.reduce((a, b) => a + b, 0), 0));
  const rows = table.filter((r) => r.some((v) => v > 0)).map((r) => r.filter((_, j) => table.some((q) => q[j] > 0)));
  if (rows.length < 2 || rows[0].length < 2) return 1;
  const rowSums = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0));
  try {
    return rxcExact(rowSums, colSums, cellScore(rows));
  } catch (e) {
    if (e instanceof BudgetExceeded) return undefined;
    throw e;
  }
}

function fisherRxC(table: number[][], simulate?: { B: number; seed: number }): TestResult {
  // drop empty rows and columns (they carry no information and do not change the p-value)
  let rows = table.filter((r) => r.some((v) => v > 0));
  const keepCols = table[0].map((_, j) => table.some((r) => r[j] > 0));
  rows = rows.map((r) => r.filter((_, j) => keepCols[j]));
  const warnings: Text[] = [];
  if (rows.length < table.length || rows[0].length < table[0].length) {
    warnings.push({ da: "Tomme rækker eller kolonner er udeladt.", en: "Empty rows or columns were left out." });
  }
  const rowSums = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const colSums = rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0));
  const N = rowSums.reduce((a, b) => a + b, 0);
  const sObs = cellScore(rows);
  if (rows.length < 2 || colSums.length < 2) {
    return {
      method: { da: "Fishers eksakte test", en: "Fisher's exact test" },
      pValue: 1, alternative: "two.sided",
      parameters: { n: N },
      warnings: [...warnings, { da: "Kun én række eller kolonne har observationer; p = 1.", en: "Only one row or column has observations; p = 1." }],
    };
  }
  if (!simulate) {
    try {
      const p = rxcExact(rowSums, colSums, sObs);
      return {
        method: { da: "Fishers eksakte test (r×c, eksakt)", en: "Fisher's exact test (r x c, exact)" },
        pValue: p, alternative: "two.sided", parameters: { n: N }, warnings,
      };
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      simulate = RXC_DEFAULT_SIMULATION;
      warnings.push({
        da: `Tabellen er for stor til eksakt beregning; p-værdien er simuleret (Monte Carlo, B = ${simulate.B}, frø ${simulate.seed}).`,
        en: `The table is too large for exact computation; the p-value is simulated (Monte Carlo, B = ${simulate.B}, seed ${simulate.seed}).`,
      });
    }
  }
  const { B, seed } = simulate;
  if (!Number.isInteger(B) || B < 1) fail("STATS_SIMULATION_B", "Antal simulationer (B) skal være et positivt helt tal.", "The number of simulations (B) must be a positive whole number.");
  const rnd = seededRandom(seed);
  const almost = 1 + 64 * Number.EPSILON;
  let k = 0;
  const cells = new Array<number>(rowSums.length * colSums.length);
  const lf = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) lf[i] = lfact(i);
  for (let b = 0; b < B; b++) {
    randomTable(rowSums, colSums, rnd, cells, lf);
    let s = 0;
    for (const v of cells) s += lf[v];
    if (s >= sObs / almost) k++;
  }
  return {
    method: { da: "Fishers eksakte test (r×c, Monte Carlo-simuleret p-værdi)", en: "Fisher's exact test (r x c, Monte Carlo simulated p-value)" },
    pValue: (1 + k) / (B + 1),
    alternative: "two.sided",
    parameters: { n: N, B, seed },
    warnings,
  };
}

/**
 * Exact r x c p-value: sum of P(table) over tables with P(table) <= P(observed) (1 + 1e-7).
 * Network-style algorithm (after Mehta and Patel 1983): columns are filled one at a time; the
 * nodes of stage j are the distinct (sorted) remaining row margins; each node keeps the distinct
 * partial scores ("past") with their multiplicities. For each node, cheap bounds on the score of
 * any completion (convex relaxations by rows and by columns) decide whole subtrees at once: the
 * total probability of a node has a closed form (multinomial identity).
 * Throws BudgetExceeded when the work (partial scores x column compositions) exceeds the budget.
 */
function rxcExact(rowSums0: number[], colSums0: number[], sObs: number): number {
  // fewer rows than columns keeps the column compositions small
  const [rowSums, colSums] = rowSums0.length <= colSums0.length ? [rowSums0, colSums0] : [colSums0, rowSums0];
  const cols = [...colSums].sort((a, b) => b - a);
  const C = cols.length;
  const suffix = new Array<number>(C + 1).fill(0);
  const lfColsSuffix = new Array<number>(C + 1).fill(0);
  for (let j = C - 1; j >= 0; j--) {
    suffix[j] = suffix[j + 1] + cols[j];
    lfColsSuffix[j] = lfColsSuffix[j + 1] + lfact(cols[j]);
  }
  const N = suffix[0];
  const lfTable = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) lfTable[i] = lfact(i);
  const lf = (v: number): number => lfTable[v];
  const logConst = rowSums.reduce((s, r) => s + lf(r), 0) + colSums.reduce((s, c) => s + lf(c), 0) - lf(N);
  const thr = sObs - Math.log1p(1e-7) - 1e-12 * Math.max(1, sObs);
  let work = 0;

  /** log of the sum over completions of exp(-score), remaining margins r, columns j.. */
  const logMass = (r: number[], j: number): number => lf(suffix[j]) - r.reduce((s, v) => s + lf(v), 0) - lfColsSuffix[j];

  /** min over 0 <= x_k <= caps_k, sum x = total, of sum lf(x_k) (most even split). */
  const minSplit = (total: number, capsAsc: number[]): number => {
    let rem = total;
    let res = 0;
    const K = capsAsc.length;
    for (let k = 0; k < K; k++) {
      const left = K - k;
      if (capsAsc[k] * left <= rem) {
        res += lf(capsAsc[k]);
        rem -= capsAsc[k];
      } else {
        const q = Math.floor(rem / left);
        const extra = rem - q * left;
        return res + extra * lf(q + 1) + (left - extra) * lf(q);
      }
    }
    return res;
  };
  /** max of the same (most concentrated split: greedy over the largest caps). */
  const maxSplit = (total: number, capsDesc: number[]): number => {
    let rem = total;
    let res = 0;
    for (const c of capsDesc) {
      if (rem <= 0) break;
      const x = Math.min(c, rem);
      res += lf(x);
      rem -= x;
    }
    return res;
  };
  const bounds = (rAsc: number[], j: number): [number, number] => {
    if (j === C - 1) {
      const s = rAsc.reduce((a, v) => a + lf(v), 0);
      return [s, s];
    }
    const rDesc = [...rAsc].reverse();
    const cDesc = cols.slice(j); // already descending
    const cAsc = [...cDesc].reverse();
    let lbCol = 0;
    let ubCol = 0;
    for (const c of cDesc) {
      lbCol += minSplit(c, rAsc);
      ubCol += maxSplit(c, rDesc);
    }
    let lbRow = 0;
    let ubRow = 0;
    for (const r of rAsc) {
      lbRow += minSplit(r, cAsc);
      ubRow += maxSplit(r, cDesc);
    }
    return [Math.max(lbCol, lbRow), Math.min(ubCol, ubRow)];
  };

  // Node keys: sorted margins packed in mixed radix N + 1 when that is exact, else a string.
  const R = rowSums.length;
  const packable = Math.pow(N + 1, R) < Number.MAX_SAFE_INTEGER;
  const scratch = new Array<number>(R).fill(0);
  const keyOf = (v: number[]): number | string => {
    for (let i = 0; i < R; i++) scratch[i] = v[i];
    // insertion sort (R is small)
    for (let i = 1; i < R; i++) {
      const t = scratch[i];
      let k = i - 1;
      while (k >= 0 && scratch[k] > t) {
        scratch[k + 1] = scratch[k];
        k--;
      }
      scratch[k + 1] = t;
    }
    if (!packable) return scratch.join(",");
    let key = 0;
    for (let i = 0; i < R; i++) key = key * (N + 1) + scratch[i];
    return key;
  };

  interface Past { s: number; w: number }
  interface Node { r: number[]; past: Map<number, Past> }
  const SCALE = 1e10;
  const start = [...rowSums].sort((a, b) => a - b);
  let stage = new Map<number | string, Node>([[keyOf(start), { r: start, past: new Map([[0, { s: 0, w: 1 }]]) }]]);
  let p = 0;
  const next0 = new Array<number>(R).fill(0);
  const cur = new Array<number>(R).fill(0);
  const capAfter = new Array<number>(R + 1).fill(0);
  for (let j = 0; j < C && stage.size > 0; j++) {
    const next = new Map<number | string, Node>();
    const c = cols[j];
    for (const node of stage.values()) {
      const [lb, ub] = bounds(node.r, j);
      const lm = logMass(node.r, j);
      const open: Past[] = [];
      for (const v of node.past.values()) {
        if (v.s + lb >= thr) p += v.w * Math.exp(logConst - v.s + lm);
        else if (v.s + ub >= thr) open.push(v);
      }
      if (open.length === 0 || j === C - 1) continue;
      const r = node.r;
      for (let i = R - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + r[i];
      const emit = (score: number): void => {
        work += open.length;
        if (work > RXC_EXACT_BUDGET) throw new BudgetExceeded();
        for (let i = 0; i < R; i++) next0[i] = r[i] - cur[i];
        const key = keyOf(next0);
        let child = next.get(key);
        if (!child) {
          child = { r: scratch.slice(), past: new Map() };
          next.set(key, child);
        }
        const past = child.past;
        for (const v of open) {
          const sv = v.s + score;
          const k = Math.round(sv * SCALE);
          const got = past.get(k);
          if (got) got.w += v.w;
          else past.set(k, { s: sv, w: v.w });
        }
      };
      const rec = (i: number, left: number, score: number): void => {
        if (i === R - 1) {
          if (left > r[i]) return;
          cur[i] = left;
          emit(score + lf(left));
          return;
        }
        const lo = Math.max(0, left - capAfter[i + 1]);
        const hi = Math.min(r[i], left);
        for (let v = lo; v <= hi; v++) {
          cur[i] = v;
          rec(i + 1, left - v, score + lf(v));
        }
      };
      rec(0, c, 0);
    }
    stage = next;
  }
  return Math.min(1, p);
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
