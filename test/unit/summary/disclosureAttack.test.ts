/**
 * The publication edition of the Ledelsesoverblik survives subtraction (issue 19 items 3–4):
 * a property test over generated small datasets, and the five differencing attacks found on the
 * sample and pilot data as named regression tests. The attacker is in attack.ts; it solves for the
 * integer values consistent with every figure the page prints (key table, verdict lines, N, chart
 * data cells, any data range) and must find every small count ambiguous over at least two values.
 * ATTACK_RUNS sets the number of generated datasets (default 1,000).
 */
import fc from "fast-check";
import type { Arm } from "../../../src/core/analysis/settings";
import { summarySheetSpec } from "../../../src/core/summary";
import { attack, pageOf, readPage, VALID, type Dataset } from "./attack";
import { grid } from "./helpers";

const RUNS = Number(process.env.ATTACK_RUNS ?? 1000);

/** Citizens of one arm from counts per status at each follow-up (month 0: all "Kontanthjælp"). */
function citizensFrom(perMonth: Record<string, number>[]): string[][] {
  const n = Object.values(perMonth[0]).reduce((a, b) => a + b, 0);
  const cols = perMonth.map((counts) => Object.entries(counts).flatMap(([s, c]) => new Array<string>(c).fill(s)));
  for (const c of cols) if (c.length !== n) throw new Error("every time point needs the same number of citizens");
  return Array.from({ length: n }, (_, i) => ["Kontanthjælp", ...cols.map((c) => c[i])]);
}

function dataset(over: Partial<Dataset> & Pick<Dataset, "citizens" | "outcomes">): Dataset {
  return { threshold: 5, followUp: null, months: [18], progression: [], ...over };
}

/** The publication edition leaves every small count ambiguous, while the internal edition of the same data gives some back (the attack works on these data). */
function expectSafe(ds: Dataset): void {
  const { spec, input } = pageOf(ds);
  const k = readPage(spec, ds);
  expect(k.unread).toEqual([]);
  expect(attack(ds, k)).toEqual([]);
  const internal = summarySheetSpec({ ...input, settings: { ...input.settings, audience: "internal" } }).spec;
  expect(attack(ds, readPage(internal, ds)).length).toBeGreaterThan(0);
}

const texts = (ds: Dataset): string[] => grid(pageOf(ds).spec).flatMap((r) => (r ?? []).filter((v): v is string => typeof v === "string"));

describe("the five differencing attacks (issue 19 item 4) fail", () => {
  test("1. two outcomes that differ by one status (with and without FØP): 12/26 and 13/26 in the control group do not both print", () => {
    const ds = dataset({
      outcomes: [["Job", "Uddannelse"], ["Job", "Uddannelse", "FØP"]],
      citizens: {
        intervention: citizensFrom([{ Job: 10, Uddannelse: 6, FØP: 5, Kontanthjælp: 9 }]),
        control: citizensFrom([{ Job: 7, Uddannelse: 5, FØP: 1, Kontanthjælp: 13 }]),
      },
    });
    const t = texts(ds);
    expect(t.some((s) => s.includes("(12/26)")) && t.some((s) => s.includes("(13/26)"))).toBe(false);
    expectSafe(ds);
  });

  test('2. "Indsatsgruppe: 30" beside 10/26 at 18 months does not give the 4 without a valid status', () => {
    const ds = dataset({
      outcomes: [["Job"]],
      citizens: {
        intervention: citizensFrom([{ Job: 10, Kontanthjælp: 16, Fraflyttet: 2, "": 2 }]),
        control: citizensFrom([{ Job: 8, Kontanthjælp: 22 }]),
      },
    });
    const t = texts(ds);
    expect(t.some((s) => s.includes("(10/26)")) && t.some((s) => /indsatsgruppe 30\b/.test(s))).toBe(false);
    expectSafe(ds);
  });

  test("3. a chart data cell holds no share that gives a hidden count back (15/29 beside N = 30)", () => {
    const ds = dataset({
      months: [6, 18],
      outcomes: [["Job"]],
      citizens: {
        intervention: citizensFrom([
          { Job: 15, Kontanthjælp: 14, "": 1 },
          { Job: 16, Kontanthjælp: 14 },
        ]),
        control: citizensFrom([
          { Job: 10, Kontanthjælp: 20 },
          { Job: 9, Kontanthjælp: 21 },
        ]),
      },
    });
    const { spec } = pageOf(ds);
    const g = grid(spec);
    const cells = g.flatMap((r) => (r ?? []).filter((v): v is number => typeof v === "number"));
    // 15/29 = 51,7 % would give n = 29 beside N = 30 (one citizen without a valid status)
    expect(cells).not.toContain(51.7);
    expectSafe(ds);
  });

  test('4. no data range in the header: "Data: Lille!A1:C16" beside N 12 would give the other group\'s 3', () => {
    const ds = dataset({
      outcomes: [["Job"]],
      citizens: { intervention: citizensFrom([{ Job: 6, Kontanthjælp: 6 }]), control: citizensFrom([{ Job: 1, Kontanthjælp: 2 }]) },
    });
    expect(texts(ds).filter((s) => /![A-Z]+\d+:[A-Z]+\d+/.test(s))).toEqual([]);
    expectSafe(ds);
  });

  test('5. complements: "– (37/40)" and "40 scored twice, 37 improved" do not give the 3 back', () => {
    const ds = dataset({
      outcomes: [["Job"]],
      citizens: { intervention: citizensFrom([{ Job: 37, Kontanthjælp: 3 }]), control: citizensFrom([{ Job: 20, Kontanthjælp: 20 }]) },
      progression: [{ paired: { intervention: 40, control: 40 }, improved: { intervention: 37, control: 20 } }],
    });
    const t = texts(ds);
    expect(t.some((s) => s.includes("37/40"))).toBe(false);
    const g = grid(pageOf(ds).spec);
    expect(g.flatMap((r) => r ?? [])).not.toContain(92.5); // 37/40 in the charts' percent
    expectSafe(ds);
  });
});

// ---- generated datasets ---------------------------------------------------------------------------

const STATUSES = [...VALID, "Fraflyttet", ""];

/** How many citizens of those left get a status: none, a few (1–4: the counts that must be hidden), or a share. */
const part = fc.oneof(fc.constant({ few: 0 }), fc.integer({ min: 1, max: 4 }).map((few) => ({ few })), fc.double({ min: 0, max: 1, noNaN: true }).map((share) => ({ share })));

/** Statuses at one time point for n citizens: counts per status biased towards 0 and small numbers. */
const statusesAt = (n: number): fc.Arbitrary<string[]> =>
  fc.tuple(fc.array(part, { minLength: STATUSES.length - 1, maxLength: STATUSES.length - 1 }), fc.shuffledSubarray(STATUSES, { minLength: STATUSES.length, maxLength: STATUSES.length })).map(([parts, order]) => {
    let left = n;
    const out: string[] = [];
    parts.forEach((p, i) => {
      const c = "few" in p ? Math.min(p.few, left) : Math.floor(p.share * left);
      for (let j = 0; j < c; j++) out.push(order[i]);
      left -= c;
    });
    for (let j = 0; j < left; j++) out.push(order[order.length - 1]);
    return out;
  });

/** A group of 3–40 citizens: statuses at each follow-up (empty cells = missing follow-ups, moves). */
const arm = (months: number): fc.Arbitrary<string[][]> =>
  fc.integer({ min: 3, max: 40 }).chain((n) => fc.array(statusesAt(n), { minLength: months, maxLength: months }).map((cols) => Array.from({ length: n }, (_, i) => ["Kontanthjælp", ...cols.map((c) => c[i])])));

/** Outcomes: a base set, the same with one more status (nested), and a random third. */
const outcomes: fc.Arbitrary<string[][]> = fc
  .tuple(fc.subarray([...VALID], { minLength: 1, maxLength: 3 }), fc.constantFrom(...VALID), fc.subarray([...VALID], { minLength: 1 }), fc.integer({ min: 1, max: 3 }))
  .map(([base, extra, third, k]) => [base, base.includes(extra) ? [...base, ...VALID.filter((v) => !base.includes(v)).slice(0, 1)] : [...base, extra], third].slice(0, k));

const progression = fc.array(
  fc.record({ pi: fc.integer({ min: 0, max: 40 }), pc: fc.integer({ min: 0, max: 40 }), fi: fc.double({ min: 0, max: 1, noNaN: true }), fc: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ pi, pc, fi, fc: f }) => ({
    paired: { intervention: pi, control: pc } as Record<Arm, number>,
    improved: { intervention: Math.round(pi * fi), control: Math.round(pc * f) } as Record<Arm, number>,
  })),
  { maxLength: 3 },
);

const datasets: fc.Arbitrary<Dataset> = fc.integer({ min: 1, max: 2 }).chain((nMonths) =>
  fc.record({
    threshold: fc.constantFrom(3, 5, 5, 5, 7),
    followUp: fc.constantFrom(null, 6),
    months: fc.constant(nMonths === 1 ? [6] : [6, 12]),
    citizens: fc.record({ intervention: arm(nMonths), control: arm(nMonths) }),
    outcomes,
    progression,
  }),
);

test(`every small count on the publication page stays ambiguous over at least two values (${RUNS} generated datasets)`, () => {
  let suppressedSomething = 0;
  fc.assert(
    fc.property(datasets, (ds) => {
      const { spec } = pageOf(ds);
      const k = readPage(spec, ds);
      if (k.unread.length > 0) throw new Error(`counts printed where the attacker does not read: ${k.unread.join(" | ")}`);
      const found = attack(ds, k);
      if (found.length > 0) throw new Error(`pinned: ${found.map((f) => `${f.what} = ${f.value}`).join("; ")}`);
      if (grid(spec).some((r) => (r ?? []).some((v) => v === "–"))) suppressedSomething++;
    }),
    { numRuns: RUNS },
  );
  // the datasets are small enough that the page has to hide something in most of them
  expect(suppressedSomething).toBeGreaterThan(RUNS / 4);
});

test("the attacker is not blind: on the internal edition it pins small counts", () => {
  const ds = dataset({
    outcomes: [["Job", "Uddannelse"], ["Job", "Uddannelse", "FØP"]],
    citizens: {
      intervention: citizensFrom([{ Job: 10, Uddannelse: 6, FØP: 5, Kontanthjælp: 9 }]),
      control: citizensFrom([{ Job: 7, Uddannelse: 5, FØP: 1, Kontanthjælp: 13 }]),
    },
  });
  const { spec, input } = pageOf(ds);
  expect(input.settings.audience).toBe("public");
  const internal = { ...input, settings: { ...input.settings, audience: "internal" as const } };
  const found = attack(ds, readPage(summarySheetSpec(internal).spec, ds));
  expect(found.map((f) => f.what)).toEqual(expect.arrayContaining(['control 18 mdr.: status "FØP"', "control 18 mdr.: mål 2 uden mål 1"]));
  // and the publication edition of the same data hides them
  expect(attack(ds, readPage(spec, ds))).toEqual([]);
});
