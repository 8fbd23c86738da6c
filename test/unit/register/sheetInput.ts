/** A register sheet's input from an R-checked weekly fixture case (test/fixtures/register/weekly.json). */
import fixture from "../../fixtures/register/weekly.json";
import { analyseRegister, type CitizenWeeks, type WeekClass } from "../../../src/core/register/weekly";
import type { RegisterSheetInput } from "../../../src/core/register/sheet";

export interface WeeklyCase { id: number; k: number; group: number[]; strata: string[]; weeks: string[] }
export const weeklyCases = (fixture as unknown as { cases: WeeklyCase[] }).cases;
const CODE: Record<string, WeekClass | null> = { s: "selvforsoergende", p: "paaVej", a: "andet", ".": null };

export function citizensOf(c: WeeklyCase): CitizenWeeks[] {
  return c.weeks.map((w, i) => ({ id: `B${i}`, group: c.group[i] as 0 | 1, weeks: [...w].map((ch) => CODE[ch]), stratum: c.strata[i] }));
}

export function sheetInputOf(c: WeeklyCase, extra: Partial<RegisterSheetInput> = {}): { input: RegisterSheetInput; citizens: CitizenWeeks[] } {
  const citizens = citizensOf(c);
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
