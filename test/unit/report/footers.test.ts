/**
 * Footers on every generated sheet (issues 20 item 6 and 22 item 2): "Side x af y" and the print date
 * come from Excel's header/footer codes, which print; user text beside them is escaped ("&" → "&&"),
 * so a title cannot become a code and our codes are never escaped. One date-time format on every sheet.
 */
import { runComparison } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import { allocate, planningSheetSpec, planSampleSize, randomisationSheetSpec } from "../../../src/core/design";
import { formatDateTime } from "../../../src/core/dateTime";
import { measurementSheetSpec, progressionSheetSpec, runProgression, scaleItems, scheduleOf } from "../../../src/core/progression";
import { pageFooter } from "../../../src/core/report/pageFooter";
import type { SheetSpec } from "../../../src/core/report/sheetSpec";
import { checkSheetSpecs, headerFooterCode, headerFooterSections, MAX_HEADER_FOOTER_CHARS } from "../../../src/core/report/specCheck";
import { summarySheetSpec } from "../../../src/core/summary";
import { diagramSheetSpec, TEMPLATES, theorySheetSpec, type ProgrammeTheory } from "../../../src/core/theory";
import { VERSION } from "../../../src/core/version";
import { HEADER, pilotRows, pilotSettings } from "../analysis/fixture";
import { baseInput } from "../summary/helpers";

const theory = (title = "Job & uddannelse"): ProgrammeTheory => ({ ...TEMPLATES[0].build(), title });

function everySheet(lang: "da" | "en"): [string, SheetSpec][] {
  const t = theory();
  const comparison = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, { ...pilotSettings(), lang }, new Date("2026-12-07T01:36:00Z"));
  const items = scaleItems(t);
  const progression = runProgression({ items: items.slice(0, 1), rows: [1, 2].flatMap((round) => ["X1", "X2", "X3"].map((citizen, i) => ({ citizen, group: null, round, rater: null, scores: [round + i] }))) });
  const elig = { sheet: "Borgere", address: "A1:B7", header: ["Løbenr", "Køn"], rows: Array.from({ length: 6 }, (_, i) => [`B${i}`, i % 2 ? "Kvinde" : "Mand"]) };
  const alloc = allocate(elig, { idColumn: 0, strata: [], seed: 1, blockSize: 2, reserves: 0 });
  const plan = planSampleSize({ rows: [{ outcome: "Job", timepoint: "6 mdr.", pControl: 0.1, pIntervention: 0.2 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } });
  return [
    ["comparison", comparisonSheetSpec(comparison, lang)],
    ["progression", progressionSheetSpec(progression, null, { source: "Progressionsmåling!A4", generatedAt: "2026-12-07T01:36:00Z" }, lang)],
    ["measurement", measurementSheetSpec({ items, ...scheduleOf(t), citizens: [{ id: "A1", group: "Indsats" }], startDate: null }).spec],
    ["randomisation", randomisationSheetSpec(alloc, [], { source: "Borgere!A1:B7", createdAt: "2026-12-07T01:36:00Z", protect: true }, lang)],
    ["planning", planningSheetSpec(plan, lang)],
    ["theory", theorySheetSpec(t, lang)],
    ["diagram (shapes)", diagramSheetSpec(t, lang, { shapes: true })],
    ["diagram (cells)", diagramSheetSpec(t, lang, { shapes: false })],
    ["leader", summarySheetSpec({ ...baseInput(), settings: { ...baseInput().settings, lang } }).spec],
  ];
}

describe.each(["da", "en"] as const)("every generated sheet has the page footer (%s)", (lang) => {
  const pageWords = lang === "da" ? "Side &P af &N · &D" : "Page &P of &N · &D";
  test.each(everySheet(lang))("%s: page x of y and the print date as codes, the version as text", (kind, spec) => {
    const sections = Object.fromEntries(headerFooterSections(spec.pageSetup?.footer));
    // the measurement sheet is Danish only (its column headers are read back)
    expect(sections.right).toBe(kind === "measurement" ? "Side &P af &N · &D" : pageWords);
    expect(sections.left).toMatch(new RegExp(`Virkning ${VERSION.replace(/\./g, "\\.")}$`));
    // nothing prints a code literally escaped, and nothing but our codes is unescaped
    expect(Object.values(sections).join("|")).not.toMatch(/&&[PND]/);
    expect(() => checkSheetSpecs([spec])).not.toThrow();
  });
});

test("a title the user typed stays text beside our codes: '&' doubled, '&P' in a title does not print a page number", () => {
  const spec = theorySheetSpec(theory("Unge &P job"), "da");
  expect(Object.fromEntries(headerFooterSections(spec.pageSetup?.footer))).toEqual({ left: `Unge &&P job · Virkning ${VERSION}`, right: "Side &P af &N · &D" });
  expect(Object.fromEntries(headerFooterSections(spec.pageSetup?.header))).toEqual({ center: "Programteori" });
});

test("a long title (with '&' that doubles) is shortened so the footer keeps within 255 characters and the write is not refused", () => {
  const spec = theorySheetSpec(theory("Job & ".repeat(80)), "da");
  const left = Object.fromEntries(headerFooterSections(spec.pageSetup?.footer)).left;
  expect(left.length).toBeLessThanOrEqual(MAX_HEADER_FOOTER_CHARS);
  expect(left).toMatch(/… · Virkning /);
  expect(() => checkSheetSpecs([spec])).not.toThrow();
});

test("text right after a page code cannot turn into page arithmetic ('&P+1')", () => {
  expect(headerFooterCode([{ code: "pageNumber" }, { text: "+1" }])).toBe("&P +1");
  expect(headerFooterCode([{ code: "date" }, { text: "1" }])).toBe("&D1");
  expect(pageFooter("da").right).toEqual([{ text: "Side " }, { code: "pageNumber" }, { text: " af " }, { code: "pageCount" }, { text: " · " }, { code: "date" }]);
});

describe("one date-time format on every sheet: Danish local time", () => {
  test("winter and summer time in Copenhagen, whatever the machine's zone", () => {
    expect(formatDateTime("2026-12-07T01:36:00Z", "da")).toBe("7. dec. 2026 kl. 02.36");
    expect(formatDateTime("2026-07-01T22:05:00Z", "da")).toBe("2. jul. 2026 kl. 00.05");
    expect(formatDateTime(new Date("2026-12-07T01:36:00Z"), "en")).toBe("7 Dec 2026, 02:36");
  });
  test("the sheets that say when they ran all print it in that format (no ISO, no UTC)", () => {
    const text = everySheet("da").map(([, s]) => JSON.stringify(s.cells)).join("\n");
    for (const kind of ["comparison", "progression", "randomisation"]) {
      const spec = everySheet("da").find(([k]) => k === kind)![1];
      expect(JSON.stringify(spec.cells)).toContain("7. dec. 2026 kl. 02.36");
    }
    expect(text).not.toMatch(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d|UTC/);
  });
});
