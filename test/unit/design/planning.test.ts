/** The planning table against R's power.prop.test (test/fixtures/design/planning.json, scripts/fixtures/generate-design-planning.R). */
import fixture from "../../fixtures/design/planning.json";
import statsFixture from "../../fixtures/stats/planning.json";
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
  expect(table[0]).toContain("Borgere pr. gruppe ved opfølgning");
  const col = (name: string): number => (table[0] as string[]).indexOf(name);
  expect(table.slice(1).map((r) => [r[1], r[col("Borgere pr. gruppe ved opfølgning")], r[col("Borgere i alt")]])).toEqual([["6 mdr.", c2.nPerGroup, 2 * c2.nPerGroup], ["12 mdr.", c1.nPerGroup, 2 * c1.nPerGroup]]);
});

test("bad input names the row: equal shares, a share outside 0–1, n below 2", () => {
  const row = { outcome: "Job", timepoint: "18 mdr.", pControl: 0.3, pIntervention: 0.3 };
  expect(() => planSampleSize({ rows: [row], alpha: 0.05, mode: { kind: "n", power: 0.8 } })).toThrow(/^Række 1 \(Job, 18 mdr\.\): De to andele skal være forskellige/);
  expect(() => planSampleSize({ rows: [{ ...row, pIntervention: 1.2 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } })).toThrow(/^Række 1 \(Job, 18 mdr\.\)/);
  expect(() => planSampleSize({ rows: [row], alpha: 0.05, mode: { kind: "power", nPerGroup: 1 } })).toThrow("mindst 2");
});

const stats = (statsFixture as unknown as { cases: Record<string, number | string | boolean | null>[] }).cases;

test("both ways: the difference a given number per group can detect equals R's power.prop.test p2, one- and two-sided", () => {
  const cases = stats.filter((c) => c.kind === "prop" && c.solve === "p2" && c.p2 !== null && c.strict === false);
  expect(cases.length).toBeGreaterThan(20);
  for (const c of cases) {
    const plan = planSampleSize({
      rows: [{ outcome: "Job", timepoint: "12 mdr.", pControl: c.p1 as number }],
      alpha: c.sigLevel as number,
      sides: c.alternative as "one.sided",
      mode: { kind: "difference", nPerGroup: c.n as number, power: 0.8 },
    });
    expect(Math.abs(plan.rows[0].target - (c.p2 as number))).toBeLessThan(1e-6);
  }
});

test("a mean (progression score) and a time to self-support plan like R's power.t.test and Schoenfeld", () => {
  const m = stats.find((c) => c.kind === "means" && c.solve === "n" && c.type === "two.sample" && c.alternative === "two.sided" && c.strict === false && c.delta === 0.5 && c.sd === 2.5)!;
  const t = stats.find((c) => c.kind === "surv" && c.solve === "n" && c.alternative === "two.sided" && c.sigLevel === 0.05 && c.hr === 1.5 && c.power === 0.8 && c.accrual === 26)!;
  const plan = planSampleSize({
    rows: [
      { kind: "mean", outcome: "Progressionsscore", timepoint: "6 mdr.", sd: 2.5, difference: 0.5 },
      { kind: "time", outcome: "Tid til selvforsørgelse", timepoint: "", medianControl: t.medianControl as number, hr: 1.5, accrual: 26, followUp: t.followUp as number },
    ],
    alpha: 0.05,
    mode: { kind: "n", power: 0.8 },
  });
  expect(plan.rows[0].nPerGroup).toBe(Math.ceil(m.n as number));
  expect(plan.rows[1].nPerGroup).toBe(Math.ceil(t.nPerGroup as number));
  expect(plan.rows[1].events).toBeCloseTo(t.events as number, 6);
  const sheet = planningSheetSpec(plan);
  const body = sheet.cells[2].values.slice(1);
  expect(body[0][2]).toBe("Gennemsnit");
  expect(body[1][2]).toBe("Tid til hændelse");
  expect(body[1][5]).toBe(1.5);
});

test("drop-out inflates the number to include, and the sentence says so", () => {
  const plan = planSampleSize({ rows: [{ outcome: "Job", timepoint: "", pControl: 0.2, pIntervention: 0.35 }], alpha: 0.05, mode: { kind: "n", power: 0.8 }, dropout: 0.2 });
  expect(plan.rows[0].nPerGroup).toBe(138);
  expect(plan.rows[0].nInclude).toBe(173);
  expect(plan.rows[0].total).toBe(346);
  expect(planSentences(plan, "da").join(" ")).toContain("skal der inkluderes 173 borgere pr. gruppe, for at 138 er med ved opfølgningen");
});

test("one-sided planning is said on the sheet and in the sentence", () => {
  const plan = planSampleSize({ rows: [{ outcome: "Job", timepoint: "", pControl: 0.2, pIntervention: 0.35 }], alpha: 0.05, mode: { kind: "n", power: 0.8 }, sides: "one.sided" });
  expect(plan.rows[0].nPerGroup).toBe(109);
  expect(planSentences(plan, "da")[0]).toContain("(ensidet test)");
  expect(planningSheetSpec(plan).cells[2].values[1]).toContain("ensidet");
});

test("every figure in the plan's table is a number (a report author can format and reference it)", () => {
  const plan = planSampleSize({ rows: [{ outcome: "Job", timepoint: "6 mdr.", pControl: 0.2, pIntervention: 0.35 }, { kind: "mean", outcome: "Score", timepoint: "", sd: 1, difference: 0.4 }], alpha: 0.05, mode: { kind: "power", nPerGroup: 60 } });
  const [head, ...body] = planningSheetSpec(plan).cells[2].values;
  const numeric = ["Signifikansniveau", "Styrke", "Borgere pr. gruppe ved opfølgning", "Forventet frafald", "Borgere pr. gruppe, der skal inkluderes", "Borgere i alt"];
  for (const name of numeric) for (const r of body) expect(typeof r[(head as string[]).indexOf(name)]).toBe("number");
});

test("a difference mode without n, or a row without the difference in n mode, is refused in Danish", () => {
  expect(() => planSampleSize({ rows: [{ outcome: "Job", timepoint: "", pControl: 0.2 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } })).toThrow(/Angiv den forventede forskel/);
  expect(() => planSampleSize({ rows: [{ outcome: "Job", timepoint: "", pControl: 0.2 }], alpha: 0.05, mode: { kind: "difference", nPerGroup: 1, power: 0.8 } })).toThrow(/mindst 2/);
});

test("the sheet says under its title when it was made and from what (the one date-time format), in Danish and English", () => {
  const plan = planSampleSize({ rows: [{ outcome: "Job", timepoint: "12 mdr.", pControl: 0.2, pIntervention: 0.4 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } });
  const a2 = (lang: "da" | "en"): unknown => planningSheetSpec(plan, lang, "2026-12-07T09:30:00Z").cells.find((b) => b.address === "A2")?.values[0][0];
  expect(a2("da")).toBe("Lavet 7. dec. 2026 kl. 10.30 ud fra indstillingerne i panelet Forsøgsdesign.");
  expect(a2("en")).toBe("Made 7 Dec 2026, 10:30 from the settings in the Trial design pane.");
  // the table is where it was: the line takes the empty row under the title
  expect(planningSheetSpec(plan, "da", "2026-12-07T09:30:00Z").cells.find((b) => b.address === "A3")?.values[0][0]).toMatch(/^Med 80 % styrke/);
});
