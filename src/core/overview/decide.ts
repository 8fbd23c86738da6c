/**
 * Deciding each part's state from what is stored and what is read now.
 *
 * Rule (README of this folder): a part is
 * - missing: it was never made (no sheet and no record), or there is nothing to make it from;
 * - refused: its inputs cannot be read as it needs them, or its last regeneration was refused on
 *   exactly these inputs and it was not made since (the reason is kept in the workbook's settings,
 *   src/excel/partRecords.ts, so the pane says it again when opened later);
 * - stale: it was made, but the fingerprint of its inputs differs from the one kept when it was made
 *   (or none was kept: made by an older version, so it cannot be vouched for);
 * - done: otherwise.
 * A part's fingerprint covers exactly the data it reads (a dependency's data included where the part
 * reads it), so an edit marks exactly the parts that read the edited cell.
 */
import type { Text } from "../stats";
import type { PartFacts, PartState } from "./types";

/** A refusal of the last "Opdater alt", remembered with the fingerprint it was refused on (and when, ISO). */
export interface Refusal {
  fingerprint: string | null;
  reason: Text;
  at?: string;
}

/** The refusal still stands: the inputs are those it was refused on, and the part was not made since (in its own pane). */
const stands = (f: PartFacts, r: Refusal | undefined): r is Refusal =>
  !!r && f.inputs.kind === "ok" && r.fingerprint === f.inputs.fingerprint && !(r.at && f.made && f.made.madeAt > r.at);

export function decidePart(f: PartFacts, refusal?: Refusal): PartState {
  const base = { id: f.id, title: f.title, madeAt: f.made?.madeAt ?? null, reason: null };
  if (f.inputs.kind === "refused") return { ...base, status: "refused", reason: f.inputs.reason };
  if (f.inputs.kind === "absent") return { ...base, status: "missing" };
  if (stands(f, refusal)) return { ...base, status: "refused", reason: refusal.reason };
  if (!f.made) return { ...base, status: f.exists ? "stale" : "missing" };
  return { ...base, status: f.made.fingerprint === f.inputs.fingerprint ? "done" : "stale" };
}

/** The parts in dependency order (each after the parts it depends on; otherwise in the given order). */
export function dependencyOrder<T extends { id: string; dependsOn: string[] }>(parts: T[]): T[] {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (p: T, path: Set<string>): void => {
    if (seen.has(p.id) || path.has(p.id)) return;
    path.add(p.id);
    for (const d of p.dependsOn) {
      const dep = byId.get(d);
      if (dep) visit(dep, path);
    }
    seen.add(p.id);
    out.push(p);
  };
  for (const p of parts) visit(p, new Set());
  return out;
}

export function decideParts(facts: PartFacts[], refusals: ReadonlyMap<string, Refusal> = new Map()): PartState[] {
  return dependencyOrder(facts).map((f) => decidePart(f, refusals.get(f.id)));
}

/** Whether "Opdater alt" regenerates the part: it is stale (missing parts are made in their own pane; refused ones need the user). */
export const needsUpdate = (s: PartState): boolean => s.status === "stale";

/** The mark on a stale part that "Opdater alt" did not reach because `refused` was refused first. */
export function notReached(refused: Text): Text {
  return { da: `Ikke opdateret, fordi "${refused.da}" blev afvist.`, en: `Not updated because "${refused.en}" was refused.` };
}
