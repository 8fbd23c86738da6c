/** Types of the randomisation (forsøgsdesign). */
import type { CellScalar } from "../report/sheetSpec";

export type Lang = "da" | "en";

/** Where a citizen ends up: a trial arm, or a reserve in its stratum (called in when someone declines). */
export type DesignArm = "intervention" | "control" | "reserve";

/** A stratification column: its index in the header; `cuts` (ascending) make it continuous. */
export interface StratumColumn {
  column: number;
  cuts?: number[];
}

export interface AllocationOptions {
  /** Index of the ID column in the header. */
  idColumn: number;
  strata: StratumColumn[];
  /** Integer 0 … 4294967295 (MT19937 init_genrand). */
  seed: number;
  /** 2: pairs (the default); 4: blocks of four with two of each arm. */
  blockSize: 2 | 4;
  /** The last `reserves` citizens of each stratum's order are reserves, not allocated. */
  reserves: number;
}

/** The eligibility list as read: header row and one row per citizen. */
export interface EligibilityInput {
  sheet: string;
  /** A1 range of header + rows on `sheet` (e.g. "A1:M61"); its top-left names the cells in messages. */
  address: string;
  header: CellScalar[];
  rows: CellScalar[][];
}

export interface Stratum {
  /** 1, 2, … in the order in which the strata first appear in the list. */
  number: number;
  /** Language-independent key of the levels. */
  key: string;
  /** One level text per stratification column (e.g. "Kvinde", "under 30"). */
  levels: string[];
  size: number;
}

export type CitizenStatus = "allocated" | "reserve" | "declined" | "replacement";

export interface AllocatedCitizen {
  id: string;
  /** 0-based index in the input rows (list order). */
  row: number;
  stratum: number;
  /** The citizen's random number (drawn in list order). */
  random: number;
  /** 1-based place in the stratum after sorting by the random number. */
  order: number;
  arm: DesignArm;
  /** "B3": the third block (pair or four) of the stratum; "R2": the second pair of leftovers across strata; "" for reserves. */
  block: string;
  /** The draw that decided the block's arms, on the block's first citizen; null otherwise. */
  draw: number | null;
  status: CitizenStatus;
  /** For a replacement: the ID of the citizen who declined; for a declined citizen: the replacement's ID. */
  partner?: string;
}

export interface Allocation {
  options: AllocationOptions;
  /** In list order. */
  citizens: AllocatedCitizen[];
  strata: Stratum[];
  /** Header texts of the stratification columns. */
  strataHeaders: string[];
  idHeader: string;
  /** SHA-256 of the canonical input list (hash.ts). */
  hash: string;
  algorithm: string;
  procedureVersion: number;
}

export interface Decline {
  id: string;
  /** ISO 8601 time the decline was registered. */
  at: string;
}

export interface ReplacementEntry {
  at: string;
  declined: string;
  replacement: string;
  stratum: number;
  arm: DesignArm;
}
