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
import { chartAt, header, progressionSection, resultsSection, theorySection } from "./sheet";
import { SUMMARY_SHEET_NAME, type SummaryInput } from "./types";

const SUMMARY_CHART_HEIGHT = 14;

export interface SummarySpec {
  spec: SheetSpec;
  /** 0-based rows: the nøgletal entries, the checklist items, and the last row of page 1. */
  keyRows: [number, number];
  checkRows: [number, number];
  summaryEnd: number;
}

/** Charts of page 1, side by side under the tables. */
function summaryCharts(rows: Rows, input: SummaryInput, outcome: { range: string; name: string } | undefined, progression: string | undefined): ChartSpec[] {
  const lang = input.settings.lang;
  const charts: ChartSpec[] = [];
  if (!outcome && !progression) return charts;
  const top = rows.reserve(SUMMARY_CHART_HEIGHT);
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
  const results = resultsSection(rows, input);
  rows.add();
  const prog = progressionSection(rows, input);
  rows.add();
  const charts = summaryCharts(rows, input, results.chart, prog.chart);
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
      { columns: "A", width: 200 },
      { columns: "B", width: 55 },
      { columns: "C:G", width: 72 },
      { columns: "H", width: 230 },
      { columns: "I", width: 170 },
    ],
    charts: [...charts, ...key.charts],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printArea: range(0, 0, last, WIDTH - 1), printTitleRows: "$1:$2", footerDateAndPage: { pageWord: tx(L.page, lang) } },
    showGridlines: false,
    activate: true,
    protection: { unlocked: [...key.unlocked, ...check.unlocked] },
    dataValidations: check.validations,
    conditionalFormats: key.conditional,
  };
  return { spec, keyRows: key.keyRows, checkRows: check.checkRows, summaryEnd };
}
