/**
 * The "Sammenligning" sheet, read top-down: title with the effort's name and one line on the data, the
 * headline (one outcome at one follow-up: shares, difference with CI, p and test, one plain sentence), the
 * outcomes (each table with its N, a sentence per follow-up on the CI, a chart of the shares), the status
 * table with a stacked chart, Tabel 1, missing data, the footnotes on methods, and the settings last.
 * Counts are numbers, shares are numbers with one percent format ("0.0 %", as formatPercent writes them);
 * combined cells "12 (40,0 %)" are text where that reads best. Chart data sit right of the printed columns.
 */
import type { ComparisonResult, ContinuousSummary, EffectValue, OutcomeRow } from "./types";
import { confLabel } from "./settings";
import { formatSerialDate } from "../data/values";
import { formatNumber, formatP, formatPercent, type Text } from "../stats";
import { columnLetter } from "../report/address";
import type { CellValue, ChartSpec, DefinedNameSpec, SheetSpec, StyleRange } from "../report/sheetSpec";
import { TERMS } from "../vocabulary";
import { pageFooter } from "../report/pageFooter";
import { formatDateTime } from "../dateTime";

type Lang = "da" | "en";

export const COMPARISON_SHEET_NAME = "Sammenligning";

const HEAD_FILL = "#DDEBF7";
const NOTE_COLOUR = "#595959";
const NOTE_CHARS = 150;

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
  statusN: { da: "Antal borgere (% af alle borgere i gruppen, N i kolonneoverskriften) ved hvert tidspunkt; hver borger tælles én gang pr. tidspunkt.", en: "Number of citizens (% of all citizens in the group, N in the column header) at each time point; each citizen is counted once per time point." },
  smallMark: { da: "¹", en: "¹" },
  smallNote: {
    da: "¹ Mindst ét forventet antal er under 5, så χ²-testens p-værdi kan ikke stoles på; Fishers eksakte p-værdi står i kolonnen Test.",
    en: "¹ At least one expected count is below 5, so the chi-squared p-value cannot be trusted; Fisher's exact p-value is given in the Test column.",
  },
  fisherP: { da: "Fishers eksakte test: p =", en: "Fisher's exact test: p =" },
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
  meanSd: { da: "Gennemsnit (SD)", en: "Mean (SD)" },
  medianRange: { da: "Median (min–maks)", en: "Median (min–max)" },
  medianIqr: { da: "Median (IQR)", en: "Median (IQR)" },
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

/** "Relativ risiko (90 % KI)": the interval's level as set, never a fixed 95 %. */
function withCi(label: { da: string; en: string }, level: number, lang: "da" | "en"): string {
  return lang === "da" ? `${label.da} (${confLabel(level, "da")} KI)` : `${label.en} (${confLabel(level, "en")} CI)`;
}

function tx(t: Text, lang: Lang): string {
  return lang === "en" ? t.en : t.da;
}

function monthLabel(m: number, lang: Lang): string {
  return m === 0 ? `0 ${tx(L.months, lang)} (${tx(L.atInclusion, lang)})` : `${m} ${tx(L.months, lang)}`;
}

/** The one percent format of the sheet: the same text as formatPercent ("30,0 %" / "30.0%"). */
function pctFormat(lang: Lang): string {
  return lang === "da" ? "0.0 %" : "0.0%";
}

function nPct(n: number, N: number, lang: Lang): string {
  return N > 0 ? `${n} (${formatPercent(n / N, 1, lang)})` : `${n}`;
}

function ci(e: EffectValue | null, scale: number, decimals: number, lang: Lang): string {
  if (!e) return "–";
  const f = (v: number): string => formatNumber(v * scale, decimals, lang);
  return `${f(e.estimate)} (${f(e.lower)} ${lang === "da" ? "til" : "to"} ${f(e.upper)})`;
}

function describe(s: ContinuousSummary, kind: "meanSd" | "medianIqr" | "medianRange", isDate: boolean, lang: Lang): string {
  if (s.n === 0 || s.median === null) return "–";
  if (isDate) return `${formatSerialDate(s.median)} (${formatSerialDate(s.min as number)}–${formatSerialDate(s.max as number)})`;
  const d = (v: number): string => formatNumber(v, 1, lang);
  if (kind === "meanSd") return `${d(s.mean as number)} (${s.sd === null ? "–" : d(s.sd)})`;
  if (kind === "medianIqr") return `${d(s.median)} (${d(s.q1 as number)}–${d(s.q3 as number)})`;
  return `${d(s.median)} (${d(s.min as number)}–${d(s.max as number)})`;
}

/** Split a long note into lines of at most `max` characters at word boundaries (text beyond column L is not printed). */
export function wrapNote(text: string, max = NOTE_CHARS): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur.length > 0 && cur.length + 1 + w.length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur.length > 0 ? `${cur} ${w}` : w;
  }
  if (cur.length > 0) lines.push(cur);
  return lines;
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
class Builder {
  readonly grid: CellValue[][] = [];
  readonly styles: StyleRange[] = [];
  readonly merges: string[] = [];
  readonly names: DefinedNameSpec[] = [];
  readonly charts: ChartSpec[] = [];
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
  rowRange(r: number, from = 0, to = this.W - 1): string {
    return `${columnLetter(from)}${r}:${columnLetter(to)}${r}`;
  }
  headerRow(cells: CellValue[]): number {
    const r = this.row(...cells);
    this.style(this.rowRange(r, 0, cells.length - 1), { bold: true, fill: HEAD_FILL, border: "bottom", wrapText: true, verticalAlignment: "bottom" });
    return r;
  }
  /** A line of text alone in its row, merged across the printed columns. */
  line(text: string, s: StyleRange["style"] = {}): number {
    const r = this.row(text);
    this.merges.push(this.rowRange(r));
    if (Object.keys(s).length > 0) this.style(`A${r}`, s);
    return r;
  }
  /** A plain sentence (not a note), wrapped like the notes. */
  sentence(t: Text): void {
    for (const l of wrapNote(tx(t, this.lang))) this.line(l);
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
      for (const l of wrapNote(prefix + s)) this.line(l, { italic: true, fontColor: NOTE_COLOUR });
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
    this.charts.push({ ...c, dataRange: `${from}${top}:${to}${top + data.length - 1}`, topLeft: `A${top}`, bottomRight: `${columnLetter(toCol)}${top + rows - 1}` });
  }
  /** Widen every row to hold the chart data. */
  widen(): number {
    const width = Math.max(this.W, ...this.grid.map((r) => r.length));
    for (const r of this.grid) while (r.length < width) r.push("");
    return width;
  }
}

function pCell(o: OutcomeRow, lang: Lang): [string, string] {
  if (!o.test) return ["–", "–"];
  const p = formatP(o.test.pValue, lang);
  const method = tx(o.test.method, lang);
  const small = o.test.smallExpected;
  if (!small) return [p, method];
  const fisher = small.fisherP === null ? "–" : formatP(small.fisherP, lang);
  return [`${p} ${tx(L.smallMark, lang)}`, `${method} ${tx(L.smallMark, lang)} (${tx(L.fisherP, lang)} ${fisher})`];
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
  const I = tx(L.interventionShort, lang);
  const K = tx(L.controlShort, lang);
  b.headerRow([tx(L.outcome, lang), tx(L.followUp, lang), `${I}, ${tx(L.share, lang)}`, `${I}, n / N`, `${K}, ${tx(L.share, lang)}`, `${K}, n / N`, withCi(L.difference, result.confLevel, lang), tx(L.p, lang), tx(L.test, lang)]);
  const a = orow.counts.intervention;
  const c = orow.counts.control;
  const [p, test] = pCell(orow, lang);
  const r = b.row(result.outcomes[hl.outcome].name, monthLabel(orow.month, lang), a.x / a.n, `${a.x} / ${a.n}`, c.x / c.n, `${c.x} / ${c.n}`, ci(orow.riskDifference, 100, 1, lang), p, test);
  b.style(`A${r}:I${r}`, { bold: true, wrapText: true, verticalAlignment: "top" });
  b.style(`C${r}`, { numberFormat: pctFormat(lang) });
  b.style(`E${r}`, { numberFormat: pctFormat(lang) });
  b.style(`D${r}:H${r}`, { horizontalAlignment: "right" });
  if (orow.ciSentence) b.sentence(orow.ciSentence);
  if (orow.test?.smallExpected) b.notes([L.smallNote]);
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
    const I = tx(L.interventionShort, lang);
    const K = tx(L.controlShort, lang);
    b.headerRow([tx(L.followUp, lang), `${I} n`, `${I} N`, `${I} %`, `${K} n`, `${K} N`, `${K} %`, withCi(L.difference, result.confLevel, lang), withCi(L.rr, result.confLevel, lang), withCi(L.or, result.confLevel, lang), tx(L.p, lang), tx(L.test, lang)]);
    const first = b.last + 1;
    for (const orow of o.rows) {
      const a = orow.counts.intervention;
      const c = orow.counts.control;
      const [p, test] = pCell(orow, lang);
      const r = b.row(monthLabel(orow.month, lang), a.x, a.n, a.n > 0 ? a.x / a.n : "–", c.x, c.n, c.n > 0 ? c.x / c.n : "–", ci(orow.riskDifference, 100, 1, lang), ci(orow.relativeRisk, 1, 2, lang), ci(orow.oddsRatio, 1, 2, lang), p, test);
      b.names.push(...resultNames(scope, k, o.name, orow, r, lang));
    }
    const last = b.last;
    b.style(`B${first}:C${last}`, { numberFormat: "0" });
    b.style(`E${first}:F${last}`, { numberFormat: "0" });
    b.style(`D${first}:D${last}`, { numberFormat: pctFormat(lang) });
    b.style(`G${first}:G${last}`, { numberFormat: pctFormat(lang) });
    b.style(`H${first}:K${last}`, { horizontalAlignment: "right" });
    if (result.stratification) stratifiedTable(b, o.rows, result.stratification.variables, result.confLevel);
    if (o.rows.some((x) => x.test?.smallExpected)) b.notes([L.smallNote]);
    for (const orow of o.rows) if (orow.ciSentence) b.sentence(orow.ciSentence);
    b.notes([...o.notes, ...o.rows.flatMap((x) => x.notes)], `${tx(L.note, lang)}: `);
    const data: CellValue[][] = [[tx(L.followUp, lang), tx(L.intervention, lang), tx(L.control, lang)]];
    for (const orow of o.rows) {
      const a = orow.counts.intervention;
      const c = orow.counts.control;
      data.push([monthLabel(orow.month, lang), a.n > 0 ? a.x / a.n : null, c.n > 0 ? c.x / c.n : null]);
    }
    b.chart({ name: `Udfald${k + 1}`, type: "columnClustered", seriesBy: "columns", title: `${o.name}: ${tx(L.chartShare, lang).toLowerCase()}`, xAxisTitle: tx(L.followUp, lang), yAxisTitle: tx(L.chartShare, lang) }, data, 14, 6);
  });
}

/** Mantel–Haenszel across strata, one row per follow-up, under the outcome's table. */
function stratifiedTable(b: Builder, rows: OutcomeRow[], variables: string[], conf: number): void {
  const lang = b.lang;
  b.line(`${tx(L.stratTitle, lang)}: ${variables.join(" × ")}`, { italic: true });
  b.headerRow([tx(L.followUp, lang), withCi(L.mhDifference, conf, lang), withCi(L.mhOr, conf, lang), tx(L.p, lang), tx(L.test, lang), tx(L.strataUsed, lang)]);
  const first = b.last + 1;
  for (const r of rows) {
    const st = r.stratified;
    b.row(monthLabel(r.month, lang), ci(st?.riskDifference ?? null, 100, 1, lang), ci(st?.oddsRatio ?? null, 1, 2, lang), st?.test ? formatP(st.test.pValue, lang) : "–", st?.test ? tx(st.test.method, lang) : "–", st?.strata ?? 0);
  }
  b.style(`B${first}:D${b.last}`, { horizontalAlignment: "right" });
  b.notes(rows.flatMap((r) => (r.stratified?.notes ?? []).map((n) => ({ da: `${monthLabel(r.month, "da")}: ${n.da}`, en: `${monthLabel(r.month, "en")}: ${n.en}` }))), `${tx(L.note, lang)}: `);
}

function statusSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  b.section(L.statusTitle);
  b.notes([L.statusN]);
  const st = result.statusTable;
  const months = result.months;
  const hdr1 = b.headerRow([tx(L.status, lang), ...months.flatMap((m) => [monthLabel(m, lang), ""])]);
  months.forEach((_, i) => b.merges.push(`${columnLetter(1 + 2 * i)}${hdr1}:${columnLetter(2 + 2 * i)}${hdr1}`));
  b.style(b.rowRange(hdr1, 1, 2 * months.length), { horizontalAlignment: "center" });
  b.headerRow(["", ...st.columns.map((c) => `${tx(c.arm === "intervention" ? L.interventionShort : L.controlShort, lang)} (N = ${c.N})`)]);
  const first = b.last + 1;
  const label = (i: number): string => (st.rows[i].class === "blank" ? tx(L.blank, lang) : st.rows[i].label);
  st.rows.forEach((_, i) => b.row(label(i), ...st.columns.map((c, j) => nPct(st.counts[i][j], c.N, lang))));
  if (st.rows.length === 0) return;
  b.style(`B${first}:${columnLetter(2 * months.length)}${b.last}`, { horizontalAlignment: "right" });
  // stacked bars: one bar per time point and group, one series per status
  const data: CellValue[][] = [[tx(L.timepoint, lang), ...st.rows.map((_, i) => label(i))]];
  st.columns.forEach((c, j) => {
    const arm = tx(c.arm === "intervention" ? L.interventionShort : L.controlShort, lang);
    data.push([`${c.month} ${tx(L.months, lang)} ${arm}`, ...st.rows.map((_, i) => (c.N > 0 ? st.counts[i][j] / c.N : null))]);
  });
  b.chart({ name: "Status", type: "barStacked", seriesBy: "columns", title: tx(L.chartStatus, lang), yAxisTitle: tx(L.chartShare, lang) }, data, Math.max(16, data.length + 4), b.W - 1);
}

function baselineSection(b: Builder, result: ComparisonResult): void {
  const lang = b.lang;
  b.section(L.baselineTitle);
  const bt = result.baseline;
  if (bt.variables.length === 0) {
    b.notes([L.noBaseline]);
    return;
  }
  const cols = [tx(L.variable, lang), tx(L.category, lang), `${tx(L.intervention, lang)}\n(N = ${bt.N.intervention})`, `${tx(L.control, lang)}\n(N = ${bt.N.control})`, "SMD"];
  if (bt.pValues) cols.push(tx(L.p, lang), tx(L.test, lang));
  b.headerRow(cols);
  const first = b.last + 1;
  for (const v of bt.variables) {
    const p = bt.pValues ? [v.test ? formatP(v.test.pValue, lang) : "–", v.test ? tx(v.test.method, lang) : "–"] : [];
    if (v.type === "categorical") {
      const nI = v.levels.reduce((s, l) => s + l.count.intervention, 0);
      const nK = v.levels.reduce((s, l) => s + l.count.control, 0);
      const yes = v.oneRow ? v.levels.find((l) => l.label === v.oneRow) : undefined;
      if (yes) {
        // a yes/no variable: one row with the "yes" level (the other is its mirror image)
        const r = b.row(v.name, yes.label, nPct(yes.count.intervention, nI, lang), nPct(yes.count.control, nK, lang), yes.smd === null ? "–" : yes.smd, ...p);
        b.style(`A${r}`, { bold: true });
      } else {
        const name = v.derivedFrom ? `${v.name} (${tx(L.grouped, lang)})` : v.name;
        const r = b.row(name, "", "", "", "", ...p);
        b.style(`A${r}`, { bold: true });
        for (const l of v.levels) b.row("", l.label, nPct(l.count.intervention, nI, lang), nPct(l.count.control, nK, lang), l.smd === null ? "–" : l.smd);
      }
    } else {
      const r = b.row(v.name, tx(v.summary === "meanSd" ? L.meanSd : v.summary === "medianIqr" ? L.medianIqr : L.medianRange, lang), describe(v.stats.intervention, v.summary, v.isDate, lang), describe(v.stats.control, v.summary, v.isDate, lang), v.smd === null ? "–" : v.smd, ...p);
      b.style(`A${r}`, { bold: true });
    }
    if (v.missing.intervention + v.missing.control > 0) b.row("", tx(L.missingValue, lang), v.missing.intervention, v.missing.control);
  }
  b.style(`C${first}:D${b.last}`, { horizontalAlignment: "right" });
  b.style(`E${first}:E${b.last}`, { numberFormat: "0.00", horizontalAlignment: "right" });
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
  // printed columns A..L, wider when the status table has more than five time points
  const W = Math.max(12, 1 + 2 * result.months.length);
  const b = new Builder(W, lang);
  titleSection(b, result);
  headlineSection(b, result);
  outcomeSections(b, result, options.nameScope ?? "");
  statusSection(b, result);
  baselineSection(b, result);
  missingSection(b, result);
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
      { columns: "A", width: 190 },
      { columns: "B:G", width: 105 },
      { columns: "H", width: 150 },
      { columns: "I:J", width: 130 },
      { columns: "K", width: 60 },
      { columns: "L", width: 170 },
      ...(width > W ? [{ columns: `${columnLetter(W + 1)}:${columnLetter(width - 1)}`, width: 70 }] : []),
    ],
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
