/**
 * The programme theory in the workbook. The sheet "Programteori" is the source of truth: the pane
 * reads it back with `loadTheory` (so edits made directly in the sheet appear in the pane, and bad
 * cells are reported with their address) and writes it, together with the diagram sheet
 * "Programteori – diagram", with `saveTheory` in one `renderSheets` call. Only the add-in's own
 * sheets are written; a user sheet with one of these names makes renderSheets refuse.
 */
import {
  DIAGRAM_SHEET_NAME,
  THEORY_SHEET_NAME,
  diagramSheetSpec,
  parseTheorySheet,
  theorySheetSpec,
  type Lang,
  type ParsedTheorySheet,
  type ProgrammeTheory,
} from "../core/theory";
import type { CellScalar as CellValue } from "../core/report/sheetSpec";
import type { ExcelRun } from "./host";
import { renderSheets } from "./render";

export const THEORY_SHEETS = { theory: THEORY_SHEET_NAME, diagram: DIAGRAM_SHEET_NAME } as const;

export type LoadedTheory = ParsedTheorySheet;

/** Shifts a used-range block so that values[0][0] is cell A1 (the sheet reader counts from A1). */
function fromA1(values: CellValue[][], rowIndex: number, columnIndex: number): CellValue[][] {
  if (rowIndex === 0 && columnIndex === 0) return values;
  const pad: CellValue[] = new Array<CellValue>(columnIndex).fill(null);
  const rows: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  for (const row of values) rows.push([...pad, ...row]);
  return rows;
}

/**
 * Reads the theory from the sheet "Programteori", or null when the workbook has no such sheet.
 * `issues` name the cell of every value that could not be read; `cells` maps item ids to their
 * cells for `validateTheory(theory, { cells })`.
 */
export async function loadTheory(run: ExcelRun): Promise<LoadedTheory | null> {
  // One sync: the sheet (or a null object) and its used range with values. The theory sheet is
  // small (a few hundred cells), far below the 5 MB response limit, so no chunking is needed.
  const read = await run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(THEORY_SHEET_NAME);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    await context.sync();
    if (ws.isNullObject) return null;
    if (used.isNullObject) return { values: [] as CellValue[][], rowIndex: 0, columnIndex: 0 };
    return { values: used.values as CellValue[][], rowIndex: used.rowIndex, columnIndex: used.columnIndex };
  });
  if (read === null) return null;
  return parseTheorySheet(fromA1(read.values, read.rowIndex, read.columnIndex), THEORY_SHEET_NAME);
}

/**
 * Writes "Programteori" and "Programteori – diagram" in one renderSheets call. With
 * `shapes: false` (ExcelApi 1.9 missing) the diagram is drawn with coloured cells instead of shapes.
 * Saving is allowed while the theory has validation errors: a project manager saves drafts.
 */
export async function saveTheory(run: ExcelRun, theory: ProgrammeTheory, lang: Lang, opts: { shapes: boolean }): Promise<void> {
  await renderSheets(run, [theorySheetSpec(theory, lang), diagramSheetSpec(theory, lang, { shapes: opts.shapes })]);
}
