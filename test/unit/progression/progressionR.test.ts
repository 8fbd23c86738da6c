/**
 * runProgression and statusTransitions against numbers computed in R
 * (scripts/fixtures/generate-progression.R, frozen in test/fixtures/progression/progression-r.json):
 * a hand-made pilot (checked by hand in the comments below), 40 random citizens × 3 delmål × 4 rounds
 * (ties: normal approximation) and 9 citizens with distinct changes (R's exact signed-rank test).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runProgression, statusTransitions, type Rater, type ScaleItem, type ScoreRow } from "../../../src/core/progression";

interface RRow { citizen: string; group: string; round: number; rater: string; scores: (number | null)[] }
interface RItem {
  item: string; measured: number; paired: number; improved: number; unchanged: number; worse: number; medianChange: number | null;
  firstMean: number | null; latestMean: number | null; firstMedian: number | null; latestMedian: number | null;
  signedRankP: number | null; reachedTable: (number | null)[]; mcnemarP: number | null;
  groupPaired: number[]; groupImproved: number[]; groupMedianChange: (number | null)[]; rankSumP: number | null; improvedP: number | null;
  rounds: { round: number; n: number[]; mean: (number | null)[]; median: (number | null)[] }[];
}
interface RDataset { name: string; items: string[]; reachedAt: (number | null)[]; rater: string; rows: RRow[]; results: RItem[]; agreement: { item: string; pairs: number; agree: number; signedRankP: number | null }[] }
interface RFixture {
  datasets: RDataset[];
  transitions: { statuses: string[]; ladder: string[]; group: string[]; m0: string[]; m6: string[]; m12: string[]; tables: { from: string; to: string; group: string; counts: number[][]; rowTotals: number[]; ladderN: number; towards: number; away: number }[] };
}

const R = JSON.parse(readFileSync(join(__dirname, "..", "..", "fixtures", "progression", "progression-r.json"), "utf8")) as RFixture;

function close(actual: number | null | undefined, expected: number | null): void {
  if (expected === null) {
    expect(actual ?? null).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-10 + 1e-8 * Math.abs(expected));
}

function input(ds: RDataset): { items: ScaleItem[]; rows: ScoreRow[] } {
  const max = ds.name === "exact" ? 20 : 5;
  const min = ds.name === "exact" ? 0 : 1;
  const items = ds.items.map((id, k) => ({ id, name: id, min, max, labels: Array.from({ length: max - min + 1 }, (_, i) => String(min + i)), reachedAt: ds.reachedAt[k] }));
  const rows = ds.rows.map((r) => ({ citizen: r.citizen, group: r.group, round: r.round, rater: r.rater === "all" ? null : (r.rater as Rater), scores: r.scores }));
  return { items, rows };
}

describe.each(R.datasets.map((d) => [d.name, d] as const))("runProgression matches R: %s", (_name, ds) => {
  const result = runProgression(input(ds), { testPolicy: "auto" });

  test("uses the rater R used", () => {
    expect(result.rater).toBe(ds.rater);
  });

  test.each(ds.results.map((r, k) => [r.item, r, k] as const))("delmål %s: counts, medians and p-values", (_id, r, k) => {
    const it = result.items[k];
    expect(it.measured).toBe(r.measured);
    expect(it.change).toMatchObject({ paired: r.paired, improved: r.improved, unchanged: r.unchanged, worse: r.worse });
    close(it.change.medianChange, r.medianChange);
    close(it.firstMean, r.firstMean);
    close(it.latestMean, r.latestMean);
    close(it.firstMedian, r.firstMedian);
    close(it.latestMedian, r.latestMedian);
    close(it.changeTest?.pValue, r.signedRankP);
    if (r.reachedTable[0] === null) expect(it.reached).toBeNull();
    else expect(it.reached?.table.flat()).toEqual(r.reachedTable);
    close(it.reached?.test?.pValue, r.mcnemarP);
    const g = it.groups;
    expect([g?.change.intervention.paired, g?.change.control.paired]).toEqual(r.groupPaired);
    expect([g?.change.intervention.improved, g?.change.control.improved]).toEqual(r.groupImproved);
    close(g?.change.intervention.medianChange, r.groupMedianChange[0]);
    close(g?.change.control.medianChange, r.groupMedianChange[1]);
    close(g?.changeTest?.pValue, r.rankSumP);
    close(g?.improvedTest?.pValue, r.improvedP);
  });

  test("mean and median per round per group", () => {
    ds.results.forEach((r, k) => {
      const rounds = result.items[k].rounds;
      expect(rounds.map((x) => x.round)).toEqual(r.rounds.map((x) => x.round));
      r.rounds.forEach((x, i) => {
        const got = rounds[i];
        expect([got.n.all, got.n.intervention, got.n.control]).toEqual(x.n);
        close(got.mean.all, x.mean[0]);
        close(got.mean.intervention, x.mean[1]);
        close(got.mean.control, x.mean[2]);
        close(got.median.all, x.median[0]);
        close(got.median.control, x.median[2]);
      });
    });
  });

  test("citizen vs caseworker agreement", () => {
    ds.agreement.forEach((a, k) => {
      const got = result.agreement[k];
      expect(got.pairs).toBe(a.pairs);
      expect(got.agree).toBe(a.agree);
      close(got.test?.pValue ?? null, a.signedRankP);
    });
  });
});

describe("hand-checked pilot", () => {
  const ds = R.datasets.find((d) => d.name === "handmade") as RDataset;
  const result = runProgression(input(ds));
  test("B09 has one scored round: measured, but not in the change", () => {
    // 10 citizens scored, 9 with two rounds; changes +3 +1 +2 0 +2 0 −1 +1 +1 → 6 better, 2 same, 1 worse, median +1
    expect(result.items[0].measured).toBe(10);
    expect(result.items[0].change).toEqual({ paired: 9, improved: 6, unchanged: 2, worse: 1, medianChange: 1 });
  });
  test("McNemar is exact for few discordant pairs and names its test", () => {
    // nobody reached 4 at the first score; B01, B03 and B05 did at the latest: b = 0, c = 3, p = 2 · 0.5³ = 0.25
    expect(result.items[0].reached?.test?.method.da).toMatch(/Eksakt McNemar/);
    expect(result.items[0].reached?.test?.pValue).toBeCloseTo(0.25, 12);
  });
  test("the group comparison is left out when asked", () => {
    expect(runProgression(input(ds), { compareGroups: false }).items[0].groups).toBeNull();
  });
});

describe("statusTransitions matches R's table(from, to)", () => {
  const T = R.transitions;
  const labels = T.statuses;
  const code = (s: string): number => (s === "" ? -1 : labels.indexOf(s));
  const result = statusTransitions(
    {
      statuses: labels.map((label) => ({ label })),
      timepoints: [
        { month: 12, codes: Int16Array.from(T.m12.map(code)) },
        { month: 0, codes: Int16Array.from(T.m0.map(code)) },
        { month: 6, codes: Int16Array.from(T.m6.map(code)) },
      ],
      arm: Uint8Array.from(T.group.map((g) => (g === "Indsats" ? 0 : 1))),
    },
    T.ladder.map((s) => s.toUpperCase()),
  );
  test.each(T.tables.map((t) => [`${t.from}→${t.to} ${t.group}`, t] as const))("%s", (_n, t) => {
    const month = (m: string): number => Number(m.slice(1));
    const got = result.tables.find((x) => x.fromMonth === month(t.from) && x.toMonth === month(t.to) && x.group === (t.group === "Indsats" ? "intervention" : "control"));
    expect(got?.counts).toEqual(t.counts);
    expect(got?.rowTotals).toEqual(t.rowTotals);
    expect([got?.ladderN, got?.towardsGoal, got?.awayFromGoal]).toEqual([t.ladderN, t.towards, t.away]);
  });
  test("status distribution per time point counts every citizen of the group once", () => {
    for (const d of result.distributions) expect(d.total).toBe(6);
    expect(result.distributions.map((d) => d.month)).toEqual([0, 0, 6, 6, 12, 12]);
  });
});

test("a group label that is neither intervention nor control is named in a note, its citizens left out of the groups", () => {
  const item = { id: "D1", name: "x", min: 1, max: 5, labels: ["1", "2", "3", "4", "5"], reachedAt: null };
  const rows: ScoreRow[] = [
    { citizen: "a", group: "Indsats", round: 1, scores: [1] },
    { citizen: "a", group: "Indsats", round: 2, scores: [3] },
    { citizen: "b", group: "Hold B", round: 1, scores: [2] },
    { citizen: "b", group: "Hold B", round: 2, scores: [4] },
  ];
  const r = runProgression({ items: [item], rows });
  expect(r.notes.map((n) => n.da).join(" ")).toContain("Gruppen Hold B er hverken indsatsgruppe eller kontrolgruppe");
  expect(r.items[0].groups?.change.intervention.paired).toBe(1);
  expect(r.items[0].groups?.change.control.paired).toBe(0);
  expect(r.items[0].change.paired).toBe(2);
});
