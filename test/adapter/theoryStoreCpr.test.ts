/** Issue 9, observation 5: theory text was never scanned for CPR numbers. Now refused on save and on load, naming cells only. */
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { loadTheory, saveTheory } from "../../src/excel/theoryStore";
import { TEMPLATES } from "../../src/core/theory/templates";
import type { VirkningError } from "../../src/core/errors";

describe("CPR numbers in the programme theory", () => {
  it("saving a theory with a CPR number in its text is refused, naming the cell it would go to; nothing written", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    const theory = TEMPLATES[0].build();
    theory.activities[0] = { ...theory.activities[0], name: "Mentor for borger 010190\u20111234" };
    const err = (await saveTheory(wb.run.bind(wb), theory, "da", { shapes: true }).catch((e: unknown) => e)) as VirkningError;
    expect(err.code).toBe("CPR_IN_THEORY");
    expect(err.message).toMatch(/som ville blive skrevet i Programteori![A-Z]+\d+(, Programteori![A-Z]+\d+)*\./);
    expect(err.message).not.toContain("1234");
    expect(wb.sheetNames()).toEqual(["Borgere", "Noter"]);
  });

  it("a CPR number typed on the sheet is refused when the theory is read, naming the cell", async () => {
    const wb = createPreviewWorkbook({ sample: true });
    await saveTheory(wb.run.bind(wb), TEMPLATES[0].build(), "da", { shapes: true });
    wb.setCellByUser("Programteori", 40, 3, "Eksempel: 01 01 90 1234");
    const err = (await loadTheory(wb.run.bind(wb)).catch((e: unknown) => e)) as VirkningError;
    expect(err.code).toBe("CPR_IN_THEORY");
    expect(err.message).toContain("(Programteori!D41)");
  });
});
