/**
 * Issue 23 item 7: behaviours that a one-line bug could break without any other test noticing.
 * Each test names the bug it catches (each was applied alone and seen to fail this test).
 */
import { MCNEMAR_EXACT_BELOW, progressionSheetSpec, runProgression, statusTransitions, type ScoreRow } from "../../../src/core/progression";
import { parseRange } from "../../../src/core/report/address";
import type { CellValue, SheetSpec } from "../../../src/core/report/sheetSpec";

const item = { id: "D1", name: "Borgeren kan møde til tiden", min: 1, max: 5, labels: ["1", "2", "3", "4", "5"], reachedAt: 4 };

/** Citizens as [first, latest] scores (latest null: measured once only). */
function rowsOf(pairs: [number, number | null][]): ScoreRow[] {
  return pairs.flatMap(([a, b], i) => {
    const citizen = `B${String(i + 1).padStart(3, "0")}`;
    const first: ScoreRow = { citizen, group: null, round: 1, rater: null, scores: [a] };
    return b === null ? [first] : [first, { citizen, group: null, round: 2, rater: null, scores: [b] }];
  });
}

/** `first → latest` discordant pairs: `down` reached then lost it, `up` reached it later; `both` reached at both. */
function reachedPairs(down: number, up: number, both: number, neither: number): [number, number][] {
  return [
    ...Array.from({ length: down }, (): [number, number] => [4, 2]),
    ...Array.from({ length: up }, (): [number, number] => [2, 5]),
    ...Array.from({ length: both }, (): [number, number] => [4, 5]),
    ...Array.from({ length: neither }, (): [number, number] => [1, 3]),
  ];
}

function grid(s: SheetSpec): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const b of s.cells) {
    const top = parseRange(b.address);
    b.values.forEach((r, i) => r.forEach((v, j) => {
      (rows[top.row + i] ??= [])[top.column + j] = v;
    }));
  }
  return rows;
}

/** The data row under the table whose header row holds `header`, for delmål D1. */
function rowUnder(g: CellValue[][], header: string): { head: CellValue[]; row: CellValue[] } {
  const h = g.findIndex((r) => r?.includes(header));
  expect(h).toBeGreaterThanOrEqual(0);
  const r = g.slice(h + 1).find((x) => typeof x?.[0] === "string" && (x[0] as string).startsWith("D1"))!;
  return { head: g[h], row: r };
}

const sheet = (pairs: [number, number | null][]): CellValue[][] =>
  grid(progressionSheetSpec(runProgression({ items: [item], rows: rowsOf(pairs) }), null, { source: "Progressionsmåling!A4", generatedAt: "2026-12-07 08:00" }, "da"));

describe("McNemar switches from the exact to the corrected test at exactly 25 discordant pairs", () => {
  // Catches: `discordant <= MCNEMAR_EXACT_BELOW` (switch at 26) and `MCNEMAR_EXACT_BELOW = 26`.
  test("the documented threshold is 25", () => expect(MCNEMAR_EXACT_BELOW).toBe(25));
  test("24 discordant pairs: exact binomial test", () => {
    const r = runProgression({ items: [item], rows: rowsOf(reachedPairs(6, 18, 5, 5)) }).items[0];
    expect(r.reached!.table).toEqual([[5, 6], [18, 5]]);
    expect(r.reached!.test!.method.en).toBe("Exact McNemar test (binomial test on the discordant pairs)");
  });
  test("25 discordant pairs: chi-squared with continuity correction, named so on the sheet", () => {
    const pairs = reachedPairs(6, 19, 5, 5);
    const r = runProgression({ items: [item], rows: rowsOf(pairs) }).items[0];
    expect(r.reached!.table).toEqual([[5, 6], [19, 5]]);
    expect(r.reached!.test!.method.en).toBe("McNemar's chi-squared test with continuity correction");
    // R: mcnemar.test(matrix(c(5, 19, 6, 5), 2)) gives X-squared = (|6 - 19| - 1)^2 / 25 = 5.76
    expect(r.reached!.test!.statistic).toBeCloseTo(5.76, 12);
    const { head, row } = rowUnder(sheet(pairs), "Nået ved første");
    expect(row[head.indexOf("Test")]).toBe("McNemars test med kontinuitetskorrektion");
  });
});

describe("progression sheet: reached at first / at latest, and the share improved", () => {
  // 6 reached at first only, 19 reached later only, 5 at both, 5 at neither: first 11/35, latest 24/35.
  test("'Nået ved første' and 'Nået ved seneste' are not swapped", () => {
    // Catches: share(a + c, n), share(a + b, n) in reachedTable (columns swapped).
    const { head, row } = rowUnder(sheet(reachedPairs(6, 19, 5, 5)), "Nået ved første");
    expect(row[head.indexOf("Nået ved første")]).toBeCloseTo(11 / 35, 12);
    expect(row[head.indexOf("Nået ved seneste")]).toBeCloseTo(24 / 35, 12);
  });
  test("'Forbedret' is a share of the citizens with two or more scores, not of all measured", () => {
    // Catches: share(c.improved, r.measured) in changeTable.
    // 3 of 4 paired citizens improved; 2 more were measured once only (6 measured).
    const g = sheet([[1, 3], [2, 4], [1, 2], [3, 3], [2, null], [4, null]]);
    const { head, row } = rowUnder(g, "Forbedret");
    expect(row[head.findIndex((h) => String(h).startsWith("Målt"))]).toBe(6);
    expect(row[head.indexOf("Forbedret")]).toBeCloseTo(3 / 4, 12);
    expect(row[head.indexOf("Uændret")]).toBeCloseTo(1 / 4, 12);
  });
});

describe("status transitions: citizens of an unknown group", () => {
  // Catches: `of[i] = arm[i] === 0 ? 0 : 1` (unknown arm counted as control).
  const t = statusTransitions(
    { statuses: [{ label: "Kontanthjælp" }, { label: "Job" }], timepoints: [{ month: 0, codes: [0, 0, 0, 0, 0] }, { month: 6, codes: [1, 0, 1, 1, 1] }], arm: [0, 1, 255, 255, 1] },
    ["Kontanthjælp", "Job"],
  );
  test("are kept out of the control group's transition table", () => {
    const control = t.tables.find((x) => x.group === "control")!;
    expect(control.counts[0]).toEqual([1, 1, 0]);
    expect(control.rowTotals[0]).toBe(2);
    expect([control.ladderN, control.towardsGoal]).toEqual([2, 1]);
  });
  test("and out of the control group's status distribution", () => {
    expect(t.distributions.filter((d) => d.group === "control").map((d) => d.total)).toEqual([2, 2]);
    expect(t.distributions.filter((d) => d.group === "intervention").map((d) => d.total)).toEqual([1, 1]);
  });
});
