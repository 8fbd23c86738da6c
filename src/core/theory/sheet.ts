/**
 * The "Programteori" sheet: layout (theory → SheetSpec) and reading back (cell values → theory).
 *
 * SOURCE OF TRUTH: the "Programteori" sheet is the source of truth for the programme theory. It is
 * laid out for people – label/value rows and one Excel table per element type – so a colleague
 * without the add-in can read, print and edit it. The task pane reads this sheet when it opens
 * (`parseTheorySheet`) and writes it when the user saves (`theorySheetSpec`); nothing else stores
 * the theory. Items are tied together by their Nr. ("S1", "D2", "A3", "M4", "L5"): the links table
 * and the activity–mechanism table refer to items by Nr., the name columns beside them are only
 * for reading and are rewritten on save.
 *
 * Reading tolerates what a person does in Excel: rows added inside a table (without a Nr. they get
 * the next free Nr.), renamed items, deleted rows, blank rows, a changed size, labels in Danish or
 * English, columns in another order. Problems are reported with the cell ("Programteori!B13: …").
 */
import { cellAddress, columnLetter, parseCell, rangeAddress } from "../report/address";
import { isFormula, type CellBlock, type CellScalar, type CellValue, type SheetSpec, type StyleRange, type TableSpec } from "../report/sheetSpec";
import { madeFromLine, type Made } from "../vocabulary";
import { emptyTheory } from "./edit";
import {
  Activity,
  ActivityMechanism,
  FinalGoal,
  Indicator,
  ItemKind,
  Lang,
  Link,
  LinkKind,
  Mechanism,
  MechanismCategory,
  MeasurementTimes,
  Origin,
  ProgrammeTheory,
  SourceRef,
  SubGoal,
  Text,
  ValidationIssue,
} from "./model";
import { pageFooter } from "../report/pageFooter";

export const THEORY_SHEET_NAME = "Programteori";

/** Stable Excel table names on the theory sheet. */
export const THEORY_TABLE_NAMES = {
  finalGoals: "Virkning_Slutmaal",
  subGoals: "Virkning_Delmaal",
  activities: "Virkning_Aktiviteter",
  mechanisms: "Virkning_Mekanismer",
  links: "Virkning_Sammenhaenge",
  activityMechanisms: "Virkning_AktivitetMekanisme",
} as const;

// ---------------------------------------------------------------------------------------------
// Labels

const L = {
  heading: { da: "Programteori", en: "Programme theory" },
  intro: {
    da: "Dette ark er programteoriens kilde. Ret gerne direkte i arket; tilføjelsesprogrammet Virkning læser det ved åbning. Sammenhænge henviser til elementerne med Nr.",
    en: "This sheet is the source of the programme theory. Edit it directly if you like; the Virkning add-in reads it when it opens. Links refer to the items by No.",
  },
  title: { da: "Titel", en: "Title" },
  source: { da: "Kilde", en: "Source" },
  publisher: { da: "Udgiver", en: "Publisher" },
  year: { da: "År", en: "Year" },
  note: { da: "Note", en: "Note" },
  targetGroup: { da: "Målgruppe", en: "Target group" },
  tgName: { da: "Navn", en: "Name" },
  tgDescription: { da: "Beskrivelse", en: "Description" },
  tgCharacteristics: { da: "Kendetegn", en: "Characteristics" },
  tgSize: { da: "Størrelse (antal borgere)", en: "Size (number of citizens)" },
  tgInclusion: { da: "Inklusionskriterier", en: "Inclusion criteria" },
  tgExclusion: { da: "Eksklusionskriterier", en: "Exclusion criteria" },
  finalGoals: { da: "Slutmål", en: "Final goals" },
  subGoals: { da: "Delmål", en: "Sub-goals" },
  activities: { da: "Aktiviteter", en: "Activities" },
  mechanisms: { da: "Virksomme mekanismer", en: "Active mechanisms" },
  links: { da: "Sammenhænge", en: "Links" },
  activityMechanisms: { da: "Mekanismer knyttet til aktiviteter", en: "Mechanisms attached to activities" },
} satisfies Record<string, Text>;

type ColKey =
  | "nr"
  | "name"
  | "description"
  | "origin"
  | "indicator"
  | "dataSource"
  | "times"
  | "reached"
  | "scale"
  | "scaleLabels"
  | "category"
  | "type"
  | "fromNr"
  | "fromName"
  | "toNr"
  | "toName"
  | "rationale"
  | "mechanisms"
  | "activityNr"
  | "activityName"
  | "mechanismNr"
  | "mechanismName";

const COL: Record<ColKey, Text> = {
  nr: { da: "Nr.", en: "No." },
  name: { da: "Navn", en: "Name" },
  description: { da: "Beskrivelse", en: "Description" },
  origin: { da: "Oprindelse", en: "Origin" },
  indicator: { da: "Indikator", en: "Indicator" },
  dataSource: { da: "Datakilde", en: "Data source" },
  times: { da: "Målepunkter", en: "Measurement times" },
  reached: { da: "Opnået ved", en: "Reached at" },
  scale: { da: "Skala", en: "Scale" },
  scaleLabels: { da: "Skalatrin", en: "Scale labels" },
  category: { da: "Kategori", en: "Category" },
  type: { da: "Type", en: "Type" },
  fromNr: { da: "Fra (nr.)", en: "From (no.)" },
  fromName: { da: "Fra (navn)", en: "From (name)" },
  toNr: { da: "Til (nr.)", en: "To (no.)" },
  toName: { da: "Til (navn)", en: "To (name)" },
  rationale: { da: "Begrundelse", en: "Rationale" },
  mechanisms: { da: "Mekanismer (nr.)", en: "Mechanisms (no.)" },
  activityNr: { da: "Aktivitet (nr.)", en: "Activity (no.)" },
  activityName: { da: "Aktivitet", en: "Activity" },
  mechanismNr: { da: "Mekanisme (nr.)", en: "Mechanism (no.)" },
  mechanismName: { da: "Mekanisme", en: "Mechanism" },
};

const GOAL_COLS: ColKey[] = ["nr", "name", "description", "origin", "indicator", "dataSource", "times", "reached", "scale", "scaleLabels"];
const ACTIVITY_COLS: ColKey[] = ["nr", "name", "description", "origin"];
const MECHANISM_COLS: ColKey[] = ["nr", "name", "description", "origin", "category"];
const LINK_COLS: ColKey[] = ["nr", "type", "fromNr", "fromName", "toNr", "toName", "rationale", "mechanisms"];
const AM_COLS: ColKey[] = ["activityNr", "activityName", "mechanismNr", "mechanismName"];
const WIDTH = GOAL_COLS.length;
/** Widths of columns A–J in points (see the page setup in theorySheetSpec). */
export const PRINT_COLUMN_WIDTHS: readonly number[] = [110, 135, 140, 55, 90, 90, 70, 105, 40, 70];

const ORIGIN_LABEL: Record<Origin, Text> = {
  kilde: { da: "Kilde", en: "Source" },
  forslag: { da: "Forslag", en: "Suggestion" },
  bruger: { da: "Bruger", en: "User" },
};

const CATEGORY_LABEL: Record<MechanismCategory, Text> = {
  kompetencer: { da: "Kompetencer", en: "Competences" },
  ressourcer: { da: "Ressourcer", en: "Resources" },
  tilgange: { da: "Tilgange", en: "Approaches" },
  "organisatoriske rammer": { da: "Organisatoriske rammer", en: "Organisational frameworks" },
};

const LINK_LABEL: Record<LinkKind, Text> = {
  "aktivitet-delmaal": { da: "Aktivitet → delmål", en: "Activity → sub-goal" },
  "delmaal-delmaal": { da: "Delmål → delmål", en: "Sub-goal → sub-goal" },
  "delmaal-slutmaal": { da: "Delmål → slutmål", en: "Sub-goal → final goal" },
};

// ---------------------------------------------------------------------------------------------
// Formatting of indicator fields (and parsing them back)

export function formatTimes(t: MeasurementTimes, lang: Lang): string {
  if (t.kind === "months") return `${t.months.join(", ")} ${lang === "da" ? "mdr." : "months"}`;
  return lang === "da" ? `hver ${t.everyWeeks}. uge, ${t.count} gange` : `every ${t.everyWeeks} weeks, ${t.count} times`;
}

export function parseTimes(s: string): MeasurementTimes | null {
  const text = s.trim().toLowerCase();
  const w = /^(?:hver|every)\s*(\d+)\.?\s*(?:uge|uger|weeks?)\s*[,;]?\s*(\d+)\s*(?:gange|gang|times?)$/.exec(text);
  if (w) {
    const everyWeeks = Number(w[1]);
    const count = Number(w[2]);
    return everyWeeks > 0 && count > 0 ? { kind: "weeks", everyWeeks, count } : null;
  }
  const m = /^(\d+(?:\s*[,;/]\s*\d+)*)\s*(?:mdr\.?|måned(?:er)?|months?)?$/.exec(text);
  if (m) return { kind: "months", months: m[1].split(/[,;/]/).map((x) => Number(x.trim())) };
  return null;
}

function formatScale(min: number, max: number): string {
  return `${min}–${max}`;
}

/**
 * Lists in one cell (statuses, scale labels): items separated by "; ". A ";" inside an item is written
 * doubled (";;"), so any text round-trips: "Job; fuld tid" and "Uddannelse" → "Job;; fuld tid; Uddannelse".
 * Read left to right, ";;" is a literal ";" and a single ";" separates items; items are trimmed.
 */
export function joinList(xs: readonly string[]): string {
  return xs.map((x) => x.replace(/;/g, ";;")).join("; ");
}

export function splitList(s: string): string[] {
  const items: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== ";") cur += s[i];
    else if (s[i + 1] === ";") {
      cur += ";";
      i++;
    } else {
      items.push(cur);
      cur = "";
    }
  }
  items.push(cur);
  return items.map((x) => x.trim()).filter((x) => x !== "");
}

function splitLines(s: string): string[] {
  return s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

function indicatorCells(ind: Indicator | undefined, lang: Lang): CellValue[] {
  if (!ind) return [null, null, null, null, null, null];
  const r = ind.reached;
  return [
    ind.name,
    ind.dataSource,
    formatTimes(ind.times, lang),
    r.kind === "statuses" ? joinList(r.statuses) : `≥ ${r.reachedAt}`,
    r.kind === "scale" ? formatScale(r.min, r.max) : null,
    r.kind === "scale" ? joinList(r.labels) : null,
  ];
}

// ---------------------------------------------------------------------------------------------
// Layout

interface Section {
  key: keyof typeof THEORY_TABLE_NAMES;
  heading: Text;
  cols: ColKey[];
  rows: CellValue[][];
}

function pad(row: CellValue[]): CellValue[] {
  const out = row.slice(0, WIDTH);
  while (out.length < WIDTH) out.push(null);
  return out;
}

/**
 * The "Programteori" sheet for a theory, in Danish or English. With `made`, the intro line (A2, the add-in's
 * own) ends with when the sheet was written ("Lavet 7. dec. 2026 kl. 08.12."); the sheet is the theory's
 * source, so it names no other data.
 */
export function theorySheetSpec(theory: ProgrammeTheory, lang: Lang = "da", made?: Made): SheetSpec {
  const t = (x: Text): string => x[lang];
  const rows: CellValue[][] = [];
  const styles: StyleRange[] = [];
  const merges: string[] = [];
  const tables: TableSpec[] = [];
  const lastCol = columnLetter(WIDTH - 1);

  const labelRow = (label: Text, value: CellValue, wrap = false): void => {
    const r = rows.length;
    rows.push(pad([t(label), value]));
    styles.push({ range: `A${r + 1}`, style: { bold: true, verticalAlignment: "top", wrapText: true } });
    if (wrap) {
      // Several lines (lists, descriptions): wrapped in column B alone, not merged, because Excel
      // grows a row to fit wrapped text only in unmerged cells.
      styles.push({ range: `B${r + 1}`, style: { wrapText: true, verticalAlignment: "top", horizontalAlignment: "left" } });
    } else {
      merges.push(`B${r + 1}:${lastCol}${r + 1}`);
      styles.push({ range: `B${r + 1}:${lastCol}${r + 1}`, style: { wrapText: false, verticalAlignment: "top", horizontalAlignment: "left" } });
    }
  };
  const sectionHeading = (label: Text): void => {
    const r = rows.length;
    rows.push(pad([t(label)]));
    styles.push({ range: `A${r + 1}:${lastCol}${r + 1}`, style: { bold: true, fontSize: 13, fontColor: "#1F4E79", border: "bottom", borderColor: "#1F4E79" } });
  };

  rows.push(pad([t(L.heading)]));
  styles.push({ range: "A1", style: { bold: true, fontSize: 16, fontColor: "#1F4E79" } });
  rows.push(pad([made ? `${t(L.intro)} ${madeFromLine(made.at, made.sources, lang)}` : t(L.intro)]));
  merges.push(`A2:${lastCol}2`);
  styles.push({ range: `A2:${lastCol}2`, style: { italic: true, fontColor: "#595959", wrapText: true } });
  labelRow(L.title, theory.title);
  // One line across the merged B:J (a long publication title fits); the note wraps in B.
  labelRow(L.source, theory.source?.title ?? null);
  labelRow(L.publisher, theory.source?.publisher ?? null);
  labelRow(L.year, theory.source?.year ?? null);
  labelRow(L.note, theory.source?.note ?? null, true);
  rows.push(pad([]));

  sectionHeading(L.targetGroup);
  const tg = theory.targetGroup;
  labelRow(L.tgName, tg.name);
  labelRow(L.tgDescription, tg.description, true);
  labelRow(L.tgCharacteristics, tg.characteristics.join("\n"), true);
  labelRow(L.tgSize, tg.size);
  styles.push({ range: `B${rows.length}`, style: { numberFormat: "0", horizontalAlignment: "left" } });
  labelRow(L.tgInclusion, tg.inclusion.join("\n"), true);
  labelRow(L.tgExclusion, tg.exclusion.join("\n"), true);
  rows.push(pad([]));

  const nameOf = new Map<string, string>();
  for (const i of [...theory.finalGoals, ...theory.subGoals, ...theory.activities, ...theory.mechanisms]) nameOf.set(i.id, i.name);
  const originText = (o: Origin): string => t(ORIGIN_LABEL[o]);

  const sections: Section[] = [
    {
      key: "finalGoals",
      heading: L.finalGoals,
      cols: GOAL_COLS,
      rows: theory.finalGoals.map((g) => [g.id, g.name, g.description, originText(g.origin), ...indicatorCells(g.indicator, lang)]),
    },
    {
      key: "subGoals",
      heading: L.subGoals,
      cols: GOAL_COLS,
      rows: theory.subGoals.map((g) => [g.id, g.name, g.description, originText(g.origin), ...indicatorCells(g.indicator, lang)]),
    },
    {
      key: "activities",
      heading: L.activities,
      cols: ACTIVITY_COLS,
      rows: theory.activities.map((a) => [a.id, a.name, a.description, originText(a.origin)]),
    },
    {
      key: "mechanisms",
      heading: L.mechanisms,
      cols: MECHANISM_COLS,
      rows: theory.mechanisms.map((m) => [m.id, m.name, m.description, originText(m.origin), m.category === null ? null : t(CATEGORY_LABEL[m.category])]),
    },
    {
      key: "links",
      heading: L.links,
      cols: LINK_COLS,
      rows: theory.links.map((l) => [
        l.id,
        t(LINK_LABEL[l.kind]),
        l.from,
        nameOf.get(l.from) ?? null,
        l.to,
        nameOf.get(l.to) ?? null,
        l.rationale,
        l.mechanismIds.join(", "),
      ]),
    },
    {
      key: "activityMechanisms",
      heading: L.activityMechanisms,
      cols: AM_COLS,
      rows: theory.activityMechanisms.map((p) => [p.activityId, nameOf.get(p.activityId) ?? null, p.mechanismId, nameOf.get(p.mechanismId) ?? null]),
    },
  ];

  for (const s of sections) {
    sectionHeading(s.heading);
    const header = rows.length;
    rows.push(pad(s.cols.map((c) => t(COL[c]))));
    // An Excel table needs a body row; an empty list gets one blank row that reading skips.
    const body = s.rows.length > 0 ? s.rows : [s.cols.map(() => null)];
    for (const r of body) rows.push(pad(r));
    const n = s.cols.length;
    tables.push({ name: THEORY_TABLE_NAMES[s.key], range: rangeAddress(header, 0, body.length + 1, n), style: "TableStyleLight9" });
    styles.push({ range: rangeAddress(header + 1, 0, body.length, n), style: { wrapText: true, verticalAlignment: "top" } });
    rows.push(pad([]));
  }
  rows.pop();

  const cells: CellBlock[] = [{ address: "A1", values: rows }];
  return {
    name: THEORY_SHEET_NAME,
    tabColor: "#1F4E79",
    cells,
    styles,
    merges,
    tables,
    // 905 pt in all: fitted to the width of A4 landscape (842 pt less Excel's normal margins of
    // 2 × 50.4 pt) the sheet prints at 82 %, so 11 pt text stays above 9 pt. Long texts wrap.
    columnWidths: PRINT_COLUMN_WIDTHS.map((width, i) => ({ columns: columnLetter(i), width })),
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, header: { center: [{ text: t(L.heading) }] }, footer: pageFooter(lang, theory.title) },
  };
}

/** Flattens a SheetSpec's cell blocks into one 2-D array starting at A1 (empty cells are null, formulas as their text). */
export function cellsOf(spec: Pick<SheetSpec, "cells">): CellScalar[][] {
  let rowCount = 0;
  let colCount = 0;
  const placed = spec.cells.map((b) => {
    const { row: row0, column: col0 } = parseCell(b.address.split(":")[0]);
    rowCount = Math.max(rowCount, row0 + b.values.length);
    colCount = Math.max(colCount, col0 + Math.max(0, ...b.values.map((r) => r.length)));
    return { row0, col0, values: b.values };
  });
  const grid: CellScalar[][] = Array.from({ length: rowCount }, () => Array<CellScalar>(colCount).fill(null));
  for (const p of placed) p.values.forEach((r, i) => r.forEach((v, j) => (grid[p.row0 + i][p.col0 + j] = isFormula(v) ? v.formula : v)));
  return grid;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ParsedTheorySheet {
  theory: ProgrammeTheory;
  /** Problems in the sheet's cells, each naming its cell ("Programteori!B13"). */
  issues: ValidationIssue[];
  /**
   * Where things are: item id → its name cell, link id → its Nr. cell, "title" and
   * "targetGroup.<field>" → the value cell, "section.<list>" (e.g. "section.finalGoals") → the
   * table's heading cell. Pass to `validateTheory(theory, { cells })`.
   */
  cells: Record<string, string>;
}

function text(v: CellScalar | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  return String(v);
}

function norm(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLocaleLowerCase("da-DK");
}

function matches(v: CellScalar | undefined, label: Text): boolean {
  const s = norm(text(v));
  return s !== "" && (s === norm(label.da) || s === norm(label.en));
}

function lookup<K extends string>(map: Record<K, Text>, s: string): K | undefined {
  const n = norm(s);
  for (const k of Object.keys(map) as K[]) if (n === norm(map[k].da) || n === norm(map[k].en) || n === norm(k)) return k;
  return undefined;
}

/** Integer from a cell: a number, or text like "1.200" / "1 200" / "120". */
function wholeNumber(v: CellScalar | undefined): number | null | "invalid" {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : "invalid";
  if (typeof v === "boolean") return "invalid";
  const s = v.trim().replace(/[.\s\u00a0]/g, "");
  return /^\d+$/.test(s) ? Number(s) : "invalid";
}

const ITEM_PREFIX: Record<ItemKind, string> = { slutmaal: "S", delmaal: "D", aktivitet: "A", mekanisme: "M" };

export function parseTheorySheet(values: CellScalar[][], sheetName = THEORY_SHEET_NAME): ParsedTheorySheet {
  const issues: ValidationIssue[] = [];
  const cells: Record<string, string> = {};
  const at = (r: number, c: number): string => `${sheetName}!${cellAddress(r, c)}`;
  const get = (r: number, c: number): CellScalar => values[r]?.[c] ?? null;
  const report = (severity: ValidationIssue["severity"], code: string, r: number, c: number, da: string, en: string, itemIds: string[] = []): void => {
    const cell = at(r, c);
    issues.push({ severity, code, message: { da: `${cell}: ${da}`, en: `${cell}: ${en}` }, itemIds, cell });
  };
  const theory = emptyTheory();
  const rowCount = values.length;
  const rowEmpty = (r: number): boolean => (values[r] ?? []).every((v) => text(v) === "");

  // Section headings: a known heading in column A directly above a header row.
  const tableHeadings: [keyof typeof THEORY_TABLE_NAMES, Text, ColKey[]][] = [
    ["finalGoals", L.finalGoals, GOAL_COLS],
    ["subGoals", L.subGoals, GOAL_COLS],
    ["activities", L.activities, ACTIVITY_COLS],
    ["mechanisms", L.mechanisms, MECHANISM_COLS],
    ["links", L.links, LINK_COLS],
    ["activityMechanisms", L.activityMechanisms, AM_COLS],
  ];
  const headingAt = new Map<number, keyof typeof THEORY_TABLE_NAMES>();
  const found = new Map<keyof typeof THEORY_TABLE_NAMES, number>();
  for (let r = 0; r < rowCount - 1; r++) {
    for (const [key, label, cols] of tableHeadings) {
      if (!found.has(key) && matches(get(r, 0), label) && matches(get(r + 1, 0), COL[cols[0]])) {
        headingAt.set(r, key);
        found.set(key, r);
      }
    }
  }
  const firstTable = Math.min(rowCount, ...found.values());

  if (values.every((row) => row.every((v) => text(v) === ""))) return { theory, issues, cells };
  if (found.size === 0) {
    issues.push({
      severity: "error",
      code: "SHEET_NOT_THEORY",
      message: {
        da: `Arket ${sheetName} ligner ikke en programteori: tabellerne for slutmål, delmål, aktiviteter og mekanismer blev ikke fundet.`,
        en: `The sheet ${sheetName} does not look like a programme theory: the tables for final goals, sub-goals, activities and mechanisms were not found.`,
      },
      itemIds: [],
    });
    return { theory, issues, cells };
  }
  for (const [key, label] of tableHeadings) {
    if (!found.has(key)) {
      issues.push({
        severity: "warning",
        code: "SHEET_MISSING_TABLE",
        message: { da: `Arket ${sheetName} mangler tabellen »${label.da}«; den læses som tom.`, en: `The sheet ${sheetName} has no table »${label.en}«; it is read as empty.` },
        itemIds: [],
      });
    }
  }

  // Section headings (so that "no final goal" can point at the Slutmål table).
  for (const [key, r] of found) cells[`section.${key}`] = at(r, 0);

  // Label/value block above the tables.
  const block = new Map<string, number>();
  let inTargetGroup = false;
  for (let r = 0; r < firstTable; r++) {
    const a = get(r, 0);
    if (matches(a, L.targetGroup)) {
      inTargetGroup = true;
      continue;
    }
    const keys: [string, Text][] = inTargetGroup
      ? [
          ["tgName", L.tgName],
          ["tgDescription", L.tgDescription],
          ["tgCharacteristics", L.tgCharacteristics],
          ["tgSize", L.tgSize],
          ["tgInclusion", L.tgInclusion],
          ["tgExclusion", L.tgExclusion],
        ]
      : [
          ["title", L.title],
          ["source", L.source],
          ["publisher", L.publisher],
          ["year", L.year],
          ["note", L.note],
        ];
    for (const [k, label] of keys) if (!block.has(k) && matches(a, label)) block.set(k, r);
  }
  const val = (k: string): string => {
    const r = block.get(k);
    return r === undefined ? "" : text(get(r, 1));
  };
  const cellKey = (k: string, key: string): void => {
    const r = block.get(k);
    if (r !== undefined) cells[key] = at(r, 1);
  };
  theory.title = val("title");
  cellKey("title", "title");
  const srcTitle = val("source");
  const publisher = val("publisher");
  const note = val("note");
  let year = 0;
  const yr = block.get("year");
  if (yr !== undefined) {
    const y = wholeNumber(get(yr, 1));
    if (y === "invalid") report("error", "SHEET_BAD_YEAR", yr, 1, "Året for kilden skal være et helt tal, fx 2013.", "The year of the source must be a whole number, e.g. 2013.");
    else if (y !== null) year = y;
  }
  if (srcTitle !== "" || publisher !== "" || year !== 0 || note !== "") {
    const source: SourceRef = { title: srcTitle, publisher, year };
    if (note !== "") source.note = note;
    theory.source = source;
  }
  const tg = theory.targetGroup;
  tg.name = val("tgName");
  tg.description = val("tgDescription");
  tg.characteristics = splitLines(val("tgCharacteristics"));
  tg.inclusion = splitLines(val("tgInclusion"));
  tg.exclusion = splitLines(val("tgExclusion"));
  const sizeRow = block.get("tgSize");
  if (sizeRow !== undefined) {
    const size = wholeNumber(get(sizeRow, 1));
    if (size === "invalid") {
      report(
        "error",
        "SHEET_BAD_SIZE",
        sizeRow,
        1,
        `Størrelse skal være et helt tal (antal borgere), men er »${text(get(sizeRow, 1))}«.`,
        `Size must be a whole number (number of citizens), but is »${text(get(sizeRow, 1))}«.`,
      );
    } else tg.size = size;
  }
  for (const [k, key] of [
    ["tgName", "targetGroup.name"],
    ["tgDescription", "targetGroup.description"],
    ["tgCharacteristics", "targetGroup.characteristics"],
    ["tgSize", "targetGroup.size"],
    ["tgInclusion", "targetGroup.inclusion"],
    ["tgExclusion", "targetGroup.exclusion"],
  ] as const) {
    cellKey(k, key);
  }

  // Tables: header row maps columns by label; body runs to the next section heading.
  const headingRows = [...headingAt.keys()].sort((x, y) => x - y);
  const headingLabel = (key: keyof typeof THEORY_TABLE_NAMES): Text => tableHeadings.find((h) => h[0] === key)?.[1] ?? { da: key, en: key };
  const DISPLAY_ONLY = new Set<ColKey>(["type", "fromName", "toName", "activityName", "mechanismName"]);
  interface Body {
    col: Partial<Record<ColKey, number>>;
    rows: number[];
  }
  const readTable = (key: keyof typeof THEORY_TABLE_NAMES, cols: ColKey[]): Body => {
    const start = found.get(key);
    if (start === undefined) return { col: {}, rows: [] };
    const header = start + 1;
    const col: Partial<Record<ColKey, number>> = {};
    const width = values[header]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      for (const k of cols) if (col[k] === undefined && matches(get(header, c), COL[k])) col[k] = c;
    }
    for (const k of cols) {
      if (col[k] !== undefined || DISPLAY_ONLY.has(k)) continue;
      report(
        "warning",
        "SHEET_MISSING_COLUMN",
        header,
        0,
        `Kolonnen »${COL[k].da}« mangler i tabellen under »${headingLabel(key).da}«; dens værdier læses som tomme.`,
        `The column »${COL[k].en}« is missing from the table under »${headingLabel(key).en}«; its values are read as empty.`,
      );
    }
    const end = headingRows.find((r) => r > start) ?? rowCount;
    const rows: number[] = [];
    for (let r = header + 1; r < end; r++) if (!rowEmpty(r)) rows.push(r);
    return { col, rows };
  };
  const cellText = (b: Body, r: number, k: ColKey): string => {
    const c = b.col[k];
    return c === undefined ? "" : text(get(r, c));
  };
  const colOf = (b: Body, k: ColKey): number => b.col[k] ?? 0;

  const readOrigin = (b: Body, r: number): Origin => {
    const s = cellText(b, r, "origin");
    if (s === "") return "bruger";
    const o = lookup(ORIGIN_LABEL, s);
    if (o) return o;
    report("warning", "SHEET_BAD_ORIGIN", r, colOf(b, "origin"), `Oprindelse »${s}« kendes ikke; brug Kilde, Forslag eller Bruger. Læst som Bruger.`, `Origin »${s}« is unknown; use Source, Suggestion or User. Read as User.`);
    return "bruger";
  };

  /** Reads the Nr. column of an item table, giving rows without (valid) Nr. the next free one. */
  const readIds = (b: Body, kind: ItemKind): Map<number, string> => {
    const prefix = ITEM_PREFIX[kind];
    const ids = new Map<number, string>();
    const used = new Set<string>();
    const pending: number[] = [];
    for (const r of b.rows) {
      const raw = cellText(b, r, "nr").toUpperCase().replace(/\s+/g, "");
      if (raw === "") {
        pending.push(r);
        continue;
      }
      const id = /^\d+$/.test(raw) ? `${prefix}${Number(raw)}` : raw;
      if (!new RegExp(`^${prefix}[1-9]\\d*$`).test(id)) {
        report("error", "SHEET_BAD_NR", r, colOf(b, "nr"), `Nr. »${raw}« passer ikke til tabellen; numrene her skal hedde ${prefix}1, ${prefix}2 … Rækken har fået et nyt nr.`, `No. »${raw}« does not fit the table; numbers here are ${prefix}1, ${prefix}2 … The row got a new no.`);
        pending.push(r);
      } else if (used.has(id)) {
        report("error", "SHEET_DUPLICATE_NR", r, colOf(b, "nr"), `Nr. ${id} står to gange. Rækken har fået et nyt nr.; ret sammenhænge, der skulle pege på den.`, `No. ${id} appears twice. The row got a new no.; fix links that should point to it.`);
        pending.push(r);
      } else {
        used.add(id);
        ids.set(r, id);
      }
    }
    let n = 0;
    for (const id of used) n = Math.max(n, Number(id.slice(prefix.length)));
    for (const r of pending) ids.set(r, `${prefix}${++n}`);
    return new Map([...ids.entries()].sort((x, y) => x[0] - y[0]));
  };

  const readIndicator = (b: Body, r: number, id: string): Indicator | undefined => {
    const name = cellText(b, r, "indicator");
    const dataSource = cellText(b, r, "dataSource");
    const timesText = cellText(b, r, "times");
    const reachedText = cellText(b, r, "reached");
    const scaleText = cellText(b, r, "scale");
    const labelsText = cellText(b, r, "scaleLabels");
    if ([name, dataSource, timesText, reachedText, scaleText, labelsText].every((s) => s === "")) return undefined;
    let ok = true;
    const times = parseTimes(timesText);
    if (!times) {
      ok = false;
      report(
        "error",
        "SHEET_BAD_TIMES",
        r,
        colOf(b, "times"),
        `Målepunkter »${timesText}« kan ikke læses. Skriv fx »0, 6, 12, 18 mdr.« eller »hver 6. uge, 8 gange«.`,
        `Measurement times »${timesText}« cannot be read. Write e.g. »0, 6, 12, 18 months« or »every 6 weeks, 8 times«.`,
        [id],
      );
    }
    let reached: Indicator["reached"] | undefined;
    if (scaleText !== "") {
      const sm = /^(-?\d+)\s*[–—-]\s*(-?\d+)$/.exec(scaleText);
      const at = /^(?:≥|>=)?\s*(-?\d+)$/.exec(reachedText);
      if (!sm || Number(sm[1]) >= Number(sm[2])) {
        report("error", "SHEET_BAD_SCALE", r, colOf(b, "scale"), `Skala »${scaleText}« kan ikke læses. Skriv fx »1–5«.`, `Scale »${scaleText}« cannot be read. Write e.g. »1–5«.`, [id]);
      } else if (!at || Number(at[1]) < Number(sm[1]) || Number(at[1]) > Number(sm[2])) {
        report(
          "error",
          "SHEET_BAD_REACHED",
          r,
          colOf(b, "reached"),
          `»Opnået ved« skal være et trin på skalaen ${sm[1]}–${sm[2]}, fx »≥ ${sm[2]}«.`,
          `»Reached at« must be a step on the scale ${sm[1]}–${sm[2]}, e.g. »≥ ${sm[2]}«.`,
          [id],
        );
      } else {
        reached = { kind: "scale", min: Number(sm[1]), max: Number(sm[2]), labels: splitList(labelsText), reachedAt: Number(at[1]) };
      }
    } else {
      const statuses = splitList(reachedText);
      if (statuses.length === 0) {
        report(
          "error",
          "SHEET_BAD_REACHED",
          r,
          colOf(b, "reached"),
          "»Opnået ved« er tom. Skriv de statusser, der tæller som opnået (adskilt af semikolon), eller udfyld Skala.",
          "»Reached at« is empty. Write the statuses that count as reached (separated by semicolons), or fill in Scale.",
          [id],
        );
      } else reached = { kind: "statuses", statuses };
    }
    if (!ok || !times || !reached) return undefined;
    return { name, dataSource, times, reached };
  };

  const readGoals = (key: "finalGoals" | "subGoals", kind: "slutmaal" | "delmaal"): (FinalGoal | SubGoal)[] => {
    const b = readTable(key, GOAL_COLS);
    const ids = readIds(b, kind);
    const out: (FinalGoal | SubGoal)[] = [];
    for (const [r, id] of ids) {
      const g: FinalGoal = { id, name: cellText(b, r, "name"), description: cellText(b, r, "description"), origin: readOrigin(b, r) };
      const ind = readIndicator(b, r, id);
      if (ind) g.indicator = ind;
      cells[id] = at(r, b.col.name ?? 0);
      out.push(g);
    }
    return out;
  };
  theory.finalGoals = readGoals("finalGoals", "slutmaal");
  theory.subGoals = readGoals("subGoals", "delmaal");

  {
    const b = readTable("activities", ACTIVITY_COLS);
    const out: Activity[] = [];
    for (const [r, id] of readIds(b, "aktivitet")) {
      out.push({ id, name: cellText(b, r, "name"), description: cellText(b, r, "description"), origin: readOrigin(b, r) });
      cells[id] = at(r, b.col.name ?? 0);
    }
    theory.activities = out;
  }
  {
    const b = readTable("mechanisms", MECHANISM_COLS);
    const out: Mechanism[] = [];
    for (const [r, id] of readIds(b, "mekanisme")) {
      const catText = cellText(b, r, "category");
      let category: MechanismCategory | null = null;
      if (catText !== "") {
        const c = lookup(CATEGORY_LABEL, catText);
        if (c) category = c;
        else {
          report(
            "error",
            "SHEET_BAD_CATEGORY",
            r,
            colOf(b, "category"),
            `Kategori »${catText}« kendes ikke. Brug kompetencer, ressourcer, tilgange eller organisatoriske rammer.`,
            `Category »${catText}« is unknown. Use competences, resources, approaches or organisational frameworks.`,
            [id],
          );
        }
      }
      out.push({ id, name: cellText(b, r, "name"), description: cellText(b, r, "description"), origin: readOrigin(b, r), category });
      cells[id] = at(r, b.col.name ?? 0);
    }
    theory.mechanisms = out;
  }

  const kindOf = new Map<string, ItemKind>();
  for (const g of theory.finalGoals) kindOf.set(g.id, "slutmaal");
  for (const g of theory.subGoals) kindOf.set(g.id, "delmaal");
  for (const a of theory.activities) kindOf.set(a.id, "aktivitet");
  for (const m of theory.mechanisms) kindOf.set(m.id, "mekanisme");
  /** A Nr. as typed: "d 3" → "D3". */
  const ref = (s: string): string => s.toUpperCase().replace(/\s+/g, "");

  {
    const b = readTable("links", LINK_COLS);
    const used = new Set<string>();
    const rowsWithIds: [number, string | null][] = [];
    for (const r of b.rows) {
      const raw = ref(cellText(b, r, "nr"));
      const id = /^\d+$/.test(raw) ? `L${Number(raw)}` : raw;
      if (/^L[1-9]\d*$/.test(id) && !used.has(id)) {
        used.add(id);
        rowsWithIds.push([r, id]);
      } else {
        if (raw !== "") {
          report("error", "SHEET_BAD_NR", r, colOf(b, "nr"), `Nr. »${raw}« for en sammenhæng skal være L1, L2 … og må kun stå én gang. Rækken har fået et nyt nr.`, `No. »${raw}« of a link must be L1, L2 … and appear once. The row got a new no.`);
        }
        rowsWithIds.push([r, null]);
      }
    }
    let n = 0;
    for (const id of used) n = Math.max(n, Number(id.slice(1)));
    const links: Link[] = [];
    const seenPairs = new Set<string>();
    for (const [r, maybeId] of rowsWithIds) {
      const id = maybeId ?? `L${++n}`;
      const from = ref(cellText(b, r, "fromNr"));
      const to = ref(cellText(b, r, "toNr"));
      const fk = kindOf.get(from);
      const tk = kindOf.get(to);
      let kind: LinkKind | undefined;
      if (fk === "aktivitet" && tk === "delmaal") kind = "aktivitet-delmaal";
      else if (fk === "delmaal" && tk === "delmaal") kind = "delmaal-delmaal";
      else if (fk === "delmaal" && tk === "slutmaal") kind = "delmaal-slutmaal";
      if (!fk || !tk) {
        const badFrom = !fk;
        const bad = badFrom ? from : to;
        report(
          "error",
          "SHEET_UNKNOWN_REF",
          r,
          colOf(b, badFrom ? "fromNr" : "toNr"),
          bad === "" ? `Sammenhæng ${id} mangler et nr. i »${badFrom ? "Fra" : "Til"}«. Sammenhængen er sprunget over.` : `Sammenhæng ${id} henviser til nr. ${bad}, som ikke findes (er rækken slettet?). Sammenhængen er sprunget over.`,
          bad === "" ? `Link ${id} has no no. in »${badFrom ? "From" : "To"}«. The link was skipped.` : `Link ${id} refers to no. ${bad}, which does not exist (was the row deleted?). The link was skipped.`,
          [id],
        );
        continue;
      }
      if (!kind || from === to) {
        report(
          "error",
          "SHEET_BAD_LINK",
          r,
          colOf(b, "fromNr"),
          `Sammenhæng ${id} (${from} → ${to}) er ikke tilladt. En aktivitet fører til et delmål, et delmål til et andet delmål eller til et slutmål. Sammenhængen er sprunget over.`,
          `Link ${id} (${from} → ${to}) is not allowed. An activity leads to a sub-goal, a sub-goal to another sub-goal or to a final goal. The link was skipped.`,
          [id],
        );
        continue;
      }
      const pair = `${from}>${to}`;
      if (seenPairs.has(pair)) {
        report("warning", "SHEET_DUPLICATE_LINK", r, colOf(b, "fromNr"), `Sammenhængen ${from} → ${to} står flere gange; kun den første er læst.`, `The link ${from} → ${to} appears more than once; only the first was read.`, [id]);
        continue;
      }
      seenPairs.add(pair);
      const mechanismIds: string[] = [];
      for (const m of cellText(b, r, "mechanisms").split(/[,;]/).map(ref).filter((x) => x !== "")) {
        const mid = /^\d+$/.test(m) ? `M${Number(m)}` : m;
        if (kindOf.get(mid) === "mekanisme") {
          if (!mechanismIds.includes(mid)) mechanismIds.push(mid);
        } else {
          report("error", "SHEET_UNKNOWN_REF", r, colOf(b, "mechanisms"), `Sammenhæng ${id} henviser til mekanisme ${m}, som ikke findes. Den er sprunget over.`, `Link ${id} refers to mechanism ${m}, which does not exist. It was skipped.`, [id]);
        }
      }
      links.push({ id, kind, from, to, rationale: cellText(b, r, "rationale"), mechanismIds });
      cells[id] = at(r, colOf(b, "nr"));
    }
    theory.links = links;
  }

  {
    const b = readTable("activityMechanisms", AM_COLS);
    const pairs: ActivityMechanism[] = [];
    for (const r of b.rows) {
      const a = ref(cellText(b, r, "activityNr"));
      const m = ref(cellText(b, r, "mechanismNr"));
      const aid = /^\d+$/.test(a) ? `A${Number(a)}` : a;
      const mid = /^\d+$/.test(m) ? `M${Number(m)}` : m;
      if (kindOf.get(aid) !== "aktivitet") {
        report("error", "SHEET_UNKNOWN_REF", r, colOf(b, "activityNr"), `Aktivitet »${a}« findes ikke. Rækken er sprunget over.`, `Activity »${a}« does not exist. The row was skipped.`);
        continue;
      }
      if (kindOf.get(mid) !== "mekanisme") {
        report("error", "SHEET_UNKNOWN_REF", r, colOf(b, "mechanismNr"), `Mekanisme »${m}« findes ikke. Rækken er sprunget over.`, `Mechanism »${m}« does not exist. The row was skipped.`);
        continue;
      }
      if (!pairs.some((p) => p.activityId === aid && p.mechanismId === mid)) pairs.push({ activityId: aid, mechanismId: mid });
    }
    theory.activityMechanisms = pairs;
  }

  return { theory, issues, cells };
}
