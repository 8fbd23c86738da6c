/** Every bad-input case yields a VirkningValidationError whose single problem names the right sheet!cell. */
import { inspectData, runComparison, type ComparisonSettings } from "../../../src/core/analysis";
import { VirkningError, VirkningValidationError } from "../../../src/core/errors";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows, pilotSettings } from "../analysis/fixture";

function settings(over: Partial<ComparisonSettings["columns"]> = {}): ComparisonSettings {
  return pilotSettings(over);
}

function problemsOf(rows: CellValue[][], opts: { header?: CellValue[]; sheet?: string; address?: string; merged?: string[]; s?: ComparisonSettings } = {}): VirkningError[] {
  try {
    runComparison({ sheet: opts.sheet ?? "Borgere", address: opts.address ?? "A1", header: opts.header ?? HEADER, rows, mergedAreas: opts.merged }, opts.s ?? settings());
  } catch (e) {
    if (e instanceof VirkningValidationError) return e.problems;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("bad input: one problem each, naming sheet and cell", () => {
  it("the pilot itself is fine", () => {
    expect(() => runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, settings())).not.toThrow();
  });

  it("duplicate IDs name both cells", () => {
    const rows = pilotRows();
    rows[10][0] = "P05"; // Excel row 12 repeats the ID of row 6
    const p = problemsOf(rows);
    expect(p).toHaveLength(1);
    expect(p[0].code).toBe("DUPLICATE_ID");
    expect(p[0].message).toContain("Borgere!A6");
    expect(p[0].message).toContain("Borgere!A12");
    expect(p[0].location).toEqual({ sheet: "Borgere", cell: "A12" });
  });

  it("a row without group", () => {
    const rows = pilotRows();
    rows[15][1] = "  ";
    const p = problemsOf(rows);
    expect(p.map((x) => x.code)).toEqual(["MISSING_GROUP"]);
    expect(p[0].message).toContain("Borgere!B17");
  });

  it("a group label that maps to nothing, with its count", () => {
    const rows = pilotRows();
    rows[6][1] = "Ventegruppe";
    const p = problemsOf(rows);
    expect(p.map((x) => x.code)).toEqual(["UNMAPPED_GROUP"]);
    expect(p[0].message).toContain("Borgere!B8");
    expect(p[0].message).toContain("1 række");
    expect(p[0].message).toContain('"Ventegruppe"');
  });

  it("fewer than two groups", () => {
    const rows = pilotRows().map((r) => [r[0], "Indsats", ...r.slice(2)]);
    const p = problemsOf(rows);
    expect(p.map((x) => x.code)).toEqual(["FEWER_THAN_TWO_GROUPS"]);
    expect(p[0].message).toContain("Borgere!B2:B21");
    expect(p[0].message).toContain("kontrolgruppen");
  });

  it("text in a continuous column", () => {
    const rows = pilotRows();
    rows[3][3] = "ca. 40";
    const p = problemsOf(rows);
    expect(p.map((x) => x.code)).toEqual(["TEXT_IN_CONTINUOUS"]);
    expect(p[0].message).toContain("Borgere!D5");
    expect(p[0].message).toContain('"ca. 40"');
  });

  it("merged cells inside the data; merged cells outside the range are ignored", () => {
    const p = problemsOf(pilotRows(), { merged: ["Borgere!B5:B6", "K1:L2"] });
    expect(p.map((x) => x.code)).toEqual(["MERGED_CELLS"]);
    expect(p[0].message).toContain("Borgere!B5:B6");
  });

  it("a blank row inside the data; trailing blank rows are fine", () => {
    const rows = pilotRows();
    rows.splice(9, 0, ["", null, "", "", "", "", "", ""]); // Excel row 11
    rows.push(["", "", "", "", "", "", "", ""], [null, null, null, null, null, null, null, null]);
    const p = problemsOf(rows);
    expect(p.map((x) => x.code)).toEqual(["BLANK_ROW"]);
    expect(p[0].message).toContain("Borgere!A11");
  });

  it("the header row repeated inside the data", () => {
    const rows = pilotRows();
    rows.splice(10, 0, [...HEADER]); // Excel row 12
    const p = problemsOf(rows);
    expect(p.map((x) => x.code)).toEqual(["HEADER_REPEATED"]);
    expect(p[0].message).toContain("Borgere!A12");
  });

  it("duplicate column names in the header", () => {
    const header = [...HEADER, "køn "];
    const rows = pilotRows().map((r) => [...r, "x"]);
    const p = problemsOf(rows, { header });
    expect(p.map((x) => x.code)).toEqual(["DUPLICATE_COLUMN_NAME"]);
    expect(p[0].message).toContain("Borgere!C1");
    expect(p[0].message).toContain("Borgere!I1");
  });

  it("addresses count from the range origin and quote sheet names with spaces", () => {
    const rows = pilotRows();
    rows[2][3] = "fyrre"; // data row 3 -> Excel row 5 + 1 + 2 = 8, column C + 3 = F
    const p = problemsOf(rows, { sheet: "Data 2", address: "C5" });
    expect(p.map((x) => x.code)).toEqual(["TEXT_IN_CONTINUOUS"]);
    expect(p[0].message).toContain("'Data 2'!F8");
    expect(p[0].location).toEqual({ sheet: "Data 2", cell: "F8" });
  });

  it("collects all problems, not just the first", () => {
    const rows = pilotRows();
    rows[3][3] = "ca. 40";
    rows[15][1] = "";
    rows[10][0] = "P05";
    const p = problemsOf(rows);
    expect(p.map((x) => x.code).sort()).toEqual(["DUPLICATE_ID", "MISSING_GROUP", "TEXT_IN_CONTINUOUS"]);
  });

  it("caps a long list and says how many more", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 80; i++) rows.push([`P${i}`, i % 2 ? "K" : "I", "Kvinde", "ukendt", "Kontanthjælp", "Jobparat", "Jobparat", "Jobparat"]);
    const p = problemsOf(rows);
    expect(p).toHaveLength(51);
    expect(p[50].code).toBe("MORE_PROBLEMS");
    expect(p[50].message).toContain("30 flere");
    const err = (() => {
      try {
        runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, settings());
      } catch (e) {
        return e as VirkningValidationError;
      }
      return null;
    })();
    expect(err?.message).toMatch(/^51 problemer i data/);
  });

  it("settings that point outside the range", () => {
    const p = problemsOf(pilotRows(), { s: settings({ timepoints: [{ column: 12, month: 6 }] }) });
    expect(p.map((x) => x.code)).toEqual(["SETTINGS_COLUMN"]);
  });
});

describe("long layout problems", () => {
  const header: CellValue[] = ["ID", "Gruppe", "Tid", "Status"];
  const s = (): ComparisonSettings => {
    const x = settings();
    x.source.layout = "long";
    x.columns = { id: 0, group: 1, baseline: [], timepoints: [], long: { time: 2, status: 3 } };
    return x;
  };
  it("two rows for the same citizen and time name both cells", () => {
    const rows: CellValue[][] = [
      ["A", "I", 0, "Kontanthjælp"],
      ["B", "K", 0, "Kontanthjælp"],
      ["A", "I", 6, "Jobparat"],
      ["A", "I", "6 mdr", "Kontanthjælp"],
    ];
    const p = problemsOf(rows, { header, s: s() });
    expect(p.map((x) => x.code)).toEqual(["DUPLICATE_ID_TIME"]);
    expect(p[0].message).toContain("Borgere!A4");
    expect(p[0].message).toContain("Borgere!A5");
  });
  it("a citizen whose group changes between rows", () => {
    const rows: CellValue[][] = [
      ["A", "I", 0, "Kontanthjælp"],
      ["B", "K", 0, "Kontanthjælp"],
      ["A", "K", 6, "Jobparat"],
    ];
    const p = problemsOf(rows, { header, s: s() });
    expect(p.map((x) => x.code)).toEqual(["GROUP_INCONSISTENT"]);
    expect(p[0].message).toContain("Borgere!B2");
    expect(p[0].message).toContain("Borgere!B4");
  });
  it("a time that is not a month", () => {
    const rows: CellValue[][] = [
      ["A", "I", 0, "Kontanthjælp"],
      ["B", "K", "senere", "Kontanthjælp"],
    ];
    const p = problemsOf(rows, { header, s: s() });
    expect(p.map((x) => x.code)).toEqual(["BAD_TIME"]);
    expect(p[0].message).toContain("Borgere!C3");
  });
});

describe("limits and the mapping step", () => {
  it("more than 32767 distinct statuses (free text in a status column) is one clear problem", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 33000; i++) rows.push([`P${i}`, i % 2 ? "I" : "K", "Kvinde", 40, "Kontanthjælp", `Notat ${i}`, "", ""]);
    const p = problemsOf(rows);
    expect(p.map((x) => x.code)).toEqual(["TOO_MANY_STATUSES"]);
    // "Kontanthjælp" + "Notat 0" … "Notat 32765" fill the 32767 codes; "Notat 32766" (data row 32767, Excel row 32768) is refused
    expect(p[0].message).toContain("Borgere!F32768");
  });

  it("many unclassified statuses: the 20 most frequent are listed, the rest summed up", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 50; i++) rows.push([`P${i}`, i % 2 ? "I" : "K", "Kvinde", 40, "Kontanthjælp", `Ny status ${i % 25}`, "", ""]);
    const p = problemsOf(rows);
    expect(p.filter((x) => x.code === "UNCLASSIFIED_STATUS")).toHaveLength(20);
    expect(p[p.length - 1].code).toBe("UNCLASSIFIED_STATUS_MORE");
    expect(p[p.length - 1].message).toContain("5 andre statusværdier (10 celler i alt)");
  });

  it("inspectData lists unmapped group labels with counts instead of throwing", () => {
    const rows = pilotRows();
    rows[0][1] = "1";
    rows[1][1] = "1";
    const info = inspectData({ sheet: "Borgere", address: "A1", header: HEADER, rows });
    const one = info.groupLabels.find((g) => g.label === "1");
    expect(one).toMatchObject({ count: 2, arm: null, firstCell: "Borgere!B2" });
    expect(info.problems.map((x) => x.code)).toEqual(["UNMAPPED_GROUP"]);
  });
});

describe("edge cases", () => {
  it("a header without data rows is refused", () => {
    const p = problemsOf([["", "", "", "", "", "", "", ""]]);
    expect(p.map((x) => x.code)).toEqual(["NO_DATA"]);
    expect(p[0].message).toContain("Borgere!A1:H1");
  });
  it("group map keys are matched whatever their case or spacing", () => {
    const rows = pilotRows().map((r) => [r[0], r[1] === "Indsats" ? "Gruppe A" : "Gruppe B", ...r.slice(2)]);
    const s = settings();
    s.groupMap = { "Gruppe A ": "intervention", "GRUPPE  B": "control" };
    const r = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s);
    expect(r.header.citizens).toEqual({ intervention: 10, control: 10, total: 20 });
  });
});
