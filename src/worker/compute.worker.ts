/**
 * The computation worker (bundled by webpack from `new Worker(new URL("./compute.worker.ts",
 * import.meta.url))` in spawn.ts): one request, progress reports while it runs, then the result or
 * the error. The pane cancels by terminating the worker.
 */
import { compute } from "./compute";
import { errorToData, type FromWorker, type ToWorker } from "./protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(m: FromWorker): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (e) => {
  try {
    const result = compute(e.data, (report) => scope.postMessage({ type: "progress", report }));
    scope.postMessage({ type: "done", result });
  } catch (err) {
    scope.postMessage({ type: "error", error: errorToData(err) });
  }
};
