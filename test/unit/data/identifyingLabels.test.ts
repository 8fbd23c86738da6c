/** Issue 19, item 2: labels that identify a citizen are flagged before they are stored or printed. */
import { suggestSettings } from "../../../src/core/analysis";
import { OTHER_LABEL, findIdentifyingLabels, labelHash, looksLikeFreeText, readDataset, withOtherLabels } from "../../../src/core/data";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { sampleCitizens } from "../../../src/preview/sampleData";

function sample(): { header: CellValue[]; rows: CellValue[][] } {
  const c = sampleCitizens();
  return { header: [...c.header], rows: c.rows.map((r) => [...r]) };
}

function read(header: CellValue[], rows: CellValue[][]) {
  const input = { sheet: "Borgere", address: "A1", header, rows };
  const s = suggestSettings(input);
  return { input, s, d: readDataset(input, { layout: s.source.layout, ...s.columns }, { groupMap: s.groupMap, statusClasses: s.statusClasses }).dataset };
}

describe("looksLikeFreeText", () => {
  it.each(["Hans Hansen", "Borger Anne-Marie Jensen syg", "Fik job hos Netto efter praktik i tre måneder og er glad"])("%j is free text", (v) => {
    expect(looksLikeFreeText(v)).toBe(true);
  });
  it.each(["Kontanthjælp", "Kontanthjælp – i praktik", "FØP", "Jobparat", "Ikke fulgt op", "Indsatsgruppe", "Sygedagpenge (forlænget)"])("%j is a category", (v) => {
    expect(looksLikeFreeText(v)).toBe(false);
  });
});

describe("findIdentifyingLabels", () => {
  it("the sample data: FØP, held by one control citizen at 18 months, is flagged (issue 19's differencing example)", () => {
    const { header, rows } = sample();
    expect(findIdentifyingLabels(read(header, rows).d)).toEqual([{ kind: "status", label: "FØP", key: "føp", reason: "oneCitizen", firstCell: "Borgere!L30" }]);
  });

  it("a status for one citizen only and a name as a status are flagged, with their first cell", () => {
    const { header, rows } = sample();
    const status = header.findIndex((h) => h === "Status 12 mdr");
    rows[3][status] = "Revalidering hos Jobcenter Syd";
    rows[8][status] = "Lars Larsen";
    const flags = findIdentifyingLabels(read(header, rows).d, ["FØP"]);
    expect(flags.map((f) => [f.kind, f.label, f.reason])).toEqual([
      ["status", "Revalidering hos Jobcenter Syd", "freeText"],
      ["status", "Lars Larsen", "freeText"],
    ]);
    expect(flags[0].firstCell).toMatch(/^Borgere!/);
  });

  it("a status used by one citizen (also at several follow-ups) is flagged as oneCitizen; confirming it clears the flag", () => {
    const { header, rows } = sample();
    const s12 = header.findIndex((h) => h === "Status 12 mdr");
    rows[5][s12] = "Seniorjob";
    rows[5][s12 + 1] = "Seniorjob";
    const { d } = read(header, rows);
    expect(findIdentifyingLabels(d, ["FØP"])).toEqual([expect.objectContaining({ kind: "status", label: "Seniorjob", reason: "oneCitizen" })]);
    expect(findIdentifyingLabels(d, ["FØP", "seniorjob"])).toEqual([]);
  });
});

describe("withOtherLabels", () => {
  it("writes a label mapped to Andet as Andet in the chosen columns only, keeping the input as it was", () => {
    const rows: CellValue[][] = [
      ["1", "Lars Larsen", "Lars Larsen"],
      ["2", "Jobparat", "x"],
    ];
    const out = withOtherLabels({ rows }, [1], [labelHash("lars  larsen")]);
    expect(out.rows).toEqual([
      ["1", OTHER_LABEL, "Lars Larsen"],
      ["2", "Jobparat", "x"],
    ]);
    expect(rows[0][1]).toBe("Lars Larsen");
    expect(labelHash("Lars Larsen")).toMatch(/^[0-9a-f]{64}$/);
  });
});
