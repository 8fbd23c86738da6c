/**
 * The one date-time format of every generated sheet (issue 22): Danish local time, written the way a
 * Danish reader writes it, "7. dec. 2026 kl. 02.36" ("7 Dec 2026, 02:36" in English). Every sheet
 * builder that prints when something ran or was built goes through `formatDateTime`; nothing else
 * formats a timestamp for a sheet (no toISOString, no "UTC", no locale defaults).
 *
 * The time zone is fixed to Europe/Copenhagen: the sheets are read in Danish jobcentres, and a
 * printed time must not depend on the time zone of the machine that built it.
 */
type Lang = "da" | "en";

const ZONE = "Europe/Copenhagen";

const dateFormat = (lang: Lang): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: ZONE });
const timeFormat = (lang: Lang): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: ZONE });

/** A moment (a Date or an ISO time) as "7. dec. 2026 kl. 02.36"; text that is not a time comes back as it is. */
export function formatDateTime(at: Date | string, lang: Lang = "da"): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return typeof at === "string" ? at : "–";
  const date = dateFormat(lang).format(d);
  const time = timeFormat(lang).format(d).replace(":", lang === "da" ? "." : ":");
  return lang === "da" ? `${date} kl. ${time}` : `${date}, ${time}`;
}
