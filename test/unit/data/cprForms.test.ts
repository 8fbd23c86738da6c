/** Issue 9, observation 5: the CPR forms that were missed, and the case-number schemes that were flagged. */
import { defaultSettings, runComparison } from "../../../src/core/analysis";
import { CprFoundError, assertNoCpr, cellHasCpr } from "../../../src/core/data";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows } from "../analysis/fixture";

describe("CPR forms", () => {
  it.each([
    "010190\u00a0-\u00a01234", // non-breaking spaces around the dash
    "010190 - 1234",
    "010190\u20101234", // hyphen
    "010190\u22121234", // minus sign
    "010190\u20141234", // em dash
    "01-01-90-1234",
    "01 01 90 1234",
    "Borger 010190-1234 har fået tilbud om praktik",
    "0101\u200b901234", // zero-width space
    "\n0101901234", // leading newline
    "010190-1234\u200b",
  ])("%j is a CPR number", (v) => {
    expect(cellHasCpr(v)).toBe(true);
  });

  it.each(["P0101901234", "Sag 2024-000123", "03-05-2021", "+45 12 34 56 78", "12 34 56 78 90", "3213901234", "Kontanthjælp – i praktik"])("%j is not", (v) => {
    expect(cellHasCpr(v)).toBe(false);
  });
});

describe("the column rule for bare numbers", () => {
  const cols = (values: CellValue[]): { sheet: string; address: string; header: CellValue[]; rows: CellValue[][] } => ({
    sheet: "Borgere",
    address: "A1",
    header: ["Sagsnr."],
    rows: values.map((v) => [v]),
  });

  it("sequential case numbers 101000000–101004999 are not flagged", () => {
    expect(() => assertNoCpr(cols(Array.from({ length: 5000 }, (_, i) => 101_000_000 + i)))).not.toThrow();
  });

  it("random nine-digit numbers (about 12 % valid dates) are not flagged", () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    const values = Array.from({ length: 2000 }, () => 100_000_000 + (next() % 900_000_000));
    expect(() => assertNoCpr(cols(values))).not.toThrow();
  });

  it("a column of real-looking CPR numbers stored as numbers is flagged, naming the cells and the column", () => {
    const values = Array.from({ length: 30 }, (_, i) => Number(`${String(1 + (i % 28)).padStart(2, "0")}${String(1 + (i % 12)).padStart(2, "0")}85${1000 + i}`));
    try {
      assertNoCpr(cols(values));
      throw new Error("not flagged");
    } catch (e) {
      expect(e).toBeInstanceOf(CprFoundError);
      expect((e as CprFoundError).message).toContain("(Borgere!A2, Borgere!A3");
      expect((e as CprFoundError).columns).toEqual([{ column: 0, name: "Sagsnr." }]);
    }
  });

  it("a single CPR number in an ID column of other IDs is flagged; a confirmed column is not checked", () => {
    const rows = pilotRows();
    rows[3][0] = "0101901234";
    const s = defaultSettings({ sheet: "Borgere", address: "A1", layout: "wide", columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 5, month: 6 }] }, statuses: ["Kontanthjælp", "Jobparat"] });
    expect(() => runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s)).toThrow(CprFoundError);
    expect(() => assertNoCpr({ sheet: "Borgere", address: "A1", header: HEADER, rows }, [0])).not.toThrow();
  });
});
