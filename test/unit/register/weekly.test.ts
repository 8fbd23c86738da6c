/**
 * Weekly register measures against R (test/fixtures/register/weekly.json, scripts/fixtures/generate-register.R):
 * R derives the time to the first spell of k self-supporting weeks with its own loop, then survfit,
 * survdiff and t.test; the add-in's analyseRegister must give the same numbers to 1e-8 (every
 * Kaplan–Meier step with its log-log limits, medians, restricted means and their difference with its
 * interval, log-rank χ² and p plain and stratified, shares of weeks, varig selvforsørgelse) over 32
 * datasets: plain, all censored, no events in the control group, a citizen with one observed week,
 * late entries, many ties.
 */
import fixture from "../../fixtures/register/weekly.json";
import { readWeekly, weekIndex } from "../../../src/core/register/layout";
import { analyseRegister, defaultWeekClass, durablySelfSupporting, shareSelfSupporting, timeToSelfSupport, type CitizenWeeks, type WeekClass } from "../../../src/core/register/weekly";

interface Km { time: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[]; surv: number[]; lower: (number | null)[]; upper: (number | null)[] }
interface Case {
  id: number; kind: string; k: number; tau: number; group: number[]; strata: string[]; weeks: string[];
  rmst1: (number | null)[]; rmst0: (number | null)[]; diff: number; diffLower: number; diffUpper: number;
  logRank: number | null; logRankP: number | null; strataLogRank: number | null; strataLogRankP: number | null;
  windows: { from: number; to: number; mean1: number | null; mean0: number | null; n1: number; n0: number; lower: number | null; upper: number | null; p: number | null }[];
  durable: { m: number; n: number; at: number; x1: number; n1: number; x0: number; n0: number; diff: number | null; lower: number | null; upper: number | null };
  km1: Km; km0: Km;
}
const cases = (fixture as unknown as { cases: Case[] }).cases;
const CODE: Record<string, WeekClass | null> = { s: "selvforsoergende", p: "paaVej", a: "andet", ".": null };
const close = (got: number | null, want: number | null): void => {
  if (want === null) return void expect(got === null || !Number.isFinite(got)).toBe(true);
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(want)));
};

test("the fixture: at least 30 datasets with every edge the issue names", () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(["plain", "allCensored", "noEventsControl", "oneWeek", "late", "ties"]));
  const observed = (w: string): number => [...w].filter((ch) => ch !== ".").length;
  // all censored: no log-rank; no events in the control group: its curve never drops
  expect(cases.filter((c) => c.logRank === null).length).toBeGreaterThanOrEqual(3);
  expect(cases.filter((c) => c.logRank !== null && c.km0.nEvent.every((e) => e === 0)).length).toBeGreaterThanOrEqual(3);
  // a citizen observed in one week only, with an event at week 1 (k = 1) and a censoring at week 1
  expect(cases.filter((c) => c.weeks.some((w) => observed(w) === 1) && c.km1.time[0] === 1 && c.km1.nEvent[0] > 0 && c.km0.time[0] === 1 && c.km0.nCensor[0] > 0).length).toBeGreaterThanOrEqual(3);
  // late entries: citizens observed 5–20 weeks; ties: several citizens at one event time
  expect(cases.filter((c) => c.weeks.filter((w) => observed(w) <= 20).length >= 10).length).toBeGreaterThanOrEqual(3);
  expect(cases.every((c) => c.logRank === null || [...c.km1.nEvent, ...c.km0.nEvent].some((e) => e > 1))).toBe(true);
});

describe.each(cases.map((c) => [c.id, c.kind, c] as const))("weekly dataset %i (%s)", (_id, _kind, c) => {
  const citizens: CitizenWeeks[] = c.weeks.map((w, i) => ({ id: `B${i}`, group: c.group[i] as 0 | 1, weeks: [...w].map((ch) => CODE[ch]), stratum: c.strata[i] }));
  const r = analyseRegister(citizens, { windows: c.windows.map((w) => ({ from: w.from, to: w.to })), spellWeeks: c.k });
  it("restricted mean, its SE and the median with limits per group; the difference with its interval", () => {
    expect(r.tau).toBe(c.tau);
    const got = (g: typeof r.intervention) => [g.rmst.estimate, g.rmst.se, g.median.median, g.median.lower, g.median.upper];
    got(r.intervention).forEach((v, i) => close(v, c.rmst1[i]));
    got(r.control).forEach((v, i) => close(v, c.rmst0[i]));
    close(r.rmstDifference.estimate, c.diff);
    close(r.rmstDifference.ci.lower, c.diffLower);
    close(r.rmstDifference.ci.upper, c.diffUpper);
  });
  it("Kaplan–Meier per group: every step (n at risk, events, censored) with S and its log-log limits", () => {
    for (const [curve, want] of [[r.intervention.curve, c.km1], [r.control.curve, c.km0]] as const) {
      expect(curve.steps.map((s) => s.time)).toEqual(want.time);
      expect(curve.steps.map((s) => [s.nRisk, s.nEvent, s.nCensor])).toEqual(want.time.map((_, i) => [want.nRisk[i], want.nEvent[i], want.nCensor[i]]));
      curve.steps.forEach((s, i) => {
        close(s.surv, want.surv[i]);
        close(s.lower, want.lower[i]);
        close(s.upper, want.upper[i]);
      });
    }
  });
  it("varig selvforsørgelse: counts per group, the difference and Newcombe's interval", () => {
    const d = c.durable;
    const got = analyseRegister(citizens, { windows: [], spellWeeks: c.k, durable: { m: d.m, n: d.n, at: d.at } }).durable!;
    expect([got.intervention.x, got.intervention.n, got.control.x, got.control.n]).toEqual([d.x1, d.n1, d.x0, d.n0]);
    close(got.difference, d.diff);
    close(got.ci?.lower ?? null, d.lower);
    close(got.ci?.upper ?? null, d.upper);
  });
  it("log-rank, plain and stratified, with p (none when nobody has a spell)", () => {
    if (c.logRank === null) {
      expect([r.logRank, r.stratifiedLogRank]).toEqual([null, null]);
      return;
    }
    close(r.logRank!.statistic, c.logRank);
    close(r.logRank!.pValue, c.logRankP);
    close(r.stratifiedLogRank!.statistic, c.strataLogRank);
    close(r.stratifiedLogRank!.pValue, c.strataLogRankP);
  });
  it("share of weeks self-supporting per window: means, counts, Welch interval and p", () => {
    r.windows.forEach((w, i) => {
      const want = c.windows[i];
      close(w.intervention.mean, want.mean1);
      close(w.control.mean, want.mean0);
      expect([w.intervention.n, w.control.n]).toEqual([want.n1, want.n0]);
      close(w.ci?.lower ?? null, want.lower);
      close(w.ci?.upper ?? null, want.upper);
      close(w.pValue, want.p);
    });
  });
});

describe("the definitions the sheet states", () => {
  const S: WeekClass = "selvforsoergende";
  const A: WeekClass = "andet";
  it("the event is the first week of the first spell of k observed weeks; the start week is week 1", () => {
    expect(timeToSelfSupport([A, S, S, S, S, A], 4)).toEqual({ time: 2, event: 1 });
    expect(timeToSelfSupport([S, S, S, S], 4)).toEqual({ time: 1, event: 1 });
  });
  it("a gap in the data breaks a spell; no spell is censored at the last observed week", () => {
    expect(timeToSelfSupport([S, S, null, S, S, A, null], 4)).toEqual({ time: 6, event: 0 });
    expect(timeToSelfSupport([null, null], 4)).toBeNull();
  });
  it("40 weeks in work then losing the job in week 51 still counts its self-supporting weeks", () => {
    const weeks: WeekClass[] = [...Array(10).fill(A), ...Array(40).fill(S), ...Array(2).fill(A)];
    expect(shareSelfSupporting(weeks, 1, 52)).toBeCloseTo(40 / 52, 12);
    expect(timeToSelfSupport(weeks, 4)).toEqual({ time: 11, event: 1 });
  });
  it("varig selvforsørgelse: m of the last n weeks", () => {
    const weeks: WeekClass[] = [A, S, S, A, S, S];
    expect(durablySelfSupporting(weeks, 4, 5, 6)).toBe(true);
    expect(durablySelfSupporting(weeks, 5, 5, 6)).toBe(false);
    expect(durablySelfSupporting([S, null, S], 2, 3, 3)).toBeNull();
  });
  it("default classes: no benefit and job are self-supporting, praktik is on the way, sickness benefit is other", () => {
    expect(defaultWeekClass("")).toBe("selvforsoergende");
    expect(defaultWeekClass("Selvforsørgende")).toBe("selvforsoergende");
    expect(defaultWeekClass("Kontanthjælp – i praktik")).toBe("paaVej");
    expect(defaultWeekClass("Sygedagpenge")).toBe("andet");
    expect(defaultWeekClass("Ikke selvforsørgende")).toBe("andet");
  });
});

describe("weekly data in either layout", () => {
  it("ISO year-week codes in the forms registers use are consecutive across a year end", () => {
    expect(weekIndex("2024W52")! + 1).toBe(weekIndex("2025W01"));
    expect(weekIndex("2020-W53")! + 1).toBe(weekIndex("2021-W01"));
    expect(weekIndex("y_202405")).toBe(weekIndex("2024W05"));
    expect(weekIndex("uge 7")).toBe(7);
  });
  it("wide and long give the same citizens; blank is self-supporting, NA is not observed", () => {
    const wide = [
      ["ID", "Gruppe", "2024W51", "2024W52", "2025W01", "2025W02"],
      ["B1", "Indsats", "Kontanthjælp", "", "", "NA"],
      ["B2", "Kontrol", "Sygedagpenge", "Sygedagpenge", "Kontanthjælp – i praktik", ""],
    ];
    const long = [["ID", "Gruppe", "Uge", "Status"], ...wide.slice(1).flatMap((r) => wide[0].slice(2).map((w, j) => [r[0], r[1], w, r[2 + j]]))];
    const a = readWeekly({ sheet: "Uger", cells: wide });
    const b = readWeekly({ sheet: "Uger", cells: long });
    expect(a.layout).toBe("wide");
    expect(b.layout).toBe("long");
    expect(a.citizens).toEqual(b.citizens);
    expect(a.citizens[0].weeks).toEqual(["andet", "selvforsoergende", "selvforsoergende", null]);
    expect(a.citizens[1].weeks).toEqual(["andet", "andet", "paaVej", "selvforsoergende"]);
  });
  it("a CPR number as ID is refused with the cell named and the value not echoed", () => {
    const cells = [["ID", "Gruppe", "uge 1"], ["010190-1234", "Indsats", "Job"]];
    let message = "";
    try {
      readWeekly({ sheet: "Uger", cells });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Arket "Uger", celle A2');
    expect(message).not.toContain("1234");
  });
});
