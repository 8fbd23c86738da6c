/**
 * The blocks the leader fills in: Nøgletal (key figures month by month) and KL's checklist. The
 * add-in owns the layout, the leader owns the entries: `parseLeaderEntries` reads them back from an
 * existing sheet by key (key figure + month; checklist item number), never by position, and the
 * builders below put them back into the new layout.
 */
import type { CellScalar, ChartSpec } from "../report/sheetSpec";
import type { ConditionalFillSpec, ListValidationSpec } from "../report/sheetSpecExtras";
import { ANSWER_LABEL, ANSWERS, CHECKLIST, CHECKLIST_SOURCE, parseAnswer, suggestAnswers, type ChecklistContext } from "./checklist";
import { parseKeyFigures, type SheetCells } from "./keyFigureBlock";
import { L, tx } from "./labels";
import { range, type Rows } from "./layout";
import { ENTRY_FILL, HEAD, NOTE, SECTION } from "./sheet";
import type { Lang, LeaderEntries } from "./types";

export { keyFigureFacts, keyFigureSection } from "./keyFigureBlock";

export interface LeaderBlocks {
  unlocked: string[];
  validations: ListValidationSpec[];
  conditional: ConditionalFillSpec[];
  charts: ChartSpec[];
  /** 0-based first and last row of the nøgletal entries and of the checklist items. */
  keyRows: [number, number];
  checkRows: [number, number];
}

/** KL's checklist with the leader's answers (by item number) and the workbook's suggestions. */
export function checklistSection(rows: Rows, answers: LeaderEntries["answers"], ctx: ChecklistContext, lang: Lang): Pick<LeaderBlocks, "unlocked" | "validations" | "checkRows"> {
  rows.add([tx(L.checklistTitle, lang)], SECTION);
  rows.add([tx(CHECKLIST_SOURCE, lang)], NOTE);
  rows.add([tx(L.checklistHelp, lang)], NOTE);
  rows.add([tx(L.question, lang), tx(L.nr, lang), tx(L.answer, lang), tx(L.suggestion, lang), null, null, null, tx(L.why, lang), tx(L.note, lang)], HEAD);
  const suggestions = suggestAnswers(ctx);
  const unlocked: string[] = [];
  const validations: ListValidationSpec[] = [];
  const list = ANSWERS.map((a) => tx(ANSWER_LABEL[a], lang));
  const first = rows.next;
  let area = "";
  let runStart = -1;
  const closeRun = (): void => {
    if (runStart < 0) return;
    for (const c of [2, 8]) unlocked.push(range(runStart, c, rows.next - 1, c));
    validations.push({ range: range(runStart, 2, rows.next - 1, 2), list, errorTitle: tx(L.answer, lang), errorMessage: list.join(" / ") });
    runStart = -1;
  };
  for (const item of CHECKLIST) {
    if (tx(item.area, lang) !== area) {
      closeRun();
      area = tx(item.area, lang);
      rows.add([`${item.id.split(".")[0]}. ${area}`], { bold: true, border: "bottom", borderColor: "#BFBFBF" });
      runStart = rows.next;
    }
    const a = answers[item.id];
    const shown = a?.answer ? tx(ANSWER_LABEL[a.answer], lang) : (a?.raw ?? null);
    const s = suggestions[item.id];
    const r = rows.add([tx(item.question, lang), item.id, shown || null, s ? tx(ANSWER_LABEL[s.answer], lang) : null, null, null, null, s ? tx(s.why, lang) : null, a?.note || null], { wrapText: true, verticalAlignment: "top" });
    rows.style(r, 2, r, 2, { fill: ENTRY_FILL, border: "box", borderColor: "#BFBFBF" });
    rows.style(r, 8, r, 8, { fill: ENTRY_FILL, border: "box", borderColor: "#BFBFBF" });
    rows.style(r, 3, r, 3, { italic: true });
    rows.style(r, 7, r, 7, NOTE);
  }
  closeRun();
  return { unlocked, validations, checkRows: [first, rows.next - 1] };
}

const str = (v: CellScalar | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const isLabel = (v: CellScalar | undefined, t: { da: string; en: string }): boolean => str(v) === t.da || str(v) === t.en;

/**
 * The leader's entries on an existing Ledelsesoverblik sheet (values from A1; with the formulas and
 * number formats of the same cells when read, so entries come back as typed), matched by key, never by position.
 */
export function parseLeaderEntries(values: CellScalar[][], typed: Omit<SheetCells, "values"> = {}): LeaderEntries {
  const { keyFigures, definitions } = parseKeyFigures({ values, ...typed });
  const answers: LeaderEntries["answers"] = {};
  const checkHeader = values.findIndex((r) => isLabel(r?.[0], L.question) && isLabel(r?.[1], L.nr));
  if (checkHeader >= 0) {
    for (let i = checkHeader + 1; i < values.length; i++) {
      const r = values[i] ?? [];
      const id = str(r[1]);
      if (id === "") continue;
      const raw = str(r[2]);
      const note = str(r[8]);
      if (raw !== "" || note !== "") answers[id] = { answer: parseAnswer(raw), raw, note };
    }
  }
  return { keyFigures, keyDefinitions: definitions, answers };
}
