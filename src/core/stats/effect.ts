/**
 * Effect measures for two independent proportions x1/n1 (group 1) and x2/n2 (group 2).
 * - Risk difference p1 - p2 with Newcombe's hybrid score interval (Newcombe 1998, method 10),
 *   built from the two Wilson score intervals (no continuity correction; R: prop.test(correct = FALSE)$conf.int).
 * - Relative risk p1 / p2 with the log (Katz) interval: exp(log RR +- z sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)).
 * - Odds ratio with Woolf's logit interval: exp(log OR +- z sqrt(1/a + 1/b + 1/c + 1/d)).
 * Zero cells: when x1 or x2 is 0 (relative risk) or any of the four cells is 0 (odds ratio),
 * 0.5 is added to every cell of the 2x2 table (Haldane-Anscombe), both for the estimate and the
 * interval, and the result says so in `warnings` and `method`.
 */
import { qnorm } from "./dist";
import type { Estimate, Text } from "./types";
import { checkConfLevel, checkCount, fail } from "./validate";

function checkGroups(x1: number, n1: number, x2: number, n2: number, confLevel: number): void {
  for (const v of [x1, n1, x2, n2]) checkCount(v);
  if (n1 < 1 || n2 < 1) fail("STATS_EMPTY_GROUP", "Begge grupper skal have mindst én person.", "Both groups need at least one person.");
  if (x1 > n1 || x2 > n2) fail("STATS_EVENTS_GT_N", "Antal med hændelsen kan ikke være større end gruppens størrelse.", "The number with the event cannot exceed the group size.");
  checkConfLevel(confLevel);
}

/** Wilson score interval for x/n (no continuity correction). */
export function wilson(x: number, n: number, confLevel = 0.95): [number, number] {
  const z = qnorm(1 - (1 - confLevel) / 2);
  const p = x / n;
  const z2 = z * z;
  const centre = 2 * n * p + z2;
  const half = z * Math.sqrt(z2 + 4 * n * p * (1 - p));
  const den = 2 * (n + z2);
  return [x === 0 ? 0 : (centre - half) / den, x === n ? 1 : (centre + half) / den];
}

export function riskDifference(x1: number, n1: number, x2: number, n2: number, confLevel = 0.95): Estimate {
  checkGroups(x1, n1, x2, n2, confLevel);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, confLevel);
  const [l2, u2] = wilson(x2, n2, confLevel);
  const d = p1 - p2;
  return {
    estimate: d,
    lower: d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    upper: d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    confLevel,
    method: { da: "Risikodifference med Newcombes hybride score-interval (Wilson)", en: "Risk difference with Newcombe's hybrid score interval (Wilson)" },
    warnings: [],
  };
}

const HALDANE: Text = {
  da: "Mindst én celle er 0: 0,5 er lagt til alle fire celler (Haldane-korrektion) for estimat og interval.",
  en: "At least one cell is 0: 0.5 was added to all four cells (Haldane correction) for the estimate and interval.",
};

export function relativeRisk(x1: number, n1: number, x2: number, n2: number, confLevel = 0.95): Estimate {
  checkGroups(x1, n1, x2, n2, confLevel);
  const corr = x1 === 0 || x2 === 0;
  const a = corr ? x1 + 0.5 : x1;
  const m1 = corr ? n1 + 1 : n1;
  const c = corr ? x2 + 0.5 : x2;
  const m2 = corr ? n2 + 1 : n2;
  const rr = a / m1 / (c / m2);
  const se = Math.sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2);
  const z = qnorm(1 - (1 - confLevel) / 2);
  return {
    estimate: rr,
    lower: Math.exp(Math.log(rr) - z * se),
    upper: Math.exp(Math.log(rr) + z * se),
    confLevel,
    method: corr
      ? { da: "Relativ risiko med log-interval (Haldane-korrigeret)", en: "Relative risk with log interval (Haldane corrected)" }
      : { da: "Relativ risiko med log-interval", en: "Relative risk with log interval" },
    warnings: corr ? [HALDANE] : [],
  };
}

export function oddsRatio(x1: number, n1: number, x2: number, n2: number, confLevel = 0.95): Estimate {
  checkGroups(x1, n1, x2, n2, confLevel);
  const cells = [x1, n1 - x1, x2, n2 - x2];
  const corr = cells.some((v) => v === 0);
  const [a, b, c, d] = corr ? cells.map((v) => v + 0.5) : cells;
  const or = (a * d) / (b * c);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const z = qnorm(1 - (1 - confLevel) / 2);
  return {
    estimate: or,
    lower: Math.exp(Math.log(or) - z * se),
    upper: Math.exp(Math.log(or) + z * se),
    confLevel,
    method: corr
      ? { da: "Oddsratio med Woolfs logit-interval (Haldane-korrigeret)", en: "Odds ratio with Woolf's logit interval (Haldane corrected)" }
      : { da: "Oddsratio med Woolfs logit-interval", en: "Odds ratio with Woolf's logit interval" },
    warnings: corr ? [HALDANE] : [],
  };
}
