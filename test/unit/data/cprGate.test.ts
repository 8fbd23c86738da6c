/** The one personal-data detector against the one list of written forms (test/fixtures/cprForms.ts). */
import { cellHasCpr, classifyCpr } from "../../../src/core/data";
import { CPR_FORMS, NOT_CPR } from "../../fixtures/cprForms";

describe("the personal-data detector", () => {
  it.each(CPR_FORMS.map((f) => [f.name, f.value]))("finds a CPR number written as %s", (_name, value) => {
    expect(cellHasCpr(value)).toBe(true);
  });

  it.each(CPR_FORMS.filter((f) => !["ten digits", "soft hyphen and word joiner"].includes(f.name)).map((f) => [f.name, f.value]))(
    "a grouped or prefixed form (%s) counts as a CPR number on its own, not only by the column rule",
    (_name, value) => {
      expect(classifyCpr(value).kind).toBe("strong");
    },
  );

  it.each(NOT_CPR)("leaves %j alone", (v) => {
    expect(cellHasCpr(v)).toBe(false);
  });

  it("ten bare digits (also behind invisible characters) are bare: the column rule decides in a data range", () => {
    expect(classifyCpr("0101901234").kind).toBe("bare");
    expect(classifyCpr("010\u00ad190\u20601234").kind).toBe("bare");
  });

  it("checks the date, not modulus 11", () => {
    expect(cellHasCpr("010190-1235")).toBe(true); // modulus 11 fails, the date is valid
    expect(cellHasCpr("310490-1234")).toBe(false); // 31 April
    expect(cellHasCpr("290200-4234")).toBe(true); // 29 Feb 2000
    expect(cellHasCpr("290200-1234")).toBe(false); // 29 Feb 1900
  });

  it("finds a number that lost its leading zero in a number cell", () => {
    expect(cellHasCpr(101901234)).toBe(true);
    expect(cellHasCpr(101901234.5)).toBe(false);
  });
});
