/**
 * Number formats as Excel shows them to a Danish user (Windows regional setting da-DK):
 * decimal comma, "." thousands separator, percent without a space, SAND/FALSK, Danish months.
 * Date serials were checked with Python: date(1899, 12, 30) + timedelta(serial).
 */
import { fitNumberToWidth, formatCellValue, formatForEditing, formatGeneral, formatNumber, isDateFormat } from "../../src/preview/grid/numberFormat";

describe("General", () => {
  it.each([
    [12.5, "12,5"],
    [0, "0"],
    [-4.25, "-4,25"],
    [1234567, "1234567"],
    [0.1 + 0.2, "0,3"],
    [1 / 3, "0,333333333"],
    [2 / 3, "0,666666667"],
    [123456.789, "123456,789"],
    [123456789012, "1,23457E+11"],
    [0.0000000001234, "1,234E-10"],
  ])("%p shows as %p", (value, expected) => {
    expect(formatGeneral(value)).toBe(expected);
    expect(formatCellValue(value, "General").text).toBe(expected);
  });
});

describe("fixed decimals, grouping and percent", () => {
  it.each([
    ["0", 2.5, "3"],
    ["0", -2.5, "-3"],
    ["0", 1234567.4, "1234567"],
    ["0.0", 12.25, "12,3"],
    ["0.0", 40, "40,0"],
    ["0.00", 1.005, "1,01"],
    ["0.00", 3, "3,00"],
    ["0.000", 3.14159, "3,142"],
    ["#,##0", 1234567.8, "1.234.568"],
    ["#,##0", -1234, "-1.234"],
    ["#,##0", 999, "999"],
    ["#,##0", 0, "0"],
    ["#,##0.0", 1234.56, "1.234,6"],
    ["0%", 0.4, "40%"],
    ["0.0%", 0.4, "40,0%"],
    ["0.0%", 0.0345, "3,5%"],
    ["0.00%", 0.12345, "12,35%"],
    ["0.00%", -0.05, "-5,00%"],
  ])("format %p: %p shows as %p", (fmt, value, expected) => {
    expect(formatNumber(value, fmt)).toBe(expected);
  });

  it("handles sections, literals, colours, scaling and exponents", () => {
    expect(formatNumber(0, '0.0;-0.0;"–"')).toBe("–");
    expect(formatNumber(-3.14, "0.0;(0.0)")).toBe("(3,1)");
    expect(formatNumber(2.345, '0.0" pp"')).toBe("2,3 pp");
    expect(formatNumber(1.5, "[Red]0.00")).toBe("1,50");
    expect(formatNumber(12345, "0.00E+00")).toBe("1,23E+04");
    expect(formatNumber(1234567, "#,##0,")).toBe("1.235");
    expect(formatNumber(1234.5, '#,##0.00 "kr."')).toBe("1.234,50 kr.");
  });
});

describe("dates and times from Excel serial numbers", () => {
  it.each([
    ["dd-mm-yyyy", 45658, "01-01-2025"],
    ["d. mmm yyyy", 45689, "1. feb 2025"],
    ["d. mmm yyyy", 45778, "1. maj 2025"],
    ["yyyy-mm-dd", 45000, "2023-03-15"],
    ["dd-mm-yyyy hh:mm", 45658.75, "01-01-2025 18:00"],
    ["dd-mm-yyyy hh:mm", 45000.5 + 30 / 1440, "15-03-2023 12:30"],
    ["d. mmmm yyyy", 45778, "1. maj 2025"],
    ["dddd d. mmmm", 45658, "onsdag 1. januar"],
    ["mmm yy", 45000, "mar 23"],
    ["dd-mm-yyyy", 1, "01-01-1900"],
    // Excel keeps Lotus 1-2-3's fictitious 29 February 1900.
    ["dd-mm-yyyy", 60, "29-02-1900"],
    ["dd-mm-yyyy", 61, "01-03-1900"],
  ])("format %p: %p shows as %p", (fmt, value, expected) => {
    expect(formatNumber(value, fmt)).toBe(expected);
  });

  it("recognises date formats but not number formats", () => {
    expect(isDateFormat("dd-mm-yyyy")).toBe(true);
    expect(isDateFormat("d. mmm yyyy")).toBe(true);
    expect(isDateFormat("hh:mm")).toBe(true);
    expect(isDateFormat("0.0")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
    expect(isDateFormat('0.0" dage"')).toBe(false);
  });
});

describe("value types and alignment", () => {
  it("shows booleans as SAND/FALSK centred, text left and numbers right", () => {
    expect(formatCellValue(true, "General")).toEqual({ text: "SAND", align: "center" });
    expect(formatCellValue(false, "General")).toEqual({ text: "FALSK", align: "center" });
    expect(formatCellValue("Kontrolgruppe", "0.0")).toEqual({ text: "Kontrolgruppe", align: "left" });
    expect(formatCellValue("001234", "@")).toEqual({ text: "001234", align: "left" });
    expect(formatCellValue(12.5, "0.0")).toEqual({ text: "12,5", align: "right" });
    expect(formatCellValue(null, "0.0")).toEqual({ text: "", align: "left" });
    expect(formatCellValue("#DIV/0!", "General")).toEqual({ text: "#DIV/0!", align: "center" });
  });

  it("shows the raw value for editing the way Danish Excel's formula bar does", () => {
    expect(formatForEditing(12.5)).toBe("12,5");
    expect(formatForEditing(0.1 + 0.2)).toBe("0,3");
    expect(formatForEditing(true)).toBe("SAND");
    expect(formatForEditing(0.4, "0.0%")).toBe("40%");
    expect(formatForEditing(45658, "d. mmm yyyy")).toBe("01-01-2025");
    expect(formatForEditing("tekst")).toBe("tekst");
  });
});

describe("numbers in a column too narrow for them", () => {
  // A default Excel column is 64 px; about 57 px of it holds text.
  it("General drops decimals, then uses scientific notation, like Excel in a default-width column", () => {
    expect(fitNumberToWidth(1 / 3, "General", 57)).toBe("0,333333");
    expect(fitNumberToWidth(12.5, "General", 57)).toBe("12,5");
    expect(fitNumberToWidth(123456789012, "General", 57)).toBe("1,23E+11");
    expect(fitNumberToWidth(-2 / 3, "General", 57)).toBe("-0,66667");
  });

  it("fixed formats and dates show #### instead of a cut-off number", () => {
    expect(fitNumberToWidth(45658, "dd-mm-yyyy", 57)).toMatch(/^#+$/);
    expect(fitNumberToWidth(45658, "dd-mm-yyyy", 90)).toBe("01-01-2025");
    expect(fitNumberToWidth(123456789.5, "#,##0.00", 57)).toMatch(/^#+$/);
    expect(fitNumberToWidth(0.4, "0.0%", 57)).toBe("40,0%");
  });
});

describe("conditional sections (the result sheets' p-value format)", () => {
  // Excel: "[<0.001]"<0,001";0.000" shows "<0,001" below 0.001 and three decimals otherwise; the cell keeps p.
  it.each([
    ['[<0.001]"<0,001";0.000', 0.0004, "<0,001"],
    ['[<0.001]"<0,001";0.000', 0.001, "0,001"],
    ['[<0.001]"<0,001";0.000', 0.0479, "0,048"],
    ['[<0.001]"<0,001";0.000', 0.58, "0,580"],
    ['[<0.001]"<0,001";0.000', 1, "1,000"],
    ['[>=100]"mange";[>=50]"en del";0', 150, "mange"],
    ['[>=100]"mange";[>=50]"en del";0', 60, "en del"],
    ['[>=100]"mange";[>=50]"en del";0', 42, "42"],
  ])("%s on %p shows %p", (fmt, value, expected) => {
    expect(formatNumber(value, fmt)).toBe(expected);
    expect(formatCellValue(value, fmt).text).toBe(expected);
  });
  it("two conditions and no third section: a number matching neither fills the cell with # (as Excel)", () => {
    expect(formatNumber(42, '[>=100]"mange";[>=50]"en del"')).toMatch(/^#+$/);
  });
});
