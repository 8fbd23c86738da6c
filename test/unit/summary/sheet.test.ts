/**
 * The Ledelsesoverblik SheetSpec: sections from what exists (and what is missing, and where to add
 * it), every result row naming its source, small numbers protected on the sheet and in the chart
 * data, print setup, the leader's cells unlocked, and the leader's entries read back by key.
 */
import { isFormula, type CellValue } from "../../../src/core/report/sheetSpec";
import { KL_KEY_FIGURES, parseLeaderEntries, summarySheetSpec, VERDICT_LABEL, type KeyFigureEntry, type SummaryInput } from "../../../src/core/summary";
import { pageFooter } from "../../../src/core/report/pageFooter";
import { baseInput, grid, readBack, rowWith, theory } from "./helpers";

const VERDICTS = Object.values(VERDICT_LABEL).map((v) => v.da);
const texts = (g: CellValue[][]): string[] => g.flatMap((r) => (r ?? []).filter((v): v is string => typeof v === "string"));

const settings = (over: Partial<SummaryInput["settings"]> = {}): SummaryInput["settings"] => ({ followUp: null, audience: "internal", threshold: 5, lang: "da", ...over });

test("page 1 opens with the verdict: one line per slutmål under the title, p-values and tests in a footnote, the edition on the title row", () => {
  const { spec } = summarySheetSpec(baseInput());
  const g = grid(spec);
  expect(g[0][0]).toBe(`Ledelsesoverblik – ${theory.title}`);
  // the print-title line says when the page was made and from which data (the analysis's range on the internal edition)
  expect(g[1][0]).toBe("Intern udgave: må ikke deles uden for kommunen · Opdateret: 30. nov. 2026 kl. 08.00 · Data: Borgere!A1:M61, Programteori · Virkning 0.1.0");
  const goals = theory.finalGoals.filter((f) => f.indicator?.reached.kind === "statuses");
  expect(goals.length).toBe(2);
  goals.forEach((f, i) => {
    const line = String(g[2 + i][0]);
    expect(line).toMatch(new RegExp(`^(Indsatsen ser ud til at virke på|Vi kan ikke se en (sikker )?forskel på|For få borgere til at sige noget om) "${f.name}"`));
    expect(line).toMatch(/indsatsgruppen \d+ %, kontrolgruppen \d+ %, forskel -?\d+ procentpoint \(mellem -?\d+ og -?\d+\)\.$/);
    expect(line).not.toMatch(/p =|test/);
  });
  expect(String(g[4][0])).toMatch(/^p-værdier og test: "/);
  expect(String(g[4][0])).toMatch(/(Fishers eksakte test|Pearsons χ²-test), p = \d/);
  expect(spec.pageSetup?.printTitleRows).toBe("$1:$2");
});

test("the sample workbook, internal edition: both main results with their verdicts and real counts (4/26 and 2/26 too)", () => {
  const g = grid(summarySheetSpec(baseInput()).spec);
  const head = rowWith(g, 0, "Slutmål");
  expect(g[head].slice(0, 7)).toEqual(["Slutmål", "Opfølgning", "Indsats", "Kontrol", "Forskel (pct.-point)", "Interval (95 %)", "Vurdering"]);
  const rows = [g[head + 1], g[head + 2]];
  expect(rows.map((r) => r.slice(1, 4))).toEqual([
    ["18 mdr.", "15 % (4/26)", "8 % (2/26)"],
    ["18 mdr.", "27 % (7/26)", "15 % (4/26)"],
  ]);
  for (const r of rows) expect(VERDICTS).toContain(r[6]);
  expect(String(g[2][0])).toContain("indsatsgruppen 15 %, kontrolgruppen 8 %");
  expect(String(g[3][0])).toContain("indsatsgruppen 27 %, kontrolgruppen 15 %");
});

test("the sample workbook, publication edition: both main results and their complements suppressed, the edition stated, no data range", () => {
  const { spec } = summarySheetSpec(baseInput({ settings: settings({ audience: "public" }) }));
  const g = grid(spec);
  const t = texts(g);
  expect(g[1][0]).toBe("Til offentliggørelse: antal under 5 borgere og tal, de kan regnes ud fra, er skjult (–) · Opdateret: 30. nov. 2026 kl. 08.00 · Data: Borgere, Programteori · Virkning 0.1.0");
  const head = rowWith(g, 0, "Slutmål");
  for (const r of [g[head + 1], g[head + 2]]) expect(r.slice(2, 7)).toEqual(["–", "–", "–", "–", "–"]);
  expect(String(g[2][0])).toMatch(/^Resultatet for ".+" vises ikke i denne udgave/);
  // neither the hidden counts nor their complements (26 − 2 = 24, 26 − 4 = 22) nor the range appear
  expect(t.filter((s) => /\(\d+\/\d+\)|\b(24|22)\/26\b|![A-Z]+\d+:/.test(s))).toEqual([]);
  expect(t.filter((s) => /p = /.test(s))).toEqual([]);
});

test("the threshold counts on the publication edition only; the verdict comes from the full data in both", () => {
  const internal = grid(summarySheetSpec(baseInput({ settings: settings({ threshold: 31 }) })).spec);
  expect(String(internal[2][0])).toMatch(/indsatsgruppen \d+ %/);
  const pub = summarySheetSpec(baseInput({ settings: settings({ followUp: 6, audience: "public", threshold: 31 }) }));
  const g = grid(pub.spec);
  expect(g[rowWith(g, 0, "Slutmål") + 1][1]).toBe("6 mdr.");
  expect(texts(g).filter((s) => /\d %/.test(s.replace("(95 %)", "")))).toEqual([]);
  // chart data: every follow-up a gap with a label
  const data = pub.spec.cells.slice(1).flatMap((b) => b.values.slice(1));
  for (const r of data) {
    expect(r[0]).toMatch(/\(skjult\)$/);
    expect(r.slice(1)).toEqual([null, null]);
  }
});

test("each missing source says what is missing and where to add it", () => {
  const { spec } = summarySheetSpec(baseInput({ theory: null, comparison: null, progression: null }));
  const t = texts(grid(spec));
  expect(t).toContain('Der er ingen programteori i projektmappen. Byg den i panelet Programteori; den gemmes i arket "Programteori".');
  expect(t).toContain('Der er ingen gemt sammenligning. Kør en sammenligning i panelet Sammenligning; resultaterne står i arket "Sammenligning".');
  expect(t).toContain('Der er ingen progressionsresultater. Mål progressionen i panelet Progression; resultaterne står i arket "Progression".');
  expect(spec.charts ?? []).toEqual([]);
});

test("what it is based on: N per group, period, follow-up, design and data source", () => {
  const g = grid(summarySheetSpec(baseInput({ randomised: true })).spec);
  const at = (label: string): unknown => g[rowWith(g, 0, label)][1];
  expect(at("Borgere")).toBe("indsatsgruppe 30, kontrolgruppe 30");
  expect(at("Periode")).toBe("opfølgning ved 6, 12, 18 mdr.; resultaterne ovenfor ved 18 mdr. (seneste opfølgning)");
  expect(at("Design")).toMatch(/^randomiseret/);
  expect(at("Data")).toMatch(/^arket "Borgere" \(Borgere!A1:M61\); sammenligningen i arket "Sammenligning"$/);
  const notRandom = grid(summarySheetSpec(baseInput({ randomised: false })).spec);
  expect(notRandom[rowWith(notRandom, 0, "Design")][1]).toMatch(/^ikke randomiseret/);
});

test("what to decide: from the checklist's answers and the nøgletal deviations", () => {
  const kf: KeyFigureEntry[] = [
    { figure: "Fremmøde", month: "2026-01", target: 30, actual: 20, tolerance: 2, explanation: "", action: "" },
    { figure: "Fremmøde", month: "2026-02", target: 30, actual: 29, tolerance: 2, explanation: "", action: "" },
  ];
  const answers = { "1.1": { answer: "nej" as const, raw: "Nej", note: "" }, "1.2": { answer: "ja" as const, raw: "Ja", note: "" } };
  const g = grid(summarySheetSpec(baseInput({ entries: { keyFigures: kf, answers } })).spec);
  const at = rowWith(g, 0, "Hvad skal I beslutte");
  const lines = g.slice(at + 1, at + 4).map((r) => r[0]);
  expect(lines).toContain('Tjeklisten (sidst i arket): 2 af 21 spørgsmål besvaret; "nej" til 1.1.');
  expect(lines).toContain("Nøgletal (næste side): 1 af 2 måneder afviger mere end tolerancen; 1 mangler forklaring og handling.");
});

test("print: A4 landscape at the scale page 1 fits, page breaks before Nøgletal and Tjekliste, title rows repeated, footer, no gridlines; protected with the leader's cells open", () => {
  const { spec, keyRows, checkRows, summaryEnd } = summarySheetSpec(baseInput());
  expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", printTitleRows: "$1:$2", footer: pageFooter("da") });
  expect(spec.pageSetup?.scale).toBeGreaterThanOrEqual(80);
  const g = grid(spec);
  expect(spec.pageSetup?.rowBreaks).toEqual([summaryEnd + 2, rowWith(g, 0, "Tjekliste for politikere og ledere") + 1]);
  expect(g[summaryEnd + 1][0]).toBe("Nøgletal");
  expect(spec.pageSetup?.printArea).toBe(`A1:I${checkRows[1] + 1}`);
  expect(spec.showGridlines).toBe(false);
  const unlocked = spec.protection?.unlocked ?? [];
  expect(unlocked).toContain(`A${keyRows[0] + 1}:E${keyRows[1] + 1}`);
  expect(unlocked).toContain(`H${keyRows[0] + 1}:I${keyRows[1] + 1}`);
  // the formulas (deviation, flag) stay locked
  expect(unlocked.some((r) => r.startsWith("F") || r.startsWith("G"))).toBe(false);
  const dev = g[keyRows[0]][5];
  const flag = g[keyRows[0]][6];
  const n = keyRows[0] + 1;
  // rounded to the figure's decimals (looked up in the direction table), both sides of the comparison
  expect(isFormula(dev!) && dev.formula).toMatch(new RegExp(`^=IF\\(C${n}="","",IF\\(D${n}="","",ROUND\\(D${n}-C${n},IFERROR\\(VLOOKUP\\(\\$A${n},`));
  expect(isFormula(flag!) && flag.formula).toContain(`ABS(F${n})))>ROUND(E${n},`);
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

test("progression per delmål: both groups side by side in the chart (never pooled beside them), percent axis, source named", () => {
  const progression = {
    items: [
      { id: "D1", name: "Borgeren kan møde stabilt", paired: 40, improved: 22, groups: { intervention: { paired: 20, improved: 14 }, control: { paired: 20, improved: 8 } } },
      { id: "D2", name: "Borgeren kan bede om hjælp", paired: 40, improved: 23, groups: { intervention: { paired: 20, improved: 20 }, control: { paired: 20, improved: 3 } } },
    ],
    source: 'Progression: "Ændring fra første til seneste måling"',
  };
  const internal = summarySheetSpec(baseInput({ progression }));
  const chart = internal.spec.charts?.find((c) => c.name === "Progression");
  expect(chart).toMatchObject({ type: "columnClustered", yAxisTitle: "Andel (%)" });
  const data = grid(internal.spec);
  const top = Number(/\d+/.exec(chart!.dataRange)![0]) - 1;
  expect(data[top].slice(10, 13)).toEqual(["Delmål", "Indsatsgruppe", "Kontrolgruppe"]);
  expect(data[top + 1].slice(10, 13)).toEqual(["Borgeren kan møde stabilt", 70, 40]);
  expect(data[top + 2].slice(10, 13)).toEqual(["Borgeren kan bede om hjælp", 100, 15]);
  // percent axis: the values are percentages (0–100) under the axis title "Andel (%)"
  expect(texts(data).some((s) => s.includes(progression.source))).toBe(true);
  // publication: D2's control group improved 3 of 20: both bars of D2 are a labelled gap
  const pub = grid(summarySheetSpec(baseInput({ progression, settings: settings({ audience: "public" }) })).spec);
  const row = pub.find((r) => r?.[10] === "Borgeren kan bede om hjælp (skjult)");
  expect(row?.slice(11, 13)).toEqual([null, null]);
  expect(pub.find((r) => r?.[10] === "Borgeren kan møde stabilt")?.slice(11, 13)).toEqual([70, 40]);
});

test("without compared groups the progression chart has one series for all citizens, and no group series beside it", () => {
  const progression = { items: [{ id: "D1", name: "Møder stabilt", paired: 40, improved: 22, groups: null }], source: "Progression" };
  const { spec } = summarySheetSpec(baseInput({ progression }));
  const g = grid(spec);
  const chart = spec.charts!.find((c) => c.name === "Progression")!;
  const top = Number(/\d+/.exec(chart.dataRange)![0]) - 1;
  expect(g[top].slice(10, 13)).toEqual(["Delmål", "Alle borgere (grupperne ikke sammenlignet)", undefined]);
  expect(chart.dataRange).toMatch(/^K\d+:L\d+$/);
});

test("in English: English headers and sentences, and the leader's entries still read back", () => {
  const kf: KeyFigureEntry[] = [{ figure: "Visits (count)", month: "2026-03", target: 40, actual: 52, tolerance: 10, explanation: "Campaign", action: "None" }];
  const input = baseInput({ settings: settings({ followUp: 12, lang: "en" }), entries: { keyFigures: kf, answers: { "2.1": { answer: "nej", raw: "No", note: "" } } } });
  const { spec } = summarySheetSpec(input);
  const g = grid(spec);
  expect(g[0][0]).toBe(`Summary for leaders – ${theory.title}`);
  const head = rowWith(g, 0, "Final goal");
  expect(g[head].slice(0, 4)).toEqual(["Final goal", "Follow-up", "Intervention", "Control"]);
  expect(String(g[2][0])).toMatch(/^(The effort seems to work on|We cannot see a (sure )?difference on|Too few citizens to say anything about) "/);
  expect(g[rowWith(g, 1, "2.1")][2]).toBe("No");
  expect(spec.dataValidations?.[0].list).toEqual(["Yes", "Partly", "No", "Not relevant"]);
  const back = parseLeaderEntries(readBack(spec));
  expect(back.keyFigures.find((e) => e.figure === "Visits (count)")).toEqual(kf[0]);
  expect(back.answers["2.1"].answer).toBe("nej");
});

