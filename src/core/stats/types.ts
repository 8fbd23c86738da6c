/** Shared result types of the statistics engine. */

/** A user-visible text in Danish and English. */
export interface Text {
  da: string;
  en: string;
}

export type Alternative = "two.sided" | "less" | "greater";

/** Result of a hypothesis test, in the spirit of R's `htest`. */
export interface TestResult {
  /** e.g. {da: "Fishers eksakte test", en: "Fisher's exact test"} */
  method: Text;
  statistic?: number;
  /** "X-squared", "W", "t", "V", "W (Shapiro)", ... */
  statisticName?: string;
  df?: number;
  parameters?: Record<string, number>;
  pValue: number;
  alternative: Alternative;
  estimate?: number;
  estimateName?: string;
  confInt?: [number, number];
  confLevel?: number;
  warnings: Text[];
}

/** A point estimate with a confidence interval. */
export interface Estimate {
  estimate: number;
  lower: number;
  upper: number;
  confLevel: number;
  method: Text;
  warnings: Text[];
}

export type TablePolicy = "pearson" | "yates" | "fisher" | "auto";

export type Lang = "da" | "en";

export interface PowerResult {
  n: number;
  power: number;
  p1: number;
  p2: number;
  sigLevel: number;
  method: Text;
}
