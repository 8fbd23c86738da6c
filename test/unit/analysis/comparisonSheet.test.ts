import { runComparison } from "../../../src/core/analysis";
import { comparisonSheetSpec, wrapNote } from "../../../src/core/analysis/comparisonSheet";
import type { CellValue, SheetSpec } from "../../../src/core/report/sheetSpec";
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

  it("shows the status table as n (%) with N in the header", () => {
    expect(text(g)).toContain("Indsats (N = 10)");
    expect(rowStarting(g, "Jobparat")[3]).toBe("3 (30,0 %)");
    expect(text(g)).toContain("(tom – ikke fulgt op endnu)");
  });

  it("shows each outcome with numbers, CI texts, p-value and test name; '–' where RR cannot be computed", () => {
    const title = g.findIndex((r) => String(r[0]).startsWith("Afklaret til job/uddannelse"));
    const six = rowStarting(g, "6 mdr.", title);
    expect(six.slice(1, 7)).toEqual([3, 10, 0.3, 1, 10, 0.1]);
    expect(six[7]).toBe("20,0 (-16,0 til 51,4)");
    expect(six[8]).toMatch(/^3,00 \(/);
    expect(six[10]).toBe("0,58");
    expect(six[11]).toBe("Fishers eksakte test");
    const twelve = rowStarting(g, "12 mdr.", title);
    expect(twelve[8]).toBe("–");
    expect(twelve[9]).toBe("–");
    expect(text(g)).toContain("Note: Ved 12 mdr. har ingen i nogen af grupperne nået målet");
  });

  it("has Tabel 1, missing data and footnotes naming the tests", () => {
    expect(text(g)).toContain("Tabel 1. Baggrundskarakteristika ved inklusion");
    expect(rowStarting(g, "Alder")[1]).toBe("Gennemsnit (SD)");
    expect(rowStarting(g, "Alder")[2]).toBe("40,1 (12,0)");
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
    // one percent format, the same as the text cells ("30,0 %")
    const pctFormats = new Set((spec.styles ?? []).map((s) => s.style.numberFormat).filter((f) => f?.includes("%")));
    expect([...pctFormats]).toEqual(["0.0 %"]);
    expect(spec.styles?.some((s) => s.style.bold && s.style.fontSize === 14)).toBe(true);
    // notes are wrapped so no line runs past the printed columns
    for (const r of g) if (typeof r[0] === "string" && r[0].startsWith("Note")) expect(r[0].length).toBeLessThanOrEqual(160);
    expect(g.filter((r) => String(r[0]).startsWith("Note")).length).toBeGreaterThan(0);
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
    expect(text(g)).toContain("Indsatsgruppe\n(N = 10)");
    expect(rowStarting(g, "Tidspunkt")).toContain("Udgået");
    expect(text(g)).not.toContain("Udgået/udelukket");
  });
});

describe("Sammenligning sheet (English)", () => {
  it("uses English labels and number formats", () => {
    const g = grid(comparisonSheetSpec(result, "en"));
    expect(g[0][0]).toBe("Comparison: intervention group and control group");
    expect(rowStarting(g, "Jobparat")[3]).toBe("3 (30.0%)");
    expect(text(g)).toContain("Fisher's exact test");
  });
});

describe("wrapNote", () => {
  it("splits long notes at word boundaries without losing words", () => {
    const long = result.notes[1].da;
    expect(long.length).toBeGreaterThan(150);
    const lines = wrapNote(long, 150);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(150);
    expect(lines.join(" ")).toBe(long.replace(/\s+/g, " "));
  });
});
