/** The one personal-data detector against the one list of written forms (test/fixtures/cprForms.ts). */
import { CPR_PLACEHOLDER, cellHasCpr, classifyCpr, redactCpr } from "../../../src/core/data";
import { VirkningError } from "../../../src/core/errors";
import { CPR_FORMS, NOT_CPR, echoesCpr } from "../../fixtures/cprForms";

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

describe("messages never echo a CPR number", () => {
  it.each(CPR_FORMS.map((f) => [f.name, f.value]))("redactCpr hides %s and keeps the rest of the sentence", (_name, value) => {
    const out = redactCpr(`ID'et "${value}" står to gange (Borgere!A3 og Borgere!A7).`);
    expect(echoesCpr(out)).toBe(false);
    expect(cellHasCpr(out)).toBe(false);
    expect(out).toContain("står to gange (Borgere!A3 og Borgere!A7).");
    expect(out).toContain(CPR_PLACEHOLDER);
  });

  it("leaves a message without one exactly as it was", () => {
    const m = 'Statusværdien "Kontanthjælp – i praktik" (3 gange, første gang i Borgere!K5) er ikke klassificeret.';
    expect(redactCpr(m)).toBe(m);
  });

  it.each(CPR_FORMS.map((f) => [f.name, f.value]))("a VirkningError quoting %s carries no CPR number in Danish or English", (_name, value) => {
    const e = new VirkningError("DESIGN_UNKNOWN_ID", `Der er ingen borger med ID "${value}" i randomiseringen.`, `There is no citizen with the ID "${value}".`);
    expect(echoesCpr(e.message)).toBe(false);
    expect(echoesCpr(e.messageEn)).toBe(false);
    expect(e.message).toMatch(new RegExp(`^Der er ingen borger med ID "[^"]*\\[CPR-nummer\\][^"]*" i randomiseringen\\.$`));
  });
});
