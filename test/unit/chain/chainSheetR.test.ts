/**
 * Every number on "Virkningskæden i data" equals R (test/fixtures/chain/chain.json from
 * scripts/fixtures/generate-chain.R) on the three datasets, read off the sheet as a reader sees it:
 * each number cell of the effect, association and activity tables is matched to its R value (shares
 * from R's x and n, differences and limits in percentage points), and no number cell is left
 * unchecked; the statuses and the "moved" words equal R's; the test named beside each p-value is the one
 * R used under the dataset's policy; the join line gives R's counts.
 */
import { chainSheetSpec, MIN_PER_GROUP, runChain, STATUS_RULE } from "../../../src/core/chain";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { TERMS } from "../../../src/core/vocabulary";
import { grid } from "../summary/helpers";
import { chainInput, close, datasets, NOW, type RDataset, type RShares } from "./fixture";

const DASH = "–";
const WORD: Record<string, string> = {
  stoettet: TERMS.linkSupported.da,
  ikkeStoettet: TERMS.linkNotSupported.da,
  forLidtData: TERMS.tooLittleData.da,
  flyttet: TERMS.subGoalMoved.da,
  ikkeFlyttet: TERMS.subGoalNotMoved.da,
};

/** The rows of the table whose head row satisfies `isHead`, up to the first row that is not a table row (empty, or a line of text in column A only). */
function tableRows(cells: CellValue[][], isHead: (r: CellValue[]) => boolean): { index: number; row: CellValue[] }[] {
  const head = cells.findIndex((r) => r !== undefined && isHead(r));
  expect(head).toBeGreaterThan(0);
  const out: { index: number; row: CellValue[] }[] = [];
  for (let i = head + 1; cells[i] && cells[i].filter((v) => v !== undefined).length > 1; i++) out.push({ index: i, row: cells[i] });
  return out;
}

/** A number R gives (null: the sheet shows a dash). */
function same(got: CellValue, want: number | null, what: string): void {
  if (want === null) {
    expect({ what, got }).toEqual({ what, got: DASH });
    return;
  }
  expect({ what, type: typeof got }).toEqual({ what, type: "number" });
  close(got as number, want);
}

/** The eight number cells of two shares: N, share, N, share, difference, lower, upper (pp), p. */
function expectShares(cells: CellValue[], want: RShares, what: string): void {
  const share = (k: number): number | null => (want.n[k] > 0 ? want.x[k] / want.n[k] : null);
  const pp = (v: number | null): number | null => (v === null ? null : v * 100);
  const expected = [want.n[0], share(0), want.n[1], share(1), pp(want.difference[0]), pp(want.difference[1]), pp(want.difference[2]), want.p];
  expected.forEach((w, k) => same(cells[k], w, `${what} column ${k + 3}`));
}

/** The test R applied under the policy (auto: Fisher when an expected count is below 5). */
function testName(d: RDataset, want: RShares): string | null {
  if (want.p === null) return null;
  const fisher = "Fishers eksakte test";
  const pearson = "Pearsons χ²-test";
  if (d.testPolicy === "fisher") return fisher;
  if (d.testPolicy === "pearson") return pearson;
  if (d.testPolicy !== "auto") throw new Error(`no dataset uses ${d.testPolicy}`);
  const [x1, x2] = want.x;
  const [n1, n2] = want.n;
  const N = n1 + n2;
  const yes = x1 + x2;
  const expectedCounts = [n1 * yes, n1 * (N - yes), n2 * yes, n2 * (N - yes)].map((v) => v / N);
  return Math.min(...expectedCounts) < 5 ? fisher : pearson;
}

describe.each(datasets.map((d) => [d.name, d] as const))("every number on the chain sheet equals R: %s", (_name, d) => {
  const res = runChain(chainInput(d), NOW);
  const cells = grid(chainSheetSpec(res, "da"));
  const isEffectHead = (r: CellValue[]): boolean => r[0] === "Forbindelse" && r[1] === "Mål";
  const isAssocHead = (r: CellValue[]): boolean => r[0] === "Forbindelse" && r[2] === "N nået delmål";
  const isActivityHead = (r: CellValue[]): boolean => r[0] === "Forbindelse" && r[1] === "Aktivitet";
  const idOf = (row: CellValue[]): string => String(row[0]).split(":")[0];

  it("status per delmål → slutmål link as R decides it", () => {
    const head = cells.find((r) => r?.[0] === "Forbindelse" && r.includes(TERMS.status.da))!;
    const at = head.indexOf(TERMS.status.da);
    const rows = tableRows(cells, (r) => r === head);
    expect(rows.map(({ row }) => [idOf(row), row[at]])).toEqual(d.expected.outcomeLinks.map((l) => [l.linkId, WORD[l.status]]));
  });

  it("the status rule is printed under its heading, naming all three statuses and when a delmål counts as moved", () => {
    const at = cells.findIndex((r) => r?.[0] === "Statusreglen");
    expect(at).toBeGreaterThan(0);
    expect(cells[at + 1][0]).toBe(STATUS_RULE.da);
    for (const w of [TERMS.linkSupported.da, TERMS.linkNotSupported.da, TERMS.tooLittleData.da, TERMS.subGoalMoved.da]) expect(STATUS_RULE.da).toContain(`"${w}"`);
    expect(STATUS_RULE.da).toContain(`færre end ${MIN_PER_GROUP} borgere`);
  });

  it("effects on the delmål and the slutmål (follow-up month, N, shares, difference with CI, p and its test)", () => {
    const rows = tableRows(cells, isEffectHead);
    expect(rows.length).toBe(2 * d.expected.outcomeLinks.length);
    for (const want of d.expected.outcomeLinks) {
      const mine = rows.filter(({ row }) => idOf(row) === want.linkId);
      const sub = mine.find(({ row }) => String(row[1]).startsWith("Delmål"))!;
      const fin = mine.find(({ row }) => String(row[1]).startsWith("Slutmål"))!;
      expect(String(fin.row[1])).toMatch(new RegExp(`, ${want.month} mdr\\.$`));
      expectShares(sub.row.slice(2), want.subGoalEffect, `${want.linkId} delmål`);
      expectShares(fin.row.slice(2), want.finalGoalEffect, `${want.linkId} slutmål`);
      expect(sub.row[10]).toBe(testName(d, want.subGoalEffect) ?? DASH);
      expect(fin.row[10]).toBe(testName(d, want.finalGoalEffect) ?? DASH);
    }
  });

  it("association among the measured citizens (N, shares, difference with CI, p and its test)", () => {
    const rows = tableRows(cells, isAssocHead);
    expect(rows.map(({ row }) => idOf(row))).toEqual(d.expected.outcomeLinks.map((l) => l.linkId));
    for (const [k, want] of d.expected.outcomeLinks.entries()) {
      const { row } = rows[k];
      expect(row[1]).toMatch(new RegExp(`, ${want.month} mdr\\.$`));
      expectShares(row.slice(2), want.association, `${want.linkId} association`);
      expect(row[10]).toBe(testName(d, want.association) ?? DASH);
    }
  });

  it("per aktivitet → delmål: N, shares improved / unchanged / worse, median change, p and moved or not, as R", () => {
    const rows = tableRows(cells, isActivityHead);
    expect(rows.map(({ row }) => idOf(row))).toEqual(d.expected.activityLinks.map((l) => l.linkId));
    for (const [k, want] of d.expected.activityLinks.entries()) {
      const { row } = rows[k];
      const share = (x: number): number | null => (want.paired > 0 ? x / want.paired : null);
      [want.paired, share(want.improved), share(want.unchanged), share(want.worse), want.medianChange, want.p].forEach((w, j) => same(row[2 + j], w, `${want.linkId} column ${j + 3}`));
      expect(row[8]).toBe(WORD[want.status]);
    }
  });

  it("the join line gives R's counts (never IDs), and no number cell on the sheet was left unchecked", () => {
    const j = d.expected.join;
    expect(cells.flat()).toContain(`Borgere koblet på ID: ${j.matched}. Kun på målingsarket: ${j.onlyMeasured}. Kun i sagsdata: ${j.onlyCaseData}. Borgernes ID'er vises ikke.`);
    // the cells the tests above compare with R: columns C–J of the effect and association rows, C–H of the activity rows
    const checked = new Set<string>();
    const cover = (rows: { index: number }[], to: number): void => rows.forEach(({ index }) => [...Array(to - 2).keys()].forEach((k) => checked.add(`${index}:${k + 2}`)));
    cover(tableRows(cells, isEffectHead), 10);
    cover(tableRows(cells, isAssocHead), 10);
    cover(tableRows(cells, isActivityHead), 8);
    const numbers: string[] = [];
    cells.forEach((r, i) => r?.forEach((v, c) => typeof v === "number" && numbers.push(`${i}:${c}`)));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((k) => !checked.has(k))).toEqual([]);
  });
});

const tooFew = datasets.flatMap((d) => d.expected.outcomeLinks.filter((l) => l.status === "forLidtData").map((l) => [d.name, l.linkId, d, l] as const));

it.each(tooFew)("%s, %s: 'for lidt data' with R's counts of citizens who reached the delmål and did not", (_name, _id, d, want) => {
  const cells = grid(chainSheetSpec(runChain(chainInput(d), NOW), "da"));
  const line = cells.flat().find((v) => typeof v === "string" && v.startsWith(`${want.linkId} (${TERMS.tooLittleData.da}): `)) as string;
  expect(line).toBeDefined();
  const [yes, no] = want.association.n;
  expect(line).toMatch(yes === 0 ? /Ingen af de målte borgere har nået delmålet/ : new RegExp(`\\(${yes}\\) eller ikke nået det \\(${no}\\)`));
});
