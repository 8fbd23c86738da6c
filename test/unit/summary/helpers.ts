/** Test helpers: the sample comparison and the spec's cells as a grid from A1. */
import { outcomesFromTheory, runComparison, suggestSettings, type ComparisonResult } from "../../../src/core/analysis";
import { parseCell } from "../../../src/core/report/address";
import { isFormula, type CellScalar, type CellValue, type SheetSpec } from "../../../src/core/report/sheetSpec";
import { SUMMARY_SHEET_NAME, type SummaryInput } from "../../../src/core/summary";
import { TEMPLATES } from "../../../src/core/theory";
import { sampleCitizens } from "../../../src/preview/sampleData";

export const theory = TEMPLATES[0].build();

export function sampleResult(): ComparisonResult {
  const s = sampleCitizens();
  const input = { sheet: "Borgere", address: "A1", header: s.header, rows: s.rows };
  const settings = suggestSettings(input);
  settings.outcomes = outcomesFromTheory(theory);
  return runComparison(input, settings, new Date("2026-11-30T08:00:00Z"));
}

export function baseInput(over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    settings: { followUp: null, audience: "internal", threshold: 5, lang: "da" },
    generatedAt: "2026-11-30T07:00:00Z",
    version: "0.1.0",
    theory: { theory, errors: 0 },
    comparison: { result: sampleResult(), sheet: "Sammenligning" },
    progression: null,
    entries: { keyFigures: [], answers: {} },
    ...over,
  };
}

/** Values (formulas as their text) placed from A1. */
export function grid(spec: SheetSpec): CellValue[][] {
  const out: CellValue[][] = [];
  for (const b of spec.cells) {
    const { row, column } = parseCell(b.address);
    b.values.forEach((r, i) =>
      r.forEach((v, j) => {
        (out[row + i] ??= [])[column + j] = v;
      }),
    );
  }
  return out;
}

/** As read back from the sheet: formulas replaced by null (their values are Excel's). */
export function readBack(spec: SheetSpec): CellScalar[][] {
  return grid(spec).map((r) => (r ?? []).map((v) => (v === undefined ? null : isFormula(v) ? null : v)));
}

export function rowWith(g: CellValue[][], col: number, text: string | RegExp): number {
  return g.findIndex((r) => {
    const v = r?.[col];
    return typeof v === "string" && (typeof text === "string" ? v === text : text.test(v));
  });
}

export { SUMMARY_SHEET_NAME };
