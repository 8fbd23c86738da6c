/**
 * The nøgletal formulas the sheet gets (keyRowFormulas, keyStatusFormula) computed by the preview's
 * formula engine agree with the core rule (evaluateKeyFigure) for every direction and precision, on
 * random values with up to three decimals and on the exact boundaries (actual = target ± tolerance),
 * where binary floating point would flag what a reader sees as equal.
 */
import fc from "fast-check";
import { evaluateKeyFigure, keyRowFormulas, keyStatusFormula, type Direction } from "../../src/core/summary";
import { createPreviewWorkbook } from "../../src/preview/workbook";

const WORD: Record<Direction, string> = { min: "mindst", max: "højst", both: "interval" };
const DIRS: Direction[] = ["min", "max", "both"];

interface Case {
  direction: Direction;
  target: number;
  tolerance: number;
  /** -1: on the lower boundary, 1: on the upper, 0: the random `actual`. */
  at: -1 | 0 | 1;
  actual: number;
}

const dec3 = fc.integer({ min: -99999, max: 99999 }).map((n) => n / 1000);
const caseArb: fc.Arbitrary<Case> = fc.record({
  direction: fc.constantFrom(...DIRS),
  target: dec3,
  tolerance: fc.integer({ min: 0, max: 9999 }).map((n) => n / 1000),
  at: fc.constantFrom(-1 as const, 0 as const, 1 as const),
  actual: dec3,
});

const actualOf = (c: Case): number => (c.at === 0 ? c.actual : c.target + c.at * c.tolerance);

/** Writes the direction table (A1:C3, every figure at `decimals`) and the cases from row 5 with the sheet's formulas; returns the computed flags and status line. */
async function computeFlags(cases: Case[], decimals: number): Promise<{ flags: unknown[]; status: unknown }> {
  const wb = createPreviewWorkbook();
  return wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.getRange("A1:C3").values = DIRS.map((d) => [`Tal ${d}`, WORD[d], decimals]);
    const first = 5;
    const last = first + cases.length - 1;
    const rows = cases.map((c, i) => {
      const { deviation, flag } = keyRowFormulas(first + i, "$A$1:$C$3", "da");
      return [`Tal ${c.direction}`, "2026-01", c.target, actualOf(c), c.tolerance, deviation.formula, flag.formula];
    });
    ws.getRange(`A${first}:G${last}`).formulas = rows as unknown as string[][];
    const status = ws.getRange("A4");
    status.formulas = [[keyStatusFormula(`G${first}:G${last}`, "da").formula]];
    const g = ws.getRange(`G${first}:G${last}`).load("values");
    status.load("values");
    await context.sync();
    return { flags: g.values.map((v) => v[0]), status: status.values[0][0] };
  });
}

test("the sheet's flag formulas agree with the core rule, on random values and on the boundaries", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 3 }), async (cases, decimals) => {
      const out = await computeFlags(cases, decimals);
      const expected = cases.map((c) => (evaluateKeyFigure({ target: c.target, actual: actualOf(c), tolerance: c.tolerance }, { direction: c.direction, decimals }).flagged ? "Afvigelse" : "OK"));
      expect(out.flags).toEqual(expected);
      const f = expected.filter((x) => x === "Afvigelse").length;
      expect(out.status).toBe(`Nu: ${f} af ${cases.length} udfyldte måneder afviger mere end tolerancen.`);
    }),
    { numRuns: 40 },
  );
});

test("on the boundary nothing is flagged, whatever the direction (the issue's example among them)", async () => {
  const cases: Case[] = DIRS.flatMap((direction) => [
    { direction, target: 42.3, tolerance: 2.2, at: 1, actual: 0 },
    { direction, target: 42.3, tolerance: 2.2, at: -1, actual: 0 },
    { direction, target: 0.3, tolerance: 0.2, at: -1, actual: 0 },
  ]);
  const out = await computeFlags(cases, 2);
  expect(out.flags).toEqual(cases.map(() => "OK"));
});
