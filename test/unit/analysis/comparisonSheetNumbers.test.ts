/**
 * Every number the Sammenligning sheet prints, read back from the sheet and checked against the result
 * object: each outcome row's n, N, %, CIs, p and test; the headline; every status cell; every Tabel 1
 * cell; every missing-data cell. The data have missing categorical and continuous baseline values, so a
 * Tabel 1 percentage of the whole group (instead of those with a value) fails here. Pearson is the policy,
 * so some p-values are marked.
 */
import { runComparison, type ComparisonResult, type EffectValue } from "../../../src/core/analysis";
import { comparisonSheetSpec } from "../../../src/core/analysis/comparisonSheet";
import type { CellValue } from "../../../src/core/report/sheetSpec";
import { HEADER, pilotRows, pilotSettings } from "./fixture";

const rows = pilotRows();
rows[1][2] = ""; // P02 (indsats, Kvinde): køn missing
rows[14][2] = ""; // P15 (kontrol, Kvinde): køn missing
rows[2][3] = ""; // P03: alder missing
const settings = { ...pilotSettings(), testPolicy: "pearson" as const };
const result: ComparisonResult = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, settings, new Date("2026-11-28T09:30:00Z"));
const spec = comparisonSheetSpec(result, "da");
const g: CellValue[][] = spec.cells[0].values;
const at = (first: string, after = 0): number => {
  const i = g.findIndex((r, k) => k >= after && r[0] === first);
  if (i < 0) throw new Error(`no row starting "${first}" after ${after}`);
  return i;
};
/** An effect and its interval as the sheet writes them: three numbers, or three dashes. */
const ci = (e: EffectValue | null, scale: number): CellValue[] => (e ? [e.estimate * scale, e.lower * scale, e.upper * scale] : ["–", "–", "–"]);
/** p, footnote marker, Fisher's p and the test's name, as the sheet writes them. */
const pCells = (r: ComparisonResult["outcomes"][number]["rows"][number]): CellValue[] =>
  !r.test ? ["–", "", "", "–"] : r.test.smallExpected ? [r.test.pValue, "¹", r.test.smallExpected.fisherP ?? "–", r.test.method.da] : [r.test.pValue, "", "", r.test.method.da];
const month = (m: number): string => (m === 0 ? "0 mdr. (ved inklusion)" : `${m} mdr.`);

describe("every printed number of the Sammenligning sheet matches the result (data with missing values)", () => {
  it("the data really have missing baseline values in both groups", () => {
    const [sex, age] = result.baseline.variables;
    expect(sex.missing).toEqual({ intervention: 1, control: 1 });
    expect(age.missing).toEqual({ intervention: 1, control: 0 });
  });

  it("each outcome: every follow-up row's n, N, %, difference, RR, OR, p and test", () => {
    let checked = 0;
    let after = at("Resultatmål ved opfølgning");
    for (const o of result.outcomes) {
      after = at(o.name, after);
      const head = at("Opfølgning", after);
      o.rows.forEach((r, i) => {
        const printed = g[head + 1 + i];
        const a = r.counts.intervention;
        const c = r.counts.control;
        expect(printed.slice(0, 14)).toEqual([month(r.month), a.x, a.n, a.n > 0 ? a.x / a.n : "–", c.x, c.n, c.n > 0 ? c.x / c.n : "–", ...ci(r.riskDifference, 100), ...pCells(r)]);
        // relative risk and odds ratio: the table below, same follow-ups in the same order
        const rel = at("Opfølgning", head + 1);
        expect(g[rel + 1 + i].slice(0, 7)).toEqual([month(r.month), ...ci(r.relativeRisk, 1), ...ci(r.oddsRatio, 1)]);
        checked++;
      });
    }
    expect(checked).toBe(result.outcomes.length * result.followUps.length);
  });

  it("the p-values differ between follow-ups where the result says so (not one p copied to every row)", () => {
    const o = result.outcomes[0];
    const head = at("Opfølgning", at(o.name));
    const printed = o.rows.map((_, i) => g[head + 1 + i][10]);
    expect(printed).toEqual(o.rows.map((r) => (r.test ? r.test.pValue : "–")));
    expect(new Set(printed).size).toBeGreaterThan(1);
  });

  it("the headline: the chosen outcome and follow-up, n, N, shares, difference with its interval, p, test and its sentence in one cell", () => {
    const hl = result.headline;
    if (!hl) throw new Error("no headline");
    const o = result.outcomes[hl.outcome];
    const r = o.rows.find((x) => x.month === hl.month);
    if (!r) throw new Error("no headline row");
    const i = at(`Resultatmål: ${o.name}`, at("Hovedresultat")) + 2;
    const a = r.counts.intervention;
    const c = r.counts.control;
    expect(g[i].slice(0, 14)).toEqual([month(r.month), a.x, a.n, a.x / a.n, c.x, c.n, c.x / c.n, ...ci(r.riskDifference, 100), ...pCells(r)]);
    // the sentence is one cell, not split over rows
    expect(g[i + 1][0]).toBe(r.ciSentence?.da);
    expect(i).toBeLessThan(at("Resultatmål ved opfølgning"));
  });

  it("the status table: per time point every row is n, N and the share per group, as numbers; each column sums to N", () => {
    const st = result.statusTable;
    const top = at("Status", at("Status ved hvert tidspunkt"));
    expect(g[top].slice(0, 7)).toEqual(["Status", "Indsats n", "Indsats N", "Indsats %", "Kontrol n", "Kontrol N", "Kontrol %"]);
    let i = top + 1;
    for (const m of result.months) {
      expect(g[i][0]).toBe(month(m));
      i++;
      const ji = st.columns.findIndex((c) => c.month === m && c.arm === "intervention");
      const jk = st.columns.findIndex((c) => c.month === m && c.arm === "control");
      const cells = (r: number, j: number): CellValue[] => [st.counts[r][j], st.columns[j].N, st.counts[r][j] / st.columns[j].N];
      st.rows.forEach((sr, r) => {
        expect(g[i][0]).toBe(sr.class === "blank" ? "(tom – ikke fulgt op endnu)" : sr.label);
        expect(g[i].slice(1, 7)).toEqual([...cells(r, ji), ...cells(r, jk)]);
        i++;
      });
    }
    for (let j = 0; j < st.columns.length; j++) expect(st.counts.reduce((s, r) => s + r[j], 0)).toBe(st.columns[j].N);
  });

  it("Tabel 1: every cell; categorical percentages of those with a value, missing shown on their own row", () => {
    const b = result.baseline;
    let i = at("Variabel", at("Tabel 1. Baggrundskarakteristika ved inklusion")) + 2;
    const share = (n: number, N: number): [number, number] => [n, n / N];
    for (const v of b.variables) {
      expect(g[i][0]).toBe(v.type === "categorical" && v.derivedFrom ? `${v.name} (grupperet)` : v.name);
      if (v.type === "categorical" && v.oneRow) {
        const l = v.levels.find((x) => x.label === v.oneRow);
        if (!l) throw new Error("no yes level");
        expect(g[i].slice(1, 8)).toEqual([l.label, "", ...share(l.count.intervention, b.N.intervention - v.missing.intervention), ...share(l.count.control, b.N.control - v.missing.control), l.smd ?? "–"]);
        i++;
      } else if (v.type === "categorical") {
        i++;
        const withValue = { intervention: b.N.intervention - v.missing.intervention, control: b.N.control - v.missing.control };
        for (const l of v.levels) {
          expect(g[i].slice(0, 8)).toEqual(["", l.label, "", ...share(l.count.intervention, withValue.intervention), ...share(l.count.control, withValue.control), l.smd ?? "–"]);
          i++;
        }
      } else {
        // one row per measure, the numbers unrounded (one decimal by format); SMD on the first row
        const I = v.stats.intervention;
        const K = v.stats.control;
        const rows: [string, number | null, number | null][] =
          v.summary === "meanSd" ? [["Gennemsnit", I.mean, K.mean], ["Standardafvigelse (SD)", I.sd, K.sd]] : [["Median", I.median, K.median], ["Mindste", I.min, K.min], ["Største", I.max, K.max]];
        rows.forEach(([label, a, c], k) => {
          expect(g[i].slice(1, 8)).toEqual([label, "", a, "", c, "", k === 0 ? (v.smd ?? "–") : ""]);
          i++;
        });
      }
      if (v.missing.intervention + v.missing.control > 0) {
        expect(g[i].slice(0, 7)).toEqual(["", "Mangler", "", v.missing.intervention, "", v.missing.control, ""]);
        i++;
      }
    }
    // by hand: 5 of the 9 intervention citizens with a recorded køn are women (not 5 of 10)
    const kvinde = g.find((r) => r[1] === "Kvinde");
    expect(kvinde?.slice(3, 5)).toEqual([5, 5 / 9]);
  });

  it("the missing-data table: every cell", () => {
    const top = at("Tidspunkt", at("Manglende data og nævnere"));
    result.missing.forEach((m, i) => {
      expect(g[top + 1 + i].slice(0, 7)).toEqual([month(m.month), m.arm === "intervention" ? "Indsatsgruppe" : "Kontrolgruppe", m.total, m.valid, m.notFollowedUp, m.movedAway, m.excluded]);
    });
  });
});
