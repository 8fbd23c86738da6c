/**
 * The whole "Ledelsesoverblik" SheetSpec: page 1 (summary and charts), Nøgletal, Tjekliste.
 *
 * Printing: A4 landscape, fitted to the page width, rows 1–2 (title and data line) repeated on
 * every page, no gridlines, footer with page and print date. Chart data lies in columns K and on,
 * outside the print area A:I. The sheet is protected except the cells the leader fills in
 * (nøgletal entries, checklist answers and notes).
 */
import type { ChartSpec, SheetSpec } from "../report/sheetSpec";
import { theoryFacts } from "./theoryBrief";
import { checklistSection, keyFigureFacts, keyFigureSection } from "./leaderBlocks";
import { L, tx } from "./labels";
import { range, Rows, WIDTH } from "./layout";
import { chartAt, header, outcomeChartData, progressionChartData, progressionSection, resultsIntro, resultsTable, theorySection } from "./sheet";
import { SUMMARY_SHEET_NAME, type SummaryInput } from "./types";
import { pageFooter } from "../report/pageFooter";

const SUMMARY_CHART_HEIGHT = 14;

export interface SummarySpec {
  spec: SheetSpec;
  /** 0-based rows: the nøgletal entries, the checklist items, and the last row of page 1. */
  keyRows: [number, number];
  checkRows: [number, number];
  summaryEnd: number;
}

/**
 * Charts of page 1, side by side in rows reserved above the results table: above any wrapped text,
 * so their cell anchors do not depend on row heights that Excel sets only when it lays out the text.
 */
function summaryCharts(input: SummaryInput, top: number, outcome: { range: string; name: string } | undefined, progression: string | undefined): ChartSpec[] {
  const lang = input.settings.lang;
  const charts: ChartSpec[] = [];
  if (outcome) charts.push({ ...chartAt("Udfald", "columnClustered", outcome.range, tx(L.chartOutcome, lang, { o: outcome.name }), top, 0, 3, SUMMARY_CHART_HEIGHT), xAxisTitle: tx(L.followUp, lang) });
  if (progression) charts.push(chartAt("Progression", "barClustered", progression, tx(L.chartProgression, lang), top, outcome ? 5 : 0, outcome ? 8 : 3, SUMMARY_CHART_HEIGHT));
  return charts;
}

export function summarySheetSpec(input: SummaryInput): SummarySpec {
  const lang = input.settings.lang;
  const rows = new Rows();
  header(rows, input);
  rows.add();
  theorySection(rows, input);
  rows.add();
  const intro = resultsIntro(rows, input);
  const outcomeData = intro ? outcomeChartData(rows, intro.outcomes[0], input) : undefined;
  const progressionData = progressionChartData(rows, input);
  // one empty row above the charts: rows with larger fonts grow when Excel lays them out
  const chartTop = outcomeData || progressionData ? rows.reserve(SUMMARY_CHART_HEIGHT + 2) + 1 : -1;
  if (intro) resultsTable(rows, input, intro);
  rows.add();
  progressionSection(rows, input);
  const charts = chartTop >= 0 ? summaryCharts(input, chartTop, outcomeData, progressionData) : [];
  const summaryEnd = rows.next - 1;
  rows.add();
  const key = keyFigureSection(rows, input.entries.keyFigures, lang);
  rows.add();
  const ctx = { theory: input.theory ? theoryFacts(input.theory) : null, keyFigures: keyFigureFacts(input.entries.keyFigures) };
  const check = checklistSection(rows, input.entries.answers, ctx, lang);
  const last = rows.next - 1;
  const spec: SheetSpec = {
    name: SUMMARY_SHEET_NAME,
    tabColor: "#2F5597",
    cells: rows.blocks(),
    styles: rows.styles,
    columnWidths: [
      { columns: "A", width: 220 },
      { columns: "B", width: 72 },
      { columns: "C:G", width: 78 },
      { columns: "H", width: 200 },
      { columns: "I", width: 130 },
    ],
    charts: [...charts, ...key.charts],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printArea: range(0, 0, last, WIDTH - 1), printTitleRows: "$1:$2", margins: { top: 42, bottom: 42, left: 28, right: 28 }, footer: pageFooter(lang) },
    showGridlines: false,
    activate: true,
    protection: { unlocked: [...key.unlocked, ...check.unlocked] },
    dataValidations: check.validations,
    conditionalFormats: key.conditional,
  };
  return { spec, keyRows: key.keyRows, checkRows: check.checkRows, summaryEnd };
}
