/**
 * The "Registeropfølgning" sheet (issue 24), read top-down in the comparison's style (the same Builder,
 * column widths, header fill and notes as comparisonSheet.ts): title and one line on the data; the headline
 * (weeks gained in self-support within the horizon = the difference in restricted mean time to self-support,
 * control − intervention, with its interval; the difference in the share of weeks self-supporting); the
 * Kaplan–Meier chart (1 − S(t), both groups as step lines, optional 95 % bands) with the numbers at risk per
 * group under it at fixed weeks; the weekly share self-supporting per group as a line chart; the tables
 * (windows, medians, log-rank plain and stratified, restricted means, varig selvforsørgelse); the methods and
 * the settings. Every number is a number with a format (numberFormats.ts). Chart data stand right of the
 * printed columns (from column P), each chart's block from the chart's first row down.
 */
import type { Text } from "../stats";
import { qnorm } from "../stats/dist";
import { columnLetter } from "../report/address";
import type { CellBlock, CellValue, ChartSpec, SheetSpec, XYSeriesSpec } from "../report/sheetSpec";
import { COUNT_FORMAT, decimalFormat, percentFormat, pValueFormat } from "../report/numberFormats";
import { pageFooter } from "../report/pageFooter";
import { formatDateTime } from "../dateTime";
import { TERMS } from "../vocabulary";
import { Builder, EXTRA_WIDTH, PRINTED_WIDTHS } from "../analysis/comparisonSheet";
import { confLabel } from "../analysis/settings";
import type { KmCurve } from "./survival";
import type { RegisterResult, WindowResult } from "./weekly";

type Lang = "da" | "en";

export const REGISTER_SHEET_NAME = "Registeropfølgning";

export interface RegisterSheetInput {
  result: RegisterResult;
  options: { windows: { from: number; to: number }[]; spellWeeks: number; tau: number; durable?: { m: number; n: number; at: number } };
  source: { sheet: string; layout: "wide" | "long"; citizens: number; unobserved: number; unknownGroup: number; unmappedLabels: number };
  sheetName: string;
  madeAt: Date;
  stratified?: boolean;
  /** Draw the 95 % log-log bands beside the Kaplan–Meier curves (default true). */
  confidenceBands?: boolean;
  lang?: Lang;
}

/** Printed columns A..N as on the comparison sheet; chart data from column P (index 15). */
const PRINTED_COLUMNS = 14;
const DATA_COLUMN = 15;
const COLOURS = { intervention: "#2E75B6", control: "#C55A11" } as const;
const NOTE_COLOUR = "#595959";

const L = {
  title: TERMS.registerFollowUp,
  data: { da: "Data", en: "Data" },
  run: { da: "Kørt", en: "Run" },
  intervention: TERMS.intervention,
  control: TERMS.control,
  interventionShort: TERMS.interventionShort,
  controlShort: TERMS.controlShort,
  difference: { da: "Forskel", en: "Difference" },
  lower: { da: "nedre", en: "lower" },
  upper: { da: "øvre", en: "upper" },
  p: TERMS.pValue,
  headlineTitle: { da: "Hovedresultat", en: "Headline result" },
  measure: { da: "Mål", en: "Measure" },
  weeksGained: TERMS.weeksGained,
  shareOfWeeks: TERMS.shareOfWeeks,
  weeks: { da: "uge", en: "week" },
  weeksPlural: { da: "uger", en: "weeks" },
  week: { da: "Uge", en: "Week" },
  kmTitle: { da: "Tid til selvforsørgelse (Kaplan–Meier)", en: "Time to self-support (Kaplan–Meier)" },
  kmAxis: { da: "Andel, der er blevet selvforsørgende", en: "Share who have become self-supporting" },
  weeksSinceStart: { da: "Uger fra startugen", en: "Weeks from the start week" },
  atRisk: { da: "Antal i risiko (endnu ikke selvforsørgende og fulgt)", en: "Number at risk (not yet self-supporting and followed)" },
  band: { da: "95 % KI", en: "95 % CI" },
  weeklyTitle: { da: "Andel selvforsørgende uge for uge", en: "Share self-supporting week by week" },
  weeklyAxis: { da: "Andel selvforsørgende blandt de observerede", en: "Share self-supporting among those observed" },
  windowsTitle: { da: "Andel af uger som selvforsørgende i perioder", en: "Share of weeks self-supporting in periods" },
  period: { da: "Uger", en: "Weeks" },
  citizensN: { da: "borgere", en: "citizens" },
  medianTitle: { da: "Mediantid til selvforsørgelse", en: "Median time to self-support" },
  group: { da: "Gruppe", en: "Group" },
  citizens: { da: "Borgere", en: "Citizens" },
  events: { da: "Blev selvforsørgende", en: "Became self-supporting" },
  median: { da: "Median, uger", en: "Median, weeks" },
  notReached: { da: "ikke nået", en: "not reached" },
  logRankTitle: { da: "Log-rank-test (forskel mellem kurverne)", en: "Log-rank test (difference between the curves)" },
  test: TERMS.test,
  chi2: { da: "χ²", en: "χ²" },
  df: { da: "Frihedsgrader", en: "Degrees of freedom" },
  logRank: { da: "Log-rank", en: "Log-rank" },
  logRankStrat: { da: "Log-rank, stratificeret", en: "Log-rank, stratified" },
  noLogRank: { da: "Ingen borger blev selvforsørgende: log-rank-testen kan ikke beregnes.", en: "No citizen became self-supporting: the log-rank test cannot be computed." },
  rmstTitle: { da: "Gennemsnitlig tid til selvforsørgelse inden for horisonten (RMST)", en: "Mean time to self-support within the horizon (RMST)" },
  rmst: { da: "RMST, uger", en: "RMST, weeks" },
  se: { da: "Standardfejl", en: "Standard error" },
  rmstDiff: { da: "Forskel (indsats − kontrol)", en: "Difference (intervention − control)" },
  durable: TERMS.durableSelfSupport,
  durableN: { da: "Fuldt observeret (N)", en: "Fully observed (N)" },
  durableX: { da: "Varigt selvforsørgende (n)", en: "Durably self-supporting (n)" },
  share: { da: "Andel", en: "Share" },
  unknown: { da: "Ikke fuldt observeret", en: "Not fully observed" },
  methodsTitle: { da: "Metode", en: "Methods" },
  settings: { da: "Indstillinger", en: "Settings" },
  source: { da: "Dataark", en: "Data sheet" },
  layout: TERMS.dataLayout,
  wide: { da: "bred (én række pr. borger)", en: "wide (one row per citizen)" },
  long: { da: "lang (én række pr. borger og uge)", en: "long (one row per citizen and week)" },
  citizensRead: { da: "Borgere i data", en: "Citizens in the data" },
  unobserved: { da: "Borgere uden observeret uge (udeladt)", en: "Citizens without an observed week (left out)" },
  unknownGroup: { da: "Borgere uden kendt gruppe (udeladt)", en: "Citizens without a known group (left out)" },
  unmapped: { da: "Statuskoder uden klasse", en: "Status codes without a class" },
  spell: { da: "Selvforsørgende periode, uger i træk (k)", en: "Self-supporting spell, consecutive weeks (k)" },
  tau: { da: "Horisont for RMST, uger (τ)", en: "RMST horizon, weeks (τ)" },
  windowsSetting: { da: "Perioder, uger", en: "Periods, weeks" },
  durableSetting: { da: "Varig selvforsørgelse: m af n uger ved uge", en: "Durable self-support: m of n weeks at week" },
  stratifiedSetting: { da: "Stratificeret analyse", en: "Stratified analysis" },
  yes: { da: "ja", en: "yes" },
  no: { da: "nej", en: "no" },
  version: { da: "Virkning-version", en: "Virkning version" },
} satisfies Record<string, Text>;

function tx(t: Text, lang: Lang): string {
  return lang === "en" ? t.en : t.da;
}

/** "95 % KI, nedre" / "95 % KI, øvre". */
function ciHeads(level: number, lang: Lang): [string, string] {
  const l = `${confLabel(level, lang)} ${lang === "da" ? "KI" : "CI"}`;
  return [`${l}, ${tx(L.lower, lang)}`, `${l}, ${tx(L.upper, lang)}`];
}

/**
 * The weeks gained in self-support within the horizon: control's restricted mean time to self-support
 * minus the intervention's (positive = the intervention group became self-supporting sooner), with the
 * interval of RegisterResult.rmstDifference turned round.
 */
export function weeksGained(result: RegisterResult): { estimate: number; lower: number; upper: number } {
  const d = result.rmstDifference;
  const neg = (x: number): number => (x === 0 ? 0 : -x); // no negative zero when nothing differs (all censored)
  return { estimate: neg(d.estimate), lower: neg(d.ci.upper), upper: neg(d.ci.lower) };
}

/** The headline window: the longest (the first of the longest), where the share of weeks reads best. */
export function headlineWindow(result: RegisterResult): WindowResult | null {
  let best: WindowResult | null = null;
  for (const w of result.windows) if (!best || w.to - w.from > best.to - best.from) best = w;
  return best;
}

/**
 * A Kaplan–Meier curve as step coordinates of 1 − S(t) (and the band's limits): from (0, 0), each step time
 * twice, first with the level before the step and then with the level after it; straight lines through these
 * points draw the steps. A limit R leaves undefined (S = 0 or 1) is null, an empty cell, a gap in the line.
 */
export function stepCoordinates(curve: KmCurve): { x: number; y: number; lower: number | null; upper: number | null }[] {
  const out: { x: number; y: number; lower: number | null; upper: number | null }[] = [{ x: 0, y: 0, lower: null, upper: null }];
  let prev = out[0];
  for (const s of curve.steps) {
    const next = { x: s.time, y: 1 - s.surv, lower: s.upper === null ? null : 1 - s.upper, upper: s.lower === null ? null : 1 - s.lower };
    if (next.y === prev.y && next.lower === prev.lower && next.upper === prev.upper) continue;
    out.push({ ...prev, x: s.time }, next);
    prev = next;
  }
  const last = curve.steps.length > 0 ? curve.steps[curve.steps.length - 1].time : 0;
  if (last > prev.x) out.push({ ...prev, x: last });
  return out;
}

/** Citizens at risk at week t (time ≥ t): the risk set of the first step at or after t, 0 beyond the last. */
export function atRisk(curve: KmCurve, t: number): number {
  if (t <= 0) return curve.n;
  return curve.steps.find((s) => s.time >= t)?.nRisk ?? 0;
}

/** The fixed weeks of the numbers-at-risk table: 0 and every `step` weeks, at most 10 columns (B..K). */
export function atRiskWeeks(last: number): number[] {
  const step = [1, 2, 4, 6, 8, 13, 26, 52, 104].find((s) => Math.floor(last / s) + 1 <= 10) ?? Math.ceil(last / 9);
  const out: number[] = [];
  for (let t = 0; t <= last; t += step) out.push(t);
  return out;
}

/** Chart data blocks written right of the printed columns, and the styles for their number formats. */
class ChartData {
  readonly blocks: CellBlock[] = [];
  readonly formats: { range: string; numberFormat: string }[] = [];
  private col = DATA_COLUMN;
  /**
   * A block with a header row at `top` (one empty column after it); `column(j)` is the A1 range of column
   * j's values below the header, `range` the whole block.
   */
  add(top: number, head: string[], rows: CellValue[][], formats: string[]): { column: (j: number) => string; range: string } {
    const left = this.col;
    this.blocks.push({ address: `${columnLetter(left)}${top}`, values: [head, ...rows] });
    const bottom = top + Math.max(rows.length, 1);
    formats.forEach((f, j) => this.formats.push({ range: `${columnLetter(left + j)}${top + 1}:${columnLetter(left + j)}${bottom}`, numberFormat: f }));
    this.col += head.length + 1;
    return { column: (j: number) => `${columnLetter(left + j)}${top + 1}:${columnLetter(left + j)}${bottom}`, range: `${columnLetter(left)}${top}:${columnLetter(left + head.length - 1)}${bottom}` };
  }
  get lastColumn(): number {
    return this.col - 2;
  }
}

/** Blank rows for a chart over columns A..`toCol`; the chart spec with its place. */
function placeChart(b: Builder, rows: number, toCol: number, c: Omit<ChartSpec, "topLeft" | "bottomRight">): number {
  const top = b.last + 1;
  for (let i = 0; i < rows; i++) b.row();
  b.charts.push({ ...c, topLeft: `A${top}`, bottomRight: `${columnLetter(toCol)}${top + rows - 1}` });
  return top;
}

function titleSection(b: Builder, input: RegisterSheetInput): void {
  const lang = b.lang;
  const r = input.result;
  b.line(tx(L.title, lang), { bold: true, fontSize: 14 });
  const n1 = r.intervention.curve.n;
  const n0 = r.control.curve.n;
  const who = lang === "da" ? `${n1 + n0} borgere (${n1} i indsatsgruppen, ${n0} i kontrolgruppen)` : `${n1 + n0} citizens (${n1} in the intervention group, ${n0} in the control group)`;
  b.line(`${tx(L.data, lang)}: ${input.source.sheet} · ${who} · ${tx(L.run, lang)} ${formatDateTime(input.madeAt, lang)}`, { fontColor: NOTE_COLOUR });
}

function headlineSection(b: Builder, input: RegisterSheetInput): void {
  const lang = b.lang;
  const r = input.result;
  b.section(L.headlineTitle);
  const [lo, hi] = ciHeads(r.rmstDifference.ci.level, lang);
  b.headerRow([tx(L.measure, lang), tx(L.interventionShort, lang), tx(L.controlShort, lang), tx(L.difference, lang), lo, hi, tx(L.p, lang)]);
  const g = weeksGained(r);
  const first = b.row(`${tx(L.weeksGained, lang)}, ${lang === "da" ? "uge" : "week"} 1–${r.tau}`, r.intervention.rmst.estimate, r.control.rmst.estimate, g.estimate, g.lower, g.upper, "–");
  b.format(first, first, 1, 5, decimalFormat(1));
  const w = headlineWindow(r);
  if (w) {
    const row = b.row(`${tx(L.shareOfWeeks, lang)}, ${lang === "da" ? "uge" : "weeks"} ${w.from}–${w.to}`, num(w.intervention.mean), num(w.control.mean), num(w.difference * 100), w.ci ? w.ci.lower * 100 : "–", w.ci ? w.ci.upper * 100 : "–", w.pValue ?? "–");
    b.format(row, row, 1, 2, percentFormat(lang));
    b.format(row, row, 3, 5, decimalFormat(1));
    b.format(row, row, 6, 6, pValueFormat(lang));
  }
  b.style(`A${first}:G${b.last}`, { bold: true });
  b.style(`B${first}:G${b.last}`, { horizontalAlignment: "right" });
  b.notes([
    {
      da: `Uger vundet = kontrolgruppens gennemsnitlige tid til selvforsørgelse inden for de første ${r.tau} uger minus indsatsgruppens (RMST, kolonne B og C); et positivt tal betyder, at indsatsgruppen blev selvforsørgende hurtigere og dermed var flere uger i selvforsørgelse. Andel af uger: forskel i procentpoint.`,
      en: `Weeks gained = the control group's mean time to self-support within the first ${r.tau} weeks minus the intervention group's (RMST, columns B and C); a positive number means the intervention group became self-supporting sooner and so spent more weeks in self-support. Share of weeks: difference in percentage points.`,
    },
  ]);
}

/** A number, or "–" when it is not a finite number. */
function num(v: number | null | undefined): CellValue {
  return v === null || v === undefined || !Number.isFinite(v) ? "–" : v;
}

function kmSection(b: Builder, input: RegisterSheetInput, data: ChartData): void {
  const lang = b.lang;
  const r = input.result;
  b.section(L.kmTitle);
  const bands = input.confidenceBands ?? true;
  const series: XYSeriesSpec[] = [];
  const top = b.last + 1;
  const [lo, hi] = [tx(L.lower, lang), tx(L.upper, lang)];
  const ranges: string[] = [];
  for (const [key, g] of [["intervention", r.intervention], ["control", r.control]] as const) {
    const name = tx(L[key], lang);
    const pts = stepCoordinates(g.curve);
    const { column: col, range } = data.add(top, [`${name}: ${tx(L.week, lang)}`, name, `${name}, ${tx(L.band, lang)} ${lo}`, `${name}, ${tx(L.band, lang)} ${hi}`], pts.map((p) => [p.x, p.y, p.lower, p.upper]), [COUNT_FORMAT, percentFormat(lang, 0), percentFormat(lang, 0), percentFormat(lang, 0)]);
    ranges.push(range);
    series.push({ name, xValues: col(0), yValues: col(1), color: COLOURS[key] });
    if (bands) series.push({ name: `${name}, ${tx(L.band, lang)} ${lo}`, xValues: col(0), yValues: col(2), color: COLOURS[key], dashed: true }, { name: `${name}, ${tx(L.band, lang)} ${hi}`, xValues: col(0), yValues: col(3), color: COLOURS[key], dashed: true });
  }
  // the chart's data block: both groups' columns, down to the longer of the two
  const bottom = Math.max(...ranges.map((x) => Number(/\d+$/.exec(x)?.[0])));
  const dataRange = `${ranges[0].split(":")[0]}:${ranges[1].split(":")[1].replace(/\d+$/, String(bottom))}`;
  placeChart(b, 18, 9, { name: "KaplanMeier", type: "xyScatterLines", dataRange, seriesBy: "columns", series, title: tx(L.kmTitle, lang), xAxisTitle: tx(L.weeksSinceStart, lang), yAxisTitle: tx(L.kmAxis, lang) });
  atRiskTable(b, r);
}

/** Numbers at risk per group at fixed weeks, under the Kaplan–Meier chart. */
function atRiskTable(b: Builder, r: RegisterResult): void {
  const lang = b.lang;
  const last = Math.max(...[r.intervention, r.control].map((g) => (g.curve.steps.length ? g.curve.steps[g.curve.steps.length - 1].time : 0)));
  const weeks = atRiskWeeks(last);
  b.line(tx(L.atRisk, lang), { italic: true });
  b.headerRow([tx(L.week, lang), ...weeks]);
  const first = b.last + 1;
  b.row(tx(L.intervention, lang), ...weeks.map((t) => atRisk(r.intervention.curve, t)));
  b.row(tx(L.control, lang), ...weeks.map((t) => atRisk(r.control.curve, t)));
  b.format(first - 1, b.last, 1, weeks.length, COUNT_FORMAT);
  b.style(`B${first - 1}:${columnLetter(weeks.length)}${b.last}`, { horizontalAlignment: "right" });
}

function weeklySection(b: Builder, input: RegisterSheetInput, data: ChartData): void {
  const lang = b.lang;
  const r = input.result;
  b.section(L.weeklyTitle);
  const top = b.last + 1;
  const I = tx(L.intervention, lang);
  const K = tx(L.control, lang);
  const { column: col, range } = data.add(top, [tx(L.week, lang), I, K], r.weeklyShare.map((w) => [w.week, w.intervention, w.control]), [COUNT_FORMAT, percentFormat(lang, 0), percentFormat(lang, 0)]);
  const series: XYSeriesSpec[] = [
    { name: I, xValues: col(0), yValues: col(1), color: COLOURS.intervention },
    { name: K, xValues: col(0), yValues: col(2), color: COLOURS.control },
  ];
  placeChart(b, 16, 9, { name: "UgentligAndel", type: "xyScatterLines", dataRange: range, seriesBy: "columns", series, title: tx(L.weeklyTitle, lang), xAxisTitle: tx(L.weeksSinceStart, lang), yAxisTitle: tx(L.weeklyAxis, lang) });
}

function windowsTable(b: Builder, r: RegisterResult): void {
  const lang = b.lang;
  b.section(L.windowsTitle);
  const [lo, hi] = ciHeads(r.rmstDifference.ci.level, lang);
  const I = tx(L.interventionShort, lang);
  const K = tx(L.controlShort, lang);
  b.headerRow([tx(L.period, lang), `${I} %`, `${I} ${tx(L.citizensN, lang)}`, `${K} %`, `${K} ${tx(L.citizensN, lang)}`, `${tx(L.difference, lang)}, ${lang === "da" ? "procentpoint" : "percentage points"}`, lo, hi, tx(L.p, lang)]);
  const first = b.last + 1;
  for (const w of r.windows) b.row(`${w.from}–${w.to}`, num(w.intervention.mean), w.intervention.n, num(w.control.mean), w.control.n, num(w.difference * 100), w.ci ? w.ci.lower * 100 : "–", w.ci ? w.ci.upper * 100 : "–", w.pValue ?? "–");
  const last = b.last;
  b.format(first, last, 1, 1, percentFormat(lang));
  b.format(first, last, 3, 3, percentFormat(lang));
  b.format(first, last, 2, 2, COUNT_FORMAT);
  b.format(first, last, 4, 4, COUNT_FORMAT);
  b.format(first, last, 5, 7, decimalFormat(1));
  b.format(first, last, 8, 8, pValueFormat(lang));
  if (last >= first) b.style(`B${first}:I${last}`, { horizontalAlignment: "right" });
}

function medianTable(b: Builder, r: RegisterResult): void {
  const lang = b.lang;
  b.section(L.medianTitle);
  const [lo, hi] = ciHeads(r.intervention.curve.confLevel, lang);
  b.headerRow([tx(L.group, lang), tx(L.citizens, lang), tx(L.events, lang), tx(L.median, lang), lo, hi]);
  const first = b.last + 1;
  const nr = tx(L.notReached, lang);
  for (const [key, g] of [["intervention", r.intervention], ["control", r.control]] as const) b.row(tx(L[key], lang), g.curve.n, g.curve.events, g.median.median ?? nr, g.median.lower ?? nr, g.median.upper ?? nr);
  b.format(first, b.last, 1, 2, COUNT_FORMAT);
  b.format(first, b.last, 3, 5, decimalFormat(1));
  b.style(`B${first}:F${b.last}`, { horizontalAlignment: "right" });
}

function logRankTable(b: Builder, r: RegisterResult, stratified: boolean): void {
  const lang = b.lang;
  b.section(L.logRankTitle);
  if (!r.logRank) {
    b.notes([L.noLogRank]);
    return;
  }
  b.headerRow([tx(L.test, lang), tx(L.chi2, lang), tx(L.df, lang), tx(L.p, lang)]);
  const first = b.row(tx(L.logRank, lang), r.logRank.statistic, r.logRank.df, r.logRank.pValue);
  if (stratified && r.stratifiedLogRank) b.row(tx(L.logRankStrat, lang), r.stratifiedLogRank.statistic, r.stratifiedLogRank.df, r.stratifiedLogRank.pValue);
  b.format(first, b.last, 1, 1, decimalFormat(2));
  b.format(first, b.last, 2, 2, COUNT_FORMAT);
  b.format(first, b.last, 3, 3, pValueFormat(lang));
  b.style(`B${first}:D${b.last}`, { horizontalAlignment: "right" });
}

function rmstTable(b: Builder, r: RegisterResult): void {
  const lang = b.lang;
  b.section(L.rmstTitle);
  const level = r.rmstDifference.ci.level;
  const [lo, hi] = ciHeads(level, lang);
  b.headerRow([tx(L.group, lang), tx(L.rmst, lang), tx(L.se, lang), lo, hi]);
  const z = qnorm(1 - (1 - level) / 2);
  const first = b.last + 1;
  for (const [key, g] of [["intervention", r.intervention], ["control", r.control]] as const) b.row(tx(L[key], lang), g.rmst.estimate, g.rmst.se, g.rmst.estimate - z * g.rmst.se, g.rmst.estimate + z * g.rmst.se);
  const d = r.rmstDifference;
  b.row(tx(L.rmstDiff, lang), d.estimate, d.se, d.ci.lower, d.ci.upper);
  b.format(first, b.last, 1, 4, decimalFormat(2));
  b.style(`B${first}:E${b.last}`, { horizontalAlignment: "right" });
}

function durableTable(b: Builder, r: RegisterResult): void {
  const d = r.durable;
  if (!d) return;
  const lang = b.lang;
  b.section({ da: `${L.durable.da}: mindst ${d.m} af ${d.n} uger ved uge ${d.at}`, en: `${L.durable.en}: at least ${d.m} of ${d.n} weeks at week ${d.at}` });
  const [lo, hi] = ciHeads(d.ci?.level ?? r.rmstDifference.ci.level, lang);
  b.headerRow([tx(L.group, lang), tx(L.durableX, lang), tx(L.durableN, lang), tx(L.share, lang), tx(L.unknown, lang)]);
  const first = b.last + 1;
  for (const [key, g] of [["intervention", d.intervention], ["control", d.control]] as const) b.row(tx(L[key], lang), g.x, g.n, g.n > 0 ? g.x / g.n : "–", g.unknown);
  b.format(first, b.last, 1, 2, COUNT_FORMAT);
  b.format(first, b.last, 3, 3, percentFormat(lang));
  b.format(first, b.last, 4, 4, COUNT_FORMAT);
  b.style(`B${first}:E${b.last}`, { horizontalAlignment: "right" });
  b.headerRow([tx(L.measure, lang), `${tx(L.difference, lang)}, ${lang === "da" ? "procentpoint" : "percentage points"}`, lo, hi]);
  const row = b.row(tx(L.durable, lang), d.difference === null ? "–" : d.difference * 100, d.ci ? d.ci.lower * 100 : "–", d.ci ? d.ci.upper * 100 : "–");
  b.format(row, row, 1, 3, decimalFormat(1));
  b.style(`B${row}:D${row}`, { horizontalAlignment: "right" });
}

function methodsSection(b: Builder, input: RegisterSheetInput): void {
  const r = input.result;
  const k = r.spellWeeks;
  b.section(L.methodsTitle);
  b.sentence({
    da: `Hændelse: den første uge i den første periode med mindst ${k} observerede uger i træk som selvforsørgende; borgerens startuge tæller som uge 1. En borger uden en sådan periode er censureret i sin sidste observerede uge. Det ændrer tallene: en borger, der forlader data før en periode på ${k} uger, tæller med som fulgt indtil da, ikke som "ikke selvforsørgende".`,
    en: `Event: the first week of the first spell of at least ${k} consecutive observed self-supporting weeks; the citizen's start week counts as week 1. A citizen without such a spell is censored at their last observed week. This changes the numbers: a citizen who leaves the data before a spell of ${k} weeks counts as followed until then, not as "not self-supporting".`,
  });
  b.sentence({
    da: "Kaplan–Meier-estimat pr. gruppe; figuren viser 1 − S(t), andelen der er blevet selvforsørgende. 95 % konfidensinterval ved log-log-transformation (Greenwoods varians), som R's survfit(conf.type = \"log-log\"). Mediantid: den første uge, hvor kurven S(t) kommer under 0,5; ligger kurven præcis på 0,5, midtpunktet mellem den uge og næste hændelsesuge (som R's quantile.survfit). Medianens interval fra båndets grænser på samme måde.",
    en: "Kaplan–Meier estimate per group; the chart shows 1 − S(t), the share who have become self-supporting. 95 % confidence interval by the log-log transformation (Greenwood's variance), as R's survfit(conf.type = \"log-log\"). Median time: the first week where S(t) falls below 0.5; where the curve lies at exactly 0.5, the midpoint between that week and the next event week (as R's quantile.survfit). The median's interval from the band's limits in the same way.",
  });
  b.sentence({
    da: `RMST: arealet under S(t) fra uge 0 til horisonten τ = ${r.tau} uger, den gennemsnitlige tid til selvforsørgelse inden for τ, med standardfejl som R's print(survfit, rmean = τ); forskellen mellem grupperne med normalfordelingsinterval. Log-rank-test som R's survdiff${input.stratified ? ", stratificeret efter strata, når analysen er stratificeret" : ""}.`,
    en: `RMST: the area under S(t) from week 0 to the horizon τ = ${r.tau} weeks, the mean time to self-support within τ, with the standard error of R's print(survfit, rmean = τ); the difference between the groups with a normal interval. Log-rank test as R's survdiff${input.stratified ? ", stratified by the strata when the analysis is stratified" : ""}.`,
  });
  b.sentence({
    da: "Andel af uger: for hver borger andelen af de observerede uger i perioden, hvor borgeren var selvforsørgende; gennemsnit pr. gruppe, forskel med Welch-t-test (R's t.test). Ugentlig andel: blandt de borgere, der er observeret i ugen.",
    en: "Share of weeks: per citizen the share of the observed weeks in the period in which the citizen was self-supporting; mean per group, difference with Welch's t-test (R's t.test). Weekly share: among the citizens observed that week.",
  });
  if (r.durable) {
    b.sentence({
      da: `Varig selvforsørgelse: selvforsørgende i mindst ${r.durable.m} af de ${r.durable.n} uger til og med uge ${r.durable.at}, blandt borgere observeret i alle ${r.durable.n} uger; forskel med Newcombes hybride score-interval (Wilson), som Sammenligningens forskel.`,
      en: `Durable self-support: self-supporting in at least ${r.durable.m} of the ${r.durable.n} weeks up to and including week ${r.durable.at}, among citizens observed in all ${r.durable.n} weeks; difference with Newcombe's hybrid score interval (Wilson), as the comparison's difference.`,
    });
  }
}

function settingsSection(b: Builder, input: RegisterSheetInput): void {
  const lang = b.lang;
  const s = input.source;
  const o = input.options;
  b.section(L.settings);
  const first = b.last + 1;
  const rows: [Text, CellValue][] = [
    [L.source, s.sheet],
    [L.layout, tx(s.layout === "wide" ? L.wide : L.long, lang)],
    [L.citizensRead, s.citizens],
    [L.unobserved, s.unobserved],
    [L.unknownGroup, s.unknownGroup],
    [L.unmapped, s.unmappedLabels],
    [L.spell, o.spellWeeks],
    [L.tau, o.tau],
    [L.windowsSetting, o.windows.map((w) => `${w.from}–${w.to}`).join(", ")],
    [L.durableSetting, o.durable ? `${o.durable.m} / ${o.durable.n} / ${o.durable.at}` : "–"],
    [L.stratifiedSetting, tx(input.stratified ? L.yes : L.no, lang)],
    [L.run, formatDateTime(input.madeAt, lang)],
  ];
  for (const [label, value] of rows) b.row(tx(label, lang), value);
  b.format(first, b.last, 1, 1, COUNT_FORMAT);
  b.style(`A${first}:A${b.last}`, { bold: true });
  b.style(`B${first}:B${b.last}`, { horizontalAlignment: "left" });
}

/** The "Registeropfølgning" sheet for one register analysis. */
export function buildRegisterSheet(input: RegisterSheetInput): SheetSpec {
  const lang = input.lang ?? "da";
  const b = new Builder(PRINTED_COLUMNS, lang);
  const data = new ChartData();
  titleSection(b, input);
  headlineSection(b, input);
  kmSection(b, input, data);
  weeklySection(b, input, data);
  windowsTable(b, input.result);
  medianTable(b, input.result);
  logRankTable(b, input.result, input.stratified ?? false);
  rmstTable(b, input.result);
  durableTable(b, input.result);
  methodsSection(b, input);
  settingsSection(b, input);
  const lastRow = b.last;
  b.widen();
  return {
    name: input.sheetName,
    tabColor: "#2E75B6",
    cells: [{ address: "A1", values: b.grid }, ...data.blocks],
    styles: [...b.styles, ...data.formats.map((f) => ({ range: f.range, style: { numberFormat: f.numberFormat } }))],
    merges: b.merges,
    columnWidths: [
      ...PRINTED_WIDTHS.map((w, i) => ({ columns: columnLetter(i), width: w })),
      { columns: `${columnLetter(PRINTED_COLUMNS)}:${columnLetter(Math.max(PRINTED_COLUMNS, data.lastColumn))}`, width: EXTRA_WIDTH },
    ],
    rowHeights: b.rowHeights,
    freeze: { rows: 1, columns: 0 },
    charts: b.charts,
    pageSetup: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printArea: `A1:${columnLetter(PRINTED_COLUMNS - 1)}${lastRow}`,
      printTitleRows: "$1:$1",
      footer: pageFooter(lang, tx(L.title, lang)),
    },
    activate: true,
  };
}
