/**
 * The evaluation's parts as the Overblik pane lists them (issue 21 item 1): each generated part of
 * the workbook, what it is made from, and whether it is up to date with that.
 */
import type { Text } from "../stats";

export type PartStatus = "missing" | "done" | "stale" | "refused";

/** What is kept with a generated part: when it was made and the fingerprint of its inputs then. */
export interface PartRecord {
  madeAt: string;
  fingerprint: string;
}

/** The inputs of a part as found now. */
export type PartInputs =
  /** Nothing to make it from yet (no theory, no settings): the part is missing. */
  | { kind: "absent" }
  /** The inputs cannot be read as the part needs them (a column gone, damaged settings): refused, with the reason. */
  | { kind: "refused"; reason: Text }
  | { kind: "ok"; fingerprint: string };

/** Everything known about one part before deciding its state. */
export interface PartFacts {
  id: string;
  title: Text;
  /** Parts whose output this part reads (ids); they are regenerated first. */
  dependsOn: string[];
  /** The part's sheet exists (made by the add-in). */
  exists: boolean;
  made: PartRecord | null;
  inputs: PartInputs;
}

export interface PartState {
  id: string;
  title: Text;
  status: PartStatus;
  /** When the part was made (ISO), null when unknown. */
  madeAt: string | null;
  /** Why it is refused, or why a stale part was not updated. */
  reason: Text | null;
}
