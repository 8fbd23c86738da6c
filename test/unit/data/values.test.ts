import { defaultSettings, runComparison } from "../../../src/core/analysis";
import { detectHeaderRow, mapGroupLabel, normaliseKey, parseDanishDateText, parseDanishNumber, parseMonthHeader, parseMonthValue, suggestRoles } from "../../../src/core/data";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows } from "../analysis/fixture";

describe("Danish numbers", () => {
  it.each([
    ["12,5", 12.5],
    ["1.234", 1234],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1 234,5", 1234.5],
    ["1\u00A0234", 1234],
    ["-3,25", -3.25],
    ["\u22123,25", -3.25],
    ["+7", 7],
    [" 42 ", 42],
    [",5", 0.5],
    ["12.5", 12.5], // a single dot not followed by three digits: decimal point (English Excel)
    [17, 17],
  ])("%p -> %p", (text, n) => {
    expect(parseDanishNumber(text)).toBe(n);
  });
  it.each(["ca. 40", "12,5 år", "1,2,3", "1.23.4", "abc", "12-13"])("%p is not a number", (text) => {
    expect(parseDanishNumber(text)).toBeNaN();
  });
  it("blank is missing, not zero", () => {
    expect(parseDanishNumber("")).toBeNull();
    expect(parseDanishNumber("   ")).toBeNull();
    expect(parseDanishNumber(null)).toBeNull();
  });
  it("text numbers in a continuous column are used as numbers", () => {
    const rows = pilotRows();
    // intervention ages as Danish text: 25,5 instead of 25 and "1.000" would be absurd, so use decimals
    rows[0][3] = "25,5";
    rows[1][3] = " 30,0 ";
    const s = defaultSettings({ sheet: "Borgere", address: "A1", layout: "wide", columns: { id: 0, group: 1, baseline: [{ column: 3, type: "continuous" }], timepoints: [{ column: 5, month: 6 }] }, statuses: ["Kontanthjælp", "Jobparat", "Fleksjob", "Kontanthjælp – i praktik"] });
    const r = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s);
    const age = r.baseline.variables[0];
    if (age.type !== "continuous") throw new Error("type");
    // (25.5 + 30 + 35 + 40 + 45 + 50 + 55 + 60 + 28 + 33) / 10 = 40.15
    expect(age.stats.intervention.mean).toBeCloseTo(40.15, 10);
  });
});

describe("dates", () => {
  it("reads day-first text dates and ISO dates as Excel serial numbers", () => {
    // Excel: =DATE(2021,5,3) = 44319
    expect(parseDanishDateText("03-05-2021")).toBe(44319);
    expect(parseDanishDateText("3.5.2021")).toBe(44319);
    expect(parseDanishDateText("3/5/2021")).toBe(44319);
    expect(parseDanishDateText("2021-05-03")).toBe(44319);
    // Excel: =DATE(1990,1,1) = 32874
    expect(parseDanishDateText("01-01-1990")).toBe(32874);
  });
  it("rejects impossible dates", () => {
    expect(parseDanishDateText("31-02-2021")).toBeNull();
    expect(parseDanishDateText("29-02-2021")).toBeNull();
    expect(parseDanishDateText("29-02-2024")).toBe(45351);
  });
  it("a date column used as a continuous baseline is summarised by median (min–max) of the dates", () => {
    const header: CellValue[] = ["ID", "Gruppe", "Inkluderet", "Status 6 mdr"];
    const rows: CellValue[][] = [
      ["A", "I", "01-02-2021", "Jobparat"],
      ["B", "I", "03-02-2021", "Kontanthjælp"],
      ["C", "I", 44230, "Kontanthjælp"], // Excel serial of 2021-02-02
      ["D", "K", "2021-03-01", "Kontanthjælp"],
      ["E", "K", "1.3.2021", "Jobparat"],
    ];
    const s = defaultSettings({ sheet: "Borgere", address: "A1", layout: "wide", columns: { id: 0, group: 1, baseline: [{ column: 2, type: "continuous" }], timepoints: [{ column: 3, month: 6 }] }, statuses: ["Kontanthjælp", "Jobparat"] });
    const r = runComparison({ sheet: "Borgere", address: "A1", header, rows }, s);
    const v = r.baseline.variables[0];
    if (v.type !== "continuous") throw new Error("type");
    expect(v.isDate).toBe(true);
    expect(v.summary).toBe("medianRange");
    expect(v.stats.intervention.median).toBe(44230);
    expect(v.stats.intervention.min).toBe(44228);
  });
});

describe("normalised keys and group labels", () => {
  it("statuses match across case, spaces and dashes", () => {
    const k = normaliseKey("Kontanthjælp – i praktik");
    expect(normaliseKey("kontanthjælp - i  praktik")).toBe(k);
    expect(normaliseKey(" KONTANTHJÆLP—i praktik ")).toBe(k);
    expect(normaliseKey("Kontanthjælp-i praktik")).toBe(k);
    expect(normaliseKey("Kontanthjælp i praktik")).not.toBe(k);
  });
  it.each([
    ["I", "intervention"],
    [" indsatsGRUPPE ", "intervention"],
    ["Indsats", "intervention"],
    ["intervention", "intervention"],
    ["K", "control"],
    ["Kontrolgruppe", "control"],
    ["kontrol ", "control"],
    ["Control", "control"],
    ["1", null],
    ["0", null],
    ["Venteliste", null],
  ])("%p -> %p", (label, arm) => {
    expect(mapGroupLabel(label)).toBe(arm);
  });
  it("user overrides win over the built-in labels", () => {
    expect(mapGroupLabel("1", { "1": "intervention", "0": "control" })).toBe("intervention");
    expect(mapGroupLabel(" 0 ", { "1": "intervention", "0": "control" })).toBe("control");
    expect(mapGroupLabel("K", { k: "intervention" })).toBe("intervention");
  });
  it("numeric group codes run once mapped", () => {
    const rows = pilotRows().map((r) => [r[0], r[1] === "Indsats" ? 1 : 0, ...r.slice(2)]);
    const s = defaultSettings({ sheet: "Borgere", address: "A1", layout: "wide", columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 5, month: 6 }] }, statuses: ["Kontanthjælp", "Jobparat", "Fleksjob", "Kontanthjælp – i praktik"] });
    expect(() => runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s)).toThrow(/Gruppen "1"/);
    s.groupMap = { "1": "intervention", "0": "control" };
    const r = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s);
    expect(r.outcomes[0].rows[0].counts.intervention).toEqual({ x: 3, n: 10 });
  });
});

describe("headers and roles", () => {
  it.each([
    ["Status 6 mdr", 6],
    ["6 mdr.", 6],
    ["Status_12", 12],
    ["18 måneder", 18],
    ["Status 0 mdr", 0],
    ["Status ved inklusion", 0],
    ["Opfølgning 24 mdr", 24],
    ["Alder", null],
    ["År i ordinært arbejde", null],
    ["Status", null],
  ])("header %p -> month %p", (h, m) => {
    expect(parseMonthHeader(h)).toBe(m);
  });
  it("time values in long layout", () => {
    expect(parseMonthValue(6)).toBe(6);
    expect(parseMonthValue("12")).toBe(12);
    expect(parseMonthValue("18 mdr.")).toBe(18);
    expect(parseMonthValue("senere")).toBeNull();
    expect(parseMonthValue(6.5)).toBeNull();
  });
  it("finds the header row below a title and a blank row", () => {
    const values: CellValue[][] = [["Borgere i projekt Fremad", "", "", ""], ["", "", "", ""], ["ID", "Gruppe", "Alder", "Status 6 mdr"], [1, "I", 34, "Jobparat"]];
    expect(detectHeaderRow(values)).toBe(2);
    expect(detectHeaderRow([[1, 2], [3, 4]])).toBe(-1);
  });
  it("suggests roles in a typical wide sheet", () => {
    const header: CellValue[] = ["Løbenr", "Gruppe", "Køn", "Alder", "Etnicitet", "Tolkebehov", "År i ordinært arbejde", "Status ved inklusion", "6 mdr.", "Status_12", "18 måneder"];
    const rows: CellValue[][] = [];
    for (let i = 0; i < 40; i++) rows.push([i + 1, i % 2 ? "Kontrolgruppe" : "Indsatsgruppe", i % 3 ? "Kvinde" : "Mand", 20 + i, i % 4 ? "Dansk" : "Anden", i % 5 ? "Nej" : "Ja", `${i % 9},5`, "Kontanthjælp", "Jobparat", "", ""]);
    const s = suggestRoles(header, rows);
    expect(s.layout).toBe("wide");
    expect(s.id).toBe(0);
    expect(s.group).toBe(1);
    expect(s.timepoints).toEqual([
      { column: 7, month: 0 },
      { column: 8, month: 6 },
      { column: 9, month: 12 },
      { column: 10, month: 18 },
    ]);
    expect(s.baseline).toEqual([
      { column: 2, type: "categorical" },
      { column: 3, type: "continuous" },
      { column: 4, type: "categorical" },
      { column: 5, type: "categorical" },
      { column: 6, type: "continuous" },
    ]);
  });
});
