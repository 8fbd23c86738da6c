/**
 * The key-result sentence's rule at its boundaries: p at 0.05 and 0.10, the interval touching and
 * crossing 0, groups at MIN_GROUP_N and SMALL_GROUP_N, counts below the small-number threshold.
 * Inputs are given directly (the rule judges a p-value and an interval; their computation is the
 * stats engine's, checked against R there).
 */
import { keyResult, MIN_GROUP_N, SMALL_GROUP_N, verdictOf, type KeyResultInput } from "../../../src/core/summary";

function input(over: Partial<KeyResultInput> = {}): KeyResultInput {
  return {
    outcome: "Afklaret til job/uddannelse",
    month: 12,
    intervention: { x: 20, n: 40 },
    control: { x: 10, n: 40 },
    difference: { estimate: 0.25, lower: 0.04, upper: 0.43 },
    pValue: 0.02,
    test: { da: "Pearsons χ²-test", en: "Pearson's χ² test" },
    threshold: 5,
    ...over,
  };
}
const ci = (lower: number, upper: number, estimate = (lower + upper) / 2) => ({ estimate, lower, upper });

describe("verdict: p and CI", () => {
  test("p < 0.05 and CI above 0: clear, named test and p in the sentence", () => {
    const r = keyResult(input({ pValue: 0.049, difference: ci(0.01, 0.4, 0.2) }));
    expect(r.verdict).toBe("clear");
    expect(r.sentence.da).toBe('Klar forskel: 50 % i indsatsgruppen og 25 % i kontrolgruppen havde nået "Afklaret til job/uddannelse" ved 12 mdr. – 20,0 procentpoint flere i indsatsgruppen (95 % KI 1,0 til 40,0; Pearsons χ²-test, p = 0,049).');
    expect(r.sentence.en).toContain("Clear difference");
  });

  test("p = 0.045 with a CI crossing 0 is a tendency, not proof", () => {
    const r = keyResult(input({ pValue: 0.045, difference: ci(-0.01, 0.4, 0.2) }));
    expect(r.verdict).toBe("tendency");
    expect(r.sentence.da).toMatch(/^En tendens, ikke en klar forskel: /);
    expect(r.sentence.da).toContain("p = 0,045");
    expect(r.sentence.da).toContain("kan skyldes tilfældigheder");
  });

  test("a CI limit exactly at 0 does not exclude 0", () => {
    expect(verdictOf(input({ pValue: 0.03, difference: ci(0, 0.4) })).verdict).toBe("tendency");
    expect(verdictOf(input({ pValue: 0.03, difference: ci(-0.4, 0) })).verdict).toBe("tendency");
    expect(verdictOf(input({ pValue: 0.03, difference: ci(1e-9, 0.4) })).verdict).toBe("clear");
  });

  test("p exactly 0.05 is not significant; p exactly 0.10 is no longer a tendency", () => {
    expect(verdictOf(input({ pValue: 0.05, difference: ci(-0.02, 0.4) })).verdict).toBe("tendency");
    expect(verdictOf(input({ pValue: 0.0999, difference: ci(-0.02, 0.4) })).verdict).toBe("tendency");
    expect(verdictOf(input({ pValue: 0.1, difference: ci(-0.02, 0.4) })).verdict).toBe("none");
    expect(verdictOf(input({ pValue: 0.0499999, difference: ci(0.001, 0.4) })).verdict).toBe("clear");
  });

  test("a CI excluding 0 while p ≥ 0.05 (test and interval disagree) is a tendency", () => {
    expect(verdictOf(input({ pValue: 0.2, difference: ci(0.01, 0.4) })).verdict).toBe("tendency");
  });

  test("no detectable difference does not claim that the effort has no effect", () => {
    const r = keyResult(input({ pValue: 0.62, difference: ci(-0.15, 0.25, 0.05) }));
    expect(r.verdict).toBe("none");
    expect(r.sentence.da).toMatch(/^Ingen påviselig forskel: /);
    expect(r.sentence.da).toContain("Det viser ikke, at indsatsen er uden virkning");
    expect(r.sentence.da).toContain("p = 0,62");
  });

  test("a negative difference reads 'færre'", () => {
    const r = keyResult(input({ intervention: { x: 10, n: 40 }, control: { x: 20, n: 40 }, pValue: 0.01, difference: ci(-0.43, -0.04, -0.25) }));
    expect(r.verdict).toBe("clear");
    expect(r.sentence.da).toContain("25,0 procentpoint færre i indsatsgruppen");
    expect(r.sentence.en).toContain("25.0 percentage points fewer in the intervention group");
  });
});

describe("verdict: group sizes", () => {
  test(`below ${MIN_GROUP_N} citizens in a group: too few to say, whatever p is`, () => {
    const small = keyResult(input({ intervention: { x: 0, n: MIN_GROUP_N - 1 }, control: { x: 20, n: 40 }, pValue: 0.001, difference: ci(-0.8, -0.3) }));
    expect(small.verdict).toBe("tooFew");
    expect(small.reason).toBe("small");
    expect(small.sentence.da).toContain("For få til at sige noget");
    expect(small.sentence.da).toContain(`mindst ${MIN_GROUP_N} i hver gruppe`);
    const enough = keyResult(input({ intervention: { x: 0, n: MIN_GROUP_N }, control: { x: 20, n: 40 }, pValue: 0.001, difference: ci(-0.8, -0.3) }));
    expect(enough.verdict).toBe("clear");
  });

  test(`groups below ${SMALL_GROUP_N} carry a warning; ${SMALL_GROUP_N} do not`, () => {
    const warn = keyResult(input({ intervention: { x: 15, n: SMALL_GROUP_N - 1 }, control: { x: 5, n: 40 } }));
    expect(warn.smallGroups).toBe(true);
    expect(warn.sentence.da).toContain("Obs: små grupper (under 30 borgere)");
    const ok = keyResult(input({ intervention: { x: 15, n: SMALL_GROUP_N }, control: { x: 5, n: 40 } }));
    expect(ok.smallGroups).toBe(false);
    expect(ok.sentence.da).not.toContain("Obs");
  });

  test("no interval or no p-value: too few to say", () => {
    expect(keyResult(input({ difference: null })).reason).toBe("noTest");
    expect(keyResult(input({ pValue: null })).reason).toBe("noTest");
  });
});

describe("verdict and small-number protection", () => {
  test("a count below the threshold: no share, no difference, nothing in the sentence that gives it back", () => {
    const r = keyResult(input({ intervention: { x: 4, n: 40 }, control: { x: 12, n: 40 }, pValue: 0.03, difference: ci(-0.36, -0.03, -0.2) }));
    expect(r.verdict).toBe("tooFew");
    expect(r.reason).toBe("suppressed");
    expect(r.shareIntervention).toBeNull();
    expect(r.shareControl).toBe(0.3);
    expect(r.difference).toBeNull();
    expect(r.sentence.da).not.toMatch(/\d+ ?%|procentpoint/);
    expect(r.sentence.da).toContain("under 5 borgere");
  });

  test("the complement (n − x) below the threshold is protected too", () => {
    const r = keyResult(input({ intervention: { x: 37, n: 40 }, control: { x: 12, n: 40 } }));
    expect(r.verdict).toBe("tooFew");
    expect(r.shareIntervention).toBeNull();
  });

  test("a higher threshold suppresses more", () => {
    expect(keyResult(input({ threshold: 11 })).verdict).toBe("tooFew");
    expect(keyResult(input({ threshold: 10 })).verdict).toBe("clear");
  });
});
