/**
 * The whole "Ledelsesoverblik" SheetSpec: page 1 (verdict, basis, decisions, key table, two charts,
 * theory chain), then Nøgletal and Tjekliste, each from a new page.
 *
 * Printing: A4 landscape at the scale at which page 1 fits one page (fit.ts; at least MIN_SCALE on
 * the sample and pilot-sized data, see test/unit/summary/fit.test.ts), manual page breaks before
 * Nøgletal and Tjekliste, rows 1–2 (title and edition line) repeated on every page, no gridlines,
 * footer with page and print date. Chart data lies in columns K and on, outside the print area A:I.
 * The sheet is protected except the cells the leader fills in (nøgletal entries, checklist answers
 * and notes).
 */
import type { ChartSpec, SheetSpec } from "../report/sheetSpec";
import { decideSection } from "./decide";
import { chainLines } from "./chainLine";
import { pageFit } from "./fit";
import { theoryFacts } from "./theoryBrief";
import { checklistSection, keyFigureFacts, keyFigureSection } from "./leaderBlocks";
import { L, tx } from "./labels";
import { range, Rows, WIDTH } from "./layout";
import { pageRelease } from "./release";
import { basisSection, chartAt, header, outcomeChartData, pageOutcomes, progressionChartData, resultsTable, SMALL, theorySection, verdictSection } from "./sheet";
import { SUMMARY_SHEET_NAME, type SummaryInput } from "./types";
import { pageFooter } from "../report/pageFooter";

export const SUMMARY_CHART_HEIGHT = 9;
/** Page 1 is printed at no less than this (the layout is tested to fit above it). */
export const MIN_SCALE = 0.8;

export interface SummarySpec {
  spec: SheetSpec;
  /** 0-based rows: the nøgletal entries, the checklist items, and the last row of page 1. */
  keyRows: [number, number];
  checkRows: [number, number];
  summaryEnd: number;
}

/** The two charts of page 1, side by side on reserved rows (no wrapped text on page 1, so the anchors do not move). */
function summaryCharts(input: SummaryInput, top: number, outcome: { range: string; name: string } | undefined, progression: string | undefined): ChartSpec[] {
  const lang = input.settings.lang;
  const charts: ChartSpec[] = [];
  const axis = `${tx(L.share, lang)} (%)`;
  if (outcome) charts.push({ ...chartAt("Udfald", "columnClustered", outcome.range, tx(L.chartOutcome, lang, { o: outcome.name }), top, 0, 3, SUMMARY_CHART_HEIGHT), xAxisTitle: tx(L.followUp, lang), yAxisTitle: axis });
  if (progression) charts.push({ ...chartAt("Progression", "columnClustered", progression, tx(L.chartProgression, lang), top, outcome ? 4 : 0, outcome ? 8 : 3, SUMMARY_CHART_HEIGHT), yAxisTitle: axis });
  return charts;
}

/** A:I = 930 points: 786 printable points at 84.5 %. A is wide enough for a slutmål's name on one line. */
const COLUMN_WIDTHS = [
  { columns: "A", width: 240 },
  { columns: "B", width: 66 },
  { columns: "C:D", width: 78 },
  { columns: "E", width: 84 },
  { columns: "F", width: 96 },
  { columns: "G", width: 140 },
  { columns: "H:I", width: 74 },
];
/** Points; the footer (Excel's footer margin 21.6) prints inside the bottom margin. */
const MARGINS = { top: 28, bottom: 36, left: 28, right: 28 };

/** Page 1: returns the charts and the last row. */
function pageOne(rows: Rows, input: SummaryInput): { charts: ChartSpec[] } {
  const lang = input.settings.lang;
  const rel = pageRelease(input);
  const c = input.comparison;
  const outcomes = c && "result" in c ? pageOutcomes(c.result, input, rel) : [];
  header(rows, input, rel);
  verdictSection(rows, input, outcomes);
  basisSection(rows, input, outcomes, rel);
  decideSection(rows, input, outcomes);
  resultsTable(rows, input, outcomes);
  chainLines(rows, input.chain, lang);
  const outcomeData = outcomeChartData(rows, input, rel);
  const progressionData = progressionChartData(rows, input, rel);
  const chartTop = outcomeData || progressionData ? rows.reserve(SUMMARY_CHART_HEIGHT) : -1;
  if (!input.progression || input.progression.items.length === 0) rows.add([tx(L.noProgression, lang)], SMALL);
  // the key table's source line names the progression too; without a key table it stands alone
  else if (outcomes.length === 0) rows.add([`${tx(L.source, lang)}: ${input.progression.source}`], SMALL);
  theorySection(rows, input);
  return { charts: chartTop >= 0 ? summaryCharts(input, chartTop, outcomeData, progressionData) : [] };
}

export function summarySheetSpec(input: SummaryInput): SummarySpec {
  const lang = input.settings.lang;
  const rows = new Rows();
  const { charts } = pageOne(rows, input);
  const summaryEnd = rows.next - 1;
  const keyStart = rows.next;
  const defs = input.entries.keyDefinitions ?? [];
  const key = keyFigureSection(rows, input.entries.keyFigures, defs, lang);
  rows.add();
  const checkStart = rows.next;
  const ctx = { theory: input.theory ? theoryFacts(input.theory) : null, keyFigures: keyFigureFacts(input.entries.keyFigures, defs) };
  const check = checklistSection(rows, input.entries.answers, ctx, lang);
  const last = rows.next - 1;
  const spec: SheetSpec = {
    name: SUMMARY_SHEET_NAME,
    tabColor: "#2F5597",
    cells: rows.blocks(),
    styles: rows.styles,
    columnWidths: COLUMN_WIDTHS,
    charts: [...charts, ...key.charts],
    pageSetup: { orientation: "landscape", paperSize: "A4", printArea: range(0, 0, last, WIDTH - 1), printTitleRows: "$1:$2", margins: MARGINS, footer: pageFooter(lang), rowBreaks: [keyStart + 1, checkStart + 1] },
    showGridlines: false,
    activate: true,
    protection: { unlocked: [...key.unlocked, ...check.unlocked] },
    dataValidations: [...check.validations, ...key.validations],
    conditionalFormats: key.conditional,
  };
  const fit = pageFit(spec, 0, summaryEnd, WIDTH);
  // the scale at which page 1 fits (never above 100 %; Excel accepts 10–400)
  spec.pageSetup!.scale = Math.max(10, Math.floor(fit.scale * 100));
  return { spec, keyRows: key.keyRows, checkRows: check.checkRows, summaryEnd };
}

