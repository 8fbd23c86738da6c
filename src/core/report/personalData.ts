/**
 * The personal-data gate for SheetSpecs (issue 19): every string a spec carries — cell text, formulas
 * (their quoted literals may hold user text), the sheet name, page header and footer, shape text, chart
 * and axis titles, table and defined names and their comments, drop-down lists, conditional formats —
 * is checked by the one detector (`cellHasCpr`, src/core/data/cpr.ts), whichever pane built the spec.
 * Numbers are not: a nine- or ten-digit number cannot be told from a case number or a random seed on its
 * own; the data readers refuse CPR numbers stored as numbers by the column rule (cpr.ts, dataset.ts,
 * design/validate.ts) before anything is built from them.
 *
 * The walk is generic: every string anywhere in the spec is visited, so a field added to the
 * SheetSpec language later is checked without anyone remembering to. Known places get a name a user can
 * find ("Randomisering!B5", "sidefoden", "diagram 2"); the value itself is never put in the message.
 *
 * The renderer (src/excel/render.ts) calls `refusePersonalData` before anything is written; a hit
 * refuses the whole render.
 */
import { cellHasCpr } from "../data/cpr";
import { VirkningError } from "../errors";
import { cellAddress, parseCell } from "./address";
import { isFormula, type SheetSpec } from "./sheetSpec";

/** Where a hit is: Danish and English, never the value. */
export interface PersonalDataHit {
  da: string;
  en: string;
}

/** Cells named in a message at most. */
const MAX_NAMED = 5;

function quoted(sheet: string): string {
  return /^[A-Za-z0-9_ÆØÅæøå]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** The sheet as a message may name it: its name, unless the name itself is what is refused. */
export function sheetLabel(spec: Pick<SheetSpec, "name">): { da: string; en: string } {
  return cellHasCpr(spec.name) ? { da: "et ark (navnet er udeladt)", en: "a sheet (name left out)" } : { da: `"${spec.name}"`, en: `"${spec.name}"` };
}

function cellHits(spec: SheetSpec, out: PersonalDataHit[]): void {
  const sheet = cellHasCpr(spec.name) ? "" : `${quoted(spec.name)}!`;
  spec.cells.forEach((block, b) => {
    let at: { row: number; column: number } | undefined;
    try {
      at = parseCell(block.address.split(":")[0]);
    } catch {
      at = undefined; // a malformed address is reported by the spec check; the values are still checked here
    }
    block.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const text = isFormula(v) ? v.formula : v;
        if (typeof text === "string" && cellHasCpr(text)) {
          const a = at ? `${sheet}${cellAddress(at.row + r, at.column + c)}` : `celleblok ${b + 1}`;
          out.push({ da: a, en: at ? a : `cell block ${b + 1}` });
        }
      }),
    );
    const { values: _values, ...rest } = block;
    walk(rest, ["cells", b], out);
  });
}

/** Names of the places outside the cells, by the spec's top-level key (and index for lists). */
function placeName(path: (string | number)[]): PersonalDataHit {
  const [key, i, field] = path;
  const n = typeof i === "number" ? ` ${i + 1}` : "";
  switch (key) {
    case "name":
      return { da: "arkets navn", en: "the sheet name" };
    case "pageSetup":
      if (i === "header") return { da: "sidehovedet", en: "the page header" };
      return i === "printArea" || i === "printTitleRows" ? { da: "udskriftsområdet", en: "the print area" } : { da: "sidefoden", en: "the page footer" };
    case "shapes":
      return { da: `teksten i figur${n}`, en: `the text of shape${n}` };
    case "charts":
      return field === "title" || field === "xAxisTitle" || field === "yAxisTitle" ? { da: `titlen på diagram${n}`, en: `the title of chart${n}` } : { da: `diagram${n}`, en: `chart${n}` };
    case "tables":
      return { da: `tabel${n}`, en: `table${n}` };
    case "names":
      return { da: `det definerede navn${n}`, en: `defined name${n}` };
    case "dataValidations":
      return { da: `rullelisten${n}`, en: `drop-down list${n}` };
    case "cells":
      return { da: `celleblok${n}`, en: `cell block${n}` };
    case "conditionalFormats":
      return { da: `den betingede formatering${n}`, en: `conditional format${n}` };
    default:
      return { da: `arkets opsætning (${String(key)})`, en: `the sheet's settings (${String(key)})` };
  }
}

function walk(v: unknown, path: (string | number)[], out: PersonalDataHit[]): void {
  if (typeof v === "string") {
    if (cellHasCpr(v)) out.push(placeName(path));
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, [...path, i], out));
  } else if (typeof v === "object" && v !== null) {
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k], out);
  }
}

/** Every place in `spec` that holds something the detector refuses (cells first). Empty when none. */
export function findPersonalData(spec: SheetSpec): PersonalDataHit[] {
  const out: PersonalDataHit[] = [];
  cellHits(spec, out);
  for (const [k, x] of Object.entries(spec)) if (k !== "cells") walk(x, [k], out);
  return out;
}

/**
 * Refuses the whole write when any spec holds a CPR number (PERSONAL_DATA): a Danish message naming the
 * sheet and the cells (or header, footer, shape, chart …), never the value. Nothing has been written yet.
 */
export function refusePersonalData(specs: readonly SheetSpec[]): void {
  for (const spec of specs) {
    const hits = findPersonalData(spec);
    if (hits.length === 0) continue;
    const unique = hits.filter((h, i) => hits.findIndex((x) => x.da === h.da) === i);
    const more = unique.length - MAX_NAMED;
    const list = (lang: "da" | "en"): string => unique.slice(0, MAX_NAMED).map((h) => h[lang]).join(", ") + (more > 0 ? (lang === "da" ? ` og ${more} andre steder` : ` and ${more} other places`) : "");
    const sheet = sheetLabel(spec);
    throw new VirkningError(
      "PERSONAL_DATA",
      `Arket ${sheet.da} blev ikke skrevet: der står noget, der ligner et CPR-nummer, i ${list("da")}. CPR-numre må ikke ligge i projektmappen: fjern det, der hvor det kommer fra (data, noter eller felter i ruden), og prøv igen. Intet er skrevet.`,
      `The sheet ${sheet.en} was not written: ${list("en")} holds what looks like a CPR number. CPR numbers must not be in the workbook: remove it where it comes from (data, notes or fields in the pane) and try again. Nothing was written.`,
      { sheet: cellHasCpr(spec.name) ? undefined : spec.name, cell: /^[A-Z]+\d+$/.test(unique[0].da.split("!").pop() ?? "") ? unique[0].da.split("!").pop() : undefined },
    );
  }
}
