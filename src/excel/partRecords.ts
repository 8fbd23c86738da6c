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
import { saveState } from "./state";

/** Each part's record is kept under its own key ("virkning.part.summary"), so recording is one write. */
export const PART_STATE_PREFIX = "virkning.part.";

/** The ids of the fixed parts (an analysis is "analysis:<name>" and keeps its record in its settings). */
export const PART_IDS = { theory: "theory", design: "design", measurement: "measurement", progression: "progression", summary: "summary" } as const;

const RecordSchema = v.object({
  madeAt: v.string(),
  fingerprint: v.pipe(v.string(), v.regex(/^[a-p]{16}$/)),
  /** What a part needs to be made again that is not stored elsewhere (the measurement sheet's start date). */
  startDate: v.optional(v.nullable(v.number())),
});
export type StoredPartRecord = v.InferOutput<typeof RecordSchema>;
export type PartRecords = Record<string, StoredPartRecord>;

/**
 * The records as stored, by part id. A value that is not readable as a record is left out (the part then
 * shows as not vouched for). 1 sync.
 */
export async function loadPartRecords(run: ExcelRun): Promise<PartRecords> {
  return run(async (context) => {
    const items = context.workbook.settings.load("items/key,items/value");
    await context.sync();
    const out: PartRecords = {};
    for (const s of items.items) {
      if (!s.key.startsWith(PART_STATE_PREFIX) || typeof s.value !== "string") continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(s.value);
      } catch {
        continue;
      }
      const r = v.safeParse(RecordSchema, parsed);
      if (r.success) out[s.key.slice(PART_STATE_PREFIX.length)] = r.output;
    }
    return out;
  });
}

/** Keeps `record` as the part's record (see the file comment: never throws). 1 sync. */
export async function recordPart(run: ExcelRun, id: string, record: PartRecord & { startDate?: number | null }): Promise<void> {
  try {
    await saveState(run, PART_STATE_PREFIX + id, record);
  } catch {
    // the part then shows as stale; the sheet itself is written
  }
}
