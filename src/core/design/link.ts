/**
 * For the comparison (not wired yet; the comparison pane is being changed elsewhere): the groups and
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

/** ID (first column) → arm and stratum, for the citizens in the trial. */
export function trialMembersFromTable(header: readonly CellScalar[], rows: readonly (readonly CellScalar[])[]): Map<string, TrialMember> {
  const g = column(header, GROUP);
  const st = column(header, STRATUM);
  const s = column(header, STATUS);
  const out = new Map<string, TrialMember>();
  for (const r of rows) {
    const id = cellText(r[0]);
    const status = normaliseKey(r[s]);
    if (id === "" || OUT.some((re) => re.test(status))) continue;
    const arm = mapGroupLabel(cellText(r[g]));
    if (arm === null) continue;
    out.set(id, { arm, stratum: Number(r[st]) });
  }
  return out;
}
