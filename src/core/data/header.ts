/**
 * Header detection and column-role suggestions for case data (one row per citizen, or long layout with one
 * row per citizen and time point). Suggestions only: the pane shows them and the user confirms.
 */
import { mapGroupLabel } from "./groups";
import { cellText, isBlank, normaliseKey, parseDanishDateText, parseDanishNumber, type CellValue } from "./values";

export type BaselineType = "categorical" | "continuous";

export type ColumnRole =
  | { role: "id" }
  | { role: "group" }
  | { role: "baseline"; type: BaselineType }
  | { role: "timepoint"; month: number }
  | { role: "time" }
  | { role: "status" }
  | { role: "ignore" };

export interface ColumnProfile {
  index: number;
  name: string;
  nonBlank: number;
  /** Non-blank values that are numbers or Danish number text. */
  numeric: number;
  /** Non-blank values that are date text ("03-05-2021"). */
  dates: number;
  /** Distinct non-blank values (counted up to 1000). */
  distinct: number;
  /** Values that are known group labels (Indsats/Kontrol, I/K, …). */
  groupLike: number;
  /** Longest text value (characters): free text (notes, names with remarks) is long. */
  maxLength: number;
  /** Largest absolute number value (0 without numbers). */
  maxNumber: number;
  kind: "empty" | "number" | "date" | "text";
}

/**
 * Most categories a categorical baseline variable may have. More levels make Tabel 1 unreadable and, with
 * few citizens per level, can single out a person (names, free text, a second ID column): such a column
 * is not suggested, and choosing it is refused with a message (dataset.ts, TOO_MANY_LEVELS).
 */
export const MAX_CATEGORY_LEVELS = 20;

/** Text longer than this in a column marks it as free text (never suggested as a baseline variable). */
export const FREE_TEXT_CHARS = 60;

/**
 * Privacy rule for suggestions: a column may be suggested as a baseline variable unless it looks like free
 * text or an identifier: any text longer than FREE_TEXT_CHARS, more than MAX_CATEGORY_LEVELS distinct texts,
 * texts of which more than half are distinct (from 10 values on), or numbers that are all distinct from 30
 * values on and either reach 1,000 or sit under an ID-like name (a second ID or case-number column; ages
 * and counts stay below 1,000).
 */
export function mayBeSuggestedAsBaseline(c: ColumnProfile): boolean {
  if (c.kind === "text") {
    if (c.maxLength > FREE_TEXT_CHARS || c.distinct > MAX_CATEGORY_LEVELS) return false;
    return c.nonBlank < 10 || c.distinct <= 0.5 * c.nonBlank;
  }
  if (c.kind === "number") return !(c.nonBlank >= 30 && c.distinct === c.nonBlank && (c.maxNumber >= 1000 || /(^|[^a-zæøå])(id|nr|nummer|sagsnr|cpr)([^a-zæøå]|$)/i.test(c.name)));
  return false;
}

export interface RoleSuggestion {
  layout: "wide" | "long";
  id: number | null;
  group: number | null;
  baseline: { column: number; type: BaselineType }[];
  /** Wide layout: one status column per time point. */
  timepoints: { column: number; month: number }[];
  /** Long layout: the time (months) and status columns. */
  long?: { time: number; status: number };
  roles: ColumnRole[];
  columns: ColumnProfile[];
}

/**
 * Month of a follow-up from a column header: "Status 6 mdr" → 6, "6 mdr." → 6, "Status_12" → 12,
 * "18 måneder" → 18, "Status ved inklusion" / "Status 0" → 0. Null when the header names no time point.
 */
export function parseMonthHeader(text: string): number | null {
  const s = normaliseKey(text).replace(/_/g, " ");
  if (s.length === 0) return null;
  let m = /(\d{1,3})\s*(?:mdr|md|mnd|måned|maaned|months?|mo)\b/.exec(s) ?? /(\d{1,3})\s*(?:mdr|md|mnd|måned|maaned|months?)/.exec(s);
  if (m) return Number(m[1]);
  m = /(?:status|opfølgning|opf|follow-?up|tidspunkt)\D{0,3}(\d{1,3})\b/.exec(s);
  if (m) return Number(m[1]);
  if (/status/.test(s) && /(inklusion|visitation|start|baseline|opstart|indskrivning)/.test(s)) return 0;
  return null;
}

/** Month from a time cell in long layout: 6, "6", "6 mdr", "Status 12" → number; null when not a month. */
export function parseMonthValue(v: CellValue): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= 600 ? v : null;
  if (typeof v !== "string") return null;
  const t = v.trim();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  return parseMonthHeader(t);
}

/**
 * Index of the header row in a 2-D cell array (0-based), or -1 when none is found in the first 30 rows:
 * the first row with at least two non-blank cells, all of them text that is not a number or a date,
 * covering at least half of the widest row, and followed by at least one non-blank row.
 */
export function detectHeaderRow(values: CellValue[][]): number {
  const limit = Math.min(values.length, 30);
  let width = 0;
  for (let r = 0; r < Math.min(values.length, 200); r++) {
    let w = 0;
    const row = values[r];
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) w++;
    width = Math.max(width, w);
  }
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    let filled = 0;
    let textual = true;
    for (const v of row) {
      if (isBlank(v)) continue;
      filled++;
      if (typeof v !== "string") textual = false;
      else {
        const n = parseDanishNumber(v);
        if ((n !== null && !Number.isNaN(n)) || parseDanishDateText(v) !== null) textual = false;
      }
    }
    if (!textual || filled < 2 || filled * 2 < width) continue;
    for (let q = r + 1; q < values.length; q++) {
      if (values[q].some((v) => !isBlank(v))) return r;
    }
  }
  return -1;
}

const SAMPLE = 5000;

export function profileColumns(header: CellValue[], rows: CellValue[][]): ColumnProfile[] {
  let width = header.length;
  const n = Math.min(rows.length, SAMPLE);
  for (let r = 0; r < n; r++) width = Math.max(width, rows[r].length);
  const out: ColumnProfile[] = [];
  for (let c = 0; c < width; c++) {
    const seen = new Set<string>();
    let nonBlank = 0;
    let numeric = 0;
    let dates = 0;
    let groupLike = 0;
    let maxLength = 0;
    let maxNumber = 0;
    for (let r = 0; r < n; r++) {
      const v = rows[r][c];
      if (v === undefined || isBlank(v)) continue;
      nonBlank++;
      if (typeof v === "number") {
        numeric++;
        if (Math.abs(v) > maxNumber) maxNumber = Math.abs(v);
      }
      else if (typeof v === "string") {
        if (v.length > maxLength) maxLength = v.length;
        if (parseDanishDateText(v) !== null) dates++;
        else {
          const x = parseDanishNumber(v);
          if (x !== null && !Number.isNaN(x)) numeric++;
        }
        if (mapGroupLabel(v) !== null) groupLike++;
      }
      if (seen.size < 1000) seen.add(normaliseKey(v));
    }
    const kind: ColumnProfile["kind"] =
      nonBlank === 0 ? "empty" : dates >= 0.9 * nonBlank ? "date" : numeric >= 0.9 * nonBlank ? "number" : "text";
    out.push({ index: c, name: cellText(header[c]), nonBlank, numeric, dates, distinct: seen.size, groupLike, maxLength, maxNumber, kind });
  }
  return out;
}

const RE_ID = /^(id|id-?nr\.?|id nummer|borger-?id|borger ?nr\.?|borgernummer|løbe-?nr\.?|løbenummer|lbnr\.?|nr\.?|pseudonym|pseudo-?id|deltager-?id|deltager ?nr\.?|sags-?id|person-?id)$/;
const RE_GROUP = /(gruppe|group|arm|randomi|indsats\/kontrol|allokering)/;
const RE_TIME = /^(tid|tidspunkt|måned|måneder|mdr\.?|months?|time|opfølgning|opfølgningstidspunkt|follow-?up|målt ved)$/;
const RE_STATUS = /(status|forsørgelse|ydelse)/;

/** Suggest a role for every column (see RoleSuggestion). */
export function suggestRoles(header: CellValue[], rows: CellValue[][]): RoleSuggestion {
  const columns = profileColumns(header, rows);
  const roles: ColumnRole[] = columns.map(() => ({ role: "ignore" }));
  const keys = columns.map((c) => normaliseKey(c.name));
  const used = new Set<number>();

  // ID: by name, else the first column whose sampled values are all distinct.
  let id: number | null = keys.findIndex((k) => RE_ID.test(k));
  if (id < 0) {
    id = columns.findIndex((c) => c.nonBlank > 0 && c.distinct === c.nonBlank && c.nonBlank >= Math.min(rows.length, SAMPLE) * 0.9 && c.distinct < 1000);
    if (id < 0 && columns.length > 0 && columns[0].nonBlank > 0 && columns[0].distinct >= 1000) id = 0;
  }
  if (id < 0) id = null;
  if (id !== null) used.add(id);

  // Group: mostly known group labels, else by name with at most a few distinct values.
  let group: number | null = columns.findIndex((c) => !used.has(c.index) && c.nonBlank > 0 && c.groupLike >= 0.9 * c.nonBlank);
  if (group < 0) group = columns.findIndex((c, i) => !used.has(i) && RE_GROUP.test(keys[i]) && c.distinct <= 5 && c.nonBlank > 0);
  if (group < 0) group = null;
  if (group !== null) used.add(group);

  // Long layout: a time column (by name, values are months) next to a status column without a month.
  let long: { time: number; status: number } | undefined;
  const timeCol = columns.findIndex((c, i) => !used.has(i) && RE_TIME.test(keys[i]) && c.nonBlank > 0);
  const statusCol = columns.findIndex((c, i) => !used.has(i) && RE_STATUS.test(keys[i]) && parseMonthHeader(c.name) === null && c.kind === "text");
  if (timeCol >= 0 && statusCol >= 0) {
    long = { time: timeCol, status: statusCol };
    used.add(timeCol);
    used.add(statusCol);
  }

  const timepoints: { column: number; month: number }[] = [];
  if (!long) {
    for (const c of columns) {
      if (used.has(c.index) || c.kind === "number" || c.kind === "date") continue;
      const month = parseMonthHeader(c.name);
      if (month === null) continue;
      if (timepoints.some((t) => t.month === month)) continue;
      timepoints.push({ column: c.index, month });
      used.add(c.index);
    }
    timepoints.sort((a, b) => a.month - b.month);
  }

  const baseline: { column: number; type: BaselineType }[] = [];
  for (const c of columns) {
    if (used.has(c.index) || c.kind === "empty" || c.kind === "date" || c.name.length === 0 || !mayBeSuggestedAsBaseline(c)) continue;
    const type: BaselineType = c.kind === "number" && c.distinct > 6 ? "continuous" : "categorical";
    baseline.push({ column: c.index, type });
    used.add(c.index);
  }

  if (id !== null) roles[id] = { role: "id" };
  if (group !== null) roles[group] = { role: "group" };
  if (long) {
    roles[long.time] = { role: "time" };
    roles[long.status] = { role: "status" };
  }
  for (const t of timepoints) roles[t.column] = { role: "timepoint", month: t.month };
  for (const b of baseline) roles[b.column] = { role: "baseline", type: b.type };
  return { layout: long ? "long" : "wide", id, group, baseline, timepoints, long, roles, columns };
}
