/** Shared result types of the statistics engine (one shape for every test and estimate). */

/** A user-visible text in Danish and English. */
export interface Text {
  da: string;
  en: string;
}

export type Alternative = "two.sided" | "less" | "greater";

/** A confidence interval; `level` is the confidence level, e.g. 0.95. */
export interface ConfInt {
  lower: number;
  upper: number;
  level: number;
}

/** A test statistic with R's name for it ("X-squared", "t", "W", "V", ...). */
export interface Statistic {
  name: string;
  value: number;
}

/** A point estimate with its name in Danish and English. */
export interface NamedEstimate {
  name: Text;
  value: number;
}

/**
 * Result of every hypothesis test, in the spirit of R's `htest`. Fields that a test does not
 * have are null (never missing, never NaN).
 */
export interface TestResult {
  /** e.g. {da: "Fishers eksakte test", en: "Fisher's exact test"} */
  method: Text;
  statistic: Statistic;
  /** Parameters of the null distribution or the computation, e.g. {df: 1}, {n: 40, B: 10000}. */
  parameter: Record<string, number>;
  pValue: number;
  alternative: Alternative;
  estimate: NamedEstimate | null;
  /** null when the test has no interval, or when it cannot be computed (a warning says why). */
  ci: ConfInt | null;
  warnings: Text[];
}

/** Result of an effect measure (risk difference, relative risk, odds ratio). */
export interface EstimateResult {
  method: Text;
  estimate: NamedEstimate;
  /** A degenerate interval (lower = upper) comes with a warning. */
  ci: ConfInt;
  warnings: Text[];
}

export type TablePolicy = "pearson" | "yates" | "fisher" | "auto";

export type Lang = "da" | "en";

/** Sides of a planning test, as R's power.prop.test / power.t.test name them. */
export type PowerSides = "two.sided" | "one.sided";

export interface PowerResult {
  n: number;
  power: number;
  p1: number;
  p2: number;
  sigLevel: number;
  alternative: PowerSides;
  method: Text;
  warnings: Text[];
}

export interface MeansPowerResult {
  /** n per group (two.sample) or number of pairs / observations (paired, one.sample). */
  n: number;
  delta: number;
  sd: number;
  power: number;
  sigLevel: number;
  alternative: PowerSides;
  type: "two.sample" | "one.sample" | "paired";
  method: Text;
}

export interface SurvivalPowerResult {
  /** Events needed (or available) in both groups together. */
  events: number;
  /** Hazard ratio intervention / control. */
  hr: number;
  power: number;
  sigLevel: number;
  alternative: PowerSides;
  /** Probability that a citizen has the event within the study (average over the groups); absent without an accrual/follow-up assumption. */
  eventProbability?: number;
  /** Citizens per group (events / probability / 2); absent without an accrual/follow-up assumption. */
  nPerGroup?: number;
  method: Text;
}
