/**
 * Page 1 of the "Ledelsesoverblik" sheet (see spec.ts for the whole sheet), in reading order: the
 * verdict per slutmål, what it is based on, what to decide, the key table, two charts, the
 * programme theory as a chain. Every figure that comes from counts of citizens goes through the
 * page's release (release.ts): all of them on the internal edition, only the accepted ones on the
 * edition for publication ("–" for the rest). Every section says what is missing and where to add it.
 */
import type { Arm } from "../analysis/settings";
import type { ComparisonResult, OutcomeResult, OutcomeRow } from "../analysis/types";
import { formatNumber } from "../stats";
import type { CellValue, ChartSpec } from "../report/sheetSpec";
import { cellAddress } from "../report/address";
import { L, tx } from "./labels";
import type { Rows } from "./layout";
import { ARMS, goalOutcomes, rowAt, type PageRelease } from "./release";
import type { Lang, SummaryInput } from "./types";
import { analysisLine, type AnalysisState } from "./analysisState";
import { formatDateTime } from "../dateTime";
import { keyResult, SMALL_GROUP_N, VERDICT_LABEL, type KeyResult } from "./wording";
import { publicRegisterResult, registerKeyResult } from "./registerLine";

const SECTION = { bold: true, fontSize: 12, fill: "#DDEBF7", border: "bottom" as const };
const HEAD = { bold: true, fill: "#F2F2F2", wrapText: true, verticalAlignment: "top" as const, border: "bottom" as const };
const NOTE = { italic: true, fontColor: "#595959" };
const SMALL = { italic: true, fontColor: "#595959", fontSize: 9 };
const ENTRY_FILL = "#FFF9E5";
const FLAG_FILL = "#F8CBAD";
/** Characters of a theory line (column B onwards, unwrapped; fits the print width, see fit.ts). */
const LIST_CHARS = 125;

/** "a; b; c (+2)": as many names as fit, and how many were left out. */
export function list(xs: string[], max = LIST_CHARS): string {
  const names = xs.map((x) => x.trim()).filter((x) => x !== "");
  let out = "";
  for (let i = 0; i < names.length; i++) {
    const next = out === "" ? names[i] : `${out}; ${names[i]}`;
    const rest = names.length - i - 1;
    if (next.length + (rest > 0 ? ` (+${rest})`.length : 0) > max) return out === "" ? `${names[i].slice(0, max - 6)}… (+${rest})` : `${out} (+${names.length - i})`;
    out = next;
  }
  return out;
}

export interface PageOutcome {
  o: OutcomeResult;
  row: OutcomeRow;
  fallback: boolean;
  kr: KeyResult;
  /** Both shares may be printed. */
  shown: boolean;
}

/** The slutmål outcomes at the chosen (or latest) follow-up, with verdicts from the full data. */
export function pageOutcomes(res: ComparisonResult, input: SummaryInput, rel: PageRelease): PageOutcome[] {
  const out: PageOutcome[] = [];
  for (const o of goalOutcomes(res).outcomes) {
    const { row, fallback } = rowAt(o, input.settings.followUp);
    if (!row) continue;
    const shown = ARMS.every((a) => rel.share(o.id, row.month, a));
    const kr = keyResult({ outcome: o.name, month: row.month, intervention: row.counts.intervention, control: row.counts.control, difference: row.riskDifference, pValue: row.test?.pValue ?? null, test: row.test?.method ?? null }, shown);
    out.push({ o, row, fallback, kr, shown });
  }
  return out;
}

const comparisonOf = (input: SummaryInput): ComparisonResult | null => (input.comparison && "result" in input.comparison ? input.comparison.result : null);

/** Title and the print-title line: edition, update time, version. */
export function header(rows: Rows, input: SummaryInput, rel: PageRelease): void {
  const lang = input.settings.lang;
  const effort = input.theory?.theory.title.trim();
  rows.add([effort ? `${tx(L.title, lang)} – ${effort}` : tx(L.title, lang)], { bold: true, fontSize: 16 });
  // the edition is on the repeated print-title row, so every printed page says whom it is for
  const edition = rel.audience === "public" ? `${tx(L.audiencePublic, lang)}: ${tx(L.publicShort, lang, { t: input.settings.threshold })}` : `${tx(L.audienceInternal, lang)}: ${tx(L.internalShort, lang)}`;
  const r = rows.add([`${edition} · ${tx(L.built, lang)}: ${formatDateTime(input.generatedAt, lang)} · ${tx(L.version, lang)} ${input.version}`], NOTE);
  rows.style(r, 0, r, 0, { bold: true });
}

/** Footnote parts packed into rows that fit the print width (fit.ts estimates the width). */
function packed(parts: string[], first: string, maxChars: number): string[] {
  const out: string[] = [];
  let cur = first;
  for (const p of parts) {
    const next = cur === "" ? p : `${cur} ${p}`;
    if (next.length > maxChars && cur !== "" && cur !== first) {
      out.push(cur);
      cur = p;
    } else cur = next;
  }
  if (cur !== "") out.push(cur);
  return out;
}
/** Characters of a 9-point footnote row across A:I. */
const FOOTNOTE_CHARS = 190;

/** One line per slutmål, then the p-values and tests as a footnote. */
export function verdictSection(rows: Rows, input: SummaryInput, outcomes: PageOutcome[]): void {
  const lang = input.settings.lang;
  const c = input.comparison;
  const a = input.analysis;
  if (!c) rows.add([tx(L.noComparison, lang)], NOTE);
  // stale or refused: the verdict lines say the analysis must be run again (no old numbers)
  else if ("problem" in c && a && a.status !== "ok") for (const sentence of analysisSentences(a, lang)) rows.add([sentence], { bold: true, fontColor: "#C00000" });
  else if ("problem" in c) rows.add([tx(L.comparisonFailed, lang, { m: tx(c.problem, lang) })], NOTE);
  else if (outcomes.length === 0) rows.add([tx(L.noGoalOutcomes, lang)], NOTE);
  for (const p of outcomes) rows.add([tx(p.kr.line, lang)], { bold: true });
  const register = registerResult(input);
  if (register) rows.add([tx(register.line, lang)], { bold: true });
  const tested = [...outcomes.map((p) => p.kr), ...(register ? [register] : [])].filter((kr) => kr.footnote);
  if (tested.length > 0) {
    const parts = tested.map((kr, i) => `${tx(kr.footnote!, lang)}${i === tested.length - 1 ? "." : ";"}`);
    parts.push(tx(L.ciNote, lang), tx(L.ruleNote, lang));
    if (tested.some((kr) => kr.smallGroups)) parts.push(tx(L.smallGroupsNote, lang, { n: SMALL_GROUP_N }));
    for (const line of packed(parts, `${tx(L.pFootnote, lang, { list: "" }).trim()}`, FOOTNOTE_CHARS)) rows.add([line], SMALL);
  }
  if (comparisonOf(input) && goalOutcomes(comparisonOf(input)!).all && outcomes.length > 0) rows.add([tx(L.noGoalOutcomes, lang)], SMALL);
}

/** The register line (registerLine.ts); on the publication edition from grouped weeks (or hidden). */
function registerResult(input: SummaryInput): KeyResult | null {
  const r = input.register;
  if (!r) return null;
  const s = input.settings;
  return s.audience === "public" ? publicRegisterResult(r, s.threshold) : registerKeyResult(r);
}

/** N, period, follow-up, design and data source. */
export function basisSection(rows: Rows, input: SummaryInput, outcomes: PageOutcome[], rel: PageRelease): void {
  const lang = input.settings.lang;
  const res = comparisonOf(input);
  if (!res) return;
  rows.add([tx(L.basisTitle, lang)], SECTION);
  const n = (a: Arm): string => (rel.total(a) ? String(res.header.citizens[a]) : tx(L.dash, lang));
  const line = (label: string, text: string): void => {
    const r = rows.add([label, text]);
    rows.style(r, 0, r, 0, { bold: true });
  };
  line(tx(L.basisCitizens, lang), tx(L.basisCitizensValue, lang, { i: n("intervention"), c: n("control") }));
  const months = outcomes[0]?.row.month ?? res.followUps[res.followUps.length - 1];
  const which = input.settings.followUp === null ? tx(L.latest, lang) : tx(L.chosen, lang);
  line(tx(L.basisPeriod, lang), tx(L.basisPeriodValue, lang, { all: res.followUps.join(", "), m: months ?? "–", which }));
  line(tx(L.basisDesign, lang), tx(input.randomised ? L.designRandomised : L.designNotRandomised, lang));
  const range = rel.audience === "public" ? "" : ` (${res.header.dataRange})`;
  const sheet = input.comparison && "sheet" in input.comparison ? input.comparison.sheet : "Sammenligning";
  line(tx(L.basisData, lang), tx(L.basisDataValue, lang, { s: res.header.sheet, r: range, c: sheet }));
  if (input.analysis?.status === "ok") for (const sentence of analysisSentences(input.analysis, lang)) rows.add([sentence], SMALL);
}

/** The analysis line (which analysis, when it ran, or why it must run again), one sentence a row so it reads across the page unwrapped. */
function analysisSentences(a: AnalysisState, lang: Lang): string[] {
  return analysisLine(a, lang).split(/(?<=[.:]) (?=[A-ZÆØÅ"])/);
}

function shareText(x: number, n: number, shown: boolean, lang: Lang): string {
  if (!shown) return tx(L.dash, lang);
  if (n === 0) return `${tx(L.dash, lang)} (0/0)`;
  return `${formatNumber((x / n) * 100, 0, lang)} % (${x}/${n})`;
}

/** The key table: one row per slutmål (shares with counts, difference, interval, verdict). */
export function resultsTable(rows: Rows, input: SummaryInput, outcomes: PageOutcome[]): void {
  const lang = input.settings.lang;
  if (outcomes.length === 0) return;
  rows.add([tx(L.goal, lang), tx(L.followUp, lang), tx(L.interventionShort, lang), tx(L.controlShort, lang), tx(L.difference, lang), tx(L.ci, lang), tx(L.verdict, lang)], { ...HEAD, ...SECTION, fontSize: 11, wrapText: true });
  for (const p of outcomes) {
    const { row, o } = p;
    const d = p.shown ? row.riskDifference : null;
    const chosen = input.settings.followUp;
    const month = `${row.month} ${tx(L.months, lang)}${p.fallback && chosen !== null ? ` (${tx(L.notAtChosen, lang, { m: chosen })})` : ""}`;
    const r = rows.add([
      o.name,
      month,
      shareText(row.counts.intervention.x, row.counts.intervention.n, p.shown, lang),
      shareText(row.counts.control.x, row.counts.control.n, p.shown, lang),
      d ? Math.round(d.estimate * 1000) / 10 : tx(L.dash, lang),
      d ? `${formatNumber(d.lower * 100, 1, lang)} ${lang === "da" ? "til" : "to"} ${formatNumber(d.upper * 100, 1, lang)}` : tx(L.dash, lang),
      p.shown ? tx(VERDICT_LABEL[p.kr.verdict], lang) : tx(L.dash, lang),
    ], { wrapText: true, verticalAlignment: "top" });
    rows.style(r, 4, r, 4, { numberFormat: "0.0" });
  }
  const sheet = input.comparison && "sheet" in input.comparison ? input.comparison.sheet : "Sammenligning";
  const progression = input.progression && input.progression.items.length > 0 ? `; ${input.progression.source}` : "";
  const src = rows.add([tx(L.keySource, lang, { c: sheet, p: progression })], SMALL);
  rows.style(src, 0, src, 0, { wrapText: false });
}

/**
 * Chart values are percentages (0–100, one decimal) under the axis title "Andel (%)": the axis reads
 * in percent whatever number format the chart engine gives its axis, and the cells hold no more
 * precision than the page needs.
 */
export const percent = (x: number, n: number): number => Math.round((x / n) * 1000) / 10;

/** A category label that says why a value is missing from the chart (a gap with a label, never a silently missing bar). */
function category(name: string, hidden: boolean, empty: boolean, lang: Lang): string {
  if (hidden) return tx(L.hiddenCategory, lang, { c: name });
  return empty ? tx(L.noDataCategory, lang, { c: name }) : name;
}

/** Share reaching the first slutmål per follow-up, both groups side by side; hidden shares are gaps with a label. */
export function outcomeChartData(rows: Rows, input: SummaryInput, rel: PageRelease): { range: string; name: string } | undefined {
  const res = comparisonOf(input);
  const o = res ? goalOutcomes(res).outcomes[0] : undefined;
  if (!o) return undefined;
  const lang = input.settings.lang;
  const data: CellValue[][] = o.rows.map((r) => {
    // a group hidden hides both bars of the follow-up: never one group's bar alone
    const hidden = ARMS.some((a) => !rel.share(o.id, r.month, a));
    const v = ARMS.map((a) => (!hidden && r.counts[a].n > 0 ? percent(r.counts[a].x, r.counts[a].n) : null));
    return [category(`${r.month} ${tx(L.months, lang)}`, hidden, !hidden && v.some((x) => x === null), lang), ...v];
  });
  if (!data.some((r) => r[1] !== null || r[2] !== null)) return undefined;
  const rng = rows.data([[tx(L.followUp, lang), tx(L.intervention, lang), tx(L.control, lang)], ...data], "0");
  return { range: rng, name: o.name };
}

/** Share improved per delmål: per group when the groups are compared (never pooled beside them), else all citizens. */
export function progressionChartData(rows: Rows, input: SummaryInput, rel: PageRelease): string | undefined {
  const p = input.progression;
  if (!p || p.items.length === 0) return undefined;
  const lang = input.settings.lang;
  const grouped = p.items.some((it) => it.groups);
  const cols: (Arm | "all")[] = grouped ? [...ARMS] : ["all"];
  const data: CellValue[][] = p.items.map((it) => {
    const counts = (a: Arm | "all") => (a === "all" ? it : it.groups?.[a]);
    const hidden = cols.some((a) => !rel.progression(it.id, a));
    const v = cols.map((a) => {
      const c = counts(a);
      return c && c.paired > 0 && !hidden ? percent(c.improved, c.paired) : null;
    });
    return [category(it.name, hidden, !hidden && v.some((x) => x === null), lang), ...v];
  });
  if (!data.some((d) => d.slice(1).some((x) => x !== null))) return undefined;
  const head = grouped ? [tx(L.subGoal, lang), tx(L.intervention, lang), tx(L.control, lang)] : [tx(L.subGoal, lang), tx(L.allCitizens, lang)];
  return rows.data([head, ...data], "0");
}

/** The programme theory as a chain, one unwrapped line each (names cut to the print width, with how many more). */
export function theorySection(rows: Rows, input: SummaryInput): void {
  const lang = input.settings.lang;
  const errors = input.theory && input.theory.errors > 0 ? ` – ${tx(L.theoryErrors, lang, { n: input.theory.errors })}` : "";
  rows.add([input.theory ? `${tx(L.theoryTitleSource, lang)}${errors}` : tx(L.theoryTitle, lang)], SECTION);
  if (!input.theory) {
    rows.add([tx(L.noTheory, lang)], NOTE);
    return;
  }
  const th = input.theory.theory;
  const tg = th.targetGroup;
  const size = tg.size === null ? tx(L.sizeUnknown, lang) : `${tg.size} ${tx(L.citizens, lang)}`;
  const line = (label: string, text: string): void => {
    const r = rows.add([label, text]);
    rows.style(r, 0, r, 0, { bold: true });
  };
  line(tx(L.targetGroup, lang), list([`${tg.name || tg.description} (${size})`]));
  line(tx(L.activities, lang), list(th.activities.map((a) => a.name)));
  line(tx(L.subGoals, lang), list(th.subGoals.map((a) => a.name)));
  line(tx(L.finalGoals, lang), list(th.finalGoals.map((a) => a.name)));
  line(tx(L.mechanisms, lang), list(th.mechanisms.map((a) => a.name)));
}

export function chartAt(name: string, type: ChartSpec["type"], dataRange: string, title: string, top: number, c1: number, c2: number, height: number): ChartSpec {
  return { name, type, dataRange, seriesBy: "columns", title, topLeft: cellAddress(top, c1), bottomRight: cellAddress(top + height - 1, c2) };
}

export { SECTION, HEAD, NOTE, SMALL, ENTRY_FILL, FLAG_FILL };
