/**
 * The computation worker's handling of a request (src/worker/compute.ts, protocol.ts), as the worker
 * and the main-thread fallback run it: the comparison computed exactly as runComparison does,
 * progress passed on at most every 100 ms, and errors crossing as plain data and coming back as the
 * same Danish messages (a validation error with its problems).
 */
import { runComparison, suggestSettings, type ComparisonInput } from "../../../src/core/analysis";
import { VirkningError, VirkningValidationError } from "../../../src/core/errors";
import type { ProgressReport } from "../../../src/core/progress";
import { sampleCitizens } from "../../../src/preview/sampleData";
import { compute, PROGRESS_INTERVAL_MS } from "../../../src/worker/compute";
import { errorFromData, errorToData } from "../../../src/worker/protocol";

const s = sampleCitizens();
const input: ComparisonInput = { sheet: "Borgere", address: "A1:M61", header: s.header, rows: s.rows };
const settings = suggestSettings(input);
const now = "2026-12-07T08:00:00.000Z";

test("a comparison request gives runComparison's result, and survives structured cloning", () => {
  const result = compute({ kind: "comparison", payload: { input, settings, now } }, () => undefined);
  const direct = runComparison(input, settings, new Date(now));
  expect(structuredClone(result)).toEqual(direct);
});

test("progress is passed on at most once per interval", () => {
  // under Fisher with Tabel 1 p-values, every categorical baseline variable of 3+ categories is an r×c
  // exact test, each reporting as it starts: here "Køn" made into 5 categories, beside the sample's own
  const rows = s.rows.map((r, i) => r.map((v, c) => (c === 2 ? `K${i % 5}` : v)));
  const five = { ...input, rows };
  const b = { ...suggestSettings(five), testPolicy: "fisher" as const, baselinePValues: true };
  const request = { kind: "comparison" as const, payload: { input: five, settings: b, now } };
  let t = 0;
  const all: ProgressReport[] = [];
  compute(request, (r) => all.push(r), () => (t += PROGRESS_INTERVAL_MS));
  expect(all.length).toBeGreaterThanOrEqual(2);
  expect(all[0].what.da).toBe("Fishers eksakte test (r×c)");
  // the clock moves half an interval per report made: every second report gets through
  t = 0;
  const heard: ProgressReport[] = [];
  compute(request, (r) => heard.push(r), () => (t += PROGRESS_INTERVAL_MS / 2));
  expect(heard).toEqual(all.filter((_, i) => i % 2 === 0));
});

test("errors cross as data and come back as the same messages, a validation error with its problems", () => {
  const one = new VirkningError("DUPLICATE_ID", "ID'et B1 står to gange (Borgere!A2 og A9).", "The ID B1 appears twice (Borgere!A2 and A9).", { sheet: "Borgere", cell: "A2" });
  const both = new VirkningValidationError([one, new VirkningError("X", "Anden fejl.", "Other error.")]);
  const back = errorFromData(structuredClone(errorToData(both)));
  expect(back).toBeInstanceOf(VirkningValidationError);
  expect([back.code, back.message, back.messageEn]).toEqual([both.code, both.message, both.messageEn]);
  expect((back as VirkningValidationError).problems[0]).toMatchObject({ code: "DUPLICATE_ID", location: { sheet: "Borgere", cell: "A2" } });
  const odd = errorFromData(errorToData(new TypeError("x is undefined")));
  expect(odd).toMatchObject({ code: "UNEXPECTED", message: "Der skete en uventet fejl i beregningen: x is undefined" });
});

test("bad data refused by the core is refused the same way through the worker's handler", () => {
  const rows = s.rows.map((r) => [...r]);
  rows[3][0] = rows[2][0];
  let err: unknown;
  try {
    compute({ kind: "comparison", payload: { input: { ...input, rows }, settings, now } }, () => undefined);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(VirkningError);
  expect(errorFromData(errorToData(err)).message).toBe((err as VirkningError).message);
});
