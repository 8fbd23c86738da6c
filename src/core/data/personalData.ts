/**
 * The one detector (cpr.ts) applied to plain values: settings written to the workbook and the panes' local
 * drafts. Every string anywhere in the value is checked, and every object key (maps keyed by status or
 * group labels hold user text in their keys). Numbers are not (a random seed or a case number of ten
 * digits cannot be told from a CPR number on its own; the data readers apply the column rule).
 */
import { cellHasCpr } from "./cpr";

/** A key a message may show: our own field names, never user text (map keys may be labels from the data). */
const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,40}$/;

function step(k: string | number): string {
  if (typeof k === "number") return `nr. ${k + 1}`;
  return FIELD_NAME.test(k) ? k : "…";
}

/**
 * Paths ("outcomes › nr. 2 › label") of the places in `value` that hold a CPR number; empty when none. A
 * path never contains the value or a user's map key (those show as "…").
 */
export function personalDataPaths(value: unknown, max = 5): string[] {
  const out: string[] = [];
  const visit = (v: unknown, path: (string | number)[]): void => {
    if (out.length >= max) return;
    if (typeof v === "string") {
      if (cellHasCpr(v)) out.push(path.map(step).join(" › ") || "(hele værdien)");
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, [...path, i]));
    } else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (cellHasCpr(k)) out.push([...path.map(step), "…"].join(" › "));
        visit(x, [...path, k]);
      }
    }
  };
  visit(value, []);
  return out;
}

/** Danish and English words that stand in for a removed CPR number in a local draft. */
export const CPR_REMOVED = { da: "[fjernet: lignede et CPR-nummer]", en: "[removed: looked like a CPR number]" } as const;

/**
 * A copy of `value` in which every string holding a CPR number is replaced by `replacement` (for a local
 * draft: the rest of the unsaved work is kept, the CPR number is not).
 */
export function withoutPersonalData<T>(value: T, replacement: string = CPR_REMOVED.da): T {
  const strip = (v: unknown): unknown => {
    if (typeof v === "string") return cellHasCpr(v) ? replacement : v;
    if (Array.isArray(v)) return v.map(strip);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).filter(([k]) => !cellHasCpr(k)).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  return strip(value) as T;
}
