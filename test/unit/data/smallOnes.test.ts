/** Issue 9, observation 10: the small ones in the data layer. */
import { defaultSettings, inspectData, runComparison } from "../../../src/core/analysis";
import { formatSerialDate, mapGroupLabel } from "../../../src/core/data";
import { parseSettings } from "../../../src/core/analysis/settingsSchema";
import { setArm, setClass, classOf } from "../../../src/taskpane/comparison/model";

describe("small ones", () => {
  it("serial 60 is shown as 29-02-1900, as Excel shows it; the days around it too", () => {
    expect(formatSerialDate(1)).toBe("01-01-1900");
    expect(formatSerialDate(59)).toBe("28-02-1900");
    expect(formatSerialDate(60)).toBe("29-02-1900");
    expect(formatSerialDate(61)).toBe("01-03-1900");
    expect(formatSerialDate(45293)).toBe("02-01-2024");
  });

  it('"Jobparat\\u200b" is the status "Jobparat"; a cell of only a zero-width space is empty', () => {
    const header = ["ID", "Gruppe", "Status 6 mdr"];
    const rows = [
      ["B1", "Indsats", "Jobparat"],
      ["B2", "Kontrol", "Jobparat\u200b"],
      ["B3", "Kontrol", "\u200b"],
    ];
    const info = inspectData({ sheet: "Borgere", address: "A1", header, rows }, { layout: "wide", id: 0, group: 1, baseline: [], timepoints: [{ column: 2, month: 6 }] });
    expect(info.statuses.map((s) => [s.label, s.count])).toEqual([["Jobparat", 2]]);
  });

  it('a label named "__proto__" can be mapped, classified, stored and read back', () => {
    const classes = setClass({}, "__proto__", "valid");
    expect(Object.keys(classes)).toEqual(["__proto__"]);
    expect(classOf(classes, "__proto__")).toBe("valid");
    const arms = setArm({}, "__proto__", "control");
    expect(mapGroupLabel("__proto__", arms)).toBe("control");
    const header = ["ID", "Gruppe", "Status 6 mdr"];
    const rows = [
      ["B1", "Indsats", "__proto__"],
      ["B2", "__proto__", "Jobparat"],
    ];
    const s = { ...defaultSettings({ sheet: "Borgere", address: "A1:C3", layout: "wide", columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 2, month: 6 }] }, statuses: ["Jobparat"] }), groupMap: arms };
    const settings = { ...s, statusClasses: setClass(s.statusClasses, "__proto__", "excluded") };
    const stored = parseSettings(JSON.parse(JSON.stringify(settings)));
    expect(stored.ok && stored.settings.statusClasses).toEqual(settings.statusClasses);
    const result = runComparison({ sheet: "Borgere", address: "A1", header, rows }, settings);
    expect(result.header.citizens).toEqual({ intervention: 1, control: 1, total: 2 });
  });
});
