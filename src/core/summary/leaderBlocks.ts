/**
 * The blocks the leader fills in: Nøgletal (key figures month by month) and KL's checklist. The
 * add-in owns the layout, the leader owns the entries: `parseLeaderEntries` reads them back from an
 * existing sheet by key (key figure + month; checklist item number), never by position, and the
 * builders below put them back into the new layout.
 */
import type { CellScalar, CellValue, ChartSpec } from "../report/sheetSpec";
import { formula, formulaText } from "../report/sheetSpec";
import type { ConditionalFillSpec, ListValidationSpec } from "../report/sheetSpecExtras";
import { ANSWER_LABEL, ANSWERS, CHECKLIST, CHECKLIST_SOURCE, parseAnswer, suggestAnswers, type ChecklistContext } from "./checklist";
import { entryNumber, evaluateKeyFigure, keyFigureRows, keyFigureSeries, normaliseMonth, type KeyFigureEntry } from "./keyFigures";
import { L, tx } from "./labels";
import { range, type Rows } from "./layout";
import { chartAt, ENTRY_FILL, FLAG_FILL, HEAD, NOTE, SECTION } from "./sheet";
import type { Lang, LeaderEntries } from "./types";

export interface LeaderBlocks {
  unlocked: string[];
  validations: ListValidationSpec[];
  conditional: ConditionalFillSpec[];
  charts: ChartSpec[];
  /** 0-based first and last row of the nøgletal entries and of the checklist items. */
  keyRows: [number, number];
  checkRows: [number, number];
}

const KEY_CHART_HEIGHT = 12;

/** Facts the checklist's suggestions use. */
export function keyFigureFacts(entries: KeyFigureEntry[]): ChecklistContext["keyFigures"] {
  let withTarget = 0;
  let withTargetAndActual = 0;
  let flagged = 0;
  let flaggedAnswered = 0;
  for (const e of entries) {
    if (e.target === null) continue;
    withTarget++;
    if (e.actual !== null) withTargetAndActual++;
    if (evaluateKeyFigure(e).flagged) {
      flagged++;
      if (e.explanation.trim() !== "" && e.action.trim() !== "") flaggedAnswered++;
    }
  }
  return { withTarget, withTargetAndActual, flagged, flaggedAnswered };
}

function keyRow(e: KeyFigureEntry, r: number, lang: Lang): CellValue[] {
  const a = (c: string): string => `${c}${r + 1}`;
  const dev = formula(`=IF(${a("C")}="","",IF(${a("D")}="","",${a("D")}-${a("C")}))`);
  const flag = formula(`=IF(${a("F")}="","",IF(${a("E")}="","",IF(ABS(${a("F")})>${a("E")},${formulaText(tx(L.flagged, lang))},${formulaText(tx(L.ok, lang))})))`);
  return [e.figure, e.month, e.target, e.actual, e.tolerance, dev, flag, e.explanation, e.action];
}

/** The Nøgletal block with its formulas, entry cells and flag fill, then one line chart per key figure. */
export function keyFigureSection(rows: Rows, entries: KeyFigureEntry[], lang: Lang): Omit<LeaderBlocks, "checkRows" | "validations"> {
  rows.add([tx(L.keyTitle, lang)], SECTION);
  // one sentence a row: unwrapped notes run across the columns to the right, within the print width
  for (const sentence of tx(L.keyHelp, lang).split(/(?<=\.) (?=[A-ZÆØÅ])/)) rows.add([sentence], NOTE);
  const facts = entries.filter((e) => e.target !== null && e.actual !== null);
  rows.add([tx(L.keyStatus, lang, { f: facts.filter((e) => evaluateKeyFigure(e).flagged).length, n: facts.length })], { bold: true });
  const all = keyFigureRows(entries, lang);
  const charts = keyFigureCharts(rows, all, lang);
  rows.add([tx(L.figure, lang), tx(L.month, lang), tx(L.target, lang), tx(L.actual, lang), tx(L.tolerance, lang), tx(L.deviation, lang), tx(L.flag, lang), tx(L.explanation, lang), tx(L.action, lang)], HEAD);
  const first = rows.next;
  for (const e of all) rows.add(keyRow(e, rows.next, lang), { verticalAlignment: "top", border: "grid", borderColor: "#BFBFBF" });
  const last = rows.next - 1;
  rows.style(first, 0, last, 0, { wrapText: true });
  rows.style(first, 1, last, 1, { numberFormat: "@" });
  rows.style(first, 7, last, 8, { wrapText: true });
  rows.style(first, 0, last, 4, { fill: ENTRY_FILL });
  rows.style(first, 7, last, 8, { fill: ENTRY_FILL });
  rows.style(first, 5, last, 5, { numberFormat: "0.0" });
  const unlocked = [range(first, 0, last, 4), range(first, 7, last, 8)];
  const conditional: ConditionalFillSpec[] = [{ range: range(first, 0, last, 8), formula: formula(`=$G${first + 1}=${formulaText(tx(L.flagged, lang))}`), fill: FLAG_FILL }];
  return { unlocked, conditional, charts, keyRows: [first, last] };
}

/**
 * One line chart per key figure (target and actual by month), two side by side, in rows reserved
 * above the table (above any wrapped text, so the anchors do not depend on row heights).
 */
function keyFigureCharts(rows: Rows, all: KeyFigureEntry[], lang: Lang): ChartSpec[] {
  const series = keyFigureSeries(all);
  if (series.length === 0) return [];
  rows.add([tx(L.keyChartsTitle, lang)], { bold: true });
  const top = rows.reserve(Math.ceil(series.length / 2) * KEY_CHART_HEIGHT);
  return series.map((s, i) => {
    const data = rows.data([[tx(L.month, lang), tx(L.target, lang), tx(L.actual, lang)], ...s.points.map((p) => [p.month, p.target, p.actual] as CellValue[])]);
    const t = top + Math.floor(i / 2) * KEY_CHART_HEIGHT;
    return { ...chartAt(`Noegletal${i + 1}`, "line", data, s.figure, t, i % 2 === 0 ? 0 : 5, i % 2 === 0 ? 3 : 8, KEY_CHART_HEIGHT - 1), xAxisTitle: tx(L.month, lang) };
  });
}

/** KL's checklist with the leader's answers (by item number) and the workbook's suggestions. */
export function checklistSection(rows: Rows, answers: LeaderEntries["answers"], ctx: ChecklistContext, lang: Lang): Pick<LeaderBlocks, "unlocked" | "validations" | "checkRows"> {
  rows.add([tx(L.checklistTitle, lang)], SECTION);
  rows.add([tx(CHECKLIST_SOURCE, lang)], NOTE);
  rows.add([tx(L.checklistHelp, lang)], NOTE);
  rows.add([tx(L.question, lang), tx(L.nr, lang), tx(L.answer, lang), tx(L.suggestion, lang), null, null, null, tx(L.why, lang), tx(L.note, lang)], HEAD);
  const suggestions = suggestAnswers(ctx);
  const unlocked: string[] = [];
  const validations: ListValidationSpec[] = [];
  const list = ANSWERS.map((a) => tx(ANSWER_LABEL[a], lang));
  const first = rows.next;
  let area = "";
  let runStart = -1;
  const closeRun = (): void => {
    if (runStart < 0) return;
    for (const c of [2, 8]) unlocked.push(range(runStart, c, rows.next - 1, c));
    validations.push({ range: range(runStart, 2, rows.next - 1, 2), list, errorTitle: tx(L.answer, lang), errorMessage: list.join(" / ") });
    runStart = -1;
  };
  for (const item of CHECKLIST) {
    if (tx(item.area, lang) !== area) {
      closeRun();
      area = tx(item.area, lang);
      rows.add([`${item.id.split(".")[0]}. ${area}`], { bold: true, border: "bottom", borderColor: "#BFBFBF" });
      runStart = rows.next;
    }
    const a = answers[item.id];
    const shown = a?.answer ? tx(ANSWER_LABEL[a.answer], lang) : (a?.raw ?? null);
    const s = suggestions[item.id];
    const r = rows.add([tx(item.question, lang), item.id, shown || null, s ? tx(ANSWER_LABEL[s.answer], lang) : null, null, null, null, s ? tx(s.why, lang) : null, a?.note || null], { wrapText: true, verticalAlignment: "top" });
    rows.style(r, 2, r, 2, { fill: ENTRY_FILL, border: "box", borderColor: "#BFBFBF" });
    rows.style(r, 8, r, 8, { fill: ENTRY_FILL, border: "box", borderColor: "#BFBFBF" });
    rows.style(r, 3, r, 3, { italic: true });
    rows.style(r, 7, r, 7, NOTE);
  }
  closeRun();
  return { unlocked, validations, checkRows: [first, rows.next - 1] };
}

const str = (v: CellScalar | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const isLabel = (v: CellScalar | undefined, t: { da: string; en: string }): boolean => str(v) === t.da || str(v) === t.en;
const STOP = [L.checklistTitle];

/** The leader's entries on an existing Ledelsesoverblik sheet (values from A1), matched by key, never by position. */
export function parseLeaderEntries(values: CellScalar[][]): LeaderEntries {
  const keyFigures: KeyFigureEntry[] = [];
  const answers: LeaderEntries["answers"] = {};
  const keyHeader = values.findIndex((r) => isLabel(r?.[0], L.figure) && isLabel(r?.[1], L.month));
  if (keyHeader >= 0) {
    for (let i = keyHeader + 1; i < values.length; i++) {
      const r = values[i] ?? [];
      if (STOP.some((t) => isLabel(r[0], t))) break;
      const e: KeyFigureEntry = { figure: str(r[0]), month: normaliseMonth(r[1] ?? null), target: entryNumber(r[2] ?? null), actual: entryNumber(r[3] ?? null), tolerance: entryNumber(r[4] ?? null), explanation: str(r[7]), action: str(r[8]) };
      if (e.figure !== "" || e.month !== "" || e.target !== null || e.actual !== null || e.tolerance !== null || e.explanation !== "" || e.action !== "") keyFigures.push(e);
    }
  }
  const checkHeader = values.findIndex((r) => isLabel(r?.[0], L.question) && isLabel(r?.[1], L.nr));
  if (checkHeader >= 0) {
    for (let i = checkHeader + 1; i < values.length; i++) {
      const r = values[i] ?? [];
      const id = str(r[1]);
      if (id === "") continue;
      const raw = str(r[2]);
      const note = str(r[8]);
      if (raw !== "" || note !== "") answers[id] = { answer: parseAnswer(raw), raw, note };
    }
  }
  return { keyFigures, answers };
}
