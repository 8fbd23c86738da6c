/**
 * Dates in a continuous baseline column: as date texts or as Excel serial numbers in a date format (the
 * reader passes the cells' number formats). A column that mixes dates and plain numbers is reported with
 * sheet and cell instead of being summarised as nonsense.
 */
import { isDateFormat } from "../../../src/core/data/values";
import { readDataset, type DatasetColumns } from "../../../src/core/data/dataset";
import { runComparison, defaultSettings } from "../../../src/core/analysis";
import type { CellValue } from "../../../src/core/report/sheetSpec";

const HEADER: CellValue[] = ["ID", "Gruppe", "Inkluderet", "Status 0 mdr", "Status 6 mdr"];
const COLUMNS: DatasetColumns = {
  layout: "wide",
  id: 0,
  group: 1,
  baseline: [{ column: 2, type: "continuous" }],
  timepoints: [
    { column: 3, month: 0 },
    { column: 4, month: 6 },
  ],
};
// 02-01-2024 is Excel serial 45293; 15-03-2024 is 45366.
const SERIALS = [45293, 45300, 45310, 45320, 45330, 45340, 45350, 45366];

function rows(inclusion: CellValue[]): CellValue[][] {
  return inclusion.map((d, i) => [`P${i + 1}`, i % 2 === 0 ? "Indsats" : "Kontrol", d, "Kontanthjælp", i < 3 ? "Jobparat" : "Kontanthjælp"]);
}

describe("isDateFormat", () => {
  it.each([
    ["dd-mm-yyyy", true],
    ["d. mmmm yyyy", true],
    ["m/d/yyyy h:mm", true],
    ["[$-406]dd-mm-åååå", true],
    ["General", false],
    ["Standard", false],
    ["[Red]0.0", false],
    ["0.0", false],
    ["0%", false],
    ["h:mm", false],
    ['0 "dage"', false],
    ["#,##0", false],
  ])("%s → %s", (f, expected) => {
    expect(isDateFormat(f)).toBe(expected);
  });
});

describe("dates in a continuous column", () => {
  it("Excel dates (numbers in a date format) are summarised as dates", () => {
    const r = rows(SERIALS);
    const formats = r.map((row) => row.map((_, c) => (c === 2 ? "dd-mm-yyyy" : "General")));
    const { dataset, problems } = readDataset({ sheet: "Borgere", address: "A1", header: HEADER, rows: r, numberFormats: formats }, COLUMNS);
    expect(problems).toEqual([]);
    const col = dataset.baseline[0];
    expect(col.type === "continuous" && col.isDate).toBe(true);
  });

  it("the same numbers without date formats stay numbers", () => {
    const { dataset } = readDataset({ sheet: "Borgere", address: "A1", header: HEADER, rows: rows(SERIALS) }, COLUMNS);
    const col = dataset.baseline[0];
    expect(col.type === "continuous" && col.isDate).toBe(false);
  });

  it("date texts and Excel dates together make one date column (dd-mm-åååå on the sheet)", () => {
    const values: CellValue[] = ["02-01-2024", ...SERIALS.slice(1)];
    const r = rows(values);
    const formats = r.map((row) => row.map((_, c) => (c === 2 ? "dd-mm-yyyy" : "General")));
    const settings = defaultSettings({ sheet: "Borgere", address: "A1", layout: "wide", columns: COLUMNS, groupLabels: [{ label: "Indsats", arm: "intervention" }, { label: "Kontrol", arm: "control" }], statuses: ["Kontanthjælp", "Jobparat"] });
    const res = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: r, numberFormats: formats }, settings);
    const v = res.baseline.variables[0];
    expect(v.type === "continuous" && v.isDate).toBe(true);
    if (v.type !== "continuous") throw new Error("not continuous");
    // intervention rows 0, 2, 4, 6: 02-01-2024, 45310, 45330, 45350
    expect(v.stats.intervention.min).toBe(45293);
    expect(v.stats.intervention.max).toBe(45350);
  });

  it("a number that is not a date among dates is reported with sheet and cell", () => {
    const r = rows(SERIALS);
    const formats = r.map((row) => row.map((_, c) => (c === 2 ? "dd-mm-yyyy" : "General")));
    formats[4][2] = "General";
    r[4][2] = 37;
    const { problems } = readDataset({ sheet: "Borgere", address: "A1", header: HEADER, rows: r, numberFormats: formats }, COLUMNS);
    expect(problems.map((p) => p.code)).toEqual(["MIXED_DATES"]);
    expect(problems[0].message).toBe(
      'Kolonnen "Inkluderet" blander datoer (fx Borgere!C2) og tal, der ikke er datoer (fx Borgere!C6). Ret kolonnen, så den kun indeholder datoer eller kun tal, eller vælg en anden kolonne.',
    );
  });

  it("without formats, a date text in a column of small numbers (ages) is reported, not read as a date", () => {
    const r = rows([25, 31, 44, "12-03-1990", 52, 38, 29, 61]);
    const { problems } = readDataset({ sheet: "Borgere", address: "A1", header: HEADER, rows: r }, COLUMNS);
    expect(problems.map((p) => p.code)).toEqual(["MIXED_DATES"]);
    expect(problems[0].message).toContain("Borgere!C5");
    expect(problems[0].message).toContain("Borgere!C2");
  });
});
