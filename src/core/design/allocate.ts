/**
 * Stratified randomisation, procedure version 1 (documented for auditors in README.md,
 * "Forsøgsdesign"). Steps:
 *
 * 1. Random numbers: one MT19937 stream from the seed (mt19937.ts); the citizens draw one number
 *    each, in list order.
 * 2. Strata: the combination of the stratification columns' levels (text, or the interval between
 *    cut points); numbered 1, 2, … in the order in which they first appear in the list.
 * 3. Order in stratum: each stratum sorted by the random number, ascending (equal numbers: list order).
 * 4. Reserves: the last `reserves` citizens of each stratum's order are reserves.
 * 5. Blocks: stratum by stratum (1, 2, …), the allocated citizens in order form blocks: pairs, or
 *    (block size 4) fours and then at most one pair. Each block draws the next number v from the
 *    same stream: a pair gets intervention–control if v < 0.5, else control–intervention; a four
 *    gets pattern floor(6v) of IICC, ICIC, ICCI, CIIC, CICI, CCII (I intervention, C control).
 * 6. Leftovers: a stratum with an odd number left over puts its last citizen aside; after the last
 *    stratum those citizens (in stratum order) form pairs across strata, drawn like step 5; a single
 *    last one gets intervention if its draw v < 0.5, else control.
 * So the arms differ by at most one within each stratum and at most one overall.
 */
import { VirkningError } from "../errors";
import { cellText, normaliseKey, parseDanishNumber } from "../data";
import { listHash } from "./hash";
import { MT_ALGORITHM, Mt19937 } from "./mt19937";
import type { AllocatedCitizen, Allocation, AllocationOptions, DesignArm, EligibilityInput, Lang, Stratum } from "./types";
import { cellOf, checkList, checkOptions } from "./validate";

export const PROCEDURE_VERSION = 1;
const BLOCK4: readonly string[] = ["IICC", "ICIC", "ICCI", "CIIC", "CICI", "CCII"];

function formatCut(c: number, lang: Lang): string {
  return lang === "da" ? String(c).replace(".", ",") : String(c);
}

/** The level text of interval k (0 … cuts.length) for the cut points. */
export function intervalLabel(cuts: readonly number[], k: number, lang: Lang): string {
  const f = (c: number): string => formatCut(c, lang);
  if (k === 0) return lang === "da" ? `under ${f(cuts[0])}` : `under ${f(cuts[0])}`;
  if (k === cuts.length) return lang === "da" ? `${f(cuts[k - 1])} og derover` : `${f(cuts[k - 1])} and over`;
  return lang === "da" ? `${f(cuts[k - 1])} til under ${f(cuts[k])}` : `${f(cuts[k - 1])} to under ${f(cuts[k])}`;
}

function levelsOf(input: EligibilityInput, row: number, o: AllocationOptions, lang: Lang): { key: string; levels: string[] } {
  const keys: string[] = [];
  const levels: string[] = [];
  for (const s of o.strata) {
    const v = input.rows[row][s.column];
    if (s.cuts && s.cuts.length > 0) {
      const x = parseDanishNumber(v) as number;
      const k = s.cuts.filter((c) => x >= c).length;
      keys.push(`#${k}`);
      levels.push(intervalLabel(s.cuts, k, lang));
    } else {
      keys.push(normaliseKey(v));
      levels.push(cellText(v));
    }
  }
  return { key: keys.join("\u241f"), levels };
}

/** Strata in order of first appearance, and each row's stratum number. */
function buildStrata(input: EligibilityInput, o: AllocationOptions, lang: Lang): { strata: Stratum[]; of: number[]; members: number[][] } {
  const byKey = new Map<string, Stratum>();
  const strata: Stratum[] = [];
  const members: number[][] = [];
  const of = input.rows.map((_, i) => {
    const { key, levels } = levelsOf(input, i, o, lang);
    let s = byKey.get(key);
    if (!s) {
      s = { number: strata.length + 1, key, levels, size: 0 };
      byKey.set(key, s);
      strata.push(s);
      members.push([]);
    }
    s.size++;
    members[s.number - 1].push(i);
    return s.number;
  });
  return { strata, of, members };
}

function checkStrata(input: EligibilityInput, o: AllocationOptions, strata: Stratum[], members: number[][]): void {
  for (const s of strata) {
    const label = s.levels.join(", ") || "alle";
    const cell = cellOf(input, members[s.number - 1][0], o.idColumn);
    if (s.size < 2) {
      throw new VirkningError(
        "DESIGN_STRATUM_TOO_SMALL",
        `Stratum ${s.number} (${label}) har kun én borger (${cell}). Brug færre stratificeringskolonner eller andre skæringspunkter, så hvert stratum har mindst to borgere.`,
        `Stratum ${s.number} (${label}) has only one citizen (${cell}). Use fewer stratification columns or other cut points, so that every stratum has at least two citizens.`,
        { sheet: input.sheet, cell: cell.replace(/^.*!/, "") },
      );
    }
    if (s.size - o.reserves < 1) {
      throw new VirkningError(
        "DESIGN_TOO_MANY_RESERVES",
        `Stratum ${s.number} (${label}) har ${s.size} borgere, så der kan ikke være ${o.reserves} reserver pr. stratum. Vælg færre reserver.`,
        `Stratum ${s.number} (${label}) has ${s.size} citizens, so there cannot be ${o.reserves} reserves per stratum. Choose fewer reserves.`,
        { sheet: input.sheet },
      );
    }
  }
}

const armOf = (c: string): DesignArm => (c === "I" ? "intervention" : "control");
const other = (a: DesignArm): DesignArm => (a === "intervention" ? "control" : "intervention");

/** Assign arms to the allocated part of one stratum (step 5); returns the leftover citizen, if any. */
function allocateStratum(rng: Mt19937, order: AllocatedCitizen[], allocated: number, blockSize: 2 | 4): AllocatedCitizen | undefined {
  let p = 0;
  let block = 0;
  const start = (v: number): void => {
    block++;
    order[p].draw = v;
  };
  if (blockSize === 4) {
    while (allocated - p >= 4) {
      const v = rng.nextDouble();
      start(v);
      const pattern = BLOCK4[Math.floor(v * 6)];
      for (let j = 0; j < 4; j++) Object.assign(order[p + j], { arm: armOf(pattern[j]), block: `B${block}` });
      p += 4;
    }
  }
  while (allocated - p >= 2) {
    const v = rng.nextDouble();
    start(v);
    const first: DesignArm = v < 0.5 ? "intervention" : "control";
    Object.assign(order[p], { arm: first, block: `B${block}` });
    Object.assign(order[p + 1], { arm: other(first), block: `B${block}` });
    p += 2;
  }
  return allocated - p === 1 ? order[p] : undefined;
}

/** Step 6: leftovers (one per odd stratum, in stratum order) paired across strata. */
function allocateLeftovers(rng: Mt19937, leftovers: AllocatedCitizen[]): void {
  for (let j = 0; j < leftovers.length; j += 2) {
    const v = rng.nextDouble();
    const first: DesignArm = v < 0.5 ? "intervention" : "control";
    Object.assign(leftovers[j], { arm: first, block: `R${j / 2 + 1}`, draw: v });
    if (j + 1 < leftovers.length) Object.assign(leftovers[j + 1], { arm: other(first), block: `R${j / 2 + 1}` });
  }
}

/** Randomise the list (see the module comment). Throws a VirkningError for bad input before anything is decided. */
export function allocate(input: EligibilityInput, options: AllocationOptions, lang: Lang = "da"): Allocation {
  checkOptions(input, options);
  checkList(input, options);
  const { strata, of, members } = buildStrata(input, options, lang);
  checkStrata(input, options, strata, members);
  const rng = new Mt19937(options.seed);
  const citizens: AllocatedCitizen[] = input.rows.map((r, i) => ({
    id: cellText(r[options.idColumn]),
    row: i,
    stratum: of[i],
    random: rng.nextDouble(),
    order: 0,
    arm: "reserve",
    block: "",
    draw: null,
    status: "reserve",
  }));
  const leftovers: AllocatedCitizen[] = [];
  for (const m of members) {
    const order = m.map((i) => citizens[i]).sort((a, b) => a.random - b.random || a.row - b.row);
    order.forEach((c, k) => (c.order = k + 1));
    const allocated = order.length - options.reserves;
    for (let k = 0; k < allocated; k++) order[k].status = "allocated";
    const left = allocateStratum(rng, order, allocated, options.blockSize);
    if (left) leftovers.push(left);
  }
  allocateLeftovers(rng, leftovers);
  return {
    options: { ...options, strata: options.strata.map((s) => ({ ...s })) },
    citizens,
    strata,
    strataHeaders: options.strata.map((s) => cellText(input.header[s.column])),
    idHeader: cellText(input.header[options.idColumn]),
    hash: listHash(input.header, input.rows, [options.idColumn, ...options.strata.map((s) => s.column)]),
    algorithm: MT_ALGORITHM,
    procedureVersion: PROCEDURE_VERSION,
  };
}
