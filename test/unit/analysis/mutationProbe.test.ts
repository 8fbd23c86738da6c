/**
 * Issue 23 item 7: behaviours of the comparison's settings that a one-line bug could break without
 * any other test noticing. Each test names the bug it was seen to fail on.
 */
import { defaultSettings, reconcileColumns, type ComparisonSettings } from "../../../src/core/analysis";
import { parseSettings } from "../../../src/core/analysis/settingsSchema";
import { VirkningError } from "../../../src/core/errors";
import { HEADER } from "./fixture";

function settings(header: string[]): ComparisonSettings {
  const s = defaultSettings({
    sheet: "Borgere",
    address: "A1:H21",
    layout: "wide",
    columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 4, month: 0 }, { column: 5, month: 6 }] },
    statuses: ["Kontanthjælp", "Jobparat"],
  });
  return { ...s, source: { ...s.source, header } };
}

function refusal(f: () => unknown): VirkningError {
  try {
    f();
  } catch (e) {
    if (e instanceof VirkningError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("a stored confidence level of 1 is refused", () => {
  // Catches: `v.maxValue(1)` (or no upper bound) on confLevel in settingsSchema.ts.
  const stored = (confLevel: number): unknown => JSON.parse(JSON.stringify({ ...settings(HEADER as string[]), confLevel }));
  test("0.999 is accepted", () => expect(parseSettings(stored(0.999)).ok).toBe(true));
  test.each([1, 1.5])("%p is refused, naming confLevel, with what to do", (level) => {
    const r = parseSettings(stored(level));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("SETTINGS_INVALID");
    expect(r.error.message).toContain("confLevel");
    expect(r.error.message).toContain("Nulstil");
  });
});

describe("an unnamed column is never matched to another unnamed column without asking", () => {
  const stored = ["ID", "Gruppe", "Køn", "Alder", "", "Status 6 mdr", "Status 12 mdr", "Status 18 mdr"];
  test("the unnamed status column at its old place, still unnamed: refused, naming the column", () => {
    // Catches: `if (keys[i] === key)` instead of `if (key !== "" && keys[i] === key)`.
    const e = refusal(() => reconcileColumns(settings(stored), [...stored]));
    expect(e.code).toBe("COLUMNS_CHANGED");
    expect(e.message).toContain("kolonne E (uden navn)");
  });
  test("an unnamed column elsewhere is not taken for the stored unnamed one", () => {
    // Catches: `const found = keys.flatMap(...)` without the `key === "" ? [] :` guard.
    const now = ["ID", "Gruppe", "Køn", "Alder", "Status 0 mdr", "", "Status 6 mdr", "Status 12 mdr", "Status 18 mdr"];
    const e = refusal(() => reconcileColumns(settings(stored), now));
    expect(e.code).toBe("COLUMNS_CHANGED");
    expect(e.message).toContain("kolonne E (uden navn)");
  });
  test("named columns still move with their header", () => {
    const named = [...stored];
    named[4] = "Status 0 mdr";
    const now = ["Note", ...named];
    const r = reconcileColumns(settings(named), now);
    expect(r.columns.timepoints.map((t) => t.column)).toEqual([5, 6]);
  });
});
