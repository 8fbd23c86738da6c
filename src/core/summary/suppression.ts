/**
 * Small-number protection for the leader's sheet (Ledelsesoverblik).
 *
 * Rule (documented on the sheet, where the threshold is printed):
 * - A count of citizens from 1 to threshold − 1 is shown as "<threshold" (e.g. "<5"). Zero is shown:
 *   it identifies nobody.
 * - A share x/n is suppressed when x is suppressed, when n − x (the citizens who did not reach
 *   the goal, derivable from n and the share) is suppressed, or when n itself is below the
 *   threshold. Otherwise the share together with n would give the hidden count back.
 * - A difference between two groups' shares is suppressed when either share is (the other share and
 *   the difference would give it back).
 * The default threshold is 5 (the usual Danish practice for counts of persons); the user may raise it.
 */
export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 1;
export const MAX_THRESHOLD = 50;

/** True when a count must not be shown. */
export function isSuppressed(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/** The count as the sheet shows it: the number, or "<threshold" text. */
export function shownCount(count: number, threshold: number): number | string {
  return isSuppressed(count, threshold) ? `<${threshold}` : count;
}

/** True when the share x/n may be shown without revealing a suppressed count. */
export function shareShowable(x: number, n: number, threshold: number): boolean {
  if (n <= 0) return false;
  if (n < threshold) return false;
  return !isSuppressed(x, threshold) && !isSuppressed(n - x, threshold);
}

/** The share x/n, or null when it would reveal a suppressed count (or n is 0). */
export function shownShare(x: number, n: number, threshold: number): number | null {
  return shareShowable(x, n, threshold) ? x / n : null;
}

/** Clamp a user-set threshold to a whole number within the allowed range. */
export function normaliseThreshold(t: unknown): number {
  const n = typeof t === "number" && Number.isFinite(t) ? Math.round(t) : DEFAULT_THRESHOLD;
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, n));
}
