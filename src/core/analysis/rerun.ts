/**
 * "Kør igen" in core, shared by every reader of a saved analysis (the comparison pane's "Kør igen" and
 * the leader page, through src/excel/comparisonStore.ts `rerunComparison`): the saved settings applied
 * to the data as read now, and a record of the last run that tells whether the numbers are stale.
 *
 * - `settingsForData`: the settings' columns found again by header (columns.ts, refusing with
 *   COLUMNS_CHANGED when unsure), strata with them, range and header as read now.
 * - `runRecord` / `freshness`: each run stores when it ran and a fingerprint of everything its numbers
 *   depend on (the role columns' headers and values, found by header, and the settings that change
 *   the numbers). A later reader computes the fingerprint again: equal means the data and settings
 *   are those of the last run (a column inserted elsewhere does not change it), different means the
 *   analysis must be run again before its numbers are shown as its results.
 *
 * The fingerprint is a 64-bit non-cryptographic hash (two 32-bit FNV-1a-style lanes with Murmur3's
 * finaliser, Appleby's public-domain MurmurHash3 `fmix32`); it is written in the letters a–p only, so
 * no run of digits in it can look like a CPR number to the settings store's gate.
 */
import type { CellValue } from "../data";
import type { DatasetInput } from "../data/dataset";
import type { TrialTable } from "../design/link";
import { headerKey, reconcileColumns, storedHeader, type ColumnMove } from "./columns";
import type { ComparisonSettings } from "./settings";

export interface ForData {
  settings: ComparisonSettings;
  moved: ColumnMove[];
}

/** The settings as they apply to `input` (columns and strata found again by header). Throws COLUMNS_CHANGED when unsure. */
export function settingsForData(settings: ComparisonSettings, input: DatasetInput): ForData {
  const { columns, moved, strata } = reconcileColumns(settings, input.header);
  const used: ComparisonSettings = { ...settings, source: { ...settings.source, address: input.address, header: storedHeader(input.header) }, columns, ...(strata ? { strata } : {}) };
  return { settings: used, moved };
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 64-bit hash of a string as 16 letters a–p. */
export function hashText(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) + i;
  }
  const hex = fmix32(a).toString(16).padStart(8, "0") + fmix32(b ^ a).toString(16).padStart(8, "0");
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join("");
}

/**
 * What the numbers of `settings` (already applied to the data, see settingsForData) depend on: the
 * settings without positions, names and presentation, and per role column its header and values; with
 * the groups from "Randomisering" (`settings.randomisation`), the allocation table as read (`trial`: who
 * is in the trial with which arm and stratum, and who is listed but outside it), since the groups, the
 * strata and who is analysed come from it. Without `trial` the fingerprint is the data's alone (as
 * before the trial fed the analysis, so older records of analyses without it stay valid).
 */
export function analysisFingerprint(settings: ComparisonSettings, input: DatasetInput, trial?: TrialTable | null): string {
  const key = (i: number): string => (i >= 0 ? headerKey(input.header[i]) : "");
  const c = settings.columns;
  const roles = {
    id: key(c.id),
    group: key(c.group),
    baseline: c.baseline.map((b) => ({ ...b, column: key(b.column) })),
    timepoints: c.timepoints.map((t) => ({ month: t.month, column: key(t.column) })),
    long: c.long ? { time: key(c.long.time), status: key(c.long.status) } : null,
    strata: (settings.strata ?? []).map(key),
  };
  const numeric = (settings.numericOutcomes ?? []).flatMap((o) => [o.outcome, o.baseline]).map((h) => input.header.findIndex((x) => headerKey(x) === headerKey(h)));
  const used = [...new Set([c.id, c.group, ...c.baseline.map((b) => b.column), ...c.timepoints.map((t) => t.column), ...(c.long ? [c.long.time, c.long.status] : []), ...numeric])].filter((i) => i >= 0);
  const data = used.map((i) => [key(i), input.rows.map((r) => r[i] ?? null), input.numberFormats?.map((r) => r[i] ?? "") ?? null] as [string, CellValue[], string[] | null]);
  const { source, columns: _c, strata: _s, lastRun: _l, name: _n, resultSheet: _r, title: _t, headline: _h, lang: _g, ...numbers } = settings;
  const fields = { sheet: source.sheet, layout: source.layout, numbers, roles, data };
  return hashText(JSON.stringify(settings.randomisation && trial ? { ...fields, trial: trialKey(trial) } : fields));
}

/** The allocation table in a canonical order (by ID), so that how the sheet was sorted does not count. */
function trialKey(t: TrialTable): { members: [string, string, number][]; outside: string[] } {
  const byId = (a: [string, ...unknown[]], b: [string, ...unknown[]]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    members: [...t.members].map(([id, m]): [string, string, number] => [id, m.arm, m.stratum]).sort(byId),
    outside: [...t.outside].sort(),
  };
}

/** The settings to store after a run at `now`: with when it ran and the fingerprint of its data (and of the allocation table it joined, if any). */
export function withRunRecord(settings: ComparisonSettings, input: DatasetInput, now: Date, trial?: TrialTable | null): ComparisonSettings {
  return { ...settings, lastRun: { at: now.toISOString(), fingerprint: analysisFingerprint(settings, input, trial) } };
}

export type Freshness = { status: "ok"; ranAt: string } | { status: "stale"; ranAt: string | null };

/**
 * Whether `stored` (the saved settings) still describe the data: `current` are the same settings
 * applied to the data read now (as stored after a run: see withRunRecord's caller). Without a record of
 * the last run (never run, or saved by an older version) the numbers cannot be vouched for: stale.
 */
export function freshness(stored: ComparisonSettings, current: ComparisonSettings, input: DatasetInput, trial?: TrialTable | null): Freshness {
  const last = stored.lastRun;
  if (!last) return { status: "stale", ranAt: null };
  return analysisFingerprint(current, input, trial) === last.fingerprint ? { status: "ok", ranAt: last.at } : { status: "stale", ranAt: last.at };
}
