/**
 * Finding the settings' columns again ("Kør igen"). Settings store each role column by position AND
 * by header text (`source.header`, the header row when the settings were saved). On a re-run:
 *
 * - a column whose header is still at its stored position is used there;
 * - otherwise a column with the same header (case-, space- and dash-insensitive) found exactly once
 *   elsewhere is used (a column was inserted, deleted or moved);
 * - otherwise (header gone, renamed, or found more than once) the run is refused with a message naming
 *   each such column and where it was: the analysis is never run on a column it cannot be sure of.
 *
 * Settings stored without headers (saved before this rule) run by position only while the data are
 * exactly as wide as when they were saved; otherwise the user is asked to press "Beregn".
 */
import { VirkningError } from "../errors";
import { cellText, normaliseKey } from "../data/values";
import { columnLetter, parseRange } from "../report/address";
import type { CellValue } from "../data";
import type { ComparisonSettings } from "./settings";

type Columns = ComparisonSettings["columns"];

/** Header text as compared: trimmed, case-/dash-insensitive, zero-width characters ignored. */
export function headerKey(v: CellValue | undefined): string {
  return normaliseKey(cellText(v ?? null).replace(/[\u200b-\u200d\u2060\ufeff]/g, "")).trim();
}

/** The header row as stored in the settings (text of every column). */
export function storedHeader(header: CellValue[]): string[] {
  return header.map((h) => cellText(h ?? null).trim());
}

export interface ColumnMove {
  name: string;
  from: number;
  to: number;
}

export interface Reconciled {
  columns: Columns;
  moved: ColumnMove[];
  /** The settings' strata (baseline columns) at their new positions; absent when the settings have none. */
  strata?: number[];
}

/** Every role column of the settings (unchosen ones, -1, left out). */
function roleColumns(c: Columns): number[] {
  const out = [c.id, c.group, ...c.baseline.map((b) => b.column), ...c.timepoints.map((t) => t.column)];
  if (c.long) out.push(c.long.time, c.long.status);
  return out.filter((i) => i >= 0);
}

function mapColumns(c: Columns, f: (i: number) => number): Columns {
  const g = (i: number): number => (i >= 0 ? f(i) : i);
  return {
    ...c,
    id: g(c.id),
    group: g(c.group),
    baseline: c.baseline.map((b) => ({ ...b, column: g(b.column) })),
    timepoints: c.timepoints.map((t) => ({ ...t, column: g(t.column) })),
    ...(c.long ? { long: { time: g(c.long.time), status: g(c.long.status) } } : {}),
  };
}

function changedError(sheet: string, lines: { da: string; en: string }[]): VirkningError {
  return new VirkningError(
    "COLUMNS_CHANGED",
    `Kolonnerne i arket "${sheet}" har ændret sig, siden analysen blev gemt, og Virkning kan ikke være sikker på, hvilke kolonner der skal bruges: ${lines.map((l) => l.da).join("; ")}. Vælg kolonnerne igen under "1. Data", og tryk på "Beregn".`,
    `The columns of the sheet "${sheet}" have changed since the analysis was saved, and Virkning cannot be sure which columns to use: ${lines.map((l) => l.en).join("; ")}. Choose the columns again under "1. Data" and press "Calculate".`,
    { sheet },
  );
}

/**
 * The settings' columns in the current header row (0-based within the range, like the settings).
 * Throws COLUMNS_CHANGED when a column cannot be found with certainty.
 */
export function reconcileColumns(settings: ComparisonSettings, header: CellValue[]): Reconciled {
  const stored = settings.source.header;
  const first = parseRange(settings.source.address).column;
  const letter = (i: number): string => columnLetter(first + i);
  if (!stored) {
    const width = parseRange(settings.source.address).columnCount;
    if (header.length === width) return { columns: settings.columns, moved: [], ...(settings.strata ? { strata: settings.strata } : {}) };
    throw changedError(settings.source.sheet, [
      {
        da: `dataene er nu ${header.length} kolonner brede, men var ${width}, da analysen blev gemt uden kolonnenavne`,
        en: `the data are now ${header.length} columns wide but were ${width} when the analysis was saved without column names`,
      },
    ]);
  }
  const keys = header.map((h) => headerKey(h));
  const target = new Map<number, number>();
  const moved: ColumnMove[] = [];
  const problems: { da: string; en: string }[] = [];
  for (const i of new Set(roleColumns(settings.columns))) {
    const name = stored[i] ?? "";
    const key = headerKey(name);
    if (key !== "" && keys[i] === key) {
      target.set(i, i);
      continue;
    }
    const found = key === "" ? [] : keys.flatMap((k, j) => (k === key ? [j] : []));
    if (found.length === 1) {
      target.set(i, found[0]);
      moved.push({ name, from: i, to: found[0] });
      continue;
    }
    const label = name === "" ? `kolonne ${letter(i)} (uden navn)` : `"${name}" (var kolonne ${letter(i)})`;
    const labelEn = name === "" ? `column ${letter(i)} (no name)` : `"${name}" (was column ${letter(i)})`;
    if (found.length === 0) problems.push({ da: `${label} findes ikke længere`, en: `${labelEn} is no longer there` });
    else problems.push({ da: `${label} findes ${found.length} gange (${found.map(letter).join(", ")})`, en: `${labelEn} appears ${found.length} times (${found.map(letter).join(", ")})` });
  }
  if (problems.length > 0) throw changedError(settings.source.sheet, problems);
  const to = (i: number): number => target.get(i) ?? i;
  return { columns: mapColumns(settings.columns, to), moved, ...(settings.strata ? { strata: settings.strata.map(to) } : {}) };
}
