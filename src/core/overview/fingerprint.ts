/**
 * Fingerprints of a part's inputs: the same 64-bit hash as the comparison's record of its last run
 * (core/analysis/rerun.ts `hashText`, letters a–p only, so no digits in it can look like a CPR number),
 * over a canonical form of the cells read, so that how a range was read (trailing empty cells, "" or
 * null, an offset used range) does not change it.
 */
import { hashText } from "../analysis/rerun";

type Cell = string | number | boolean | null | undefined | object;

/** A grid without trailing empty cells and rows ("" and null are both empty). */
export function canonicalGrid(values: readonly (readonly Cell[])[]): (string | number | boolean | null)[][] {
  const norm = (v: Cell): string | number | boolean | null => (v === undefined || v === null || v === "" || typeof v === "object" ? null : v);
  const rows = values.map((r) => {
    const row = r.map(norm);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** JSON with object keys sorted, so that the order in which settings were built does not change a fingerprint. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The fingerprint of a part's inputs: `kind` names the part so two parts never share one by accident. */
export function fingerprintOf(kind: string, inputs: unknown): string {
  return hashText(stableJson({ kind, inputs }));
}

/**
 * The programme theory: the "Programteori" sheet as it is (the diagram is drawn from it), but for its intro
 * line (row 2), which is the add-in's own and ends with when the sheet was written: writing the same theory
 * again changes no fingerprint.
 */
export function theoryFingerprint(grid: readonly (readonly Cell[])[]): string {
  return fingerprintOf("theory", canonicalGrid(grid.map((row, r) => (r === 1 ? [] : row))));
}

/** The measurement sheet's layout: the theory's scale delmål and schedule, and the start date (entries are the user's). */
export function measurementFingerprint(items: unknown, schedule: unknown, startDate: number | null): string {
  return fingerprintOf("measurement", { items, schedule, startDate });
}

/** The progression results: the measurement sheet's cells, the settings, the delmål, and the case data behind the transitions. */
export function progressionFingerprint(settings: unknown, grid: readonly (readonly Cell[])[], items: unknown, analysis: string | null): string {
  return fingerprintOf("progression", { settings, grid: canonicalGrid(grid), items, analysis });
}

/**
 * The leader page: its settings and what it reads (theory, the active analysis, the progression, and the chain's
 * counts per slutmål for "Holder kæden?" when the chain sheet exists); the leader's own entries do not count.
 * Without a chain (null) the fingerprint is as before the chain was read, so older records stay valid; so with
 * the register follow-up (`register`: its data's fingerprint now and at its last run, when its sheet exists).
 */
export function summaryFingerprint(
  settings: unknown,
  parts: { theory: string | null; analysis: string | null; progression: string | null; randomised: boolean; chain?: unknown; register?: string | null },
): string {
  const { chain, register, ...rest } = parts;
  return fingerprintOf("summary", { settings, ...rest, ...(chain === undefined || chain === null ? {} : { chain }), ...(register === undefined || register === null ? {} : { register }) });
}

/**
 * "Virkningskæden i data": the measurement sheet's cells from its header row on and the progression settings it
 * reads (the sheet and the rater), the theory (its links and delmål), and the active analysis's case data.
 */
export function chainFingerprint(settings: { sheet: string; rater: string }, grid: readonly (readonly Cell[])[], theory: string, analysis: string): string {
  return fingerprintOf("chain", { settings: { sheet: settings.sheet, rater: settings.rater }, grid: canonicalGrid(grid), theory, analysis });
}

/** The randomisation: the list's columns it uses (ID and strata, by header) and the settings that decide the allocation. */
export function designFingerprint(columns: { header: string; values: Cell[] }[], settings: unknown): string {
  return fingerprintOf("design", { columns: columns.map((c) => ({ header: c.header, values: canonicalGrid([c.values])[0] ?? [] })), settings });
}
