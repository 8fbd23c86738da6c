/**
 * Nøgletal: key figures the leader follows month by month against a måltal (target).
 *
 * KL's checklist asks leaders to keep an overview of the main key figures, watch changes against
 * budgeted targets and ask for an explanation and an action plan when they deviate (source: KL,
 * "En effektiv beskæftigelsesindsats for udsatte borgere", 2013, section 2, "Resultatorienteret
 * tilgang"). The example figures are those the same publication uses to describe effective
 * jobcentres (section 6.1: activation rate, share in company-based activation, share in work six
 * months after activation, share not back on kontanthjælp within a year).
 *
 * Rule (issue 20 item 4): every key figure has a direction and a precision (decimals), kept in the
 * small table "Retning og præcision" above the entries. deviation = ROUND(actual − target, decimals);
 * tolerance = ROUND(tolerance, decimals) (blank = 0). Flagged when the deviation goes the bad way by more
 * than the tolerance:
 *   mindst (at least: higher is better)  −deviation > tolerance
 *   højst  (at most: lower is better)     deviation > tolerance
 *   interval (both ways)                  |deviation| > tolerance
 * Rounding both sides to the stated decimals makes the comparison decimal-exact: 44,5 − 42,3 is
 * 2,200000000000003 in binary floating point, but ROUND(…, 1) is 2,2, equal to the tolerance 2,2, so a
 * value typed exactly on the boundary is not flagged. A figure not in the table is "interval" with
 * DEFAULT_DECIMALS; a listed figure with blank decimals compares whole numbers. The sheet computes the
 * same with live formulas (so it updates while the leader types); `evaluateKeyFigure` is the same rule
 * for the page's facts and the checklist's suggestions, and the unit tests hold both to it.
 */
import type { CellScalar } from "../report/sheetSpec";
import type { Text } from "../stats";

export type Direction = "min" | "max" | "both";

export const DIRECTION_LABEL: Record<Direction, Text> = {
  min: { da: "mindst", en: "at least" },
  max: { da: "højst", en: "at most" },
  both: { da: "interval", en: "range" },
};

/** Decimals of a figure that is not in the table. */
export const DEFAULT_DECIMALS = 2;

/** An entry cell as the leader typed it: Excel's value, the formula when it is one, the number format. */
export interface TypedCell {
  value: CellScalar;
  formula: string | null;
  format: string | null;
}

export type TypedField = "target" | "actual" | "tolerance";

export interface KeyFigureEntry {
  figure: string;
  /** "2026-01" when it could be read as a month, else the text as typed ("" when empty). */
  month: string;
  target: number | null;
  actual: number | null;
  tolerance: number | null;
  explanation: string;
  action: string;
  /** Måltal, Faktisk and Tolerance as typed (formula, text, percent format), written back unchanged; absent for rows the add-in made. */
  typed?: Partial<Record<TypedField, TypedCell>>;
}

/** A key figure's direction and precision (one row of the table "Retning og præcision"). */
export interface KeyFigureDefinition {
  figure: string;
  direction: Direction;
  /** null = blank (whole numbers). */
  decimals: number | null;
}

export const KL_KEY_FIGURES: readonly Text[] = [
  { da: "Aktiveringsgrad (%)", en: "Activation rate (%)" },
  { da: "Andel i virksomhedsrettet aktivering (%)", en: "Share in company-based activation (%)" },
  { da: "Andel i job 6 mdr. efter aktivering (%)", en: "Share in work 6 months after activation (%)" },
  { da: "Andel ikke tilbage på kontanthjælp efter 1 år (%)", en: "Share not back on kontanthjælp after 1 year (%)" },
];

/** Empty rows offered below the entries so the leader can add months. */
export const BLANK_KEY_FIGURE_ROWS = 12;

/** KL's example figures: all "higher is better" (section 6.1 describes them as what effective jobcentres achieve). */
const KL_DIRECTION: Direction = "min";
const KL_DECIMALS = 1;

export interface KeyFigureStatus {
  /** ROUND(actual − target, decimals); null without both. */
  deviation: number | null;
  flagged: boolean;
}

/**
 * Excel's ROUND: half away from zero, on the number as Excel holds it (15 significant digits), so
 * 2,200000000000003 rounds to 2,2 at any precision up to 14 decimals and 1,005 to 1,01.
 */
export function roundLikeExcel(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const d = Math.trunc(decimals);
  const [m, e] = Math.abs(Number(x.toPrecision(15))).toExponential().split("e");
  const scaled = Math.round(Number(`${m}e${Number(e) + d}`));
  return Math.sign(x) * Number(`${scaled}e${-d}`);
}

/** The definition of `figure` in `defs` (matched as the sheet's VLOOKUP: case-insensitively); the default when it is not there. */
export function definitionOf(figure: string, defs: KeyFigureDefinition[]): { direction: Direction; decimals: number } {
  const d = defs.find((x) => figureKey(x.figure) === figureKey(figure));
  return d ? { direction: d.direction, decimals: d.decimals ?? 0 } : { direction: "both", decimals: DEFAULT_DECIMALS };
}

export function evaluateKeyFigure(e: Pick<KeyFigureEntry, "target" | "actual" | "tolerance">, def: { direction: Direction; decimals: number } = { direction: "both", decimals: DEFAULT_DECIMALS }): KeyFigureStatus {
  if (e.target === null || e.actual === null) return { deviation: null, flagged: false };
  const deviation = roundLikeExcel(e.actual - e.target, def.decimals);
  const tolerance = roundLikeExcel(e.tolerance ?? 0, def.decimals);
  const bad = def.direction === "min" ? -deviation : def.direction === "max" ? deviation : Math.abs(deviation);
  return { deviation, flagged: bad > tolerance };
}

/** A direction as typed in the table ("mindst", "at most", …); null when it is none of them. */
export function parseDirection(v: CellScalar): Direction | null {
  const k = String(v ?? "").trim().toLocaleLowerCase("da-DK");
  for (const d of ["min", "max", "both"] as Direction[]) if (k === DIRECTION_LABEL[d].da || k === DIRECTION_LABEL[d].en) return d;
  return null;
}

/**
 * The table's rows: the leader's definitions (by figure, first wins), then every figure of KL's
 * examples and of the entries that has none (KL's: mindst, 1 decimal; others: interval, DEFAULT_DECIMALS).
 */
export function keyFigureDefinitions(existing: KeyFigureDefinition[], entries: KeyFigureEntry[], lang: "da" | "en"): KeyFigureDefinition[] {
  const out: KeyFigureDefinition[] = [];
  const seen = new Set<string>();
  const add = (d: KeyFigureDefinition): void => {
    const k = figureKey(d.figure);
    if (k === "" || seen.has(k)) return;
    seen.add(k);
    out.push({ ...d, figure: d.figure.trim() });
  };
  const kl = KL_KEY_FIGURES.map((t) => (lang === "da" ? t.da : t.en));
  for (const name of kl) add(existing.find((d) => figureKey(d.figure) === figureKey(name)) ?? { figure: name, direction: KL_DIRECTION, decimals: KL_DECIMALS });
  for (const d of existing) add(d);
  for (const e of entries) add({ figure: e.figure, direction: "both", decimals: DEFAULT_DECIMALS });
  return out;
}

const MONTHS_DA = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTHS_EN = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** A month cell as "YYYY-MM": from an Excel date serial, "2026-01", "1-2026", "01/2026", "jan 2026", "januar 2026"; else the trimmed text. */
export function normaliseMonth(v: CellScalar): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && Number.isFinite(v) && v > 20000 && v < 80000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86400000);
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
  }
  const s = String(v).trim();
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12) return `${m[1]}-${pad2(+m[2])}`;
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m && +m[1] >= 1 && +m[1] <= 12) return `${m[2]}-${pad2(+m[1])}`;
  m = /^([a-zæøå]+)\.?\s+(\d{4})$/i.exec(s);
  if (m) {
    const k = m[1].slice(0, 3).toLocaleLowerCase("da-DK");
    const i = Math.max(MONTHS_DA.indexOf(k), MONTHS_EN.indexOf(k));
    if (i >= 0) return `${m[2]}-${pad2(i + 1)}`;
  }
  return s;
}

/** A number typed by the leader: a number, or Danish/English text ("42", "42,5", "42 %"); null when empty or not a number. */
export function entryNumber(v: CellScalar): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const s = v.trim().replace(/\s*%$/, "").replace(/\s/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(",", "."));
}

const figureKey = (s: string): string => s.trim().toLocaleLowerCase("da-DK").replace(/\s+/g, " ");

const typedValue = (c: TypedCell | undefined): boolean => !!c && (c.formula !== null || (c.value !== null && c.value !== ""));

/** A row the leader filled in (anything besides the key figure's name); a placeholder row has none. */
export function hasValues(e: KeyFigureEntry): boolean {
  const t = e.typed ?? {};
  return e.month !== "" || e.target !== null || e.actual !== null || e.tolerance !== null || e.explanation !== "" || e.action !== "" || typedValue(t.target) || typedValue(t.actual) || typedValue(t.tolerance);
}

/**
 * The rows of the nøgletal block: every entry the leader made (none is dropped; rows are grouped
 * by key figure in order of first appearance, KL's examples first, and sorted by month within a
 * figure), a placeholder row for each KL example the leader has not used yet, then blank rows.
 */
export function keyFigureRows(existing: KeyFigureEntry[], lang: "da" | "en"): KeyFigureEntry[] {
  // A row with only a key figure's name is a placeholder: dropped once that figure has a filled row.
  const filled = new Set(existing.filter(hasValues).map((e) => figureKey(e.figure)));
  const kept = existing.filter((e) => hasValues(e) || (e.figure.trim() !== "" && !filled.has(figureKey(e.figure))));
  const order: string[] = [];
  const see = (k: string): void => {
    if (!order.includes(k)) order.push(k);
  };
  for (const t of KL_KEY_FIGURES) see(figureKey(lang === "da" ? t.da : t.en));
  for (const e of kept) see(figureKey(e.figure));
  const used = new Set(kept.filter((e) => e.figure.trim() !== "").map((e) => figureKey(e.figure)));
  const placeholders: KeyFigureEntry[] = KL_KEY_FIGURES.map((t) => (lang === "da" ? t.da : t.en))
    .filter((name) => !used.has(figureKey(name)))
    .map((figure) => ({ figure, month: "", target: null, actual: null, tolerance: null, explanation: "", action: "" }));
  const withIndex = [...kept, ...placeholders].map((e, i) => ({ e, i }));
  withIndex.sort((a, b) => {
    const fa = order.indexOf(figureKey(a.e.figure));
    const fb = order.indexOf(figureKey(b.e.figure));
    if (fa !== fb) return fa - fb;
    if (a.e.month !== b.e.month) return a.e.month === "" ? 1 : b.e.month === "" ? -1 : a.e.month < b.e.month ? -1 : 1;
    return a.i - b.i;
  });
  const blank: KeyFigureEntry = { figure: "", month: "", target: null, actual: null, tolerance: null, explanation: "", action: "" };
  return [...withIndex.map((x) => x.e), ...Array.from({ length: BLANK_KEY_FIGURE_ROWS }, () => ({ ...blank }))];
}

/** Per key figure, its months with target and actual, for the small line charts (only figures with at least one month and a value). */
export function keyFigureSeries(entries: KeyFigureEntry[]): { figure: string; points: { month: string; target: number | null; actual: number | null }[] }[] {
  const out = new Map<string, { figure: string; points: { month: string; target: number | null; actual: number | null }[] }>();
  for (const e of entries) {
    if (e.figure.trim() === "" || e.month === "" || (e.target === null && e.actual === null)) continue;
    const k = figureKey(e.figure);
    if (!out.has(k)) out.set(k, { figure: e.figure.trim(), points: [] });
    out.get(k)!.points.push({ month: e.month, target: e.target, actual: e.actual });
  }
  return [...out.values()];
}
