/**
 * Issue 23 item 6 in the pane (jsdom): the comparison's statistics run in the computation worker
 * (here a stand-in that answers when the test says so, computing with the worker's own handler);
 * the pane shows a progress line with what is computed and "Annullér" while it runs, and a cancel
 * ends the worker and writes nothing.
 */
import * as React from "react";
import { deserialize, serialize } from "node:v8";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { renderInPane } from "./renderInPane";
import ComparisonPane from "../../src/taskpane/comparison/ComparisonPane";
import { createPreviewWorkbook, type PreviewWorkbook } from "../../src/preview/workbook";
import { setWorkerFactory, type WorkerFactory, type WorkerLike } from "../../src/worker/client";
import { compute } from "../../src/worker/compute";
import type { FromWorker, ToWorker } from "../../src/worker/protocol";

jest.setTimeout(60000);

/** What crosses to and from a worker: a structured clone (jsdom has no structuredClone; v8's is the same algorithm). */
const clone = <T,>(v: T): T => deserialize(serialize(v)) as T;

/** A worker stand-in: records the request; the test sends its messages. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  request: ToWorker | null = null;
  terminated = false;
  postMessage(m: ToWorker): void {
    this.request = clone(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(m: FromWorker): void {
    act(() => this.onmessage?.({ data: clone(m) } as MessageEvent<FromWorker>));
  }
}

let wb: PreviewWorkbook;
let workers: FakeWorker[];
let previous: WorkerFactory | null;

beforeEach(() => {
  wb = createPreviewWorkbook({ sample: true });
  globalThis.__virkningPreview = wb;
  workers = [];
  previous = setWorkerFactory(async () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
});

afterEach(() => {
  setWorkerFactory(previous);
  globalThis.__virkningPreview = undefined;
});

async function startCalculation(): Promise<FakeWorker> {
  wb.selectByUser("Borgere", { row: 5, column: 3, rowCount: 1, columnCount: 1 });
  renderInPane(<ComparisonPane />, "da");
  await screen.findByTestId("comparison-pane");
  await waitFor(() => expect(screen.queryByText("Læser data …")).toBeNull());
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  });
  await screen.findByTestId("compute-progress");
  await waitFor(() => expect(workers[0]?.request).not.toBeNull());
  return workers[0];
}

test("the progress line says what is computed and how far; Annullér ends the worker and nothing is written", async () => {
  const w = await startCalculation();
  expect(w.request!.kind).toBe("comparison");
  expect(screen.getByTestId("compute-progress").textContent).toMatch(/^Beregner … · \d+ s/);
  w.send({ type: "progress", report: { what: { da: "Fishers eksakte test (r×c)", en: "Fisher's exact test (r x c)" }, fraction: 0.42 } });
  expect(screen.getByTestId("compute-progress").textContent).toMatch(/^Beregner … Fishers eksakte test \(r×c\) \(42 % af tidsbudgettet\) · \d+ s/);
  // the pane answers while the worker computes: every other action waits, Annullér is there
  expect((screen.getByRole("button", { name: "Beregn" }) as HTMLButtonElement).disabled).toBe(true);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Annullér" }));
  });
  expect(w.terminated).toBe(true);
  expect((await screen.findByTestId("compute-cancelled")).textContent).toBe("Beregningen er annulleret. Intet er skrevet i projektmappen.");
  expect(screen.queryByTestId("compute-progress")).toBeNull();
  expect(wb.getSheet("Sammenligning")).toBeUndefined();
  expect((screen.getByRole("button", { name: "Beregn" }) as HTMLButtonElement).disabled).toBe(false);
  // a late message from the ended worker changes nothing
  w.send({ type: "done", result: compute(w.request!, () => undefined) });
  expect(wb.getSheet("Sammenligning")).toBeUndefined();
});

test("the worker's result is written; its error is shown in Danish", async () => {
  const w = await startCalculation();
  w.send({ type: "done", result: compute(w.request!, () => undefined) });
  await screen.findByTestId("written");
  expect(w.terminated).toBe(true);
  expect(wb.getSheet("Sammenligning")).toBeDefined();
  expect(screen.queryByTestId("compute-progress")).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Beregn" }));
  });
  await waitFor(() => expect(workers[1]?.request).not.toBeNull());
  workers[1].send({ type: "error", error: { code: "STATS_X", message: "Testen kunne ikke beregnes (Borgere!C4).", messageEn: "The test could not be computed (Borgere!C4)." } });
  expect(await screen.findByText(/Testen kunne ikke beregnes \(Borgere!C4\)\./)).toBeTruthy();
  expect(screen.queryByTestId("compute-cancelled")).toBeNull();
});
