/** "Hvad skal I beslutte": what the checklist's answers and the nøgletal deviations point to, and what the verdicts suggest. */
import { CHECKLIST } from "./checklist";
import { keyFigureFacts } from "./leaderBlocks";
import { L, tx } from "./labels";
import type { Rows } from "./layout";
import { SECTION } from "./sheet";
import type { PageOutcome } from "./sheet";
import type { SummaryInput } from "./types";

export function decideSection(rows: Rows, input: SummaryInput, outcomes: PageOutcome[]): void {
  const lang = input.settings.lang;
  rows.add([tx(L.decideTitle, lang)], SECTION);
  // only verdicts the page shows count here: on the edition for publication a hidden result says nothing
  const shown = outcomes.filter((p) => p.shown);
  if (shown.length < outcomes.length) rows.add([tx(L.hiddenDecide, lang)]);
  else if (outcomes.length > 0) {
    const works = shown.some((p) => p.kr.verdict === "clear" && (p.row.riskDifference?.estimate ?? 0) > 0);
    rows.add([tx(works ? L.decideWorks : L.decideNotYet, lang)]);
  }
  const answers = input.entries.answers;
  const answered = CHECKLIST.filter((i) => answers[i.id]?.answer);
  const no = CHECKLIST.filter((i) => answers[i.id]?.answer === "nej").map((i) => i.id);
  const noText = no.length > 0 ? tx(L.decideChecklistNo, lang, { list: no.join(", ") }) : "";
  rows.add([tx(L.decideChecklist, lang, { a: answered.length, n: CHECKLIST.length, no: noText })]);
  const f = keyFigureFacts(input.entries.keyFigures);
  rows.add([f.withTargetAndActual === 0 ? tx(L.decideKeyNone, lang) : tx(L.decideKey, lang, { f: f.flagged, n: f.withTargetAndActual, u: f.flagged - f.flaggedAnswered })]);
}
