/**
 * Issue 23 item 7: one odd value in a column of CPR numbers does not hide the column from the CPR
 * rule. Catches: `this.valid.length < this.bareTotal` (every value must be valid) instead of
 * `this.valid.length * 2 < this.bareTotal` (at least half) in CprColumnRule.flagged.
 */
import { defaultSettings, runComparison } from "../../../src/core/analysis";
import { VirkningError } from "../../../src/core/errors";
import { HEADER, pilotRows } from "../analysis/fixture";

const s = defaultSettings({
  sheet: "Borgere",
  address: "A1",
  layout: "wide",
  columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 5, month: 6 }] },
  statuses: ["Kontanthjælp", "Jobparat", "Fleksjob", "Kontanthjælp – i praktik"],
});

function refusal(rows: ReturnType<typeof pilotRows>): VirkningError | null {
  try {
    runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, s);
    return null;
  } catch (e) {
    if (e instanceof VirkningError) return e;
    throw e;
  }
}

/** 20 bare ten-digit CPR numbers with birthdays spread over the year. */
function cprRows(): ReturnType<typeof pilotRows> {
  const rows = pilotRows();
  rows.forEach((r, i) => (r[0] = `${String(1 + i).padStart(2, "0")}${String(1 + (i % 12)).padStart(2, "0")}${80 + (i % 10)}${1000 + i}`));
  return rows;
}

test("a column of CPR numbers is refused", () => {
  expect(refusal(cprRows())?.code).toBe("CPR_FOUND");
});

test("one case number among them (not a valid date) still leaves the column refused, naming its CPR cells", () => {
  const rows = cprRows();
  rows[3][0] = "9900000123";
  const e = refusal(rows);
  expect(e?.code).toBe("CPR_FOUND");
  expect(e?.message).toContain("Borgere!A2");
  expect(e?.message).not.toContain("Borgere!A5,");
});

test("a column that is mostly case numbers is not (the rule's other side)", () => {
  const rows = pilotRows();
  rows.forEach((r, i) => (r[0] = String(9900000000 + i)));
  rows[0][0] = "0101901234";
  rows[1][0] = "0202901234";
  expect(refusal(rows)).toBeNull();
});
