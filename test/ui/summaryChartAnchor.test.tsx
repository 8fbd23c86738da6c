/**
 * The preview grid keeps a chart on its anchor cells when rows above it grow to fit wrapped text,
 * as Excel's default placement ("move and size with cells") does. The Ledelsesoverblik relies on
 * it: its charts sit below rows of wrapped sentences.
 */
import { anchoredVertical } from "../../src/preview/grid/objectAnchor";
import { Axis, ptToPx } from "../../src/preview/grid/layout";

test("a chart anchored at row 10 stays at row 10 when row 3 grows from 15 to 60 pt", () => {
  const model = new Map<number, number>(); // every row at the default 15 pt when the chart was placed
  const shown = new Axis(40, ptToPx(15), new Map([[3, 60]]));
  const box = anchoredVertical(10 * 15, 5 * 15, model, shown);
  expect(box.top).toBeCloseTo(shown.start(10), 9);
  expect(box.height).toBeCloseTo(shown.span(10, 5), 9);
  expect(box.top).toBeCloseTo(ptToPx(10 * 15 + 45), 9);
});

test("a chart spanning a grown row grows with it, and a fraction of a cell stays a fraction", () => {
  const model = new Map<number, number>([[2, 30]]);
  const shown = new Axis(40, ptToPx(15), new Map([[2, 30], [5, 45]]));
  const box = anchoredVertical(15 + 15 + 30 + 7.5, 3 * 15, model, shown); // from half of row 3 to half of row 6
  expect(box.top).toBeCloseTo(shown.start(3) + shown.size(3) / 2, 9);
  expect(box.top + box.height).toBeCloseTo(shown.start(6) + shown.size(6) / 2, 9);
});
