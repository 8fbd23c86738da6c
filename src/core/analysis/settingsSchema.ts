/**
 * The schema of stored comparison settings (valibot). Settings come back from the workbook, where a user
 * or another program may have edited them: everything is checked before the pane or the analysis uses
 * it. Unknown keys are refused too (strict objects), so a misspelt or foreign field is reported instead of
 * silently ignored. `parseSettings` never throws on bad data: it returns the Danish/English message of
 * the first problems found, naming the field.
 */
import * as v from "valibot";
import { VirkningError } from "../errors";
import { parseRange } from "../report/address";
import type { ComparisonSettings } from "./settings";

const column = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(16_383));
/** ID and group may be unchosen (-1) while the pane is being set up. */
const roleColumn = v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(16_383));
const address = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      parseRange(s);
      return /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(s);
    } catch {
      return false;
    }
  }, "not a range address such as A1:M61"),
);
const label = v.pipe(v.string(), v.maxLength(1000));

/**
 * A record label → one of `values`, checked in place. Not v.record: it drops a key named "__proto__", and a
 * status or group label may be exactly that (it must stay mappable).
 */
function labelRecord<V extends string>(values: readonly V[]) {
  const ok = (k: string, x: unknown): boolean => k.length <= 1000 && (values as readonly unknown[]).includes(x);
  const allowed = values.map((x) => `"${x}"`).join(" | ");
  return v.custom<Record<string, V>>(
    (o) => typeof o === "object" && o !== null && !Array.isArray(o) && Object.entries(o).every(([k, x]) => ok(k, x)),
    // "key\tallowed\tgot", made into a sentence by parseSettings
    (issue) => {
      const o = issue.input;
      if (typeof o !== "object" || o === null || Array.isArray(o)) return `\tObject\t${typeof o}`;
      const bad = Object.entries(o).find(([k, x]) => !ok(k, x));
      return bad ? `${bad[0].slice(0, 40)}\t${allowed}\t${String(JSON.stringify(bad[1])).slice(0, 40)}` : "";
    },
  );
}

export const ComparisonSettingsSchema = v.strictObject({
  version: v.literal(1),
  source: v.strictObject({
    sheet: v.pipe(v.string(), v.minLength(1), v.maxLength(31)),
    address,
    layout: v.picklist(["wide", "long"]),
    header: v.optional(v.array(label)),
  }),
  columns: v.strictObject({
    id: roleColumn,
    group: roleColumn,
    baseline: v.array(
      v.strictObject({
        column,
        type: v.picklist(["categorical", "continuous"]),
        summary: v.optional(v.picklist(["auto", "meanSd", "medianIqr", "medianRange"])),
        cuts: v.optional(v.pipe(v.array(v.pipe(v.number(), v.finite())), v.maxLength(10))),
      }),
    ),
    timepoints: v.array(v.strictObject({ column, month: v.pipe(v.number(), v.minValue(0), v.maxValue(600)) })),
    long: v.optional(v.strictObject({ time: column, status: column })),
  }),
  groupMap: labelRecord(["intervention", "control"] as const),
  statusClasses: labelRecord(["valid", "notFollowedUp", "movedAway", "excluded"] as const),
  outcomes: v.array(
    v.strictObject({
      id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
      name: label,
      statuses: v.array(label),
      source: v.optional(v.strictObject({ kind: v.picklist(["slutmaal", "delmaal"]), id: v.string() })),
    }),
  ),
  testPolicy: v.picklist(["auto", "pearson", "fisher", "yates"]),
  baselinePValues: v.boolean(),
  confLevel: v.pipe(v.number(), v.minValue(0.5), v.maxValue(0.999)),
  lang: v.picklist(["da", "en"]),
  notCpr: v.optional(v.array(label)),
  confirmedLabels: v.optional(v.array(label)),
  otherLabels: v.optional(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)))),
  name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  resultSheet: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(31))),
  randomisation: v.optional(v.strictObject({ strata: v.boolean() })),
  strata: v.optional(v.pipe(v.array(column), v.maxLength(5))),
  adjustment: v.optional(v.strictObject({ covariates: v.pipe(v.array(label), v.maxLength(20)) })),
  numericOutcomes: v.optional(v.pipe(v.array(v.strictObject({ outcome: label, baseline: label, covariates: v.pipe(v.array(label), v.maxLength(20)) })), v.maxLength(10))),
  title: v.optional(v.pipe(v.string(), v.maxLength(200))),
  headline: v.optional(v.strictObject({ outcome: v.pipe(v.string(), v.maxLength(200)), month: v.pipe(v.number(), v.minValue(0), v.maxValue(600)) })),
  lastRun: v.optional(v.strictObject({ at: v.pipe(v.string(), v.isoTimestamp()), fingerprint: v.pipe(v.string(), v.regex(/^[a-p]{16}$/)) })),
});

export type ParsedSettings = { ok: true; settings: ComparisonSettings } | { ok: false; error: VirkningError };

/** Check stored settings. Never throws on bad data. */
export function parseSettings(value: unknown): ParsedSettings {
  const r = v.safeParse(ComparisonSettingsSchema, value);
  if (r.success) return { ok: true, settings: r.output as ComparisonSettings };
  // `received` may be a label from the data: shortened, and only ever shown in the pane
  const got = (i: v.BaseIssue<unknown>): string => (i.received.length > 40 ? `${i.received.slice(0, 39)}…` : i.received);
  const describe = (i: v.BaseIssue<unknown>, lang: 0 | 1): string => {
    const path = v.getDotPath(i) ?? (lang === 0 ? "(hele værdien)" : "(the whole value)");
    if (i.type === "custom") {
      const [key, allowed, found] = i.message.split("\t");
      const where = key ? `${path}.${key}` : path;
      return lang === 0 ? `${where}: forventet ${allowed}, fandt ${found}` : `${where}: expected ${allowed}, got ${found}`;
    }
    return lang === 0 ? `${path}: ${i.expected ? `forventet ${i.expected}, fandt ${got(i)}` : i.message}` : `${path}: ${i.expected ? `expected ${i.expected}, got ${got(i)}` : i.message}`;
  };
  const where = r.issues.slice(0, 3).map((i) => describe(i, 0));
  const whereEn = r.issues.slice(0, 3).map((i) => describe(i, 1));
  const more = r.issues.length > 3 ? ` (og ${r.issues.length - 3} flere)` : "";
  const moreEn = r.issues.length > 3 ? ` (and ${r.issues.length - 3} more)` : "";
  return {
    ok: false,
    error: new VirkningError(
      "SETTINGS_INVALID",
      `De gemte indstillinger for sammenligningen i projektmappen kan ikke bruges: ${where.join("; ")}${more}. De er måske redigeret uden for Virkning eller gemt af en anden version. Tryk på "Nulstil" for at slette dem og sætte sammenligningen op igen.`,
      `The comparison settings stored in the workbook cannot be used: ${whereEn.join("; ")}${moreEn}. They may have been edited outside Virkning or saved by another version. Press "Reset" to delete them and set up the comparison again.`,
    ),
  };
}
