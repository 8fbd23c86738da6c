/**
 * Time to self-support against R's survival package (test/fixtures/register/survival.json, from
 * scripts/fixtures/generate-survival.R): every Kaplan–Meier step with its log-log limits, medians
 * with limits (the midpoint rule where a curve lies at exactly 0.5), the restricted mean at 52 weeks with
 * its SE, the log-rank test and its stratified version with their p-values, over 34 datasets (ties, all censored, no events in one group, one week, late entries,
 * a curve at exactly 0.5) — to 1e-8.
 */
import fixture from "../../fixtures/register/survival.json";
import { kaplanMeier, kmMedian, kmRmst, logRank } from "../../../src/core/register/survival";

interface Curve {
  time: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[]; surv: number[]; stdErr: (number | null)[];
  lower: (number | null)[]; upper: (number | null)[]; median: number | null; medianLower: number | null; medianUpper: number | null;
  rmean: number; seRmean: number;
}
interface Case {
  id: number; kind: string; tau: number; time: number[]; event: number[]; group: number[]; strata: string[];
  all: Curve; g1: Curve; g0: Curve; logRank: { chisq: number; p: number; observed: number[]; expected: number[]; strataChisq: number; strataP: number } | null;
}
const cases = (fixture as unknown as { cases: Case[] }).cases;
/** R's NA and Inf are null in the fixture (a standard error after the last citizen has the event is Inf). */
const close = (value: number | null, want: number | null, what: string): void => {
  const got = value !== null && Number.isFinite(value) ? value : null;
  expect(typeof what).toBe("string");
  if (want === null || got === null) {
    if (got !== want) throw new Error(`${what}: got ${got}, R ${want}`);
    return;
  }
  if (!(Math.abs(got - want) <= 1e-8 * Math.max(1, Math.abs(want)))) throw new Error(`${what}: got ${got}, R ${want}`);
};

function checkCurve(time: number[], event: number[], tau: number, r: Curve): void {
  const km = kaplanMeier(time, event);
  expect(km.steps.map((s) => s.time)).toEqual(r.time);
  km.steps.forEach((s, i) => {
    expect([s.nRisk, s.nEvent, s.nCensor]).toEqual([r.nRisk[i], r.nEvent[i], r.nCensor[i]]);
    close(s.surv, r.surv[i], `surv@${s.time}`);
    close(s.seLogSurv, r.stdErr[i], `se@${s.time}`);
    close(s.lower, r.lower[i], `lower@${s.time}`);
    close(s.upper, r.upper[i], `upper@${s.time}`);
  });
  const m = kmMedian(km);
  close(m.median, r.median, "median");
  close(m.lower, r.medianLower, "median lower");
  close(m.upper, r.medianUpper, "median upper");
  const rm = kmRmst(km, tau);
  close(rm.estimate, r.rmean, "rmean");
  close(rm.se, r.seRmean, "se(rmean)");
}

test("the fixture covers ties, all censored, no events in a group, one week, late entries and a curve at 0.5", () => {
  expect(new Set(cases.map((c) => c.kind)).size).toBe(7);
  expect(cases.length).toBeGreaterThanOrEqual(30);
  expect(new Set(cases.map((c) => JSON.stringify([c.time, c.event, c.group]))).size).toBe(cases.length);
  const at = (r: Curve): number | undefined => r.time.find((_, i) => Math.abs(r.surv[i] - 0.5) < 1e-8 && r.nEvent[i] > 0);
  const half = cases.flatMap((c) => [c.all, c.g1, c.g0]).filter((r) => at(r) !== undefined && r.median !== null && r.median !== at(r));
  // the median as the midpoint: with the next time the curve drops, and with the last time followed
  expect(half.some((r) => r.median! < r.time[r.time.length - 1] && r.median !== (at(r)! + r.time[r.time.length - 1]) / 2)).toBe(true);
  expect(half.some((r) => r.median === (at(r)! + r.time[r.time.length - 1]) / 2)).toBe(true);
});

describe.each(cases.map((c) => [c.id, c.kind, c] as const))("dataset %i (%s)", (_id, _kind, c) => {
  it("Kaplan–Meier, median and restricted mean of all, and of each group", () => {
    checkCurve(c.time, c.event, c.tau, c.all);
    const pick = (g: number) => c.time.map((_, i) => i).filter((i) => c.group[i] === g);
    checkCurve(pick(1).map((i) => c.time[i]), pick(1).map((i) => c.event[i]), c.tau, c.g1);
    checkCurve(pick(0).map((i) => c.time[i]), pick(0).map((i) => c.event[i]), c.tau, c.g0);
  });
  it("log-rank, plain and stratified, with p", () => {
    if (c.logRank === null) {
      expect(c.event.every((e) => e === 0) || new Set(c.group).size < 2).toBe(true);
      return;
    }
    const lr = logRank(c.time, c.event, c.group);
    close(lr.statistic, c.logRank.chisq, "chisq");
    close(lr.pValue, c.logRank.p, "p");
    lr.observed.forEach((o, g) => close(o, c.logRank!.observed[g], `O${g}`));
    lr.expected.forEach((e, g) => close(e, c.logRank!.expected[g], `E${g}`));
    const st = logRank(c.time, c.event, c.group, c.strata);
    close(st.statistic, c.logRank.strataChisq, "stratified chisq");
    close(st.pValue, c.logRank.strataP, "stratified p");
  });
});
