/**
 * Effect measures for two independent proportions x1/n1 (group 1) and x2/n2 (group 2).
 * - Risk difference p1 - p2 with Newcombe's hybrid score interval (Newcombe 1998, method 10),
 *   built from the two Wilson score intervals (no continuity correction; R: prop.test(correct = FALSE)$conf.int).
 * - Relative risk p1 / p2 with the log (Katz) interval: exp(log RR +- z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)).
 * - Odds ratio with Woolf's logit interval: exp(log OR +- z sqrt(1/a + 1/b + 1/c + 1/d)).
 * Zero cells: when x1 or x2 is 0 (relative risk) or any of the four cells is 0 (odds ratio),
 * 0.5 is added to every cell of the 2x2 table (Haldane-Anscombe), both for the estimate and the
 * interval, and the result says so in `warnings` and `method`. A degenerate interval (length 0,
 * e.g. RR for 10/10 vs 10/10, "1 to 1") comes with a warning that it shows no uncertainty.
 */
import { qnorm } from "./dist";
import type { ConfInt, EstimateResult, Text } from "./types";
import { checkCount, checkOptions, confLevelOf, fail, interval } from "./validate";

export interface EffectOptions {
  /** Confidence level, default 0.95. */
  confLevel?: number;
}

function checkProportion(x: number, n: number): void {
  checkCount(x, { da: "Antal med hændelsen", en: "The number with the event" });
  checkCount(n, { da: "Gruppens størrelse", en: "The group size" });
  if (n < 1) fail("STATS_EMPTY_GROUP", "Begge grupper skal have mindst én person.", "Both groups need at least one person.");
  if (x > n) fail("STATS_EVENTS_GT_N", "Antal med hændelsen kan ikke være større end gruppens størrelse.", "The number with the event cannot exceed the group size.");
}

function checkGroups(x1: number, n1: number, x2: number, n2: number, options: EffectOptions | undefined): number {
  const opts = checkOptions(options);
  checkProportion(x1, n1);
  checkProportion(x2, n2);
  return confLevelOf(opts.confLevel);
}

/** Wilson score interval for x/n (no continuity correction); R: prop.test(x, n, correct = FALSE)$conf.int. */
export function wilson(x: number, n: number, options?: EffectOptions): ConfInt {
  checkProportion(x, n);
  const confLevel = confLevelOf(checkOptions(options).confLevel);
  return { ...wilsonLimits(x, n, confLevel), level: confLevel };
}

function wilsonLimits(x: number, n: number, confLevel: number): { lower: number; upper: number } {
  const z = qnorm(1 - (1 - confLevel) / 2);
  const p = x / n;
  const z2 = z * z;
  const centre = 2 * n * p + z2;
  const half = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
  const den = 2 * (n + z2);
  return { lower: x === 0 ? 0 : (centre - half) / den, upper: x === n ? 1 : (centre + half) / den };
}

export function riskDifference(x1: number, n1: number, x2: number, n2: number, options?: EffectOptions): EstimateResult {
  const confLevel = checkGroups(x1, n1, x2, n2, options);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const { lower: l1, upper: u1 } = wilsonLimits(x1, n1, confLevel);
  const { lower: l2, upper: u2 } = wilsonLimits(x2, n2, confLevel);
  const d = p1 - p2;
  const warnings: Text[] = [];
  return {
    method: { da: "Risikodifference med Newcombes hybride score-interval (Wilson)", en: "Risk difference with Newcombe's hybrid score interval (Wilson)" },
    estimate: { name: { da: "risikodifference", en: "risk difference" }, value: d },
    ci: interval(d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2), confLevel, warnings),
    warnings,
  };
}

const HALDANE: Text = {
  da: "Mindst én celle er 0: 0,5 er lagt til alle fire celler (Haldane-korrektion) for estimat og interval.",
  en: "At least one cell is 0: 0.5 was added to all four cells (Haldane correction) for the estimate and interval.",
};

export function relativeRisk(x1: number, n1: number, x2: number, n2: number, options?: EffectOptions): EstimateResult {
  const confLevel = checkGroups(x1, n1, x2, n2, options);
  const corr = x1 === 0 || x2 === 0;
  const a = corr ? x1 + 0.5 : x1;
  const m1 = corr ? n1 + 1 : n1;
  const c = corr ? x2 + 0.5 : x2;
  const m2 = corr ? n2 + 1 : n2;
  const rr = a / m1 / (c / m2);
  const se = Math.sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2);
  const z = qnorm(1 - (1 - confLevel) / 2);
  const warnings: Text[] = corr ? [HALDANE] : [];
  return {
    method: corr
      ? { da: "Relativ risiko med log-interval (Haldane-korrigeret)", en: "Relative risk with log interval (Haldane corrected)" }
      : { da: "Relativ risiko med log-interval", en: "Relative risk with log interval" },
    estimate: { name: { da: "relativ risiko", en: "relative risk" }, value: rr },
    // everyone in both groups had the event: se = 0 and the interval is 1 to 1 (warned)
    ci: interval(Math.exp(Math.log(rr) - z * se), Math.exp(Math.log(rr) + z * se), confLevel, warnings),
    warnings,
  };
}

export function oddsRatio(x1: number, n1: number, x2: number, n2: number, options?: EffectOptions): EstimateResult {
  const confLevel = checkGroups(x1, n1, x2, n2, options);
  const cells = [x1, n1 - x1, x2, n2 - x2];
  const corr = cells.some((v) => v === 0);
  const [a, b, c, d] = corr ? cells.map((v) => v + 0.5) : cells;
  const or = (a * d) / (b * c);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const z = qnorm(1 - (1 - confLevel) / 2);
  const warnings: Text[] = corr ? [HALDANE] : [];
  return {
    estimate: { name: { da: "oddsratio", en: "odds ratio" }, value: or },
    ci: interval(Math.exp(Math.log(or) - z * se), Math.exp(Math.log(or) + z * se), confLevel, warnings),
    method: corr
      ? { da: "Oddsratio med Woolfs logit-interval (Haldane-korrigeret)", en: "Odds ratio with Woolf's logit interval (Haldane corrected)" }
      : { da: "Oddsratio med Woolfs logit-interval", en: "Odds ratio with Woolf's logit interval" },
    warnings,
  };
}
