/**
 * The verdict line's rule at its boundaries: p at 0.05 and 0.10, the interval touching and crossing 0,
 * groups at MIN_GROUP_N and SMALL_GROUP_N; small counts never by themselves "too few"; the line's
 * wording, numbers and length; the footnote with test and p. Inputs are given directly (the rule
 * judges a p-value and an interval; their computation is the stats engine's, checked against R there).
 */
import { keyResult, MAX_WORDS, MIN_GROUP_N, SMALL_GROUP_N, verdictOf, wordCount, type KeyResultInput } from "../../../src/core/summary";

const OUTCOME = "Afklaret til job/uddannelse";
function input(over: Partial<KeyResultInput> = {}): KeyResultInput {
  return {
    outcome: OUTCOME,
    month: 12,
    intervention: { x: 20, n: 40 },
    control: { x: 10, n: 40 },
    difference: { estimate: 0.25, lower: 0.04, upper: 0.43 },
    pValue: 0.02,
    test: { da: "Pearsons χ²-test", en: "Pearson's χ² test" },
    ...over,
  };
}
const ci = (lower: number, upper: number, estimate = (lower + upper) / 2) => ({ estimate, lower, upper });

describe("verdict: p and CI", () => {
  test("p < 0.05 and CI above 0: 'Indsatsen ser ud til at virke', the two shares and the difference with its interval; test and p in the footnote", () => {
    const r = keyResult(input({ pValue: 0.049, difference: ci(0.01, 0.4, 0.25) }));
    expect(r.verdict).toBe("clear");
    expect(r.line.da).toBe(`Indsatsen ser ud til at virke på "${OUTCOME}": indsatsgruppen 50 %, kontrolgruppen 25 %, forskel 25 procentpoint (mellem 1 og 40).`);
    expect(r.line.da).not.toMatch(/p =|test/i);
    expect(r.footnote?.da).toBe(`"${OUTCOME}" (12 mdr.): Pearsons χ²-test, p = 0,049`);
    expect(r.line.en).toBe(`The effort seems to work on "${OUTCOME}": intervention 50%, control 25%, difference 25 points (between 1 and 40).`);
  });

  test("p = 0.045 with a CI crossing 0 is only a tendency", () => {
    const r = keyResult(input({ pValue: 0.045, difference: ci(-0.01, 0.4, 0.2) }));
    expect(r.verdict).toBe("tendency");
    expect(r.line.da).toMatch(new RegExp(`^Vi kan ikke se en sikker forskel på "${OUTCOME}" endnu, kun en tendens: `));
    expect(r.line.da).toContain("(mellem -1 og 40)");
    expect(r.footnote?.da).toContain("p = 0,045");
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
    expect(verdictOf(input({ pValue: 0.05, difference: ci(0.001, 0.4) })).verdict).toBe("tendency");
  });

  test("a CI excluding 0 while p ≥ 0.05 (test and interval disagree) is a tendency", () => {
    expect(verdictOf(input({ pValue: 0.2, difference: ci(0.01, 0.4) })).verdict).toBe("tendency");
  });

  test("no detectable difference reads 'Vi kan ikke se en forskel … endnu' (not 'no effect')", () => {
    const r = keyResult(input({ pValue: 0.62, difference: ci(-0.15, 0.25, 0.05) }));
    expect(r.verdict).toBe("none");
    expect(r.line.da).toBe(`Vi kan ikke se en forskel på "${OUTCOME}" endnu: indsatsgruppen 50 %, kontrolgruppen 25 %, forskel 5 procentpoint (mellem -15 og 25).`);
    expect(r.footnote?.da).toContain("p = 0,62");
  });

  test("a clear negative difference does not say the effort works", () => {
    const r = keyResult(input({ intervention: { x: 10, n: 40 }, control: { x: 20, n: 40 }, pValue: 0.01, difference: ci(-0.43, -0.04, -0.25) }));
    expect(r.verdict).toBe("clear");
    expect(r.line.da).toMatch(/^Indsatsgruppen klarer sig dårligere på /);
    expect(r.line.da).toContain("forskel -25 procentpoint (mellem -43 og -4)");
  });
});

describe("verdict: group sizes, never small counts by themselves", () => {
  test(`below ${MIN_GROUP_N} citizens with a valid status in a group: too few, whatever p is; ${MIN_GROUP_N} is enough`, () => {
    const small = keyResult(input({ intervention: { x: 0, n: MIN_GROUP_N - 1 }, control: { x: 20, n: 40 }, pValue: 0.001, difference: ci(-0.8, -0.3) }));
    expect(small.verdict).toBe("tooFew");
    expect(small.reason).toBe("small");
    expect(small.line.da).toBe(`For få borgere til at sige noget om "${OUTCOME}": 9 og 40 med gyldig status ved 12 mdr. (mindst 10 pr. gruppe).`);
    expect(small.footnote).toBeNull();
    expect(keyResult(input({ intervention: { x: 0, n: MIN_GROUP_N }, control: { x: 20, n: 40 }, pValue: 0.001, difference: ci(-0.8, -0.3) })).verdict).toBe("clear");
  });

  test("the pilot's 2 of 26 and 4 of 26 in the control group: the test and the interval decide (p = 0.027 is a verdict, not 'too few')", () => {
    const r = keyResult(input({ intervention: { x: 9, n: 26 }, control: { x: 2, n: 26 }, pValue: 0.027, difference: ci(0.03, 0.46, 0.27) }));
    expect(r.verdict).toBe("clear");
    expect(r.line.da).toContain("kontrolgruppen 8 %");
  });

  test(`groups below ${SMALL_GROUP_N} are marked small (the page's footnote warns); ${SMALL_GROUP_N} are not`, () => {
    expect(keyResult(input({ intervention: { x: 15, n: SMALL_GROUP_N - 1 }, control: { x: 5, n: 40 } })).smallGroups).toBe(true);
    expect(keyResult(input({ intervention: { x: 15, n: SMALL_GROUP_N }, control: { x: 5, n: 40 } })).smallGroups).toBe(false);
  });

  test("no interval or no p-value: too few to say", () => {
    expect(keyResult(input({ difference: null })).reason).toBe("noTest");
    expect(keyResult(input({ pValue: null })).line.da).toBe(`For få borgere til at sige noget om "${OUTCOME}": forskellen kunne ikke beregnes ved 12 mdr.`);
  });

  test("numbers hidden on a publication page: the line says so and gives no number", () => {
    const r = keyResult(input({ control: { x: 2, n: 26 } }), false);
    expect(r.line.da).toBe(`Resultatet for "${OUTCOME}" vises ikke i denne udgave: tallene er så små, at borgere ville kunne genkendes.`);
    expect(r.footnote).toBeNull();
  });
});

test(`no line is longer than ${MAX_WORDS} words besides the slutmål's name (every verdict, both signs, both languages)`, () => {
  const cases: Partial<KeyResultInput>[] = [
    { pValue: 0.001, difference: ci(0.1, 0.4, -0.255) },
    { pValue: 0.001, difference: ci(-0.4, -0.1, -0.255), intervention: { x: 1, n: 40 } },
    { pValue: 0.07, difference: ci(-0.105, 0.405) },
    { pValue: 0.5, difference: ci(-0.105, 0.405) },
    { intervention: { x: 1, n: 9 } },
    { pValue: null },
  ];
  for (const c of cases) {
    const r = keyResult(input(c));
    for (const line of [r.line.da, r.line.en]) expect(wordCount(line, OUTCOME)).toBeLessThanOrEqual(MAX_WORDS);
  }
  expect(wordCount(keyResult(input(), false).line.da, OUTCOME)).toBeLessThanOrEqual(MAX_WORDS);
});
