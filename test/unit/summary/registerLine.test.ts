/**
 * The register headline on the Ledelsesoverblik: with a register analysis the page gets one more verdict
 * line, "Tid til selvforsørgelse", worded by the verdict rule (p and the interval of the weeks gained), its
 * test and p in the page's footnote; without one the page is as before; on the publication edition a group
 * below the threshold hides the line's numbers.
 */
import { MAX_WORDS, registerBrief, registerKeyResult, summarySheetSpec, wordCount, type RegisterBrief } from "../../../src/core/summary";
import { baseInput, grid } from "./helpers";
import { sheetInputOf, weeklyCases } from "../register/sheetInput";
import { REGISTER_SHEET_NAME, weeksGained } from "../../../src/core/register/sheet";

const NAME = "Tid til selvforsørgelse";
/** A brief with weeks gained `est` and standard error `se` (95 % normal interval). */
const group = (n: number): RegisterBrief["groups"]["intervention"] => ({ n, weeks: [{ week: 52, events: 0, censored: n }] });
const brief = (est: number, se: number, n = 40): RegisterBrief => ({ weeksGained: { estimate: est, lower: est - 1.959963984540054 * se, upper: est + 1.959963984540054 * se, se }, tau: 52, groups: { intervention: group(n), control: group(n) }, sheet: "Registeropfølgning" });

describe("the register line's wording follows the verdict rule", () => {
  test("p < 0.05 with the interval above 0: 'ser ud til at virke', weeks gained with the interval; p in the footnote only", () => {
    const r = registerKeyResult(brief(2, 1)); // z = 2, p = 0.0455
    expect(r.verdict).toBe("clear");
    expect(r.line.da).toBe(`Indsatsen ser ud til at virke på "${NAME}": 2,0 uger vundet i selvforsørgelse inden for 52 uger (mellem 0,0 og 4,0).`);
    expect(r.footnote!.da).toBe(`"${NAME}" (Registeropfølgning): forskel i gennemsnitlig tid til selvforsørgelse (RMST) inden for 52 uger, normalfordelingstest, p = 0,046`);
    expect(r.line.da).not.toMatch(/p =/);
  });
  test("fewer weeks (the intervention group slower) with p < 0.05: 'klarer sig dårligere'", () => {
    expect(registerKeyResult(brief(-3, 1)).line.da).toMatch(new RegExp(`^Indsatsgruppen klarer sig dårligere på "${NAME}": -3,0 uger vundet`));
  });
  test("p between 0.05 and 0.10: a tendency; above: no difference seen yet (never 'no effect')", () => {
    expect(registerKeyResult(brief(1.7, 1)).verdict).toBe("tendency"); // p = 0.089
    expect(registerKeyResult(brief(1.7, 1)).line.da).toMatch(/kun en tendens: 1,7 uger/);
    expect(registerKeyResult(brief(1, 1)).verdict).toBe("none"); // p = 0.32
    expect(registerKeyResult(brief(1, 1)).line.da).toMatch(/^Vi kan ikke se en forskel på "Tid til selvforsørgelse" endnu: /);
  });
  test("under 10 citizens in a group: too few, with the counts; no footnote", () => {
    const r = registerKeyResult(brief(5, 1, 9));
    expect(r.verdict).toBe("tooFew");
    expect(r.line.da).toBe(`For få borgere til at sige noget om "${NAME}": 9 og 9 i registerdata (mindst 10 pr. gruppe).`);
    expect(r.footnote).toBeNull();
  });
  test("publication edition: a too-few line gives no counts (beside the comparison's N they would give the citizens without register data)", () => {
    const g = grid(summarySheetSpec(baseInput({ register: brief(5, 1, 9), settings: { followUp: null, audience: "public", threshold: 5, lang: "da" } })).spec);
    const line = g.map((r) => String(r?.[0] ?? "")).find((l) => l.includes(NAME))!;
    expect(line).toBe(`For få borgere til at sige noget om "${NAME}": under 10 i en gruppe i registerdata.`);
  });
  test("the line keeps within the verdict lines' length", () => {
    for (const b of [brief(1.7, 1), brief(-12.3, 4), brief(2, 1)]) expect(wordCount(registerKeyResult(b).line.da, NAME)).toBeLessThanOrEqual(MAX_WORDS);
  });
});

describe("on the leader page", () => {
  const { input } = sheetInputOf(weeklyCases[0]);
  const reg = registerBrief(input.result, "Registeropfølgning");

  test("registerBrief: weeks gained = control's RMST − intervention's, with the interval turned round", () => {
    const r = input.result;
    expect(reg.weeksGained.estimate).toBeCloseTo(r.control.rmst.estimate - r.intervention.rmst.estimate, 10);
    expect([reg.weeksGained.lower, reg.weeksGained.upper]).toEqual([-r.rmstDifference.ci.upper, -r.rmstDifference.ci.lower]);
    expect([reg.groups.intervention.n, reg.groups.control.n]).toEqual([r.intervention.curve.n, r.control.curve.n]);
    // the curve's weeks: every citizen once, as an event or a censoring
    for (const [g, c] of [[reg.groups.intervention, r.intervention.curve], [reg.groups.control, r.control.curve]] as const) {
      expect(g.weeks.reduce((a, w) => a + w.events + w.censored, 0)).toBe(c.n);
      expect(g.weeks.reduce((a, w) => a + w.events, 0)).toBe(c.events);
    }
  });

  test("registerBrief is the store's one call: the register sheet's headline numbers, its name by default, plain data detached from the result", () => {
    for (const c of weeklyCases) {
      const r = sheetInputOf(c).input.result;
      const b = registerBrief(r);
      const h = weeksGained(r);
      expect(b.sheet).toBe(REGISTER_SHEET_NAME);
      expect(b.weeksGained.estimate).toBeCloseTo(h.estimate, 12);
      expect(b.weeksGained.lower).toBeCloseTo(h.lower, 12);
      expect(b.weeksGained.upper).toBeCloseTo(h.upper, 12);
      expect(b.tau).toBe(r.tau);
      expect(JSON.parse(JSON.stringify(b))).toEqual(b);
      const before = JSON.stringify(b);
      r.intervention.curve.steps[0].nEvent += 100;
      expect(JSON.stringify(b)).toBe(before);
    }
    expect(registerBrief(input.result, "Uger 2025").sheet).toBe("Uger 2025");
  });

  test("the register line follows the slutmål lines, and its test joins the footnote", () => {
    const without = grid(summarySheetSpec(baseInput()).spec);
    const g = grid(summarySheetSpec(baseInput({ register: reg })).spec);
    const lines = g.map((r) => String(r?.[0] ?? ""));
    const at = lines.findIndex((l) => l.includes(`"${NAME}"`) && !l.startsWith("p-værdier"));
    expect(at).toBe(4); // title, edition, two slutmål lines, then the register line
    expect(lines[at]).toBe(registerKeyResult(reg).line.da);
    const foot = lines.slice(at + 1, at + 4).join(" ");
    expect(foot).toContain(`"${NAME}" (Registeropfølgning): forskel i gennemsnitlig tid`);
    expect(without.map((r) => String(r?.[0] ?? "")).join("\n")).not.toContain(NAME);
  });

  test("publication edition: a group below the threshold hides the line's numbers", () => {
    const small: RegisterBrief = { ...brief(2, 1), groups: { intervention: group(4), control: group(30) } };
    const g = grid(summarySheetSpec(baseInput({ register: small, settings: { followUp: null, audience: "public", threshold: 5, lang: "da" } })).spec);
    const line = g.map((r) => String(r?.[0] ?? "")).find((l) => l.includes(NAME))!;
    expect(line).toBe(`Resultatet for "${NAME}" vises ikke i denne udgave: tallene er så små, at borgere ville kunne genkendes.`);
  });
});
