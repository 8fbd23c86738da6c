/**
 * The stored settings of the Registeropfølgning (workbook setting "virkning.register"), their schema
 * (valibot, strict: an unknown or misspelt field is reported, not ignored) and the checks the pane shows
 * beside its fields. Columns are kept by header text only, so "Kør igen" finds them again wherever they
 * moved; the header row is found again as the first of the sheet's first rows that holds the ID header.
 * The mapping holds only the classes the user chose (on "Statuskoder"); a label without one gets its
 * default (defaultWeekClass). Nothing that identifies a citizen is stored: no IDs, no group labels.
 */
import * as v from "valibot";
import { VirkningError } from "../errors";
import type { WeekClass } from "./weekly";
import type { WeeklyLayout } from "./layout";

export const REGISTER_SETTINGS_VERSION = 1;
export const WEEK_CLASSES: readonly WeekClass[] = ["selvforsoergende", "paaVej", "andet"];

export type StartRule = { rule: "data" } | { rule: "randomisation" } | { rule: "date"; date: string };

export interface RegisterSettings {
  version: 1;
  source: { sheet: string; layout: WeeklyLayout };
  /** Header texts of the role columns (long layout: also week and status). */
  columns: { id: string; group: string; start?: string; stratum?: string; week?: string; status?: string };
  /** Label (as on the sheet, trimmed; "" = a blank week) → the class the user chose. */
  mapping: Record<string, WeekClass>;
  start: StartRule;
  windows: { from: number; to: number }[];
  spellWeeks: number;
  tau?: number;
  durable?: { m: number; n: number; at: number };
  /** The last run: ISO time and a fingerprint of its classified data and settings (registerFingerprint). */
  lastRun?: { at: string; fingerprint: string };
}

const headerText = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const week = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000));

/** label → class, checked in place (v.record drops a key named "__proto__", and a label may be exactly that). */
const mappingSchema = v.custom<Record<string, WeekClass>>(
  (o) => typeof o === "object" && o !== null && !Array.isArray(o) && Object.entries(o).every(([k, x]) => k.length <= 255 && (WEEK_CLASSES as unknown[]).includes(x)),
  "a status label (at most 255 characters) → selvforsoergende | paaVej | andet",
);

export const RegisterSettingsSchema = v.strictObject({
  version: v.literal(REGISTER_SETTINGS_VERSION),
  source: v.strictObject({ sheet: v.pipe(v.string(), v.minLength(1), v.maxLength(31)), layout: v.picklist(["wide", "long"]) }),
  columns: v.strictObject({
    id: headerText,
    group: headerText,
    start: v.optional(headerText),
    stratum: v.optional(headerText),
    week: v.optional(headerText),
    status: v.optional(headerText),
  }),
  mapping: mappingSchema,
  start: v.variant("rule", [
    v.strictObject({ rule: v.literal("data") }),
    v.strictObject({ rule: v.literal("randomisation") }),
    v.strictObject({ rule: v.literal("date"), date: v.pipe(v.string(), v.minLength(1), v.maxLength(40)) }),
  ]),
  windows: v.pipe(
    v.array(v.strictObject({ from: week, to: week })),
    v.minLength(1),
    v.maxLength(12),
    v.check((ws) => ws.every((w) => w.from <= w.to), "every window runs from a week to a later one"),
  ),
  spellWeeks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(52)),
  tau: v.optional(week),
  durable: v.optional(
    v.pipe(
      v.strictObject({ m: week, n: week, at: week }),
      v.check((d) => d.m <= d.n && d.n <= d.at, "m ≤ n ≤ at"),
    ),
  ),
  lastRun: v.optional(v.strictObject({ at: v.pipe(v.string(), v.isoTimestamp()), fingerprint: v.pipe(v.string(), v.regex(/^[a-p]{16}$/)) })),
});

export type ParsedRegisterSettings = { ok: true; settings: RegisterSettings } | { ok: false; error: VirkningError };

/** Check stored settings; never throws on bad data (the error names the fields, never their values). */
export function parseRegisterSettings(value: unknown): ParsedRegisterSettings {
  const r = v.safeParse(RegisterSettingsSchema, value);
  if (r.success) return { ok: true, settings: r.output as RegisterSettings };
  const fields = [...new Set(r.issues.map((i) => v.getDotPath(i) ?? "(hele værdien)"))].slice(0, 4).join(", ");
  return {
    ok: false,
    error: new VirkningError(
      "SETTINGS_INVALID",
      `De gemte indstillinger for registeropfølgningen kan ikke bruges (felterne ${fields}). De er måske redigeret uden for Virkning eller gemt af en anden version. Vælg data og indstillinger igen, og tryk på "Beregn".`,
      `The stored settings of the register follow-up cannot be used (the fields ${fields.replace("(hele værdien)", "(the whole value)")}). They may have been edited outside Virkning or saved by another version. Choose the data and settings again and press "Calculate".`,
    ),
  };
}

/** The defaults: windows of half a year over three years, spells of 4 weeks, start from the data. */
export function defaultRegisterSettings(sheet: string, layout: WeeklyLayout, columns: RegisterSettings["columns"]): RegisterSettings {
  return {
    version: 1,
    source: { sheet, layout },
    columns,
    mapping: {},
    start: { rule: "data" },
    windows: [
      { from: 1, to: 26 },
      { from: 27, to: 52 },
      { from: 53, to: 78 },
    ],
    spellWeeks: 4,
  };
}

export interface FieldCheck<T> {
  value: T | null;
  /** Shown beside the field; null when the value is fine. */
  problem: { da: string; en: string } | null;
}

/** "1-26, 27-52, 53-78" → windows (1-based weeks, inclusive). */
export function parseWindows(text: string): FieldCheck<{ from: number; to: number }[]> {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "");
  const bad = { value: null, problem: { da: "Skriv vinduerne som uge fra–til, adskilt af komma, fx 1-26, 27-52, 53-78.", en: "Write the windows as week from–to, separated by commas, e.g. 1-26, 27-52, 53-78." } };
  if (parts.length === 0 || parts.length > 12) return parts.length > 12 ? { value: null, problem: { da: "Højst 12 vinduer.", en: "At most 12 windows." } } : bad;
  const out: { from: number; to: number }[] = [];
  for (const p of parts) {
    const m = /^(\d{1,4})\s*[-–]\s*(\d{1,4})$/.exec(p);
    if (!m) return bad;
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from < 1 || to > 1000 || from > to) return { value: null, problem: { da: `Vinduet ${p} skal gå fra en uge til en senere uge (uge 1 til 1000).`, en: `The window ${p} must run from a week to a later week (weeks 1 to 1000).` } };
    out.push({ from, to });
  }
  return { value: out, problem: null };
}

export const formatWindows = (ws: { from: number; to: number }[]): string => ws.map((w) => `${w.from}-${w.to}`).join(", ");

/** A whole number of weeks in [min, max]; blank allowed when `optional` (value null then). */
export function parseWeeks(text: string, min: number, max: number, optional = false): FieldCheck<number> {
  const t = text.trim();
  if (t === "" && optional) return { value: null, problem: null };
  const n = /^\d{1,4}$/.test(t) ? Number(t) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    return { value: null, problem: { da: `Skriv et helt antal uger fra ${min} til ${max}.`, en: `Enter a whole number of weeks from ${min} to ${max}.` } };
  }
  return { value: n, problem: null };
}
