/**
 * The trial feeds the analysis (issue 21 item 2): when the settings say so (`randomisation`), the groups
 * come from the add-in's "Randomisering" sheet instead of the data sheet. Intention to treat: every citizen
 * in the trial is analysed in the arm he or she was randomised to, whatever the data sheet says; who is in
 * the trial is what the allocation table records (src/core/design/link.ts): allocated citizens, and
 * reserves called in instead of a citizen who declined (in the arm they took over). Citizens who declined
 * and reserves never called in are not in the trial and are left out.
 *
 * Citizens are joined by ID (matched by `normaliseKey`, the same text rule as group and stratum labels).
 * The join adds two columns in memory only (never written anywhere): the randomised group and, when the
 * design was stratified, the stratum, as a Tabel 1 variable and by default as the stratified analysis's
 * strata and the adjusted analysis's covariate (adjusted.ts defaultCovariates). Rows left out keep their
 * sheet rows for messages (DatasetInput.rowNumbers).
 *
 * Mismatches between the data sheet and the randomisation are counted, never listed: IDs are personal
 * data and are not copied into settings, notes or sheets.
 */
import { cellText, isBlank, mapGroupLabel, normaliseKey, armName, type Arm, type CellValue } from "../data";
import type { DatasetInput } from "../data/dataset";
import type { Text } from "../stats";
import type { TrialTable } from "../design/link";
import { storedHeader } from "./columns";
import type { ComparisonSettings } from "./settings";

/** Headers of the two columns the join adds (in memory only). */
export const TRIAL_GROUP_HEADER = { da: "Gruppe (randomiseret)", en: "Group (randomised)" } as const;
export const TRIAL_STRATUM_HEADER = { da: "Stratum (randomiseret)", en: "Stratum (randomised)" } as const;

/** Counts of IDs (distinct), never the IDs. */
export interface TrialMismatch {
  /** IDs on the data sheet that are not on "Randomisering" at all (left out). */
  notRandomised: number;
  /** IDs on the data sheet that are on "Randomisering" but not in the trial: declined, or a reserve never called in (left out). */
  outsideTrial: number;
  /** Citizens in the trial without a row on the data sheet. */
  missingFromData: number;
  /** Citizens whose group on the data sheet is the other arm than the one randomised (analysed as randomised). */
  otherGroup: number;
}

export interface TrialJoin {
  input: DatasetInput;
  settings: ComparisonSettings;
  mismatch: TrialMismatch;
  /** Citizens of the data sheet in the trial (analysed). */
  matched: number;
  /** Strata of the design (1 when it was not stratified). */
  strata: number;
}

const t = (da: string, en: string): Text => ({ da, en });

/** ID key of a member or a data cell: the labels' text rule (trimmed, case, spacing, dashes, NFC). */
function idKey(v: CellValue | undefined): string {
  return normaliseKey(v);
}

function keyed<V>(m: Map<string, V>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [k, v] of m) out.set(idKey(k), v);
  return out;
}

function stratumLabel(n: number, lang: "da" | "en"): string {
  return `${lang === "da" ? "Stratum" : "Stratum"} ${n}`;
}

interface RowsOut {
  rows: CellValue[][];
  formats?: string[][];
  rowNumbers: number[];
  seen: Set<string>;
  mismatch: Omit<TrialMismatch, "missingFromData">;
}

/** The data rows in the trial, each with its randomised group (and stratum); the others counted and left out. */
function joinRows(input: DatasetInput, settings: ComparisonSettings, table: TrialTable, width: number, withStratum: boolean): RowsOut {
  const members = keyed(table.members);
  const outside = new Set([...table.outside].map(idKey));
  const idCol = settings.columns.id;
  const groupCol = settings.columns.group;
  const lang = settings.lang;
  const out: RowsOut = { rows: [], rowNumbers: [], seen: new Set(), mismatch: { notRandomised: 0, outsideTrial: 0, otherGroup: 0 }, ...(input.numberFormats ? { formats: [] } : {}) };
  const notRandomised = new Set<string>();
  const outsideTrial = new Set<string>();
  const otherGroup = new Set<string>();
  input.rows.forEach((row, r) => {
    const id = row[idCol];
    const key = isBlank(id) ? "" : idKey(id);
    const m = key === "" ? undefined : members.get(key);
    if (key !== "" && !m) {
      (outside.has(key) ? outsideTrial : notRandomised).add(key);
      return;
    }
    const padded = row.length >= width ? row.slice(0, width) : [...row, ...new Array<CellValue>(width - row.length).fill(null)];
    // a row without an ID stays: the dataset names its cell (MISSING_ID) or it is a blank row between data
    const added: CellValue[] = m ? [armName(m.arm, lang), ...(withStratum ? [stratumLabel(m.stratum, lang)] : [])] : [null, ...(withStratum ? [null] : [])];
    out.rows.push([...padded, ...added]);
    out.rowNumbers.push(r);
    if (out.formats && input.numberFormats) {
      const f = input.numberFormats[r] ?? [];
      out.formats.push([...f.slice(0, width), ...new Array<string>(Math.max(0, width - f.length)).fill("General"), ...added.map(() => "General")]);
    }
    if (!m) return;
    out.seen.add(key);
    if (groupCol >= 0) {
      const arm: Arm | null = mapGroupLabel(cellText(row[groupCol]), settings.groupMap);
      if (arm !== null && arm !== m.arm) otherGroup.add(key);
    }
  });
  out.mismatch = { notRandomised: notRandomised.size, outsideTrial: outsideTrial.size, otherGroup: otherGroup.size };
  return out;
}

/**
 * The data joined to the randomisation: the input the analysis runs on (rows in the trial, with the
 * randomised group and stratum columns added) and the settings applied to it (group = the randomised
 * group; with `randomisation.strata`, the design's strata as the stratified analysis).
 */
export function joinRandomisation(input: DatasetInput, settings: ComparisonSettings, table: TrialTable): TrialJoin {
  const lang = settings.lang;
  const width = input.rows.reduce((w, r) => Math.max(w, r.length), input.header.length);
  const strataCount = new Set([...table.members.values()].map((m) => m.stratum)).size;
  const withStratum = strataCount > 1;
  const joined = joinRows(input, settings, table, width, withStratum);
  const header: CellValue[] = [...input.header, ...new Array<CellValue>(width - input.header.length).fill(null), TRIAL_GROUP_HEADER[lang], ...(withStratum ? [TRIAL_STRATUM_HEADER[lang]] : [])];
  const stratumCol = width + 1;
  const { strata: ownStrata, ...rest } = settings;
  const useDesignStrata = withStratum && settings.randomisation?.strata === true;
  const strata = useDesignStrata ? [stratumCol] : ownStrata;
  const analysed: ComparisonSettings = {
    ...rest,
    source: { ...settings.source, header: storedHeader(header) },
    columns: { ...settings.columns, group: width, baseline: [...settings.columns.baseline, ...(withStratum ? [{ column: stratumCol, type: "categorical" as const }] : [])] },
    // the randomised group's labels are the built-in arm names; the data sheet's own mapping is for the mismatch count only
    groupMap: {},
    ...(strata && strata.length > 0 ? { strata } : {}),
  };
  const missingFromData = [...keyed(table.members).keys()].filter((k) => !joined.seen.has(k)).length;
  return {
    input: { ...input, header, rows: joined.rows, rowNumbers: joined.rowNumbers.map((r) => input.rowNumbers?.[r] ?? r), ...(joined.formats ? { numberFormats: joined.formats } : {}) },
    settings: analysed,
    mismatch: { ...joined.mismatch, missingFromData },
    matched: joined.seen.size,
    strata: strataCount,
  };
}

/** True when any count of the mismatch is above 0. */
export function hasMismatch(m: TrialMismatch): boolean {
  return m.notRandomised + m.outsideTrial + m.missingFromData + m.otherGroup > 0;
}

/** The mismatch as sentences with counts only (for the pane and the result sheet's notes). */
export function mismatchText(m: TrialMismatch): Text {
  if (!hasMismatch(m)) return t("Dataarket og arket Randomisering passer sammen: alle borgere i forsøget har en række i data, og ingen gruppe i data afviger fra den randomiserede.", "The data sheet and the sheet Randomisering agree: every citizen in the trial has a row in the data, and no group in the data differs from the randomised one.");
  const da: string[] = [];
  const en: string[] = [];
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  if (m.notRandomised > 0) {
    da.push(`${n(m.notRandomised, "ID", "ID'er")} i data findes ikke på arket Randomisering og er ikke med`);
    en.push(`${n(m.notRandomised, "ID", "IDs")} in the data are not on the sheet Randomisering and are left out`);
  }
  if (m.outsideTrial > 0) {
    da.push(`${n(m.outsideTrial, "ID", "ID'er")} i data står på Randomisering, men er ikke med i forsøget (afslået eller reserve, der ikke er kaldt ind) og er ikke med`);
    en.push(`${n(m.outsideTrial, "ID", "IDs")} in the data are on Randomisering but not in the trial (declined, or a reserve not called in) and are left out`);
  }
  if (m.missingFromData > 0) {
    da.push(`${n(m.missingFromData, "borger", "borgere")} i forsøget har ingen række i data`);
    en.push(`${n(m.missingFromData, "citizen", "citizens")} in the trial have no row in the data`);
  }
  if (m.otherGroup > 0) {
    da.push(`${n(m.otherGroup, "borger", "borgere")} har en anden gruppe i data end den randomiserede og er analyseret som randomiseret`);
    en.push(`${n(m.otherGroup, "citizen", "citizens")} have another group in the data than the randomised one and are analysed as randomised`);
  }
  return t(`Forskelle mellem data og randomiseringen (antal, ingen ID'er vist): ${da.join("; ")}.`, `Differences between the data and the randomisation (counts, no IDs shown): ${en.join("; ")}.`);
}

/** The notes the result sheet gets for a comparison with the groups from "Randomisering". */
export function trialNotes(j: TrialJoin, settings: ComparisonSettings): Text[] {
  const notes: Text[] = [
    t(
      `Grupper fra arket Randomisering (intention to treat): hver af de ${j.matched} borgere i forsøget med en række i data er analyseret i den gruppe, borgeren blev randomiseret til, fundet ved ID. Borgere, der afslog, og reserver, der ikke blev kaldt ind, er ikke med i forsøget; en reserve, der blev kaldt ind, er med i den gruppe, den overtog.`,
      `Groups from the sheet Randomisering (intention to treat): each of the ${j.matched} citizens in the trial with a row in the data is analysed in the group he or she was randomised to, found by ID. Citizens who declined and reserves never called in are not in the trial; a reserve called in is in the group it took over.`,
    ),
    mismatchText(j.mismatch),
  ];
  if (j.strata > 1 && settings.randomisation?.strata) {
    notes.push(t(`Den stratificerede analyse bruger randomiseringens ${j.strata} strata (kolonnen Stratum på arket Randomisering; beskrivelsen af hvert stratum står i balancen dér).`, `The stratified analysis uses the randomisation's ${j.strata} strata (the column Stratum on the sheet Randomisering; each stratum is described in the balance table there).`));
  }
  return notes;
}
