/**
 * Exact r x c Fisher p-value by a network algorithm.
 *
 * References: C. R. Mehta and N. R. Patel (1983), "A network algorithm for performing Fisher's
 * exact test in r x c contingency tables", JASA 78:427-434; Mehta and Patel (1986), "Algorithm
 * 643: FEXACT", ACM TOMS 12:154-161; D. B. Clarkson, Y. Fan and H. Joe (1993), "A remark on
 * algorithm 643", ACM TOMS 19:484-488. Written from the papers' description, not from code.
 *
 * p = sum of P(T) over tables T with the observed margins and P(T) <= P(observed) (1 + tol)
 * (R's rule, tol = RXC_TIE_TOLERANCE). With cell score s(T) = sum log x_ij!, P(T) = exp(K - s(T)),
 * K = sum log r_i! + sum log c_j! - log N!, so a table counts when s(T) >= thr = s(observed) - tol.
 *
 * The network: stage j has filled columns 0..j-1; a node is the multiset of remaining row totals
 * (sorted, so equivalent nodes merge); an arc fills one column. Each node keeps its distinct
 * "past" scores (partial sums of log x!) with their multiplicities, sorted. Every node has a
 * lower and an upper bound on the score of any completion (shortest and longest path; the lower
 * one is the Lagrangian dual of the convex transportation problem, tight to rounding). Along an
 * arc with score a into child u, a past s counts in full when s + a + lb(u) >= thr (its mass has
 * a closed form, the multinomial identity), not at all when s + a + ub(u) < thr, and only the
 * pasts in between travel on; with the pasts sorted these are ranges found by binary search.
 * The last arc (two columns left) fixes the last column, so there every past is decided.
 *
 * Beyond the papers, four reductions make baseline-sized tables (up to 5 x 5) fast:
 * - the lower bound is exact (the papers' relaxations were ~5 nats loose on such tables);
 * - partial column fillings whose every completion is decided for every past of the node are
 *   skipped (counted in closed form when they all count), judged by the same dual bound and a
 *   relaxation upper bound on the partial problem (`decidePartial`);
 * - rows with equal remaining totals are interchangeable: only one ordering of their cells is
 *   listed, weighted by its number of permutations (`fillings`);
 * - a node with two columns left lists its completions once (sorted, with tail sums) as soon as
 *   more pasts would reach it than it has completions; later pasts are answered against the list
 *   by binary search instead of being stored (`completionsOf`).
 */
import gammaln from "@stdlib/math-base-special-gammaln";
import { progressListened, reportProgress } from "../progress";

// Local bindings: under a sandboxed global (jest's vm context) every global lookup in the hot loops
// goes through an interceptor and made the computation ten times slower.
const { abs: mAbs, exp: mExp, floor: mFloor, imul: mImul, log: mLog, max: mMax, min: mMin, pow: mPow, round: mRound, sqrt: mSqrt } = Math;
const INF = Number.POSITIVE_INFINITY;

/**
 * Work budget, in units of roughly 50-100 ns on the 2-core CI machine (each operation is weighted
 * by its measured cost: a column filling 1-5, a stored past 2.5, a past answered against listed
 * completions 1, a new node with its bounds 60, a pruning test 10, a listed completion 5).
 * Deterministic, so the same table gets the same answer on every machine. Measured on the 493
 * baseline tables (scripts/fixtures/generate-fisher-rxc.R): every table R answers within 6 s is
 * exact within it (slowest 2 s); every table R answers only with more time
 * (fisherRxCBaselineLong.json, 73) needs at most 3.37·10⁸ (table 143, 5 x 5, n = 111). The budget covers all of them with 7 % to spare.
 * A refusal at the end of the budget takes the time `npm run bench` shows ("time to reach the
 * budget"); the memory cap below usually refuses large hopeless tables sooner. Beyond either the
 * p-value is simulated and says so.
 */
export const RXC_EXACT_BUDGET = 360_000_000;
/**
 * Memory budget: past scores stored for one stage. The hash table (20 bytes a slot, at most half
 * full) then holds at most 2^22 slots, about 84 MB, plus the previous table while it grows (42 MB)
 * and the grouped copy (16 bytes per past, 32 MB); table 288 of the long baseline set, which R
 * answers, stores 1.16·10⁶. Listed completions add at most RXC_MAX_LISTED_TOTAL x 16 bytes (32 MB).
 */
export const RXC_MAX_PASTS = 2_000_000;

/** Work units between progress reports (about 0.1 s; see RXC_EXACT_BUDGET). */
export const RXC_PROGRESS_EVERY = 2_000_000;
const RXC_WHAT = { da: "Fishers eksakte test (r×c)", en: "Fisher's exact test (r x c)" };

export class RxCBudgetExceeded extends Error {
  constructor(readonly reason: "time" | "memory") {
    super(`r x c exact budget exceeded (${reason})`);
  }
}

/**
 * Tables whose probability is within this relative tolerance of the observed one count as ties
 * (are included). R's fisher.test uses 1e-7 for 2 x 2 tables, but its r x c code (FEXACT)
 * includes tables up to 3.45e-7 in log-probability from the observed one. The difference shows on
 * real tables with near-ties: baseline table 315 in fisherRxCBaseline.json (4 x 5, n = 342)
 * gives 0.22212888009 with 1e-7 and R's 0.22212889546 with 3.45e-7 (1.6e-11 apart); we follow R.
 */
export const RXC_TIE_TOLERANCE = 3.45e-7;

const lfact = (n: number): number => gammaln(n + 1);

const KEY_SCALE = 1e10;

/** Exact p-value for margins rowSums, colSums (no zero totals) and observed cell score sObs. */
export function rxcExactP(rowSums0: number[], colSums0: number[], sObs: number, budget = RXC_EXACT_BUDGET, stats?: RxCStats): number {
  // fewer rows than columns keeps the column fillings small; small columns first, so that the
  // largest two come last, where completions are listed (on the baseline tables FEXACT answers
  // only with more time, fisherRxCBaselineLong.json, this answers 47 within budget against 40)
  const [rowSums, colSums] = rowSums0.length <= colSums0.length ? [rowSums0, colSums0] : [colSums0, rowSums0];
  const cols = [...colSums].sort((a, b) => a - b);
  const C = cols.length;
  const R = rowSums.length;
  const N = cols.reduce((a, b) => a + b, 0);
  const lf = new Float64Array(N + 1);
  for (let i = 0; i <= N; i++) lf[i] = lfact(i);
  const suffix = new Array<number>(C + 1).fill(0);
  const lfColsSuffix = new Array<number>(C + 1).fill(0);
  for (let j = C - 1; j >= 0; j--) {
    suffix[j] = suffix[j + 1] + cols[j];
    lfColsSuffix[j] = lfColsSuffix[j + 1] + lf[cols[j]];
  }
  const K = rowSums.reduce((s, r) => s + lf[r], 0) + cols.reduce((s, c) => s + lf[c], 0) - lf[N];
  const thr = sObs - RXC_TIE_TOLERANCE - 1e-12 * mMax(1, sObs);
  const ctx: Ctx = {
    R, C, cols, lf, suffix, lfColsSuffix, K, thr, work: 0, budget, nextReport: progressListened() ? 0 : INF,
    dual: new Dual(lf, R, C), listed: 0, peakPasts: 0, cap: new Int32Array(R * C), rowBuf: new Int32Array(R), colBuf: new Int32Array(C),
  };

  try {
    return network(ctx, rowSums);
  } finally {
    if (stats) {
      stats.work = ctx.work;
      stats.peakPasts = ctx.peakPasts;
    }
  }
}

/** Work spent by one computation (for the bench and the budget's calibration). */
export interface RxCStats {
  work: number;
  /** most pasts stored for one stage */
  peakPasts?: number;
}

function network(ctx: Ctx, rowSums: number[]): number {
  const { C, thr } = ctx;
  const root = nodeInfo(ctx, [...rowSums].sort((a, b) => a - b), 0);
  if (root.lb >= thr) return 1;
  if (root.ub < thr) return 0;
  let nodes: NodeInfo[] = [root];
  let past: Grouped = { s: Float64Array.of(0), w: Float64Array.of(1), offset: Int32Array.of(0, 1) };
  let p = 0;
  for (let j = 0; j < C - 1 && nodes.length > 0; j++) {
    const last = j === C - 2;
    const stage = last ? undefined : new Stage(ctx, j + 1);
    for (let i = 0; i < nodes.length; i++) {
      const a = past.offset[i];
      if (a === past.offset[i + 1]) continue; // reached only by decided pasts
      const pasts = sortedPasts(ctx, past.s.subarray(a, past.offset[i + 1]), past.w.subarray(a, past.offset[i + 1]));
      p += stage ? expand(ctx, nodes[i], j, pasts, stage) : lastColumns(ctx, nodes[i], j, pasts);
    }
    if (!stage) break;
    ctx.peakPasts = mMax(ctx.peakPasts, stage.table.size);
    past = stage.table.group(stage.nodes.length);
    nodes = stage.nodes;
  }
  return mMin(1, p);
}

interface NodeInfo {
  /** remaining row totals, ascending */
  r: number[];
  lb: number;
  ub: number;
  /** log of the total mass sum over completions of exp(-score) (multinomial identity) */
  logMass: number;
  /** two columns left: every completion score, ascending, with tail sums (listed when first needed) */
  done?: Completions;
  /** two columns left but too many completions to list */
  unlisted?: boolean;
  /** undecided pasts sent to this node so far (it lists its completions once they outnumber them) */
  routed: number;
  /** number of fillings of the next column (counted when first needed) */
  fills?: number;
}

function nodeInfo(ctx: Ctx, rAsc: number[], j: number): NodeInfo {
  let logMass = ctx.lf[ctx.suffix[j]] - ctx.lfColsSuffix[j];
  for (const v of rAsc) logMass -= ctx.lf[v];
  const [lb, ub] = bounds(ctx, rAsc, j);
  return { r: rAsc, lb, ub, logMass, unlisted: j !== ctx.C - 2, routed: 0 };
}

/**
 * The completions of a node with two columns left, listed once `more` further pasts would bring
 * the pasts sent to it above the number of its completions (listing then costs less than
 * storing); its bounds become exact.
 */
function completionsOf(ctx: Ctx, u: NodeInfo, more: number): Completions | undefined {
  if (u.done || u.unlisted) return u.done;
  u.routed += more;
  u.fills ??= countFillings(u.r, ctx.cols[ctx.C - 2]);
  if (u.routed <= u.fills) return undefined;
  u.done = listCompletions(ctx, u.r, ctx.C - 2);
  if (!u.done) u.unlisted = true;
  else {
    u.lb = u.done.f[0];
    u.ub = u.done.f[u.done.f.length - 1];
  }
  return u.done;
}

/**
 * Completions of a node with two columns left: the filling of column j fixes the last one.
 * f ascending; tail[k] = sum_{i >= k} mult_i exp(f_0 - f_i). Undefined when there are more than
 * RXC_MAX_LISTED (the pasts then travel to the node as usual).
 */
interface Completions {
  f: Float64Array;
  tail: Float64Array;
}

/** Completions listed for one node at most, and for all nodes of a computation together. */
const RXC_MAX_LISTED = 200_000;
const RXC_MAX_LISTED_TOTAL = 2_000_000;

/** Number of fillings of column total c into rows with caps r (dynamic programming). */
function countFillings(r: number[], c: number): number {
  let ways = new Float64Array(c + 1);
  ways[0] = 1;
  for (const cap of r) {
    const next = new Float64Array(c + 1);
    let window = 0;
    for (let t = 0; t <= c; t++) {
      window += ways[t];
      if (t - cap - 1 >= 0) window -= ways[t - cap - 1];
      next[t] = window;
    }
    ways = next;
  }
  return ways[c];
}

function listCompletions(ctx: Ctx, r: number[], j: number): Completions | undefined {
  const lf = ctx.lf;
  const fs: number[] = [];
  const ms: number[] = [];
  let tooMany = false;
  fillings(r, ctx.cols[j], lf, (x, a, mult) => {
    if (fs.length >= RXC_MAX_LISTED) {
      tooMany = true;
      return;
    }
    let f = a;
    for (let i = 0; i < r.length; i++) f += lf[r[i] - x[i]];
    fs.push(f);
    ms.push(mult);
  }, () => tooMany);
  spend(ctx, fs.length * 5);
  if (tooMany || ctx.listed + fs.length > RXC_MAX_LISTED_TOTAL) return undefined;
  ctx.listed += fs.length;
  const n = fs.length;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => fs[a] - fs[b]);
  const f = new Float64Array(n);
  for (let k = 0; k < n; k++) f[k] = fs[order[k]];
  const tail = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) tail[k] = tail[k + 1] + ms[order[k]] * mExp(f[0] - f[k]);
  return { f, tail };
}

/** The nodes of the next stage, with the undecided pasts that reach them. */
class Stage {
  readonly table = new PastTable();
  readonly nodes: NodeInfo[] = [];
  private readonly ids = new Map<number | string, number>();
  constructor(private readonly ctx: Ctx, private readonly j: number) {}

  node(rest: number[]): number {
    const key = keyOf(rest, this.ctx.suffix[0]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.nodes.length;
      this.ids.set(key, id);
      this.nodes.push(nodeInfo(this.ctx, [...rest].sort((a, b) => a - b), this.j));
      spend(this.ctx, 60);
    }
    return id;
  }
}

/**
 * The pasts of a node sorted by score, with tail sums E[k] = sum_{i >= k} w_i exp(s_0 - s_i)
 * (summed from the smallest terms up), so that the mass of every past at or above a cut is one
 * binary search away.
 */
interface Pasts {
  s: Float64Array;
  w: Float64Array;
  /** w_k exp(s_0 - s_k): each past's mass relative to the smallest past */
  ew: Float64Array;
  tail: Float64Array;
}

function sortedPasts(ctx: Ctx, s0: Float64Array, w0: Float64Array): Pasts {
  const n = s0.length;
  spend(ctx, n);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => s0[a] - s0[b]);
  const s = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    s[k] = s0[order[k]];
    w[k] = w0[order[k]];
  }
  const ew = new Float64Array(n);
  const tail = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) {
    ew[k] = w[k] * mExp(s[0] - s[k]);
    tail[k] = tail[k + 1] + ew[k];
  }
  return { s, w, ew, tail };
}

/** First index k < end with s[k] >= t, else end (s ascending). */
function firstAtLeast(s: Float64Array, t: number, end = s.length): number {
  return firstAtLeastFrom(s, t, 0, end);
}

/** First index k in from..end-1 with s[k] >= t, else end (s ascending). */
function firstAtLeastFrom(s: Float64Array, t: number, from: number, end: number): number {
  let a = from;
  let b = end;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (s[mid] >= t) b = mid;
    else a = mid + 1;
  }
  return a;
}

/**
 * Fill column j of node v in every way. For the child u reached by a filling with arc score a,
 * a past s counts in full when s + a + lb(u) >= thr (its mass has a closed form), not at all
 * when s + a + ub(u) < thr, and travels on to u otherwise; the sorted pasts make each of these
 * a range. Partial fillings whose every completion is decided for every past are not enumerated
 * (`decidePartial`).
 */
function expand(ctx: Ctx, v: NodeInfo, j: number, pasts: Pasts, stage: Stage): number {
  const rest = new Array<number>(v.r.length);
  const { s, w, tail } = pasts;
  const base = ctx.K - s[0];
  const acc = { p: 0 };
  fillings(v.r, ctx.cols[j], ctx.lf, (x, a, mult) => {
    for (let i = 0; i < rest.length; i++) rest[i] = v.r[i] - x[i];
    const id = stage.node(rest);
    const u = stage.nodes[id];
    let hi = firstAtLeast(s, ctx.thr - u.lb - a);
    let lo = firstAtLeast(s, ctx.thr - u.ub - a);
    const done = lo < hi ? completionsOf(ctx, u, hi - lo) : undefined;
    if (done) {
      hi = firstAtLeast(s, ctx.thr - u.lb - a);
      lo = firstAtLeast(s, ctx.thr - u.ub - a);
    }
    if (hi < s.length) acc.p += mult * mExp(base - a + u.logMass) * tail[hi];
    spend(ctx, 5 + (done ? 1 : 2.5) * (hi - lo));
    if (done) acc.p += mult * againstCompletions(ctx, pasts, lo, hi, a, done);
    else for (let k = lo; k < hi; k++) stage.table.add(id, s[k] + a, w[k] * mult);
  }, decidePartial(ctx, v, j, pasts, acc));
  return acc.p;
}

/**
 * Pasts lo..hi-1 (ascending) after an arc with score a into a node whose completions are listed:
 * sum_k w_k exp(K - s_k - a) sum_{f >= thr - s_k - a} exp(-f)
 *   = exp(K - s_0 - a - f_0) sum_k ew_k tail[cut_k].
 * The factor is the probability of a table (s_0 + a + f_0 is one), so at most 1, and ew_k <= w_k.
 * The cut moves down as s_k grows, so each search gallops down from the previous cut.
 */
function againstCompletions(ctx: Ctx, pasts: Pasts, lo: number, hi: number, a: number, done: Completions): number {
  const { s, ew } = pasts;
  const { f, tail } = done;
  const n = f.length;
  let sum = 0;
  let top = n;
  for (let k = lo; k < hi; k++) {
    const x = firstAtLeastDown(f, ctx.thr - s[k] - a, top);
    top = x;
    if (x < n) sum += ew[k] * tail[x];
  }
  return sum === 0 ? 0 : mExp(ctx.K - s[0] - a - f[0]) * sum;
}

/** First index k with f[k] >= t, knowing that f[k] >= t for every k >= top (f ascending): galloping down. */
function firstAtLeastDown(f: Float64Array, t: number, top: number): number {
  let hi = top;
  for (let step = 1; ; step *= 2) {
    const probe = hi - step;
    if (probe < 0) return firstAtLeastFrom(f, t, 0, hi);
    if (f[probe] < t) return firstAtLeastFrom(f, t, probe + 1, hi);
    hi = probe;
  }
}

/** Two columns left: the filling of column j fixes the last column, so every past is decided. */
function lastColumns(ctx: Ctx, v: NodeInfo, j: number, pasts: Pasts): number {
  if (v.done) {
    spend(ctx, pasts.s.length);
    return againstCompletions(ctx, pasts, 0, pasts.s.length, 0, v.done);
  }
  const lf = ctx.lf;
  const r = v.r;
  const { s, tail } = pasts;
  const base = ctx.K - s[0];
  const acc = { p: 0 };
  let arcs = 0;
  fillings(r, ctx.cols[j], lf, (x, a, mult) => {
    arcs++;
    let f = a;
    for (let i = 0; i < r.length; i++) f += lf[r[i] - x[i]];
    const k = firstAtLeast(s, ctx.thr - f);
    if (k < s.length) acc.p += mult * mExp(base - f) * tail[k];
  }, decidePartial(ctx, v, j, pasts, acc));
  spend(ctx, arcs);
  return acc.p;
}

/**
 * Pruning of the column enumeration. Rows 0..i-1 of column j are filled (x, partial score) and
 * `left` remains for rows i..; the rest is a transportation problem with rows r - x (rows < i)
 * and r (rows >= i) and columns "rest of column j" (open to rows >= i only), j + 1, ... When even
 * its best completion added to the smallest past reaches thr, every table below counts: their
 * mass is added in closed form and the subtree skipped; when its worst completion added to the
 * largest past stays below thr, none counts and it is skipped. The mass of the partial problem:
 * sum over its tables of prod 1/x! = C(S, left) M! / (prod_{m > j} c_m! prod r'!), with S the row
 * total of rows >= i and M the total of columns j + 1, ... (expand (z' + Z)^S, extract z'^left).
 */
function decidePartial(
  ctx: Ctx, v: NodeInfo, j: number, pasts: Pasts, acc: { p: number },
): (x: number[], i: number, left: number, score: number, mult: number, whole: boolean) => boolean {
  const r = v.r;
  const R = r.length;
  const C = ctx.C - j;
  const { cap, rowBuf, colBuf, lf } = ctx;
  const sMin = pasts.s[0];
  const sMax = pasts.s[pasts.s.length - 1];
  const M = ctx.suffix[j + 1];
  const lfFuture = lf[M] - ctx.lfColsSuffix[j + 1];
  return (x, i, left, score, mult, whole) => {
    ctx.work += 10;
    // the scratch buffers are shared: fill them completely on every call
    for (let m = 1; m < C; m++) colBuf[m] = ctx.cols[j + m];
    let S = 0;
    for (let k = 0; k < R; k++) {
      rowBuf[k] = k < i ? r[k] - x[k] : r[k];
      if (k >= i) S += r[k];
    }
    colBuf[0] = left;
    if (sMax + score + partialUpper(lf, rowBuf, R, colBuf, C, i) < ctx.thr) return true;
    // inside a group of equal rows the listed fillings are not all fillings: no closed form
    if (!whole) return false;
    for (let k = 0; k < R; k++) {
      cap[k * C] = k < i ? 0 : mMin(rowBuf[k], left);
      for (let m = 1; m < C; m++) cap[k * C + m] = mMin(rowBuf[k], colBuf[m]);
    }
    const need = ctx.thr - sMin - score;
    if (ctx.dual.lower(rowBuf, R, colBuf, C, cap, need + 1e-6) < need) return false;
    let logMass = lf[S] - lf[left] - lf[S - left] + lfFuture;
    for (let k = 0; k < R; k++) logMass -= lf[rowBuf[k]];
    acc.p += mult * mExp(ctx.K - sMin - score + logMass) * pasts.tail[0];
    return true;
  };
}

/**
 * Upper bound on the score of the partial problem of `decidePartial`: relax the row totals (each
 * column split on its own, as concentrated as the open rows allow) or the column totals (each row
 * split on its own); the smaller of the two.
 */
function partialUpper(lf: Float64Array, r: Int32Array, R: number, c: Int32Array, C: number, firstOpen: number): number {
  let byCols = 0;
  for (let m = 0; m < C; m++) byCols += concentrated(lf, c[m], r, m === 0 ? firstOpen : 0, R);
  let byRows = 0;
  for (let k = 0; k < R; k++) byRows += concentrated(lf, r[k], c, k < firstOpen ? 1 : 0, C);
  return mMin(byCols, byRows);
}

const scratch = new Int32Array(64);

/** max sum log x! over 0 <= x_k <= caps[k] (k in from..to-1) with sum x = total: largest caps first. */
function concentrated(lf: Float64Array, total: number, caps: ArrayLike<number>, from: number, to: number): number {
  const n = to - from;
  const sorted = n <= scratch.length ? scratch : new Int32Array(n);
  for (let k = 0; k < n; k++) {
    // insertion into descending order
    const v = caps[from + k];
    let q = k;
    while (q > 0 && sorted[q - 1] < v) {
      sorted[q] = sorted[q - 1];
      q--;
    }
    sorted[q] = v;
  }
  let rem = total;
  let res = 0;
  for (let k = 0; k < n && rem > 0; k++) {
    const x = mMin(sorted[k], rem);
    res += lf[x];
    rem -= x;
  }
  return rem > 0 ? INF : res;
}

interface Grouped {
  s: Float64Array;
  w: Float64Array;
  /** pasts of child i are at offset[i] .. offset[i + 1] - 1 */
  offset: Int32Array;
}

/**
 * The past scores of one stage: an open-addressing hash table keyed by (child node, score
 * rounded to 1e-10), so equal pasts of a child merge (their multiplicities add).
 */
class PastTable {
  private mask = (1 << 14) - 1;
  private child = new Int32Array(this.mask + 1).fill(-1);
  // no stored key: a slot's key is round(s * KEY_SCALE) of the first score that took it (20 bytes a slot)
  private s = new Float64Array(this.mask + 1);
  private w = new Float64Array(this.mask + 1);
  size = 0;

  add(child: number, score: number, weight: number): void {
    const k = mRound(score * KEY_SCALE);
    let h = mImul((k % 4294967296) ^ mImul((k / 4294967296) | 0, 0x85ebca6b) ^ mImul(child, 0x9e3779b1), 0xc2b2ae35);
    h ^= h >>> 15;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const c = this.child[i];
      if (c === -1) {
        this.child[i] = child;
        this.s[i] = score;
        this.w[i] = weight;
        if (++this.size * 2 > this.mask) this.grow();
        return;
      }
      if (c === child && mRound(this.s[i] * KEY_SCALE) === k) {
        this.w[i] += weight;
        return;
      }
    }
  }

  private grow(): void {
    if (this.size > RXC_MAX_PASTS) throw new RxCBudgetExceeded("memory");
    const { child, s, w } = this;
    this.mask = this.mask * 2 + 1;
    this.child = new Int32Array(this.mask + 1).fill(-1);
    this.s = new Float64Array(this.mask + 1);
    this.w = new Float64Array(this.mask + 1);
    this.size = 0;
    for (let i = 0; i < child.length; i++) if (child[i] !== -1) this.add(child[i], s[i], w[i]);
  }

  /** The pasts grouped by child (counting sort on the child id). */
  group(nChildren: number): Grouped {
    const offset = new Int32Array(nChildren + 1);
    for (let i = 0; i <= this.mask; i++) if (this.child[i] !== -1) offset[this.child[i] + 1]++;
    for (let c = 0; c < nChildren; c++) offset[c + 1] += offset[c];
    const fill = offset.slice(0, nChildren);
    const s = new Float64Array(this.size);
    const w = new Float64Array(this.size);
    for (let i = 0; i <= this.mask; i++) {
      const c = this.child[i];
      if (c === -1) continue;
      s[fill[c]] = this.s[i];
      w[fill[c]++] = this.w[i];
    }
    return { s, w, offset };
  }
}

interface Ctx {
  R: number;
  C: number;
  cols: number[];
  lf: Float64Array;
  suffix: number[];
  lfColsSuffix: number[];
  K: number;
  thr: number;
  work: number;
  budget: number;
  /** work at which the next progress report is due (infinite when nobody listens) */
  nextReport: number;
  dual: Dual;
  /** completions listed so far (memory) */
  listed: number;
  /** most pasts stored for one stage so far */
  peakPasts: number;
  /** scratch cell caps for the dual, rows x columns */
  cap: Int32Array;
  /** scratch row and column totals for partial problems */
  rowBuf: Int32Array;
  colBuf: Int32Array;
}

function spend(ctx: Ctx, units: number): void {
  ctx.work += units;
  if (ctx.work > ctx.budget) throw new RxCBudgetExceeded("time");
  if (ctx.work >= ctx.nextReport) {
    ctx.nextReport = ctx.work + RXC_PROGRESS_EVERY;
    reportProgress({ what: RXC_WHAT, fraction: ctx.work / ctx.budget });
  }
}

/** min over 0 <= x_k <= caps_k (ascending), sum x = total, of sum log x_k! (most even split). */
function minSplit(lf: Float64Array, total: number, capsAsc: number[]): number {
  let rem = total;
  let res = 0;
  const n = capsAsc.length;
  for (let k = 0; k < n; k++) {
    const left = n - k;
    if (capsAsc[k] * left <= rem) {
      res += lf[capsAsc[k]];
      rem -= capsAsc[k];
    } else {
      const q = mFloor(rem / left);
      const extra = rem - q * left;
      return res + extra * lf[q + 1] + (left - extra) * lf[q];
    }
  }
  return res;
}

/**
 * Bounds on the score of any completion of remaining rows rAsc with columns j..C-1.
 * Lower: the Lagrangian dual of the separable convex problem (`dualLowerBound`), which is tight
 * up to rounding after two sweeps and never weaker than the two relaxations below.
 * Upper: relax either the row or the column constraints (each relaxation splits every column,
 * resp. row, on its own) and take the tighter of the two.
 */
function bounds(ctx: Ctx, rAsc: number[], j: number): [number, number] {
  const lf = ctx.lf;
  if (j === ctx.C - 1) {
    let s = 0;
    for (const v of rAsc) s += lf[v];
    return [s, s];
  }
  const cDesc = ctx.cols.slice(j).sort((a, b) => b - a); // the relaxations need sorted caps, whatever the column order
  const cAsc = [...cDesc].reverse();
  let lbCol = 0;
  let ubCol = 0;
  for (const c of cDesc) {
    lbCol += minSplit(lf, c, rAsc);
    ubCol += concentrated(lf, c, rAsc, 0, rAsc.length);
  }
  let lbRow = 0;
  let ubRow = 0;
  for (const r of rAsc) {
    lbRow += minSplit(lf, r, cAsc);
    ubRow += concentrated(lf, r, cDesc, 0, cDesc.length);
  }
  const R = rAsc.length;
  const C = cDesc.length;
  const cap = ctx.cap;
  for (let i = 0; i < R; i++) for (let k = 0; k < C; k++) cap[i * C + k] = mMin(rAsc[i], cDesc[k]);
  const lbDual = ctx.dual.lower(rAsc, R, cDesc, C, cap);
  return [mMax(lbCol, lbRow, lbDual), mMin(ubCol, ubRow)];
}

/**
 * Lower bound on min sum g(x_ij), g(x) = log x!, over integer tables with row sums r, column sums
 * c and cell caps 0 <= x_ij <= cap_ij, by Lagrangian duality: for any multipliers a (rows) and b
 * (columns),
 *   L(a, b) = sum a_i r_i + sum b_j c_j + sum_ij min_{0 <= x <= cap_ij} [g(x) - (a_i + b_j) x]
 * is a lower bound (weak duality), and the inner minimum is explicit because g is convex with
 * increments g(x + 1) - g(x) = log(x + 1): x* = min(cap, floor(e^(a_i + b_j))). The constraints
 * of a capacitated transportation problem are totally unimodular, so the best multipliers give
 * the integer minimum itself (D. P. Bertsekas, "Network Optimization: Continuous and Discrete
 * Models", 1998, ch. 8-9). We start at the independence fit a_i + b_j = log(r_i c_j / n) and take
 * two sweeps of exact coordinate ascent; the value is reduced by a rounding margin so that it
 * stays a bound. Buffers are reused: one instance per computation.
 */
class Dual {
  /** multipliers in exponential form, A_i = e^(a_i), B_j = e^(b_j) */
  private A: Float64Array;
  private B: Float64Array;
  private logB: Float64Array;
  constructor(private readonly lf: Float64Array, maxR: number, maxC: number) {
    this.A = new Float64Array(maxR);
    this.B = new Float64Array(maxC);
    this.logB = new Float64Array(maxC);
  }

  /**
   * The bound for row sums r, column sums c and caps (row-major R x C). Stops early once the
   * bound reaches `enough`, or after the first sweep when it is still more than 1 below it.
   */
  lower(r: ArrayLike<number>, R: number, c: ArrayLike<number>, C: number, cap: Int32Array, enough = INF): number {
    const { A, B } = this;
    let n = 0;
    for (let i = 0; i < R; i++) n += r[i];
    if (n === 0) return 0;
    const root = mSqrt(n);
    for (let i = 0; i < R; i++) A[i] = r[i] / root;
    for (let j = 0; j < C; j++) B[j] = c[j] / root;
    let value = this.value(r, R, c, C, cap);
    for (let sweep = 0; sweep < 2 && value < enough; sweep++) {
      if (sweep === 1 && value < enough - 1) break;
      for (let i = 0; i < R; i++) if (r[i] > 0) A[i] = lineStep(r[i], B, C, cap, i * C, 1, A[i]);
      for (let j = 0; j < C; j++) if (c[j] > 0) B[j] = lineStep(c[j], A, R, cap, j, C, B[j]);
      value = mMax(value, this.value(r, R, c, C, cap));
    }
    return value - 1e-9 * mMax(1, mAbs(value));
  }

  /** L(a, b) at the current multipliers. */
  private value(r: ArrayLike<number>, R: number, c: ArrayLike<number>, C: number, cap: Int32Array): number {
    const { A, B, logB, lf } = this;
    let value = 0;
    // one logarithm per line, not per cell (the cells' terms need a_i + b_j)
    for (let j = 0; j < C; j++) {
      logB[j] = c[j] > 0 ? mLog(B[j]) : 0;
      value += logB[j] * c[j];
    }
    for (let i = 0; i < R; i++) {
      if (r[i] === 0) continue;
      const ai = mLog(A[i]);
      value += ai * r[i];
      for (let j = 0; j < C; j++) {
        const u = cap[i * C + j];
        if (u === 0) continue;
        const e = A[i] * B[j];
        if (!(e >= 1)) continue;
        const x = mMin(u, mFloor(e * (1 + 1e-12)));
        value += lf[x] - (ai + logB[j]) * x;
      }
    }
    return value;
  }
}

/**
 * Exact maximisation of the dual in the multiplier E = e^t of one line (row or column) whose cells
 * have weights w_k (the other multipliers, exponential form) and caps cap[first + k * stride]:
 * the smallest E at which sum_k min(cap_k, floor(E w_k)) reaches the margin (the slope of the
 * dual in t is margin minus that count). Water-filling over the uncapped cells never overshoots;
 * the remaining floor deficits are walked breakpoint by breakpoint, E = (x_k + 1) / w_k.
 */
function lineStep(target: number, w: Float64Array, K: number, cap: Int32Array, first: number, stride: number, current: number): number {
  let E = 0;
  for (let round = 0; round < 2 * K + 4; round++) {
    let count = 0;
    let cappedSum = 0;
    let openWeight = 0;
    for (let k = 0; k < K; k++) {
      const u = cap[first + k * stride];
      if (u === 0) continue;
      const x = mMin(u, mFloor(E * w[k] * (1 + 1e-12)));
      count += x;
      if (x === u) cappedSum += u;
      else openWeight += w[k];
    }
    if (count >= target) return E;
    if (openWeight === 0) return E > 0 ? E : current; // margin beyond the caps (infeasible): keep a valid multiplier
    const fill = (target - cappedSum) / openWeight;
    if (fill > E * (1 + 1e-9)) {
      E = fill;
      continue;
    }
    let next = INF;
    for (let k = 0; k < K; k++) {
      const u = cap[first + k * stride];
      if (u === 0) continue;
      const x = mMin(u, mFloor(E * w[k] * (1 + 1e-12)));
      if (x < u) next = mMin(next, (x + 1) / w[k]);
    }
    E = next;
  }
  return E > 0 && Number.isFinite(E) ? E : current;
}

/**
 * Calls visit(x, score, mult) for every filling x of column total c into rows with caps r
 * (ascending; x is reused). Rows with equal totals are interchangeable, so within such a group
 * only non-increasing fillings are listed, each standing for its `mult` distinct permutations
 * (g! / prod m_v! for a group of g rows in which value v occurs m_v times).
 *
 * prune(x, i, left, score, mult, whole) is asked before rows i.. (0 < i < R - 1) are filled and
 * may skip them; `whole` says that row i starts a group, so that the listed fillings below
 * (times their multiplicities) are mult times all fillings of rows i.. .
 */
function fillings(
  r: number[], c: number, lf: Float64Array, visit: (x: number[], score: number, mult: number) => void,
  prune?: (x: number[], i: number, left: number, score: number, mult: number, whole: boolean) => boolean,
): void {
  const R = r.length;
  const capAfter = new Array<number>(R + 1).fill(0);
  for (let i = R - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + r[i];
  const x = new Array<number>(R).fill(0);
  // position of row i within its group of equal totals (1-based)
  const pos = new Array<number>(R).fill(1);
  for (let i = 1; i < R; i++) if (r[i] === r[i - 1]) pos[i] = pos[i - 1] + 1;
  // run: how often x[i - 1] occurs at the end of its group so far
  const rec = (i: number, left: number, score: number, mult: number, run: number): void => {
    const tied = pos[i] > 1;
    if (i === R - 1) {
      if (tied && left > x[i - 1]) return;
      x[i] = left;
      const runNew = tied && left === x[i - 1] ? run + 1 : 1;
      visit(x, score + lf[left], tied ? (mult * pos[i]) / runNew : mult);
      return;
    }
    if (prune && i > 0 && prune(x, i, left, score, mult, !tied)) return;
    const lo = mMax(0, left - capAfter[i + 1]);
    const hi = mMin(r[i], left, tied ? x[i - 1] : INF);
    for (let v = lo; v <= hi; v++) {
      x[i] = v;
      const runNew = tied && v === x[i - 1] ? run + 1 : 1;
      rec(i + 1, left - v, score + lf[v], tied ? (mult * pos[i]) / runNew : mult, runNew);
    }
  };
  if (c <= capAfter[0]) rec(0, c, 0, 1, 1);
}

/** Sorted remaining margins as a map key (mixed radix when exact, else a string). */
function keyOf(v: number[], N: number): number | string {
  const n = v.length;
  const sorted = keyScratch.length >= n ? keyScratch : new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const x = v[k];
    let q = k;
    while (q > 0 && sorted[q - 1] > x) {
      sorted[q] = sorted[q - 1];
      q--;
    }
    sorted[q] = x;
  }
  if (mPow(N + 1, n) >= Number.MAX_SAFE_INTEGER) return Array.from(sorted.subarray(0, n)).join(",");
  let key = 0;
  for (let k = 0; k < n; k++) key = key * (N + 1) + sorted[k];
  return key;
}
const keyScratch = new Int32Array(64);
