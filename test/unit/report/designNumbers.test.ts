/** The randomisation and planning sheets (issue 22 item 2): every number a numeric cell with a format. */
import { allocate, planningSheetSpec, planSampleSize, randomisationSheetSpec } from "../../../src/core/design";
import type { SheetSpec } from "../../../src/core/report/sheetSpec";
import { walk } from "./walk";

const unformatted = (spec: SheetSpec): string[] => walk(spec).filter((c) => typeof c.value === "number" && (c.format === undefined || c.format === "General")).map((c) => `${String.fromCharCode(65 + c.column)}${c.row + 1}: ${String(c.value)}`);

test("randomisation sheet: balance counts, list order and audit numbers all have a format", () => {
  const rows = Array.from({ length: 13 }, (_, i) => [`B${100 + i}`, i % 2 ? "Kvinde" : "Mand", 20 + 3 * i]);
  const a = allocate({ sheet: "Borgere", address: "A1:C14", header: ["Løbenr", "Køn", "Alder"], rows }, { idColumn: 0, strata: [{ column: 1 }], seed: 2026, blockSize: 2, reserves: 1 });
  expect(unformatted(randomisationSheetSpec(a, [], { source: "Borgere!A1:C14", createdAt: "2026-12-07T01:36:00Z", protect: true }, "da"))).toEqual([]);
});

test("planning sheet: shares, power and citizens all have a format", () => {
  const plan = planSampleSize({ rows: [{ outcome: "Job", timepoint: "6 mdr.", pControl: 0.1, pIntervention: 0.2 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } });
  expect(unformatted(planningSheetSpec(plan, "da"))).toEqual([]);
});
