/**
 * Labels that identify (issue 19): a status, group or category label that occurs for one citizen only, or
 * that looks like free text (a person's name, or a long sentence), can single a citizen out on a result
 * sheet or in the stored settings. Such labels are flagged before anything is stored or printed; the user
 * confirms each (it is a real category) or has it counted as "Andet". Pure functions; the comparison pane
 * shows the flags (the label itself may be shown there: it is the user's own data on their own screen).
 *
 * A label mapped to "Andet" is kept in the settings only as a SHA-256 of its normalised text, so the
 * settings never hold it either.
 */
import { sha256Hex } from "../design/hash";
import type { Dataset } from "./dataset";
import { normaliseKey } from "./values";

export type LabelKind = "status" | "group" | "category";
export type LabelReason = "oneCitizen" | "freeText";

export interface IdentifyingLabel {
  kind: LabelKind;
  label: string;
  key: string;
  reason: LabelReason;
  /** Baseline column name for a category. */
  column?: string;
  /** First cell, e.g. "Borgere!K5" (so the user can find it). */
  firstCell: string;
}

/** What replaces a label the user chose not to print. */
export const OTHER_LABEL = "Andet";

/** Two or more capitalised words in a row ("Hans Hansen", "Anne-Marie Jensen"): looks like a person's name. */
const NAME_LIKE = /(^|[^\p{L}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+(?:(?:af|de|van|von)\s+)?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}])/u;

/** Free text rather than a category: a name-like pair of capitalised words, or a sentence (over 40 characters and 6 words or more). */
export function looksLikeFreeText(label: string): boolean {
  const t = label.trim();
  if (NAME_LIKE.test(t)) return true;
  return t.length > 40 && t.split(/\s+/).length >= 6;
}

/** Stored stand-in for a label mapped to "Andet": SHA-256 (hex) of its normalised text. */
export function labelHash(label: string): string {
  return sha256Hex(normaliseKey(label));
}

function citizensPerStatus(d: Dataset): number[] {
  const seen = d.statuses.map(() => new Set<number>());
  for (const tp of d.timepoints) tp.codes.forEach((s, citizen) => (s >= 0 ? seen[s]?.add(citizen) : undefined));
  return seen.map((s) => s.size);
}

/**
 * The labels of a read dataset that identify and are not yet confirmed (`confirmed`: normalised keys or
 * labels the user confirmed). Statuses and categories: one citizen, or free text; groups: free text only
 * (an arm of one citizen is a different problem, reported by the data check).
 */
export function findIdentifyingLabels(d: Dataset, confirmed: readonly string[] = []): IdentifyingLabel[] {
  const ok = new Set(confirmed.map((c) => normaliseKey(c)));
  const out: IdentifyingLabel[] = [];
  const add = (kind: LabelKind, label: string, key: string, firstCell: string, citizens: number, column?: string): void => {
    if (label === OTHER_LABEL || ok.has(normaliseKey(label))) return;
    const reason: LabelReason | null = looksLikeFreeText(label) ? "freeText" : kind !== "group" && citizens === 1 ? "oneCitizen" : null;
    if (reason) out.push({ kind, label, key, reason, firstCell, ...(column !== undefined ? { column } : {}) });
  };
  const perStatus = citizensPerStatus(d);
  d.statuses.forEach((s, i) => add("status", s.label, s.key, s.firstCell, perStatus[i]));
  for (const g of d.groupLabels) add("group", g.label, g.key, g.firstCell, g.count);
  for (const b of d.baseline) if (b.type === "categorical") for (const l of b.levels) add("category", l.label, l.key, l.firstCell, l.count, b.name);
  return out;
}

/**
 * The input with every cell of `columns` whose label is in `hashes` (see labelHash) written as "Andet".
 * Other cells are the same objects; the input itself is not changed.
 */
export function withOtherLabels<T extends { rows: readonly (readonly unknown[])[] }>(input: T, columns: readonly number[], hashes: readonly string[] | undefined): T {
  if (!hashes || hashes.length === 0 || columns.length === 0) return input;
  const set = new Set(hashes);
  const memo = new Map<string, boolean>();
  const hit = (v: unknown): boolean => {
    if (typeof v !== "string" || v.trim() === "") return false;
    let h = memo.get(v);
    if (h === undefined) memo.set(v, (h = set.has(labelHash(v))));
    return h;
  };
  const rows = input.rows.map((r) => (columns.some((c) => hit(r[c])) ? r.map((v, c) => (columns.includes(c) && hit(v) ? OTHER_LABEL : v)) : r));
  return { ...input, rows };
}
