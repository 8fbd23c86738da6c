/** The planning table against R's power.prop.test (test/fixtures/design/planning.json, scripts/fixtures/generate-design-planning.R). */
import fixture from "../../fixtures/design/planning.json";
import { planSampleSize, planSentences, planningSheetSpec } from "../../../src/core/design";

const nCases = fixture.cases.filter((c) => c.mode === "n");
const powerCases = fixture.cases.filter((c) => c.mode === "power");

test.each(nCases.map((c) => [c.pControl, c.pIntervention, c.alpha, c.power, c.nPerGroup] as const))(
  "n per group for p = %p vs %p, alpha %p, power %p is ceiling(R's n) = %p",
  (pc, pi, alpha, power, n) => {
    const plan = planSampleSize({ rows: [{ outcome: "I job", timepoint: "12 mdr.", pControl: pc, pIntervention: pi }], alpha, mode: { kind: "n", power } });
    expect(plan.rows[0]).toMatchObject({ nPerGroup: n, total: 2 * n, power });
  },
);

test.each(powerCases.map((c) => [c.pControl, c.pIntervention, c.alpha, c.nPerGroup, c.power] as const))(
  "power for p = %p vs %p, alpha %p, n %p per group equals R's %p",
  (pc, pi, alpha, n, power) => {
    const plan = planSampleSize({ rows: [{ outcome: "I job", timepoint: "", pControl: pc, pIntervention: pi }], alpha, mode: { kind: "power", nPerGroup: n } });
    expect(plan.rows[0].power).toBeCloseTo(power, 10);
  },
);

test("several outcomes and time points: the sentence names the largest need; the sheet holds the table", () => {
  const c1 = nCases.find((c) => c.pControl === 0.2 && c.pIntervention === 0.3 && c.alpha === 0.05 && c.power === 0.8)!;
  const c2 = nCases.find((c) => c.pControl === 0.1 && c.pIntervention === 0.2 && c.alpha === 0.05 && c.power === 0.8)!;
  const plan = planSampleSize({
    rows: [
      { outcome: "Job eller uddannelse", timepoint: "6 mdr.", pControl: 0.1, pIntervention: 0.2 },
      { outcome: "Job eller uddannelse", timepoint: "12 mdr.", pControl: 0.2, pIntervention: 0.3 },
    ],
    alpha: 0.05,
    mode: { kind: "n", power: 0.8 },
  });
  const [first, second] = planSentences(plan, "da");
  expect(first).toBe(`Med 80 % styrke og signifikansniveau 5 % (tosidet test) skal hver gruppe have mindst ${c2.nPerGroup} borgere for at kunne påvise en forskel fra 10 % i kontrolgruppen til 20 % i indsatsgruppen (Job eller uddannelse, 6 mdr.).`);
  expect(second).toBe(`Skal alle resultatmål i tabellen kunne påvises, kræver det største ${c1.nPerGroup} borgere pr. gruppe (${2 * c1.nPerGroup} i alt, Job eller uddannelse, 12 mdr.).`);
  const spec = planningSheetSpec(plan);
  const table = spec.cells[2].values;
  expect(table[0]).toContain("Borgere pr. gruppe");
  expect(table.slice(1).map((r) => [r[1], r[7], r[8]])).toEqual([["6 mdr.", c2.nPerGroup, 2 * c2.nPerGroup], ["12 mdr.", c1.nPerGroup, 2 * c1.nPerGroup]]);
});

test("bad input names the row: equal shares, a share outside 0–1, n below 2", () => {
  const row = { outcome: "Job", timepoint: "18 mdr.", pControl: 0.3, pIntervention: 0.3 };
  expect(() => planSampleSize({ rows: [row], alpha: 0.05, mode: { kind: "n", power: 0.8 } })).toThrow(/^Række 1 \(Job, 18 mdr\.\): De to andele skal være forskellige/);
  expect(() => planSampleSize({ rows: [{ ...row, pIntervention: 1.2 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } })).toThrow(/^Række 1 \(Job, 18 mdr\.\)/);
  expect(() => planSampleSize({ rows: [row], alpha: 0.05, mode: { kind: "power", nPerGroup: 1 } })).toThrow("mindst 2");
});
