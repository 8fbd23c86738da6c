/** Nøgletal: deviation and flag, months as typed, the rows kept and their order. */
import { evaluateKeyFigure, keyFigureRows, KL_KEY_FIGURES, normaliseMonth, entryNumber, BLANK_KEY_FIGURE_ROWS, type KeyFigureEntry } from "../../../src/core/summary";

const e = (figure: string, month: string, target: number | null, actual: number | null, tolerance: number | null = 2): KeyFigureEntry => ({ figure, month, target, actual, tolerance, explanation: "", action: "" });

test("deviation = actual − target; flagged only beyond the tolerance", () => {
  expect(evaluateKeyFigure({ target: 30, actual: 27, tolerance: 2 })).toEqual({ deviation: -3, flagged: true });
  expect(evaluateKeyFigure({ target: 30, actual: 32, tolerance: 2 })).toEqual({ deviation: 2, flagged: false });
  expect(evaluateKeyFigure({ target: 30, actual: 32.5, tolerance: 2 })).toEqual({ deviation: 2.5, flagged: true });
  expect(evaluateKeyFigure({ target: 30, actual: 40, tolerance: null })).toEqual({ deviation: 10, flagged: false });
  expect(evaluateKeyFigure({ target: null, actual: 40, tolerance: 1 })).toEqual({ deviation: null, flagged: false });
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
