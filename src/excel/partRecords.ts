/**
 * When each generated part of the evaluation was made and the fingerprint of its inputs then
 * (issue 21, the Overblik pane; core/overview decides the states). Kept in the workbook's settings under
 * one key per part, next to the stores' own settings. A saved analysis keeps its record in its own settings
 * (`lastRun`, core/analysis/rerun.ts), so it is not repeated here.
 *
 * The stores record a part right after writing its sheet. Recording never fails the generation: the
 * sheet is written by then, and a part without a record shows as stale ("cannot be vouched for"), which
 * is true. 1 sync.
 */
import * as v from "valibot";
import type { PartRecord } from "../core/overview";
import type { ExcelRun } from "./host";
import { deleteState, saveState } from "./state";

/** Each part's record is kept under its own key ("virkning.part.summary"), so recording is one write. */
export const PART_STATE_PREFIX = "virkning.part.";

/** The ids of the fixed parts (an analysis is "analysis:<name>" and keeps its record in its settings). */
export const PART_IDS = { theory: "theory", design: "design", measurement: "measurement", progression: "progression", chain: "chain", register: "register", summary: "summary" } as const;

const RecordSchema = v.object({
  madeAt: v.string(),
  fingerprint: v.pipe(v.string(), v.regex(/^[a-p]{16}$/)),
  /** What a part needs to be made again that is not stored elsewhere (the measurement sheet's start date). */
  startDate: v.optional(v.nullable(v.number())),
});
export type StoredPartRecord = v.InferOutput<typeof RecordSchema>;
export type PartRecords = Record<string, StoredPartRecord>;

/**
 * The refusal of the last "Opdater alt" (one at most: it stops at the first), kept so that the pane says it
 * again when it is opened later: the part, the fingerprint of its inputs when it was refused, when, and the
 * reason in Danish and English (a VirkningError's message: it names sheet and cell, never a value; the
 * settings store's personal-data gate checks it too). Replaced by every "Opdater alt".
 */
export const REFUSAL_STATE_KEY = "virkning.overview.refusal";

const RefusalSchema = v.object({
  id: v.string(),
  fingerprint: v.nullable(v.string()),
  at: v.string(),
  reason: v.object({ da: v.string(), en: v.string() }),
});
export type StoredRefusal = v.InferOutput<typeof RefusalSchema>;

const parsedJson = (value: unknown): unknown => {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

/**
 * The records as stored, by part id, and the last refusal. A value that is not readable as a record is left
 * out (the part then shows as not vouched for). 1 sync.
 */
export async function loadOverviewRecords(run: ExcelRun): Promise<{ records: PartRecords; refusal: StoredRefusal | null }> {
  return run(async (context) => {
    const items = context.workbook.settings.load("items/key,items/value");
    await context.sync();
    const records: PartRecords = {};
    let refusal: StoredRefusal | null = null;
    for (const s of items.items) {
      if (s.key === REFUSAL_STATE_KEY) {
        const r = v.safeParse(RefusalSchema, parsedJson(s.value));
        if (r.success) refusal = r.output;
      }
      if (!s.key.startsWith(PART_STATE_PREFIX)) continue;
      const r = v.safeParse(RecordSchema, parsedJson(s.value));
      if (r.success) records[s.key.slice(PART_STATE_PREFIX.length)] = r.output;
    }
    return { records, refusal };
  });
}

/** The records as stored, by part id (see loadOverviewRecords). 1 sync. */
export async function loadPartRecords(run: ExcelRun): Promise<PartRecords> {
  return (await loadOverviewRecords(run)).records;
}

/**
 * Keeps the last "Opdater alt"'s refusal, or forgets it (null). Never throws: a refusal not kept is only not
 * said again after the pane is closed (the part then shows as out of date). 1 sync.
 */
export async function keepRefusal(run: ExcelRun, refusal: StoredRefusal | null): Promise<void> {
  try {
    if (refusal) await saveState(run, REFUSAL_STATE_KEY, refusal);
    else await deleteState(run, REFUSAL_STATE_KEY);
  } catch {
    // see the comment above
  }
}

/** Keeps `record` as the part's record (see the file comment: never throws). 1 sync. */
export async function recordPart(run: ExcelRun, id: string, record: PartRecord & { startDate?: number | null }): Promise<void> {
  try {
    await saveState(run, PART_STATE_PREFIX + id, record);
  } catch {
    // the part then shows as stale; the sheet itself is written
  }
}
