/**
 * Exact r x c Fisher p-value by a network algorithm.
 *
 * References: C. R. Mehta and N. R. Patel (1983), "A network algorithm for performing Fisher's
 * exact test in r x c contingency tables", JASA 78:427-434; Mehta and Patel (1986), "Algorithm
 * 643: FEXACT", ACM TOMS 12:154-161; D. B. Clarkson, Y. Fan and H. Joe (1993), "A remark on
 * algorithm 643", ACM TOMS 19:484-488. Written from the papers' description, not from code.
 *
 * p = sum of P(T) over tables T with the observed margins and P(T) <= P(observed) (1 + 1e-7)
 * (R's rule). With cell score s(T) = sum log x_ij!, P(T) = exp(K - s(T)), K = sum log r_i! +
 * sum log c_j! - log N!, so a table counts when s(T) >= thr = s(observed) - log(1 + 1e-7).
 *
 * The network: stage j has filled columns 0..j-1; a node is the multiset of remaining row totals
 * (sorted, so equivalent nodes merge); an arc fills one column. Each node keeps its distinct
 * "past" scores (partial sums of log x!) with their multiplicities. For a node, lower and upper
 * bounds of the score of any completion (shortest and longest path) decide whole subtrees at
 * once: if past + lower >= thr every completion counts and the node's total mass has a closed
 * form (multinomial identity); if past + upper < thr none does. Only undecided pasts travel on.
 * At the node two columns before the end, the completions are listed once, sorted by score with
 * suffix sums of their masses, and every undecided past is answered by a binary search.
 */
import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * Work budget (enumerated column fillings + past scores moved along arcs + listed completions).
 * Measured on the 330 baseline tables R answers exactly (scripts/fixtures/generate-fisher-rxc.R),
 * on the 2-core CI machine: 5·10⁶ units answer 265 of them exactly, the slowest in ≈ 5 s and a
 * refusal in ≈ 1 s; 25·10⁶ answer 285 but a refusal then takes ≈ 6 s, too long for a pane that
 * computes Tabel 1 while the user waits. Beyond the budget the p-value is simulated and says so.
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
  const thr = sObs - Math.log1p(1e-7) - 1e-12 * Math.max(1, sObs);
  const ctx: Ctx = { R, C, cols, lf, suffix, lfColsSuffix, K, thr, work: 0, budget };

  const start = [...rowSums].sort((a, b) => a - b);
  let nodes: number[][] = [start];
  let past: Grouped = { s: Float64Array.of(0), w: Float64Array.of(1), offset: Int32Array.of(0, 1) };
  let p = 0;
  for (let j = 0; j < C - 1 && nodes.length > 0; j++) {
    const table = j < C - 2 ? new PastTable() : undefined;
    const children: number[][] = [];
    const childIds = new Map<number | string, number>();
    for (let i = 0; i < nodes.length; i++) {
      const a = past.offset[i];
      const open = settle(ctx, nodes[i], j, past.s.subarray(a, past.offset[i + 1]), past.w.subarray(a, past.offset[i + 1]));
      p += open.mass;
      if (open.s.length === 0) continue;
      if (table) expand(ctx, nodes[i], j, open.s, open.w, table, children, childIds);
      else p += lastTwoColumns(ctx, nodes[i], j, open.s, open.w);
    }
    if (table) past = table.group(children.length);
    nodes = children;
  }
  return Math.min(1, p);
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

/** Decide the pasts of a node by the path bounds: mass of those that count, and the undecided ones. */
function settle(ctx: Ctx, r: number[], j: number, ps: Float64Array, pw: Float64Array): { mass: number; s: number[]; w: number[] } {
  const [lb, ub] = bounds(ctx, r, j);
  const lf = ctx.lf;
  let logMass = lf[ctx.suffix[j]] - ctx.lfColsSuffix[j];
  for (const v of r) logMass -= lf[v];
  let mass = 0;
  const s: number[] = [];
  const w: number[] = [];
  for (let k = 0; k < ps.length; k++) {
    const past = ps[k];
    if (past + lb >= ctx.thr) mass += pw[k] * Math.exp(ctx.K - past + logMass);
    else if (past + ub >= ctx.thr) {
      s.push(past);
      w.push(pw[k]);
    }
  }
  spend(ctx, ps.length);
  return { mass, s, w };
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
 * Bounds on the score of any completion of remaining rows rAsc with columns j..C-1: relax either
 * the row or the column constraints (each relaxation splits every column, resp. row, on its own)
 * and take the tighter of the two.
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
  return [Math.max(lbCol, lbRow), Math.min(ubCol, ubRow)];
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

/** Fill column j in every way; add the undecided pasts (plus the arc score) to the children's pasts. */
function expand(ctx: Ctx, r: number[], j: number, s: number[], w: number[], table: PastTable, children: number[][], ids: Map<number | string, number>): void {
  const rest = new Array<number>(r.length);
  fillings(r, ctx.cols[j], ctx.lf, (x, score) => {
    spend(ctx, 1 + s.length);
    for (let i = 0; i < r.length; i++) rest[i] = r[i] - x[i];
    const key = keyOf(rest, ctx.suffix[0]);
    let id = ids.get(key);
    if (id === undefined) {
      id = children.length;
      ids.set(key, id);
      children.push([...rest].sort((a, b) => a - b));
    }
    for (let k = 0; k < s.length; k++) table.add(id, s[k] + score, w[k]);
  });
}

/**
 * Node with two columns left: list the scores f of all completions (column j filled with x, the
 * last column with r - x), sort them, and for each past s add w exp(K - s) sum_{f >= thr - s} exp(-f).
 */
function lastTwoColumns(ctx: Ctx, r: number[], j: number, s: number[], w: number[]): number {
  const lf = ctx.lf;
  const scores: number[] = [];
  fillings(r, ctx.cols[j], lf, (x, score) => {
    let f = score;
    for (let i = 0; i < r.length; i++) f += lf[r[i] - x[i]];
    scores.push(f);
  });
  spend(ctx, scores.length * 2 + s.length * 20);
  const f = Float64Array.from(scores).sort();
  const n = f.length;
  const f0 = f[0];
  // tail[k] = sum_{i >= k} exp(-(f_i - f0)), summed from the smallest terms up
  const tail = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) tail[k] = tail[k + 1] + Math.exp(f0 - f[k]);
  let p = 0;
  for (let k = 0; k < s.length; k++) {
    const t = ctx.thr - s[k];
    let a = 0;
    let b = n;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (f[mid] >= t) b = mid;
      else a = mid + 1;
    }
    if (a < n) p += w[k] * Math.exp(ctx.K - s[k] - f0) * tail[a];
  }
  return p;
}
