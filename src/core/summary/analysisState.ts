/**
 * Which saved analysis the leader page's numbers come from, when it ran, and whether its numbers may be
 * shown (issue 20 item 5). Plain data, gathered by src/excel/summaryStore.ts through the same path as
 * the comparison's "Kør igen" (comparisonStore.rerunComparison); any page builder prints `analysisLine`.
 *
 * - ok: the data and settings are those of the last run: the page shows the numbers;
 * - stale: the data or settings changed since the last run, or the run was never recorded: the page
 *   shows no numbers and says the analysis must be run again;
 * - refused: "Kør igen" itself refuses (columns it cannot find with certainty, bad data, a missing
 *   sheet): the page shows no numbers and says why, in the comparison's own words.
 */
import type { Text } from "../stats";
import { formatDateTime } from "../dateTime";

export interface AnalysisState {
  status: "ok" | "stale" | "refused";
  /** Why the numbers are not shown (refused: the comparison's message); null when ok or only stale. */
  reason: Text | null;
  /** The analysis's name as in the Sammenligning pane. */
  name: string;
  /** Its results sheet. */
  sheet: string;
  /** ISO time of its last recorded run; null when none is recorded. */
  ranAt: string | null;
}

const T = {
  ok: { da: 'Tallene kommer fra analysen "{a}" (arket "{s}"), kørt {t}, og er regnet igen fra de samme data.', en: 'The numbers come from the analysis "{a}" (sheet "{s}"), run {t}, and were recomputed from the same data.' },
  stale: {
    da: 'Analysen "{a}" skal køres igen, før dens tal kan vises her: dataene eller indstillingerne er ændret, siden den blev kørt {t}. Tryk på "Kør igen" i panelet Sammenligning, og opdater derefter ledelsesoverblikket.',
    en: 'The analysis "{a}" must be run again before its numbers can be shown here: the data or settings have changed since it was run {t}. Press "Run again" in the Comparison pane, then update the summary.',
  },
  never: {
    da: 'Analysen "{a}" skal køres igen, før dens tal kan vises her: det er ikke gemt, hvornår den sidst blev kørt. Tryk på "Kør igen" i panelet Sammenligning, og opdater derefter ledelsesoverblikket.',
    en: 'The analysis "{a}" must be run again before its numbers can be shown here: when it last ran is not recorded. Press "Run again" in the Comparison pane, then update the summary.',
  },
  refused: { da: 'Analysen "{a}" skal køres igen, før dens tal kan vises her. {m}', en: 'The analysis "{a}" must be run again before its numbers can be shown here. {m}' },
} satisfies Record<string, Text>;

/** When it ran, in the sheets' one date-time format ("30. nov. 2026 kl. 09.00", as the page's "Opdateret"). */
export function ranAtText(iso: string, lang: "da" | "en" = "da"): string {
  return formatDateTime(iso, lang);
}

/** The sentence the page prints about the analysis behind its numbers. */
export function analysisLine(s: AnalysisState, lang: "da" | "en"): string {
  const fill = (t: Text, m = ""): string => (lang === "en" ? t.en : t.da).split("{a}").join(s.name).split("{s}").join(s.sheet).split("{t}").join(s.ranAt ? ranAtText(s.ranAt, lang) : "").split("{m}").join(m);
  if (s.status === "ok") return fill(T.ok);
  if (s.status === "stale") return fill(s.ranAt ? T.stale : T.never);
  return fill(T.refused, s.reason ? (lang === "en" ? s.reason.en : s.reason.da) : "");
}
