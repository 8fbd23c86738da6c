/** Issue 9, observation 8: a ";" inside a status label survives saveTheory → loadTheory. */
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { loadTheory, saveTheory } from "../../src/excel/theoryStore";
import { TEMPLATES } from "../../src/core/theory/templates";

it("status labels with ';' round-trip through the Programteori sheet", async () => {
  const wb = createPreviewWorkbook();
  const run = wb.run.bind(wb);
  const theory = TEMPLATES[0].build();
  const goal = theory.finalGoals[0];
  theory.finalGoals[0] = { ...goal, indicator: { ...goal.indicator!, reached: { kind: "statuses", statuses: ["Job; fuld tid", "Uddannelse"] } } };
  await saveTheory(run, theory, "da", { shapes: true });
  const loaded = await loadTheory(run);
  expect(loaded?.theory.finalGoals[0].indicator?.reached).toEqual({ kind: "statuses", statuses: ["Job; fuld tid", "Uddannelse"] });
  expect(loaded?.theory).toEqual(theory);
});
