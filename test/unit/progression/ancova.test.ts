/**
 * Progression's ANCOVA (issue 25): the score at the last round by group, adjusted for the first round's
 * score, against R's lm on the progression-shaped cases of test/fixtures/stats/regression.json
 * (scripts/fixtures/generate-regression.R): the adjusted and the unadjusted difference, SE, CI and p
 * to 1e-8; the sheet's section with numbers as numbers, the model in words, refusals in Danish.
 */
import fixture from "../../fixtures/stats/regression.json";
import { progressionSheetSpec, runProgression, type ScoreRow } from "../../../src/core/progression";
import { parseRange } from "../../../src/core/report/address";
import type { CellValue, SheetSpec } from "../../../src/core/report/sheetSpec";

interface Case { id: number; kind: string; shape?: string; y: (number | null)[]; group: number[]; covariates: { values: (number | null)[] }[]; coef: number[]; se: number[]; p: number[]; ci: number[]; n: number; excluded: number; unadjusted: number[] }
const cases = (fixture as unknown as { cases: Case[] }).cases.filter((c) => c.shape === "progression");
const close = (got: number, want: number, what: string): void => {
  if (!(Math.abs(got - want) <= 1e-8 * Math.max(1, Math.abs(want)))) throw new Error(`${what}: got ${got}, R ${want}`);
};
const item = { id: "D1", name: "Borgeren kan møde til tiden", min: 1, max: 5, labels: ["1", "2", "3", "4", "5"], reachedAt: 4 };

/** Round 1 = the baseline score, round 3 = the last round's (a middle round 2 in between, which the model ignores). */
function rowsOf(c: Case): ScoreRow[] {
  return c.group.flatMap((g, i) => {
    const citizen = `X${i}`;
    const group = g === 1 ? "Indsats" : "Kontrol";
    const base = c.covariates[0].values[i];
    return [
      { citizen, group, round: 1, rater: null, scores: [base] },
      { citizen, group, round: 2, rater: null, scores: [3] },
      { citizen, group, round: 3, rater: null, scores: [c.y[i]] },
    ];
  });
}

test("there are progression-shaped cases", () => expect(cases.length).toBeGreaterThanOrEqual(4));

describe.each(cases.map((c) => [c.id, c] as const))("R case %i", (_id, c) => {
  const res = runProgression({ items: [item], rows: rowsOf(c) }, { adjustForBaseline: true });
  const a = res.items[0].ancova!;
  it("models round 3 on group + round 1", () => {
    expect([a.first, a.last]).toEqual([1, 3]);
    expect(a.summary.ok).toBe(true);
  });
  it("adjusted and unadjusted differences equal R's lm", () => {
    if (!a.summary.ok) throw new Error("refused");
    const s = a.summary;
    close(s.adjusted.estimate, c.coef[1], "adjusted");
    close(s.adjusted.se, c.se[1], "adjusted se");
    close(s.adjusted.pValue, c.p[1], "adjusted p");
    close(s.adjusted.lower, c.ci[0], "adjusted lower");
    close(s.adjusted.upper, c.ci[1], "adjusted upper");
    const [est, se, p, lo, hi] = c.unadjusted;
    close(s.unadjusted.estimate, est, "unadjusted");
    close(s.unadjusted.se, se, "unadjusted se");
    close(s.unadjusted.pValue, p, "unadjusted p");
    close(s.unadjusted.lower, lo, "unadjusted lower");
    close(s.unadjusted.upper, hi, "unadjusted upper");
    expect([s.n, s.excluded]).toEqual([c.n, c.excluded]);
  });
});

function grid(s: SheetSpec): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const b of s.cells) {
    const top = parseRange(b.address);
    b.values.forEach((r, i) => r.forEach((v, j) => m.set(`${i + top.row},${j + top.column}`, v)));
  }
  return m;
}

describe("the Progression sheet's ANCOVA section", () => {
  const c = cases[1];
  const res = runProgression({ items: [item], rows: rowsOf(c) }, { adjustForBaseline: true });
  const spec = progressionSheetSpec(res, null, { source: "Progressionsmåling!A4", generatedAt: "2026-11-30T08:00:00Z" }, "da");
  const g = grid(spec);
  const texts = [...g.values()].map(String);
  const head = [...g.entries()].find(([, v]) => v === "Forskel i gennemsnit, justeret")![0].split(",").map(Number);
  const row = head[0] + 1;
  const at = (col: number) => g.get(`${row},${col}`);
  it("says what was adjusted for, and that the unadjusted is primary", () => {
    expect(texts).toContain("Justeret analyse (ANCOVA, lineær regression)");
    expect(texts).toContain("Score ved runde 3, justeret for score ved runde 1");
    expect(texts.some((t) => t.startsWith("Den ujusterede forskel er den primære analyse"))).toBe(true);
  });
  it("prints the delmål's row with R's numbers as numbers", () => {
    expect(at(0)).toBe("D1: Borgeren kan møde til tiden");
    expect(at(1)).toBeCloseTo(c.unadjusted[0], 10);
    expect(at(5)).toBeCloseTo(c.coef[1], 10);
    expect(at(6)).toBeCloseTo(c.se[1], 10);
    expect(at(7)).toBeCloseTo(c.ci[0], 10);
    expect(at(8)).toBeCloseTo(c.ci[1], 10);
    expect(at(9)).toBeCloseTo(c.p[1], 10);
    expect(at(10)).toBe(c.n);
    const formats = (spec.styles ?? []).filter((s) => s.range === `J${row + 1}` || s.range.startsWith(`J${row + 1}:`)).map((s) => s.style.numberFormat);
    expect(formats.some((f) => f?.includes("<0,001"))).toBe(true);
  });
  it("the model in words", () => {
    expect(texts.some((t) => t.includes("score ved runde 3 = konstant + gruppe (indsatsgruppe = 1, kontrolgruppe = 0) + score ved runde 1; justeret for score ved runde 1"))).toBe(true);
  });
});

describe("refusals in Danish", () => {
  const c = cases[0];
  it("a constant first-round score names the delmål's round", () => {
    const rows = rowsOf(c).map((r) => (r.round === 1 ? { ...r, scores: [2] } : r));
    const s = runProgression({ items: [item], rows }, { adjustForBaseline: true }).items[0].ancova!.summary;
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.note.da).toMatch(/"D1: Borgeren kan møde til tiden, runde 1" har samme værdi for alle/);
  });
  it("too few citizens per parameter", () => {
    const rows = rowsOf(c).filter((r) => Number(r.citizen.slice(1)) < 12);
    const s = runProgression({ items: [item], rows }, { adjustForBaseline: true }).items[0].ancova!.summary;
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.note.da).toMatch(/For få borgere til en justeret analyse: \d+ til 2 parametre/);
  });
  it("one round: the sheet says why there is no ANCOVA", () => {
    const rows = rowsOf(c).filter((r) => r.round === 1);
    const res = runProgression({ items: [item], rows }, { adjustForBaseline: true });
    expect(res.items[0].ancova).toBeUndefined();
    const spec = progressionSheetSpec(res, null, { source: "P!A4", generatedAt: "2026-11-30T08:00:00Z" }, "da");
    expect([...grid(spec).values()]).toContain("Justeret analyse (ANCOVA) ikke mulig: der skal være mindst 2 runder; der er 1.");
  });
  it("not chosen: no section", () => {
    const res = runProgression({ items: [item], rows: rowsOf(c) });
    expect(res.items[0].ancova).toBeUndefined();
    const spec = progressionSheetSpec(res, null, { source: "P!A4", generatedAt: "2026-11-30T08:00:00Z" }, "da");
    expect([...grid(spec).values()]).not.toContain("Justeret analyse (ANCOVA, lineær regression)");
  });
});
