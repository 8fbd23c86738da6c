/** Plain data of the progression analysis (issue 10): input rows, options and results. */
import type { Arm } from "../data";
import type { TablePolicy, Text } from "../stats";
import type { AncovaSummary } from "../analysis/ancova";

/** Who scored a round: the citizen, the caseworker or another body (UU, misbrugscenter, bostøtte, …). */
export type Rater = "borger" | "sagsbehandler" | "anden";

export const RATERS: readonly Rater[] = ["borger", "sagsbehandler", "anden"];

/** A delmål with a scale indicator (from the programme theory, or typed). */
export interface ScaleItem {
  /** Theory id ("D1") or a column-derived id. */
  id: string;
  name: string;
  min: number;
  max: number;
  /** labels[i] is the label of score min + i. */
  labels: string[];
  /** Score from which the delmål counts as reached; null when the indicator has no threshold. */
  reachedAt: number | null;
}

/** One scored round of one citizen by one rater. */
export interface ScoreRow {
  citizen: string;
  /** Group label as written (mapped to an arm with the comparison's rules); null when unknown. */
  group?: string | null;
  round: number;
  rater?: Rater | null;
  /** scores[i] belongs to items[i]; null = not scored. */
  scores: (number | null)[];
}

export interface ProgressionInput {
  items: ScaleItem[];
  rows: ScoreRow[];
}

export interface ProgressionOptions {
  /** Compare the groups (intervention vs control). Default: when any row has a group. */
  compareGroups?: boolean;
  /** Extra group labels → arm (normalised keys), as the comparison's settings. */
  groupMap?: Record<string, Arm>;
  /** The comparison's test policy for the share improved (default "auto"). */
  testPolicy?: TablePolicy;
  /**
   * Whose scores the per-delmål tables use. Default: "sagsbehandler" when some rows are scored by
   * the caseworker and others by someone else, else every row.
   */
  rater?: Rater | "all";
  /**
   * ANCOVA beside the unadjusted comparison (issue 25): per delmål the score at the last round by group,
   * adjusted for the score at the first round. Needs ≥ 2 rounds and both groups. Default off.
   */
  adjustForBaseline?: boolean;
  /** Confidence level of the ANCOVA's intervals (default 0.95). */
  confLevel?: number;
}

/** A delmål's ANCOVA: the score at round `last` on group + the score at round `first`. */
export interface ItemAncova {
  first: number;
  last: number;
  summary: AncovaSummary;
}

/** A test as the results sheet shows it: p-value and the test's name. */
export interface ProgressionTest {
  pValue: number;
  method: Text;
  statistic?: number;
  statisticName?: string;
  warnings: Text[];
}

export interface ChangeSummary {
  /** Citizens with at least two scored rounds (first ≠ latest). */
  paired: number;
  improved: number;
  unchanged: number;
  worse: number;
  medianChange: number | null;
}

export interface RoundSummary {
  round: number;
  /** Per group ("all" always; "intervention" / "control" when groups are compared). */
  n: Record<"all" | Arm, number>;
  mean: Record<"all" | Arm, number | null>;
  median: Record<"all" | Arm, number | null>;
}

export interface ReachedSummary {
  /** [[reached first & latest, reached first only], [reached latest only, neither]]. */
  table: [[number, number], [number, number]];
  test: ProgressionTest | null;
}

export interface GroupComparison {
  change: Record<Arm, ChangeSummary>;
  /** Mann–Whitney on latest − first. */
  changeTest: ProgressionTest | null;
  /** Share improved, under the comparison's test policy. */
  improvedTest: ProgressionTest | null;
}

export interface ItemResult {
  item: ScaleItem;
  /** Citizens with at least one score. */
  measured: number;
  firstMedian: number | null;
  latestMedian: number | null;
  firstMean: number | null;
  latestMean: number | null;
  change: ChangeSummary;
  /** Wilcoxon signed-rank, latest vs first. */
  changeTest: ProgressionTest | null;
  reached: ReachedSummary | null;
  groups: GroupComparison | null;
  rounds: RoundSummary[];
  /** Set when adjustForBaseline is chosen and there are ≥ 2 rounds and both groups. */
  ancova?: ItemAncova;
  notes: Text[];
}

export interface RaterAgreement {
  itemId: string;
  /** Pairs of a citizen's and a caseworker's score of the same delmål at the same round. */
  pairs: number;
  agree: number;
  /** table[i][j]: citizen scored min + i, caseworker min + j. */
  table: number[][];
  /** Signed-rank test, citizen vs caseworker. */
  test: ProgressionTest | null;
  notes: Text[];
}

export interface ProgressionResult {
  items: ItemResult[];
  agreement: RaterAgreement[];
  citizens: number;
  rows: number;
  rounds: number[];
  rater: Rater | "all";
  groupsCompared: boolean;
  /** Why the chosen ANCOVA was not run at all (fewer than 2 rounds, or the groups not compared). */
  ancovaNote?: Text;
  /** The ANCOVA's confidence level (when chosen). */
  ancovaConfLevel?: number;
  notes: Text[];
}
