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
import type { CellScalar as CellValue, SheetSpec } from "../core/report/sheetSpec";
import { cellAddress, parseCell } from "../core/report/address";
import { cellHasCpr, quoteSheet } from "../core/data";
import type { ExcelRun } from "./host";
import { readUsedRange, type RangeRead } from "./read";
import { renderSheets } from "./render";
import { VirkningError } from "../core/errors";
import { theoryFingerprint } from "../core/overview";
import { PART_IDS, recordPart } from "./partRecords";

export const THEORY_SHEETS = { theory: THEORY_SHEET_NAME, diagram: DIAGRAM_SHEET_NAME } as const;

export interface LoadedTheory extends ParsedTheorySheet {
  /** The sheet's values as read (from A1): pass to saveTheory as `expected` to detect edits made since. */
  snapshot: CellValue[][];
}

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
  // Through the one reader: getItem on the sheet (a missing sheet rejects the sync with ItemNotFound,
  // documented), not getItemOrNullObject chained with getUsedRangeOrNullObject in the same sync, which
  // Microsoft does not document for a missing sheet (the first-use case). 1 + chunks syncs.
  let read: RangeRead;
  try {
    read = await readUsedRange(run, THEORY_SHEET_NAME);
  } catch (e) {
    if (e instanceof VirkningError && e.code === "SHEET_NOT_FOUND") return null;
    throw e;
  }
  const values = fromA1(read.values, read.rowIndex, read.columnIndex);
  assertNoCprInCells(THEORY_SHEET_NAME, values, "load");
  return { ...parseTheorySheet(values, THEORY_SHEET_NAME), snapshot: values };
}

/** The sheet's values from A1, or null when there is no "Programteori" sheet: 1 + chunks syncs (1 when missing). */
async function readSnapshot(run: ExcelRun): Promise<CellValue[][] | null> {
  try {
    const read = await readUsedRange(run, THEORY_SHEET_NAME);
    return fromA1(read.values, read.rowIndex, read.columnIndex);
  } catch (e) {
    if (e instanceof VirkningError && e.code === "SHEET_NOT_FOUND") return null;
    throw e;
  }
}

const norm = (v: CellValue | undefined): CellValue => (v === undefined || v === "" ? null : v);

/** Addresses ("Programteori!B5") of the cells whose values differ between two grids (missing = empty). */
export function changedCells(a: CellValue[][], b: CellValue[][]): string[] {
  const out: string[] = [];
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) if (norm(a[r]?.[c]) !== norm(b[r]?.[c])) out.push(`${quoteSheet(THEORY_SHEET_NAME)}!${cellAddress(r, c)}`);
  }
  return out;
}

/** Cells with content where a rewrite of the sheet's own theory writes nothing: text outside the recognised tables. */
function outsideTables(current: CellValue[][], lang: Lang): string[] {
  const own = specGrid(theorySheetSpec(parseTheorySheet(current, THEORY_SHEET_NAME).theory, lang));
  const out: string[] = [];
  current.forEach((row, r) => row.forEach((v, c) => (norm(v) !== null && norm(own[r]?.[c]) === null ? out.push(`${quoteSheet(THEORY_SHEET_NAME)}!${cellAddress(r, c)}`) : undefined)));
  return out;
}

/**
 * "Gem i projektmappen" would overwrite something the user wrote on the sheet: cells changed since the pane
 * read it (`changed`), and content outside the tables the sheet reader knows, which every save drops (`lost`).
 * The pane lets the user take the sheet's version, keep the pane's (save with `force`), or cancel.
 */
export class TheoryConflictError extends VirkningError {
  constructor(
    readonly changed: string[],
    readonly lost: string[],
  ) {
    const list = (xs: string[]): string => xs.slice(0, 10).join(", ") + (xs.length > 10 ? ` og ${xs.length - 10} flere` : "");
    const listEn = (xs: string[]): string => xs.slice(0, 10).join(", ") + (xs.length > 10 ? ` and ${xs.length - 10} more` : "");
    const da = [
      changed.length > 0 ? `Arket "${THEORY_SHEET_NAME}" er ændret, siden panelet læste det: ${list(changed)}.` : "",
      lost.length > 0 ? `Disse celler står uden for programteoriens tabeller og ville forsvinde ved at gemme: ${list(lost)}.` : "",
    ];
    const en = [
      changed.length > 0 ? `The sheet "${THEORY_SHEET_NAME}" has changed since the pane read it: ${listEn(changed)}.` : "",
      lost.length > 0 ? `These cells are outside the programme theory's tables and would disappear on saving: ${listEn(lost)}.` : "",
    ];
    super("THEORY_SHEET_CHANGED", da.filter(Boolean).join(" "), en.filter(Boolean).join(" "), { sheet: THEORY_SHEET_NAME, cell: (changed[0] ?? lost[0])?.replace(/^.*!/, "") });
  }
}

/**
 * The programme theory is free text too: a CPR number in it (a case example pasted into a description) is
 * refused on reading and before writing, naming only the cells (never the number).
 */
function assertNoCprInCells(sheet: string, values: CellValue[][], when: "load" | "save"): void {
  const cells: string[] = [];
  values.forEach((row, r) => row.forEach((v, c) => (cellHasCpr(v) ? cells.push(`${quoteSheet(sheet)}!${cellAddress(r, c)}`) : undefined)));
  if (cells.length === 0) return;
  const shown = cells.slice(0, 10).join(", ") + (cells.length > 10 ? ` og ${cells.length - 10} flere` : "");
  const shownEn = cells.slice(0, 10).join(", ") + (cells.length > 10 ? ` and ${cells.length - 10} more` : "");
  throw new VirkningError(
    "CPR_IN_THEORY",
    when === "load"
      ? `Programteorien indeholder noget, der ligner CPR-numre (${shown}). CPR-numre må ikke ligge i projektmappen: slet dem i arket, og åbn programteorien igen.`
      : `Programteorien indeholder noget, der ligner CPR-numre, som ville blive skrevet i ${shown}. CPR-numre må ikke ligge i projektmappen: fjern dem fra teksten, og gem igen.`,
    when === "load"
      ? `The programme theory contains what look like CPR numbers (${shownEn}). CPR numbers must not be in the workbook: delete them on the sheet and open the programme theory again.`
      : `The programme theory contains what look like CPR numbers, which would be written to ${shownEn}. CPR numbers must not be in the workbook: remove them from the text and save again.`,
    { sheet, cell: cells[0].replace(/^.*!/, "") },
  );
}

/** A sheet spec's cell values placed from A1 (blocks at their addresses). */
function specGrid(spec: SheetSpec): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const b of spec.cells) {
    const at = parseCell(b.address);
    b.values.forEach((row, i) => {
      const r = (grid[at.row + i] ??= []);
      row.forEach((v, j) => (r[at.column + j] = typeof v === "object" && v !== null ? null : v));
    });
  }
  return Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
}

/**
 * Writes "Programteori" and "Programteori – diagram" in one renderSheets call. With
 * `shapes: false` (ExcelApi 1.9 missing) the diagram is drawn with coloured cells instead of shapes.
 * Saving is allowed while the theory has validation errors: a project manager saves drafts.
 * With `expected` (the snapshot of the last load or save; null: there was no sheet), the sheet is read
 * first (1 + chunks syncs) and TheoryConflictError thrown when it changed since or holds text outside the
 * tables; `force` skips that check ("behold panelets version"). Records the part for the Overblik pane (partRecords.ts, 1 sync).
 * Returns the new snapshot (the values written).
 */
export async function saveTheory(
  run: ExcelRun,
  theory: ProgrammeTheory,
  lang: Lang,
  opts: { shapes: boolean; expected?: CellValue[][] | null; force?: boolean; now?: Date },
): Promise<CellValue[][]> {
  const at = (opts.now ?? new Date()).toISOString();
  const sheet = theorySheetSpec(theory, lang, { at, sources: [] });
  const written = specGrid(sheet);
  assertNoCprInCells(THEORY_SHEET_NAME, written, "save");
  if (opts.expected !== undefined && !opts.force) {
    const current = await readSnapshot(run);
    const changed = changedCells(opts.expected ?? [], current ?? []);
    const lost = current ? outsideTables(current, lang).filter((c) => !changed.includes(c)) : [];
    if (changed.length > 0 || lost.length > 0) throw new TheoryConflictError(changed, lost);
  }
  await renderSheets(run, [sheet, diagramSheetSpec(theory, lang, { shapes: opts.shapes, made: { at, sources: [THEORY_SHEET_NAME] } })]);
  // the Overblik's record: the diagram is drawn from exactly these cells (1 sync)
  await recordPart(run, PART_IDS.theory, { madeAt: at, fingerprint: theoryFingerprint(written) });
  return written;
}
