/** Pane-side helpers of the Forsøgsdesign pane: form values → settings (no maths here). */
import { VirkningError } from "../../core/errors";
import { cellText, normaliseKey, parseDanishNumber } from "../../core/data";
import { MAX_SEED, parseSeed, type EligibilityInput } from "../../core/design";
import type { DesignSettings } from "../../excel/designStore";

export interface RandomForm {
  sheet: string;
  idColumn: number;
  /** Column index → cut points as typed ("" = categorical). */
  strata: Record<number, string>;
  seed: string;
  blockSize: 2 | 4;
  reserves: string;
  protect: boolean;
}

/** A fresh seed from the platform's cryptographic generator (only the seed is random; the allocation is reproducible from it). */
export function newSeed(): string {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c?.getRandomValues) return String(c.getRandomValues(new Uint32Array(1))[0]);
  return String(Math.floor(Math.random() * (MAX_SEED + 1)));
}

/** The ID column a user most likely means: a header called ID, Løbenr or similar, else the first column. */
export function guessIdColumn(header: EligibilityInput["header"]): number {
  const i = header.findIndex((h) => /^(id|løbenr\.?|løbenummer|borger[- ]?id|pseudonym)$/i.test(cellText(h)));
  return i >= 0 ? i : 0;
}

export function emptyForm(): RandomForm {
  return { sheet: "", idColumn: 0, strata: {}, seed: newSeed(), blockSize: 2, reserves: "0", protect: true };
}

/** The form from stored settings, matching the stored columns by header in the list as read now. */
export function formFromSettings(s: DesignSettings, input: EligibilityInput | null): RandomForm {
  const find = (c: { index: number; header: string }): number => {
    if (!input) return c.index;
    const i = input.header.findIndex((h) => normaliseKey(h) === normaliseKey(c.header));
    return i >= 0 ? i : c.index;
  };
  const strata: Record<number, string> = {};
  for (const c of s.strata) strata[find(c)] = (c.cuts ?? []).map((x) => String(x).replace(".", ",")).join("; ");
  return { sheet: s.sheet, idColumn: find(s.idColumn), strata, seed: String(s.seed), blockSize: s.blockSize, reserves: String(s.reserves), protect: s.protect };
}

function parseCuts(text: string, column: string): number[] | undefined {
  const parts = text.split(";").map((x) => x.trim()).filter((x) => x !== "");
  if (parts.length === 0) return undefined;
  const cuts = parts.map((p) => parseDanishNumber(p));
  if (cuts.some((c) => c === null || !Number.isFinite(c))) {
    throw new VirkningError("DESIGN_CUTS", `Skæringspunkterne for "${column}" skal være tal adskilt af semikolon (fx 30 eller 25; 50).`, `The cut points for "${column}" must be numbers separated by semicolons (e.g. 30 or 25; 50).`);
  }
  return cuts as number[];
}

/** Settings to store from the form (throws a VirkningError for a bad seed, reserves or cut points). */
export function settingsFromForm(f: RandomForm, input: EligibilityInput, previous: DesignSettings | null): DesignSettings {
  const header = (i: number): string => cellText(input.header[i]);
  const reserves = /^\s*\d+\s*$/.test(f.reserves) ? Number(f.reserves) : Number.NaN;
  if (!Number.isInteger(reserves)) {
    throw new VirkningError("DESIGN_RESERVES", "Antal reserver pr. stratum skal være et helt tal, 0 eller mere.", "The number of reserves per stratum must be a whole number, 0 or more.");
  }
  const strata = Object.keys(f.strata)
    .map(Number)
    .sort((a, b) => a - b)
    .map((i) => {
      const cuts = parseCuts(f.strata[i], header(i));
      return { index: i, header: header(i), ...(cuts ? { cuts } : {}) };
    });
  return {
    version: 1,
    sheet: f.sheet,
    idColumn: { index: f.idColumn, header: header(f.idColumn) },
    strata,
    seed: parseSeed(f.seed),
    blockSize: f.blockSize,
    reserves,
    protect: f.protect,
    declines: previous?.declines ?? [],
    ...(previous?.createdAt ? { createdAt: previous.createdAt, hash: previous.hash, source: previous.source } : {}),
  };
}
