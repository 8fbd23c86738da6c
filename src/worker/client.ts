/**
 * The pane's side of the computation worker: `startComputation` runs a request in a Web Worker
 * (so the pane stays responsive and Office does not restart the add-in during an r×c exact test),
 * passes on its progress, and cancels by terminating it. Where Worker is unavailable (jsdom, or a
 * worker that cannot start), the same computation runs on the main thread after the pane has drawn
 * its progress line; there a cancel takes effect at the next progress report.
 */
import { VirkningError } from "../core/errors";
import type { ProgressReport } from "../core/progress";
import { compute } from "./compute";
import { errorFromData, type ComputeKind, type ComputeRequests, type ComputeResults, type FromWorker, type ToWorker } from "./protocol";

export interface Computation<T> {
  result: Promise<T>;
  /** Stop the computation: the result rejects with COMPUTE_CANCELLED. */
  cancel(): void;
}

/** The minimum of a Worker that the client uses (a test may provide its own). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: Event) => void) | null;
  postMessage(m: ToWorker): void;
  terminate(): void;
}
export type WorkerFactory = () => Promise<WorkerLike>;

export const CANCELLED = "COMPUTE_CANCELLED";

export function cancelledError(): VirkningError {
  return new VirkningError(CANCELLED, "Beregningen er annulleret. Intet er skrevet i projektmappen.", "The calculation was cancelled. Nothing was written to the workbook.");
}

const realWorker: WorkerFactory = async () => (await import("./spawn")).spawnComputeWorker() as unknown as WorkerLike;
let factory: WorkerFactory | null = typeof Worker === "function" ? realWorker : null;

/** Tests: run computations through `f` (null: on the main thread). Returns the previous factory. */
export function setWorkerFactory(f: WorkerFactory | null): WorkerFactory | null {
  const previous = factory;
  factory = f;
  return previous;
}

/** Run `kind` with `payload` off the pane's thread where possible. */
export function startComputation<K extends ComputeKind>(kind: K, payload: ComputeRequests[K], onProgress: (r: ProgressReport) => void = () => undefined): Computation<ComputeResults[K]> {
  const request = { kind, payload } as ToWorker;
  let stop: () => void = () => undefined;
  let cancelled = false;
  const result = new Promise<ComputeResults[K]>((resolve, reject) => {
    const fail = (e: unknown): void => reject(e);
    stop = () => {
      cancelled = true;
      reject(cancelledError());
    };
    const onMainThread = (): void => {
      setTimeout(() => {
        if (cancelled) return;
        try {
          resolve(compute(request, (r) => {
            if (cancelled) throw cancelledError();
            onProgress(r);
          }) as ComputeResults[K]);
        } catch (e) {
          fail(e);
        }
      }, 0);
    };
    if (!factory) return onMainThread();
    factory().then((w) => {
      if (cancelled) return w.terminate();
      stop = () => {
        cancelled = true;
        w.terminate();
        reject(cancelledError());
      };
      w.onmessage = (e) => {
        const m = e.data;
        if (m.type === "progress") return onProgress(m.report);
        w.terminate();
        if (m.type === "done") resolve(m.result as ComputeResults[K]);
        else fail(errorFromData(m.error));
      };
      // The worker script could not run (blocked or failed to load): compute here instead.
      w.onerror = (e) => {
        e.preventDefault?.();
        w.terminate();
        onMainThread();
      };
      w.postMessage(request);
    }, onMainThread);
  });
  return { result, cancel: () => stop() };
}
