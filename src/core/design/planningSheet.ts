/**
 * The "Stikprøveplan" sheet: the planning table as pilot protocols show it, with its inputs
 * (kind of outcome, expected values, significance level, sides, drop-out) beside the results, so
 * the plan can be read and re-checked after the workbook is reopened. Every figure is a number
 * with a format.
 */
import type { CellValue, SheetSpec, StyleRange } from "../report/sheetSpec";
import { planSentences, type Plan, type PlanRow } from "./planning";
import type { Lang } from "./types";
import { pageFooter } from "../report/pageFooter";
import { madeFromLine } from "../vocabulary";

export const PLANNING_SHEET_NAME = "Stikprøveplan";

const HEAD = {
  da: ["Resultatmål", "Opfølgning", "Type", "Kontrolgruppe (andel eller median i uger)", "Indsatsgruppe (andel eller median i uger)", "Forskel (procentpoint, i gennemsnit eller hazard ratio)", "Spredning (SD)", "Signifikansniveau", "Test", "Styrke", "Borgere pr. gruppe ved opfølgning", "Forventet frafald", "Borgere pr. gruppe, der skal inkluderes", "Borgere i alt", "Hændelser i alt"],
  en: ["Outcome", "Follow-up", "Kind", "Control group (share or median weeks)", "Intervention group (share or median weeks)", "Difference (percentage points, in means or hazard ratio)", "Spread (SD)", "Significance level", "Test", "Power", "Citizens per group at follow-up", "Expected drop-out", "Citizens per group to include", "Citizens in total", "Events in total"],
};
const KIND = { da: { proportion: "Andel", mean: "Gennemsnit", time: "Tid til hændelse" }, en: { proportion: "Share", mean: "Mean", time: "Time to event" } };
const LAST_COL = "O";

/** Columns C–G of a row by its kind: kind, control, intervention, difference, SD; and their formats. */
function rowValues(r: PlanRow, lang: Lang): { values: CellValue[]; formats: [string, string, string] } {
  if (r.kind === "mean") return { values: [KIND[lang].mean, null, null, r.target, r.sd], formats: ["0.0", "0.0", "0.00"] };
  if (r.kind === "time") return { values: [KIND[lang].time, r.medianControl, r.medianControl / r.target, r.target, null], formats: ["0.0", "0.0", "0.00"] };
  const pp = Math.round((r.target - r.pControl) * 1000) / 10;
  return { values: [KIND[lang].proportion, r.pControl, r.target, pp, null], formats: ["0.0%", "0.0%", "0.0"] };
}

/** What the plan is made from: the planning's inputs in the pane (they are kept in the workbook's settings). */
export const PLANNING_SOURCE = { da: "indstillingerne i panelet Forsøgsdesign", en: "the settings in the Trial design pane" } as const;

/** The "Stikprøveplan" sheet; with `madeAt` (ISO), row 2 says when it was made and from what (vocabulary.madeFromLine). */
export function planningSheetSpec(plan: Plan, lang: Lang = "da", madeAt?: string): SheetSpec {
  const sentences = planSentences(plan, lang);
  const top = 3 + sentences.length + 1; // 1-based header row of the table
  const sides = plan.sides === "two.sided" ? (lang === "da" ? "tosidet" : "two-sided") : lang === "da" ? "ensidet" : "one-sided";
  const styles: StyleRange[] = [];
  const body: CellValue[][] = plan.rows.map((r, i) => {
    const { values, formats } = rowValues(r, lang);
    const row = top + 1 + i;
    styles.push({ range: `D${row}:E${row}`, style: { numberFormat: formats[0] } }, { range: `F${row}`, style: { numberFormat: formats[2] } });
    return [r.outcome, r.timepoint, ...values, plan.alpha, sides, r.power, r.nPerGroup, plan.dropout, r.nInclude, r.total, r.events ?? null];
  });
  const end = top + body.length;
  return {
    name: PLANNING_SHEET_NAME,
    tabColor: "#7030A0",
    cells: [
      { address: "A1", values: [[lang === "da" ? "Stikprøveplan: antal borgere, styrke og mindste forskel" : "Sample-size plan: citizens, power and smallest difference"]] },
      { address: "A3", values: sentences.map((s) => [s]) },
      { address: `A${top}`, values: [HEAD[lang], ...body] },
      ...(madeAt ? [{ address: "A2", values: [[madeFromLine(madeAt, [PLANNING_SOURCE[lang]], lang)]] }] : []),
    ],
    styles: [
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: "A2", style: { italic: true, fontColor: "#595959" } },
      { range: `A3:A${2 + sentences.length}`, style: { wrapText: false } },
      { range: `A${top}:${LAST_COL}${top}`, style: { bold: true, fill: "#DDEBF7", border: "bottom", wrapText: true, verticalAlignment: "top" } },
      ...styles,
      { range: `G${top + 1}:G${end}`, style: { numberFormat: "0.00" } },
      { range: `H${top + 1}:H${end}`, style: { numberFormat: "0%" } },
      { range: `J${top + 1}:J${end}`, style: { numberFormat: "0%" } },
      { range: `K${top + 1}:K${end}`, style: { numberFormat: "0" } },
      { range: `L${top + 1}:L${end}`, style: { numberFormat: "0%" } },
      { range: `M${top + 1}:N${end}`, style: { numberFormat: "0", bold: true } },
      { range: `O${top + 1}:O${end}`, style: { numberFormat: "0.0" } },
    ],
    columnWidths: [
      { columns: "A", width: 170 },
      { columns: "B:C", width: 75 },
      { columns: `D:${LAST_COL}`, width: 78 },
    ],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printArea: `A1:${LAST_COL}${end}`, printTitleRows: `$${top}:$${top}`, footer: pageFooter(lang) },
    activate: true,
  };
}
