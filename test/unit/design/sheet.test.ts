/** The "Randomisering" sheet as a reader sees it: balance, list, audit block and replacement log. */
import { allocate, applyDeclines, randomisationSheetSpec, type EligibilityInput } from "../../../src/core/design";
import type { CellValue, SheetSpec } from "../../../src/core/report/sheetSpec";
import { parseCell } from "../../../src/core/report/address";

/** Cell grid of a spec (values only), row-major from A1. */
function grid(spec: SheetSpec): CellValue[][] {
  const g: CellValue[][] = [];
  for (const b of spec.cells) {
    const o = parseCell(b.address);
    b.values.forEach((r, i) => r.forEach((v, j) => {
      g[o.row + i] ??= [];
      g[o.row + i][o.column + j] = v;
    }));
  }
  return g;
}
const rowStarting = (g: CellValue[][], text: string): CellValue[] => g.find((r) => r?.some((v) => v === text)) ?? [];
/** The audit block (columns J:N) row whose first cell is `text`. */
const auditRow = (g: CellValue[][], text: string): CellValue[] => (g.find((r) => r?.[9] === text) ?? []).slice(9, 14);
const armCount = (arm: string): number => a.citizens.filter((c) => c.arm === arm).length;

const rows = Array.from({ length: 13 }, (_, i) => [`B${100 + i}`, i % 2 ? "Kvinde" : "Mand", 20 + 3 * i]);
const input: EligibilityInput = { sheet: "Borgere", address: "A1:C14", header: ["Løbenr", "Køn", "Alder"], rows };
const a = allocate(input, { idColumn: 0, strata: [{ column: 1 }], seed: 2026, blockSize: 2, reserves: 1 });
const meta = { source: "Borgere!A1:C14", createdAt: "2026-11-30T07:05:00.000Z", protect: true };

test("balance per stratum and overall, list sorted by stratum and order, audit block with seed, generator and hash", () => {
  const g = grid(randomisationSheetSpec(a, [], meta));
  expect(g[0][0]).toBe("Randomisering");
  const [i, k] = [armCount("intervention"), armCount("control")];
  expect(i + k).toBe(11);
  expect(g[1][0]).toBe(`13 borgere i 2 strata: ${i} i indsatsgruppen, ${k} i kontrolgruppen, 2 reserver tilbage, 0 afslået.`);
  const total = rowStarting(g, "I alt");
  expect(total.slice(0, 7)).toEqual(["I alt", 13, i, k, 2, 0, ""]);
  // 7 men: 6 allocated (three pairs), one reserve
  expect(rowStarting(g, "Køn: Mand").slice(1, 7)).toEqual([7, 3, 3, 1, 0, "Køn: Mand"]);
  const head = rowStarting(g, "Tilfældigt tal");
  expect(head.slice(0, 8)).toEqual(["Løbenr", "Stratum", "Tilfældigt tal", "Nr. i stratum", "Blok", "Lodtrækning", "Gruppe", "Status"]);
  const start = g.indexOf(head) + 1;
  const listed = g.slice(start, start + 13).map((r) => [r[0], r[1], r[3], r[6]]);
  const expected = [...a.citizens].sort((p, q) => p.stratum - q.stratum || p.order - q.order).map((c) => [c.id, c.stratum, c.order, c.arm === "reserve" ? "Reserve" : c.arm === "intervention" ? "Indsatsgruppe" : "Kontrolgruppe"]);
  expect(listed).toEqual(expected);
  expect(auditRow(g, "Seed")[1]).toBe(2026);
  expect(auditRow(g, "SHA-256 af listen")[1]).toBe(a.hash);
  expect(auditRow(g, "Tilfældighedsgenerator")[1]).toContain("MT19937");
  expect(auditRow(g, "Randomiseret")[1]).toBe("30. nov. 2026 kl. 08.05");
  expect(auditRow(g, "Antal borgere")[1]).toBe(13);
  expect(auditRow(g, "Ingen endnu.")).toEqual(["Ingen endnu.", null, null, null, null]);
});

test("after a decline the log names the decliner, the stratum, the arm and who was called in; the list shows both", () => {
  const first = a.citizens.find((c) => c.stratum === 2 && c.order === 1)!;
  const r = applyDeclines(a, [{ id: first.id, at: "2026-12-02T09:30:00.000Z" }]);
  const g = grid(randomisationSheetSpec(r.allocation, r.log, meta));
  const logRow = auditRow(g, "2. dec. 2026 kl. 10.30");
  const repl = r.log[0].replacement;
  expect(logRow).toEqual(["2. dec. 2026 kl. 10.30", first.id, repl, 2, first.arm === "intervention" ? "Indsatsgruppe" : "Kontrolgruppe"]);
  expect(g.find((x) => x?.[0] === first.id)?.[7]).toBe(`Afslået; erstattet af ${repl}`);
  expect(g.find((x) => x?.[0] === repl)?.[7]).toBe(`Kaldt ind i stedet for ${first.id}`);
  expect(g[1][0]).toContain("1 reserver tilbage, 1 afslået");
  // the replacement takes the decliner's arm: the arms in the trial keep their sizes
  expect(rowStarting(g, "I alt").slice(0, 7)).toEqual(["I alt", 13, armCount("intervention"), armCount("control"), 1, 1, ""]);
});

test("English sheet text", () => {
  const g = grid(randomisationSheetSpec(a, [], meta, "en"));
  expect(g[1][0]).toBe(`13 citizens in 2 strata: ${armCount("intervention")} in the intervention group, ${armCount("control")} in the control group, 2 reserves left, 0 declined.`);
  expect(rowStarting(g, "Random number")).toContain("Group");
});

test("under the headline: when this version of the sheet was made (a decline rewrites it) and from which list", () => {
  expect(grid(randomisationSheetSpec(a, [], meta))[2][0]).toBe("Lavet 30. nov. 2026 kl. 08.05 ud fra Borgere!A1:C14.");
  const rewritten = grid(randomisationSheetSpec(a, [], { ...meta, madeAt: "2026-12-07T09:30:00Z" }, "en"));
  expect(rewritten[2][0]).toBe("Made 7 Dec 2026, 10:30 from Borgere!A1:C14.");
  // the audit block keeps the randomisation's own date
  expect(auditRow(rewritten, "Randomised")[1]).toBe("30 Nov 2026, 08:05");
});
