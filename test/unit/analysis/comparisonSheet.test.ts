import { runComparison } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import type { CellValue, SheetSpec } from "../../../src/core/report/sheetSpec";
import { parseCell, parseRange } from "../../../src/core/report/address";
import { HEADER, pilotRows, pilotSettings } from "./fixture";

const settings = pilotSettings();
const result = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, settings, new Date("2026-11-28T09:30:00Z"));

function grid(spec: SheetSpec): CellValue[][] {
  expect(spec.cells).toHaveLength(1);
  expect(spec.cells[0].address).toBe("A1");
  return spec.cells[0].values;
}
function rowStarting(g: CellValue[][], first: string, after = 0): CellValue[] {
  const r = g.findIndex((row, i) => i >= after && row[0] === first);
  if (r < 0) throw new Error(`no row ${first}`);
  return g[r];
}
/** Whether the range (e.g. "B3:G9") covers the cell (e.g. "D5"). */
function covers(range: string, cell: string): boolean {
  const r = parseRange(range);
  const c = parseCell(cell);
  return c.row >= r.row && c.row < r.row + r.rowCount && c.column >= r.column && c.column < r.column + r.columnCount;
}
const text = (g: CellValue[][]): string => g.map((r) => r.join("\t")).join("\n");

describe("Sammenligning sheet (Danish)", () => {
  const spec = comparisonSheetSpec(result, "da");
  const g = grid(spec);

  it("is a rectangular block with the title and the header block", () => {
    expect(spec.name).toBe("Sammenligning");
    const w = g[0].length;
    for (const r of g) expect(r).toHaveLength(w);
    expect(g[0][0]).toBe("Sammenligning: indsatsgruppe og kontrolgruppe");
    expect(g[1][0]).toMatch(/^Data: Borgere!A1:H21 · 20 borgere \(10 i indsatsgruppen, 10 i kontrolgruppen\) · Kørt /);
    expect(rowStarting(g, "Data")[1]).toBe("Borgere!A1:H21");
    expect(rowStarting(g, "Rækker (borgere)")[1]).toBe(20);
    expect(rowStarting(g, "Virkning-version")[1]).toBe("0.1.0");
    // 09:30 UTC is 10:30 in Copenhagen in November
    expect(String(rowStarting(g, "Kørt")[1])).toBe("28. nov. 2026 kl. 10.30");
    // settings come last, after the notes
    const settingsAt = g.findIndex((r) => r[0] === "Indstillinger");
    expect(settingsAt).toBeGreaterThan(g.findIndex((r) => r[0] === "Noter"));
    expect(rowStarting(g, "Test", settingsAt)[1]).toMatch(/Fisher/);
  });

  it("reads top-down: headline, outcomes, status table, Tabel 1, missing data, notes, settings", () => {
    const at = (t: string): number => g.findIndex((r) => r[0] === t);
    const order = ["Hovedresultat", "Resultatmål ved opfølgning", "Status ved hvert tidspunkt", "Tabel 1. Baggrundskarakteristika ved inklusion", "Manglende data og nævnere", "Noter", "Indstillinger"].map(at);
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order[0]).toBeLessThan(6);
  });

  it("shows the status table per time point as numbers: n, N and the share per group", () => {
    const status = g.findIndex((r) => r[0] === "Status ved hvert tidspunkt");
    expect(rowStarting(g, "Status", status).slice(0, 7)).toEqual(["Status", "Indsats n", "Indsats N", "Indsats %", "Kontrol n", "Kontrol N", "Kontrol %"]);
    // at 6 months 3 of 10 in the intervention group are "Jobparat", none in the control group
    const six = g.indexOf(rowStarting(g, "6 mdr.", status));
    expect(rowStarting(g, "Jobparat", six).slice(0, 7)).toEqual(["Jobparat", 3, 10, 0.3, 0, 10, 0]);
    const row = g.indexOf(rowStarting(g, "Jobparat", six)) + 1;
    const fmt = (col: string): string | undefined => [...(spec.styles ?? [])].reverse().find((s) => s.style.numberFormat && covers(s.range, `${col}${row}`))?.style.numberFormat;
    expect(["B", "C", "D", "E", "F", "G"].map(fmt)).toEqual(["0", "0", "0.0 %", "0", "0", "0.0 %"]);
    expect(text(g)).toContain("(tom – ikke fulgt op endnu)");
  });

  it("shows each outcome with numbers: shares, the difference and its interval as three numbers, p as a number, the test's name; '–' where RR cannot be computed", () => {
    const title = g.findIndex((r) => String(r[0]).startsWith("Afklaret til job/uddannelse"));
    const six = rowStarting(g, "6 mdr.", title);
    expect(six.slice(1, 7)).toEqual([3, 10, 0.3, 1, 10, 0.1]);
    expect(six.slice(7, 10).map((x) => Number((x as number).toFixed(1)))).toEqual([20, -16, 51.4]);
    expect(six[10]).toBeCloseTo(0.5820, 3);
    expect(six[13]).toBe("Fishers eksakte test");
    // relative risk and odds ratio in their own table below, as numbers
    const relHead = g.findIndex((r, i) => i > title && String(r[1]).startsWith("Relativ risiko"));
    expect(relHead).toBeGreaterThan(title);
    expect(rowStarting(g, "6 mdr.", relHead)[1]).toBeCloseTo(3, 10);
    const twelve = rowStarting(g, "12 mdr.", relHead);
    expect(twelve.slice(1, 4)).toEqual(["–", "–", "–"]);
    expect(text(g)).toContain("Note: Ved 12 mdr. har ingen i nogen af grupperne nået målet");
  });

  it("has Tabel 1, missing data and footnotes naming the tests", () => {
    expect(text(g)).toContain("Tabel 1. Baggrundskarakteristika ved inklusion");
    // a continuous summary is one number per measure and group: mean, then SD on the next row
    const age = g.indexOf(rowStarting(g, "Alder"));
    expect(g[age].slice(1, 7)).toEqual(["Gennemsnit", "", 40.1, "", expect.any(Number), ""]);
    expect(g[age][5]).toBeCloseTo(38.1, 10);
    expect(g[age + 1][1]).toBe("Standardafvigelse (SD)");
    expect(g[age + 1][3]).toBeCloseTo(11.986, 3);
    const fmt = [...(spec.styles ?? [])].reverse().find((s) => s.style.numberFormat && covers(s.range, `D${age + 2}`))?.style.numberFormat;
    expect(fmt).toBe("0.0");
    const t = text(g);
    expect(t).toContain("Fishers eksakte test, når en forventet celleværdi er under 5; ellers Pearsons χ²-test");
    expect(t).toContain("SAS PROC FREQ");
    expect(t).toContain("CONSORT");
    expect(t).toContain("Manglende data og nævnere");
  });

  it("prints A4 landscape, fit to width, frozen title row, with column widths and number formats", () => {
    expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true });
    expect(spec.freeze).toEqual({ rows: 1, columns: 1 });
    expect(spec.columnWidths?.length).toBeGreaterThan(0);
    // one percent format in the tables, the same as the text cells ("30,0 %"); whole percent on the chart labels
    const pctFormats = new Set((spec.styles ?? []).map((s) => s.style.numberFormat).filter((f) => f?.includes("%")));
    expect([...pctFormats].sort()).toEqual(["0 %", "0.0 %"]);
    expect(spec.styles?.some((s) => s.style.bold && s.style.fontSize === 14)).toBe(true);
    // a long note is one wrapped cell whose row is as high as its lines (Excel does not fit merged rows)
    expect(result.notes[1].da.length).toBeGreaterThan(170);
    const long = g.findIndex((r) => r[0] === result.notes[1].da);
    expect(long).toBeGreaterThan(0);
    expect(spec.styles?.some((s) => s.range === `A${long + 1}` && s.style.wrapText)).toBe(true);
    expect(spec.rowHeights?.find((h) => h.row === long + 1)?.height).toBeGreaterThanOrEqual(30);
  });
});

describe("Sammenligning sheet reads as a report", () => {
  const spec = comparisonSheetSpec(result, "da");
  const g = grid(spec);
  // the printed columns (chart data sit to the right of them)
  const last = /^A1:([A-Z]+)\d+$/.exec(spec.pageSetup?.printArea ?? "")?.[1] ?? "?";
  const merged = new Set(spec.merges ?? []);
  /** Rows whose only text is in column A (title, section titles, outcome titles, notes), but not Tabel 1's variable names above their categories. */
  const variables = new Set(result.baseline.variables.map((v) => v.name));
  const textRows = g
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => typeof r[0] === "string" && r[0] !== "" && !variables.has(r[0]) && r.slice(1).every((v) => v === "" || v === null));

  it("title, section and outcome titles and notes span the sheet's width (not cut at column A)", () => {
    expect(textRows.length).toBeGreaterThan(10);
    for (const { r, i } of textRows) expect({ text: r[0], merged: merged.has(`A${i + 1}:${last}${i + 1}`) }).toEqual({ text: r[0], merged: true });
    for (const t of ["Sammenligning: indsatsgruppe og kontrolgruppe", "Hovedresultat", "Tabel 1. Baggrundskarakteristika ved inklusion", "Manglende data og nævnere", "Noter"]) {
      expect(textRows.some(({ r }) => r[0] === t)).toBe(true);
    }
  });

  it("column headers break between words: N on its own line in Tabel 1, no slash-joined words", () => {
    expect(text(g)).toContain("Indsatsgruppe (N = 10)");
    expect(rowStarting(g, "Tidspunkt")).toContain("Udgået");
    expect(text(g)).not.toContain("Udgået/udelukket");
  });
});

describe("Sammenligning sheet (English)", () => {
  it("uses English labels and number formats", () => {
    const g = grid(comparisonSheetSpec(result, "en"));
    expect(g[0][0]).toBe("Comparison: intervention group and control group");
    expect(rowStarting(g, "Status", g.findIndex((r) => r[0] === "Status at each time point")).slice(0, 4)).toEqual(["Status", "Intervention n", "Intervention N", "Intervention %"]);
    expect(text(g)).toContain("Fisher's exact test");
  });
});
