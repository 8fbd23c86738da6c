/**
 * Power and sample size for comparing two proportions, as R's power.prop.test (two-sided,
 * strict = FALSE, normal approximation with the pooled variance under H0, n per group):
 *   power = Phi((sqrt(n) |p1 - p2| - z_{1-a/2} sqrt((p1 + p2)(1 - (p1 + p2)/2))) / sqrt(p1 q1 + p2 q2)).
 * n for a given power is solved in closed form (R solves the same equation numerically with
 * uniroot, tolerance about 1e-4, so R's printed n can differ from ours in the 4th decimal).
 */
import { pnorm, qnorm } from "./dist";
import type { PowerResult } from "./types";
import { checkOptions, checkProbability, fail } from "./validate";

export interface PowerArgs {
  p1: number;
  p2: number;
  /** n per group: give n (power is computed) or power (n is computed), not both (R refuses too). */
  n?: number;
  power?: number;
  sigLevel?: number;
}

export function powerTwoProportions(options: PowerArgs): PowerResult {
  const args = checkOptions(options);
  const { p1, p2 } = args;
  const sigLevel = args.sigLevel ?? 0.05;
  checkProbability(p1, { da: "p1", en: "p1" });
  checkProbability(p2, { da: "p2", en: "p2" });
  checkProbability(sigLevel, { da: "Signifikansniveauet", en: "The significance level" });
  if (args.n !== undefined && args.power !== undefined) {
    fail("STATS_POWER_ARGS", "Angiv enten antal pr. gruppe (n) eller styrken, ikke begge.", "Give either the number per group (n) or the power, not both.");
  }
  if (p1 === p2) fail("STATS_EQUAL_PROPORTIONS", "De to andele skal være forskellige for at beregne styrke eller stikprøvestørrelse.", "The two proportions must differ to compute power or sample size.");
  const qu = qnorm(1 - sigLevel / 2);
  const d = Math.abs(p1 - p2);
  const h0 = Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
  const h1 = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const method = { da: "Styrke og stikprøvestørrelse for to andele (normalfordelingstilnærmelse, som R's power.prop.test)", en: "Two-sample comparison of proportions power calculation (as R's power.prop.test)" };
  if (args.n !== undefined) {
    const n = args.n;
    if (typeof n !== "number" || !Number.isFinite(n) || n < 2) fail("STATS_N_RANGE", "Antal pr. gruppe skal være mindst 2.", "The number per group must be at least 2.");
    const power = pnorm((Math.sqrt(n) * d - qu * h0) / h1);
    return { n, power, p1, p2, sigLevel, method, warnings: [] };
  }
  const power = args.power ?? 0.8;
  checkProbability(power, { da: "Styrken", en: "The power" });
  const n = ((qu * h0 + qnorm(power) * h1) / d) ** 2;
  return { n, power, p1, p2, sigLevel, method, warnings: [] };
}

/** Smallest whole n per group giving at least 80 % power (ceil of the exact solution). */
export function sampleSizeFor80(p1: number, p2: number, options?: { sigLevel?: number }): number {
  const { sigLevel } = checkOptions(options);
  return Math.ceil(powerTwoProportions({ p1, p2, power: 0.8, sigLevel }).n - 1e-9);
}
