/**
 * Number formatting for sheets, Danish by default (Intl "da-DK"), English ("en-GB") on request.
 * p-values (reproduces the examples 0,03; 0,045; <0,001):
 *   p < 0.001                -> "<0,001"
 *   0.001 <= p < 0.1         -> rounded to 3 decimals; the third decimal is shown only when it is
 *                               not 0: 0.045 -> "0,045", 0.03 -> "0,03", 0.0304 -> "0,03",
 *                               0.0012 -> "0,001", 0.0996 -> "0,10" (rounds to 0.100)
 *   p >= 0.1                 -> 2 decimals: 0.5 -> "0,50", 0.125 -> "0,13", 1 -> "1,00"
 * So every p-value has at least two decimals and at most three.
 * Percent: Danish "12,3 %" (space before %), English "12.3%". CI: "12,3 % (4,1 % til 20,5 %)",
 * English "12.3% (4.1% to 20.5%)". Infinite limits are shown as "∞".
 */
import type { Lang } from "./types";
import { fail } from "./validate";

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, decimals: number): Intl.NumberFormat {
  const k = lang + decimals;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(k, f);
  }
  return f;
}

function checkFinite(x: number, what: string): void {
  if (typeof x !== "number" || Number.isNaN(x)) fail("STATS_NAN", `${what} mangler eller er ikke et tal.`, `${what} is missing or not a number.`);
}

export function formatNumber(x: number, decimals = 2, lang: Lang = "da"): string {
  checkFinite(x, "Tallet");
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  // avoid "-0,0" when a small negative number rounds to zero
  const v = Number(x.toFixed(Math.min(100, Math.max(0, decimals)))) === 0 ? 0 : x;
  const s = nf(lang, decimals).format(v);
  return s.replace("\u2212", "-");
}

export function formatP(p: number, lang: Lang = "da"): string {
  checkFinite(p, "p-værdien");
  if (p < 0 || p > 1) fail("STATS_P_RANGE", `En p-værdi skal ligge mellem 0 og 1 (fik ${p}).`, `A p-value must lie between 0 and 1 (got ${p}).`);
  if (p < 0.001) return "<" + formatNumber(0.001, 3, lang);
  if (p < 0.1) {
    const thousandths = Math.round(p * 1000); // 1 ... 100
    return formatNumber(thousandths / 1000, thousandths % 10 === 0 ? 2 : 3, lang);
  }
  return formatNumber(p, 2, lang);
}

export function formatPercent(x: number, decimals = 1, lang: Lang = "da"): string {
  checkFinite(x, "Andelen");
  const s = formatNumber(x * 100, decimals, lang);
  return lang === "da" ? `${s} %` : `${s}%`;
}

export function formatCI(est: number, lower: number, upper: number, opts: { percent?: boolean; decimals?: number; lang?: Lang } = {}): string {
  const lang = opts.lang ?? "da";
  const f = (v: number): string => (opts.percent ? formatPercent(v, opts.decimals ?? 1, lang) : formatNumber(v, opts.decimals ?? 2, lang));
  return `${f(est)} (${f(lower)} ${lang === "da" ? "til" : "to"} ${f(upper)})`;
}
