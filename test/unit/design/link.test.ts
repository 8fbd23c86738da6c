/** The comparison's view of the Randomisering sheet: who is in the trial, in which group and stratum. */
import { allocate, applyDeclines, randomisationSheetSpec, RANDOMISATION_TABLE_NAME, trialMembersFromTable, type EligibilityInput } from "../../../src/core/design";
import { parseRange } from "../../../src/core/report/address";
import type { CellScalar } from "../../../src/core/report/sheetSpec";

const rows: CellScalar[][] = Array.from({ length: 21 }, (_, i) => [`B${i + 1}`, i % 3 ? "Kvinde" : "Mand"]);
const input: EligibilityInput = { sheet: "Borgere", address: "A1:B22", header: ["ID", "Køn"], rows };
const a = allocate(input, { idColumn: 0, strata: [{ column: 1 }], seed: 99, blockSize: 4, reserves: 2 });
const declined = a.citizens.find((c) => c.status === "allocated" && c.stratum === 1)!;
const r = applyDeclines(a, [{ id: declined.id, at: "2026-12-01T10:00:00Z" }]);

test.each(["da", "en"] as const)("the table as written (%s) gives the trial's members: no decliners, no unused reserves", (lang) => {
  const spec = randomisationSheetSpec(r.allocation, r.log, { source: "Borgere!A1:B22", createdAt: "2026-11-30T08:00:00Z", protect: true }, lang);
  const table = spec.tables!.find((t) => t.name === RANDOMISATION_TABLE_NAME)!;
  const top = parseRange(table.range).row;
  const block = spec.cells.find((b) => parseRange(b.address).row === top)!;
  const [header, ...body] = block.values as CellScalar[][];
  const m = trialMembersFromTable(header, body);
  const expected = r.allocation.citizens.filter((c) => c.status === "allocated" || c.status === "replacement");
  expect(m.size).toBe(expected.length);
  for (const c of expected) expect(m.get(c.id)).toEqual({ arm: c.arm, stratum: c.stratum });
  expect(m.has(declined.id)).toBe(false);
  expect(m.has(r.log[0].replacement)).toBe(true);
});

test("a table without a group column is refused with a clear message", () => {
  expect(() => trialMembersFromTable(["ID", "Stratum", "Status"], [])).toThrow('mangler kolonnen "Gruppe"');
});
