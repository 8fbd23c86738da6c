/**
 * Planning both ways against R (test/fixtures/stats/planning.json, from
 * scripts/fixtures/generate-planning.R): power.prop.test and power.t.test solved for n, power and
 * the difference, one- and two-sided, strict and not; Schoenfeld's events for time to event.
 * Every figure to 1e-6 relative (R's roots are found with tol = 1e-12).
 */
import fixture from "../../fixtures/stats/planning.json";
import { VirkningError } from "../../../src/core/errors";
import { inflateForDropout, powerTimeToEvent, powerTwoMeans, powerTwoProportions } from "../../../src/core/stats";
import type { PowerSides } from "../../../src/core/stats";

type Case = Record<string, number | string | boolean | null>;
const cases = (fixture as unknown as { cases: Case[] }).cases;
const num = (c: Case, k: string): number | undefined => (typeof c[k] === "number" ? (c[k] as number) : undefined);
const close = (got: number, want: number): void => {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
};

function runProp(c: Case): number {
  const common = { p1: c.p1 as number, sigLevel: c.sigLevel as number, alternative: c.alternative as PowerSides, strict: c.strict as boolean };
  if (c.solve === "n") return powerTwoProportions({ ...common, p2: c.p2 as number, power: c.power as number }).n;
  if (c.solve === "power") return powerTwoProportions({ ...common, p2: c.p2 as number, n: c.n as number }).power;
  return powerTwoProportions({ ...common, n: c.n as number, power: c.power as number }).p2;
}

function runMeans(c: Case): number {
  const common = { sd: c.sd as number, sigLevel: c.sigLevel as number, alternative: c.alternative as PowerSides, strict: c.strict as boolean, type: c.type as "two.sample" };
  if (c.solve === "n") return powerTwoMeans({ ...common, delta: c.delta as number, power: c.power as number }).n;
  if (c.solve === "power") return powerTwoMeans({ ...common, delta: c.delta as number, n: c.n as number }).power;
  return powerTwoMeans({ ...common, n: c.n as number, power: c.power as number }).delta;
}

describe("two proportions, as R's power.prop.test", () => {
  const props = cases.filter((c) => c.kind === "prop");
  it("covers n, power and p2, one- and two-sided, strict", () => {
    expect(new Set(props.map((c) => `${c.solve}/${c.alternative}/${c.strict}`)).size).toBe(9);
  });
  it.each(props.map((c, i) => [i, c] as const))("case %i", (_i, c) => {
    const want = c[c.solve as string];
    if (want === null) {
      expect(() => runProp(c)).toThrow(VirkningError);
    } else {
      close(runProp(c), want as number);
    }
  });
  it("the one-sided n is not the two-sided one (p 0,20 vs 0,35: 108,5 against 137,9)", () => {
    close(powerTwoProportions({ p1: 0.2, p2: 0.35, power: 0.8, alternative: "one.sided" }).n, 108.5174);
    expect(powerTwoProportions({ p1: 0.2, p2: 0.35, power: 0.8 }).n).toBeGreaterThan(137.9);
  });
  it("refuses an option it does not know instead of ignoring it", () => {
    expect(() => powerTwoProportions({ p1: 0.2, p2: 0.35, power: 0.8, sides: 1 } as never)).toThrow(/Ukendt indstilling/);
  });
  it("refuses a power at or below the significance level, as R does (power 0,01)", () => {
    expect(() => powerTwoProportions({ p1: 0.2, p2: 0.35, power: 0.01 })).toThrow(/ikke meningsfuld/);
  });
  it("says when no share up to 100 % can be detected", () => {
    expect(() => powerTwoProportions({ p1: 0.6, n: 5, power: 0.9 })).toThrow(/flere borgere/);
  });
});

describe("two means, as R's power.t.test", () => {
  const means = cases.filter((c) => c.kind === "means");
  it("covers n, power and delta for every type", () => {
    expect(new Set(means.map((c) => `${c.solve}/${c.type}`)).size).toBe(9);
  });
  it.each(means.map((c, i) => [i, c] as const))("case %i", (_i, c) => {
    close(runMeans(c), c[c.solve as string] as number);
  });
  it("needs exactly two of n, difference and power", () => {
    expect(() => powerTwoMeans({ n: 20 })).toThrow(/præcis to/);
  });
});

describe("time to event (Schoenfeld)", () => {
  const surv = cases.filter((c) => c.kind === "surv");
  it.each(surv.map((c, i) => [i, c] as const))("case %i", (_i, c) => {
    const common = { sigLevel: c.sigLevel as number, alternative: c.alternative as PowerSides, medianControl: num(c, "medianControl"), accrual: num(c, "accrual"), followUp: num(c, "followUp") };
    if (c.solve === "n") {
      const r = powerTimeToEvent({ ...common, hr: c.hr as number, power: c.power as number });
      close(r.events, c.events as number);
      close(r.nPerGroup as number, c.nPerGroup as number);
    } else if (c.solve === "power") {
      close(powerTimeToEvent({ sigLevel: common.sigLevel, alternative: common.alternative, hr: c.hr as number, events: c.events as number }).power, c.power as number);
    } else {
      close(powerTimeToEvent({ ...common, nPerGroup: c.nPerGroup as number, power: c.power as number }).hr, c.hr as number);
    }
  });
  it("refuses a hazard ratio of 1", () => {
    expect(() => powerTimeToEvent({ hr: 1, power: 0.8 })).toThrow(/forskelligt fra 1/);
  });
});

describe("drop-out", () => {
  it("inflates to the next whole citizen and refuses 100 %", () => {
    expect(inflateForDropout(100, 0.2)).toBe(125);
    expect(inflateForDropout(101, 0.2)).toBe(127);
    expect(() => inflateForDropout(100, 1)).toThrow(/Frafaldet/);
  });
});
