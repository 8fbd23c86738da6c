/**
 * Progress of long computations (issue 23 item 6): the r×c exact test reports how much of its work
 * budget it has used while it runs, gives the same answer whether anyone listens or not, and stops
 * when the listener throws (the pane's cancel on the main thread).
 */
import { withProgress, type ProgressReport } from "../../../src/core/progress";
import { fisherExact, wilcoxonRankSum, wilcoxonSignedRank } from "../../../src/core/stats";
import { RXC_EXACT_BUDGET, RXC_PROGRESS_EVERY } from "../../../src/core/stats/fisherRxC";

// 30 categories × 2 groups of about 1,250: an exact r×c test of several million work units.
const table = Array.from({ length: 30 }, (_, i) => [40 + (i % 3), 40 + ((i * 7) % 5)]);

test("the r×c exact test reports its share of the budget, rising, and the p-value does not change", () => {
  const reports: ProgressReport[] = [];
  const heard = withProgress((r) => reports.push(r), () => fisherExact(table));
  const quiet = fisherExact(table);
  expect(heard.pValue).toBe(quiet.pValue);
  expect(heard.method.en).toBe("Fisher's exact test (r x c, exact)");
  expect(reports.length).toBeGreaterThanOrEqual(2);
  expect(reports.every((r) => r.what.da === "Fishers eksakte test (r×c)")).toBe(true);
  const fractions = reports.map((r) => r.fraction!);
  for (let i = 1; i < fractions.length; i++) expect(fractions[i] - fractions[i - 1]).toBeGreaterThanOrEqual(RXC_PROGRESS_EVERY / RXC_EXACT_BUDGET);
  expect(fractions[fractions.length - 1]).toBeLessThanOrEqual(1);
});

test("a listener that throws stops the computation at its next report", () => {
  let calls = 0;
  const stop = new Error("annulleret");
  expect(() => withProgress(() => {
    calls++;
    if (calls === 2) throw stop;
  }, () => fisherExact(table))).toThrow(stop);
  expect(calls).toBe(2);
});

test("the simulated p-value reports its share of the draws", () => {
  const reports: ProgressReport[] = [];
  const r = withProgress((x) => reports.push(x), () => fisherExact([[3, 4, 2], [5, 1, 4]], { simulate: { B: 5000, seed: 1 } }));
  expect(r.method.en).toBe("Fisher's exact test (r x c, Monte Carlo simulated p-value)");
  expect(reports.map((x) => x.fraction)).toEqual([0, 1024, 2048, 3072, 4096].map((b) => b / 5000));
});

test("outside withProgress nothing is reported, and nested listeners are restored", () => {
  const outer: ProgressReport[] = [];
  const inner: ProgressReport[] = [];
  withProgress((r) => outer.push(r), () => {
    withProgress((r) => inner.push(r), () => fisherExact([[3, 4, 2], [5, 1, 4]], { simulate: { B: 1500, seed: 1 } }));
    fisherExact([[3, 4, 2], [5, 1, 4]], { simulate: { B: 10, seed: 1 } });
  });
  expect(inner).toHaveLength(2);
  expect(outer).toHaveLength(1);
});

test("the exact rank distributions report their share of the work, and their p-values do not change", () => {
  const x = Array.from({ length: 45 }, (_, i) => i * 1.5 + 0.25);
  const y = Array.from({ length: 40 }, (_, i) => i * 1.7 + 3.1);
  const reports: ProgressReport[] = [];
  const heard = withProgress((r) => reports.push(r), () => wilcoxonRankSum(x, y));
  expect(heard.pValue).toBe(wilcoxonRankSum(x, y).pValue);
  expect(heard.method.en).toBe("Wilcoxon rank sum exact test");
  // one report per step of Harding's product, one step per citizen of the smaller group (40)
  expect(reports.length).toBe(40);
  expect(reports.map((r) => r.fraction)).toEqual(Array.from({ length: 40 }, (_, j) => j / 40));
  expect(reports[0].what.da).toBe("Eksakt fordeling af rangsummen");
  const d = Array.from({ length: 30 }, (_, i) => (i % 2 ? 1 : -1) * (i + 0.5) + 2);
  const signed: ProgressReport[] = [];
  withProgress((r) => signed.push(r), () => wilcoxonSignedRank(d, d.map(() => 0)));
  expect(signed.length).toBe(30);
  expect(signed[0].what.da).toBe("Eksakt fordeling af fortegnsrangsummen");
});
