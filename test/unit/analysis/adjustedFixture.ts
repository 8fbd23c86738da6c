/** R fixture cases (test/fixtures/stats/regression.json) as comparison datasets, for the adjusted analysis's tests. */
import fixture from "../../fixtures/stats/regression.json";
import { defaultSettings, type ComparisonSettings } from "../../../src/core/analysis";
import type { Covariate } from "../../../src/core/stats";
import type { CellValue } from "../../../src/core/report/sheetSpec";

export interface Case { id: number; firth?: boolean; y: number[]; group: number[]; covariates: Covariate[]; orWald: number[]; orProfile: number[]; pWald: number; pLR: number; marginal: number[] }
export const cases = (fixture as unknown as { cases: Case[] }).cases;
export const close = (got: number, want: number): void => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(want)));
export const NOW = new Date("2026-12-01T08:00:00Z");

/** Rows of a wide dataset from a fixture case: reached (y = 1) = "Jobparat" at 6 months; group 1 = Indsats. */
export function caseData(c: Case, extra: CellValue[][] = []): { header: CellValue[]; rows: CellValue[][]; settings: ComparisonSettings } {
  const header: CellValue[] = ["ID", "Gruppe", ...c.covariates.map((v) => v.name), "Status 0 mdr", "Status 6 mdr"];
  const rows: CellValue[][] = c.y.map((y, i) => [`C${i + 1}`, c.group[i] === 1 ? "Indsats" : "Kontrol", ...c.covariates.map((v) => v.values[i]), "Kontanthjælp", y === 1 ? "Jobparat" : "Kontanthjælp"]);
  rows.push(...extra);
  const k = c.covariates.length;
  const settings = defaultSettings({
    sheet: "Data",
    address: `A1:${String.fromCharCode(65 + k + 3)}${rows.length + 1}`,
    header: header.map(String),
    layout: "wide",
    columns: { id: 0, group: 1, baseline: c.covariates.map((v, j) => ({ column: 2 + j, type: v.kind === "numeric" ? "continuous" : "categorical" })), timepoints: [{ column: 2 + k, month: 0 }, { column: 3 + k, month: 6 }] },
    statuses: ["Kontanthjælp", "Jobparat", "Fraflyttet"],
  });
  return { header, rows, settings: { ...settings, outcomes: [{ id: "job", name: "Job", statuses: ["Jobparat"] }], adjustment: { covariates: c.covariates.map((v) => v.name) } } };
}

