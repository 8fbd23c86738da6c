/**
 * Replacement: when an allocated citizen declines ("afslået"), the first reserve of the same stratum
 * (lowest order in stratum) not yet called in takes over the decliner's arm. Declines are applied in
 * the order they were registered, so the log is reproducible from the stored list of declines.
 */
import { normaliseKey } from "../data";
import { VirkningError } from "../errors";
import type { AllocatedCitizen, Allocation, Decline, ReplacementEntry } from "./types";

export interface AppliedDeclines {
  allocation: Allocation;
  log: ReplacementEntry[];
}

function refuse(code: string, da: string, en: string): never {
  throw new VirkningError(code, da, en);
}

function applyOne(citizens: AllocatedCitizen[], d: Decline): ReplacementEntry {
  // IDs are unique regardless of case and spacing (validate.ts), so "b005" finds "B005"
  const c = citizens.find((x) => normaliseKey(x.id) === normaliseKey(d.id));
  if (!c) refuse("DESIGN_UNKNOWN_ID", `Der er ingen borger med ID "${d.id}" i randomiseringen.`, `There is no citizen with the ID "${d.id}" in the randomisation.`);
  if (c.status === "declined") refuse("DESIGN_ALREADY_DECLINED", `Borger ${c.id} er allerede markeret som afslået.`, `Citizen ${c.id} is already marked as declined.`);
  if (c.status === "reserve") refuse("DESIGN_IS_RESERVE", `Borger ${c.id} er reserve og er ikke fordelt; kun fordelte borgere kan afslå.`, `Citizen ${c.id} is a reserve and has not been allocated; only allocated citizens can decline.`);
  const next = citizens.filter((x) => x.stratum === c.stratum && x.status === "reserve").sort((a, b) => a.order - b.order)[0];
  if (!next) {
    refuse(
      "DESIGN_NO_RESERVE",
      `Der er ingen reserver tilbage i stratum ${c.stratum}, så ingen kan kaldes ind i stedet for borger ${c.id}. Borgeren er ikke markeret som afslået.`,
      `There are no reserves left in stratum ${c.stratum}, so nobody can be called in instead of citizen ${c.id}. The citizen has not been marked as declined.`,
    );
  }
  next.arm = c.arm;
  next.status = "replacement";
  next.partner = c.id;
  c.status = "declined";
  c.partner = next.id;
  return { at: d.at, declined: c.id, replacement: next.id, stratum: c.stratum, arm: c.arm };
}

/** The allocation after the declines (in order). Throws, naming the citizen, when one cannot be applied. */
export function applyDeclines(allocation: Allocation, declines: readonly Decline[]): AppliedDeclines {
  const citizens = allocation.citizens.map((c) => ({ ...c }));
  const log = declines.map((d) => applyOne(citizens, d));
  return { allocation: { ...allocation, citizens }, log };
}
