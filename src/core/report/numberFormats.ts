/**
 * The number formats of the result sheets (issue 22): every number is written as a number and shown
 * with one of these Excel format codes. Format codes are locale-independent ("." is the decimal
 * point in the code); Danish Excel shows "0,048" for "0.000". Only a quoted literal is fixed text,
 * so the "<0,001" of a p-value format is spelled per language.
 */
type Lang = "da" | "en";

/** Whole counts. */
export const COUNT_FORMAT = "0";
/** A date (an Excel serial) as "07-12-2026", the form the data sheets' dates are read and shown in (formatSerialDate). */
export const DATE_FORMAT = "dd-mm-yyyy";
/** Shares as percent with one decimal ("30,0 %" in Danish, as formatPercent writes them). */
export function percentFormat(lang: Lang, decimals: 0 | 1 = 1): string {
  const digits = decimals === 1 ? "0.0" : "0";
  return lang === "da" ? `${digits} %` : `${digits}%`;
}
/** A number with `decimals` decimals ("0.0", "0.00"). */
export function decimalFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}
/**
 * p-values: three decimals, and "<0,001" below 0.001 by a conditional section (the cell keeps the
 * exact p, so formulas referring to it get the real value). Excel's conditional sections:
 * "[<0.001]…;…" (Microsoft, "Number format codes", conditions).
 */
export function pValueFormat(lang: Lang): string {
  return `[<0.001]"<${lang === "da" ? "0,001" : "0.001"}";0.000`;
}
