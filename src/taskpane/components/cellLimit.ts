/**
 * Excel's limit on one cell (32,767 characters) said beside the field that would break it, as
 * the user types, instead of as a write error at the top of the pane after "Gem i projektmappen".
 * Spread onto a Fluent Field: `<Field label=… {...cellLimit(value, lang)}>`.
 */
import { MAX_CELL_CHARS } from "../../core/report/specCheck";
import { fieldMessage } from "./LiveRegion";
import type { Lang } from "../i18n";

export function cellLimit(value: string, lang: Lang): { validationState?: "error"; validationMessage?: { children: string; role: undefined } } {
  if (value.length <= MAX_CELL_CHARS) return {};
  const n = (x: number): string => x.toLocaleString(lang === "da" ? "da-DK" : "en-GB");
  const text =
    lang === "da"
      ? `Teksten har ${n(value.length)} tegn; en celle i Excel kan højst rumme ${n(MAX_CELL_CHARS)}. Forkort den, før du gemmer.`
      : `The text has ${n(value.length)} characters; an Excel cell holds at most ${n(MAX_CELL_CHARS)}. Shorten it before saving.`;
  return { validationState: "error", validationMessage: fieldMessage(text) };
}
