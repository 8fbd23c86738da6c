/** Plain input of the Ledelsesoverblik sheet, gathered by src/excel/summaryStore.ts from the workbook. */
import type { Arm } from "../analysis/settings";
import type { ComparisonResult } from "../analysis/types";
import type { Text } from "../stats";
import type { ProgrammeTheory } from "../theory/model";
import type { AnalysisState } from "./analysisState";
import type { Answer } from "./checklist";
import type { KeyFigureDefinition, KeyFigureEntry } from "./keyFigures";
import type { Audience } from "./release";
import type { RegisterBrief } from "./registerLine";

export type Lang = "da" | "en";

export const SUMMARY_SHEET_NAME = "Ledelsesoverblik";

export interface SummarySettings {
  /** Follow-up (months) for the key results; null = the latest. */
  followUp: number | null;
  /**
   * Who the page is for: "internal" (Intern, default) prints the real counts; "public" (Til
   * offentliggørelse) suppresses counts below `threshold` and every figure they can be recovered from.
   */
  audience: Audience;
  /** Publication only: counts from 1 to threshold − 1 are suppressed (default 5, never below 3). */
  threshold: number;
  lang: Lang;
}

export interface ProgressionBrief {
  /** Per delmål: citizens scored at least twice, and how many of them improved. */
  items: { id: string; name: string; paired: number; improved: number; groups?: Record<Arm, { paired: number; improved: number }> | null }[];
  /** Where the numbers are on the evaluator's sheets. */
  source: string;
}

/** The leader's entries on an existing sheet, keyed (never by position). */
export interface LeaderEntries {
  keyFigures: KeyFigureEntry[];
  /** The direction table (direction and decimals per key figure); absent on a sheet made before it existed. */
  keyDefinitions?: KeyFigureDefinition[];
  /** Checklist item id → answer and note. */
  answers: Record<string, { answer: Answer | null; raw: string; note: string }>;
}

export interface SummaryInput {
  settings: SummarySettings;
  /** ISO time of this build. */
  generatedAt: string;
  version: string;
  theory: { theory: ProgrammeTheory; errors: number } | null;
  /** The comparison run from the saved settings; `problem` says why it could not run (or is stale: see `analysis`). */
  comparison: { result: ComparisonResult; sheet: string } | { problem: Text } | null;
  /** Which saved analysis the numbers come from, when it ran, and whether they may be shown (null: none saved). */
  analysis?: AnalysisState | null;
  progression: ProgressionBrief | null;
  entries: LeaderEntries;
  /** The register analysis' headline (Registeropfølgning), when one exists: one more verdict line. */
  register?: RegisterBrief | null;
  /** Whether the comparison's groups were randomised (a "Randomisering" sheet from Forsøgsdesign exists); null: unknown. */
  randomised?: boolean | null;
}
