/**
 * runProgression: the headless progression analysis (issue 10), callable with plain arrays like
 * runComparison. Per delmål: citizens measured, first and latest score, share improved / unchanged /
 * worse, median change and Wilcoxon's signed-rank test (latest vs first); reached / not reached
 * with McNemar where the indicator has a threshold; between groups, Mann–Whitney on the change
 * and the share improved under the comparison's test policy; citizen vs caseworker agreement.
 *
 * "First" and "latest" are a citizen's earliest and latest rounds with a score for that delmål;
 * citizens with one scored round count as measured but not in the change.
 */
import { mapGroupLabel, normaliseKey, type Arm } from "../data";
import { mean, type Text } from "../stats";
import { ancova } from "../analysis/ancova";
import { mcnemar, policyTest, rankSum, signedRank } from "./tests";
import type {
  ChangeSummary,
  GroupComparison,
  ItemAncova,
  ItemResult,
  ProgressionInput,
  ProgressionOptions,
  ProgressionResult,
  Rater,
  RaterAgreement,
  ReachedSummary,
  RoundSummary,
  ScaleItem,
  ScoreRow,
} from "./types";

const ARMS: Arm[] = ["intervention", "control"];

/** Median of small whole numbers (scores, changes) by counting: O(n); null when the values are not such. */
function countingMedian(x: number[]): number | null {
  const OFFSET = 512;
  const counts = new Int32Array(2 * OFFSET + 1);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isInteger(v) || v < -OFFSET || v > OFFSET) return null;
    counts[v + OFFSET]++;
  }
  const kth = (k: number): number => {
    let seen = 0;
    for (let j = 0; j < counts.length; j++) {
      seen += counts[j];
      if (seen > k) return j - OFFSET;
    }
    return NaN;
  };
  const h = x.length >> 1;
  return x.length % 2 === 1 ? kth(h) : (kth(h - 1) + kth(h)) / 2;
}

/**
 * Median as R's median() (mean of the two middle values for even n). A typed-array sort: the
 * analysis takes hundreds of medians of up to 10⁵ scores, where the comparator sort of
 * stats.median costs most of the time. Checked against R in the progression fixtures.
 */
function median(x: number[]): number {
  const counted = countingMedian(x);
  if (counted !== null) return counted;
  const s = Float64Array.from(x).sort();
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}
const NO_ARM = 255;

function t(da: string, en: string): Text {
  return { da, en };
}

/** Rows per citizen, sorted by round. */
interface Citizens {
  ids: string[];
  arm: Uint8Array;
  /** Group labels that are neither intervention nor control (their citizens are left out of the group comparison). */
  unmapped: Set<string>;
  /** Row indices of citizen c: order[start[c] .. start[c + 1]). */
  order: Int32Array;
  start: Int32Array;
}

function groupCitizens(rows: ScoreRow[], use: (r: ScoreRow) => boolean, groupMap: Record<string, Arm>): Citizens {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const of = new Int32Array(rows.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    if (!use(rows[i])) continue;
    let c = index.get(rows[i].citizen);
    if (c === undefined) {
      c = ids.length;
      index.set(rows[i].citizen, c);
      ids.push(rows[i].citizen);
    }
    of[i] = c;
  }
  const arm = new Uint8Array(ids.length).fill(NO_ARM);
  const unmapped = new Set<string>();
  const count = new Int32Array(ids.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const c = of[i];
    if (c < 0) continue;
    count[c + 1]++;
    const g = rows[i].group;
    if (arm[c] === NO_ARM && g) {
      const a = mapGroupLabel(g, groupMap);
      if (a) arm[c] = a === "intervention" ? 0 : 1;
      else unmapped.add(g);
    }
  }
  const start = new Int32Array(ids.length + 1);
  for (let c = 0; c < ids.length; c++) start[c + 1] = start[c] + count[c + 1];
  const fillAt = start.slice(0, ids.length);
  const order = new Int32Array(start[ids.length]);
  for (let i = 0; i < rows.length; i++) if (of[i] >= 0) order[fillAt[of[i]]++] = i;
  for (let c = 0; c < ids.length; c++) {
    const part = order.subarray(start[c], start[c + 1]);
    if (part.length > 1) part.sort((a, b) => rows[a].round - rows[b].round);
  }
  return { ids, arm, order, start, unmapped };
}

function emptyChange(): ChangeSummary {
  return { paired: 0, improved: 0, unchanged: 0, worse: 0, medianChange: null };
}

function changeOf(first: number[], latest: number[]): ChangeSummary {
  const d = latest.map((v, i) => v - first[i]);
  const s = emptyChange();
  s.paired = d.length;
  for (const x of d) {
    if (x > 0) s.improved++;
    else if (x < 0) s.worse++;
    else s.unchanged++;
  }
  s.medianChange = d.length ? median(d) : null;
  return s;
}

function orNull(f: (x: number[]) => number, x: number[]): number | null {
  return x.length ? f(x) : null;
}

interface Pairs {
  first: number[];
  latest: number[];
  arm: number[];
  measured: number;
  /** Scores per round per arm (index 2 = unknown arm). */
  byRound: Map<number, number[][]>;
}

function collect(rows: ScoreRow[], cz: Citizens, k: number): Pairs {
  const p: Pairs = { first: [], latest: [], arm: [], measured: 0, byRound: new Map() };
  for (let c = 0; c < cz.ids.length; c++) {
    let firstIdx = -1;
    let lastIdx = -1;
    for (let j = cz.start[c]; j < cz.start[c + 1]; j++) {
      const r = rows[cz.order[j]];
      const v = r.scores[k];
      if (v === null || v === undefined) continue;
      if (firstIdx < 0) firstIdx = j;
      lastIdx = j;
      let lists = p.byRound.get(r.round);
      if (!lists) p.byRound.set(r.round, (lists = [[], [], []]));
      lists[cz.arm[c] === NO_ARM ? 2 : cz.arm[c]].push(v);
    }
    if (firstIdx < 0) continue;
    p.measured++;
    const a = rows[cz.order[firstIdx]];
    const b = rows[cz.order[lastIdx]];
    if (a.round === b.round) continue;
    p.first.push(a.scores[k] as number);
    p.latest.push(b.scores[k] as number);
    p.arm.push(cz.arm[c]);
  }
  return p;
}

function roundSummaries(p: Pairs): RoundSummary[] {
  return [...p.byRound.keys()]
    .sort((a, b) => a - b)
    .map((round) => {
      const [i, c, u] = p.byRound.get(round) as number[][];
      const all = i.concat(c, u);
      return {
        round,
        n: { all: all.length, intervention: i.length, control: c.length },
        mean: { all: orNull(mean, all), intervention: orNull(mean, i), control: orNull(mean, c) },
        median: { all: orNull(median, all), intervention: orNull(median, i), control: orNull(median, c) },
      };
    });
}

function reachedOf(item: ScaleItem, p: Pairs, notes: Text[]): ReachedSummary | null {
  if (item.reachedAt === null) return null;
  const at = item.reachedAt;
  const table: [[number, number], [number, number]] = [[0, 0], [0, 0]];
  p.first.forEach((f, i) => {
    const l = p.latest[i];
    table[f >= at ? 0 : 1][l >= at ? 0 : 1]++;
  });
  // Rows: first reached yes/no; columns: latest reached yes/no. McNemar's b and c are the discordant cells.
  const test = p.first.length ? mcnemar(table, notes, t("Nået (McNemar)", "Reached (McNemar)")) : null;
  return { table, test };
}

function groupsOf(p: Pairs, policy: ProgressionOptions["testPolicy"], notes: Text[]): GroupComparison {
  const split = (a: number) => {
    const f: number[] = [];
    const l: number[] = [];
    p.arm.forEach((x, i) => {
      if (x === a) {
        f.push(p.first[i]);
        l.push(p.latest[i]);
      }
    });
    return { f, l, d: l.map((v, i) => v - f[i]) };
  };
  const [gi, gc] = [split(0), split(1)];
  const change = { intervention: changeOf(gi.f, gi.l), control: changeOf(gc.f, gc.l) };
  const changeTest = rankSum(gi.d, gc.d, notes, t("Ændring mellem grupper (Mann–Whitney)", "Change between groups (Mann–Whitney)"));
  const ci = change.intervention;
  const cc = change.control;
  const improvedTest =
    ci.paired > 0 && cc.paired > 0
      ? policyTest([[ci.improved, ci.paired - ci.improved], [cc.improved, cc.paired - cc.improved]], policy ?? "auto", notes, t("Andel forbedret mellem grupper", "Share improved between groups"))
      : null;
  return { change, changeTest, improvedTest };
}

function analyseItem(rows: ScoreRow[], cz: Citizens, k: number, item: ScaleItem, opts: { groups: boolean; policy: ProgressionOptions["testPolicy"] }): ItemResult {
  const notes: Text[] = [];
  const p = collect(rows, cz, k);
  const changeTest = signedRank(p.latest, p.first, notes, t("Første mod seneste måling", "First vs latest score"));
  return {
    item,
    measured: p.measured,
    firstMedian: orNull(median, p.first),
    latestMedian: orNull(median, p.latest),
    firstMean: orNull(mean, p.first),
    latestMean: orNull(mean, p.latest),
    change: changeOf(p.first, p.latest),
    changeTest,
    reached: reachedOf(item, p, notes),
    groups: opts.groups ? groupsOf(p, opts.policy, notes) : null,
    rounds: roundSummaries(p),
    notes,
  };
}

/** Citizen vs caseworker scores of the same delmål at the same round. */
function agreementOf(rows: ScoreRow[], items: ScaleItem[]): RaterAgreement[] {
  if (!rows.some((r) => r.rater === "borger") || !rows.some((r) => r.rater === "sagsbehandler")) {
    return items.map((item) => ({ itemId: item.id, pairs: 0, agree: 0, table: Array.from({ length: item.max - item.min + 1 }, () => new Array<number>(item.max - item.min + 1).fill(0)), test: null, notes: [] }));
  }
  const byKey = new Map<string, { borger?: ScoreRow; sagsbehandler?: ScoreRow }>();
  for (const r of rows) {
    if (r.rater !== "borger" && r.rater !== "sagsbehandler") continue;
    const key = `${r.citizen}\u0000${r.round}`;
    const e = byKey.get(key) ?? {};
    e[r.rater] = r;
    byKey.set(key, e);
  }
  return items.map((item, k) => {
    const size = item.max - item.min + 1;
    const table = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    const x: number[] = [];
    const y: number[] = [];
    for (const e of byKey.values()) {
      const a = e.borger?.scores[k];
      const b = e.sagsbehandler?.scores[k];
      if (a === null || a === undefined || b === null || b === undefined) continue;
      table[a - item.min][b - item.min]++;
      x.push(a);
      y.push(b);
    }
    const notes: Text[] = [];
    const agree = x.filter((v, i) => v === y[i]).length;
    const test = signedRank(x, y, notes, t("Borger mod sagsbehandler", "Citizen vs caseworker"));
    return { itemId: item.id, pairs: x.length, agree, table, test, notes };
  });
}

/**
 * The delmål's score at round `last` by group, adjusted for its score at round `first` (ANCOVA): the
 * citizens in a group with both scores (the rater's rows); a citizen missing one is left out and counted.
 */
function itemAncova(rows: ScoreRow[], cz: Citizens, k: number, item: ScaleItem, first: number, last: number, confLevel: number): ItemAncova {
  const y: (number | null)[] = [];
  const base: (number | null)[] = [];
  const group: (number | null)[] = [];
  for (let c = 0; c < cz.ids.length; c++) {
    if (cz.arm[c] === NO_ARM) continue;
    let at0: number | null = null;
    let at1: number | null = null;
    for (let j = cz.start[c]; j < cz.start[c + 1]; j++) {
      const r = rows[cz.order[j]];
      const v = r.scores[k];
      if (v === null || v === undefined) continue;
      if (r.round === first) at0 = v;
      if (r.round === last) at1 = v;
    }
    y.push(at1);
    base.push(at0);
    group.push(cz.arm[c] === 0 ? 1 : 0);
  }
  const label = `${item.id}: ${item.name}`;
  const baseline = { da: `${label}, runde ${first}`, en: `${label}, round ${first}` };
  const summary = ancova({ outcome: `${label}, runde ${last}`, y, group, covariates: [{ name: baseline.da, kind: "numeric", values: base }], confLevel });
  return { first, last, summary };
}

function ancovaRefusal(rounds: number[], groups: boolean): Text | null {
  if (!groups) return t("Justeret analyse (ANCOVA) ikke mulig: grupperne sammenlignes ikke (ingen borgere har en gruppe).", "Adjusted analysis (ANCOVA) not possible: the groups are not compared (no citizen has a group).");
  if (rounds.length < 2) return t(`Justeret analyse (ANCOVA) ikke mulig: der skal være mindst 2 runder; der er ${rounds.length}.`, `Adjusted analysis (ANCOVA) not possible: at least 2 rounds are needed; there are ${rounds.length}.`);
  return null;
}

export function chooseRater(rows: ScoreRow[], wanted: ProgressionOptions["rater"]): Rater | "all" {
  if (wanted) return wanted;
  const raters = new Set(rows.map((r) => r.rater ?? null));
  return raters.has("sagsbehandler") && raters.size > 1 ? "sagsbehandler" : "all";
}

/** Run the analysis on validated rows (see readScores for the checks that name cells). */
export function runProgression(input: ProgressionInput, options: ProgressionOptions = {}): ProgressionResult {
  const rater = chooseRater(input.rows, options.rater);
  const groupMap: Record<string, Arm> = {};
  for (const [k, v] of Object.entries(options.groupMap ?? {})) groupMap[normaliseKey(k)] = v;
  const use = (r: ScoreRow): boolean => rater === "all" || r.rater === rater;
  const cz = groupCitizens(input.rows, use, groupMap);
  const groups = options.compareGroups ?? input.rows.some((r) => r.group);
  const items = input.items.map((item, k) => analyseItem(input.rows, cz, k, item, { groups, policy: options.testPolicy }));
  const rounds = [...new Set(input.rows.filter(use).map((r) => r.round))].sort((a, b) => a - b);
  const ancovaNote = options.adjustForBaseline ? ancovaRefusal(rounds, groups) : null;
  if (options.adjustForBaseline && !ancovaNote) {
    const [first, last] = [rounds[0], rounds[rounds.length - 1]];
    items.forEach((r, k) => (r.ancova = itemAncova(input.rows, cz, k, r.item, first, last, options.confLevel ?? 0.95)));
  }
  const notes: Text[] = [];
  if (groups && cz.unmapped.size > 0) {
    const list = [...cz.unmapped].slice(0, 5).join(", ");
    notes.push(t(`Gruppen ${list} er hverken indsatsgruppe eller kontrolgruppe; dens borgere er ikke med i sammenligningen af grupperne.`, `The group ${list} is neither intervention nor control group; its citizens are not in the comparison of the groups.`));
  }
  if (rater !== "all") notes.push(t(`Tabellerne bygger på vurderinger foretaget af: ${rater}.`, `The tables use the scores given by: ${rater === "borger" ? "citizen" : rater === "sagsbehandler" ? "caseworker" : "other body"}.`));
  return {
    items,
    agreement: agreementOf(input.rows, input.items),
    citizens: cz.ids.length,
    rows: input.rows.length,
    rounds,
    rater,
    groupsCompared: groups,
    ...(ancovaNote ? { ancovaNote } : {}),
    ...(options.adjustForBaseline ? { ancovaConfLevel: options.confLevel ?? 0.95 } : {}),
    notes,
  };
}

export { ARMS };
