/**
 * Status transitions from the comparison's case data: for each pair of consecutive time points and
 * each group, a from/to table of statuses (how many went from kontanthjælp to praktik, from praktik
 * to job, …) with row totals, and the share that moved towards the slutmål. Also the status
 * distribution per time point per group (for the stacked bar chart).
 *
 * Input is the comparison's Dataset (src/core/data readDataset) or the same shape as plain arrays.
 * One pass over the citizens per pair of time points; counts in typed arrays (1,048,575 citizens ×
 * 4 time points well under a second).
 *
 * "Towards the slutmål": the caller gives a ladder, levels of statuses ordered from farthest from
 * the goal to the goal itself (normalised like every status label; a level may hold several
 * statuses, e.g. [every other valid status, the slutmål's statuses]). A move up the ladder counts as towards the
 * goal; the share's denominator is the citizens with a status on the ladder at both time points.
 */
import { normaliseKey } from "../data";

export interface TransitionInput {
  /** Status labels; codes index into this list. */
  statuses: { label: string }[];
  timepoints: { month: number; label?: string; codes: ArrayLike<number> }[];
  /** 0 = intervention, 1 = control, other = unknown; omitted: one group "all". */
  arm?: ArrayLike<number>;
}

export type TransitionGroup = "all" | "intervention" | "control";

export interface TransitionTable {
  fromMonth: number;
  toMonth: number;
  group: TransitionGroup;
  /** counts[from][to]; the last row / column is "ingen status" (blank). */
  counts: number[][];
  rowTotals: number[];
  /** Citizens with a ladder status at both time points. */
  ladderN: number;
  towardsGoal: number;
  awayFromGoal: number;
}

export interface StatusDistribution {
  month: number;
  group: TransitionGroup;
  /** counts[status]; the last entry is "ingen status". */
  counts: number[];
  total: number;
}

export interface TransitionResult {
  /** Status labels in table order; the tables add "ingen status" last. */
  statuses: string[];
  groups: TransitionGroup[];
  tables: TransitionTable[];
  distributions: StatusDistribution[];
}

/** A ladder level: one status, or several statuses equally far from the slutmål. */
export type LadderLevel = string | string[];

/** Ladder rank per status (−1 = not on the ladder). */
export function ladderRanks(statuses: { label: string }[], ladder: LadderLevel[]): Int32Array {
  const rank = new Map<string, number>();
  ladder.forEach((level, i) => (Array.isArray(level) ? level : [level]).forEach((s) => rank.set(normaliseKey(s), i)));
  return Int32Array.from(statuses.map((s) => rank.get(normaliseKey(s.label)) ?? -1));
}

function groupsOf(input: TransitionInput, n: number): { groups: TransitionGroup[]; of: Uint8Array } {
  const of = new Uint8Array(n);
  if (!input.arm) return { groups: ["all"], of };
  const arm = input.arm;
  for (let i = 0; i < n; i++) of[i] = arm[i] === 0 ? 0 : arm[i] === 1 ? 1 : 2;
  return { groups: ["intervention", "control"], of };
}

function citizenCount(input: TransitionInput): number {
  return input.timepoints.length ? input.timepoints[0].codes.length : (input.arm?.length ?? 0);
}

/** Transitions between consecutive time points (sorted by month), per group. */
export function statusTransitions(input: TransitionInput, ladder: LadderLevel[] = []): TransitionResult {
  const n = citizenCount(input);
  const S = input.statuses.length;
  const W = S + 1; // + blank
  const { groups, of } = groupsOf(input, n);
  const rank = ladderRanks(input.statuses, ladder);
  const tps = [...input.timepoints].sort((a, b) => a.month - b.month);
  const tables: TransitionTable[] = [];
  for (let p = 0; p + 1 < tps.length; p++) {
    const from = tps[p].codes;
    const to = tps[p + 1].codes;
    const counts = new Int32Array(3 * W * W);
    const moves = new Int32Array(3 * 3); // per group: ladderN, towards, away
    for (let i = 0; i < n; i++) {
      const g = of[i];
      const x = from[i];
      const y = to[i];
      const a = x >= 0 && x < S ? x : S;
      const b = y >= 0 && y < S ? y : S;
      counts[g * W * W + a * W + b]++;
      if (a < S && b < S && rank[a] >= 0 && rank[b] >= 0) {
        moves[g * 3]++;
        if (rank[b] > rank[a]) moves[g * 3 + 1]++;
        else if (rank[b] < rank[a]) moves[g * 3 + 2]++;
      }
    }
    groups.forEach((group, g) => {
      const m: number[][] = [];
      for (let a = 0; a < W; a++) m.push(Array.from(counts.subarray(g * W * W + a * W, g * W * W + (a + 1) * W)));
      tables.push({
        fromMonth: tps[p].month,
        toMonth: tps[p + 1].month,
        group,
        counts: m,
        rowTotals: m.map((r) => r.reduce((s, x) => s + x, 0)),
        ladderN: moves[g * 3],
        towardsGoal: moves[g * 3 + 1],
        awayFromGoal: moves[g * 3 + 2],
      });
    });
  }
  return { statuses: input.statuses.map((s) => s.label), groups, tables, distributions: distributions(tps, groups, of, S) };
}

function distributions(tps: TransitionInput["timepoints"], groups: TransitionGroup[], of: Uint8Array, S: number): StatusDistribution[] {
  const out: StatusDistribution[] = [];
  for (const tp of tps) {
    const counts = new Int32Array(3 * (S + 1));
    for (let i = 0; i < tp.codes.length; i++) {
      const c = tp.codes[i];
      counts[of[i] * (S + 1) + (c >= 0 && c < S ? c : S)]++;
    }
    groups.forEach((group, g) => {
      const part = Array.from(counts.subarray(g * (S + 1), (g + 1) * (S + 1)));
      out.push({ month: tp.month, group, counts: part, total: part.reduce((s, x) => s + x, 0) });
    });
  }
  return out;
}
