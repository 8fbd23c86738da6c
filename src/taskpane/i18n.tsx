/**
 * Language for everything the user sees: Danish by default, English when Office's display
 * language is English (or `?lang=en` in the preview). Strings live in typed dictionaries:
 * `{ da: {...}, en: {...} }` where both languages must have the same keys (checked by the compiler
 * through `Dictionary<T>`).
 */
import * as React from "react";

export type Lang = "da" | "en";
export type Dictionary<T> = { da: T; en: T };
export interface Text {
  da: string;
  en: string;
}

export function detectLanguage(): Lang {
  try {
    const params = new URLSearchParams(globalThis.location?.search ?? "");
    const q = params.get("lang");
    if (q === "en" || q === "da") return q;
  } catch {
    /* not in a browser */
  }
  const office = (globalThis as { Office?: typeof Office }).Office;
  const display = office?.context?.displayLanguage;
  if (typeof display === "string" && display.toLowerCase().startsWith("en")) return "en";
  return "da";
}

const LangContext = React.createContext<Lang>("da");

export function LangProvider(props: { lang: Lang; children: React.ReactNode }): React.JSX.Element {
  return <LangContext.Provider value={props.lang}>{props.children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return React.useContext(LangContext);
}

/** The strings of a dictionary in the current language. */
export function useStrings<T>(dict: Dictionary<T>): T {
  return dict[useLang()];
}

/** Pick the current language's text of a `{da, en}` pair (templates, stats method names, errors). */
export function useText(): (text: Text) => string {
  const lang = useLang();
  return React.useCallback((text: Text) => text[lang], [lang]);
}

/** Locale for Intl: da-DK or en-GB. */
export function localeOf(lang: Lang): string {
  return lang === "da" ? "da-DK" : "en-GB";
}

export function formatInteger(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(n);
}

export function formatDateTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: "medium", timeStyle: "short" }).format(d);
}
