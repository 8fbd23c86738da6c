import * as fs from "fs";
import * as path from "path";

export type Num = number | "Inf" | "-Inf" | null;

export interface Fixture<C> {
  generator: string;
  software: string;
  seed: number;
  notes: string;
  count: number;
  cases: C[];
}

export function loadFixture<C>(name: string): Fixture<C> {
  const file = path.join(__dirname, "..", "..", "fixtures", "stats", `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Fixture<C>;
}

export function num(v: Num): number {
  if (v === "Inf") return Infinity;
  if (v === "-Inf") return -Infinity;
  if (v === null) return NaN;
  return v;
}

/** |a - e| <= max(abs, rel * |e|); infinities must match exactly. */
export function close(actual: number | undefined, expected: Num, abs = 1e-10, rel = 1e-8): boolean {
  const e = num(expected);
  if (actual === undefined) return false;
  if (!Number.isFinite(e) || !Number.isFinite(actual)) return actual === e;
  return Math.abs(actual - e) <= Math.max(abs, rel * Math.abs(e));
}

/** Collects mismatches so a failing fixture file lists every bad case at once. */
export class Mismatches {
  readonly list: string[] = [];
  check(ok: boolean, label: string, actual: unknown, expected: unknown): void {
    if (!ok) this.list.push(`${label}: got ${String(actual)}, expected ${String(expected)}`);
  }
  num(label: string, actual: number | undefined, expected: Num, abs = 1e-10, rel = 1e-8): void {
    this.check(close(actual, expected, abs, rel), label, actual, expected);
  }
}

/** A result's interval as [lower, upper] ([NaN, NaN] when there is none). */
export function ciPair(r: { ci: { lower: number; upper: number } | null }): [number, number] {
  return r.ci ? [r.ci.lower, r.ci.upper] : [NaN, NaN];
}

/** A result's estimate value (NaN when there is none). */
export function est(r: { estimate: { value: number } | null }): number {
  return r.estimate ? r.estimate.value : NaN;
}

/** An effect measure as {estimate, lower, upper} (NaN limits when the interval is not computable). */
export function flat(e: { estimate: { value: number }; ci: { lower: number; upper: number } | null }): { estimate: number; lower: number; upper: number } {
  return { estimate: e.estimate.value, lower: e.ci ? e.ci.lower : NaN, upper: e.ci ? e.ci.upper : NaN };
}
