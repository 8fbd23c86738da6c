/**
 * Named analyses: a workbook holds several comparisons, each with its own source, settings and results
 * sheet ("Sammenligning – <navn>"). They are stored together under one workbook setting as
 * `{ version: 2, active, analyses }`; a value in the old single-analysis format (one ComparisonSettings)
 * is read as a list of one, named "Sammenligning" and writing to the sheet "Sammenligning" as before.
 * Pure functions: the store (src/excel/comparisonStore.ts) reads and writes the value.
 */
import * as v from "valibot";
import { VirkningError } from "../errors";
import type { ComparisonSettings } from "./settings";
import { ComparisonSettingsSchema, parseSettings } from "./settingsSchema";
import { isValidSheetName, toSheetName, type SheetName } from "../report/sheetName";

export interface AnalysisCollection {
  version: 2;
  /** Name of the analysis the pane shows. */
  active: string;
  analyses: ComparisonSettings[];
}

export const DEFAULT_ANALYSIS_NAME = "Sammenligning";
const SHEET_PREFIX = "Sammenligning – ";

export const CollectionSchema = v.strictObject({
  version: v.literal(2),
  active: v.pipe(v.string(), v.maxLength(100)),
  analyses: v.array(ComparisonSettingsSchema),
});

/** The analysis's name (the old format has none). */
export function analysisName(s: ComparisonSettings): string {
  return s.name ?? DEFAULT_ANALYSIS_NAME;
}

/** The results sheet of an analysis: as stored, else "Sammenligning" for the unnamed one, else "Sammenligning – <navn>". */
export function resultSheetOf(s: ComparisonSettings): string {
  if (s.resultSheet) return isValidSheetName(s.resultSheet) ? s.resultSheet : toSheetName(s.resultSheet, { fallback: DEFAULT_ANALYSIS_NAME }).name;
  return s.name && s.name !== DEFAULT_ANALYSIS_NAME ? sheetNameFor(s.name, []) : DEFAULT_ANALYSIS_NAME;
}

/** "Sammenligning – <navn>" made a valid, unique sheet name (see toSheetName), with what had to change. */
export function sheetNameOf(name: string, taken: readonly string[]): SheetName {
  return toSheetName(`${SHEET_PREFIX}${name}`, { fallback: DEFAULT_ANALYSIS_NAME, taken });
}

/** "Sammenligning – <navn>", valid in Excel and unique against `taken` (compared case-insensitively). */
export function sheetNameFor(name: string, taken: readonly string[]): string {
  return sheetNameOf(name, taken).name;
}

/** Read a stored value: the collection, or the old single settings as a list of one. Never throws on bad data. */
export function parseCollection(value: unknown): { ok: true; collection: AnalysisCollection } | { ok: false; error: VirkningError } {
  if (typeof value === "object" && value !== null && "analyses" in value) {
    const r = v.safeParse(CollectionSchema, value);
    if (r.success) return { ok: true, collection: r.output as AnalysisCollection };
    // report the first bad analysis with the settings' own message
    const analyses = (value as { analyses?: unknown }).analyses;
    for (const a of Array.isArray(analyses) ? analyses : [analyses]) {
      const p = parseSettings(a);
      if (!p.ok) return p;
    }
    return parseSettings(undefined) as { ok: false; error: VirkningError };
  }
  const p = parseSettings(value);
  if (!p.ok) return p;
  return { ok: true, collection: { version: 2, active: analysisName(p.settings), analyses: [p.settings] } };
}

export function activeAnalysis(c: AnalysisCollection): ComparisonSettings | null {
  return c.analyses.find((a) => analysisName(a) === c.active) ?? c.analyses[0] ?? null;
}

function clash(name: string): never {
  throw new VirkningError("ANALYSIS_EXISTS", `Der er allerede en analyse, der hedder "${name}". Vælg et andet navn.`, `There is already an analysis named "${name}". Choose another name.`);
}

function checkName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 100) throw new VirkningError("ANALYSIS_NAME", "Giv analysen et navn (højst 100 tegn).", "Give the analysis a name (at most 100 characters).");
  return n;
}

const same = (a: string, b: string): boolean => a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");

/** Adds `settings` as a new analysis `name` with its own results sheet; refuses a name in use or a sheet name in `sheets`. */
export function addAnalysis(c: AnalysisCollection | null, name: string, settings: ComparisonSettings, sheets: string[]): AnalysisCollection {
  const n = checkName(name);
  const list = c?.analyses ?? [];
  if (list.some((a) => same(analysisName(a), n))) clash(n);
  const taken = [...sheets, ...list.map(resultSheetOf)];
  const added: ComparisonSettings = { ...settings, name: n, resultSheet: sheetNameFor(n, taken) };
  return { version: 2, active: n, analyses: [...list, added] };
}

/** Replaces the analysis with the same name (or adds it) and makes it active. */
export function putAnalysis(c: AnalysisCollection | null, settings: ComparisonSettings): AnalysisCollection {
  const n = analysisName(settings);
  const list = c?.analyses ?? [];
  const i = list.findIndex((a) => analysisName(a) === n);
  const analyses = i < 0 ? [...list, settings] : list.map((a, k) => (k === i ? settings : a));
  return { version: 2, active: n, analyses };
}

/** Renames an analysis; its results sheet keeps its name (users' formulas may point into it). */
export function renameAnalysis(c: AnalysisCollection, from: string, to: string): AnalysisCollection {
  const n = checkName(to);
  if (!same(from, n) && c.analyses.some((a) => same(analysisName(a), n))) clash(n);
  const analyses = c.analyses.map((a) => (analysisName(a) === from ? { ...a, name: n, resultSheet: resultSheetOf(a) } : a));
  return { version: 2, active: c.active === from ? n : c.active, analyses };
}

export function removeAnalysis(c: AnalysisCollection, name: string): AnalysisCollection {
  const analyses = c.analyses.filter((a) => analysisName(a) !== name);
  return { version: 2, active: c.active === name ? (analyses[0] ? analysisName(analyses[0]) : "") : c.active, analyses };
}
