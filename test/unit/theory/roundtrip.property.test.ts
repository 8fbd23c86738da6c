import fc from "fast-check";
import { cellsOf, parseTheorySheet, theorySheetSpec } from "../../../src/core/theory";
import { build, plan } from "./arbitraries";

describe("sheet round trip (property)", () => {
  it("any theory built in the pane reads back exactly from its sheet, in Danish and English, without issues", () => {
    fc.assert(
      fc.property(plan, fc.constantFrom("da" as const, "en" as const), (p, lang) => {
        const t = build(p);
        const parsed = parseTheorySheet(cellsOf(theorySheetSpec(t, lang)));
        expect(parsed.issues).toEqual([]);
        expect(parsed.theory).toStrictEqual(t);
      }),
      { numRuns: 300 },
    );
  });
});
