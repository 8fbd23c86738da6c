import { CellScalar as CellValue } from "../../../src/core/report/sheetSpec";
import { parseRange } from "../../../src/core/report/address";
import { theoryFingerprint } from "../../../src/core/overview";
import {
  addItem,
  cellsOf,
  emptyTheory,
  parseTheorySheet,
  ProgrammeTheory,
  wrapText,
  setLink,
  TEMPLATES,
  theorySheetSpec,
  THEORY_TABLE_NAMES,
  updateItem,
  updateTargetGroup,
  validateTheory,
} from "../../../src/core/theory";

const social = (): ProgrammeTheory => TEMPLATES.find((t) => t.id === "socialmedicinsk")!.build();

/** Row index (0-based) of the first row whose column A equals `label` (after row `from`). */
function rowOf(grid: CellValue[][], label: string, from = 0): number {
  for (let r = from; r < grid.length; r++) if (grid[r][0] === label) return r;
  throw new Error(`label ${label} not found`);
}
/** Column index of a header in the header row below a section heading. */
function colOf(grid: CellValue[][], heading: string, header: string): number {
  const r = rowOf(grid, heading) + 1;
  const c = grid[r].indexOf(header);
  if (c < 0) throw new Error(`header ${header} not found`);
  return c;
}
function rowOfNr(grid: CellValue[][], nr: string): number {
  const r = grid.findIndex((row) => row[0] === nr);
  if (r < 0) throw new Error(`nr ${nr} not found`);
  return r;
}
const copy = (g: CellValue[][]): CellValue[][] => g.map((r) => [...r]);

describe("theory sheet round trip", () => {
  it("reads back an empty theory exactly, with no issues", () => {
    const t = emptyTheory();
    const parsed = parseTheorySheet(cellsOf(theorySheetSpec(t)));
    expect(parsed.theory).toStrictEqual(t);
    expect(parsed.issues).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("reads back template %s exactly (Danish and English sheet)", (_id, tpl) => {
    const t = tpl.build();
    for (const lang of ["da", "en"] as const) {
      const parsed = parseTheorySheet(cellsOf(theorySheetSpec(t, lang)));
      expect(parsed.issues).toEqual([]);
      expect(parsed.theory).toStrictEqual(t);
    }
  });

  it("reads back user items: null category, no indicator, weekly times, empty size", () => {
    let t = emptyTheory("Min indsats");
    t = addItem(t, "slutmaal", "I job");
    t = addItem(t, "delmaal", "Borgeren kan møde til tiden");
    t = addItem(t, "mekanisme", "Tid");
    t = updateItem(t, "delmaal", "D1", {
      indicator: { name: "Fremmøde", dataSource: "Progression", times: { kind: "weeks", everyWeeks: 4, count: 3 }, reached: { kind: "scale", min: 0, max: 10, labels: [], reachedAt: 7 } },
    });
    t = setLink(t, "delmaal-slutmaal", "D1", "S1", true);
    t = updateTargetGroup(t, { size: 0 });
    const parsed = parseTheorySheet(cellsOf(theorySheetSpec(t)));
    expect(parsed.theory).toStrictEqual(t);
  });
});

describe("theory sheet layout", () => {
  const spec = theorySheetSpec(social());
  it("is printable A4 fitted to width and has one named table per element type", () => {
    expect(spec.name).toBe("Programteori");
    expect(spec.pageSetup).toMatchObject({ paperSize: "A4", fitToWidth: true });
    expect(spec.tables!.map((t) => t.name).sort()).toEqual(Object.values(THEORY_TABLE_NAMES).sort());
  });

  it("puts each table's header row in the first row of its range and a row per item below", () => {
    const grid = cellsOf(spec);
    const t = social();
    const tbl = spec.tables!.find((x) => x.name === "Virkning_Slutmaal")!;
    const r = parseRange(tbl.range);
    expect(grid[r.row].slice(0, r.columnCount)).toEqual(["Nr.", "Navn", "Beskrivelse", "Oprindelse", "Indikator", "Datakilde", "Målepunkter", "Opnået ved", "Skala", "Skalatrin"]);
    expect(r.rowCount).toBe(1 + t.finalGoals.length);
    expect(grid[r.row + 1][7]).toBe("Jobparat; Fleksjob; Revalidering; Uddannelse");
    expect(grid[r.row + 1][6]).toBe("0, 6, 12, 18 mdr.");
    const links = parseRange(spec.tables!.find((x) => x.name === "Virkning_Sammenhaenge")!.range);
    expect(grid[links.row].slice(0, 8)).toEqual(["Nr.", "Type", "Fra (nr.)", "Fra (navn)", "Til (nr.)", "Til (navn)", "Begrundelse", "Mekanismer (nr.)"]);
    expect(links.rowCount).toBe(1 + t.links.length);
  });

  it("labels the sheet in English when asked", () => {
    const grid = cellsOf(theorySheetSpec(social(), "en"));
    expect(grid[0][0]).toBe("Programme theory");
    expect(() => rowOf(grid, "Final goals")).not.toThrow();
    expect(() => rowOf(grid, "Size (number of citizens)")).not.toThrow();
  });

  it("gives an empty table one blank body row so Excel can create it", () => {
    const s = theorySheetSpec(emptyTheory());
    for (const tbl of s.tables!) expect(parseRange(tbl.range).rowCount).toBe(2);
  });

  it("shows every line of the target group's lists: wrapped, unmerged cells (Excel grows only unmerged rows)", () => {
    const grid = cellsOf(spec);
    for (const label of ["Beskrivelse", "Kendetegn", "Inklusionskriterier", "Eksklusionskriterier"]) {
      const r = rowOf(grid, label);
      expect(spec.merges!.some((m) => parseRange(m).row === r)).toBe(false);
      expect(spec.styles!.some((st) => st.range === `B${r + 1}` && st.style.wrapText === true)).toBe(true);
    }
    // The publication's title stays on one line across the merged columns B–J.
    const kilde = rowOf(grid, "Kilde");
    expect(spec.merges).toContain(`B${kilde + 1}:J${kilde + 1}`);
    // Several criteria are several lines of the one cell.
    expect(String(grid[rowOf(grid, "Kendetegn")][1]).split("\n")).toEqual(social().targetGroup.characteristics);
  });

  it("prints legibly on A4 landscape: fitted to the width, the scale stays at 80 % or more", () => {
    // A4 landscape is 842 pt wide; Excel's normal margins are 0.7 in (50.4 pt) left and right.
    const printable = 842 - 2 * 50.4;
    const total = spec.columnWidths!.reduce((sum, c) => sum + c.width * (c.columns.includes(":") ? 0 : 1), 0);
    expect(spec.columnWidths!.map((c) => c.columns)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
    expect(spec.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: true });
    expect(Math.min(1, printable / total)).toBeGreaterThanOrEqual(0.8);
    // Every table body wraps its text, so narrower columns grow rows instead of cutting text.
    for (const tb of spec.tables!) {
      const r = parseRange(tb.range);
      const body = `${String.fromCharCode(65 + r.column)}${r.row + 2}`;
      expect(spec.styles!.some((st) => st.range.startsWith(body) && st.style.wrapText === true)).toBe(true);
    }
  });

  it("column A holds its bold labels on at most two wrapped lines, in Danish and English (11 pt)", () => {
    const widthA = spec.columnWidths!.find((c) => c.columns === "A")!.width;
    for (const lang of ["da", "en"] as const) {
      const s2 = theorySheetSpec(social(), lang);
      const grid = cellsOf(s2);
      const start = rowOf(grid, lang === "da" ? "Navn" : "Name");
      for (let r = start; r < start + 6; r++) {
        const label = String(grid[r][0]);
        const lines = wrapText(label, widthA - 6, 11, true);
        expect([label, lines.length <= 2, s2.styles!.some((st) => st.range === `A${r + 1}` && st.style.wrapText === true)]).toEqual([label, true, true]);
      }
    }
  });

  it("every row of the cell block has the same length", () => {
    const lens = new Set(spec.cells[0].values.map((r) => r.length));
    expect(lens.size).toBe(1);
  });
});

describe("edits made directly in the sheet", () => {
  const base = cellsOf(theorySheetSpec(social()));

  it("picks up a renamed item, a changed size and a changed list", () => {
    const g = copy(base);
    const r = rowOfNr(g, "D2");
    g[r][1] = "Borgeren kan holde en aftale";
    const size = rowOf(g, "Størrelse (antal borgere)");
    g[size][1] = 140;
    const ch = rowOf(g, "Kendetegn");
    g[ch][1] = "Aktivitetsparat\nUnder 40 år";
    const { theory, issues } = parseTheorySheet(g);
    expect(issues).toEqual([]);
    expect(theory.subGoals.find((x) => x.id === "D2")!.name).toBe("Borgeren kan holde en aftale");
    expect(theory.targetGroup.size).toBe(140);
    expect(theory.targetGroup.characteristics).toEqual(["Aktivitetsparat", "Under 40 år"]);
  });

  it("accepts a size typed as Danish text with a thousands separator", () => {
    const g = copy(base);
    g[rowOf(g, "Størrelse (antal borgere)")][1] = "1.250";
    expect(parseTheorySheet(g).theory.targetGroup.size).toBe(1250);
  });

  it("reports an invalid size with its cell address", () => {
    const g = copy(base);
    const r = rowOf(g, "Størrelse (antal borgere)");
    g[r][1] = "cirka 100";
    const { theory, issues } = parseTheorySheet(g);
    expect(issues).toHaveLength(1);
    expect(issues[0].cell).toBe(`Programteori!B${r + 1}`);
    expect(issues[0].message.da).toMatch(new RegExp(`^Programteori!B${r + 1}: Størrelse skal være et helt tal`));
    expect(theory.targetGroup.size).toBeNull();
    // 12.5 citizens is not a size either.
    g[r][1] = 12.5;
    expect(parseTheorySheet(g).issues[0].code).toBe("SHEET_BAD_SIZE");
  });

  it("picks up a row added inside a table without a Nr. and gives it the next free one", () => {
    const g = copy(base);
    const last = rowOfNr(g, "A6");
    const added: CellValue[] = Array(g[0].length).fill(null);
    added[1] = "Netværksgruppe";
    g.splice(last + 1, 0, added);
    const { theory, issues } = parseTheorySheet(g);
    expect(issues).toEqual([]);
    expect(theory.activities.map((a) => a.id)).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "A7"]);
    expect(theory.activities[6]).toEqual({ id: "A7", name: "Netværksgruppe", description: "", origin: "bruger" });
    // The new activity serves no sub-goal yet: validation says so and names its cell.
    const parsed = parseTheorySheet(g);
    const v = validateTheory(parsed.theory, { cells: parsed.cells }).find((i) => i.code === "ACTIVITY_NO_SUBGOAL");
    expect(v?.cell).toBe(`Programteori!B${last + 2}`);
  });

  it("picks up a link row added by hand (Nr. left empty)", () => {
    const g = copy(base);
    const lastLink = rowOfNr(g, "L15");
    const row: CellValue[] = Array(g[0].length).fill(null);
    row[2] = "A6";
    row[4] = "D4";
    row[6] = "Praktik kræver fysisk udholdenhed";
    row[7] = "M3, M2";
    g.splice(lastLink + 1, 0, row);
    const { theory, issues } = parseTheorySheet(g);
    expect(issues).toEqual([]);
    expect(theory.links[theory.links.length - 1]).toEqual({
      id: "L16",
      kind: "aktivitet-delmaal",
      from: "A6",
      to: "D4",
      rationale: "Praktik kræver fysisk udholdenhed",
      mechanismIds: ["M3", "M2"],
    });
  });

  it("reports a link to a deleted item with the cell of the unknown Nr.", () => {
    const g = copy(base);
    g.splice(rowOfNr(g, "D4"), 1); // delete the row of D4
    const { theory, issues } = parseTheorySheet(g);
    expect(theory.subGoals.map((d) => d.id)).not.toContain("D4");
    const bad = issues.filter((i) => i.code === "SHEET_UNKNOWN_REF");
    // A5 → D4 and D4 → D5 refer to D4.
    expect(bad).toHaveLength(2);
    const toCol = colOf(g, "Sammenhænge", "Til (nr.)");
    const fromCol = colOf(g, "Sammenhænge", "Fra (nr.)");
    const rowA5 = g.findIndex((row) => row[fromCol] === "A5" && row[toCol] === "D4");
    const rowD4 = g.findIndex((row) => row[fromCol] === "D4" && row[toCol] === "D5");
    expect(bad.map((i) => i.cell).sort()).toEqual(
      [`Programteori!${String.fromCharCode(65 + toCol)}${rowA5 + 1}`, `Programteori!${String.fromCharCode(65 + fromCol)}${rowD4 + 1}`].sort(),
    );
    expect(bad[0].message.da).toMatch(/D4, som ikke findes/);
    expect(theory.links.some((l) => l.from === "D4" || l.to === "D4")).toBe(false);
  });

  it("reports an unknown category and unreadable measurement times with their cells", () => {
    const g = copy(base);
    const catCol = colOf(g, "Virksomme mekanismer", "Kategori");
    const rm = rowOfNr(g, "M2");
    g[rm][catCol] = "Held";
    const timesCol = colOf(g, "Delmål", "Målepunkter");
    const rd = rowOfNr(g, "D1");
    g[rd][timesCol] = "engang imellem";
    const { theory, issues } = parseTheorySheet(g);
    const cat = issues.find((i) => i.code === "SHEET_BAD_CATEGORY")!;
    expect(cat.cell).toBe(`Programteori!${String.fromCharCode(65 + catCol)}${rm + 1}`);
    expect(theory.mechanisms.find((m) => m.id === "M2")!.category).toBeNull();
    const times = issues.find((i) => i.code === "SHEET_BAD_TIMES")!;
    expect(times.cell).toBe(`Programteori!${String.fromCharCode(65 + timesCol)}${rd + 1}`);
  });

  it("reports a duplicated Nr. and keeps both rows", () => {
    const g = copy(base);
    const r = rowOfNr(g, "S2");
    g[r][0] = "S1";
    const { theory, issues } = parseTheorySheet(g);
    expect(issues.map((i) => i.code)).toEqual(["SHEET_DUPLICATE_NR"]);
    expect(issues[0].cell).toBe(`Programteori!A${r + 1}`);
    expect(theory.finalGoals).toHaveLength(2);
    expect(new Set(theory.finalGoals.map((f) => f.id)).size).toBe(2);
  });

  it("reads categories, origins and times typed in other forms", () => {
    const g = copy(base);
    const catCol = colOf(g, "Virksomme mekanismer", "Kategori");
    g[rowOfNr(g, "M1")][catCol] = "ressourcer";
    const timesCol = colOf(g, "Slutmål", "Målepunkter");
    g[rowOfNr(g, "S1")][timesCol] = "0/12/24";
    const { theory, issues } = parseTheorySheet(g);
    expect(issues).toEqual([]);
    expect(theory.mechanisms[0].category).toBe("ressourcer");
    expect(theory.finalGoals[0].indicator!.times).toEqual({ kind: "months", months: [0, 12, 24] });
  });

  it("ignores blank rows a person leaves inside a table", () => {
    const g = copy(base);
    const r = rowOfNr(g, "M2");
    g.splice(r, 0, Array(g[0].length).fill(null));
    const { theory, issues } = parseTheorySheet(g);
    expect(issues).toEqual([]);
    expect(theory).toStrictEqual(social());
  });

  it("reports a renamed column header, and still reads the rest of the table", () => {
    const g = copy(base);
    const header = rowOf(g, "Aktiviteter") + 1;
    const c = g[header].indexOf("Beskrivelse");
    g[header][c] = "Noter";
    const { theory, issues } = parseTheorySheet(g);
    expect(issues.map((i) => i.code)).toEqual(["SHEET_MISSING_COLUMN"]);
    expect(issues[0].cell).toBe(`Programteori!A${header + 1}`);
    expect(issues[0].message.da).toMatch(/»Beskrivelse« mangler i tabellen under »Aktiviteter«/);
    expect(theory.activities.map((a) => a.name)).toEqual(social().activities.map((a) => a.name));
    expect(theory.activities.every((a) => a.description === "")).toBe(true);
  });

  it("reads the columns of a table in any order", () => {
    const g = copy(base);
    const header = rowOf(g, "Aktiviteter") + 1;
    const end = rowOfNr(g, "A6");
    for (let r = header; r <= end; r++) [g[r][1], g[r][2]] = [g[r][2], g[r][1]]; // swap Navn and Beskrivelse
    const { theory, issues } = parseTheorySheet(g);
    expect(issues).toEqual([]);
    expect(theory).toStrictEqual(social());
  });

  it("validation of a sheet without final goals points at the Slutmål table; an empty size at its cell", () => {
    const g = cellsOf(theorySheetSpec(emptyTheory()));
    const parsed = parseTheorySheet(g);
    const issues = validateTheory(parsed.theory, { cells: parsed.cells });
    expect(issues.find((i) => i.code === "NO_FINAL_GOAL")!.cell).toBe(`Programteori!A${rowOf(g, "Slutmål") + 1}`);
    expect(issues.find((i) => i.code === "TARGET_GROUP_NO_SIZE")!.cell).toBe(`Programteori!B${rowOf(g, "Størrelse (antal borgere)") + 1}`);
  });

  it("says so when the sheet is not a programme theory", () => {
    const { issues } = parseTheorySheet([["Navn", "Alder"], ["Ida", 30]]);
    expect(issues[0].code).toBe("SHEET_NOT_THEORY");
  });
});

describe("cellsOf", () => {
  it("places blocks at their addresses and fills gaps with null", () => {
    expect(cellsOf({ cells: [{ address: "B2", values: [[1, 2]] }, { address: "A1", values: [["x"]] }] })).toEqual([
      ["x", null, null],
      [null, 1, 2],
    ]);
  });
});

describe("the intro line says when the sheet was written", () => {
  test("A2 ends with the time in the one format; the theory reads back the same, and its fingerprint does not depend on the time", () => {
    const t = social();
    const at = (iso: string) => cellsOf(theorySheetSpec(t, "da", { at: iso, sources: [] }));
    const first = at("2026-11-30T08:00:00Z");
    const second = at("2026-12-07T09:30:00Z");
    expect(first[1][0]).toMatch(/^Dette ark er programteoriens kilde\..* Lavet 30\. nov\. 2026 kl\. 09\.00\.$/);
    expect(second[1][0]).toMatch(/ Lavet 7\. dec\. 2026 kl\. 10\.30\.$/);
    expect(parseTheorySheet(second).theory).toEqual(parseTheorySheet(cellsOf(theorySheetSpec(t))).theory);
    // writing the same theory again leaves its dependants up to date (Overblik); an edited cell does not
    expect(theoryFingerprint(second)).toBe(theoryFingerprint(first));
    const edited = second.map((r) => [...r]);
    edited[2][1] = "Ny titel";
    expect(theoryFingerprint(edited)).not.toBe(theoryFingerprint(first));
  });
});
