/**
 * A draft of unsaved work, kept in the browser's local storage of the add-in while the pane is
 * open, so that closing the task pane (or Excel) before "Gem i projektmappen" loses nothing: the
 * next time the pane opens on the same workbook it offers the draft back. Nothing is written to
 * the workbook; the draft is cleared when the theory is saved or matches the sheet again.
 *
 * A draft never keeps a CPR number (issue 19): every text field that holds one is replaced by
 * CPR_REMOVED before it is stored, and again when an older draft is read.
 */
import { withoutPersonalData } from "../../core/data/personalData";
import type { ProgrammeTheory } from "../../core/theory";

const PREFIX = "virkning.programteori.kladde:";

export interface StoredDraft {
  theory: ProgrammeTheory;
  savedAt: string;
}

/** The workbook the pane runs in: its URL in Office (empty for a new, unsaved workbook), "preview" in the browser preview. */
function workbookKey(): string {
  if (globalThis.__virkningPreview) return "preview";
  const office = (globalThis as { Office?: { context?: { document?: { url?: string } } } }).Office;
  return office?.context?.document?.url || "ny-projektmappe";
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be blocked (privacy settings); the pane then works without drafts.
    return null;
  }
}

const isStringArray = (x: unknown): boolean => Array.isArray(x) && x.every((v) => typeof v === "string");

/** A light structural check: a draft is our own data, but storage is shared with older versions. */
function looksLikeTheory(x: unknown): x is ProgrammeTheory {
  if (typeof x !== "object" || x === null) return false;
  const t = x as Record<string, unknown>;
  const tg = t.targetGroup as Record<string, unknown> | undefined;
  return (
    typeof t.title === "string" &&
    typeof tg === "object" &&
    tg !== null &&
    typeof tg.name === "string" &&
    isStringArray(tg.characteristics) &&
    ["finalGoals", "subGoals", "activities", "mechanisms", "activityMechanisms", "links"].every((k) => Array.isArray(t[k]))
  );
}

export function saveDraft(theory: ProgrammeTheory, now = new Date()): void {
  try {
    storage()?.setItem(PREFIX + workbookKey(), JSON.stringify({ theory: withoutPersonalData(theory), savedAt: now.toISOString() }));
  } catch {
    // Full or blocked storage: the draft is a convenience, not the saved theory.
  }
}

export function loadDraft(): StoredDraft | null {
  const raw = storage()?.getItem(PREFIX + workbookKey());
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as { theory?: unknown; savedAt?: unknown };
    return looksLikeTheory(d.theory) && typeof d.savedAt === "string" ? { theory: withoutPersonalData(d.theory), savedAt: d.savedAt } : null;
  } catch {
    return null;
  }
}

export function clearDraft(): void {
  storage()?.removeItem(PREFIX + workbookKey());
}
