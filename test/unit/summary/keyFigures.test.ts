/** Nøgletal: deviation and flag, months as typed, the rows kept and their order. */
import {
  BLANK_KEY_FIGURE_ROWS,
  DEFAULT_DECIMALS,
  definitionOf,
  entryNumber,
  evaluateKeyFigure,
  keyFigureDefinitions,
  keyFigureRows,
  KL_KEY_FIGURES,
  normaliseMonth,
  roundLikeExcel,
  type Direction,
  type KeyFigureEntry,
} from "../../../src/core/summary";

const e = (figure: string, month: string, target: number | null, actual: number | null, tolerance: number | null = 2): KeyFigureEntry => ({ figure, month, target, actual, tolerance, explanation: "", action: "" });

test("deviation = actual − target; flagged only beyond the tolerance (interval: both ways); a blank tolerance is 0", () => {
  expect(evaluateKeyFigure({ target: 30, actual: 27, tolerance: 2 })).toEqual({ deviation: -3, flagged: true });
  expect(evaluateKeyFigure({ target: 30, actual: 32, tolerance: 2 })).toEqual({ deviation: 2, flagged: false });
  expect(evaluateKeyFigure({ target: 30, actual: 32.5, tolerance: 2 })).toEqual({ deviation: 2.5, flagged: true });
  expect(evaluateKeyFigure({ target: 30, actual: 40, tolerance: null })).toEqual({ deviation: 10, flagged: true });
  expect(evaluateKeyFigure({ target: 30, actual: 30, tolerance: null })).toEqual({ deviation: 0, flagged: false });
  expect(evaluateKeyFigure({ target: null, actual: 40, tolerance: 1 })).toEqual({ deviation: null, flagged: false });
});

describe("decimal-exact at the boundary, for every direction (issue 20: 42,3 → 44,5 with tolerance 2,2)", () => {
  // in binary floating point 44,5 − 42,3 is 2,200000000000003 > 2,2: the naive comparison flags it
  test("the naive comparison is wrong, which is why the rule rounds", () => {
    expect(44.5 - 42.3 > 2.2).toBe(true);
    expect(42.3 - 40.1).not.toBe(2.2);
  });
  const at = (direction: Direction, decimals: number) => (target: number, actual: number, tolerance: number) => evaluateKeyFigure({ target, actual, tolerance }, { direction, decimals }).flagged;
  test("højst (lower is better): on the boundary above not flagged, 0,01 beyond flagged, any distance below not flagged", () => {
    const f = at("max", 2);
    expect(f(42.3, 44.5, 2.2)).toBe(false);
    expect(f(42.3, 44.51, 2.2)).toBe(true);
    expect(f(42.3, 20, 2.2)).toBe(false);
    expect(at("max", 1)(42.3, 44.5, 2.2)).toBe(false);
    expect(at("max", 1)(42.3, 44.6, 2.2)).toBe(true);
  });
  test("mindst (higher is better): on the boundary below not flagged, 0,01 beyond flagged, any distance above not flagged", () => {
    const f = at("min", 2);
    expect(f(44.5, 42.3, 2.2)).toBe(false);
    expect(f(44.5, 42.29, 2.2)).toBe(true);
    expect(f(44.5, 90, 2.2)).toBe(false);
    expect(f(0.3, 0.1, 0.2)).toBe(false); // 0,1 − 0,3 = −0,19999999999999998
    expect(f(0.3, 0.09, 0.2)).toBe(true);
  });
  test("interval: both boundaries not flagged, 0,01 beyond either flagged", () => {
    const f = at("both", 2);
    expect(f(42.3, 44.5, 2.2)).toBe(false);
    expect(f(42.3, 40.1, 2.2)).toBe(false);
    expect(f(42.3, 44.51, 2.2)).toBe(true);
    expect(f(42.3, 40.09, 2.2)).toBe(true);
  });
  test("the stated precision decides: at 1 decimal 44,51 is 44,5 and on the boundary; at 0 decimals 2,4 is 2", () => {
    expect(at("both", 1)(42.3, 44.51, 2.2)).toBe(false);
    expect(at("both", 0)(10, 12.4, 2)).toBe(false);
    expect(at("both", 0)(10, 12.5, 2)).toBe(true); // 2,5 rounds away from zero to 3, as Excel's ROUND
  });
  test("percentages (5 % typed is 0,05): the same rule on the stored fractions", () => {
    expect(at("max", 3)(0.423, 0.445, 0.022)).toBe(false);
    expect(at("max", 4)(0.423, 0.4451, 0.022)).toBe(true);
  });
});

test("Excel's ROUND: half away from zero on 15 significant digits", () => {
  expect(roundLikeExcel(2.200000000000003, 1)).toBe(2.2);
  expect(roundLikeExcel(1.005, 2)).toBe(1.01);
  expect(roundLikeExcel(-2.5, 0)).toBe(-3);
  expect(roundLikeExcel(1234.5, -2)).toBe(1200);
  expect(roundLikeExcel(1e-7, 2)).toBe(0);
});

test("a figure's direction and decimals come from its row of the table; KL's examples are 'mindst' with 1 decimal; others interval", () => {
  const act = KL_KEY_FIGURES[0].da;
  const defs = keyFigureDefinitions([{ figure: "Andel tilbage på kontanthjælp (%)", direction: "max", decimals: 1 }], [e("Nyt tal", "2026-01", 1, 2)], "da");
  expect(defs.map((d) => [d.figure, d.direction, d.decimals])).toEqual([
    ...KL_KEY_FIGURES.map((t) => [t.da, "min", 1]),
    ["Andel tilbage på kontanthjælp (%)", "max", 1],
    ["Nyt tal", "both", DEFAULT_DECIMALS],
  ]);
  expect(definitionOf(act.toUpperCase(), defs)).toEqual({ direction: "min", decimals: 1 });
  expect(definitionOf("ukendt", defs)).toEqual({ direction: "both", decimals: DEFAULT_DECIMALS });
  expect(definitionOf("x", [{ figure: "x", direction: "max", decimals: null }])).toEqual({ direction: "max", decimals: 0 });
});

test("months as leaders type them become yyyy-mm; other text stays as typed", () => {
  expect(normaliseMonth("2026-1")).toBe("2026-01");
  expect(normaliseMonth("01/2026")).toBe("2026-01");
  expect(normaliseMonth("januar 2026")).toBe("2026-01");
  expect(normaliseMonth("okt. 2026")).toBe("2026-10");
  expect(normaliseMonth(46023)).toBe("2026-01"); // Excel serial of 01-01-2026
  expect(normaliseMonth("Q1 2026")).toBe("Q1 2026");
  expect(normaliseMonth(null)).toBe("");
});

test("numbers as typed: Danish decimal comma and a percent sign", () => {
  expect(entryNumber("42,5")).toBe(42.5);
  expect(entryNumber("42 %")).toBe(42);
  expect(entryNumber(7)).toBe(7);
  expect(entryNumber("cirka 4")).toBeNull();
});

test("every entry is kept; grouped by key figure (KL's first), months ascending; placeholders and blank rows follow", () => {
  const act = KL_KEY_FIGURES[0].da;
  const own = "Borgere i virksomhedspraktik (antal)";
  const rows = keyFigureRows([e(own, "2026-02", 10, 12), e(act, "2026-02", 30, 27), e(own, "2026-01", 10, 9), e(act, "2026-01", 30, 31)], "da");
  const filled = rows.filter((r) => r.month !== "");
  expect(filled.map((r) => `${r.figure}|${r.month}`)).toEqual([`${act}|2026-01`, `${act}|2026-02`, `${own}|2026-01`, `${own}|2026-02`]);
  // KL's other three examples appear once as placeholders; the used one does not
  const names = rows.filter((r) => r.month === "" && r.figure !== "").map((r) => r.figure);
  expect(names).toEqual(KL_KEY_FIGURES.slice(1).map((t) => t.da));
  expect(rows.filter((r) => r.figure === "" && r.month === "")).toHaveLength(BLANK_KEY_FIGURE_ROWS);
});
