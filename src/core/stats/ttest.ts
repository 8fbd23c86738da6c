/**
 * t-tests as R's t.test: Welch (default, varEqual = false), Student (varEqual = true) and
 * paired (paired = true: one-sample t-test on x - y). Estimate = mean(x) - mean(y) (or the mean
 * difference), with the confidence interval for it.
 */
import { mean } from "./descriptive";
import { pt, qt } from "./dist";
import type { Alternative, TestResult, Text } from "./types";
import { checkAlternative, checkOptions, checkResultNumbers, checkSample, confLevelOf, fail } from "./validate";

export interface TTestOptions {
  varEqual?: boolean;
  paired?: boolean;
  confLevel?: number;
  alternative?: Alternative;
}

function sumSq(x: number[], m: number): number {
  let s = 0;
  for (const v of x) s += (v - m) * (v - m);
  return s;
}

export function tTest(x: number[], y: number[], options?: TTestOptions): TestResult {
  const opts = checkOptions(options);
  const alternative = checkAlternative(opts.alternative);
  const confLevel = confLevelOf(opts.confLevel);
  let df: number;
  let se: number;
  let est: number;
  let method;
  let estimateName: Text;
  if (opts.paired) {
    checkSample(x, 2, { da: "Første måling", en: "The first measurement" });
    checkSample(y, 2, { da: "Anden måling", en: "The second measurement" });
    if (x.length !== y.length) fail("STATS_PAIRED_LENGTH", "Parrede målinger skal have lige mange værdier.", "Paired measurements must have the same number of values.");
    const d = x.map((v, i) => v - y[i]);
    const n = d.length;
    est = mean(d);
    se = Math.sqrt(sumSq(d, est) / (n - 1) / n);
    if (se < 10 * Number.EPSILON * Math.abs(est) || se === 0) fail("STATS_CONSTANT_DATA", "Forskellene er (næsten) konstante; t-testen kan ikke beregnes.", "The differences are (essentially) constant; the t-test cannot be computed.");
    df = n - 1;
    method = { da: "Parret t-test", en: "Paired t-test" };
    estimateName = { da: "middelforskel", en: "mean difference" };
  } else {
    const varEqual = opts.varEqual ?? false;
    checkSample(x, varEqual ? 1 : 2, { da: "Gruppe 1", en: "Group 1" });
    checkSample(y, varEqual ? 1 : 2, { da: "Gruppe 2", en: "Group 2" });
    const nx = x.length;
    const ny = y.length;
    if (varEqual && nx + ny < 3) fail("STATS_TOO_FEW", "t-testen kræver mindst tre observationer i alt.", "The t-test needs at least three observations in total.");
    const mx = mean(x);
    const my = mean(y);
    const vx = nx > 1 ? sumSq(x, mx) / (nx - 1) : 0;
    const vy = ny > 1 ? sumSq(y, my) / (ny - 1) : 0;
    if (varEqual) {
      df = nx + ny - 2;
      let v = 0;
      if (nx > 1) v += (nx - 1) * vx;
      if (ny > 1) v += (ny - 1) * vy;
      v /= df;
      se = Math.sqrt(v * (1 / nx + 1 / ny));
      method = { da: "Students t-test (ens varians)", en: "Two sample t-test (equal variances)" };
    } else {
      const sx = vx / nx;
      const sy = vy / ny;
      se = Math.sqrt(sx + sy);
      df = (se * se) ** 2 / ((sx * sx) / (nx - 1) + (sy * sy) / (ny - 1));
      method = { da: "Welchs t-test", en: "Welch two sample t-test" };
    }
    if (se === 0 || se < 10 * Number.EPSILON * Math.max(Math.abs(mx), Math.abs(my))) {
      fail("STATS_CONSTANT_DATA", "Data er (næsten) konstante; t-testen kan ikke beregnes.", "The data are (essentially) constant; the t-test cannot be computed.");
    }
    est = mx - my;
    estimateName = { da: "forskel i middelværdier", en: "difference in means" };
  }
  const t = est / se;
  let pValue: number;
  let ci: [number, number];
  if (alternative === "less") {
    pValue = pt(t, df);
    ci = [-Infinity, (t + qt(confLevel, df)) * se];
  } else if (alternative === "greater") {
    pValue = pt(-t, df);
    ci = [(t - qt(confLevel, df)) * se, Infinity];
  } else {
    pValue = 2 * pt(-Math.abs(t), df);
    const q = qt(1 - (1 - confLevel) / 2, df);
    ci = [(t - q) * se, (t + q) * se];
  }
  checkResultNumbers([t, df, pValue, est, ci[0], ci[1]]);
  return {
    method, statistic: { name: "t", value: t }, parameter: { df }, pValue, alternative,
    estimate: { name: estimateName, value: est }, ci: { lower: ci[0], upper: ci[1], level: confLevel }, warnings: [],
  };
}
