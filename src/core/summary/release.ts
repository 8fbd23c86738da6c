/**
 * What the Ledelsesoverblik may print for its audience (see disclosure.ts for the rule).
 *
 * "internal" (Intern, the default): everything, with the real counts; the page says it must not
 * leave the organisation. "public" (Til offentliggørelse): the page's counts are offered to the
 * disclosure control in priority order — the key results (each slutmål's share per group at the
 * chosen follow-up), then N per group, then the outcome chart's other follow-ups, then progression
 * per delmål and group — and only accepted figures are printed; the rest show "–".
 */
import type { Arm } from "../analysis/settings";
import type { ComparisonResult, OutcomeResult, OutcomeRow } from "../analysis/types";
import { normaliseKey } from "../data/values";
import { Disclosure, type DisclosureTable, type Release, type Sum } from "./disclosure";
import type { ProgressionBrief, SummaryInput } from "./types";

export type Audience = "internal" | "public";
export const ARMS: readonly Arm[] = ["intervention", "control"];

export interface PageRelease {
  audience: Audience;
  /** The share x/n (and its counts) of one outcome, follow-up and group. */
  share(outcome: string, month: number, arm: Arm): boolean;
  /** N (all citizens) of a group. */
  total(arm: Arm): boolean;
  /** Progression of one delmål: per group, or pooled ("all") when the groups are not compared. */
  progression(item: string, arm: Arm | "all"): boolean;
}

/** The outcomes on the page: those from a slutmål, else all (with a note). */
export function goalOutcomes(result: ComparisonResult): { outcomes: OutcomeResult[]; all: boolean } {
  const goals = result.outcomes.filter((o) => o.source?.kind === "slutmaal");
  return goals.length > 0 ? { outcomes: goals, all: false } : { outcomes: result.outcomes, all: true };
}

/** The row at the chosen follow-up (null: the latest with data); `fallback` when the chosen one has none. */
export function rowAt(o: OutcomeResult, month: number | null): { row: OutcomeRow | null; fallback: boolean } {
  const withData = o.rows.filter((r) => r.counts.intervention.n + r.counts.control.n > 0);
  const latest = withData[withData.length - 1] ?? null;
  if (month === null) return { row: latest, fallback: false };
  const r = withData.find((x) => x.month === month);
  return r ? { row: r, fallback: false } : { row: latest, fallback: true };
}

const shareId = (o: string, m: number, a: Arm): string => `share:${o}:${m}:${a}`;
const totalId = (a: Arm): string => `total:${a}`;
const progId = (item: string, a: Arm | "all"): string => `prog:${item}:${a}`;
const statusTable = (a: Arm, m: number): string => `s:${a}:${m}`;

function indices(pred: (i: number) => boolean, n: number): number[] {
  return Array.from({ length: n }, (_, i) => i).filter(pred);
}

/** Status tables (one per group and time point, atoms = status rows) and the sums the page can print. */
function comparisonModel(res: ComparisonResult, chosen: number | null): { tables: DisclosureTable[]; releases: Release[] } {
  const st = res.statusTable;
  const tables: DisclosureTable[] = st.columns.map((c, j) => ({ id: statusTable(c.arm, c.month), counts: st.counts.map((r) => r[j]), totalGroup: `arm:${c.arm}` }));
  const valid = indices((i) => st.rows[i].class === "valid", st.rows.length);
  const sumOf = (t: string, atoms: number[]): Sum => ({ table: t, atoms });
  const count = (t: DisclosureTable | undefined, atoms: number[]): number => atoms.reduce((s, a) => s + (t?.counts[a] ?? 0), 0);
  const share = (o: OutcomeResult, row: OutcomeRow, a: Arm): Release | null => {
    const keys = new Set(o.statuses.map((s) => normaliseKey(s)));
    const x = valid.filter((i) => keys.has(normaliseKey(st.rows[i].label)));
    const id = statusTable(a, row.month);
    const t = tables.find((tb) => tb.id === id);
    // the sums must give the printed counts exactly; otherwise nothing is offered (hidden)
    if (count(t, x) !== row.counts[a].x || count(t, valid) !== row.counts[a].n) return null;
    return { id: shareId(o.id, row.month, a), sums: [sumOf(id, x), sumOf(id, valid)] };
  };
  const releases: Release[] = [];
  const push = (r: Release | null): void => void (r && releases.push(r));
  const { outcomes } = goalOutcomes(res);
  for (const o of outcomes) {
    const { row } = rowAt(o, chosen);
    if (row) for (const a of ARMS) push(share(o, row, a));
  }
  for (const a of ARMS) {
    const own = tables.filter((t) => t.id.startsWith(`s:${a}:`));
    releases.push({ id: totalId(a), sums: own.map((t) => sumOf(t.id, indices(() => true, t.counts.length))) });
  }
  const first = outcomes[0];
  if (first) for (const row of first.rows) for (const a of ARMS) push(share(first, row, a));
  return { tables, releases };
}

/** Progression tables (atoms: improved, not improved among those scored twice). */
function progressionModel(p: ProgressionBrief): { tables: DisclosureTable[]; releases: Release[] } {
  const tables: DisclosureTable[] = [];
  const releases: Release[] = [];
  for (const it of p.items) {
    const parts: [Arm | "all", { paired: number; improved: number }][] = it.groups ? ARMS.map((a) => [a, it.groups![a]]) : [["all", it]];
    for (const [a, c] of parts) {
      const id = `p:${it.id}:${a}`;
      tables.push({ id, counts: [c.improved, c.paired - c.improved], totalGroup: id });
      releases.push({ id: progId(it.id, a), sums: [{ table: id, atoms: [0] }, { table: id, atoms: [0, 1] }] });
    }
  }
  return { tables, releases };
}

const ALL: PageRelease = { audience: "internal", share: () => true, total: () => true, progression: () => true };

/** What the page may print for its audience. */
export function pageRelease(input: SummaryInput): PageRelease {
  if (input.settings.audience !== "public") return ALL;
  const tables: DisclosureTable[] = [];
  const releases: Release[] = [];
  const c = input.comparison;
  if (c && "result" in c) {
    const m = comparisonModel(c.result, input.settings.followUp);
    tables.push(...m.tables);
    releases.push(...m.releases);
  }
  if (input.progression) {
    const m = progressionModel(input.progression);
    tables.push(...m.tables);
    releases.push(...m.releases);
  }
  const d = new Disclosure(tables, input.settings.threshold);
  d.offerAll(releases);
  return {
    audience: "public",
    share: (o, m, a) => d.isReleased(shareId(o, m, a)),
    total: (a) => d.isReleased(totalId(a)),
    progression: (item, a) => d.isReleased(progId(item, a)),
  };
}
