/** The "Stikprøveplan" sheet: the planning table as pilot protocols show it, with what the numbers mean. */
import type { CellValue, SheetSpec } from "../report/sheetSpec";
import { planSentences, type Plan } from "./planning";
import type { Lang } from "./types";
import { pageFooter } from "../report/pageFooter";

export const PLANNING_SHEET_NAME = "Stikprøveplan";

const HEAD = {
  da: ["Resultatmål", "Opfølgning", "Forventet andel, kontrolgruppe", "Forventet andel, indsatsgruppe", "Forskel (procentpoint)", "Signifikansniveau", "Styrke", "Borgere pr. gruppe", "Borgere i alt"],
  en: ["Outcome", "Follow-up", "Expected share, control group", "Expected share, intervention group", "Difference (percentage points)", "Significance level", "Power", "Citizens per group", "Citizens in total"],
};

export function planningSheetSpec(plan: Plan, lang: Lang = "da"): SheetSpec {
  const sentences = planSentences(plan, lang);
  const top = 3 + sentences.length + 1; // 1-based header row of the table
  const body: CellValue[][] = plan.rows.map((r) => [
    r.outcome,
    r.timepoint,
    r.pControl,
    r.pIntervention,
    Math.round((r.pIntervention - r.pControl) * 1000) / 10,
    plan.alpha,
    r.power,
    r.nPerGroup,
    r.total,
  ]);
  const end = top + body.length;
  return {
    name: PLANNING_SHEET_NAME,
    tabColor: "#7030A0",
    cells: [
      { address: "A1", values: [[lang === "da" ? "Stikprøveplan: antal borgere og styrke" : "Sample-size plan: citizens and power"]] },
      { address: "A3", values: sentences.map((s) => [s]) },
      { address: `A${top}`, values: [HEAD[lang], ...body] },
    ],
    styles: [
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: `A3:A${2 + sentences.length}`, style: { wrapText: false } },
      { range: `A${top}:I${top}`, style: { bold: true, fill: "#DDEBF7", border: "bottom", wrapText: true, verticalAlignment: "top" } },
      { range: `C${top + 1}:D${end}`, style: { numberFormat: "0.0%" } },
      { range: `E${top + 1}:E${end}`, style: { numberFormat: "0.0" } },
      { range: `F${top + 1}:G${end}`, style: { numberFormat: "0%" } },
      { range: `H${top + 1}:I${end}`, style: { numberFormat: "0", bold: true } },
    ],
    columnWidths: [
      { columns: "A", width: 190 },
      { columns: "B", width: 80 },
      { columns: "C:I", width: 95 },
    ],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printArea: `A1:I${end}`, footer: pageFooter(lang) },
    activate: true,
  };
}
