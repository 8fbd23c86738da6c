/**
 * The typed messages between the pane and its computation worker (issue 23 item 6). The pane sends
 * one request per worker; the worker answers with any number of progress reports and then one
 * result or one error. Everything crosses by structured clone: plain data only, so errors travel as
 * their fields and are rebuilt as VirkningError on the pane's side.
 */
import type { ComparisonInput, ComparisonResult, ComparisonSettings } from "../core/analysis";
import type { RegisterRunInput, RegisterRunOutput } from "../core/register/run";
import { VirkningError, VirkningValidationError } from "../core/errors";
import type { ProgressReport } from "../core/progress";

/** The computations that may run long enough to block the pane (r×c exact tests, exact rank distributions). */
export interface ComputeRequests {
  comparison: { input: ComparisonInput; settings: ComparisonSettings; now: string };
  /** Registeropfølgning: weekly data read, classified and analysed (10,000 citizens × 156 weeks take about a second). */
  register: RegisterRunInput;
}
export interface ComputeResults {
  comparison: ComparisonResult;
  register: RegisterRunOutput;
}
export type ComputeKind = keyof ComputeRequests;

export type ToWorker = { [K in ComputeKind]: { kind: K; payload: ComputeRequests[K] } }[ComputeKind];

export interface ErrorData {
  code: string;
  message: string;
  messageEn: string;
  location?: { sheet?: string; cell?: string };
  problems?: ErrorData[];
}

export type FromWorker =
  | { type: "progress"; report: ProgressReport }
  | { type: "done"; result: ComputeResults[ComputeKind] }
  | { type: "error"; error: ErrorData };

/** An error as plain data (anything that is not a VirkningError becomes one saying it was unexpected). */
export function errorToData(e: unknown): ErrorData {
  if (e instanceof VirkningValidationError) return { code: e.code, message: e.message, messageEn: e.messageEn, problems: e.problems.map(errorToData) };
  if (e instanceof VirkningError) return { code: e.code, message: e.message, messageEn: e.messageEn, ...(e.location ? { location: e.location } : {}) };
  const text = e instanceof Error ? e.message : String(e);
  return { code: "UNEXPECTED", message: `Der skete en uventet fejl i beregningen: ${text}`, messageEn: `An unexpected error happened in the computation: ${text}` };
}

/** The error again as the pane shows it (ErrorBar lists a validation error's problems). */
export function errorFromData(d: ErrorData): VirkningError {
  if (d.problems) return new VirkningValidationError(d.problems.map(errorFromData));
  return new VirkningError(d.code, d.message, d.messageEn, d.location);
}
