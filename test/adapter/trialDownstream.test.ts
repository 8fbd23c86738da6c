/**
 * Issue 21 items 2–3 together: when the comparison takes its groups from "Randomisering", the parts that
 * build on the comparison's citizens use them as randomised too: the measurement sheet's citizens ("Fra
 * sammenligningens data") are the trial's members in their randomised group, and the chain's effects
 * on the slutmål are the comparison's (ITT) numbers. The expected arms come from the independent
 * implementation of the design (test/fixtures/design/allocation.json), not from the code under test.
 */
import fixture from "../fixtures/design/allocation.json";
import { outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { MEASUREMENT_SHEET_NAME } from "../../src/core/progression";
import { randomise, registerDecline } from "../../src/excel/designStore";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { runAndWriteChain } from "../../src/excel/chainStore";
import { citizensFromComparison, generateMeasurementSheet } from "../../src/excel/progressionStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { CHAIN_NOW as NOW, chainItems as items, chainTheory as theory, measurementColumn } from "./helpers/chainWorkbook";
import { designSettingsFor } from "./helpers/designSettings";

const CASE = "sample: Køn, seed 2^32-1, 2 reserves, declines";
const c = fixture.cases.find((x) => x.name === CASE)! as (typeof fixture.cases)[number] & { declines: string[]; afterDeclines: { arms: Record<string, string>; status: Record<string, string> } };
/** In the trial per the fixture (not a reserve left over, not declined), with the arm's name as the add-in writes it. */
const armOf = new Map(
  c.allocation.filter((a) => c.afterDeclines.arms[a.id] !== "R" && c.afterDeclines.status[a.id] !== "declined").map((a) => [a.id, c.afterDeclines.arms[a.id] === "I" ? "Indsatsgruppe" : "Kontrolgruppe"]),
);

async function trialWorkbook() {
  const wb = createPreviewWorkbook({ sample: true });
  const run = wb.run.bind(wb);
  await saveTheory(run, theory, "da", { shapes: true });
  let d = (await randomise(run, designSettingsFor(CASE), { lang: "da", now: NOW })).settings;
  for (const id of c.declines) d = (await registerDecline(run, d, id, { lang: "da", now: NOW })).settings;
  const s = { ...suggestSettings((await readSheetSource(run, "Borgere"))!), outcomes: outcomesFromTheory(theory), randomisation: { strata: false } };
  const comp = await runAndWriteComparison(run, s, { lang: "da", now: NOW });
  await saveComparisonSettings(run, comp.settings);
  return { wb, run, comparison: comp.result };
}

describe("downstream of a comparison with the groups from Randomisering", () => {
  it("the measurement sheet's citizens are the trial's members in their randomised group", async () => {
    const { run } = await trialWorkbook();
    const citizens = await citizensFromComparison(run);
    // the sample's own group column disagrees with the randomisation for some of them
    expect(citizens.length).toBe(armOf.size);
    expect(new Map(citizens.map((x) => [x.id, x.group]))).toEqual(armOf);
  });

  it("the chain's effects on the slutmål are the comparison's as-randomised counts", async () => {
    const { wb, run, comparison } = await trialWorkbook();
    const citizens = await citizensFromComparison(run);
    await generateMeasurementSheet(run, { citizens, startDate: 46023, theory });
    const cols = items.map((it) => measurementColumn(wb, `${it.id}:`));
    const sheet = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
    for (let r = 4; r < sheet.usedExtent().rowCount; r++) {
      const round = sheet.getCell(r, 2)?.value;
      if (round !== 1 && round !== 2) continue;
      items.forEach((it, k) => wb.setCellByUser(MEASUREMENT_SHEET_NAME, r, cols[k], it.labels[(round === 1 ? (r + k) % 2 : (r * (k + 3)) % it.labels.length)]));
    }
    const { result } = await runAndWriteChain(run, { lang: "da", now: NOW });
    expect(result.join.matched).toBe(armOf.size);
    const withEffect = result.outcomeLinks.filter((x) => x.finalGoalEffect);
    expect(withEffect.length).toBeGreaterThan(0);
    for (const l of withEffect) {
      const row = comparison.outcomes.find((x) => x.source?.id === l.finalGoalId)!.rows.find((r) => r.month === l.month)!;
      expect([l.finalGoalEffect!.first.x, l.finalGoalEffect!.first.n, l.finalGoalEffect!.second.x, l.finalGoalEffect!.second.n]).toEqual([row.counts.intervention.x, row.counts.intervention.n, row.counts.control.x, row.counts.control.n]);
    }
  });
});
