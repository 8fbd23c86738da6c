/** Plain data of "Virkningskæden i data" (issue 21 item 3): input, per-link results and statuses. */
import type { DatasetInput } from "../data/dataset";
import type { ComparisonSettings } from "../analysis/settings";
import type { ProgressionInput, Rater } from "../progression/types";
import type { Text } from "../stats";
import type { ProgrammeTheory } from "../theory/model";

export interface ChainInput {
  theory: ProgrammeTheory;
  /** The measurement sheet's scores (items carry the theory's delmål ids). */
  measurement: ProgressionInput;
  /** The comparison's case data (ID, group and status columns) and its saved settings. */
  caseData: DatasetInput;
  settings: ComparisonSettings;
  /** Whose scores count (default as the progression chooses: the caseworker's when raters are mixed). */
  rater?: Rater | "all";
}

/** x of n reached, per group. */
export interface Share {
  x: number;
  n: number;
}

/** A difference of two shares with its interval and test, or why it is absent. */
export interface TwoShares {
  /** "intervention vs control" for effects; "reached the delmål vs did not" for associations. */
  first: Share;
  second: Share;
  /** first − second as a proportion; null when a group is empty. */
  difference: number | null;
  lower: number | null;
  upper: number | null;
  pValue: number | null;
  /** The test's name (from the comparison's test policy); null when no test was possible. */
  test: Text | null;
  /** Why a number is missing, or what to be careful about. */
  notes: Text[];
}

/** How a delmål counts as reached: score ≥ threshold at the latest round, or latest score > first. */
export type ReachedRule = { kind: "threshold"; at: number } | { kind: "improved" };

export type LinkStatus = "stoettet" | "ikkeStoettet" | "forLidtData";
export type MovedStatus = "flyttet" | "ikkeFlyttet" | "forLidtData";

export interface OutcomeLink {
  linkId: string;
  subGoalId: string;
  subGoalName: string;
  finalGoalId: string;
  finalGoalName: string;
  rule: ReachedRule | null;
  /** Follow-up month of the slutmål (null when the comparison has none for it). */
  month: number | null;
  /** Intervention's effect on the delmål (matched citizens). */
  subGoalEffect: TwoShares | null;
  /** Intervention's effect on the slutmål (all citizens of the case data, as on the comparison sheet). */
  finalGoalEffect: TwoShares | null;
  /** Association among all measured citizens: reached the slutmål, delmål reached vs not. */
  association: TwoShares | null;
  status: LinkStatus;
  /** Why the status is what it is (one sentence). */
  reason: Text;
}

export interface ActivityLink {
  linkId: string;
  activityId: string;
  activityName: string;
  subGoalId: string;
  subGoalName: string;
  /** Indsatsgruppe, matched citizens with ≥ 2 scored rounds. */
  paired: number;
  improved: number;
  unchanged: number;
  worse: number;
  medianChange: number | null;
  /** Wilcoxon signed-rank, latest vs first (R: wilcox.test(latest, first, paired = TRUE)). */
  pValue: number | null;
  status: MovedStatus;
  reason: Text;
}

export interface ChainResult {
  title: string;
  outcomeLinks: OutcomeLink[];
  activityLinks: ActivityLink[];
  /** Citizens in both sources / only on the measurement sheet / only in the case data (counts only, never IDs). */
  join: { matched: number; onlyMeasured: number; onlyCaseData: number };
  rater: Rater | "all";
  testPolicy: ComparisonSettings["testPolicy"];
  confLevel: number;
  caseSheet: string;
  generatedAt: string;
  notes: Text[];
}
