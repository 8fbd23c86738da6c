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
 */
import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * Work budget (enumerated column fillings + past scores moved along arcs + new nodes).
 * Beyond the budget the p-value is simulated and says so.
 */
export const RXC_EXACT_BUDGET = 5_000_000;
/**
 * Memory budget: past scores stored for one stage. The hash table holds at most 2^21 slots of
 * 28 bytes, about 60 MB, plus the grouped copy (16 bytes per past).
 */
export const RXC_MAX_PASTS = 1_000_000;

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
export function rxcExactP(rowSums0: number[], colSums0: number[], sObs: number, budget = RXC_EXACT_BUDGET): number {
  // fewer rows than columns keeps the column fillings small; large columns first
  const [rowSums, colSums] = rowSums0.length <= colSums0.length ? [rowSums0, colSums0] : [colSums0, rowSums0];
  const cols = [...colSums].sort((a, b) => b - a);
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
  const thr = sObs - RXC_TIE_TOLERANCE - 1e-12 * Math.max(1, sObs);
  const ctx: Ctx = { R, C, cols, lf, suffix, lfColsSuffix, K, thr, work: 0, budget };

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
      const pasts = sortedPasts(past.s.subarray(a, past.offset[i + 1]), past.w.subarray(a, past.offset[i + 1]));
      p += stage ? expand(ctx, nodes[i], j, pasts, stage) : lastColumns(ctx, nodes[i], j, pasts);
    }
    if (!stage) break;
    past = stage.table.group(stage.nodes.length);
    nodes = stage.nodes;
  }
  return Math.min(1, p);
}

interface NodeInfo {
  /** remaining row totals, ascending */
  r: number[];
  lb: number;
  ub: number;
  /** log of the total mass sum over completions of exp(-score) (multinomial identity) */
  logMass: number;
}

function nodeInfo(ctx: Ctx, rAsc: number[], j: number): NodeInfo {
  const [lb, ub] = bounds(ctx, rAsc, j);
  let logMass = ctx.lf[ctx.suffix[j]] - ctx.lfColsSuffix[j];
  for (const v of rAsc) logMass -= ctx.lf[v];
  return { r: rAsc, lb, ub, logMass };
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
      spend(this.ctx, 50);
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
  tail: Float64Array;
}

function sortedPasts(s0: Float64Array, w0: Float64Array): Pasts {
  const n = s0.length;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => s0[a] - s0[b]);
  const s = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    s[k] = s0[order[k]];
    w[k] = w0[order[k]];
  }
  const tail = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) tail[k] = tail[k + 1] + w[k] * Math.exp(s[0] - s[k]);
  return { s, w, tail };
}

/** First index k with s[k] >= t (s ascending). */
function firstAtLeast(s: Float64Array, t: number): number {
  let a = 0;
  let b = s.length;
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
 * a range.
 */
function expand(ctx: Ctx, v: NodeInfo, j: number, pasts: Pasts, stage: Stage): number {
  const rest = new Array<number>(v.r.length);
  const { s, w, tail } = pasts;
  const base = ctx.K - s[0];
  let p = 0;
  fillings(v.r, ctx.cols[j], ctx.lf, (x, a) => {
    for (let i = 0; i < rest.length; i++) rest[i] = v.r[i] - x[i];
    const id = stage.node(rest);
    const u = stage.nodes[id];
    const hi = firstAtLeast(s, ctx.thr - u.lb - a);
    if (hi < s.length) p += Math.exp(base - a + u.logMass) * tail[hi];
    const lo = firstAtLeast(s, ctx.thr - u.ub - a);
    spend(ctx, 1 + (hi - lo));
    for (let k = lo; k < hi; k++) stage.table.add(id, s[k] + a, w[k]);
  });
  return p;
}

/** Two columns left: the filling of column j fixes the last column, so every past is decided. */
function lastColumns(ctx: Ctx, v: NodeInfo, j: number, pasts: Pasts): number {
  const lf = ctx.lf;
  const r = v.r;
  const { s, tail } = pasts;
  const base = ctx.K - s[0];
  let p = 0;
  let arcs = 0;
  fillings(r, ctx.cols[j], lf, (x, a) => {
    arcs++;
    let f = a;
    for (let i = 0; i < r.length; i++) f += lf[r[i] - x[i]];
    const k = firstAtLeast(s, ctx.thr - f);
    if (k < s.length) p += Math.exp(base - f) * tail[k];
  });
  spend(ctx, arcs * 2);
  return p;
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
  private key = new Float64Array(this.mask + 1);
  private s = new Float64Array(this.mask + 1);
  private w = new Float64Array(this.mask + 1);
  size = 0;

  add(child: number, score: number, weight: number): void {
    const k = Math.round(score * KEY_SCALE);
    let h = Math.imul((k % 4294967296) ^ Math.imul((k / 4294967296) | 0, 0x85ebca6b) ^ Math.imul(child, 0x9e3779b1), 0xc2b2ae35);
    h ^= h >>> 15;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const c = this.child[i];
      if (c === -1) {
        this.child[i] = child;
        this.key[i] = k;
        this.s[i] = score;
        this.w[i] = weight;
        if (++this.size * 2 > this.mask) this.grow();
        return;
      }
      if (c === child && this.key[i] === k) {
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
    this.key = new Float64Array(this.mask + 1);
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
}

function spend(ctx: Ctx, units: number): void {
  ctx.work += units;
  if (ctx.work > ctx.budget) throw new RxCBudgetExceeded("time");
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
      const q = Math.floor(rem / left);
      const extra = rem - q * left;
      return res + extra * lf[q + 1] + (left - extra) * lf[q];
    }
  }
  return res;
}

/** max of the same (most concentrated split: greedily into the largest caps). */
function maxSplit(lf: Float64Array, total: number, capsDesc: number[]): number {
  let rem = total;
  let res = 0;
  for (const c of capsDesc) {
    if (rem <= 0) break;
    const x = Math.min(c, rem);
    res += lf[x];
    rem -= x;
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
  const rDesc = [...rAsc].reverse();
  const cDesc = ctx.cols.slice(j);
  const cAsc = [...cDesc].reverse();
  let lbCol = 0;
  let ubCol = 0;
  for (const c of cDesc) {
    lbCol += minSplit(lf, c, rAsc);
    ubCol += maxSplit(lf, c, rDesc);
  }
  let lbRow = 0;
  let ubRow = 0;
  for (const r of rAsc) {
    lbRow += minSplit(lf, r, cAsc);
    ubRow += maxSplit(lf, r, cDesc);
  }
  const lbDual = dualLowerBound(lf, rAsc, cDesc, ctx.suffix[j]);
  return [Math.max(lbCol, lbRow, lbDual), Math.min(ubCol, ubRow)];
}

/**
 * Lower bound on min sum g(x_ij), g(x) = log x!, over integer tables with row sums r and column
 * sums c, by Lagrangian duality: for any multipliers a (rows) and b (columns),
 *   L(a, b) = sum a_i r_i + sum b_j c_j + sum_ij min_{0 <= x <= min(r_i, c_j)} [g(x) - (a_i + b_j) x]
 * is a lower bound (weak duality), and the inner minimum is explicit because g is convex with
 * increments g(x + 1) - g(x) = log(x + 1): x* = min(cap, floor(e^(a_i + b_j))). The transportation
 * constraints are totally unimodular, so the best multipliers give the integer minimum itself
 * (e.g. Bertsekas, "Network Optimization: Continuous and Discrete Models", 1998, ch. 8-9). We
 * start at the independence fit a_i + b_j = log(r_i c_j / n) and take two sweeps of exact
 * coordinate ascent. The value is reduced by a rounding margin so that it stays a bound.
 */
function dualLowerBound(lf: Float64Array, r: number[], c: number[], n: number): number {
  const R = r.length;
  const C = c.length;
  const half = Math.log(n) / 2;
  const a = r.map((v) => Math.log(v) - half);
  const b = c.map((v) => Math.log(v) - half);
  const capRow = (i: number) => c.map((cj) => Math.min(r[i], cj));
  const capCol = (j: number) => r.map((ri) => Math.min(ri, c[j]));
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let i = 0; i < R; i++) if (r[i] > 0) a[i] = coordinateStep(r[i], b, capRow(i));
    for (let j = 0; j < C; j++) if (c[j] > 0) b[j] = coordinateStep(c[j], a, capCol(j));
  }
  let value = 0;
  for (let i = 0; i < R; i++) value += Number.isFinite(a[i]) ? a[i] * r[i] : 0;
  for (let j = 0; j < C; j++) value += Number.isFinite(b[j]) ? b[j] * c[j] : 0;
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const lam = a[i] + b[j];
      if (!(lam > 0)) continue;
      const cap = Math.min(r[i], c[j]);
      const x = Math.min(cap, Math.floor(Math.exp(lam)));
      value += lf[x] - lam * x;
    }
  }
  return value - 1e-9 * Math.max(1, Math.abs(value));
}

/**
 * Exact maximisation of the dual in one multiplier t (others fixed at offsets o): the smallest t
 * at which sum_k min(cap_k, floor(e^(t + o_k))) reaches the margin. Starts just below the
 * continuous solution and walks the breakpoints t = log m - o_k upwards.
 */
function coordinateStep(target: number, o: number[], cap: number[]): number {
  const K = o.length;
  // cells of this line at multiplier t (the 1e-9 keeps a breakpoint on its upper step)
  const cell = (t: number, k: number): number => (cap[k] > 0 && t + o[k] > 0 ? Math.min(cap[k], Math.floor(Math.exp(t + o[k]) * (1 + 1e-12) + 1e-9)) : 0);
  const count = (t: number): number => {
    let s = 0;
    for (let k = 0; k < K; k++) s += cell(t, k);
    return s;
  };
  let sumExp = 0;
  for (let k = 0; k < K; k++) if (cap[k] > 0 && Number.isFinite(o[k])) sumExp += Math.exp(o[k]);
  let t = Math.log(target / sumExp);
  // the continuous guess can overshoot where cells are capped: step down until below the margin
  for (let step = 0.25; count(t) >= target; step *= 2) t -= step;
  for (let n = count(t); n < target; ) {
    let next = Infinity;
    for (let k = 0; k < K; k++) {
      const x = cell(t, k);
      if (cap[k] <= 0 || x >= cap[k] || !Number.isFinite(o[k])) continue;
      next = Math.min(next, Math.log(x + 1) - o[k]);
    }
    if (!(next > t)) return t; // every cell at its cap (infeasible margins) or no progress: t is still valid
    t = next;
    n = count(t);
  }
  return t;
}

/** Calls visit(x, score) for every filling x of column total c into rows with caps r (x is reused). */
function fillings(r: number[], c: number, lf: Float64Array, visit: (x: number[], score: number) => void): void {
  const R = r.length;
  const capAfter = new Array<number>(R + 1).fill(0);
  for (let i = R - 1; i >= 0; i--) capAfter[i] = capAfter[i + 1] + r[i];
  const x = new Array<number>(R).fill(0);
  const rec = (i: number, left: number, score: number): void => {
    if (i === R - 1) {
      x[i] = left;
      visit(x, score + lf[left]);
      return;
    }
    const lo = Math.max(0, left - capAfter[i + 1]);
    const hi = Math.min(r[i], left);
    for (let v = lo; v <= hi; v++) {
      x[i] = v;
      rec(i + 1, left - v, score + lf[v]);
    }
  };
  if (c <= capAfter[0]) rec(0, c, 0);
}

/** Sorted remaining margins as a map key (mixed radix when exact, else a string). */
function keyOf(v: number[], N: number): number | string {
  const sorted = [...v].sort((a, b) => a - b);
  if (Math.pow(N + 1, v.length) >= Number.MAX_SAFE_INTEGER) return sorted.join(",");
  let key = 0;
  for (const x of sorted) key = key * (N + 1) + x;
  return key;
}
