/**
 * Standardised mean differences for baseline tables (Austin 2009):
 * continuous (mean1 - mean2) / sqrt((sd1^2 + sd2^2) / 2), sd with denominator n - 1;
 * binary (p1 - p2) / sqrt((p1 (1 - p1) + p2 (1 - p2)) / 2).
 * Both are 0 when the numerator is 0; a non-zero difference with zero spread throws.
 */
import { mean, variance } from "./descriptive";
import { checkProbability, fail } from "./validate";

function ratio(num: number, den2: number): number {
  if (num === 0) return 0;
  if (!(den2 > 0)) fail("STATS_SMD_UNDEFINED", "Den standardiserede forskel kan ikke beregnes: der er ingen spredning i nogen af grupperne.", "The standardised difference cannot be computed: there is no spread in either group.");
  return num / Math.sqrt(den2);
}

export function smdContinuous(x: number[], y: number[]): number {
  return ratio(mean(x) - mean(y), (variance(x) + variance(y)) / 2);
}

export function smdProportion(p1: number, p2: number): number {
  checkProbability(p1, { da: "p1", en: "p1" }, false);
  checkProbability(p2, { da: "p2", en: "p2" }, false);
  return ratio(p1 - p2, (p1 * (1 - p1) + p2 * (1 - p2)) / 2);
}
