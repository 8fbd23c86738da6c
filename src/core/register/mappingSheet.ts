/**
 * The "Statuskoder" sheet of the Registeropfølgning: one row per status label found in the weekly data,
 * with how many weeks carry it, a class the user chooses (a dropdown of the three classes, in the words of
 * the one vocabulary), the suggested class (defaultWeekClass) and the class used (a formula built here:
 * the user's class, else the suggestion). Above the table, the codes that have no class of the user's
 * are listed: for them the suggestion is used.
 *
 * The add-in owns the layout, the user owns the Klasse column. Regeneration reads the sheet first
 * (parseMappingSheet) and keeps every class the user chose, matched by label (never by position); a label
 * the user classified that is no longer in the data keeps its row (0 weeks), so nothing typed is lost.
 */
import { cellText } from "../data/values";
import { VirkningError } from "../errors";
import { columnLetter, cellAddress } from "../report/address";
import { pageFooter } from "../report/pageFooter";
import { formula, type CellScalar, type CellValue, type SheetSpec } from "../report/sheetSpec";
import { TERMS } from "../vocabulary";
import { defaultWeekClass, type WeekClass } from "./weekly";

export const MAPPING_SHEET_NAME = TERMS.statusCodes.da;
/** 0-based row of the table's header; the labels follow. */
export const MAPPING_HEADER_ROW = 4;
export const MAPPING_HEADERS = ["Statuskode", "Uger", "Klasse", "Forslag", "Bruges"] as const;
/** How a blank week (no benefit that week) is shown in the Statuskode column. */
export const BLANK_LABEL = "(tom celle)";

const CLASS_TERM = { selvforsoergende: TERMS.weekClassSelfSupporting, paaVej: TERMS.weekClassOnTheWay, andet: TERMS.weekClassOther } as const;

/** The class's word ("Selvforsørgende", "På vej", "Anden ydelse"). */
export function weekClassName(c: WeekClass, lang: "da" | "en" = "da"): string {
  return CLASS_TERM[c][lang];
}

/** A class as typed on the sheet (either language, any case), or null. */
export function weekClassOf(text: string): WeekClass | null {
  const t = text.trim().toLocaleLowerCase("da-DK");
  for (const c of ["selvforsoergende", "paaVej", "andet"] as const) {
    if (t === c.toLowerCase() || t === CLASS_TERM[c].da.toLocaleLowerCase("da-DK") || t === CLASS_TERM[c].en.toLowerCase()) return c;
  }
  return null;
}

const shown = (label: string): string => (label === "" ? BLANK_LABEL : label);
const labelOf = (cell: CellScalar): string => {
  const t = cellText(cell).trim();
  return t === BLANK_LABEL ? "" : t;
};

export interface ParsedMapping {
  /** Label → the class the user chose (rows with a blank Klasse are left out). */
  mapping: Record<string, WeekClass>;
  problems: VirkningError[];
}

/** The header row of a Statuskoder sheet (values from A1), or -1. */
function headerRow(values: CellScalar[][]): number {
  for (let r = 0; r < Math.min(values.length, 30); r++) if (cellText(values[r]?.[0] ?? null).trim() === MAPPING_HEADERS[0]) return r;
  return -1;
}

/** The user's classes on an existing sheet (values from A1). An entry that is no class is a problem naming its cell. */
export function parseMappingSheet(values: CellScalar[][], sheet = MAPPING_SHEET_NAME): ParsedMapping {
  const h = headerRow(values);
  const mapping: Record<string, WeekClass> = {};
  const problems: VirkningError[] = [];
  if (h < 0) return { mapping, problems };
  const col = values[h].findIndex((x) => cellText(x).trim() === MAPPING_HEADERS[2]);
  if (col < 0) return { mapping, problems };
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (cellText(row[0] ?? null).trim() === "") continue;
    const entry = cellText(row[col] ?? null).trim();
    if (entry === "") continue;
    const c = weekClassOf(entry);
    if (c === null) {
      const where = cellAddress(r, col);
      problems.push(
        new VirkningError(
          "REG_MAPPING_CLASS",
          `Arket "${sheet}", celle ${where}: klassen er ikke en af ${Object.values(CLASS_TERM).map((t) => `"${t.da}"`).join(", ")}. Vælg en af dem på listen i cellen, eller gør cellen tom for at bruge forslaget.`,
          `Sheet "${sheet}", cell ${where}: the class is not one of ${Object.values(CLASS_TERM).map((t) => `"${t.en}"`).join(", ")}. Pick one from the cell's list, or clear the cell to use the suggestion.`,
          { sheet, cell: `${sheet}!${where}` },
        ),
      );
      continue;
    }
    mapping[labelOf(row[0] ?? null)] = c;
  }
  return { mapping, problems };
}

export interface MappingRow {
  label: string;
  weeks: number;
  /** The user's class, or null (the suggestion is used). */
  chosen: WeekClass | null;
  suggested: WeekClass;
}

/** Rows of the sheet: the labels found (most weeks first), then labels the user classified that are not in the data now. */
export function mappingRows(found: { label: string; weeks: number }[], user: Record<string, WeekClass>): MappingRow[] {
  const own = (l: string): WeekClass | null => (Object.prototype.hasOwnProperty.call(user, l) ? user[l] : null);
  const rows = found.map((f) => ({ label: f.label, weeks: f.weeks, chosen: own(f.label), suggested: defaultWeekClass(f.label) }));
  const seen = new Set(found.map((f) => f.label));
  for (const l of Object.keys(user)) if (!seen.has(l)) rows.push({ label: l, weeks: 0, chosen: user[l], suggested: defaultWeekClass(l) });
  return rows;
}

/** Labels in the data without a class of the user's (the suggestion is used for them). */
export function unmappedLabels(rows: MappingRow[]): string[] {
  return rows.filter((r) => r.chosen === null && r.weeks > 0).map((r) => r.label);
}

function unmappedLine(rows: MappingRow[]): string {
  const list = unmappedLabels(rows);
  if (list.length === 0) return "Alle statuskoder i data har en klasse, du har valgt.";
  const names = list.slice(0, 30).map(shown).join(", ");
  return `Uden valgt klasse (forslaget bruges): ${list.length} ${list.length === 1 ? "kode" : "koder"}: ${names}${list.length > 30 ? " …" : ""}.`;
}

/** The Statuskoder sheet for the labels found, keeping the user's classes (see the module note). */
export function mappingSheetSpec(found: { label: string; weeks: number }[], user: Record<string, WeekClass>): SheetSpec {
  const rows = mappingRows(found, user);
  const first = MAPPING_HEADER_ROW + 1; // 0-based first data row
  const values: CellValue[][] = rows.map((r, i) => {
    const x = first + i + 1; // 1-based sheet row
    return [shown(r.label), r.weeks, r.chosen ? weekClassName(r.chosen) : null, weekClassName(r.suggested), formula(`=IF(C${x}="",D${x},C${x})`)];
  });
  const last = first + Math.max(rows.length, 1);
  const classes = (["selvforsoergende", "paaVej", "andet"] as const).map((c) => weekClassName(c));
  return {
    name: MAPPING_SHEET_NAME,
    tabColor: "#70AD47",
    cells: [
      { address: "A1", values: [[`${TERMS.statusCodes.da} – ${TERMS.registerFollowUp.da}`]] },
      { address: "A2", values: [[`Vælg en klasse for hver statuskode i kolonnen Klasse (${classes.join(", ")}). Er Klasse tom, bruges forslaget. Dine valg bevares, når arket laves igen. ${BLANK_LABEL} er uger uden ydelse.`]] },
      { address: "A3", values: [[unmappedLine(rows)]] },
      { address: `A${MAPPING_HEADER_ROW + 1}`, values: [[...MAPPING_HEADERS]] },
      ...(values.length > 0 ? [{ address: `A${first + 1}`, values }] : []),
    ],
    styles: [
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: "A2:A3", style: { italic: true, fontColor: "#595959" } },
      { range: `A${MAPPING_HEADER_ROW + 1}:E${MAPPING_HEADER_ROW + 1}`, style: { bold: true, fill: "#DDEBF7", border: "bottom" } },
      ...(values.length > 0 ? [{ range: `C${first + 1}:C${last}`, style: { fill: "#FFF2CC" } }] : []),
    ],
    columnWidths: [
      { columns: "A", width: 180 },
      { columns: "B", width: 50 },
      { columns: "C:E", width: 110 },
    ],
    freeze: { rows: MAPPING_HEADER_ROW + 1, columns: 0 },
    dataValidations:
      values.length > 0
        ? [{ range: `${columnLetter(2)}${first + 1}:${columnLetter(2)}${last}`, list: classes, errorTitle: "Klasse", errorMessage: `Vælg ${classes.join(", ")}, eller lad cellen være tom.` }]
        : [],
    pageSetup: { orientation: "portrait", paperSize: "A4", fitToWidth: true, printTitleRows: `$${MAPPING_HEADER_ROW + 1}:$${MAPPING_HEADER_ROW + 1}`, footer: pageFooter("da") },
  };
}
