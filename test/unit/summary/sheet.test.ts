/**
 * The Ledelsesoverblik SheetSpec: sections from what exists (and what is missing, and where to add
 * it), every result row naming its source, small numbers protected on the sheet and in the chart
 * data, print setup, the leader's cells unlocked, and the leader's entries read back by key.
 */
import { isFormula, type CellValue } from "../../../src/core/report/sheetSpec";
import { KL_KEY_FIGURES, parseLeaderEntries, summarySheetSpec, type KeyFigureEntry } from "../../../src/core/summary";
import { pageFooter } from "../../../src/core/report/pageFooter";
import { baseInput, grid, readBack, rowWith, theory } from "./helpers";

const texts = (g: CellValue[][]): string[] => g.flatMap((r) => (r ?? []).filter((v): v is string => typeof v === "string"));

test("page 1: title with the effort, programme theory in brief, one row per slutmål with a sentence and its source", () => {
  const { spec } = summarySheetSpec(baseInput());
  const g = grid(spec);
  expect(g[0][0]).toBe(`Ledelsesoverblik – ${theory.title}`);
  expect(String(g[1][0])).toMatch(/^Data: Borgere!A1:\w+\d+ · Opdateret: 30\. nov\. 2026 kl\. 08\.00 · Virkning 0\.1\.0$/);
  expect(g[2][0]).toBe('Små tal: antal fra 1 til 4 vises som "<5", og andele, der kan afsløre dem, vises ikke.');
  expect(g[rowWith(g, 0, "Slutmål")][1]).toBe(theory.finalGoals.map((f) => f.name).join("; "));
  const head = rowWith(g, 8, "Kilde");
  expect(g[head].slice(0, 8)).toEqual(["Slutmål", "Opfølgning", "Indsats", "Kontrol", "Forskel (pct.-point)", "95 % KI", "p-værdi (test)", "Vurdering"]);
  const goals = theory.finalGoals.filter((f) => f.indicator?.reached.kind === "statuses");
  for (let i = 0; i < goals.length; i++) {
    const row = g[head + 1 + i];
    expect(row[0]).toBe(goals[i].name);
    expect(String(row[7])).toMatch(/^(Klar forskel|En tendens, ikke en klar forskel|Ingen påviselig forskel|For få til at sige noget): /);
    expect(row[8]).toBe(`Sammenligning: "Resultatmål ved opfølgning", ${goals[i].name}, 18 mdr.`);
  }
  expect(spec.charts?.map((c) => c.name)).toEqual(["Udfald"]);
});

test("each missing source says what is missing and where to add it", () => {
  const { spec } = summarySheetSpec(baseInput({ theory: null, comparison: null, progression: null }));
  const t = texts(grid(spec));
  expect(t).toContain('Der er ingen programteori i projektmappen. Byg den i panelet Programteori; den gemmes i arket "Programteori".');
  expect(t).toContain('Der er ingen gemt sammenligning. Kør en sammenligning i panelet Sammenligning; resultaterne står i arket "Sammenligning".');
  expect(t).toContain('Der er ingen progressionsresultater. Mål progressionen i panelet Progression; resultaterne står i arket "Progression".');
  expect(spec.charts ?? []).toEqual([]);
});

test("a high threshold hides every share on the sheet and in the chart data", () => {
  const input = baseInput({ settings: { followUp: 6, threshold: 31, lang: "da" } });
  const { spec } = summarySheetSpec(input);
  const g = grid(spec);
  const head = rowWith(g, 8, "Kilde");
  const row = g[head + 1];
  expect(row[1]).toBe("6 mdr.");
  expect(String(row[2])).toMatch(/^– \(/);
  expect(row[4]).toBe("–");
  expect(String(row[7])).toMatch(/^For få til at sige noget: /);
  // no chart: every share would be suppressed
  expect(spec.charts ?? []).toEqual([]);
  expect(texts(g).filter((s) => /\d %/.test(s.replace(/95 %/g, "")))).toEqual([]);
});

test("print: A4 landscape, fitted to width, title rows repeated, footer with page and date, no gridlines; protected with the leader's cells open", () => {
  const { spec, keyRows, checkRows } = summarySheetSpec(baseInput());
  expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true, printTitleRows: "$1:$2", footer: pageFooter("da") });
  expect(spec.pageSetup?.printArea).toBe(`A1:I${checkRows[1] + 1}`);
  expect(spec.showGridlines).toBe(false);
  const unlocked = spec.protection?.unlocked ?? [];
  expect(unlocked).toContain(`A${keyRows[0] + 1}:E${keyRows[1] + 1}`);
  expect(unlocked).toContain(`H${keyRows[0] + 1}:I${keyRows[1] + 1}`);
  // the formulas (deviation, flag) stay locked
  expect(unlocked.some((r) => r.startsWith("F") || r.startsWith("G"))).toBe(false);
  const g = grid(spec);
  const dev = g[keyRows[0]][5];
  const flag = g[keyRows[0]][6];
  expect(isFormula(dev!) && dev.formula).toBe(`=IF(C${keyRows[0] + 1}="","",IF(D${keyRows[0] + 1}="","",D${keyRows[0] + 1}-C${keyRows[0] + 1}))`);
  expect(isFormula(flag!) && flag.formula).toContain(`ABS(F${keyRows[0] + 1})>E${keyRows[0] + 1}`);
  expect(spec.dataValidations?.[0].list).toEqual(["Ja", "Delvist", "Nej", "Ikke relevant"]);
  expect(spec.dataValidations?.every((v) => unlocked.includes(v.range))).toBe(true);
});

test("the leader's entries come back by key after a rebuild that moves them (a comparison added above)", () => {
  const act = KL_KEY_FIGURES[0].da;
  const kf: KeyFigureEntry[] = [
    { figure: act, month: "2026-02", target: 30, actual: 25, tolerance: 2, explanation: "Sygdom i teamet", action: "Vikar fra marts" },
    { figure: act, month: "2026-01", target: 30, actual: 31, tolerance: 2, explanation: "", action: "" },
  ];
  const first = summarySheetSpec(baseInput({ comparison: null, entries: { keyFigures: kf, answers: { "3.4": { answer: "delvist", raw: "Delvist", note: "Nyhedsbrev hver måned" } } } }));
  const parsed = parseLeaderEntries(readBack(first.spec));
  const second = summarySheetSpec(baseInput({ entries: parsed }));
  expect(second.keyRows[0]).toBeGreaterThan(first.keyRows[0]);
  const g = grid(second.spec);
  const feb = g.findIndex((r) => r?.[0] === act && r?.[1] === "2026-02");
  expect(g[feb].slice(2, 5)).toEqual([30, 25, 2]);
  expect(g[feb].slice(7, 9)).toEqual(["Sygdom i teamet", "Vikar fra marts"]);
  expect(g.findIndex((r) => r?.[0] === act && r?.[1] === "2026-01")).toBe(feb - 1);
  const item = rowWith(g, 1, "3.4");
  expect(g[item][2]).toBe("Delvist");
  expect(g[item][8]).toBe("Nyhedsbrev hver måned");
  // the suggestion uses the entries: one row with måltal and actual beyond tolerance, explained
  const s31 = rowWith(g, 1, "3.1");
  expect(g[s31][3]).toBe("Ja");
  expect(g[rowWith(g, 1, "3.2")][7]).toBe("Afvigelsen har forklaring og handling.");
  expect(parseLeaderEntries(readBack(second.spec))).toEqual(parsed);
});

test("progression in brief: share improved per delmål, small counts protected, source named", () => {
  const progression = {
    items: [
      { id: "D1", name: "Borgeren kan møde stabilt", paired: 40, improved: 22 },
      { id: "D2", name: "Borgeren kan bede om hjælp", paired: 40, improved: 3 },
    ],
    source: 'Progression: "Delmål: første og seneste måling"',
  };
  const { spec } = summarySheetSpec(baseInput({ progression }));
  const g = grid(spec);
  const d1 = rowWith(g, 0, "Borgeren kan møde stabilt");
  expect(g[d1].slice(1, 4)).toEqual([40, 22, 0.55]);
  expect(g[d1][8]).toBe(progression.source);
  const d2 = rowWith(g, 0, "Borgeren kan bede om hjælp");
  expect(g[d2].slice(1, 4)).toEqual([40, "<5", "–"]);
  expect(spec.charts?.map((c) => c.name)).toEqual(["Udfald", "Progression"]);
});

test("in English: English headers and sentences, and the leader's entries still read back", () => {
  const kf: KeyFigureEntry[] = [{ figure: "Visits (count)", month: "2026-03", target: 40, actual: 52, tolerance: 10, explanation: "Campaign", action: "None" }];
  const input = baseInput({ settings: { followUp: 12, threshold: 5, lang: "en" }, entries: { keyFigures: kf, answers: { "2.1": { answer: "nej", raw: "No", note: "" } } } });
  const { spec } = summarySheetSpec(input);
  const g = grid(spec);
  expect(g[0][0]).toBe(`Summary for leaders – ${theory.title}`);
  const head = rowWith(g, 8, "Source");
  expect(g[head].slice(0, 4)).toEqual(["Final goal", "Follow-up", "Intervention", "Control"]);
  expect(String(g[head + 1][7])).toMatch(/^(Clear difference|A tendency, not a clear difference|No detectable difference|Too few to say): /);
  expect(g[rowWith(g, 1, "2.1")][2]).toBe("No");
  expect(spec.dataValidations?.[0].list).toEqual(["Yes", "Partly", "No", "Not relevant"]);
  const back = parseLeaderEntries(readBack(spec));
  expect(back.keyFigures.find((e) => e.figure === "Visits (count)")).toEqual(kf[0]);
  expect(back.answers["2.1"].answer).toBe("nej");
});

test("the follow-up line names the latest follow-up and all of them (the period)", () => {
  const g = grid(summarySheetSpec(baseInput()).spec);
  expect(g[rowWith(g, 0, "Opfølgning")][1]).toBe("18 mdr. (seneste opfølgning; opfølgninger: 6, 12, 18 mdr.)");
});
