/**
 * The "Sammenligning" sheet, read top-down: title with the effort's name and one line on the data, the
 * headline (one outcome at one follow-up: shares, difference with CI, p and test, one plain sentence), the
 * outcomes (each table with its N, a sentence per follow-up on the CI, a chart of the shares), the status
 * table with a stacked chart, Tabel 1, missing data, the footnotes on methods, and the settings last.
 * Report-ready (issue 22): every count, share, effect, interval bound and p-value is a number with a format
 * (numberFormats.ts): intervals as two numbers (lower, upper), p with "<0,001" by its format, the footnote
 * marker and Fisher's p in their own columns; sentences in one wrapped cell. The status table has n, N and
 * the share per group in their own columns, one block per time point; Tabel 1 gives a continuous summary one
 * row per measure (mean, SD; median, quartiles or range), dates as date serials. No cell combines two numbers.
 * Chart data sit right of the printed columns; the printed columns fit A4 landscape at 82 % with the title
 * row repeated.
 */
import type { ComparisonResult, ContinuousSummary, EffectValue, OutcomeRow } from "./types";
import { confLabel } from "./settings";
import { outcomeHeadline } from "./headline";
import type { Text } from "../stats";
import { columnLetter } from "../report/address";
import type { CellValue, ChartSpec, DefinedNameSpec, SheetSpec, StyleRange } from "../report/sheetSpec";
import { TERMS } from "../vocabulary";
import { pageFooter } from "../report/pageFooter";
import { COUNT_FORMAT, DATE_FORMAT, decimalFormat, percentFormat, pValueFormat } from "../report/numberFormats";
import { formatDateTime } from "../dateTime";
import { wrappedLine } from "../report/wrappedLine";
import { adjustedSection } from "./adjustedSheet";

type Lang = "da" | "en";

export const COMPARISON_SHEET_NAME = "Sammenligning";

const HEAD_FILL = "#DDEBF7";
const NOTE_COLOUR = "#595959";
/**
 * Printed column widths in points, A..N: labels; n, N, % per group and the difference with its interval;
 * p, the footnote marker, Fisher's p, the test. 900 pt: A4 landscape (741 pt inside Excel's normal
 * margins) prints it at 82 %, above the 80 % a report needs; every table fits in these columns.
 */
export const PRINTED_WIDTHS = [140, 56, 56, 56, 56, 56, 56, 56, 56, 56, 52, 16, 52, 150];
/** Width of a column beyond N (chart data). */
export const EXTRA_WIDTH = 56;

const L = {
  data: { da: "Data", en: "Data" },
  rows: { da: "Rækker (borgere)", en: "Rows (citizens)" },
  groups: { da: "Indsatsgruppe / kontrolgruppe", en: "Intervention / control group" },
  run: { da: "Kørt", en: "Run" },
  version: { da: "Virkning-version", en: "Virkning version" },
  settings: { da: "Indstillinger", en: "Settings" },
  statusTitle: { da: "Status ved hvert tidspunkt", en: "Status at each time point" },
  status: { da: "Status", en: "Status" },
  blank: { da: "(tom – ikke fulgt op endnu)", en: "(empty – not yet followed up)" },
  months: { da: "mdr.", en: "months" },
  atInclusion: { da: "ved inklusion", en: "at inclusion" },
  intervention: TERMS.intervention,
  control: TERMS.control,
  interventionShort: TERMS.interventionShort,
  controlShort: TERMS.controlShort,
  outcomesTitle: { da: "Resultatmål ved opfølgning", en: "Outcomes at follow-up" },
  followUp: TERMS.followUp,
  difference: TERMS.difference,
  rr: TERMS.relativeRisk,
  or: TERMS.oddsRatio,
  p: TERMS.pValue,
  test: TERMS.test,
  outcome: TERMS.outcome,
  headlineTitle: { da: "Hovedresultat", en: "Headline result" },
  share: { da: "andel", en: "share" },
  noHeadline: { da: "Intet resultatmål har data i begge grupper ved en opfølgning; der er intet hovedresultat.", en: "No outcome has data in both groups at a follow-up; there is no headline result." },
  countsAs: { da: "Tæller som nået", en: "Counts as reached" },
  outcomeN: { da: "N = borgere med en gyldig status ved tidspunktet (se Manglende data og nævnere).", en: "N = citizens with a valid status at the time point (see Missing data and denominators)." },
  statusN: { da: "n = borgere med statussen ved tidspunktet, N = alle borgere i gruppen, % = n / N; hver borger tælles én gang pr. tidspunkt.", en: "n = citizens with the status at the time point, N = all citizens in the group, % = n / N; each citizen is counted once per time point." },
  smallMark: { da: "¹", en: "¹" },
  fisherCol: { da: "p, Fishers eksakte test ¹", en: "p, Fisher's exact test ¹" },
  lower: { da: "nedre", en: "lower" },
  upper: { da: "øvre", en: "upper" },
  chartShare: { da: "Andel, der har nået målet", en: "Share who reached the outcome" },
  chartStatus: { da: "Status ved hvert tidspunkt (andel af gruppen)", en: "Status at each time point (share of the group)" },
  chartData: { da: "Data til figurerne", en: "Data for the charts" },
  reachedBy: { da: "nået ved status", en: "reached by status" },
  noFollowUps: { da: "Ingen opfølgningstidspunkter (kun tidspunkt 0).", en: "No follow-up time points (only time 0)." },
  noOutcomes: { da: "Ingen resultatmål er valgt.", en: "No outcomes are chosen." },
  baselineTitle: { da: "Tabel 1. Baggrundskarakteristika ved inklusion", en: "Table 1. Baseline characteristics at inclusion" },
  variable: { da: "Variabel", en: "Variable" },
  category: { da: "Kategori / mål", en: "Category / measure" },
  missingValue: { da: "Mangler", en: "Missing" },
  mean: { da: "Gennemsnit", en: "Mean" },
  sd: { da: "Standardafvigelse (SD)", en: "Standard deviation (SD)" },
  median: { da: "Median", en: "Median" },
  q1: { da: "Nedre kvartil", en: "Lower quartile" },
  q3: { da: "Øvre kvartil", en: "Upper quartile" },
  min: { da: "Mindste", en: "Minimum" },
  max: { da: "Største", en: "Maximum" },
  nOrValue: { da: "n / værdi", en: "n / value" },
  grouped: { da: "grupperet", en: "grouped" },
  stratTitle: { da: "Stratificeret analyse (Mantel–Haenszel) efter", en: "Stratified analysis (Mantel–Haenszel) by" },
  mhDifference: { da: "Forskel MH, procentpoint", en: "Difference MH, percentage points" },
  mhOr: { da: "Oddsratio MH", en: "Odds ratio MH" },
  strataUsed: { da: "Strata", en: "Strata" },
  noBaseline: { da: "Ingen baggrundsvariable er valgt.", en: "No baseline variables are chosen." },
  missingTitle: { da: "Manglende data og nævnere", en: "Missing data and denominators" },
  timepoint: { da: "Tidspunkt", en: "Time point" },
  group: { da: "Gruppe", en: "Group" },
  total: { da: "Borgere i alt", en: "Citizens in total" },
  valid: { da: `${TERMS.classValid.da} (N)`, en: `${TERMS.classValid.en} (N)` },
  notFollowed: TERMS.classNotFollowedUp,
  moved: TERMS.classMovedAway,
  excluded: TERMS.classExcluded,
  notesTitle: { da: "Noter", en: "Notes" },
  note: { da: "Note", en: "Note" },
  dash: { da: "–", en: "–" },
} satisfies Record<string, Text>;

function tx(t: Text, lang: Lang): string {
  return lang === "en" ? t.en : t.da;
}

function monthLabel(m: number, lang: Lang): string {
  return m === 0 ? `0 ${tx(L.months, lang)} (${tx(L.atInclusion, lang)})` : `${m} ${tx(L.months, lang)}`;
}

type SummaryKind = "meanSd" | "medianIqr" | "medianRange";

/** The measures of a continuous summary, each its own row: mean and SD, median and quartiles, or median, minimum and maximum. */
function measures(kind: SummaryKind): [Text, (s: ContinuousSummary) => number | null][] {
  if (kind === "meanSd") return [[L.mean, (s) => s.mean], [L.sd, (s) => s.sd]];
  if (kind === "medianIqr") return [[L.median, (s) => s.median], [L.q1, (s) => s.q1], [L.q3, (s) => s.q3]];
  return [[L.median, (s) => s.median], [L.min, (s) => s.min], [L.max, (s) => s.max]];
}

/** One measure of a group's summary as a number, "–" without values. */
function measure(s: ContinuousSummary, get: (s: ContinuousSummary) => number | null): CellValue {
  const v = s.n === 0 ? null : get(s);
  return v === null || v === undefined ? "–" : v;
}

/**
 * Stable workbook names for the key results of an outcome row, so that other sheets (a leader's
 * overview, a budget) can refer to them and keep working after "Kør igen" moves the rows:
 * Virkning.Udfald<k>.<m>mdr.Indsats / .Kontrol (the shares, numbers) — k is the outcome's
 * number on the sheet, m the follow-up in months. The comment says what the number is.
 */
function resultNames(scope: string, k: number, outcome: string, o: OutcomeRow, r: number, lang: Lang): DefinedNameSpec[] {
  const base = `Virkning.${scope}Udfald${k + 1}.${o.month}mdr`;
  const what = (arm: Text): string => `${tx(arm, lang)}: ${tx(L.reachedBy, lang)} "${outcome}", ${monthLabel(o.month, lang)}`.slice(0, 255);
  const out: DefinedNameSpec[] = [];
  if (o.counts.intervention.n > 0) out.push({ name: `${base}.Indsats`, cell: `D${r}`, comment: what(L.intervention) });
  if (o.counts.control.n > 0) out.push({ name: `${base}.Kontrol`, cell: `G${r}`, comment: what(L.control) });
  return out;
}

export interface ComparisonSheetOptions {
  /** Sheet name (default "Sammenligning"; a named analysis gets "Sammenligning – <navn>"). */
  sheetName?: string;
  /** Inserted into the workbook names ("Virkning.<scope>.Udfald1…"); empty for the default analysis. */
  nameScope?: string;
}

/** Rows and formats of the sheet as they are built, top-down. */
export class Builder {
  readonly grid: CellValue[][] = [];
  readonly styles: StyleRange[] = [];
  readonly merges: string[] = [];
  readonly names: DefinedNameSpec[] = [];
  readonly charts: ChartSpec[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];
  /** Chart data: written right of the printed columns, from column `W + 1`. */
  private chartCol: number;
  constructor(
    readonly W: number,
    readonly lang: Lang,
  ) {
    this.chartCol = W + 1;
  }
  get last(): number {
    return this.grid.length;
  }
  row(...cells: CellValue[]): number {
    const r = new Array<CellValue>(this.W).fill("");
    cells.forEach((v, i) => (r[i] = v));
    this.grid.push(r);
    return this.grid.length; // 1-based Excel row
  }
  style(range: string, s: StyleRange["style"]): void {
    this.styles.push({ range, style: s });
  }
  /** A number format on rows `first`..`last` (1-based), columns `from`..`to` (0-based); nothing when there are no rows. */
  format(first: number, last: number, from: number, to: number, numberFormat: string): void {
    if (last >= first) this.style(`${columnLetter(from)}${first}:${columnLetter(to)}${last}`, { numberFormat });
  }
  rowRange(r: number, from = 0, to = this.W - 1): string {
    return `${columnLetter(from)}${r}:${columnLetter(to)}${r}`;
  }
  headerRow(cells: CellValue[]): number {
    const r = this.row(...cells);
    this.style(this.rowRange(r, 0, cells.length - 1), { bold: true, fill: HEAD_FILL, border: "bottom", wrapText: true, verticalAlignment: "bottom" });
    return r;
  }
  /**
   * A line of text alone in its row, merged across the printed columns. Text longer than the row wraps in
   * its one cell, and the row gets the height of its lines: Excel does not fit a merged cell's row height.
   */
  line(text: string, s: StyleRange["style"] = {}): number {
    const r = this.row(text);
    this.merges.push(this.rowRange(r));
    const width = PRINTED_WIDTHS.reduce((a, w) => a + w, 0) + Math.max(0, this.W - PRINTED_WIDTHS.length) * EXTRA_WIDTH;
    const fit = wrappedLine(text, width, s);
    if (fit.style) this.style(`A${r}`, fit.style);
    if (fit.height) this.rowHeights.push({ row: r, height: fit.height });
    return r;
  }
  /** A plain sentence (not a note): one cell, wrapped. */
  sentence(t: Text): void {
    this.line(tx(t, this.lang));
  }
  section(title: Text): void {
    this.row();
    this.line(tx(title, this.lang), { bold: true, fontSize: 12 });
  }
  notes(texts: Text[], prefix = ""): void {
    const seen = new Set<string>();
    for (const t of texts) {
      const s = tx(t, this.lang);
      if (seen.has(s)) continue;
      seen.add(s);
      this.line(prefix + s, { italic: true, fontColor: NOTE_COLOUR });
    }
  }
  /**
   * A chart over `rows` blank rows spanning columns A..`toCol`, from a data block (header row first) that is
   * written right of the printed columns at the chart's rows.
   */
  chart(c: Omit<ChartSpec, "dataRange" | "topLeft" | "bottomRight">, data: CellValue[][], rows: number, toCol: number): void {
    const top = this.last + 1;
    for (let i = 0; i < Math.max(rows, data.length); i++) this.row();
    const width = data[0].length;
    data.forEach((d, i) => d.forEach((v, j) => (this.grid[top - 1 + i][this.chartCol + j] = v)));
    const from = columnLetter(this.chartCol);
    const to = columnLetter(this.chartCol + width - 1);
    // shares in percent: the axis and the data labels take the source cells' format
    if (data.length > 1) this.format(top + 1, top + data.length - 1, this.chartCol + 1, this.chartCol + width - 1, percentFormat(this.lang, 0));
    this.charts.push({ ...c, dataRange: `${from}${top}:${to}${top + data.length - 1}`, topLeft: `A${top}`, bottomRight: `${columnLetter(toCol)}${top + rows - 1}` });
  }
  /** Widen every row to hold the chart data. */
  widen(): number {
    const width = Math.max(this.W, ...this.grid.map((r) => r.length));
    for (const r of this.grid) while (r.length < width) r.push("");
    return width;
  }
}

/**
 * The columns of the outcome tables (and the headline, which has the same): follow-up; n, N and share per
 * group; the difference with its interval as two numbers; p, its footnote marker, Fisher's p where χ² is
 * doubtful, and the test's name. Every number is a number with a format (numberFormats.ts).
 */
const COL = { iN: 1, iTotal: 2, iShare: 3, kN: 4, kTotal: 5, kShare: 6, est: 7, lower: 8, upper: 9, p: 10, mark: 11, fisher: 12, test: 13 } as const;
const PRINTED_COLUMNS = 14;

/** An effect and its interval as three numbers (×`scale`), or dashes. */
function effectCells(e: EffectValue | null, scale: number): CellValue[] {
  return e ? [e.estimate * scale, e.lower * scale, e.upper * scale] : ["–", "–", "–"];
}

/** p, the footnote marker, Fisher's p beside χ² when an expected count is small, and the test's name. */
function pCells(o: OutcomeRow, lang: Lang): CellValue[] {
  if (!o.test) return ["–", "", "", "–"];
  const small = o.test.smallExpected;
  if (!small) return [o.test.pValue, "", "", tx(o.test.method, lang)];
  return [o.test.pValue, tx(L.smallMark, lang), small.fisherP ?? "–", tx(o.test.method, lang)];
}

/** One outcome row in the table's columns (A: follow-up). */
function outcomeCells(o: OutcomeRow, lang: Lang): CellValue[] {
  const a = o.counts.intervention;
  const c = o.counts.control;
  return [monthLabel(o.month, lang), a.x, a.n, a.n > 0 ? a.x / a.n : "–", c.x, c.n, c.n > 0 ? c.x / c.n : "–", ...effectCells(o.riskDifference, 100), ...pCells(o, lang)];
}

function outcomeHeader(conf: number, lang: Lang): string[] {
  const I = tx(L.interventionShort, lang);
  const K = tx(L.controlShort, lang);
  const level = `${confLabel(conf, lang)} ${lang === "da" ? "KI" : "CI"}`;
  return [tx(L.followUp, lang), `${I} n`, `${I} N`, `${I} %`, `${K} n`, `${K} N`, `${K} %`, tx(L.difference, lang), `${level}, ${tx(L.lower, lang)}`, `${level}, ${tx(L.upper, lang)}`, tx(L.p, lang), "", tx(L.fisherCol, lang), tx(L.test, lang)];
}

/** Number formats of outcome rows `first`..`last` (the status table's rows use the columns up to `lastColumn`). */
function outcomeFormats(b: Builder, first: number, last: number, lastColumn: number = COL.fisher): void {
  const lang = b.lang;
  if (lastColumn < COL.est) {
    b.format(first, last, COL.iN, COL.iTotal, COUNT_FORMAT);
    b.format(first, last, COL.kN, COL.kTotal, COUNT_FORMAT);
    b.format(first, last, COL.iShare, COL.iShare, percentFormat(lang));
    b.format(first, last, COL.kShare, COL.kShare, percentFormat(lang));
    b.style(`${columnLetter(COL.iN)}${first}:${columnLetter(lastColumn)}${last}`, { horizontalAlignment: "right" });
    return;
  }
  b.format(first, last, COL.iN, COL.iTotal, COUNT_FORMAT);
  b.format(first, last, COL.kN, COL.kTotal, COUNT_FORMAT);
  b.format(first, last, COL.iShare, COL.iShare, percentFormat(lang));
  b.format(first, last, COL.kShare, COL.kShare, percentFormat(lang));
  b.format(first, last, COL.est, COL.upper, decimalFormat(1));
  b.format(first, last, COL.p, COL.p, pValueFormat(lang));
  b.format(first, last, COL.fisher, COL.fisher, pValueFormat(lang));
  b.style(`${columnLetter(COL.iN)}${first}:${columnLetter(COL.fisher)}${last}`, { horizontalAlignment: "right" });
  b.style(`${columnLetter(COL.mark)}${first}:${columnLetter(COL.mark)}${last}`, { horizontalAlignment: "left" });
}

function titleSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  const h = result.header;
  const title = h.effort ? `${h.effort}: ${tx(h.title, lang).replace(/^[^:]*:\s*/, "")}` : tx(h.title, lang);
  b.line(title, { bold: true, fontSize: 14 });
  const who =
    lang === "da"
      ? `${h.citizens.total} borgere (${h.citizens.intervention} i indsatsgruppen, ${h.citizens.control} i kontrolgruppen)`
      : `${h.citizens.total} citizens (${h.citizens.intervention} in the intervention group, ${h.citizens.control} in the control group)`;
  b.line(`${tx(L.data, lang)}: ${h.dataRange} · ${who} · ${tx(L.run, lang)} ${formatDateTime(h.generatedAt, lang)}`, { fontColor: NOTE_COLOUR });
}

function headlineSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  b.section(L.headlineTitle);
  const hl = result.headline;
  const orow = hl ? result.outcomes[hl.outcome].rows.find((r) => r.month === hl.month) : undefined;
  if (!hl || !orow) {
    b.notes([L.noHeadline]);
    return;
  }
  b.line(`${tx(L.outcome, lang)}: ${result.outcomes[hl.outcome].name}`, { bold: true });
  b.headerRow(outcomeHeader(result.confLevel, lang));
  const r = b.row(...outcomeCells(orow, lang));
  b.style(b.rowRange(r), { bold: true, verticalAlignment: "top" });
  outcomeFormats(b, r, r);
  // the same headline as the pane's summary: the interval sentence, small expected counts, a stratified disagreement
  for (const c of outcomeHeadline(orow, result.confLevel).caveats) b.sentence(c);
}

function outcomeSections(b: Builder, result: ComparisonResult, scope: string): void {
  const lang = b.lang;
  b.section(L.outcomesTitle);
  if (result.outcomes.length === 0) b.notes([L.noOutcomes]);
  else if (result.followUps.length === 0) b.notes([L.noFollowUps]);
  result.outcomes.forEach((o, k) => {
    b.line(o.name, { bold: true });
    b.notes([{ da: `${L.countsAs.da}: ${o.statuses.join(", ")}. ${L.outcomeN.da}`, en: `${L.countsAs.en}: ${o.statuses.join(", ")}. ${L.outcomeN.en}` }]);
    if (result.followUps.length === 0) return;
    b.headerRow(outcomeHeader(result.confLevel, lang));
    const first = b.last + 1;
    for (const orow of o.rows) b.names.push(...resultNames(scope, k, o.name, orow, b.row(...outcomeCells(orow, lang)), lang));
    outcomeFormats(b, first, b.last);
    relativeTable(b, o.rows, result.confLevel);
    if (result.stratification) stratifiedTable(b, o.rows, result.stratification.variables, result.confLevel);
    // per follow-up the same sentences as the pane's summary (headline.ts)
    for (const orow of o.rows) for (const c of outcomeHeadline(orow, result.confLevel).caveats) b.sentence(c);
    b.notes([...o.notes, ...o.rows.flatMap((x) => x.notes)], `${tx(L.note, lang)}: `);
    const data: CellValue[][] = [[tx(L.followUp, lang), tx(L.intervention, lang), tx(L.control, lang)]];
    for (const orow of o.rows) {
      const a = orow.counts.intervention;
      const c = orow.counts.control;
      data.push([monthLabel(orow.month, lang), a.n > 0 ? a.x / a.n : null, c.n > 0 ? c.x / c.n : null]);
    }
    b.chart({ name: `Udfald${k + 1}`, type: "columnClustered", seriesBy: "columns", title: `${o.name}: ${tx(L.chartShare, lang).toLowerCase()}`, xAxisTitle: tx(L.followUp, lang), yAxisTitle: tx(L.chartShare, lang), dataLabels: true }, data, 14, 6);
  });
}

/** Two effects with their intervals (B:D and E:G), two decimals: relative risk and odds ratio, or the MH measures. */
function pairHeader(first: Text, second: Text, conf: number, lang: Lang): string[] {
  const level = `${confLabel(conf, lang)} ${lang === "da" ? "KI" : "CI"}`;
  const lo = `${level}, ${tx(L.lower, lang)}`;
  const hi = `${level}, ${tx(L.upper, lang)}`;
  return [tx(L.followUp, lang), tx(first, lang), lo, hi, tx(second, lang), lo, hi];
}

/** Relative risk and odds ratio with their intervals, one row per follow-up, under the outcome's table. */
function relativeTable(b: Builder, rows: OutcomeRow[], conf: number): void {
  const lang = b.lang;
  b.headerRow(pairHeader(L.rr, L.or, conf, lang));
  const first = b.last + 1;
  for (const r of rows) b.row(monthLabel(r.month, lang), ...effectCells(r.relativeRisk, 1), ...effectCells(r.oddsRatio, 1));
  b.format(first, b.last, 1, 6, decimalFormat(2));
  b.style(`B${first}:G${b.last}`, { horizontalAlignment: "right" });
}

/** Mantel–Haenszel across strata, one row per follow-up, under the outcome's table. */
function stratifiedTable(b: Builder, rows: OutcomeRow[], variables: string[], conf: number): void {
  const lang = b.lang;
  b.line(`${tx(L.stratTitle, lang)}: ${variables.join(" × ")}`, { italic: true });
  const head: CellValue[] = [...pairHeader(L.mhDifference, L.mhOr, conf, lang), tx(L.strataUsed, lang), "", ""];
  head[COL.p] = tx(L.p, lang);
  head[COL.test] = tx(L.test, lang);
  b.headerRow(head);
  const first = b.last + 1;
  for (const r of rows) {
    const st = r.stratified;
    const cells: CellValue[] = [monthLabel(r.month, lang), ...effectCells(st?.riskDifference ?? null, 100), ...effectCells(st?.oddsRatio ?? null, 1), st?.strata ?? 0, "", ""];
    cells[COL.p] = st?.test ? st.test.pValue : "–";
    cells[COL.test] = st?.test ? tx(st.test.method, lang) : "–";
    b.row(...cells);
  }
  const last = b.last;
  b.format(first, last, 1, 3, decimalFormat(1));
  b.format(first, last, 4, 6, decimalFormat(2));
  b.format(first, last, 7, 7, COUNT_FORMAT);
  b.format(first, last, COL.p, COL.p, pValueFormat(lang));
  b.style(`B${first}:${columnLetter(COL.p)}${last}`, { horizontalAlignment: "right" });
  b.notes(rows.flatMap((r) => (r.stratified?.notes ?? []).map((n) => ({ da: `${monthLabel(r.month, "da")}: ${n.da}`, en: `${monthLabel(r.month, "en")}: ${n.en}` }))), `${tx(L.note, lang)}: `);
}

/**
 * The status table, one block per time point (a sub-heading, then a row per status) in the outcome tables'
 * columns: n, N and share per group, all numbers. Long rather than wide, so any number of time points fits.
 */
function statusSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  b.section(L.statusTitle);
  b.notes([L.statusN]);
  const st = result.statusTable;
  const I = tx(L.interventionShort, lang);
  const K = tx(L.controlShort, lang);
  b.headerRow([tx(L.status, lang), `${I} n`, `${I} N`, `${I} %`, `${K} n`, `${K} N`, `${K} %`]);
  const label = (i: number): string => (st.rows[i].class === "blank" ? tx(L.blank, lang) : st.rows[i].label);
  for (const month of result.months) {
    const ji = st.columns.findIndex((c) => c.month === month && c.arm === "intervention");
    const jk = st.columns.findIndex((c) => c.month === month && c.arm === "control");
    b.line(monthLabel(month, lang), { bold: true });
    const first = b.last + 1;
    const cells = (i: number, j: number): CellValue[] => (j < 0 ? ["–", "–", "–"] : nShare3(st.counts[i][j], st.columns[j].N));
    st.rows.forEach((_, i) => b.row(label(i), ...cells(i, ji), ...cells(i, jk)));
    outcomeFormats(b, first, b.last, COL.kShare);
  }
  if (st.rows.length === 0) return;
  // stacked bars: one bar per time point and group, one series per status
  const data: CellValue[][] = [[tx(L.timepoint, lang), ...st.rows.map((_, i) => label(i))]];
  st.columns.forEach((c, j) => {
    const arm = tx(c.arm === "intervention" ? L.interventionShort : L.controlShort, lang);
    data.push([`${c.month} ${tx(L.months, lang)} ${arm}`, ...st.rows.map((_, i) => (c.N > 0 ? st.counts[i][j] / c.N : null))]);
  });
  b.chart({ name: "Status", type: "barStacked", seriesBy: "columns", title: tx(L.chartStatus, lang), yAxisTitle: tx(L.chartShare, lang) }, data, Math.max(16, data.length + 4), b.W - 1);
}

/** n, N and the share n/N (a number; "–" without anyone in the group). */
function nShare3(n: number, N: number): CellValue[] {
  return [n, N, N > 0 ? n / N : "–"];
}

/** Tabel 1's columns: B category (runs into C), n and % per group (D:E, F:G; a continuous measure stands in D and F), SMD, p, test. */
const T1 = { category: 1, iN: 3, iPct: 4, kN: 5, kPct: 6, smd: 7 } as const;

/** A Tabel 1 row: the cells of each column, with `n`/`N` shown as n and share (numbers). */
function tabelRow(name: string, category: string, group: [CellValue, CellValue, CellValue, CellValue], smd: number | null, p: CellValue[]): CellValue[] {
  const r: CellValue[] = new Array<CellValue>(PRINTED_COLUMNS).fill("");
  r[0] = name;
  r[T1.category] = category;
  [r[T1.iN], r[T1.iPct], r[T1.kN], r[T1.kPct]] = group;
  r[T1.smd] = smd === null ? "–" : smd;
  if (p.length) [r[COL.p], r[COL.test]] = p;
  return r;
}

const nShare = (n: number, N: number): [CellValue, CellValue] => [n, N > 0 ? n / N : "–"];

function baselineSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  b.section(L.baselineTitle);
  const bt = result.baseline;
  if (bt.variables.length === 0) {
    b.notes([L.noBaseline]);
    return;
  }
  const head = tabelRow(tx(L.variable, lang), tx(L.category, lang), [`${tx(L.intervention, lang)} (N = ${bt.N.intervention})`, "", `${tx(L.control, lang)} (N = ${bt.N.control})`, ""], null, bt.pValues ? [tx(L.p, lang), tx(L.test, lang)] : []);
  head[T1.smd] = "SMD";
  const hr = b.headerRow(head);
  b.merges.push(`${columnLetter(T1.iN)}${hr}:${columnLetter(T1.iPct)}${hr}`, `${columnLetter(T1.kN)}${hr}:${columnLetter(T1.kPct)}${hr}`);
  const nv = bt.variables.some((v) => v.type !== "categorical") ? tx(L.nOrValue, lang) : "n";
  b.headerRow(tabelRow("", "", [nv, "%", nv, "%"], null, []).map((v, j) => (j === T1.smd ? "" : v)));
  const first = b.last + 1;
  const pcts: number[] = [];
  const values: number[] = [];
  const dates: number[] = [];
  for (const v of bt.variables) {
    const p = bt.pValues ? [v.test ? v.test.pValue : "–", v.test ? tx(v.test.method, lang) : "–"] : [];
    if (v.type === "categorical") {
      const nI = v.levels.reduce((s, l) => s + l.count.intervention, 0);
      const nK = v.levels.reduce((s, l) => s + l.count.control, 0);
      const yes = v.oneRow ? v.levels.find((l) => l.label === v.oneRow) : undefined;
      const cells = (l: (typeof v.levels)[number]): [CellValue, CellValue, CellValue, CellValue] => [...nShare(l.count.intervention, nI), ...nShare(l.count.control, nK)];
      if (yes) {
        // a yes/no variable: one row with the "yes" level (the other is its mirror image)
        pcts.push(b.row(...tabelRow(v.name, yes.label, cells(yes), yes.smd, p)));
        b.style(`A${b.last}`, { bold: true });
      } else {
        const name = v.derivedFrom ? `${v.name} (${tx(L.grouped, lang)})` : v.name;
        b.row(...tabelRow(name, "", ["", "", "", ""], null, p));
        b.style(`A${b.last}`, { bold: true });
        for (const l of v.levels) pcts.push(b.row(...tabelRow("", l.label, cells(l), l.smd, [])));
      }
    } else {
      // one row per measure (mean and SD, or median and its spread), each a number in the groups' first column;
      // a date is summarised by its median and range (dates have no mean a reader can use)
      const list = measures(v.isDate ? "medianRange" : v.summary);
      list.forEach(([what, get], i) => {
        const r = b.row(...tabelRow(i === 0 ? v.name : "", tx(what, lang), [measure(v.stats.intervention, get), "", measure(v.stats.control, get), ""], i === 0 ? v.smd : null, i === 0 ? p : []));
        (v.isDate ? dates : values).push(r);
        if (i > 0) b.grid[r - 1][T1.smd] = "";
      });
      b.style(`A${b.last - list.length + 1}`, { bold: true });
    }
    if (v.missing.intervention + v.missing.control > 0) b.row(...tabelRow("", tx(L.missingValue, lang), [v.missing.intervention, "", v.missing.control, ""], null, []).map((x, j) => (j === T1.smd ? "" : x)));
  }
  const last = b.last;
  b.format(first, last, T1.iN, T1.iN, COUNT_FORMAT);
  b.format(first, last, T1.kN, T1.kN, COUNT_FORMAT);
  for (const r of pcts) {
    b.format(r, r, T1.iPct, T1.iPct, percentFormat(lang));
    b.format(r, r, T1.kPct, T1.kPct, percentFormat(lang));
  }
  for (const [rows, f] of [[values, decimalFormat(1)], [dates, DATE_FORMAT]] as const)
    for (const r of rows) {
      b.format(r, r, T1.iN, T1.iN, f);
      b.format(r, r, T1.kN, T1.kN, f);
    }
  b.format(first, last, T1.smd, T1.smd, decimalFormat(2));
  b.format(first, last, COL.p, COL.p, pValueFormat(lang));
  b.style(`${columnLetter(T1.smd)}${first}:${columnLetter(COL.p)}${last}`, { horizontalAlignment: "right" });
  b.notes([...bt.variables.flatMap((v) => v.notes)], `${tx(L.note, lang)}: `);
  b.notes(bt.notes);
}

function missingSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  b.section(L.missingTitle);
  b.headerRow([tx(L.timepoint, lang), tx(L.group, lang), tx(L.total, lang), tx(L.valid, lang), tx(L.notFollowed, lang), tx(L.moved, lang), tx(L.excluded, lang)]);
  const first = b.last + 1;
  for (const m of result.missing) b.row(monthLabel(m.month, lang), tx(m.arm === "intervention" ? L.intervention : L.control, lang), m.total, m.valid, m.notFollowedUp, m.movedAway, m.excluded);
  if (result.missing.length > 0) b.style(`C${first}:G${b.last}`, { numberFormat: "0" });
}

function settingsSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  const h = result.header;
  b.section(L.settings);
  const meta: [Text, CellValue][] = [
    [L.data, h.dataRange],
    [L.rows, h.rowCount],
    [L.groups, `${h.citizens.intervention} / ${h.citizens.control}`],
    [L.run, formatDateTime(h.generatedAt, lang)],
    [L.version, h.version],
  ];
  const first = b.last + 1;
  for (const [label, value] of meta) b.row(tx(label, lang), value);
  b.format(first, b.last, 1, 1, COUNT_FORMAT);
  for (const s of h.settingsSummary) b.row(tx(s.label, lang), tx(s.value, lang));
  b.style(`A${first}:A${b.last}`, { bold: true });
  b.style(`B${first}:B${b.last}`, { horizontalAlignment: "left" });
}

/** A workbook-name scope from an analysis name: letters and digits only, e.g. "Unge under 30" → "Unge_under_30.". */
export function nameScope(analysisName: string | undefined): string {
  if (!analysisName) return "";
  const s = analysisName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/æ/gi, "ae").replace(/ø/gi, "oe").replace(/å/gi, "aa").replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60);
  return s ? `${/^[A-Za-z]/.test(s) ? "" : "A_"}${s}.` : "";
}

export function comparisonSheetSpec(result: ComparisonResult, lang: Lang = result.lang, options: ComparisonSheetOptions = {}): SheetSpec {
  // printed columns A..N; every table fits in them (the status table is long, one block per time point)
  const W = PRINTED_COLUMNS;
  const b = new Builder(W, lang);
  titleSection(b, result);
  headlineSection(b, result);
  outcomeSections(b, result, options.nameScope ?? "");
  statusSection(b, result);
  baselineSection(b, result);
  missingSection(b, result);
  adjustedSection(b, result);
  b.section(L.notesTitle);
  b.notes(result.notes);
  settingsSection(b, result);
  const lastRow = b.last;
  const width = b.widen();
  return {
    name: options.sheetName ?? COMPARISON_SHEET_NAME,
    tabColor: "#2E75B6",
    cells: [{ address: "A1", values: b.grid }],
    styles: b.styles,
    merges: b.merges,
    columnWidths: [
      ...PRINTED_WIDTHS.map((w, i) => ({ columns: columnLetter(i), width: w })),
      ...(width > PRINTED_COLUMNS ? [{ columns: `${columnLetter(PRINTED_COLUMNS)}:${columnLetter(width - 1)}`, width: EXTRA_WIDTH }] : []),
    ],
    rowHeights: b.rowHeights,
    freeze: { rows: 1, columns: 1 },
    names: b.names,
    charts: b.charts,
    pageSetup: {
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      printArea: `A1:${columnLetter(W - 1)}${lastRow}`,
      printTitleRows: "$1:$1",
      footer: pageFooter(lang, result.header.effort || undefined),
    },
    activate: true,
  };
}
