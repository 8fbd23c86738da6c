/**
 * The Nøgletal block of the Ledelsesoverblik sheet (issue 20 item 4): the live status line, one line
 * chart per key figure, the table "Retning og præcision" (direction and decimals per key figure) and the
 * entries (key figure × month). The rule is in keyFigures.ts; here it becomes sheet formulas, built by
 * our code only, with English function names (Range.formulas):
 *
 *   deviation F = IF(C="","",IF(D="","",ROUND(D−C, dec)))
 *   flag      G = IFERROR(IF(F="","",IF(bad(F, dir) > ROUND(E, dec),"Afvigelse","OK")),"Ikke tal")
 *   dec, dir    = VLOOKUP(A, table, 3 / 2, FALSE), defaulting (IFERROR) to DEFAULT_DECIMALS / interval
 *   status line = COUNTIF(G,"Afvigelse") & " af " & (COUNTIF(G,"Afvigelse")+COUNTIF(G,"OK")) & " …"
 *
 * so the flags and the status line follow every entry at once. The leader's cells are written back as
 * typed (see KeyFigureEntry.typed): a formula as the same formula (read from the leader's own cell on
 * this sheet, never from text), text as text, a number with its number format ("5%" stays 5 %).
 * `parseKeyFigures` reads both tables back by key (key figure + month; key figure), never by position.
 */
import type { CellScalar, CellValue, ChartSpec, Formula } from "../report/sheetSpec";
import { formula, formulaText } from "../report/sheetSpec";
import type { ConditionalFillSpec, ListValidationSpec } from "../report/sheetSpecExtras";
import {
  DEFAULT_DECIMALS,
  definitionOf,
  DIRECTION_LABEL,
  entryNumber,
  evaluateKeyFigure,
  hasValues,
  keyFigureDefinitions,
  keyFigureRows,
  keyFigureSeries,
  normaliseMonth,
  parseDirection,
  type KeyFigureDefinition,
  type KeyFigureEntry,
  type TypedCell,
  type TypedField,
} from "./keyFigures";
import { L, tx } from "./labels";
import { range, wrapWords, type Rows } from "./layout";

/** Characters of an 11-point note row across A:I (930 pt at fit.ts's 0.5 em per character, with room to spare). */
const NOTE_CHARS = 160;
import { chartAt, ENTRY_FILL, FLAG_FILL, HEAD, NOTE, SECTION } from "./sheet";
import type { ChecklistContext } from "./checklist";
import type { Lang } from "./types";

const KEY_CHART_HEIGHT = 12;
/** Empty rows of the direction table for key figures the leader adds. */
const BLANK_DEFINITION_ROWS = 3;

export interface KeyFigureBlock {
  unlocked: string[];
  validations: ListValidationSpec[];
  conditional: ConditionalFillSpec[];
  charts: ChartSpec[];
  /** 0-based first and last row of the entries. */
  keyRows: [number, number];
}

/** Facts the checklist's suggestions use (the same rule as the sheet's flags). */
export function keyFigureFacts(entries: KeyFigureEntry[], defs: KeyFigureDefinition[] = []): ChecklistContext["keyFigures"] {
  let withTarget = 0;
  let withTargetAndActual = 0;
  let flagged = 0;
  let flaggedAnswered = 0;
  for (const e of entries) {
    if (e.target === null) continue;
    withTarget++;
    if (e.actual !== null) withTargetAndActual++;
    if (evaluateKeyFigure(e, definitionOf(e.figure, defs)).flagged) {
      flagged++;
      if (e.explanation.trim() !== "" && e.action.trim() !== "") flaggedAnswered++;
    }
  }
  return { withTarget, withTargetAndActual, flagged, flaggedAnswered };
}

/** The deviation and flag formulas of entry row `n` (1-based), looking up the direction table `defs` ("$A$10:$C$16"). */
export function keyRowFormulas(n: number, defs: string, lang: Lang): { deviation: Formula; flag: Formula } {
  const q = (t: { da: string; en: string }): string => formulaText(tx(t, lang));
  const dec = `IFERROR(VLOOKUP($A${n},${defs},3,FALSE),${DEFAULT_DECIMALS})`;
  const dir = `IFERROR(VLOOKUP($A${n},${defs},2,FALSE),${q(DIRECTION_LABEL.both)})`;
  const bad = `IF(${dir}=${q(DIRECTION_LABEL.min)},-F${n},IF(${dir}=${q(DIRECTION_LABEL.max)},F${n},ABS(F${n})))`;
  return {
    deviation: formula(`=IF(C${n}="","",IF(D${n}="","",ROUND(D${n}-C${n},${dec})))`),
    flag: formula(`=IFERROR(IF(F${n}="","",IF(${bad}>ROUND(E${n},${dec}),${q(L.flagged)},${q(L.ok)})),${q(L.notNumber)})`),
  };
}

/** The live status line over the flag cells `flags` ("G30:G50"). */
export function keyStatusFormula(flags: string, lang: Lang): Formula {
  const [before, mid, after] = tx(L.keyStatus, lang).split(/\{[fn]\}/);
  const count = (t: { da: string; en: string }): string => `COUNTIF(${flags},${formulaText(tx(t, lang))})`;
  return formula(`=${formulaText(before)}&${count(L.flagged)}&${formulaText(mid)}&(${count(L.flagged)}+${count(L.ok)})&${formulaText(after)}`);
}

/** A typed cell as written back: the same formula, the same text, the same number. */
function typedValue(c: TypedCell | undefined, fallback: number | null): CellValue {
  if (!c) return fallback;
  // the leader's own formula, read from the leader's cell on this sheet: written back as it was
  if (c.formula !== null) return formula(c.formula);
  return c.value === "" ? null : c.value;
}

function keyRow(e: KeyFigureEntry, n: number, defs: string, lang: Lang): CellValue[] {
  const { deviation, flag } = keyRowFormulas(n, defs, lang);
  const t = e.typed ?? {};
  return [e.figure, e.month, typedValue(t.target, e.target), typedValue(t.actual, e.actual), typedValue(t.tolerance, e.tolerance), deviation, flag, e.explanation, e.action];
}

/** The table "Retning og præcision": one row per key figure, blank rows for new ones; returns its absolute range for VLOOKUP. */
function definitionTable(rows: Rows, defs: KeyFigureDefinition[], lang: Lang): { ref: string; unlocked: string[]; validation: ListValidationSpec } {
  for (const line of wrapWords(tx(L.definitionsHelp, lang), NOTE_CHARS)) rows.add([line], NOTE);
  rows.add([tx(L.figure, lang), tx(L.direction, lang), tx(L.decimals, lang)], HEAD);
  const first = rows.next;
  for (const d of defs) rows.add([d.figure, tx(DIRECTION_LABEL[d.direction], lang), d.decimals]);
  for (let i = 0; i < BLANK_DEFINITION_ROWS; i++) rows.add();
  const last = rows.next - 1;
  rows.style(first, 0, last, 2, { fill: ENTRY_FILL, border: "grid", borderColor: "#BFBFBF", verticalAlignment: "top" });
  // a long key figure name wraps inside its cell instead of running under the direction
  rows.style(first, 0, last, 0, { wrapText: true });
  const list = (["min", "max", "both"] as const).map((d) => tx(DIRECTION_LABEL[d], lang));
  return {
    ref: `$A$${first + 1}:$C$${last + 1}`,
    unlocked: [range(first, 0, last, 0), range(first, 1, last, 1), range(first, 2, last, 2)],
    validation: { range: range(first, 1, last, 1), list, errorTitle: tx(L.direction, lang), errorMessage: list.join(" / ") },
  };
}

/** The Nøgletal block: help, live status line, charts, direction table, entries with formulas and flag fill. */
export function keyFigureSection(rows: Rows, entries: KeyFigureEntry[], definitions: KeyFigureDefinition[], lang: Lang): KeyFigureBlock {
  rows.add([tx(L.keyTitle, lang)], SECTION);
  // unwrapped notes run across the columns to the right: one sentence a row, broken to the print width
  for (const sentence of tx(L.keyHelp, lang).split(/(?<=\.) (?=[A-ZÆØÅ])/)) for (const line of wrapWords(sentence, NOTE_CHARS)) rows.add([line], NOTE);
  const status = rows.add([null], { bold: true });
  const all = keyFigureRows(entries, lang);
  const charts = keyFigureCharts(rows, all, lang);
  const table = definitionTable(rows, keyFigureDefinitions(definitions, entries, lang), lang);
  rows.add([tx(L.figure, lang), tx(L.month, lang), tx(L.target, lang), tx(L.actual, lang), tx(L.tolerance, lang), tx(L.deviation, lang), tx(L.flag, lang), tx(L.explanation, lang), tx(L.action, lang)], HEAD);
  const first = rows.next;
  for (const e of all) {
    const r = rows.add(keyRow(e, rows.next + 1, table.ref, lang), { verticalAlignment: "top", border: "grid", borderColor: "#BFBFBF" });
    keepFormats(rows, r, e);
  }
  const last = rows.next - 1;
  rows.rows[status][0] = keyStatusFormula(`G${first + 1}:G${last + 1}`, lang);
  styleEntries(rows, first, last);
  const unlocked = [...table.unlocked, range(first, 0, last, 4), range(first, 7, last, 8)];
  const conditional: ConditionalFillSpec[] = [{ range: range(first, 0, last, 8), formula: formula(`=$G${first + 1}=${formulaText(tx(L.flagged, lang))}`), fill: FLAG_FILL }];
  return { unlocked, validations: [table.validation], conditional, charts, keyRows: [first, last] };
}

function styleEntries(rows: Rows, first: number, last: number): void {
  rows.style(first, 0, last, 0, { wrapText: true });
  rows.style(first, 1, last, 1, { numberFormat: "@" });
  rows.style(first, 7, last, 8, { wrapText: true });
  rows.style(first, 0, last, 4, { fill: ENTRY_FILL });
  rows.style(first, 7, last, 8, { fill: ENTRY_FILL });
}

const FIELDS: [TypedField, number][] = [
  ["target", 2],
  ["actual", 3],
  ["tolerance", 4],
];

/** The number format each typed cell had ("0%" for "5%"), so the number reads as typed. */
function keepFormats(rows: Rows, r: number, e: KeyFigureEntry): void {
  for (const [f, c] of FIELDS) {
    const fmt = e.typed?.[f]?.format;
    if (fmt && fmt !== "General") rows.style(r, c, r, c, { numberFormat: fmt });
  }
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

const str = (v: CellScalar | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const isLabel = (v: CellScalar | undefined, t: { da: string; en: string }): boolean => str(v) === t.da || str(v) === t.en;

/** The sheet's values from A1, with the formulas (Range.formulas) and number formats of the same cells when read. */
export interface SheetCells {
  values: CellScalar[][];
  formulas?: (string | null)[][];
  formats?: string[][];
}

function typedAt(cells: SheetCells, r: number, c: number): TypedCell | undefined {
  const value = cells.values[r]?.[c] ?? null;
  const f = cells.formulas?.[r]?.[c] ?? null;
  // Range.formulas gives a constant's value: text typed as '=1+1 reads "=1+1" in both, and stays text
  const isF = typeof f === "string" && f.startsWith("=") && f !== value;
  const format = cells.formats?.[r]?.[c] ?? null;
  // only what a plain number cannot carry: a formula, text, a number format ("5%" is 0,05 in "0%")
  const kept = isF || (typeof value === "string" && value !== "") || (value !== null && value !== "" && format !== null && format !== "General");
  return kept ? { value, formula: isF ? f : null, format } : undefined;
}

/** Where a table ends: the first row that is another table's header or the checklist's title. */
function endsAt(r: CellScalar[]): boolean {
  return isLabel(r[0], L.checklistTitle) || (isLabel(r[0], L.figure) && (isLabel(r[1], L.month) || isLabel(r[1], L.direction)));
}

function parseDefinitions(values: CellScalar[][]): KeyFigureDefinition[] {
  const head = values.findIndex((r) => isLabel(r?.[0], L.figure) && isLabel(r?.[1], L.direction));
  const out: KeyFigureDefinition[] = [];
  for (let i = head + 1; head >= 0 && i < values.length && !endsAt(values[i] ?? []); i++) {
    const r = values[i] ?? [];
    if (str(r[0]) === "") continue;
    const dec = entryNumber(r[2] ?? null);
    out.push({ figure: str(r[0]), direction: parseDirection(r[1] ?? null) ?? "both", decimals: dec === null ? null : Math.max(0, Math.min(10, Math.round(dec))) });
  }
  return out;
}

/** The entries and the direction table on an existing sheet, matched by key, never by position. */
export function parseKeyFigures(cells: SheetCells): { keyFigures: KeyFigureEntry[]; definitions: KeyFigureDefinition[] } {
  const values = cells.values;
  const keyFigures: KeyFigureEntry[] = [];
  const head = values.findIndex((r) => isLabel(r?.[0], L.figure) && isLabel(r?.[1], L.month));
  for (let i = head + 1; head >= 0 && i < values.length && !endsAt(values[i] ?? []); i++) {
    const r = values[i] ?? [];
    const typed: Partial<Record<TypedField, TypedCell>> = {};
    for (const [f, c] of FIELDS) {
      const t = typedAt(cells, i, c);
      if (t) typed[f] = t;
    }
    const num = (c: number): number | null => entryNumber(r[c] ?? null);
    const e: KeyFigureEntry = { figure: str(r[0]), month: normaliseMonth(r[1] ?? null), target: num(2), actual: num(3), tolerance: num(4), explanation: str(r[7]), action: str(r[8]) };
    if (Object.keys(typed).length > 0) e.typed = typed;
    if (e.figure !== "" || hasValues(e)) keyFigures.push(e);
  }
  return { keyFigures, definitions: parseDefinitions(values) };
}
