/** Properties of the randomisation a user relies on, and the refusals of bad input. */
import fc from "fast-check";
import { allocate, applyDeclines, parseSeed, type AllocationOptions, type EligibilityInput } from "../../../src/core/design";
import { utf8 } from "../../../src/core/design/hash";
import { VirkningError } from "../../../src/core/errors";
import type { CellScalar } from "../../../src/core/report/sheetSpec";

const HEADER: CellScalar[] = ["ID", "Køn", "Alder", "Ikke-vestlig"];

function list(rows: CellScalar[][]): EligibilityInput {
  return { sheet: "Visitation", address: `A1:D${rows.length + 1}`, header: HEADER, rows };
}
const OPTS: AllocationOptions = { idColumn: 0, strata: [{ column: 1 }, { column: 2, cuts: [30] }], seed: 42, blockSize: 2, reserves: 0 };

const citizen = fc.tuple(fc.constantFrom("Kvinde", "Mand"), fc.integer({ min: 18, max: 64 }), fc.constantFrom("Ja", "Nej"));
const citizens = fc.array(citizen, { minLength: 2, maxLength: 120 }).map((xs) => xs.map(([k, a, v], i): CellScalar[] => [`L${i + 1}`, k, a, v]));

function errorOf(f: () => unknown): VirkningError {
  try {
    f();
  } catch (e) {
    if (e instanceof VirkningError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

function counts(xs: { arm: string }[]): { i: number; c: number } {
  return { i: xs.filter((x) => x.arm === "intervention").length, c: xs.filter((x) => x.arm === "control").length };
}

test("arms differ by at most one in every stratum and overall; reserves are the last in each stratum's order", () => {
  fc.assert(
    fc.property(citizens, fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom<2 | 4>(2, 4), fc.integer({ min: 0, max: 1 }), (rows, seed, blockSize, reserves) => {
      const strata: AllocationOptions["strata"] = [{ column: 1 }];
      let a;
      try {
        a = allocate(list(rows), { idColumn: 0, strata, seed, blockSize, reserves });
      } catch (e) {
        // only a stratum that is too small may refuse
        expect((e as VirkningError).code).toMatch(/DESIGN_STRATUM_TOO_SMALL|DESIGN_TOO_MANY_RESERVES/);
        return;
      }
      const all = counts(a.citizens);
      expect(Math.abs(all.i - all.c)).toBeLessThanOrEqual(1);
      for (const s of a.strata) {
        const members = a.citizens.filter((x) => x.stratum === s.number);
        const k = counts(members);
        expect(Math.abs(k.i - k.c)).toBeLessThanOrEqual(1);
        expect(members.filter((x) => x.arm === "reserve").map((x) => x.order).sort((p, q) => p - q)).toEqual(
          Array.from({ length: reserves }, (_, j) => members.length - reserves + 1 + j),
        );
      }
    }),
    { numRuns: 150 },
  );
});

test("the order in a stratum follows the random numbers", () => {
  const rows = Array.from({ length: 40 }, (_, i): CellScalar[] => [`L${i}`, i % 3 ? "Kvinde" : "Mand", 20 + i, "Nej"]);
  const a = allocate(list(rows), OPTS);
  for (const s of a.strata) {
    const m = a.citizens.filter((x) => x.stratum === s.number).sort((p, q) => p.order - q.order);
    for (let j = 1; j < m.length; j++) expect(m[j].random).toBeGreaterThan(m[j - 1].random);
  }
});

test("another seed gives another allocation; the hash does not depend on the seed", () => {
  const rows = Array.from({ length: 30 }, (_, i): CellScalar[] => [`L${i}`, i % 2 ? "Kvinde" : "Mand", 20 + i, "Nej"]);
  const a = allocate(list(rows), OPTS);
  const b = allocate(list(rows), { ...OPTS, seed: 43 });
  expect(b.citizens.map((x) => x.arm)).not.toEqual(a.citizens.map((x) => x.arm));
  expect(b.hash).toBe(a.hash);
});

test("the hash changes when the list changes (an ID, a stratum value, the order, a citizen more)", () => {
  const rows = Array.from({ length: 10 }, (_, i): CellScalar[] => [`L${i}`, i % 2 ? "Kvinde" : "Mand", 20 + 3 * i, "Nej"]);
  const h = allocate(list(rows), OPTS).hash;
  const variants: CellScalar[][][] = [
    rows.map((r, i) => (i === 3 ? ["L3x", ...r.slice(1)] : r)),
    rows.map((r, i) => (i === 4 ? [r[0], r[1], 21, r[3]] : r)),
    [rows[1], rows[0], ...rows.slice(2)],
    [...rows, ["L99", "Mand", 40, "Nej"]],
  ];
  for (const v of variants) expect(allocate(list(v), OPTS).hash).not.toBe(h);
});

test("strata values match without regard to case and spacing; the same citizens give the same strata", () => {
  const rows: CellScalar[][] = [["1", "Kvinde", 25, "Nej"], ["2", "kvinde ", 27, "Nej"], ["3", "Mand", 40, "Nej"], ["4", "Mand", 41, "Nej"]];
  const a = allocate(list(rows), OPTS);
  expect(a.strata.map((s) => [s.levels, s.size])).toEqual([[["Kvinde", "under 30"], 2], [["Mand", "30 og derover"], 2]]);
});

describe("bad input is refused with a message naming sheet and cell", () => {
  const rows: CellScalar[][] = [["1", "Kvinde", 25, "Nej"], ["2", "Kvinde", 27, "Nej"], ["3", "Mand", 40, "Nej"], ["4", "Mand", 41, "Nej"]];
  test("duplicate IDs", () => {
    const e = errorOf(() => allocate(list([...rows, ["2", "Mand", 50, "Nej"]]), OPTS));
    expect(e.code).toBe("DESIGN_DUPLICATE_ID");
    expect(e.message).toContain("Visitation!A3 og Visitation!A6");
  });
  test("an empty stratification column, and an empty cell in one", () => {
    const empty = rows.map((r) => [r[0], r[1], r[2], null]);
    const e = errorOf(() => allocate(list(empty), { ...OPTS, strata: [{ column: 3 }] }));
    expect(e.code).toBe("DESIGN_EMPTY_COLUMN");
    expect(e.message).toContain('"Ikke-vestlig" (Visitation!D1) er tom');
    const one = rows.map((r, i) => (i === 2 ? [r[0], null, r[2], r[3]] : r));
    const e2 = errorOf(() => allocate(list(one), OPTS));
    expect(e2.message).toContain("Visitation!B4 er tom");
    expect(e2.location).toEqual({ sheet: "Visitation", cell: "B4" });
  });
  test("a stratum with one citizen", () => {
    const e = errorOf(() => allocate(list([...rows, ["5", "Mand", 20, "Nej"]]), OPTS));
    expect(e.code).toBe("DESIGN_STRATUM_TOO_SMALL");
    expect(e.message).toContain("Stratum 3 (Mand, under 30) har kun én borger (Visitation!A6)");
  });
  test("a seed that is not an integer", () => {
    for (const s of ["1,5", "abc", "-1", "4294967296", ""]) expect(() => parseSeed(s)).toThrow(/helt tal fra 0 til 4294967295/);
    expect(parseSeed(" 17 ")).toBe(17);
    expect(errorOf(() => allocate(list(rows), { ...OPTS, seed: 1.5 })).code).toBe("DESIGN_SEED");
  });
  test("fewer than two eligible citizens", () => {
    const e = errorOf(() => allocate(list([rows[0]]), OPTS));
    expect(e.code).toBe("DESIGN_TOO_FEW");
    expect(e.message).toContain("Visitation!A1:D2 har 1 borger(e)");
  });
  test("text in a column split at cut points, and CPR numbers", () => {
    const text = rows.map((r, i) => (i === 1 ? [r[0], r[1], "ca. 30", r[3]] : r));
    expect(errorOf(() => allocate(list(text), OPTS)).message).toContain('Visitation!C3 ("ca. 30") er ikke et tal');
    const cpr = rows.map((r, i) => (i === 3 ? ["0101901234", ...r.slice(1)] : r));
    const e = errorOf(() => allocate(list(cpr), OPTS));
    expect(e.code).toBe("CPR_FOUND");
    expect(e.message).toContain("Visitation!A5");
  });
});

test("declines that cannot be applied are refused, naming the citizen", () => {
  const rows: CellScalar[][] = Array.from({ length: 6 }, (_, i) => [`L${i}`, "Kvinde", 40, "Nej"]);
  const a = allocate(list(rows), { ...OPTS, reserves: 1 });
  const first = a.citizens.find((x) => x.order === 1)!;
  const reserve = a.citizens.find((x) => x.arm === "reserve")!;
  expect(() => applyDeclines(a, [{ id: "L9", at: "" }])).toThrow('ingen borger med ID "L9"');
  expect(() => applyDeclines(a, [{ id: reserve.id, at: "" }])).toThrow(`Borger ${reserve.id} er reserve`);
  const second = a.citizens.find((x) => x.order === 2)!;
  expect(() => applyDeclines(a, [{ id: first.id, at: "" }, { id: second.id, at: "" }])).toThrow("ingen reserver tilbage i stratum 1");
  expect(() => applyDeclines(a, [{ id: first.id, at: "" }, { id: first.id, at: "" }])).toThrow("allerede markeret som afslået");
  // the ID may be typed in another case
  expect(applyDeclines(a, [{ id: ` ${first.id.toLowerCase()} `, at: "" }]).log[0].declined).toBe(first.id);
});

test("UTF-8 encoding of the canonical list equals the platform's TextEncoder (Danish letters, emoji, lone surrogate)", () => {
  for (const s of ["Køn\tÆblegrød", "😀 x", "a\uD800b", ""]) expect(Array.from(utf8(s))).toEqual(Array.from(new TextEncoder().encode(s)));
});
