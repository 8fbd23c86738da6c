/**
 * Defined names of the preview workbook (Excel's Name Manager): workbook-scoped names and names
 * scoped to one worksheet. Rules from Microsoft's "Names in formulas" / NamedItemCollection.add:
 * a name starts with a letter, "_" or "\", continues with letters, digits, "_" and ".", is at
 * most 255 characters, is not a cell reference ("A1", "R1C1", "R", "C") and is unique in its
 * scope regardless of case; the reference is a formula that Excel can parse.
 */
import type { SheetState } from "./state";

export interface NameState {
  name: string;
  /** The formula the name refers to, e.g. '="abc"' or "=Ark1!$B$5". */
  formula: string;
  visible: boolean;
  comment: string;
  /** The worksheet for a worksheet-scoped name; undefined for workbook scope. */
  sheet?: SheetState;
}

/** Why `name` is not a valid defined name, or undefined. */
export function definedNameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.length === 0 || name.length > 255) return "a name has 1–255 characters";
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/.test(name)) return `'${name}' contains characters a name cannot have`;
  if (/^[A-Za-z]{1,3}\d{1,7}$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return `'${name}' looks like a cell reference`;
  return undefined;
}

/** The value Excel reports for a name's formula: the constant for ="text"/numbers/booleans, else the formula text. */
export function nameValue(formula: string): { type: string; value: string | number | boolean } {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { type: "String", value: str[1].replace(/""/g, '"') };
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(body)) return { type: "Double", value: Number(body) };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  const err = /^#(?:DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!)/.exec(body);
  if (err) return { type: "Error", value: err[0] };
  return { type: "Range", value: body };
}

const SHEET_REF = /('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)/g;

/**
 * `formula` with the sheet of every reference to the sheet `deleted` replaced by #REF!, as Excel
 * does when a sheet is deleted: the address stays ("=Ark2!$A$1" becomes "=#REF!$A$1", in cell
 * formulas and defined names alike; issue 23 from Microsoft's "Names in formulas" and the Name
 * Manager's display), and the references do not come back if a sheet of that name is added later.
 */
export function dropSheetReferences(formula: string, deleted: string): string {
  return mapSheetReferences(formula, deleted, (_all, ref) => `#REF!${ref}`);
}

/** `formula` with references to the sheet `from` pointing at the sheet `to` (Excel follows a rename). */
export function renameSheetReferences(formula: string, from: string, to: string): string {
  const q = /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(to) && !/^[A-Za-z]{1,3}\d+$/.test(to) ? to : `'${to.replace(/'/g, "''")}'`;
  return mapSheetReferences(formula, from, (_all, ref) => `${q}!${ref}`);
}

function mapSheetReferences(formula: string, sheetName: string, f: (all: string, ref: string) => string): string {
  const target = sheetName.toLocaleLowerCase("da-DK");
  return formula.replace(SHEET_REF, (all: string, sheet: string, ref: string) => {
    const name = sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
    return name.toLocaleLowerCase("da-DK") === target ? f(all, ref) : all;
  });
}
