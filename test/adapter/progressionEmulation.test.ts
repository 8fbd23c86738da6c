/**
 * The preview's conditional-format evaluator for the overdue rule of the measurement sheet
 * (=AND($D5<>"",$D5<TODAY(),COUNTA($G5:$K5)=0)): relative rows, absolute columns, blanks, dates, and
 * the formulas it refuses (so the grid never shows a fill it did not compute).
 */
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { conditionalFormatAt, evalCf, parseCfFormula } from "../../src/preview/workbook/extrasState";

const todaySerial = (): number => {
  const d = new Date();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000 + 25569;
};

test("the overdue rule: past planned date and no score → fill; future date, blank date or a score → none", async () => {
  const wb = createPreviewWorkbook();
  const t = todaySerial();
  await wb.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Ark1");
    ws.getRange("D5:G8").values = [
      [t - 10, "", "", ""],
      [t + 10, "", "", ""],
      ["", "", "", ""],
      [t - 10, "", "", "I høj grad"],
    ];
    const cf = ws.getRange("A5:H8").conditionalFormats.add("Custom");
    cf.custom.rule.formula = '=AND($D5<>"",$D5<TODAY(),COUNTA($G5:$G5)=0)';
    cf.custom.format.fill.color = "#FCE4D6";
    await ctx.sync();
  });
  const s = wb.getSheet("Ark1")!;
  expect([4, 5, 6, 7].map((r) => conditionalFormatAt(s, r, 0)?.fill ?? null)).toEqual(["#FCE4D6", null, null, null]);
  // The whole row is filled, not just column D; outside the range nothing is.
  expect(conditionalFormatAt(s, 4, 7)?.fill).toBe("#FCE4D6");
  expect(conditionalFormatAt(s, 4, 8)).toBeUndefined();
});

test("arithmetic, text and logic of the supported subset", () => {
  const cells = { valueAt: (r: number, c: number) => (r === 0 && c === 0 ? 3 : r === 0 && c === 1 ? "ja" : null) };
  const ev = (f: string) => evalCf(parseCfFormula(f), cells, 0, 0);
  expect(ev("=A1+2>4")).toBe(true);
  expect(ev('=B1="ja"')).toBe(true);
  expect(ev('=OR(A1<1,NOT(B1<>"ja"))')).toBe(true);
  expect(ev("=COUNTBLANK(A1:C1)")).toBe(1);
  expect(ev("=COUNT(A1:C1)")).toBe(1);
});

test.each(["A1>1", "=SUM(A1:A3)>1", "=A1>", '=INDIRECT("A1")', "=A1>1)"])("refuses %s", (f) => {
  expect(() => parseCfFormula(f)).toThrow();
});
