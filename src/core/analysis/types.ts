/** ComparisonResult: plain data produced by runComparison and turned into the "Sammenligning" sheet. */
import type { Text } from "../stats";
import type { Arm, StatusClass } from "./settings";
import type { AdjustedRow } from "./adjusted";
import type { NumericOutcomeResult } from "./numericOutcome";

export interface PerArm<T> {
  intervention: T;
  control: T;
}

export interface ResultHeader {
  title: Text;
  /** The effort's name as set in the settings (user text). */
  effort?: string;
  sheet: string;
  /** "Borgere!A1:N61" */
  dataRange: string;
  layout: "wide" | "long";
  /** Data rows below the header (non-blank). */
  rowCount: number;
  citizens: PerArm<number> & { total: number };
  /** ISO 8601 time of the run. */
  generatedAt: string;
  version: string;
  settingsSummary: { label: Text; value: Text }[];
}

export interface StatusRow {
  label: string;
  /** "blank" = empty cell (not yet followed up). */
  class: StatusClass | "blank";
  /** Valid statuses: in the first outcome ("reached"), in another outcome ("onTheWay"), or neither. */
  group: "reached" | "onTheWay" | "other";
}

export interface StatusColumn {
  month: number;
  arm: Arm;
  /** All citizens in the group (the denominator of the percentages). */
  N: number;
}

export interface StatusTable {
  rows: StatusRow[];
  columns: StatusColumn[];
  /** counts[row][column] */
  counts: number[][];
}

export interface EffectValue {
  estimate: number;
  lower: number;
  upper: number;
  method: Text;
  warnings: Text[];
}

export interface TestSummary {
  pValue: number;
  method: Text;
  statistic?: number;
  statisticName?: string;
  df?: number;
  warnings: Text[];
  /**
   * Set when the policy is Pearson or Yates and an expected count is below 5: the χ² p-value may not be
   * trusted, and Fisher's exact p-value (two-sided, as R's fisher.test) is given beside it.
   */
  smallExpected?: { minExpected: number; fisherP: number | null };
}

/** Mantel–Haenszel across strata at one follow-up (see stratified.ts). */
export interface StratifiedRow {
  riskDifference: EffectValue | null;
  oddsRatio: EffectValue | null;
  /** Cochran–Mantel–Haenszel test. */
  test: TestSummary | null;
  /** Strata with citizens in both groups. */
  strata: number;
  notes: Text[];
}

export interface OutcomeRow {
  month: number;
  /** x = reached the outcome, n = citizens with a valid status at this time point. */
  counts: PerArm<{ x: number; n: number }>;
  /** Risk difference intervention − control as a proportion (×100 = percentage points); null when not computable. */
  riskDifference: EffectValue | null;
  relativeRisk: EffectValue | null;
  oddsRatio: EffectValue | null;
  test: TestSummary | null;
  /** Set when the analysis is stratified. */
  stratified?: StratifiedRow;
  /** Set when an adjusted analysis is chosen (adjusted.ts): beside the unadjusted numbers, never instead. */
  adjusted?: AdjustedRow;
  /** Plain sentence on whether the CI of the difference includes 0 (null when there is no difference). */
  ciSentence: Text | null;
  /** Why something is missing ("–") or needs care. */
  notes: Text[];
}

export interface OutcomeResult {
  id: string;
  name: string;
  statuses: string[];
  source?: { kind: "slutmaal" | "delmaal"; id: string };
  rows: OutcomeRow[];
  notes: Text[];
}

export interface CategoryLevel {
  label: string;
  count: PerArm<number>;
  /** Share of citizens with a value (missing left out); null when nobody in the group has a value. */
  proportion: PerArm<number | null>;
  smd: number | null;
}

export interface ContinuousSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Quartiles (R's quantile type 7); null when n = 0. */
  q1: number | null;
  q3: number | null;
  /** Shapiro–Wilk p-value (null when not computable: n < 3 or all values equal). */
  normalityP: number | null;
}

export type BaselineVariable =
  | {
      name: string;
      type: "categorical";
      levels: CategoryLevel[];
      missing: PerArm<number>;
      test: TestSummary | null;
      notes: Text[];
      /** A yes/no variable shown as one row: the level shown (e.g. "Ja"). */
      oneRow?: string;
      /** Derived from a continuous variable by cut points (the data are unchanged). */
      derivedFrom?: string;
    }
  | {
      name: string;
      type: "continuous";
      /** Values were dates (shown as dd-mm-åååå; numbers are Excel serial days). */
      isDate: boolean;
      /** As chosen; "auto" becomes "meanSd" when Shapiro–Wilk does not reject normality (p ≥ 0.05) in both groups with n ≥ 3, else "medianRange". */
      summary: "meanSd" | "medianIqr" | "medianRange";
      /** The summary was chosen by the user (not by the Shapiro–Wilk rule). */
      chosen: boolean;
      stats: PerArm<ContinuousSummary>;
      missing: PerArm<number>;
      smd: number | null;
      test: TestSummary | null;
      notes: Text[];
    };

export interface BaselineTable {
  variables: BaselineVariable[];
  pValues: boolean;
  N: PerArm<number>;
  notes: Text[];
}

export interface MissingRow {
  month: number;
  arm: Arm;
  /** All citizens in the group. */
  total: number;
  valid: number;
  notFollowedUp: number;
  movedAway: number;
  excluded: number;
}

export interface ComparisonResult {
  header: ResultHeader;
  lang: "da" | "en";
  /** Confidence level of the intervals (as set in the settings). */
  confLevel: number;
  /** All time points (months), ascending; 0 = inclusion. */
  months: number[];
  /** Follow-up time points (months > 0) used for the outcome tests. */
  followUps: number[];
  statusTable: StatusTable;
  outcomes: OutcomeResult[];
  baseline: BaselineTable;
  missing: MissingRow[];
  /** The strata variables and who is left out of the stratified analysis (missing strata value); absent when not stratified. */
  stratification?: { variables: string[]; excluded: PerArm<number> };
  /** The adjusted analysis's covariates (headers as chosen); absent when no adjusted analysis is chosen. Results per row (OutcomeRow.adjusted). */
  adjustment?: { covariates: string[] };
  /** Numeric outcomes: Welch's comparison and, beside it, the ANCOVA; absent when none is chosen. */
  numericOutcomes?: NumericOutcomeResult[];
  /** The headline: index into `outcomes` and the row's follow-up month; null when no row has data in both groups. */
  headline: { outcome: number; month: number } | null;
  /** Footnotes: tests, estimate methods, denominators. */
  notes: Text[];
}
