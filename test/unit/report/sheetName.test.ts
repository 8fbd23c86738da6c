/**
 * Issue 22 item 7: one function makes every generated sheet name valid in Excel (apostrophe rule,
 * forbidden characters, 31 UTF-16 units without splitting a surrogate pair, invisible characters,
 * not empty, not "History"), and the renderer's check refuses the names it would change.
 */
import fc from "fast-check";
import { cutUtf16, isValidSheetName, sheetNameChangeText, toSheetName, SHEET_NAME_MAX } from "../../../src/core/report/sheetName";
import { addAnalysis, sheetNameFor, sheetNameOf } from "../../../src/core/analysis/analyses";
import { checkSheetSpecs } from "../../../src/core/report/specCheck";
import { COMPARISON_SHEET_NAME } from "../../../src/core/analysis/comparisonSheet";
import { MEASUREMENT_SHEET_NAME } from "../../../src/core/progression/measurementSheet";
import { PROGRESSION_SHEET_NAME } from "../../../src/core/progression/resultSheet";
import { RANDOMISATION_SHEET_NAME } from "../../../src/core/design/sheet";
import { PLANNING_SHEET_NAME } from "../../../src/core/design/planningSheet";
import { SUMMARY_SHEET_NAME } from "../../../src/core/summary/types";
import { THEORY_SHEET_NAME } from "../../../src/core/theory/sheet";
import { DIAGRAM_SHEET_NAME } from "../../../src/core/theory/diagram";
import type { ComparisonSettings } from "../../../src/core/analysis/settings";

const isLoneSurrogate = (s: string): boolean => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("toSheetName", () => {
  it('"Kommunens\'" loses the trailing apostrophe Excel refuses, and says so', () => {
    expect(toSheetName("Kommunens'")).toEqual({ name: "Kommunens", changes: ["apostrophe"] });
    expect(toSheetName("'Kommunens' data'").name).toBe("Kommunens' data");
    expect(sheetNameFor("Kommunens'", [])).toBe("Sammenligning – Kommunens");
    expect(sheetNameChangeText(sheetNameOf("Kommunens'", []).changes, "da")).toContain("apostrof");
  });

  it('"ABCDEFGHIJKLMN😀xyz" is never cut inside the emoji', () => {
    expect(toSheetName("ABCDEFGHIJKLMN😀xyz").name).toBe("ABCDEFGHIJKLMN😀xyz");
    // "Sammenligning – " is 16 units, the letters 14: the emoji's first half would be unit 31
    const r = sheetNameOf("ABCDEFGHIJKLMN😀xyz", []);
    expect(r.name).toBe("Sammenligning – ABCDEFGHIJKLMN");
    expect(r.changes).toEqual(["cut"]);
    expect(isLoneSurrogate(r.name)).toBe(false);
    expect(sheetNameOf("ABCDEFGHIJKLM😀xyz", []).name).toBe("Sammenligning – ABCDEFGHIJKLM😀"); // exactly 31 units
    expect(cutUtf16("ab😀", 3)).toBe("ab");
  });

  it("replaces forbidden characters, removes bidi and control characters, avoids empty and History", () => {
    expect(toSheetName("Q1/Q2: [test]?*\\x").name).toBe("Q1 Q2 test x");
    expect(toSheetName("abc\u202Edef\u200F\tg").name).toBe("abcdefg");
    expect(toSheetName("abc\u202Edef").changes).toEqual(["control"]);
    expect(toSheetName("'''", { fallback: "Sammenligning" })).toEqual({ name: "Sammenligning", changes: ["apostrophe", "empty"] });
    expect(toSheetName("history").name).toBe("history 2");
    expect(toSheetName("History").changes).toEqual(["reserved"]);
    expect(toSheetName("Data", { taken: ["DATA", "data 2"] }).name).toBe("Data 3");
    // a suffix on a full-length name shortens the name, not Excel's limit
    expect(toSheetName("x".repeat(40), { taken: ["x".repeat(31)] }).name).toBe(`${"x".repeat(29)} 2`);
  });

  it("always gives a name the renderer accepts (property test)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 4 }), (raw, taken) => {
        const { name } = toSheetName(raw, { taken });
        expect(isValidSheetName(name)).toBe(true);
        expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
        expect(isLoneSurrogate(name)).toBe(false);
        expect(taken.map((t) => t.toLocaleLowerCase("da-DK"))).not.toContain(name.toLocaleLowerCase("da-DK"));
        expect(toSheetName(name).name).toBe(name); // what it gives it keeps
      }),
    );
  });

  it("leaves every fixed sheet name of the add-in as it is", () => {
    for (const n of [COMPARISON_SHEET_NAME, MEASUREMENT_SHEET_NAME, PROGRESSION_SHEET_NAME, RANDOMISATION_SHEET_NAME, PLANNING_SHEET_NAME, SUMMARY_SHEET_NAME, THEORY_SHEET_NAME, DIAGRAM_SHEET_NAME]) {
      expect(toSheetName(n)).toEqual({ name: n, changes: [] });
    }
  });

  it("a new analysis named with an apostrophe and an emoji gets a sheet the renderer writes", () => {
    const c = addAnalysis(null, "Kommunens'", {} as ComparisonSettings, []);
    expect(c.analyses[0].resultSheet).toBe("Sammenligning – Kommunens");
    const d = addAnalysis(c, "ABCDEFGHIJKLMN😀xyz", {} as ComparisonSettings, []);
    expect(d.analyses[1].resultSheet).toBe("Sammenligning – ABCDEFGHIJKLMN");
  });
});

describe("the renderer's sheet-name check", () => {
  const spec = (name: string): Parameters<typeof checkSheetSpecs>[0] => [{ name, cells: [] }];
  it("names the apostrophe rule when it refuses a name", () => {
    expect(() => checkSheetSpecs(spec("Kommunens'"))).toThrow(/apostrof/);
    expect(() => checkSheetSpecs(spec("ABCDEFGHIJKLMNOPQRSTUVWXYZABCD\uD83D"))).toThrow(/usynlige tegn/);
    expect(() => checkSheetSpecs(spec("History"))).toThrow(/History/);
  });
});
