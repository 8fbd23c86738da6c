import { redactCpr } from "./data/cpr";

/**
 * The one error type that core and excel/ code throw for bad input. `message` is the Danish
 * sentence shown to the user (what is wrong, where, what to do); `messageEn` is the English
 * version shown when Office's display language is English.
 */
export class VirkningError extends Error {
  override readonly name = "VirkningError";
  /** English user message. */
  readonly messageEn: string;
  constructor(
    /** Stable machine-readable code, e.g. "DUPLICATE_ID", "STATS_NEGATIVE_COUNT". */
    readonly code: string,
    /** Danish user message. A CPR number in it (a value quoted from the data) is replaced by "[CPR-nummer]". */
    message: string,
    /** English user message (redacted the same way). */
    messageEn: string = message,
    /** Where the problem is, when it is in the workbook. */
    readonly location?: { sheet?: string; cell?: string },
  ) {
    // No message ever echoes a CPR number (issue 19): whatever a check quotes is redacted here, once.
    super(redactCpr(message));
    this.messageEn = redactCpr(messageEn);
  }
}

/** Collects several problems (e.g. every bad cell of a data sheet) into one error. */
export class VirkningValidationError extends VirkningError {
  constructor(readonly problems: VirkningError[]) {
    super(
      "VALIDATION",
      problems.length === 1 ? problems[0].message : `${problems.length} problemer i data: ${problems.slice(0, 5).map((p) => p.message).join(" ")}`,
      problems.length === 1 ? problems[0].messageEn : `${problems.length} problems in the data: ${problems.slice(0, 5).map((p) => p.messageEn).join(" ")}`,
    );
  }
}
