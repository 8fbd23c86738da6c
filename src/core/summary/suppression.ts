/**
 * The small-number threshold of the Ledelsesoverblik's publication edition ("Til offentliggørelse").
 * Counts of citizens from 1 to threshold − 1 are suppressed there, together with every figure they
 * could be recovered from (disclosure.ts, release.ts). The internal edition shows the real counts.
 * The default is 5 (the usual Danish practice for counts of persons); the user may raise it, and it
 * is never below 3 (the pane refuses 1 and 2).
 */
export const DEFAULT_THRESHOLD = 5;
/** Never below 3: a threshold of 1 or 2 protects nobody (a count of 1 or 2 is a person or a pair). */
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 50;
