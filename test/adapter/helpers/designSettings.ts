/** Forsøgsdesign settings for the sample sheet "Borgere" from a case of the allocation fixture (test/fixtures/design/allocation.json). */
import fixture from "../../fixtures/design/allocation.json";
import type { DesignSettings } from "../../../src/excel/designStore";

export function designSettingsFor(name: string): DesignSettings {
  const c = fixture.cases.find((x) => x.name === name);
  if (!c) throw new Error(`no allocation fixture case "${name}"`);
  return {
    version: 1,
    sheet: "Borgere",
    idColumn: { index: c.idColumn, header: c.header[c.idColumn] as string },
    strata: c.strata.map((s) => ({ index: s.column, header: c.header[s.column] as string, ...("cuts" in s ? { cuts: s.cuts } : {}) })),
    seed: c.seed,
    blockSize: c.blockSize as 2 | 4,
    reserves: c.reserves,
    protect: true,
    declines: [],
  };
}
