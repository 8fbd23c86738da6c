/**
 * For the comparison (src/core/analysis/trial.ts joins it to the data by ID): the groups and
 * strata of the citizens in the trial, taken from the allocation table of the "Randomisering" sheet
 * as read back (header row + rows, in either language). Citizens who declined and reserves that were
 * never called in are not in the trial and are left out; replacements are in with the arm they took over.
 */
import { VirkningError } from "../errors";
import { cellText, mapGroupLabel, normaliseKey, type Arm } from "../data";
import type { CellScalar } from "../report/sheetSpec";

export interface TrialMember {
  arm: Arm;
  stratum: number;
}

const GROUP = { keys: ["gruppe", "group"], da: "Gruppe", en: "Group" };
const STRATUM = { keys: ["stratum"], da: "Stratum", en: "Stratum" };
const STATUS = { keys: ["status"], da: "Status", en: "Status" };
const OUT = [/^afslået/, /^declined/, /^reserve/];

function column(header: readonly CellScalar[], c: { keys: string[]; da: string; en: string }): number {
  const i = header.findIndex((h) => c.keys.includes(normaliseKey(h)));
  if (i < 0) {
    throw new VirkningError(
      "DESIGN_TABLE_COLUMNS",
      `Fordelingstabellen i arket "Randomisering" mangler kolonnen "${c.da}". Randomisér igen, eller vælg grupperne selv.`,
      `The allocation table on the sheet "Randomisering" lacks the column "${c.en}". Randomise again, or choose the groups yourself.`,
    );
  }
  return i;
}

export interface TrialTable {
  /** ID (as on the sheet) → arm and stratum, for the citizens in the trial. */
  members: Map<string, TrialMember>;
  /** IDs on the sheet that are not in the trial: citizens who declined, and reserves never called in. */
  outside: Set<string>;
}

/** The allocation table read back: who is in the trial (arm, stratum) and who is on the list but not in it. */
export function trialTableFromRows(header: readonly CellScalar[], rows: readonly (readonly CellScalar[])[]): TrialTable {
  const g = column(header, GROUP);
  const st = column(header, STRATUM);
  const s = column(header, STATUS);
  const members = new Map<string, TrialMember>();
  const outside = new Set<string>();
  for (const r of rows) {
    const id = cellText(r[0]);
    if (id === "") continue;
    const status = normaliseKey(r[s]);
    const arm = mapGroupLabel(cellText(r[g]));
    if (OUT.some((re) => re.test(status)) || arm === null) outside.add(id);
    else members.set(id, { arm, stratum: Number(r[st]) });
  }
  return { members, outside };
}

/** ID (first column) → arm and stratum, for the citizens in the trial. */
export function trialMembersFromTable(header: readonly CellScalar[], rows: readonly (readonly CellScalar[])[]): Map<string, TrialMember> {
  return trialTableFromRows(header, rows).members;
}
