/**
 * Page 1 of the "Ledelsesoverblik" sheet (see spec.ts for the whole sheet): the effort, whom it
 * reached, what changed, how sure we can be, progression. Every section appears only when its
 * source exists, else says what is missing and where to add it; every number names the sheet and
 * table it comes from.
 */
import type { ComparisonResult, OutcomeResult, OutcomeRow } from "../analysis/types";
import { formatNumber, formatP } from "../stats";
import type { CellValue, ChartSpec } from "../report/sheetSpec";
import { cellAddress } from "../report/address";
import { L, tx } from "./labels";
import type { Rows } from "./layout";
import { shownCount, shownShare } from "./suppression";
import type { Lang, SummaryInput } from "./types";
import { keyResult } from "./wording";
import { formatDateTime } from "../dateTime";

const SECTION = { bold: true, fontSize: 12, fill: "#DDEBF7", border: "bottom" as const };
const HEAD = { bold: true, fill: "#F2F2F2", wrapText: true, verticalAlignment: "top" as const, border: "bottom" as const };
const NOTE = { italic: true, fontColor: "#595959" };
const ENTRY_FILL = "#FFF9E5";
const FLAG_FILL = "#F8CBAD";
const LIST_CHARS = 160;

const list = (xs: string[]): string => {
  const s = xs.filter((x) => x.trim() !== "").join("; ");
  return s.length > LIST_CHARS ? `${s.slice(0, LIST_CHARS - 1)}…` : s;
};

function header(rows: Rows, input: SummaryInput): void {
  const lang = input.settings.lang;
  const effort = input.theory?.theory.title.trim();
  rows.add([effort ? `${tx(L.title, lang)} – ${effort}` : tx(L.title, lang)], { bold: true, fontSize: 16 });
  const parts: string[] = [];
  if (input.comparison && "result" in input.comparison) parts.push(`${tx(L.data, lang)}: ${input.comparison.result.header.dataRange}`);
  parts.push(`${tx(L.built, lang)}: ${formatDateTime(input.generatedAt, lang)}`, `${tx(L.version, lang)} ${input.version}`);
  rows.add([parts.join(" · ")], NOTE);
  const t = input.settings.threshold;
  rows.add([tx(L.smallNumbers, lang, { t: t - 1, n: t })], NOTE);
}

function theorySection(rows: Rows, input: SummaryInput): void {
  const lang = input.settings.lang;
  rows.add([tx(L.theoryTitle, lang)], SECTION);
  if (!input.theory) {
    rows.add([tx(L.noTheory, lang)], NOTE);
    return;
  }
  const th = input.theory.theory;
  const tg = th.targetGroup;
  const size = tg.size === null ? tx(L.sizeUnknown, lang) : `${tg.size} ${tx(L.citizens, lang)}`;
  const line = (label: string, text: string): void => void rows.add([label, text], undefined);
  const first = rows.next;
  line(tx(L.targetGroup, lang), `${tg.name || tg.description} (${size})`);
  line(tx(L.activities, lang), list(th.activities.map((a) => a.name)));
  line(tx(L.subGoals, lang), list(th.subGoals.map((a) => a.name)));
  line(tx(L.finalGoals, lang), list(th.finalGoals.map((a) => a.name)));
  line(tx(L.mechanisms, lang), list(th.mechanisms.map((a) => a.name)));
  const errors = input.theory.errors > 0 ? `; ${tx(L.theoryErrors, lang, { n: input.theory.errors })}` : "";
  rows.add([tx(L.source, lang), `${tx(L.theorySource, lang)}${errors}`], NOTE);
  rows.style(first, 0, first + 4, 0, { bold: true });
}

/** The outcomes to show: those from a slutmål, else all (with a note). */
function goalOutcomes(result: ComparisonResult): { outcomes: OutcomeResult[]; all: boolean } {
  const goals = result.outcomes.filter((o) => o.source?.kind === "slutmaal");
  return goals.length > 0 ? { outcomes: goals, all: false } : { outcomes: result.outcomes, all: true };
}

function rowAt(o: OutcomeResult, month: number | null): { row: OutcomeRow | null; fallback: boolean } {
  const withData = o.rows.filter((r) => r.counts.intervention.n + r.counts.control.n > 0);
  const latest = withData[withData.length - 1] ?? null;
  if (month === null) return { row: latest, fallback: false };
  const r = withData.find((x) => x.month === month);
  return r ? { row: r, fallback: false } : { row: latest, fallback: true };
}

function shareText(x: number, n: number, t: number, lang: Lang): string {
  const s = shownShare(x, n, t);
  const share = s === null ? tx(L.dash, lang) : `${formatNumber(s * 100, 0, lang)} %`;
  return `${share} (${shownCount(x, t)}/${shownCount(n, t)})`;
}

function outcomeRow(rows: Rows, o: OutcomeResult, row: OutcomeRow, input: SummaryInput): void {
  const { lang, threshold } = input.settings;
  const kr = keyResult({
    outcome: o.name,
    month: row.month,
    intervention: row.counts.intervention,
    control: row.counts.control,
    difference: row.riskDifference,
    pValue: row.test?.pValue ?? null,
    test: row.test?.method ?? null,
    threshold,
  });
  const d = kr.difference;
  const values: CellValue[] = [
    o.name,
    `${row.month} ${tx(L.months, lang)}`,
    shareText(row.counts.intervention.x, row.counts.intervention.n, threshold, lang),
    shareText(row.counts.control.x, row.counts.control.n, threshold, lang),
    d ? Math.round(d.estimate * 1000) / 10 : tx(L.dash, lang),
    d ? `${formatNumber(d.lower * 100, 1, lang)} ${lang === "da" ? "til" : "to"} ${formatNumber(d.upper * 100, 1, lang)}` : tx(L.dash, lang),
    row.test && d ? `${formatP(row.test.pValue, lang)} (${tx(row.test.method, lang)})` : tx(L.dash, lang),
    tx(kr.sentence, lang),
    tx(L.outcomeSource, lang, { o: o.name, m: row.month }),
  ];
  const r = rows.add(values, { wrapText: true, verticalAlignment: "top" });
  rows.style(r, 4, r, 4, { numberFormat: "0.0" });
  rows.style(r, 8, r, 8, NOTE);
}

export interface ResultsIntro {
  outcomes: OutcomeResult[];
}

/** Heading, N per group and the follow-up; null outcomes when there is no comparison (the section says why). */
function resultsIntro(rows: Rows, input: SummaryInput): ResultsIntro | null {
  const lang = input.settings.lang;
  rows.add([tx(L.resultsTitle, lang)], SECTION);
  const c = input.comparison;
  if (!c) {
    rows.add([tx(L.noComparison, lang)], NOTE);
    return null;
  }
  if ("problem" in c) {
    rows.add([tx(L.comparisonFailed, lang, { m: tx(c.problem, lang) })], NOTE);
    return null;
  }
  const res = c.result;
  const t = input.settings.threshold;
  const n = rows.add([tx(L.nPerGroup, lang), `${tx(L.intervention, lang)}: ${shownCount(res.header.citizens.intervention, t)} · ${tx(L.control, lang)}: ${shownCount(res.header.citizens.control, t)}`, null, null, null, null, null, null, tx(L.nSource, lang)]);
  rows.style(n, 0, n, 0, { bold: true });
  rows.style(n, 8, n, 8, NOTE);
  const { outcomes, all } = goalOutcomes(res);
  const chosen = input.settings.followUp;
  const latest = res.followUps[res.followUps.length - 1];
  const period = `${res.followUps.join(", ")} ${tx(L.months, lang)}`;
  const f = rows.add([tx(L.followUp, lang), chosen === null ? `${latest ?? "–"} ${tx(L.months, lang)} (${tx(L.latest, lang)}; ${tx(L.followUps, lang)}: ${period})` : `${chosen} ${tx(L.months, lang)} (${tx(L.chosen, lang)})`]);
  rows.style(f, 0, f, 0, { bold: true });
  if (all) rows.add([tx(L.noGoalOutcomes, lang)], NOTE);
  return { outcomes };
}

/** One row per outcome at the chosen (or latest) follow-up, with its sentence and source; the rule below. */
function resultsTable(rows: Rows, input: SummaryInput, intro: ResultsIntro): void {
  const lang = input.settings.lang;
  const chosen = input.settings.followUp;
  rows.add([tx(L.goal, lang), tx(L.followUp, lang), tx(L.interventionShort, lang), tx(L.controlShort, lang), tx(L.difference, lang), tx(L.ci, lang), tx(L.pTest, lang), tx(L.verdict, lang), tx(L.source, lang)], HEAD);
  for (const o of intro.outcomes) {
    const { row, fallback } = rowAt(o, chosen);
    if (!row) continue;
    outcomeRow(rows, o, row, input);
    if (fallback && chosen !== null) rows.add([null, tx(L.notAtChosen, lang, { m: chosen })], NOTE);
  }
  rows.add([tx(L.rule, lang)], NOTE);
  rows.add([tx(L.rule2, lang)], NOTE);
}

/** Share reaching the first outcome per follow-up and group (suppressed shares left empty). */
export function outcomeChartData(rows: Rows, o: OutcomeResult | undefined, input: SummaryInput): { range: string; name: string } | undefined {
  if (!o) return undefined;
  const { lang, threshold: t } = input.settings;
  const data: CellValue[][] = o.rows.map((r) => [`${r.month} ${tx(L.months, lang)}`, shownShare(r.counts.intervention.x, r.counts.intervention.n, t), shownShare(r.counts.control.x, r.counts.control.n, t)]);
  if (!data.some((r) => r[1] !== null || r[2] !== null)) return undefined;
  const rng = rows.data([[tx(L.followUp, lang), tx(L.intervention, lang), tx(L.control, lang)], ...data], "0%");
  return { range: rng, name: o.name };
}

function progressionSection(rows: Rows, input: SummaryInput): void {
  const { lang, threshold: t } = input.settings;
  rows.add([tx(L.progressionTitle, lang)], SECTION);
  const p = input.progression;
  if (!p || p.items.length === 0) {
    rows.add([tx(L.noProgression, lang)], NOTE);
    return;
  }
  rows.add([tx(L.subGoal, lang), tx(L.paired, lang), tx(L.improved, lang), tx(L.shareImproved, lang), null, null, null, null, tx(L.source, lang)], HEAD);
  for (const it of p.items) {
    const share = shownShare(it.improved, it.paired, t);
    const r = rows.add([it.name, shownCount(it.paired, t), shownCount(it.improved, t), share ?? tx(L.dash, lang), null, null, null, null, p.source], { verticalAlignment: "top" });
    rows.style(r, 3, r, 3, { numberFormat: "0%" });
    rows.style(r, 8, r, 8, NOTE);
  }
}

/** Share improved per delmål for the chart (suppressed shares left empty); undefined when nothing can be shown. */
export function progressionChartData(rows: Rows, input: SummaryInput): string | undefined {
  const p = input.progression;
  if (!p) return undefined;
  const { lang, threshold: t } = input.settings;
  const data: CellValue[][] = p.items.map((it) => [it.name, shownShare(it.improved, it.paired, t)]);
  if (!data.some((d) => d[1] !== null)) return undefined;
  return rows.data([[tx(L.subGoal, lang), tx(L.shareImproved, lang)], ...data], "0%");
}

function chartAt(name: string, type: ChartSpec["type"], dataRange: string, title: string, top: number, c1: number, c2: number, height: number): ChartSpec {
  return { name, type, dataRange, seriesBy: "columns", title, topLeft: cellAddress(top, c1), bottomRight: cellAddress(top + height - 1, c2) };
}

export { header, theorySection, resultsIntro, resultsTable, progressionSection, chartAt, SECTION, HEAD, NOTE, ENTRY_FILL, FLAG_FILL };
