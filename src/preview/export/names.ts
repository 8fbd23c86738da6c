/** Defined names of the preview workbook as the .xlsx file's `definedName` entries. */
import type { NameState } from "../workbook/names";
import type { SheetState } from "../workbook/state";
import { xlfn } from "./formulaText";

export interface DefinedNameEntry {
  name: string;
  /** The formula text without "=" (ExcelJS writes the entries joined by commas). */
  ranges: string[];
  /** 0-based position of the sheet a worksheet-scoped name belongs to. */
  localSheetId?: number;
}

/** Every name whose sheet (if scoped) is exported, with its formula as the file stores it. */
export function exportedNames(names: readonly NameState[], sheets: readonly SheetState[]): DefinedNameEntry[] {
  const out: DefinedNameEntry[] = [];
  for (const n of names) {
    const text = xlfn(n.formula.startsWith("=") ? n.formula.slice(1) : n.formula);
    if (n.sheet === undefined) out.push({ name: n.name, ranges: [text] });
    else {
      const at = sheets.indexOf(n.sheet);
      if (at >= 0) out.push({ name: n.name, ranges: [text], localSheetId: at });
    }
  }
  return out;
}
