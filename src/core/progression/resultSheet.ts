/**
 * The "Progression" results sheet: headline block, then per delmål the change from first to latest
 * score (with N, shares and the signed-rank test), reached / not reached (McNemar), the groups
 * compared, citizen vs caseworker agreement, status transitions with row totals and the share that
 * moved towards the slutmål, and native charts (score per round per delmål by group as lines;
 * status distribution per time point per group as stacked columns), sized for A4 landscape.
 * Every table states its N; every p-value names its test. Citizen IDs are never copied here.
 */
import type { Text } from "../stats";
import { VERSION } from "../version";
import { columnLetter, parseCell, rangeAddress } from "../report/address";
import { toSheetName } from "../report/sheetName";
import type { ChartSpec, SheetSpec } from "../report/sheetSpec";
import type { TransitionResult } from "./transitions";
import type { ItemResult, ProgressionResult, ProgressionTest } from "./types";
import { pageFooter } from "../report/pageFooter";
import { COUNT_FORMAT, decimalFormat, percentFormat } from "../report/numberFormats";
import { formatDateTime } from "../dateTime";
import { SheetWriter } from "../report/sheetWriter";
import { ANCOVA_WORDS, ancovaMethod, ancovaNotes, ancovaTable } from "../analysis/ancova";

type Lang = "da" | "en";
export const PROGRESSION_SHEET_NAME = "Progression";

const NUM = decimalFormat(1);
const N = COUNT_FORMAT;
const L = {
  title: { da: "Progression i delmål", en: "Progression in sub-goals" },
  source: { da: "Data", en: "Data" },
  citizens: { da: "Borgere", en: "Citizens" },
  run: { da: "Kørt", en: "Run" },
  version: { da: "Virkning-version", en: "Virkning version" },
  change: { da: "Ændring fra første til seneste måling", en: "Change from first to latest score" },
  item: { da: "Delmål", en: "Sub-goal" },
  measured: { da: "Målt, borgere", en: "Measured, citizens" },
  paired: { da: "N (≥ 2 målinger)", en: "N (≥ 2 scores)" },
  firstMedian: { da: "Første, median", en: "First, median" },
  latestMedian: { da: "Seneste, median", en: "Latest, median" },
  improved: { da: "Forbedret", en: "Improved" },
  unchanged: { da: "Uændret", en: "Unchanged" },
  worse: { da: "Forværret", en: "Worse" },
  medianChange: { da: "Median ændring", en: "Median change" },
  p: { da: "p-værdi", en: "p-value" },
  test: { da: "Test", en: "Test" },
  reached: { da: "Nået delmål (score ≥ tærskel)", en: "Sub-goal reached (score ≥ threshold)" },
  threshold: { da: "Tærskel", en: "Threshold" },
  reachedFirst: { da: "Nået ved første", en: "Reached at first" },
  reachedLatest: { da: "Nået ved seneste", en: "Reached at latest" },
  groups: { da: "Indsatsgruppe og kontrolgruppe", en: "Intervention and control group" },
  scoreAt: { da: "Score ved runde", en: "Score at round" },
  nI: { da: "N indsats", en: "N intervention" },
  impI: { da: "Forbedret, indsats", en: "Improved, intervention" },
  medI: { da: "Median ændring, indsats", en: "Median change, intervention" },
  nK: { da: "N kontrol", en: "N control" },
  impK: { da: "Forbedret, kontrol", en: "Improved, control" },
  medK: { da: "Median ændring, kontrol", en: "Median change, control" },
  pChange: { da: "p (ændring)", en: "p (change)" },
  pImproved: { da: "p (andel forbedret)", en: "p (share improved)" },
  agreement: { da: "Borgerens og sagsbehandlerens vurdering ved samme runde", en: "Citizen's and caseworker's scores at the same round" },
  pairs: { da: "N (par)", en: "N (pairs)" },
  agree: { da: "Samme score", en: "Same score" },
  crossTitle: { da: "borgerens score (rækker) mod sagsbehandlerens (kolonner)", en: "citizen's score (rows) by caseworker's (columns)" },
  cross: { da: "Borger \\ sagsbehandler", en: "Citizen \\ caseworker" },
  transitions: { da: "Statusskift mellem tidspunkter", en: "Status transitions between time points" },
  from: { da: "Fra \\ til", en: "From \\ to" },
  none: { da: "Ingen status", en: "No status" },
  total: { da: "I alt", en: "Total" },
  towards: { da: "Bevæget mod slutmålet", en: "Moved towards the final goal" },
  months: { da: "mdr.", en: "months" },
  all: { da: "Alle", en: "All" },
  intervention: { da: "Indsats", en: "Intervention" },
  control: { da: "Kontrol", en: "Control" },
  charts: { da: "Diagrammer", en: "Charts" },
  round: { da: "Runde", en: "Round" },
  meanScore: { da: "Gennemsnitlig score", en: "Mean score" },
  distribution: { da: "Status pr. tidspunkt", en: "Status per time point" },
  notes: { da: "Noter", en: "Notes" },
} satisfies Record<string, Text>;

/**
 * Printed column widths in points, A..K: the delmål's label, nine number columns, the test's name. 886 pt:
 * A4 landscape (741 pt inside Excel's normal margins) prints it at 84 %, above the 80 % a report needs. The
 * widest table (the change table) has eleven columns; a transition matrix with more statuses adds columns.
 */
const PRINTED_WIDTHS = [190, 64, 64, 64, 64, 64, 64, 64, 64, 64, 120];
/** Width of a column beyond K (a transition matrix or status distribution with many statuses). */
const EXTRA_WIDTH = 64;

/** The progression sheet's writer: whole percent, and its charts. */
class Writer extends SheetWriter {
  readonly charts: ChartSpec[] = [];
  constructor(lang: Lang) {
    super(lang, percentFormat(lang, 0));
  }
  /** Columns the sheet uses: the printed columns, or more when a table is wider. */
  get width(): number {
    return Math.max(PRINTED_WIDTHS.length, ...this.cells.map((c) => parseCell(c.address).column + Math.max(...c.values.map((r) => r.length))));
  }
}

/** Widths of the `width` columns in points. */
function columnWidths(width: number): number[] {
  return Array.from({ length: width }, (_, i) => PRINTED_WIDTHS[i] ?? EXTRA_WIDTH);
}

const share = (x: number, n: number): number | null => (n > 0 ? x / n : null);
const pOf = (t: ProgressionTest | null | undefined): number | string => (t ? t.pValue : "–");
const testName = (t: ProgressionTest | null | undefined, lang: Lang): string => (t ? t.method[lang] : "–");
const itemLabel = (r: ItemResult): string => `${r.item.id}: ${r.item.name}`;

function changeTable(w: Writer, res: ProgressionResult): void {
  w.heading(L.change);
  const rows = res.items.map((r) => {
    const c = r.change;
    return [itemLabel(r), r.measured, c.paired, r.firstMedian, r.latestMedian, share(c.improved, c.paired), share(c.unchanged, c.paired), share(c.worse, c.paired), c.medianChange, pOf(r.changeTest), testName(r.changeTest, w.lang)];
  });
  w.table([w.t(L.item), w.t(L.measured), w.t(L.paired), w.t(L.firstMedian), w.t(L.latestMedian), w.t(L.improved), w.t(L.unchanged), w.t(L.worse), w.t(L.medianChange), w.t(L.p), w.t(L.test)], rows, [undefined, N, N, NUM, NUM, w.PCT, w.PCT, w.PCT, NUM, w.P]);
}

function reachedTable(w: Writer, res: ProgressionResult): void {
  const items = res.items.filter((r) => r.reached !== null);
  if (items.length === 0) return;
  w.heading(L.reached);
  const rows = items.map((r) => {
    const [[a, b], [c]] = r.reached?.table ?? [[0, 0], [0, 0]];
    const n = r.change.paired;
    return [itemLabel(r), r.item.reachedAt, n, share(a + b, n), share(a + c, n), pOf(r.reached?.test), testName(r.reached?.test, w.lang)];
  });
  w.table([w.t(L.item), w.t(L.threshold), w.t(L.paired), w.t(L.reachedFirst), w.t(L.reachedLatest), w.t(L.p), w.t(L.test)], rows, [undefined, N, N, w.PCT, w.PCT, w.P]);
}

function groupTable(w: Writer, res: ProgressionResult): void {
  if (!res.groupsCompared) return;
  w.heading(L.groups);
  const rows = res.items.map((r) => {
    const g = r.groups;
    const i = g?.change.intervention;
    const k = g?.change.control;
    const tests = [g?.changeTest, g?.improvedTest].filter((x): x is ProgressionTest => !!x).map((x) => x.method[w.lang]);
    return [itemLabel(r), i?.paired ?? 0, share(i?.improved ?? 0, i?.paired ?? 0), i?.medianChange ?? null, k?.paired ?? 0, share(k?.improved ?? 0, k?.paired ?? 0), k?.medianChange ?? null, pOf(g?.changeTest), pOf(g?.improvedTest), tests.join("; ") || "–"];
  });
  w.table([w.t(L.item), w.t(L.nI), w.t(L.impI), w.t(L.medI), w.t(L.nK), w.t(L.impK), w.t(L.medK), w.t(L.pChange), w.t(L.pImproved), w.t(L.test)], rows, [undefined, N, w.PCT, NUM, N, w.PCT, NUM, w.P, w.P]);
}

/** The ANCOVA beside the group comparison: per delmål the last round's score adjusted for the first round's. */
function ancovaSection(w: Writer, res: ProgressionResult): void {
  const items = res.items.filter((r) => r.ancova);
  if (items.length === 0 && !res.ancovaNote) return;
  w.heading(ANCOVA_WORDS.title);
  if (res.ancovaNote) {
    w.note(w.t(res.ancovaNote));
    return;
  }
  const { first, last } = items[0].ancova!;
  const score = (round: number): Text => ({ da: `score ved runde ${round}`, en: `score at round ${round}` });
  w.line(`${w.t(L.scoreAt)} ${last}, ${w.t(ANCOVA_WORDS.adjustedFor)} ${w.t(score(first))}`, { bold: true });
  w.note(w.t(ANCOVA_WORDS.primary));
  const rows = items.map((r) => ({ label: itemLabel(r), summary: r.ancova!.summary }));
  const t = ancovaTable(rows, res.ancovaConfLevel ?? 0.95, w.lang);
  w.table(t.header.map((h, j) => (j === 0 ? w.t(L.item) : h)), t.cells, t.formats);
  for (const n of ancovaNotes(rows, w.lang)) w.note(n);
  w.note(w.t(ancovaMethod(w.t(score(last)), [w.t(score(first))])));
}

function agreementTable(w: Writer, res: ProgressionResult): void {
  const list = res.agreement.filter((a) => a.pairs > 0);
  if (list.length === 0) return;
  w.heading(L.agreement);
  const rows = list.map((a) => {
    const r = res.items.find((x) => x.item.id === a.itemId) as ItemResult;
    return [itemLabel(r), a.pairs, share(a.agree, a.pairs), pOf(a.test), testName(a.test, w.lang)];
  });
  w.table([w.t(L.item), w.t(L.pairs), w.t(L.agree), w.t(L.p), w.t(L.test)], rows, [undefined, N, w.PCT, w.P]);
  for (const a of list) {
    const r = res.items.find((x) => x.item.id === a.itemId) as ItemResult;
    const scores = a.table.map((_, i) => r.item.min + i);
    w.line(`${itemLabel(r)}: ${w.t(L.crossTitle)} (N = ${a.pairs})`, { bold: true });
    w.table([w.t(L.cross), ...scores.map(String), w.t(L.total)], a.table.map((row, i) => [scores[i], ...row, row.reduce((s2, x) => s2 + x, 0)]), new Array<string>(scores.length + 2).fill(N));
  }
}

function groupName(g: string, w: Writer): string {
  return g === "intervention" ? w.t(L.intervention) : g === "control" ? w.t(L.control) : w.t(L.all);
}

/** Indexes of the rows and columns of a transition matrix that hold at least one citizen (a 10×10 matrix is mostly zeros). */
export function nonZero(counts: number[][]): { rows: number[]; columns: number[] } {
  const width = counts[0]?.length ?? 0;
  const rows = counts.map((r, i) => (r.some((x) => x !== 0) ? i : -1)).filter((i) => i >= 0);
  const columns = Array.from({ length: width }, (_, j) => j).filter((j) => counts.some((r) => r[j] !== 0));
  return { rows, columns };
}

function transitionTables(w: Writer, tr: TransitionResult | null): void {
  if (!tr || tr.tables.length === 0) return;
  w.heading(L.transitions);
  const labels = [...tr.statuses, w.t(L.none)];
  for (const tb of tr.tables) {
    w.line(`${tb.fromMonth} → ${tb.toMonth} ${w.t(L.months)}, ${groupName(tb.group, w)} (N = ${tb.rowTotals.reduce((s, x) => s + x, 0)})`, { bold: true });
    // only the statuses someone had: all-zero rows and columns are left out (the totals are unchanged)
    const keep = nonZero(tb.counts);
    const rows = keep.rows.map((i) => [labels[i], ...keep.columns.map((j) => tb.counts[i][j]), tb.rowTotals[i]]);
    w.table([w.t(L.from), ...keep.columns.map((j) => labels[j]), w.t(L.total)], rows, ["", ...keep.columns.map(() => N), N]);
    const s = share(tb.towardsGoal, tb.ladderN);
    w.note(`${w.t(L.towards)}: ${tb.towardsGoal} / ${tb.ladderN}${s === null ? "" : ` (${Math.round(s * 100)} %)`}`);
  }
}

function scoreCharts(w: Writer, res: ProgressionResult): void {
  const groups: ("all" | "intervention" | "control")[] = res.groupsCompared ? ["intervention", "control"] : ["all"];
  res.items.forEach((r, k) => {
    if (r.rounds.length === 0) return;
    const top = w.row;
    const rows = r.rounds.map((x) => [x.round, ...groups.map((g) => x.mean[g])]);
    w.table([w.t(L.round), ...groups.map((g) => groupName(g, w))], rows, [N, NUM, NUM]);
    w.charts.push({
      name: toSheetName(`Progression ${r.item.id}`).name,
      type: "line",
      dataRange: rangeAddress(top, 0, rows.length + 1, groups.length + 1),
      seriesBy: "columns",
      title: `${w.t(L.meanScore)}: ${itemLabel(r)}`.slice(0, 120),
      // E–K: inside the printed columns
      topLeft: `E${top + 1}`,
      bottomRight: `K${top + 16}`,
      xAxisTitle: w.t(L.round),
      yAxisTitle: w.t(L.meanScore),
    });
    w.row = Math.max(w.row, top + 17);
    void k;
  });
}

function distributionChart(w: Writer, tr: TransitionResult | null): void {
  if (!tr || tr.distributions.length === 0) return;
  const top = w.row;
  const labels = [...tr.statuses, w.t(L.none)];
  const rows = tr.distributions.map((d) => [`${d.month} ${w.t(L.months)} ${groupName(d.group, w)}`, ...d.counts]);
  w.table(["", ...labels], rows, ["", ...labels.map(() => N)]);
  w.charts.push({
    name: "Status pr. tidspunkt",
    type: "columnStacked",
    dataRange: rangeAddress(top, 0, rows.length + 1, labels.length + 1),
    seriesBy: "columns",
    title: w.t(L.distribution),
    // Below its table, A–I: the page keeps its width however many statuses there are (A4 landscape).
    topLeft: `A${top + rows.length + 3}`,
    bottomRight: `I${top + rows.length + 24}`,
    yAxisTitle: w.t(L.citizens),
  });
  w.row = top + rows.length + 25;
}

export interface ProgressionSheetHeader {
  source: string;
  /** ISO time of the run (printed with formatDateTime). */
  generatedAt: string;
}

/** The results sheet. */
export function progressionSheetSpec(res: ProgressionResult, transitions: TransitionResult | null, header: ProgressionSheetHeader, lang: Lang = "da"): SheetSpec {
  const w = new Writer(lang);
  w.line(w.t(L.title), { bold: true, fontSize: 14 });
  w.note(`${w.t(L.source)}: ${header.source} · ${w.t(L.citizens)}: ${res.citizens} · ${w.t(L.run)}: ${formatDateTime(header.generatedAt, lang)} · ${w.t(L.version)} ${VERSION}`);
  for (const n of res.notes) w.note(n[lang]);
  changeTable(w, res);
  reachedTable(w, res);
  groupTable(w, res);
  ancovaSection(w, res);
  agreementTable(w, res);
  transitionTables(w, transitions);
  w.heading(L.charts);
  scoreCharts(w, res);
  distributionChart(w, transitions);
  const notes = res.items.flatMap((r) => r.notes.map((n) => `${r.item.id}: ${n[lang]}`));
  if (notes.length) {
    w.heading(L.notes);
    for (const n of notes) w.note(n);
  }
  const width = w.width;
  const widths = columnWidths(width);
  const { merges, rowHeights } = w.finishLines(width, widths.reduce((a, x) => a + x, 0));
  return {
    name: PROGRESSION_SHEET_NAME,
    tabColor: "#70AD47",
    cells: w.cells,
    styles: w.styles,
    merges,
    rowHeights,
    charts: w.charts,
    columnWidths: widths.map((x, i) => ({ columns: columnLetter(i), width: x })),
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printArea: `A1:${columnLetter(width - 1)}${w.row}`, printTitleRows: "$1:$1", footer: pageFooter(lang) },
    activate: true,
  };
}
