/** Excel error values in any role column: one problem per column and error value, naming the cells; never counted. */
import { runComparison } from "../../../src/core/analysis";
import { readDataset } from "../../../src/core/data";
import { VirkningValidationError } from "../../../src/core/errors";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows, pilotSettings } from "../analysis/fixture";

function problems(rows: CellValue[][]): string[] {
  try {
    runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, pilotSettings());
  } catch (e) {
    if (e instanceof VirkningValidationError) return e.problems.map((p) => p.message);
    throw e;
  }
  return [];
}

describe("Excel error values", () => {
  it.each([
    [0, "#N/A", "ID", "A3"],
    [1, "#VALUE!", "gruppe", "B3"],
    [2, "#NAME?", "baggrundsvariabel", "C3"],
    [3, "#DIV/0!", "baggrundsvariabel", "D3"],
    [5, "#SPILL!", "status 6 mdr.", "F3"],
  ])("column %i with %s (%s) is reported at %s", (col, err, role, cell) => {
    const rows = pilotRows();
    rows[1][col] = err;
    const p = problems(rows);
    expect(p).toHaveLength(1);
    expect(p[0]).toContain(`(${role}) indeholder Excel-fejlværdien ${err} i 1 celle: Borgere!${cell}.`);
  });

  it("are never counted: not a status, a level or a citizen's value", () => {
    const rows = pilotRows();
    rows[1][5] = "#N/A";
    rows[2][2] = "#N/A";
    const cols = { layout: "wide" as const, id: 0, group: 1, baseline: [{ column: 2, type: "categorical" as const }], timepoints: [{ column: 5, month: 6 }] };
    const { dataset } = readDataset({ sheet: "Borgere", address: "A1", header: HEADER, rows }, cols);
    expect(dataset.statuses.map((s) => s.label)).not.toContain("#N/A");
    const b = dataset.baseline[0];
    expect(b.type === "categorical" && b.levels.map((l) => l.label)).not.toContain("#N/A");
    expect(dataset.timepoints[0].codes[1]).toBe(-1);
  });

  it("text that merely starts with # is data", () => {
    const rows = pilotRows();
    rows[1][2] = "#1 prioritet";
    expect(problems(rows).join()).not.toContain("fejlværdien");
  });
});
