/** Checks of the eligibility list and the randomisation options: Danish messages that name sheet and cell. */
import { VirkningError, VirkningValidationError } from "../errors";
import { cellText, isBlank, cellHasCpr, normaliseKey, parseDanishNumber, quoteSheet, sheetCell } from "../data";
import { parseRange } from "../report/address";
import type { AllocationOptions, EligibilityInput } from "./types";

export const MAX_SEED = 0xffffffff;
const MAX_LISTED = 20;

/** The seed as an integer 0 … 4294967295, from a number or the text typed in the pane. */
export function parseSeed(v: unknown): number {
  const s = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v.trim()) : Number.NaN;
  if (!Number.isInteger(s) || s < 0 || s > MAX_SEED) {
    throw new VirkningError(
      "DESIGN_SEED",
      `Seed skal være et helt tal fra 0 til ${MAX_SEED} (du skrev "${String(v)}"). Skriv et helt tal, eller tryk på "Nyt seed".`,
      `The seed must be a whole number from 0 to ${MAX_SEED} (you wrote "${String(v)}"). Type a whole number, or press "New seed".`,
    );
  }
  return s;
}

/** Sheet cell of (row of rows, column) in the input. */
export function cellOf(input: EligibilityInput, row: number, column: number): string {
  const o = parseRange(input.address);
  return sheetCell(input.sheet, o.row + 1 + row, o.column + column);
}

function headerCell(input: EligibilityInput, column: number): string {
  const o = parseRange(input.address);
  return sheetCell(input.sheet, o.row, o.column + column);
}

function problem(input: EligibilityInput, code: string, da: string, en: string, cell?: string): VirkningError {
  return new VirkningError(code, da, en, { sheet: input.sheet, cell: cell?.replace(/^.*!/, "") });
}

function throwAll(problems: VirkningError[]): void {
  if (problems.length === 0) return;
  throw problems.length === 1 ? problems[0] : new VirkningValidationError(problems.slice(0, MAX_LISTED));
}

export function checkOptions(input: EligibilityInput, o: AllocationOptions): void {
  parseSeed(o.seed);
  const width = input.header.length;
  if (!Number.isInteger(o.idColumn) || o.idColumn < 0 || o.idColumn >= width) {
    throw problem(input, "DESIGN_NO_ID", "Vælg kolonnen med borgernes ID.", "Choose the column with the citizens' IDs.");
  }
  if (o.blockSize !== 2 && o.blockSize !== 4) throw new VirkningError("DESIGN_BLOCK", "Blokstørrelsen skal være 2 (par) eller 4.", "The block size must be 2 (pairs) or 4.");
  if (!Number.isInteger(o.reserves) || o.reserves < 0) {
    throw new VirkningError("DESIGN_RESERVES", "Antal reserver pr. stratum skal være et helt tal, 0 eller mere.", "The number of reserves per stratum must be a whole number, 0 or more.");
  }
  for (const s of o.strata) {
    if (!Number.isInteger(s.column) || s.column < 0 || s.column >= width || s.column === o.idColumn) {
      throw problem(input, "DESIGN_STRATUM_COLUMN", "En stratificeringskolonne findes ikke i listen (eller er ID-kolonnen). Vælg kolonnerne igen.", "A stratification column is not in the list (or is the ID column). Choose the columns again.");
    }
    const cuts = s.cuts ?? [];
    if (cuts.some((c, i) => !Number.isFinite(c) || (i > 0 && c <= cuts[i - 1]))) {
      const name = cellText(input.header[s.column]);
      throw problem(input, "DESIGN_CUTS", `Skæringspunkterne for "${name}" skal være tal i stigende orden (fx 30 eller 25; 50).`, `The cut points for "${name}" must be numbers in increasing order (e.g. 30 or 25; 50).`);
    }
  }
  if (new Set(o.strata.map((s) => s.column)).size !== o.strata.length) {
    throw new VirkningError("DESIGN_STRATUM_TWICE", "Den samme kolonne er valgt to gange til stratificering.", "The same column is chosen twice for stratification.");
  }
}

/** The list itself: at least two citizens, no CPR numbers, IDs filled and unique, strata values filled (numbers where cut). */
export function checkList(input: EligibilityInput, o: AllocationOptions): void {
  const where = `${quoteSheet(input.sheet)}!${input.address}`;
  if (input.rows.length < 2) {
    throw problem(input, "DESIGN_TOO_FEW", `Listen i ${where} har ${input.rows.length} borger(e). Der skal være mindst to borgere for at fordele dem.`, `The list in ${where} has ${input.rows.length} citizen(s). At least two citizens are needed to allocate them.`);
  }
  checkNoCpr(input);
  const problems: VirkningError[] = [];
  const seen = new Map<string, number>();
  input.rows.forEach((r, i) => {
    const v = r[o.idColumn];
    if (isBlank(v)) {
      problems.push(problem(input, "DESIGN_EMPTY_ID", `Borgeren i ${cellOf(input, i, o.idColumn)} har intet ID. Udfyld ID'et, eller fjern rækken.`, `The citizen in ${cellOf(input, i, o.idColumn)} has no ID. Fill in the ID or remove the row.`, cellOf(input, i, o.idColumn)));
      return;
    }
    const key = normaliseKey(v);
    const first = seen.get(key);
    if (first !== undefined) {
      const a = cellOf(input, first, o.idColumn);
      const b = cellOf(input, i, o.idColumn);
      problems.push(problem(input, "DESIGN_DUPLICATE_ID", `ID'et "${cellText(v)}" står to gange (${a} og ${b}). Hver borger må kun stå én gang på listen.`, `The ID "${cellText(v)}" occurs twice (${a} and ${b}). Each citizen may be on the list only once.`, b));
    } else seen.set(key, i);
  });
  for (const s of o.strata) checkStratumColumn(input, s.column, (s.cuts?.length ?? 0) > 0, problems);
  throwAll(problems);
}

function checkStratumColumn(input: EligibilityInput, column: number, numeric: boolean, problems: VirkningError[]): void {
  const name = cellText(input.header[column]) || headerCell(input, column);
  if (input.rows.every((r) => isBlank(r[column]))) {
    problems.push(problem(input, "DESIGN_EMPTY_COLUMN", `Kolonnen "${name}" (${headerCell(input, column)}) er tom. Vælg en anden kolonne til stratificering, eller udfyld den.`, `The column "${name}" (${headerCell(input, column)}) is empty. Choose another column for stratification or fill it in.`, headerCell(input, column)));
    return;
  }
  input.rows.forEach((r, i) => {
    const c = cellOf(input, i, column);
    if (isBlank(r[column])) {
      problems.push(problem(input, "DESIGN_EMPTY_STRATUM_VALUE", `${c} er tom, men "${name}" bruges til stratificering. Udfyld cellen, eller fjern borgeren fra listen.`, `${c} is empty, but "${name}" is used for stratification. Fill in the cell or remove the citizen from the list.`, c));
    } else if (numeric && !Number.isFinite(parseDanishNumber(r[column]) ?? Number.NaN)) {
      problems.push(problem(input, "DESIGN_NOT_A_NUMBER", `${c} ("${cellText(r[column])}") er ikke et tal, men "${name}" deles ved skæringspunkter. Skriv et tal i cellen.`, `${c} ("${cellText(r[column])}") is not a number, but "${name}" is split at cut points. Enter a number in the cell.`, c));
    }
  });
}

function checkNoCpr(input: EligibilityInput): void {
  const cells: string[] = [];
  input.header.forEach((v, c) => {
    if (cellHasCpr(v)) cells.push(headerCell(input, c));
  });
  input.rows.forEach((r, i) => r.forEach((v, c) => {
    if (cells.length < 10 && cellHasCpr(v)) cells.push(cellOf(input, i, c));
  }));
  if (cells.length > 0) {
    throw problem(
      input,
      "CPR_FOUND",
      `Listen indeholder noget, der ligner CPR-numre (${cells.join(", ")}). CPR-numre må ikke ligge i arbejdsbogen: erstat dem med et pseudonym-ID (fx et løbenummer), og gem nøglen et sikkert sted uden for arbejdsbogen.`,
      `The list contains what look like CPR numbers (${cells.join(", ")}). CPR numbers must not be in the workbook: replace them with a pseudonym ID (e.g. a running number) and keep the key in a safe place outside the workbook.`,
      cells[0],
    );
  }
}
