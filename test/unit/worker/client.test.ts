/**
 * The pane's computation client without a real Worker (node has none): the main-thread fallback
 * gives runComparison's result, a cancel rejects with COMPUTE_CANCELLED and computes nothing, and a
 * worker that cannot start (blocked script) falls back to the main thread.
 */
import { runComparison, suggestSettings, type ComparisonInput } from "../../../src/core/analysis";
import { VirkningError } from "../../../src/core/errors";
import { sampleCitizens } from "../../../src/preview/sampleData";
import { CANCELLED, setWorkerFactory, startComputation, type WorkerLike } from "../../../src/worker/client";

const s = sampleCitizens();
const input: ComparisonInput = { sheet: "Borgere", address: "A1:M61", header: s.header, rows: s.rows };
const settings = suggestSettings(input);
const now = "2026-12-07T08:00:00.000Z";

afterEach(() => setWorkerFactory(null));

test("without Worker the comparison is computed on the main thread, after the pane has had a turn", async () => {
  setWorkerFactory(null);
  let settled = false;
  const c = startComputation("comparison", { input, settings, now });
  void c.result.then(() => (settled = true));
  await Promise.resolve();
  await Promise.resolve();
  expect(settled).toBe(false); // not yet: the pane draws its progress line first
  const r = await c.result;
  expect(settled).toBe(true);
  expect(r).toEqual(runComparison(input, settings, new Date(now)));
});

test("a cancel before the computation starts rejects with COMPUTE_CANCELLED, in Danish", async () => {
  setWorkerFactory(null);
  const c = startComputation("comparison", { input, settings, now });
  c.cancel();
  const e = await c.result.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(VirkningError);
  expect((e as VirkningError).code).toBe(CANCELLED);
  expect((e as VirkningError).message).toBe("Beregningen er annulleret. Intet er skrevet i projektmappen.");
});

test("a worker whose script cannot run: the same result, computed here instead", async () => {
  const w: WorkerLike & { terminated: boolean } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage() {
      setTimeout(() => w.onerror?.(new Event("error")), 0);
    },
    terminate() {
      w.terminated = true;
    },
  };
  setWorkerFactory(async () => w);
  const r = await startComputation("comparison", { input, settings, now }).result;
  expect(w.terminated).toBe(true);
  expect(r).toEqual(runComparison(input, settings, new Date(now)));
});
