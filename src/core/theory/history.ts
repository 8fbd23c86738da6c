/**
 * Undo/redo history of immutable values (the pane's programme theory). Pure: the caller passes
 * the time of each edit, so successive keystrokes in one field (same `key`, close in time) make
 * one step to undo rather than one per letter.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Field of the last edit and when it happened (ms), for merging keystrokes. */
  lastKey?: string;
  lastAt?: number;
}

/** Steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;
/** Keystrokes in one field this close together (ms) are one step. */
export const MERGE_WINDOW_MS = 1500;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records `next` as the new present. An edit with the same `key` as the last one, within the merge window, replaces it. */
export function record<T>(h: History<T>, next: T, opts: { key?: string; at?: number } = {}): History<T> {
  if (next === h.present) return h;
  const merge = opts.key !== undefined && opts.key === h.lastKey && opts.at !== undefined && h.lastAt !== undefined && opts.at - h.lastAt <= MERGE_WINDOW_MS;
  const past = merge ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  const out: History<T> = { past, present: next, future: [] };
  if (opts.key !== undefined) out.lastKey = opts.key;
  if (opts.at !== undefined) out.lastAt = opts.at;
  return out;
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
