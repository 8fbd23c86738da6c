/**
 * The adjusted analysis on the Ledelsesoverblik (issue 25): beside the unadjusted verdict, in the
 * footnote, for each slutmål with an adjusted analysis; the verdict stays on the unadjusted analysis.
 * On the edition for publication the adjusted difference appears only where the unadjusted shares do:
 * the attack below shows that, printed beside a suppressed share, it would give the count back.
 */
import { summarySheetSpec } from "../../../src/core/summary";
import { attack, pageOf, readPage, type Dataset } from "./attack";
import { grid } from "./helpers";

/** Citizens of one arm: `job` reached "Job" at 18 months, the rest "Kontanthjælp". */
function arm(n: number, job: number): string[][] {
  return Array.from({ length: n }, (_, i) => ["Kontanthjælp", i < job ? "Job" : "Kontanthjælp"]);
}
/** Kommune per citizen: the first citizens (those with a job) more often in Ishøj. */
const kommune = (n: number): string[] => Array.from({ length: n }, (_, i) => (i % 3 === 0 || i < 6 ? "Ishøj" : "Vallensbæk"));

function dataset(controlJobs: number): Dataset {
  return {
    threshold: 5,
    followUp: null,
    months: [18],
    progression: [],
    outcomes: [["Job"]],
    citizens: { intervention: arm(40, 20), control: arm(40, controlJobs) },
    covariate: { intervention: kommune(40), control: kommune(40) },
  };
}

const texts = (spec: ReturnType<typeof pageOf>["spec"]): string => grid(spec).flatMap((r) => (r ?? []).filter((v): v is string => typeof v === "string")).join("\n");
const internal = (ds: Dataset) => {
  const { input } = pageOf(ds);
  return { input, spec: summarySheetSpec({ ...input, settings: { ...input.settings, audience: "internal" } }).spec };
};

describe("the internal edition", () => {
  const ds = dataset(10);
  const { input, spec } = internal(ds);
  const result = input.comparison && "result" in input.comparison ? input.comparison.result : null;
  const row = result!.outcomes[0].rows[0];
  it("prints the adjusted difference and interval beside the unadjusted verdict, and says the wording rests on the unadjusted", () => {
    const a = row.adjusted!;
    if (!a.ok) throw new Error(a.note.da);
    const f = (x: number): string => (x * 100).toLocaleString("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const t = texts(spec);
    expect(t).toContain(`"Mål 1" justeret for Kommune: forskel ${f(a.riskDifference.estimate)} procentpoint (${f(a.riskDifference.lower)} til ${f(a.riskDifference.upper)}), standardiseret fra logistisk regression;`);
    expect(t).toContain("Ordvalget bygger på den ujusterede analyse");
  });
  it("the verdict is the one of the same data without the adjusted analysis", () => {
    const plain = pageOf({ ...ds, covariate: undefined });
    const line = (s: string): string | undefined => s.split("\n").find((x) => x.includes('"Mål 1"') && /virke|forskel/.test(x) && !x.includes("justeret"));
    const without = summarySheetSpec({ ...plain.input, settings: { ...plain.input.settings, audience: "internal" } }).spec;
    expect(line(texts(spec))).toBeDefined();
    expect(line(texts(spec))).toBe(line(texts(without)));
    expect(texts(without)).not.toContain("justeret for");
  });
});

describe("the edition for publication", () => {
  it("a suppressed control share (3 of 40): no adjusted figure, and the attack finds no small count", () => {
    const ds = dataset(3);
    const { spec } = pageOf(ds);
    expect(texts(spec)).not.toContain("justeret for");
    const k = readPage(spec, ds);
    expect(k.unread).toEqual([]);
    expect(attack(ds, k)).toEqual([]);
  });
  it("why: printed beside the intervention's share, the adjusted difference gives the suppressed 3 back", () => {
    const { input, spec } = internal(dataset(3));
    const row = (input.comparison && "result" in input.comparison ? input.comparison.result : null)!.outcomes[0].rows[0];
    const a = row.adjusted!;
    if (!a.ok) throw new Error(a.note.da);
    // the internal page prints 50 % (20/40) for the intervention group and N = 40 per group
    const printed = Number(/justeret for Kommune: forskel (-?\d+,\d)/.exec(texts(spec))![1].replace(",", "."));
    expect(Math.round((0.5 - printed / 100) * 40)).toBe(3);
  });
  it("shares that may be printed: the adjusted figure is printed too, and every small count stays hidden", () => {
    const ds = dataset(10);
    const { spec } = pageOf(ds);
    expect(texts(spec)).toContain('"Mål 1" justeret for Kommune: forskel');
    const k = readPage(spec, ds);
    expect(k.unread).toEqual([]);
    expect(attack(ds, k)).toEqual([]);
  });
});
