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
 * Rule: deviation = actual − target; the row is flagged when |deviation| > tolerance. Without a
 * target or an actual value there is no deviation; without a tolerance nothing is flagged. The
 * sheet computes the same with formulas (so it updates while the leader types); this module
 * decides which rows exist and in which order, and computes the flags for the page's summary.
 */
import type { CellScalar } from "../report/sheetSpec";
import type { Text } from "../stats";

export interface KeyFigureEntry {
  figure: string;
  /** "2026-01" when it could be read as a month, else the text as typed ("" when empty). */
  month: string;
  target: number | null;
  actual: number | null;
  tolerance: number | null;
  explanation: string;
  action: string;
}

export const KL_KEY_FIGURES: readonly Text[] = [
  { da: "Aktiveringsgrad (%)", en: "Activation rate (%)" },
  { da: "Andel i virksomhedsrettet aktivering (%)", en: "Share in company-based activation (%)" },
  { da: "Andel i job 6 mdr. efter aktivering (%)", en: "Share in work 6 months after activation (%)" },
  { da: "Andel ikke tilbage på kontanthjælp efter 1 år (%)", en: "Share not back on kontanthjælp after 1 year (%)" },
];

/** Empty rows offered below the entries so the leader can add months. */
export const BLANK_KEY_FIGURE_ROWS = 12;

export interface KeyFigureStatus {
  deviation: number | null;
  flagged: boolean;
}

export function evaluateKeyFigure(e: Pick<KeyFigureEntry, "target" | "actual" | "tolerance">): KeyFigureStatus {
  if (e.target === null || e.actual === null) return { deviation: null, flagged: false };
  const deviation = e.actual - e.target;
  return { deviation, flagged: e.tolerance !== null && Math.abs(deviation) > e.tolerance };
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

export function hasValues(e: KeyFigureEntry): boolean {
  return e.month !== "" || e.target !== null || e.actual !== null || e.tolerance !== null || e.explanation !== "" || e.action !== "";
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
