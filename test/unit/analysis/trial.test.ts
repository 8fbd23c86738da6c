/**
 * The join of the data to the randomisation (core/analysis/trial.ts): IDs matched by the labels' text
 * rule, rows outside the trial left out but every message still names the right sheet cell, and the
 * counts (never the IDs) of every kind of mismatch.
 */
import { joinRandomisation, mismatchText, runComparison, type ComparisonSettings } from "../../../src/core/analysis";
import type { TrialTable } from "../../../src/core/design";
import { CprFoundError } from "../../../src/core/data";
import { VirkningValidationError } from "../../../src/core/errors";

const header = ["ID", "Gruppe", "Status 6 mdr"];

function settings(): ComparisonSettings {
  return {
    version: 1,
    source: { sheet: "Data", address: "A1:C7", layout: "wide", header },
    columns: { id: 0, group: 1, baseline: [], timepoints: [{ column: 2, month: 6 }] },
    groupMap: {},
    statusClasses: { Job: "valid", Ledig: "valid" },
    outcomes: [{ id: "job", name: "Job", statuses: ["Job"] }],
    testPolicy: "auto",
    baselinePValues: false,
    confLevel: 0.95,
    lang: "da",
    randomisation: { strata: true },
  };
}

const table: TrialTable = {
  members: new Map([
    ["B1", { arm: "intervention", stratum: 1 }],
    ["B2", { arm: "control", stratum: 1 }],
    ["b-3", { arm: "intervention", stratum: 2 }],
    ["B4", { arm: "control", stratum: 2 }],
    ["B9", { arm: "control", stratum: 2 }],
  ]),
  outside: new Set(["B5"]),
};

test("IDs join by the text rule; outside, unknown, missing and other-group citizens are counted, not listed", () => {
  const rows = [
    ["B1", "Kontrol", "Job"], // randomised to indsats: other group
    ["B5", "Indsats", "Job"], // declined: outside the trial
    ["b2 ", "Kontrol", "Ledig"],
    ["B\u2013 3", "Indsats", "Job"], // en dash and spacing: the member "b-3"
    ["X7", "Indsats", "Job"], // not randomised
    ["B4", "", "Ledig"], // no group on the data sheet: fine
  ];
  const j = joinRandomisation({ sheet: "Data", address: "A1:C7", header, rows }, settings(), table);
  expect(j.mismatch).toEqual({ notRandomised: 1, outsideTrial: 1, missingFromData: 1, otherGroup: 1 });
  expect(j.matched).toBe(4);
  expect(j.input.rows.map((r) => r[3])).toEqual(["Indsatsgruppe", "Kontrolgruppe", "Indsatsgruppe", "Kontrolgruppe"]);
  expect(j.input.rows.map((r) => r[4])).toEqual(["Stratum 1", "Stratum 1", "Stratum 2", "Stratum 2"]);
  expect(j.settings.strata).toEqual([4]);
  const text = mismatchText(j.mismatch).da;
  expect(text).toContain("1 ID i data findes ikke på arket Randomisering");
  for (const id of ["B1", "B5", "X7", "B9", "b-3"]) expect(text).not.toContain(id);
  const r = runComparison(j.input, j.settings, new Date("2026-12-01T00:00:00Z"));
  expect(r.outcomes[0].rows[0].counts).toEqual({ intervention: { x: 2, n: 2 }, control: { x: 0, n: 2 } });
});

test("a bad cell below a row left out is named where it is on the sheet", () => {
  const rows = [
    ["B1", "Indsats", "Job"],
    ["X7", "Indsats", "Job"], // left out (row 3)
    ["B2", "Kontrol", "Job"],
    ["", "Kontrol", "Job"], // row 5: no ID
  ];
  const j = joinRandomisation({ sheet: "Data", address: "A1:C5", header, rows }, settings(), table);
  let err: unknown;
  try {
    runComparison(j.input, j.settings);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(VirkningValidationError);
  expect((err as Error).message).toContain("Data!A5");
});

test("a CPR number below a row left out is refused at its own cell", () => {
  const rows = [
    ["X7", "Indsats", "Job"],
    ["B1", "Indsats", "Job"],
    ["B2", "Kontrol", "Ring 010190-1234"],
  ];
  const j = joinRandomisation({ sheet: "Data", address: "A1:C4", header, rows }, settings(), table);
  let err: unknown;
  try {
    runComparison(j.input, j.settings);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CprFoundError);
  expect((err as Error).message).toContain("Data!C4");
});

test("an unstratified design adds no stratum; the user's strata stay", () => {
  const flat: TrialTable = { members: new Map([...table.members].map(([k, m]) => [k, { ...m, stratum: 1 }])), outside: new Set() };
  const j = joinRandomisation({ sheet: "Data", address: "A1:C3", header, rows: [["B1", "", "Job"], ["B2", "", "Job"]] }, settings(), flat);
  expect(j.input.header).toEqual([...header, "Gruppe (randomiseret)"]);
  expect(j.settings.strata).toBeUndefined();
  expect(j.strata).toBe(1);
});
