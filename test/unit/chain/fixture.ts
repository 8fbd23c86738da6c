/** The R fixture of "Virkningskæden i data" (scripts/fixtures/generate-chain.R) as runChain inputs. */
import fixture from "../../fixtures/chain/chain.json";
import { defaultSettings, type ComparisonSettings } from "../../../src/core/analysis";
import type { ChainInput } from "../../../src/core/chain";
import type { ScoreRow, ScaleItem } from "../../../src/core/progression";
import type { ProgrammeTheory } from "../../../src/core/theory";
import type { CellValue } from "../../../src/core/report/sheetSpec";

export interface RShares { x: number[]; n: number[]; difference: (number | null)[]; p: number | null }
export interface ROutcomeLink { linkId: string; month: number | null; status: string; subGoalEffect: RShares; finalGoalEffect: RShares; association: RShares }
export interface RActivityLink { linkId: string; paired: number; improved: number; unchanged: number; worse: number; medianChange: number | null; p: number | null; status: string }
export interface RDataset {
  name: string;
  testPolicy: ComparisonSettings["testPolicy"];
  headline: { outcome: string; month: number } | null;
  theory: {
    subGoals: { id: string; name: string; reachedAt: number | null }[];
    finalGoals: { id: string; name: string; status: string }[];
    activities: { id: string; name: string }[];
    links: { id: string; kind: "aktivitet-delmaal" | "delmaal-delmaal" | "delmaal-slutmaal"; from: string; to: string }[];
  };
  rows: { citizen: string; group: string; round: number; rater: string; scores: (number | null)[] }[];
  caseHeader: string[];
  caseRows: (string | null)[][];
  expected: { rater: string; join: { matched: number; onlyMeasured: number; onlyCaseData: number }; outcomeLinks: ROutcomeLink[]; activityLinks: RActivityLink[] };
}

export const datasets = (fixture as unknown as { datasets: RDataset[] }).datasets;
export const NOW = new Date("2026-12-07T08:00:00Z");

export function theoryOf(d: RDataset): ProgrammeTheory {
  const item = (x: { id: string; name: string }) => ({ id: x.id, name: x.name, description: "", origin: "bruger" as const });
  return {
    title: `Kæde: ${d.name}`,
    targetGroup: { name: "Aktivitetsparate", description: "", characteristics: [], size: null, inclusion: [], exclusion: [] },
    finalGoals: d.theory.finalGoals.map((g) => ({ ...item(g), indicator: { name: g.name, dataSource: "Fagsystem", times: { kind: "months", months: [6, 12] }, reached: { kind: "statuses", statuses: [g.status] } } })),
    subGoals: d.theory.subGoals.map((g) => ({ ...item(g), indicator: { name: g.name, dataSource: "Progressionsmåling", times: { kind: "weeks", everyWeeks: 6, count: 4 }, reached: { kind: "scale", min: 1, max: 5, labels: ["1", "2", "3", "4", "5"], reachedAt: g.reachedAt as number } } })),
    activities: d.theory.activities.map(item),
    mechanisms: [],
    activityMechanisms: [],
    links: d.theory.links.map((l) => ({ ...l, rationale: "", mechanismIds: [] })),
  };
}

export function itemsOf(d: RDataset): ScaleItem[] {
  return d.theory.subGoals.map((g) => ({ id: g.id, name: g.name, min: 1, max: 5, labels: ["1", "2", "3", "4", "5"], reachedAt: g.reachedAt }));
}

export function settingsOf(d: RDataset): ComparisonSettings {
  const s = defaultSettings({
    sheet: "Borgere",
    address: `A1:E${d.caseRows.length + 1}`,
    header: d.caseHeader,
    layout: "wide",
    columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 2, month: 0 }, { column: 3, month: 6 }, { column: 4, month: 12 }] },
    statuses: ["Kontanthjælp", "Job", "Uddannelse", "Fraflyttet"],
  });
  const outcomes = d.theory.finalGoals.map((g) => ({ id: `slutmaal-${g.id}`, name: g.name, statuses: [g.status], source: { kind: "slutmaal" as const, id: g.id } }));
  return { ...s, outcomes, testPolicy: d.testPolicy, ...(d.headline ? { headline: d.headline } : {}) };
}

export function chainInput(d: RDataset): ChainInput {
  const rows: ScoreRow[] = d.rows.map((r) => ({ citizen: r.citizen, group: r.group, round: r.round, rater: r.rater as ScoreRow["rater"], scores: r.scores }));
  const caseRows: CellValue[][] = d.caseRows.map((r) => r.map((v) => (v === "" ? null : v)));
  return { theory: theoryOf(d), measurement: { items: itemsOf(d), rows }, caseData: { sheet: "Borgere", address: "A1", header: d.caseHeader, rows: caseRows }, settings: settingsOf(d) };
}

export const close = (got: number | null | undefined, want: number | null): void => {
  if (want === null) {
    expect(got ?? null).toBeNull();
    return;
  }
  expect(typeof got).toBe("number");
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(want)));
};
