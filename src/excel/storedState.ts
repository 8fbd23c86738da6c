/**
 * Everything the add-in keeps in the workbook's settings (workbook.settings, ExcelApi 1.4): listed for
 * the pane's "Gemt i projektmappen" view, so the user can see and delete it (issue 9: nothing personal may
 * hide where nobody looks). 1 sync to list, 1 to delete.
 */
import type { ExcelRun } from "./host";
import { OWNED_SHEETS_KEY } from "./ownership";

export interface StoredItem {
  key: string;
  /** The stored value as JSON text (parts of a long value are listed as their own keys). */
  text: string;
  /** UTF-16 characters of `text`. */
  chars: number;
  /** The register of the add-in's own sheets: names only, needed to recognise them; deleting it is allowed but explained. */
  register: boolean;
}

/** All settings of the add-in, in key order: 1 sync. */
export async function listStoredState(run: ExcelRun): Promise<StoredItem[]> {
  return run(async (context) => {
    const items = context.workbook.settings.load("items/key,items/value");
    await context.sync();
    return items.items
      .map((s) => {
        const text = typeof s.value === "string" ? s.value : (JSON.stringify(s.value) ?? "");
        return { key: s.key, text, chars: text.length, register: s.key === OWNED_SHEETS_KEY };
      })
      .sort((a, b) => a.key.localeCompare(b.key));
  });
}

/** Deletes the given keys: 1 sync. */
export async function deleteStoredState(run: ExcelRun, keys: string[]): Promise<void> {
  await run(async (context) => {
    for (const k of keys) context.workbook.settings.getItemOrNullObject(k).delete();
    await context.sync();
  });
}
