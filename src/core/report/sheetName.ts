/**
 * One function makes every generated sheet name valid in Excel, whatever a user typed into it
 * (an analysis name, an item's id). Excel's rules (Microsoft support, "Rename a worksheet"):
 * 1–31 characters; none of : \ / ? * [ ]; not beginning or ending with an apostrophe; not
 * "History" (reserved for change tracking). Excel counts the 31 in UTF-16 code units, so a
 * character outside the BMP (an emoji) counts two and must not be cut in half: a lone surrogate
 * is not a valid name. Control and bidirectional formatting characters are removed too: they are
 * invisible, and a name that reads differently from how it sorts or compares misleads.
 * Pure; the renderer's spec check (specCheck.ts) refuses whatever this function would change.
 */

/** Excel's limit on a sheet name, in UTF-16 code units. */
export const SHEET_NAME_MAX = 31;

/** What had to change, so the pane can say why the name differs from what was typed. */
export type SheetNameChange = "control" | "forbidden" | "apostrophe" | "cut" | "empty" | "reserved" | "taken";

export interface SheetName {
  name: string;
  changes: SheetNameChange[];
}

// C0/C1 controls, zero-width and bidi marks/embeddings/overrides/isolates, word joiner, BOM.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const FORBIDDEN_IN_SHEET_NAME = /[:\\/?*[\]]/;
const FORBIDDEN_ALL = /[:\\/?*[\]]/g;
const RESERVED = "history";

const lower = (s: string): string => s.toLocaleLowerCase("da-DK");

/** Cuts to at most `max` UTF-16 code units, never between the two halves of a surrogate pair. */
export function cutUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end);
}

function trimApostrophes(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, "");
}

/** True when `name` is a valid sheet name by the rules above (spacing is not judged). */
export function isValidSheetName(name: string): boolean {
  CONTROL.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return (
    name.length >= 1 &&
    name.length <= SHEET_NAME_MAX &&
    !FORBIDDEN_IN_SHEET_NAME.test(name) &&
    !/^'|'$/.test(name) &&
    !CONTROL.test(name) &&
    !LONE_SURROGATE.test(name) &&
    lower(name) !== RESERVED
  );
}

/**
 * The valid sheet name closest to `raw`: controls removed, forbidden characters replaced by a
 * space, spaces collapsed, apostrophes off both ends, cut to 31 UTF-16 units at a character
 * boundary, "History" and empty names avoided (the latter becomes `fallback`), and made unique
 * against `taken` (case-insensitively, as Excel compares) with " 2", " 3", ….
 */
export function toSheetName(raw: string, opts: { fallback?: string; taken?: readonly string[] } = {}): SheetName {
  const changes = new Set<SheetNameChange>();
  let s = raw.replace(CONTROL, "").replace(LONE_SURROGATE, "");
  if (s !== raw) changes.add("control");
  if (FORBIDDEN_IN_SHEET_NAME.test(s)) changes.add("forbidden");
  s = s.replace(FORBIDDEN_ALL, " ").replace(/\s+/g, " ").trim();
  if (/^'|'$/.test(s)) changes.add("apostrophe");
  s = trimApostrophes(s);
  const fit = (base: string, suffix: string): string => {
    const cut = cutUtf16(base, SHEET_NAME_MAX - suffix.length);
    if (cut !== base) changes.add("cut");
    return trimApostrophes(cut) + suffix;
  };
  s = fit(s, "");
  if (s === "") {
    changes.add("empty");
    s = fit(opts.fallback ?? "Ark", "");
  }
  const taken = new Set((opts.taken ?? []).map(lower));
  const free = (n: string): boolean => lower(n) !== RESERVED && !taken.has(lower(n));
  if (lower(s) === RESERVED) changes.add("reserved");
  else if (!free(s)) changes.add("taken");
  const base = s;
  for (let i = 2; !free(s); i++) {
    if (i > 9999) throw new Error("no free sheet name");
    s = fit(base, ` ${i}`);
  }
  return { name: s, changes: [...changes] };
}

/** Why a generated name differs from what was typed, in the pane's words (empty when it does not). */
export function sheetNameChangeText(changes: readonly SheetNameChange[], lang: "da" | "en"): string {
  const words: Record<SheetNameChange, { da: string; en: string }> = {
    control: { da: "usynlige tegn er fjernet", en: "invisible characters were removed" },
    forbidden: { da: "tegnene : \\ / ? * [ ] er erstattet af mellemrum", en: "the characters : \\ / ? * [ ] were replaced by spaces" },
    apostrophe: { da: "et navn må ikke begynde eller slutte med apostrof", en: "a name must not begin or end with an apostrophe" },
    cut: { da: `forkortet til Excels ${SHEET_NAME_MAX} tegn`, en: `shortened to Excel's ${SHEET_NAME_MAX} characters` },
    empty: { da: "navnet var tomt", en: "the name was empty" },
    reserved: { da: "Excel reserverer navnet History", en: "Excel reserves the name History" },
    taken: { da: "navnet var optaget, så der er sat et tal på", en: "the name was taken, so a number was added" },
  };
  return changes.map((c) => words[c][lang]).join("; ");
}
