import { defaultSettings, inspectData, runComparison } from "../../../src/core/analysis";
import { cellHasCpr } from "../../../src/core/data";
import { VirkningError } from "../../../src/core/errors";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows } from "../analysis/fixture";

describe("cellHasCpr (whole values)", () => {
  it.each([
    ["0101901234", true],
    ["010190-1234", true],
    [" 010190-1234 ", true],
    ["010190 1234", true],
    [101901234, true], // 0101901234 typed into a number cell loses its leading zero
    [3112851234, true],
    ["2902004234", true], // 29 Feb 2000 (7th digit 4 -> 2000, a leap year)
    ["2902001234", false], // 29 Feb 1900 does not exist (7th digit 1 -> 1900)
    ["3213901234", false], // day 32
    ["0113901234", false], // month 13
    ["1234567890", false], // month 34
    [9999999999, false],
    ["0000000000", false],
    ["01019012345", false], // eleven digits
    ["010190-12345", false],
    ["P0101901234", false],
    ["Kontanthjælp", false],
    [1234, false],
    [null, false],
    [true, false],
  ])("%p -> %p", (v, expected) => {
    expect(cellHasCpr(v)).toBe(expected);
  });
});

describe("CPR numbers in the data range", () => {
  const s = defaultSettings({
    sheet: "Borgere",
    address: "A1",
    layout: "wide",
    columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 5, month: 6 }] },
    statuses: ["Kontanthjælp", "Jobparat", "Fleksjob", "Kontanthjælp – i praktik"],
  });
  function err(rows: CellValue[][]): VirkningError {
    try {
      runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s);
    } catch (e) {
      return e as VirkningError;
    }
    throw new Error("no error");
  }

  it("refuses to analyse, in Danish, naming the cells", () => {
    const rows = pilotRows();
    rows[1][0] = "010190-1234";
    rows[4][0] = 101901234;
    const e = err(rows);
    expect(e).toBeInstanceOf(VirkningError);
    expect(e.code).toBe("CPR_FOUND");
    expect(e.message).toContain("Borgere!A3");
    expect(e.message).toContain("Borgere!A6");
    expect(e.message).toMatch(/CPR-numre/);
    expect(e.message).toMatch(/pseudonym/);
    expect(e.location).toEqual({ sheet: "Borgere", cell: "A3" });
  });

  it("scans the whole range, also columns not used in the analysis", () => {
    const rows = pilotRows().map((r) => [...r, ""]);
    rows[7][8] = "2512841234";
    const e = err(rows);
    expect(e.code).toBe("CPR_FOUND");
    expect(e.message).toContain("Borgere!I9");
  });

  it("names at most ten cells and says how many more", () => {
    const rows = pilotRows();
    // birthdays spread over the month (a shared birthday is what case-number sequences look like)
    rows.forEach((r, i) => (r[0] = `${String(1 + (i % 28)).padStart(2, "0")}01${String(80 + (i % 10))}${String(1000 + i)}`));
    const e = err(rows);
    expect(e.message).toContain("og 10 flere celler");
  });

  it("does not flag 10-digit IDs that are not dates", () => {
    const rows = pilotRows();
    rows.forEach((r, i) => (r[0] = String(9900000000 + i)));
    expect(() => runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s)).not.toThrow();
  });

  it("inspectData refuses too", () => {
    const rows = pilotRows();
    rows[0][0] = "0101901234";
    expect(() => inspectData({ sheet: "Borgere", address: "A1", header: HEADER, rows })).toThrow(/CPR/);
  });
});
