/**
 * Excel keeps about 2 MB of workbook settings in all (office-js#621: larger settings are not saved). The
 * preview refuses a settings.add that would take the settings above 2 MB, so code that relies on more
 * fails here as it would (later, on saving the file) in Excel.
 */
import type { PreviewWorkbook } from "../workbook";
import { apiError } from "./base";

export const SETTINGS_LIMIT_BYTES = 2 * 1024 * 1024;

/** Throws when storing `json` under `key` would take the settings above SETTINGS_LIMIT_BYTES (UTF-8). */
export function checkSettingsLimit(book: PreviewWorkbook, key: string, json: string): void {
  let total = utf8(key + json);
  for (const [k, v] of book.settings) if (k !== key) total += utf8(k + v);
  if (total > SETTINGS_LIMIT_BYTES) throw apiError("GeneralException", `The workbook settings would take ${total} bytes, above the ~2 MB Excel keeps (office-js#621).`);
}

function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
