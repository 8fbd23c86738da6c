/**
 * One real page (issue 20 item 2): page 1 of the Ledelsesoverblik — verdict, basis, decisions, key
 * table, two charts, theory chain — fits one A4 landscape page at 80 % or more, computed from the
 * sheet's column widths, its rows' heights and the charts' sizes (fit.ts), for the sample workbook
 * (both editions), pilot-sized data (54 citizens, four outcomes, five delmål) and a theory with 7
 * activities; no unwrapped text runs past the print area; nøgletal and checklist start new pages.
 */
import { outcomesFromTheory, runComparison, suggestSettings } from "../../../src/core/analysis";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { MIN_SCALE, summarySheetSpec, type SummaryInput } from "../../../src/core/summary";
import { A4_LANDSCAPE, pageFit } from "../../../src/core/summary/fit";
import { WIDTH } from "../../../src/core/summary/layout";
import { SUMMARY_CHART_HEIGHT } from "../../../src/core/summary/spec";
import type { ProgrammeTheory } from "../../../src/core/theory";
import { baseInput, theory } from "./helpers";

/** The template theory with 7 activities, 5 delmål and 4 slutmål with status indicators. */
function pilotTheory(): ProgrammeTheory {
  const t: ProgrammeTheory = structuredClone(theory);
  const names = ["Individuelle samtaler med en fast kontaktperson og en plan", "Værksteder og gruppeaktiviteter i dagtimerne", "Mestringskurser i grupper", "Virksomhedspraktik med mentor", "Sundhedsfaglig afklaring", "Hjælp til økonomi og bolig", "Opfølgning efter endt forløb"];
  t.activities = names.map((name, i) => ({ ...(t.activities[0] ?? { id: "A1", name: "", description: "" }), id: `A${i + 1}`, name }));
  const sub = t.subGoals[0];
  t.subGoals = ["Borgeren kan møde stabilt", "Borgeren kan bede om hjælp", "Borgeren kan klare sin økonomi", "Borgeren kan arbejde i fire timer", "Borgeren kan tage bus alene"].map((name, i) => ({ ...sub, id: `D${i + 1}`, name }));
  const goal = t.finalGoals.find((f) => f.indicator?.reached.kind === "statuses")!;
  const outcomes: [string, string[]][] = [
    ["Den unge er i job eller klar til job", ["Ordinære timer", "Jobparat"]],
    ["Den unge er i gang med en uddannelse", ["Uddannelse"]],
    ["Den unge er i job, uddannelse eller fleksjob", ["Ordinære timer", "Jobparat", "Uddannelse", "Fleksjob"]],
    ["Den unge er i revalidering eller fleksjob", ["Revalidering", "Fleksjob"]],
  ];
  t.finalGoals = outcomes.map(([name, statuses], i) => ({ ...goal, id: `S${i + 1}`, name, indicator: { ...goal.indicator!, reached: { kind: "statuses", statuses } } }));
  return t;
}

const STATUSES = ["Kontanthjælp", "Ordinære timer", "Jobparat", "Uddannelse", "Fleksjob", "Revalidering", "FØP", "Fraflyttet"];

/** 54 citizens (27 + 27) with statuses at 0, 6, 12 and 18 months; deterministic. */
function pilotInput(audience: "internal" | "public"): SummaryInput {
  const header = ["ID", "Gruppe", "Status 0 mdr", "Status 6 mdr", "Status 12 mdr", "Status 18 mdr"];
  const rows: CellValue[][] = Array.from({ length: 54 }, (_, i) => [`P${i + 1}`, i < 27 ? "Indsats" : "Kontrol", "Kontanthjælp", ...[6, 12, 18].map((m) => STATUSES[(i * 7 + m * 3 + (i < 27 ? m / 6 : 0)) % STATUSES.length])]);
  const input = { sheet: "Pilot", address: "A1:F55", header, rows };
  const t = pilotTheory();
  const settings = suggestSettings(input);
  settings.outcomes = outcomesFromTheory(t);
  const result = runComparison(input, settings, new Date("2026-11-30T08:00:00Z"));
  expect(result.outcomes.filter((o) => o.source?.kind === "slutmaal")).toHaveLength(4);
  const progression = {
    source: 'Progression: "Ændring fra første til seneste måling"',
    items: t.subGoals.map((d, i) => ({ id: d.id, name: d.name, paired: 50, improved: 30 + i, groups: { intervention: { paired: 25, improved: 17 + i }, control: { paired: 25, improved: 13 } } })),
  };
  return baseInput({ theory: { theory: t, errors: 0 }, comparison: { result, sheet: "Sammenligning" }, progression, settings: { followUp: null, audience, threshold: 5, lang: "da" } });
}

const cases: [string, () => SummaryInput][] = [
  ["the sample workbook, internal", () => baseInput()],
  ["the sample workbook, for publication", () => baseInput({ settings: { followUp: null, audience: "public", threshold: 5, lang: "da" } })],
  ["pilot-sized data (54 citizens, four outcomes, five delmål, 7 activities), internal", () => pilotInput("internal")],
  ["pilot-sized data, for publication", () => pilotInput("public")],
  ["pilot-sized data in English", () => ({ ...pilotInput("internal"), settings: { followUp: null, audience: "internal", threshold: 5, lang: "en" } })],
];

describe.each(cases)("%s", (_, make) => {
  test(`page 1 fits one A4 landscape page at ≥ ${MIN_SCALE * 100} %, the print scale is that fit, and no text runs past the print area`, () => {
    const built = summarySheetSpec(make());
    const fit = pageFit(built.spec, 0, built.summaryEnd, WIDTH);
    expect(fit.printable).toEqual({ width: A4_LANDSCAPE.width - 56, height: A4_LANDSCAPE.height - 64 });
    expect(fit.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(built.spec.pageSetup?.scale).toBe(Math.floor(fit.scale * 100));
    // both dimensions at the printed scale stay inside the printable area
    const s = built.spec.pageSetup!.scale! / 100;
    expect(fit.width * s).toBeLessThanOrEqual(fit.printable.width);
    expect(fit.height * s).toBeLessThanOrEqual(fit.printable.height);
    expect(fit.overflowing).toEqual([]);
    // the charts lie on page 1's rows, side by side, SUMMARY_CHART_HEIGHT rows high
    for (const c of built.spec.charts!.filter((x) => x.name === "Udfald" || x.name === "Progression")) {
      const top = Number(/\d+/.exec(c.topLeft)![0]);
      const bottom = Number(/\d+/.exec(c.bottomRight)![0]);
      expect(bottom - top + 1).toBe(SUMMARY_CHART_HEIGHT);
      expect(bottom).toBeLessThanOrEqual(built.summaryEnd + 1);
    }
    // nøgletal and checklist start new pages right after page 1, and their text stays inside the print area too
    expect(built.spec.pageSetup?.rowBreaks?.[0]).toBe(built.summaryEnd + 2);
    expect(pageFit(built.spec, built.summaryEnd + 1, built.checkRows[1], WIDTH).overflowing).toEqual([]);
  });
});

test("the pilot page has both charts and all four verdict lines on page 1", () => {
  const built = summarySheetSpec(pilotInput("internal"));
  expect(built.spec.charts?.filter((c) => c.name === "Udfald" || c.name === "Progression")).toHaveLength(2);
  const first = built.spec.cells[0].values;
  const lines = first.slice(2, 6).map((r) => String(r[0]));
  expect(lines.every((l) => /^(Indsatsen ser ud til|Indsatsgruppen klarer sig|Vi kan ikke se|For få borgere)/.test(l))).toBe(true);
});

test("the fit would catch a page that does not fit: a line longer than the print width, or larger type", () => {
  const built = summarySheetSpec(pilotInput("internal"));
  const spec = structuredClone(built.spec);
  spec.cells[0].values[3][0] = "x".repeat(400);
  expect(pageFit(spec, 0, built.summaryEnd, WIDTH).overflowing).toEqual(["A4"]);
  const tall = structuredClone(built.spec);
  tall.styles = [...(tall.styles ?? []), { range: `A1:A${built.summaryEnd + 1}`, style: { fontSize: 16 } }];
  expect(pageFit(tall, 0, built.summaryEnd, WIDTH).scale).toBeLessThan(MIN_SCALE);
});

