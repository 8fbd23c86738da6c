/**
 * Issue 23 item 7, leader page (Ledelsesoverblik): small-number behaviours that a one-line bug could
 * break without any other test noticing. Written against the current core (suppression.ts,
 * wording.ts, sheet.ts); the `leader` helper is rewriting suppression, so the lead reconciles these.
 * Each test names the one-line bug it was seen to fail on.
 */
import { keyResult, shownShare, summarySheetSpec, type KeyResultInput } from "../../../src/core/summary";
import { baseInput, grid, rowWith, sampleResult } from "./helpers";

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

describe("a share is hidden when the group itself is below the threshold", () => {
  // Catches: `if (n <= threshold) return false` (a group of exactly t is hidden too) and
  // `isSuppressed = count > 0 && count <= threshold`. Removing `if (n < threshold)` alone is an
  // equivalent change: below t, x or n − x is always a small count, so the share stays hidden.
  test("every share of a group of 1 … t − 1 citizens is hidden, for thresholds 2 … 10", () => {
    for (let t = 2; t <= 10; t++)
      for (let n = 1; n < t; n++)
        for (let x = 0; x <= n; x++) expect(shownShare(x, n, t)).toBeNull();
  });
  test("a group of exactly t citizens shows 0 % and 100 %", () => {
    expect(shownShare(0, 5, 5)).toBe(0);
    expect(shownShare(5, 5, 5)).toBe(1);
    expect(shownShare(0, 10, 10)).toBe(0);
  });
  test("the key result gives no share of a group of 3", () => {
    const r = keyResult(input({ control: { x: 0, n: 3 } }));
    expect(r.verdict).toBe("tooFew");
    expect(r.shareControl).toBeNull();
    expect(r.sentence.da).not.toMatch(/\d+ %/);
  });
});

describe("the 'too few' sentence prints '<5' for a small N", () => {
  // Catches: `String(c.n < t && c.n > 0 ? ... : c.n)` replaced by `String(c.n)`, and `i.n <= t` (a group of exactly t read as '<t').
  test("0 and 3 citizens read '0 og <5'", () => {
    const r = keyResult(input({ intervention: { x: 0, n: 0 }, control: { x: 1, n: 3 } }));
    expect(r.sentence.da).toBe("For få til at sige noget: 0 og <5 borgere med gyldig status ved 12 mdr.; der skal være mindst 10 i hver gruppe.");
    expect(r.sentence.en).toContain("0 and <5 citizens");
  });
  test("4 citizens, the largest small count, read '<5'; 5 citizens read 5", () => {
    expect(keyResult(input({ intervention: { x: 4, n: 4 }, control: { x: 0, n: 0 } })).sentence.da).toContain(": <5 og 0 borgere");
    expect(keyResult(input({ intervention: { x: 0, n: 0 }, control: { x: 0, n: 5 } })).sentence.da).toContain(": 0 og 5 borgere");
    expect(keyResult(input({ intervention: { x: 5, n: 5 }, control: { x: 0, n: 0 } })).sentence.da).toContain(": 5 og 0 borgere");
  });
});

describe("the leader page never prints a small count beside a share", () => {
  // Catches: `${share} (${x}/${shownCount(n, t)})` in shareText (the raw count beside the dash).
  test("3 of 40 reads '– (<5/40)'", () => {
    const result = sampleResult();
    for (const row of result.outcomes[0].rows) row.counts.intervention = { x: 3, n: 40 };
    const g = grid(summarySheetSpec(baseInput({ comparison: { result, sheet: "Sammenligning" } })).spec);
    const head = rowWith(g, 8, "Kilde");
    const row = g[head + 1];
    expect(row[0]).toBe(result.outcomes[0].name);
    expect(row[2]).toBe("– (<5/40)");
    expect(row.filter((v) => typeof v === "string").join("\n")).not.toMatch(/\b3\/40|\(3\//);
  });
});
