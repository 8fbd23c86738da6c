/**
 * Cooperative progress of long computations (issue 23 item 6). The core stays synchronous and knows
 * nothing of threads: a caller that wants to hear how far a computation has come runs it inside
 * `withProgress(listener, f)`; long loops call `reportProgress` now and then (cheaply: one check of a
 * counter between reports). The pane runs these computations in a Web Worker, whose listener posts
 * each report to the pane; cancelling ends the worker. A listener may also throw to stop the
 * computation (the main-thread fallback uses this).
 */
import type { Text } from "./stats/types";

export interface ProgressReport {
  /** What is being computed now, e.g. "Fishers eksakte test (r×c)". */
  what: Text;
  /** Share of this step's work budget used so far (0–1), when the step has one. */
  fraction?: number;
}

export type ProgressListener = (report: ProgressReport) => void;

let current: ProgressListener | null = null;

/** Run `f` with `listener` hearing every progress report made while it runs (nested calls restore the outer one). */
export function withProgress<T>(listener: ProgressListener, f: () => T): T {
  const outer = current;
  current = listener;
  try {
    return f();
  } finally {
    current = outer;
  }
}

/** True when someone listens (a loop may skip building its report otherwise). */
export function progressListened(): boolean {
  return current !== null;
}

/** Tell the listener, if any, how far the computation has come. */
export function reportProgress(report: ProgressReport): void {
  if (current) current(report);
}
