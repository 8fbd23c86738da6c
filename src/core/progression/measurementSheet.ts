/**
 * The "Progressionsmåling" sheet: one row per citizen per round (citizen ID, group, round, planned
 * date, actual date, scored by), one column per delmål with a dropdown of the scale's labels, a
 * notes column, and a conditional fill that marks rounds whose planned date has passed without a
 * score. The add-in owns the layout; the user owns the entries (actual date, scored by, scores,
 * notes, and a group typed by hand).
 *
 * Regeneration: `parseMeasurementSheet` reads the entries of the existing sheet, `mergeEntries`
 * places each one by citizen, round and delmål (never by position) into the new plan. A score whose
 * delmål is no longer in the theory cannot be placed in a column: it is reported and kept as text in
 * the row's notes, so nothing the user typed is lost. Rows of citizens or rounds outside the new
 * plan are kept as they are (and reported).
 */
import { madeFromLine, type Made } from "../vocabulary";
import { cellText, isBlank, normaliseKey } from "../data";
import { columnLetter, rangeAddress } from "../report/address";
import { formula, type CellScalar, type CellValue, type SheetSpec, type StyleRange } from "../report/sheetSpec";
import { listSource, type ConditionalFillSpec, type ListValidationSpec } from "../report/sheetSpecExtras";
import { plannedDate, type MeasurementPlan } from "./plan";
import type { ScaleItem } from "./types";
import { pageFooter } from "../report/pageFooter";

export const MEASUREMENT_SHEET_NAME = "Progressionsmåling";
/** 0-based row of the header; data rows follow. */
export const HEADER_ROW = 3;
export const DATE_FORMAT = "dd-mm-yyyy";
export const RATER_LABELS = ["Borger", "Sagsbehandler", "Anden aktør"];

/** Column headers before the delmål columns (Danish: the sheet is the user's document). */
export const FIXED_HEADERS = ["Borger-ID", "Gruppe", "Runde", "Planlagt dato", "Faktisk dato", "Vurderet af"] as const;
export const NOTES_HEADER = "Noter";
const COL = { citizen: 0, group: 1, round: 2, planned: 3, actual: 4, rater: 5 } as const;
const FIRST_ITEM = FIXED_HEADERS.length;

const OVERDUE_FILL = "#FCE4D6";
const LAYOUT_FILL = "#F2F2F2";
const HEAD_FILL = "#DDEBF7";

/** One row the user has filled (or may fill), as found on the sheet. */
export interface MeasurementEntry {
  citizen: string;
  round: number;
  group: CellScalar;
  actualDate: CellScalar;
  rater: CellScalar;
  /** By delmål id. */
  scores: Map<string, CellScalar>;
  notes: CellScalar;
  /** "Progressionsmåling!A7" */
  cell: string;
}

export interface ParsedMeasurementSheet {
  entries: MeasurementEntry[];
  /** Delmål ids of the existing columns, with their names. */
  items: { id: string; name: string }[];
}

export interface Unplaced {
  citizen: string;
  round: number;
  what: string;
  value: string;
}

export function itemHeader(item: ScaleItem): string {
  return `${item.id}: ${item.name}`;
}

/** "D3: Borgeren kan …" → "D3"; other headers → null. */
export function itemIdOf(header: CellScalar): string | null {
  const m = /^([A-Za-zÆØÅæøå]{1,3}\d{1,4})\s*:/.exec(cellText(header));
  return m ? m[1] : null;
}

function entryKey(citizen: string, round: number, rater: CellScalar): string {
  return `${citizen}\u0000${round}\u0000${normaliseKey(rater)}`;
}

/** The header row of a measurement sheet (values from A1), or -1. */
export function findHeaderRow(values: CellScalar[][]): number {
  for (let r = 0; r < Math.min(values.length, 30); r++) {
    if (normaliseKey(values[r]?.[0]) === "borger-id" && values[r].some((v) => normaliseKey(v) === "runde")) return r;
  }
  return -1;
}

/** Entries of an existing measurement sheet (values from A1). Rows without citizen or round are skipped. */
export function parseMeasurementSheet(values: CellScalar[][], sheet = MEASUREMENT_SHEET_NAME): ParsedMeasurementSheet {
  const h = findHeaderRow(values);
  if (h < 0) return { entries: [], items: [] };
  const header = values[h];
  const col = (name: string): number => header.findIndex((v) => normaliseKey(v) === normaliseKey(name));
  const c = { citizen: 0, group: col("Gruppe"), round: col("Runde"), actual: col("Faktisk dato"), rater: col("Vurderet af"), notes: col(NOTES_HEADER) };
  const items = header.flatMap((v, j) => {
    const id = itemIdOf(v);
    return id ? [{ id, name: cellText(v).replace(/^[^:]*:\s*/, ""), column: j }] : [];
  });
  const get = (row: CellScalar[], j: number): CellScalar => (j >= 0 ? (row[j] ?? null) : null);
  const entries: MeasurementEntry[] = [];
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const citizen = cellText(row[c.citizen]);
    const round = Number(get(row, c.round));
    if (citizen === "" || !Number.isInteger(round)) continue;
    const scores = new Map<string, CellScalar>();
    for (const it of items) if (!isBlank(row[it.column])) scores.set(it.id, row[it.column]);
    entries.push({
      citizen,
      round,
      group: get(row, c.group),
      actualDate: get(row, c.actual),
      rater: get(row, c.rater),
      scores,
      notes: get(row, c.notes),
      cell: `${sheet}!${columnLetter(0)}${r + 1}`,
    });
  }
  return { entries, items: items.map(({ id, name }) => ({ id, name })) };
}

export interface MergedRow {
  citizen: string;
  group: CellScalar;
  round: number;
  entry: MeasurementEntry | null;
  /** Notes with the scores of removed delmål appended. */
  notes: CellScalar;
}

function keptNotes(e: MeasurementEntry, items: ScaleItem[], removed: { id: string; name: string }[], unplaced: Unplaced[]): CellScalar {
  const lost: string[] = [];
  for (const [id, v] of e.scores) {
    if (items.some((i) => i.id === id)) continue;
    const name = removed.find((x) => x.id === id)?.name ?? "";
    lost.push(`${id}${name ? ` (${name})` : ""}: ${cellText(v)}`);
    unplaced.push({ citizen: e.citizen, round: e.round, what: id, value: cellText(v) });
  }
  if (lost.length === 0) return e.notes;
  const prefix = isBlank(e.notes) ? "" : `${cellText(e.notes)} `;
  return `${prefix}[Fjernet delmål – ${lost.join("; ")}]`;
}

/** Did the user enter anything in this row (a date, who scored, a score or a note)? */
function hasEntry(e: MeasurementEntry): boolean {
  return e.scores.size > 0 || !isBlank(e.actualDate) || !isBlank(e.rater) || !isBlank(e.notes);
}

/** Place the existing entries into the plan, by citizen, round and delmål. */
export function mergeEntries(plan: MeasurementPlan, existing: ParsedMeasurementSheet): { rows: MergedRow[]; unplaced: Unplaced[]; outsidePlan: number } {
  const byKey = new Map<string, MeasurementEntry[]>();
  for (const e of existing.entries) {
    const k = `${e.citizen}\u0000${e.round}`;
    const list = byKey.get(k) ?? [];
    list.push(e);
    byKey.set(k, list);
  }
  const unplaced: Unplaced[] = [];
  const removed = existing.items.filter((x) => !plan.items.some((i) => i.id === x.id));
  const rows: MergedRow[] = [];
  const used = new Set<MeasurementEntry>();
  const citizens = [...plan.citizens];
  const planned = new Set(plan.citizens.map((c) => c.id));
  const known = new Set(planned);
  for (const e of existing.entries) {
    if (known.has(e.citizen)) continue;
    known.add(e.citizen);
    citizens.push({ id: e.citizen, group: null });
  }
  const roundsOf = new Map<string, Set<number>>();
  for (const e of existing.entries) {
    if (e.round < 1) continue;
    const set = roundsOf.get(e.citizen) ?? new Set<number>();
    set.add(e.round);
    roundsOf.set(e.citizen, set);
  }
  let outsidePlan = 0;
  for (const c of citizens) {
    const rounds = new Set<number>(roundsOf.get(c.id) ?? []);
    if (planned.has(c.id)) for (let r = 1; r <= plan.rounds; r++) rounds.add(r);
    for (const round of [...rounds].sort((a, b) => a - b)) {
      const inPlan = round <= plan.rounds && planned.has(c.id);
      // outside the plan only rows with something the user entered are kept
      const found = (byKey.get(`${c.id}\u0000${round}`) ?? []).filter((e) => inPlan || hasEntry(e));
      if (!inPlan && found.length === 0) continue;
      if (!inPlan) outsidePlan += found.length;
      if (found.length === 0) rows.push({ citizen: c.id, group: c.group, round, entry: null, notes: null });
      for (const e of found) {
        used.add(e);
        const group = c.group ?? e.group;
        rows.push({ citizen: c.id, group, round, entry: e, notes: keptNotes(e, plan.items, removed, unplaced) });
      }
    }
  }
  // Entries with a round below 1 (typed by hand) are kept at the end.
  for (const e of existing.entries) {
    if (used.has(e) || !hasEntry(e)) continue;
    outsidePlan++;
    rows.push({ citizen: e.citizen, group: e.group, round: e.round, entry: e, notes: keptNotes(e, plan.items, removed, unplaced) });
  }
  return { rows, unplaced, outsidePlan };
}

/** Key of a row for tests and messages: citizen, round and who scored it. */
export function rowKey(r: { citizen: string; round: number; rater: CellScalar }): string {
  return entryKey(r.citizen, r.round, r.rater);
}

function validations(items: ScaleItem[], first: number, last: number): ListValidationSpec[] {
  const out: ListValidationSpec[] = [];
  const rows = (col: number): string => `${columnLetter(col)}${first + 1}:${columnLetter(col)}${last + 1}`;
  out.push({ range: rows(COL.rater), list: RATER_LABELS, errorTitle: "Vurderet af", errorMessage: `Vælg ${RATER_LABELS.join(", ")}.` });
  items.forEach((item, k) => {
    const labels = listSource(item.labels).ok && item.labels.length === item.max - item.min + 1 ? item.labels : Array.from({ length: item.max - item.min + 1 }, (_, i) => String(item.min + i));
    out.push({
      range: rows(FIRST_ITEM + k),
      list: labels,
      errorTitle: item.id,
      errorMessage: `Vælg en værdi på skalaen (${labels.join(", ")}).`,
    });
  });
  return out;
}

/** Fill rows whose planned date has passed and that have no score yet (a formula built here, no user text). */
function overdue(items: number, first: number, last: number): ConditionalFillSpec {
  const lastCol = FIRST_ITEM + items; // notes column
  const r = first + 1;
  const planned = `$${columnLetter(COL.planned)}${r}`;
  const scores = `$${columnLetter(FIRST_ITEM)}${r}:$${columnLetter(FIRST_ITEM + Math.max(items, 1) - 1)}${r}`;
  return {
    range: `${columnLetter(0)}${r}:${columnLetter(lastCol)}${last + 1}`,
    formula: formula(`=AND(${planned}<>"",${planned}<TODAY(),COUNTA(${scores})=0)`),
    fill: OVERDUE_FILL,
  };
}

function dataRow(plan: MeasurementPlan, m: MergedRow): CellValue[] {
  const e = m.entry;
  const planned = m.round >= 1 ? plannedDate(plan, m.round) : null;
  return [
    m.citizen,
    m.group ?? null,
    m.round,
    planned,
    e?.actualDate ?? null,
    e?.rater ?? null,
    ...plan.items.map((i) => e?.scores.get(i.id) ?? null),
    m.notes ?? null,
  ];
}

/** The measurement sheet for `plan`, keeping the entries of `existing` (see mergeEntries). */
export function measurementSheetSpec(
  plan: MeasurementPlan,
  existing: ParsedMeasurementSheet = { entries: [], items: [] },
  /** When the sheet is made and from which sheets: said on the help line above the header (vocabulary.madeFromLine). */
  made?: Made,
): { spec: SheetSpec; unplaced: Unplaced[]; outsidePlan: number } {
  const { rows, unplaced, outsidePlan } = mergeEntries(plan, existing);
  const header: CellValue[] = [...FIXED_HEADERS, ...plan.items.map(itemHeader), NOTES_HEADER];
  const width = header.length;
  const first = HEADER_ROW + 1;
  const last = first + Math.max(rows.length, 1) - 1;
  const scale = plan.items[0] ? plan.items[0].labels.map((l, i) => `${plan.items[0].min + i} = ${l}`).join(", ") : "";
  const styles: StyleRange[] = [
    { range: "A1", style: { bold: true, fontSize: 14 } },
    { range: "A2:A3", style: { italic: true, fontColor: "#595959" } },
    { range: rangeAddress(HEADER_ROW, 0, 1, width), style: { bold: true, fill: HEAD_FILL, wrapText: true, verticalAlignment: "top", border: "bottom" } },
  ];
  if (rows.length > 0) {
    styles.push({ range: rangeAddress(first, 0, rows.length, FIRST_ITEM - 2), style: { fill: LAYOUT_FILL } });
    styles.push({ range: rangeAddress(first, COL.planned, rows.length, 2), style: { numberFormat: DATE_FORMAT } });
  }
  const spec: SheetSpec = {
    name: MEASUREMENT_SHEET_NAME,
    tabColor: "#70AD47",
    cells: [
      { address: "A1", values: [["Progressionsmåling"]] },
      { address: "A2", values: [[`Udfyld faktisk dato, hvem der vurderede, en score for hvert delmål og evt. noter. Skala: ${scale}.`]] },
      { address: "A3", values: [[`Grå felter og overskrifter styres af Virkning; dine indtastninger bevares, når arket opdateres. Orange rækker: den planlagte dato er passeret uden score.${made ? ` ${madeFromLine(made.at, made.sources, "da")}` : ""}`]] },
      { address: `A${HEADER_ROW + 1}`, values: [header] },
      ...(rows.length > 0 ? [{ address: `A${first + 1}`, values: rows.map((m) => dataRow(plan, m)) }] : []),
    ],
    styles,
    columnWidths: [
      { columns: "A", width: 70 },
      { columns: "B:C", width: 55 },
      { columns: "D:E", width: 70 },
      { columns: "F", width: 85 },
      ...plan.items.map((_, k) => ({ columns: columnLetter(FIRST_ITEM + k), width: 110 })),
      { columns: columnLetter(width - 1), width: 200 },
    ],
    // Rows only: a frozen column would clip the title and help lines (text does not flow across the line).
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    dataValidations: rows.length > 0 ? validations(plan.items, first, last) : [],
    conditionalFormats: rows.length > 0 ? [overdue(plan.items.length, first, last)] : [],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printTitleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`, footer: pageFooter("da") },
    activate: true,
  };
  return { spec, unplaced, outsidePlan };
}
