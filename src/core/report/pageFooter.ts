/**
 * The footer of every generated sheet (issues 20 and 22): left "<label> · Virkning 0.1.0", right
 * "Side 3 af 7 · <print date>", page number, page count and date from Excel's header/footer codes,
 * so they print right on every page. The label is plain text (an effort's or analysis' name the
 * user typed is welcome): it stays text, never a code, and is shortened so that the section keeps
 * within Excel's 255 characters.
 */
import { VERSION } from "../version";
import { headerFooterText } from "./specCheck";
import type { HeaderFooterSpec } from "./sheetSpec";

type Lang = "da" | "en";

/** Room for the label in the left section (escaped), leaving space for " · Virkning x.y.z". */
export const FOOTER_LABEL_MAX = 200;

const WORDS = { da: { page: "Side", of: "af" }, en: { page: "Page", of: "of" } } as const;

/** `label` cut (with "…") so that it takes at most FOOTER_LABEL_MAX characters once "&" is doubled; never inside a surrogate pair. */
function fitLabel(label: string): string {
  const chars = Array.from(label.replace(/[\r\n]+/g, " ").trim());
  if (headerFooterText(chars.join("")).length <= FOOTER_LABEL_MAX) return chars.join("");
  while (chars.length > 0 && headerFooterText(chars.join("")).length > FOOTER_LABEL_MAX - 1) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** The standard footer: what the sheet is (optional plain-text label) and version left, "Side x af y · date" right. */
export function pageFooter(lang: Lang, label?: string): HeaderFooterSpec {
  const w = WORDS[lang];
  const name = label ? fitLabel(label) : "";
  return {
    left: [{ text: name ? `${name} · Virkning ${VERSION}` : `Virkning ${VERSION}` }],
    right: [{ text: `${w.page} ` }, { code: "pageNumber" }, { text: ` ${w.of} ` }, { code: "pageCount" }, { text: " · " }, { code: "date" }],
  };
}
