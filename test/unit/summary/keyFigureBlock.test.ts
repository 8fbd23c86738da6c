/** The nøgletal block: the direction table and typed entries read back by key after a rebuild, in both languages. */
import { isFormula } from "../../../src/core/report/sheetSpec";
import { parseLeaderEntries, summarySheetSpec, type KeyFigureEntry } from "../../../src/core/summary";
import { baseInput, grid, readBack, rowWith } from "./helpers";

const entry = (over: Partial<KeyFigureEntry>): KeyFigureEntry => ({ figure: "Andel tilbage på kontanthjælp (%)", month: "2026-01", target: 20, actual: 21, tolerance: 1, explanation: "", action: "", ...over });

test.each(["da", "en"] as const)("%s: directions and decimals come back by key figure; a typed formula and a percentage come back as typed", (lang) => {
  const defs = [{ figure: "Andel tilbage på kontanthjælp (%)", direction: "max" as const, decimals: 1 }];
  const typed = { target: { value: 20, formula: "=Sammenligning!B14*2", format: "General" }, tolerance: { value: 0.05, formula: null, format: "0%" } };
  const input = baseInput({ settings: { followUp: null, threshold: 5, lang, audience: "internal" }, comparison: null, entries: { keyFigures: [entry({ typed })], keyDefinitions: defs, answers: {} } });
  const { spec } = summarySheetSpec(input);
  const g = grid(spec);
  const row = g.findIndex((r) => r?.[0] === defs[0].figure && r?.[1] === "2026-01");
  const target = g[row][2];
  expect(isFormula(target!) && target.formula).toBe("=Sammenligning!B14*2");
  expect(g[row][4]).toBe(0.05);
  expect(spec.styles?.some((s) => s.range === `E${row + 1}` && s.style.numberFormat === "0%")).toBe(true);
  const def = rowWith(g, 0, defs[0].figure);
  expect(g[def][1]).toBe(lang === "da" ? "højst" : "at most");
  // read back as the sheet holds it: the formula's value in the values, its text in the formulas
  const values = readBack(spec);
  values[row][2] = 20;
  const formulas = values.map((r, i) => r.map((_, j) => (i === row && j === 2 ? "=Sammenligning!B14*2" : null)));
  const formats = values.map((r, i) => r.map((_, j) => (i === row && j === 4 ? "0%" : "General")));
  const back = parseLeaderEntries(values, { formulas, formats });
  expect(back.keyDefinitions).toEqual(expect.arrayContaining(defs));
  expect(back.keyFigures.find((e) => e.month === "2026-01")).toMatchObject({ target: 20, tolerance: 0.05, typed: { target: { formula: "=Sammenligning!B14*2" }, tolerance: { value: 0.05, format: "0%" } } });
});
