/**
 * The "Randomisering" sheet: headline, balance per stratum and overall, the allocation list (an
 * Excel table, one row per citizen sorted by stratum and order, so the hand procedure can be
 * followed row by row) and, to the right, the audit block (date, seed, generator, procedure,
 * number of citizens, SHA-256 of the list, settings) with the log of replacements.
 * IDs are the list's pseudonym IDs (CPR numbers are refused before this point); no other column of
 * the list is copied.
 */
import { armName } from "../data/groups";
import { columnLetter } from "../report/address";
import type { CellValue, SheetSpec, StyleRange } from "../report/sheetSpec";
import { VERSION } from "../version";
import type { AllocatedCitizen, Allocation, DesignArm, Lang, ReplacementEntry } from "./types";
import { pageFooter } from "../report/pageFooter";
import { COUNT_FORMAT } from "../report/numberFormats";
import { formatDateTime } from "../dateTime";
import { madeFromLine } from "../vocabulary";

export const RANDOMISATION_SHEET_NAME = "Randomisering";
export const RANDOMISATION_TABLE_NAME = "Randomisering";
/** Columns of the allocation list (A:H) and of the audit block (J:N). */
const LIST_WIDTH = 8;
const AUDIT_COL = 9;

const T = {
  title: { da: "Randomisering", en: "Randomisation" },
  balance: { da: "Balance pr. stratum", en: "Balance per stratum" },
  stratum: { da: "Stratum", en: "Stratum" },
  description: { da: "Beskrivelse", en: "Description" },
  citizens: { da: "Borgere", en: "Citizens" },
  reserves: { da: "Reserver", en: "Reserves" },
  declined: { da: "Afslået", en: "Declined" },
  total: { da: "I alt", en: "Total" },
  allocation: { da: "Fordeling", en: "Allocation" },
  random: { da: "Tilfældigt tal", en: "Random number" },
  order: { da: "Nr. i stratum", en: "Order in stratum" },
  block: { da: "Blok", en: "Block" },
  draw: { da: "Lodtrækning", en: "Draw" },
  group: { da: "Gruppe", en: "Group" },
  status: { da: "Status", en: "Status" },
  reserve: { da: "Reserve", en: "Reserve" },
  audit: { da: "Revisionsspor", en: "Audit trail" },
  date: { da: "Randomiseret", en: "Randomised" },
  seed: { da: "Seed", en: "Seed" },
  generator: { da: "Tilfældighedsgenerator", en: "Random number generator" },
  procedure: { da: "Procedure", en: "Procedure" },
  n: { da: "Antal borgere", en: "Number of citizens" },
  hash: { da: "SHA-256 af listen", en: "SHA-256 of the list" },
  list: { da: "Liste", en: "List" },
  strata: { da: "Stratificering", en: "Stratification" },
  blockSize: { da: "Blokstørrelse", en: "Block size" },
  reservesPer: { da: "Reserver pr. stratum", en: "Reserves per stratum" },
  protection: { da: "Arkbeskyttelse", en: "Sheet protection" },
  replacements: { da: "Erstatninger", en: "Replacements" },
  at: { da: "Tidspunkt", en: "Time" },
  calledIn: { da: "Kaldt ind i stedet", en: "Called in instead" },
  none: { da: "Ingen endnu.", en: "None yet." },
} as const;

export interface RandomisationMeta {
  /** Sheet-qualified address of the list, e.g. "Borgere!A1:M61". */
  source: string;
  /** ISO time of the randomisation. */
  createdAt: string;
  protect: boolean;
  /** ISO time this version of the sheet was written (a decline rewrites it); absent: the randomisation's. */
  madeAt?: string;
}

const tx = (t: { da: string; en: string }, lang: Lang): string => t[lang];

export function designArmName(arm: DesignArm, lang: Lang): string {
  return arm === "reserve" ? tx(T.reserve, lang) : armName(arm, lang);
}

function statusText(c: AllocatedCitizen, lang: Lang): string {
  switch (c.status) {
    case "allocated":
      return lang === "da" ? "Fordelt" : "Allocated";
    case "reserve":
      return lang === "da" ? "Reserve, ikke kaldt ind" : "Reserve, not called in";
    case "declined":
      return lang === "da" ? `Afslået; erstattet af ${c.partner}` : `Declined; replaced by ${c.partner}`;
    case "replacement":
      return lang === "da" ? `Kaldt ind i stedet for ${c.partner}` : `Called in instead of ${c.partner}`;
  }
}

/** In the trial: allocated, or called in as a replacement (declined citizens and unused reserves are not). */
function inTrial(c: AllocatedCitizen): boolean {
  return c.status === "allocated" || c.status === "replacement";
}

function headline(a: Allocation, lang: Lang): string {
  const trial = a.citizens.filter(inTrial);
  const i = trial.filter((c) => c.arm === "intervention").length;
  const k = trial.length - i;
  const r = a.citizens.filter((c) => c.status === "reserve").length;
  const d = a.citizens.filter((c) => c.status === "declined").length;
  return lang === "da"
    ? `${a.citizens.length} borgere i ${a.strata.length} strata: ${i} i indsatsgruppen, ${k} i kontrolgruppen, ${r} reserver tilbage, ${d} afslået.`
    : `${a.citizens.length} citizens in ${a.strata.length} strata: ${i} in the intervention group, ${k} in the control group, ${r} reserves left, ${d} declined.`;
}

function balanceRows(a: Allocation, lang: Lang): CellValue[][] {
  // the description comes last: the long text may run on into the empty cells to its right
  const row = (label: CellValue, desc: string, xs: AllocatedCitizen[]): CellValue[] => [
    label,
    xs.length,
    xs.filter((c) => inTrial(c) && c.arm === "intervention").length,
    xs.filter((c) => inTrial(c) && c.arm === "control").length,
    xs.filter((c) => c.status === "reserve").length,
    xs.filter((c) => c.status === "declined").length,
    desc,
  ];
  const head = [tx(T.stratum, lang), tx(T.citizens, lang), armName("intervention", lang), armName("control", lang), tx(T.reserves, lang), tx(T.declined, lang), tx(T.description, lang)];
  const desc = (levels: string[]): string => levels.map((l, j) => `${a.strataHeaders[j]}: ${l}`).join(", ") || (lang === "da" ? "Alle (ingen stratificering)" : "All (no stratification)");
  return [
    head,
    ...a.strata.map((s) => row(s.number, desc(s.levels), a.citizens.filter((c) => c.stratum === s.number))),
    row(tx(T.total, lang), "", a.citizens),
  ];
}

function listRows(a: Allocation, lang: Lang): CellValue[][] {
  const sorted = [...a.citizens].sort((p, q) => p.stratum - q.stratum || p.order - q.order);
  const head = [a.idHeader || "ID", tx(T.stratum, lang), tx(T.random, lang), tx(T.order, lang), tx(T.block, lang), tx(T.draw, lang), tx(T.group, lang), tx(T.status, lang)];
  return [head, ...sorted.map((c) => [c.id, c.stratum, c.random, c.order, c.block, c.draw, designArmName(c.arm, lang), statusText(c, lang)])];
}

function auditRows(a: Allocation, log: ReplacementEntry[], meta: RandomisationMeta, lang: Lang): CellValue[][] {
  const strata = a.options.strata.length === 0
    ? (lang === "da" ? "Ingen" : "None")
    : a.options.strata.map((s, j) => (s.cuts?.length ? `${a.strataHeaders[j]} (${lang === "da" ? "skæringspunkter" : "cut points"} ${s.cuts.join("; ")})` : a.strataHeaders[j])).join(", ");
  const procedure = lang === "da"
    ? `Virkning randomisering, procedure ${a.procedureVersion} (Virkning ${VERSION}); se README, afsnittet Forsøgsdesign`
    : `Virkning randomisation, procedure ${a.procedureVersion} (Virkning ${VERSION}); see the README, section Forsøgsdesign`;
  const pad = (r: CellValue[]): CellValue[] => [...r, ...new Array<CellValue>(5 - r.length).fill(null)];
  const rows: CellValue[][] = [
    [tx(T.audit, lang)],
    [tx(T.date, lang), formatDateTime(meta.createdAt, lang)],
    [tx(T.seed, lang), a.options.seed],
    [tx(T.generator, lang), a.algorithm],
    [tx(T.procedure, lang), procedure],
    [tx(T.n, lang), a.citizens.length],
    [tx(T.hash, lang), a.hash],
    [tx(T.list, lang), meta.source],
    [tx(T.strata, lang), strata],
    [tx(T.blockSize, lang), a.options.blockSize],
    [tx(T.reservesPer, lang), a.options.reserves],
    [tx(T.protection, lang), meta.protect ? (lang === "da" ? "Beskyttet uden adgangskode (Gennemse > Fjern arkbeskyttelse)" : "Protected without a password (Review > Unprotect Sheet)") : (lang === "da" ? "Ikke beskyttet" : "Not protected")],
    [],
    [tx(T.replacements, lang)],
    [tx(T.at, lang), tx(T.declined, lang), tx(T.calledIn, lang), tx(T.stratum, lang), tx(T.group, lang)],
    ...(log.length === 0 ? [[tx(T.none, lang)]] : log.map((e) => [formatDateTime(e.at, lang), e.declined, e.replacement, e.stratum, designArmName(e.arm, lang)])),
  ];
  return rows.map(pad);
}

export function randomisationSheetSpec(a: Allocation, log: ReplacementEntry[], meta: RandomisationMeta, lang: Lang = "da"): SheetSpec {
  const balance = balanceRows(a, lang);
  const list = listRows(a, lang);
  const audit = auditRows(a, log, meta, lang);
  const balanceTop = 5; // 1-based row of the balance header (row 3: when the sheet was made and from which list)
  // the list's title right under the balance's total row (no blank row between), so the made line above costs no row: the sample still prints on one page
  const listTitle = balanceTop + balance.length;
  const listTop = listTitle + 1;
  const listEnd = listTop + list.length - 1;
  const auditL = columnLetter(AUDIT_COL);
  const auditR = columnLetter(AUDIT_COL + 4);
  const logHead = 15;
  const styles: StyleRange[] = [
    { range: "A1", style: { bold: true, fontSize: 14 } },
    { range: "A2", style: { bold: true } },
    { range: "A3", style: { italic: true, fontColor: "#595959" } },
    { range: `A${balanceTop - 1}`, style: { bold: true } },
    { range: `A${balanceTop}:G${balanceTop}`, style: { bold: true, fill: "#DDEBF7", border: "bottom", wrapText: true } },
    { range: `A${balanceTop + balance.length - 1}:G${balanceTop + balance.length - 1}`, style: { bold: true, border: "top" } },
    { range: `A${listTitle}`, style: { bold: true } },
    // counts, strata, order and blocks are whole numbers (report-ready: every number with a format)
    { range: `A${balanceTop + 1}:F${balanceTop + balance.length - 1}`, style: { numberFormat: COUNT_FORMAT } },
    { range: `B${listTop + 1}:B${listEnd}`, style: { numberFormat: COUNT_FORMAT } },
    { range: `D${listTop + 1}:E${listEnd}`, style: { numberFormat: COUNT_FORMAT } },
    { range: `${columnLetter(AUDIT_COL + 1)}2:${columnLetter(AUDIT_COL + 1)}12`, style: { numberFormat: COUNT_FORMAT } },
    { range: `${columnLetter(AUDIT_COL + 3)}${logHead + 1}:${columnLetter(AUDIT_COL + 3)}${logHead + Math.max(1, log.length)}`, style: { numberFormat: COUNT_FORMAT } },
    { range: `C${listTop + 1}:C${listEnd}`, style: { numberFormat: "0.0000000000" } },
    { range: `F${listTop + 1}:F${listEnd}`, style: { numberFormat: "0.0000000000" } },
    { range: `${auditL}1`, style: { bold: true, fontSize: 12 } },
    { range: `${auditL}2:${auditL}12`, style: { bold: true } },
    { range: `${auditL}14`, style: { bold: true } },
    { range: `${auditL}${logHead}:${auditR}${logHead}`, style: { bold: true, fill: "#DDEBF7", border: "bottom" } },
  ];
  return {
    name: RANDOMISATION_SHEET_NAME,
    tabColor: "#7030A0",
    cells: [
      { address: "A1", values: [[tx(T.title, lang)], [headline(a, lang)], [madeFromLine(meta.madeAt ?? meta.createdAt, [meta.source], lang)]] },
      { address: `A${balanceTop - 1}`, values: [[tx(T.balance, lang)]] },
      { address: `A${balanceTop}`, values: balance },
      { address: `A${listTitle}`, values: [[tx(T.allocation, lang)]] },
      { address: `A${listTop}`, values: list },
      { address: `${auditL}1`, values: audit },
    ],
    styles,
    tables: [{ name: RANDOMISATION_TABLE_NAME, range: `A${listTop}:${columnLetter(LIST_WIDTH - 1)}${listEnd}`, style: "TableStyleLight9" }],
    columnWidths: [
      { columns: "A:B", width: 60 },
      { columns: "C:D", width: 85 },
      { columns: "E", width: 70 },
      { columns: "F:G", width: 85 },
      { columns: "H", width: 150 },
      { columns: "I", width: 12 },
      { columns: auditL, width: 130 },
      { columns: `${columnLetter(AUDIT_COL + 1)}:${auditR}`, width: 70 },
    ],
    pageSetup: { orientation: "landscape", paperSize: "A4", fitToWidth: true, printArea: `A1:${auditR}${Math.max(listEnd, audit.length)}`, footer: pageFooter(lang) },
    activate: true,
  };
}
