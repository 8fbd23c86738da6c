/** core/analysis/rerun.ts: the settings applied to the data read now, and the fingerprint that tells stale numbers. */
import { analysisFingerprint, freshness, settingsForData, suggestSettings, withRunRecord, type ComparisonInput } from "../../../src/core/analysis";
import { parseSettings } from "../../../src/core/analysis/settingsSchema";
import { sampleCitizens } from "../../../src/preview/sampleData";

function data(): ComparisonInput {
  const s = sampleCitizens();
  return { sheet: "Borgere", address: "A1:M61", header: [...s.header], rows: s.rows.map((r) => [...r]) };
}

/** The data with a column inserted at `at` (header `name`, every row `value`). */
function inserted(input: ComparisonInput, at: number, name: string, value: string): ComparisonInput {
  const put = <T>(r: T[], v: T): T[] => [...r.slice(0, at), v, ...r.slice(at)];
  return { ...input, address: "A1:N61", header: put(input.header, name), rows: input.rows.map((r) => put(r, value)) };
}

test("strata move with their baseline column when a column is inserted before it", () => {
  const input = data();
  const s = { ...suggestSettings(input), strata: [2] }; // Køn
  const moved = settingsForData(s, inserted(input, 1, "Bydel", "Nord")).settings;
  expect(moved.strata).toEqual([3]);
  expect(moved.source.address).toBe("A1:N61");
});

test("the fingerprint ignores an inserted column and names, but not a changed status or outcome definition", () => {
  const input = data();
  const s = suggestSettings(input);
  const run = withRunRecord(s, input, new Date("2026-11-30T08:00:00Z"));
  expect(parseSettings(run).ok).toBe(true); // the record passes the stored settings' schema
  expect(run.lastRun!.fingerprint).toMatch(/^[a-p]{16}$/);
  expect(freshness(run, run, input)).toEqual({ status: "ok", ranAt: "2026-11-30T08:00:00.000Z" });
  const wider = inserted(input, 10, "Status 3 mdr", "Jobparat");
  expect(freshness(run, settingsForData(run, wider).settings, wider).status).toBe("ok");
  expect(analysisFingerprint({ ...s, name: "Andet navn", title: "x" }, input)).toBe(analysisFingerprint(s, input));
  const edited = data();
  edited.rows[5][12] = edited.rows[5][12] === "Jobparat" ? "Kontanthjælp" : "Jobparat";
  expect(freshness(run, s, edited).status).toBe("stale");
  expect(freshness(run, { ...s, outcomes: s.outcomes.slice(1) }, input).status).toBe("stale");
  expect(freshness(s, s, input)).toEqual({ status: "stale", ranAt: null });
});
