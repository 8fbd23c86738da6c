/**
 * What the computation worker does with a request: the pure core entry point, with progress
 * reports passed on (at most one every PROGRESS_INTERVAL_MS). Shared by the worker and by the
 * pane's main-thread fallback, so both compute exactly the same.
 */
import { runComparison } from "../core/analysis";
import { runRegisterCore } from "../core/register/run";
import { withProgress, type ProgressReport } from "../core/progress";
import type { ComputeKind, ComputeRequests, ComputeResults, ToWorker } from "./protocol";

export const PROGRESS_INTERVAL_MS = 100;

const handlers: { [K in ComputeKind]: (p: ComputeRequests[K]) => ComputeResults[K] } = {
  comparison: (p) => runComparison(p.input, p.settings, new Date(p.now)),
  register: (p) => runRegisterCore(p),
};

/** Run `request`, telling `onProgress` how far it has come. Throws what the core throws. */
export function compute(request: ToWorker, onProgress: (r: ProgressReport) => void, clock: () => number = Date.now): ComputeResults[ComputeKind] {
  let last = -Infinity;
  const listener = (r: ProgressReport): void => {
    const t = clock();
    if (t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    onProgress(r);
  };
  return withProgress(listener, () => handlers[request.kind](request.payload as never));
}
