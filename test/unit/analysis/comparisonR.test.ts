/**
 * runComparison against numbers computed in R (scripts/fixtures/generate-comparison.R, frozen in
 * test/fixtures/analysis/comparison-r.json) for the preview's sample data and two hand-made datasets
 * (a group with zero events; a time point where nobody changed status). Field by field: counts exactly,
 * estimates, intervals and p-values to 1e-10 absolute or 1e-8 relative.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultSettings, inspectData, runComparison, type ComparisonResult, type ComparisonSettings, type EffectValue } from "../../../src/core/analysis";
import type { CellValue } from "../../../src/core/report/sheetSpec";

const DIR = join(__dirname, "..", "..", "fixtures", "analysis");

type Triple = [number, number, number];
type Pair = [number, number];
interface ROutcomeRow {
  month: number;
  x1: number;
  n1: number;
  x2: number;
  n2: number;
  riskDifference: Triple;
  relativeRisk: Triple | null;
  oddsRatio: Triple | null;
  pearsonP: number | null;
  yatesP: number | null;
  fisherP: number;
  minExpected: number;
  autoTest: "fisher" | "pearson";
  autoP: number;
}
interface RDataset {
  name: string;
  file: string;
  categorical: string[];
  continuous: string[];
  timepoints: { column: string; month: number }[];
  groups: { intervention: string; control: string };
  N: Pair;
  statusCounts: { month: number; arm: "intervention" | "control"; N: number; statuses: { label: string; count: number }[]; blank: number }[];
  missing: { month: number; arm: "intervention" | "control"; total: number; valid: number; notFollowedUp: number; movedAway: number; excluded: number }[];
  outcomes: { name: string; rows: ROutcomeRow[] }[];
  baseline: {
    categorical: {
      name: string;
      missing: Pair;
      levels: { label: string; count: Pair; proportion: Pair; smd: number | null }[];
      pearsonP: number | null;
      fisherP: number;
      autoTest: "fisher" | "pearson";
      autoP: number;
    }[];
    continuous: {
      name: string;
      n: Pair;
      missing: Pair;
      mean: Pair;
      sd: Pair;
      median: Pair;
      min: Pair;
      max: Pair;
      shapiroP: [number | null, number | null];
      summary: "meanSd" | "medianRange";
      smd: number;
      welchP: number;
      wilcoxP: number;
      test: "welch" | "wilcoxon";
    }[];
  };
}

const fixture = JSON.parse(readFileSync(join(DIR, "comparison-r.json"), "utf8")) as { software: string; datasets: RDataset[] };

/** The CSV the R script read: comma separated, no quoting; empty = empty cell; plain decimals are numbers. */
function readCsv(file: string): { header: CellValue[]; rows: CellValue[][] } {
  const lines = readFileSync(join(DIR, file), "utf8").split("\n").filter((l) => l.length > 0);
  const cell = (s: string): CellValue => (s === "" ? null : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  return { header: lines[0].split(","), rows: lines.slice(1).map((l) => l.split(",").map(cell)) };
}

function close(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    expect({ what, actual: actual ?? null }).toEqual({ what, actual: null });
    return;
  }
  if (typeof actual !== "number") throw new Error(`${what}: expected ${expected}, got ${String(actual)}`);
  const ok = Math.abs(actual - expected) <= 1e-10 || Math.abs(actual - expected) <= 1e-8 * Math.abs(expected);
  if (!ok) throw new Error(`${what}: expected ${expected} (R), got ${actual}`);
}

function triple(e: EffectValue | null, r: Triple | null, what: string): void {
  if (r === null) {
    expect({ what, e }).toEqual({ what, e: null });
    return;
  }
  expect(e).not.toBeNull();
  close(e!.estimate, r[0], `${what} estimate`);
  close(e!.lower, r[1], `${what} lower`);
  close(e!.upper, r[2], `${what} upper`);
}

function analyse(ds: RDataset, over: Partial<ComparisonSettings> = {}): ComparisonResult {
  const { header, rows } = readCsv(ds.file);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  const columns: ComparisonSettings["columns"] = {
    id: col("ID"),
    group: col("Gruppe"),
    baseline: [...ds.categorical.map((c) => ({ column: col(c), type: "categorical" as const })), ...ds.continuous.map((c) => ({ column: col(c), type: "continuous" as const }))],
    timepoints: ds.timepoints.map((t) => ({ column: col(t.column), month: t.month })),
  };
  const input = { sheet: "Borgere", address: "A1", header, rows };
  const info = inspectData(input, { layout: "wide", ...columns });
  expect(info.problems).toEqual([]);
  const settings = defaultSettings({
    sheet: "Borgere",
    address: "A1",
    layout: "wide",
    columns,
    groupLabels: info.groupLabels,
    statuses: info.statuses.map((s) => s.label),
  });
  return runComparison(input, { ...settings, ...over }, new Date("2026-11-28T06:00:00Z"));
}

const ARM_INDEX = { intervention: 0, control: 1 } as const;

describe.each(fixture.datasets.map((d) => [d.name, d] as const))("runComparison matches R (%s)", (_name, ds) => {
  const auto = analyse(ds);

  it("counts citizens per group", () => {
    expect([auto.header.citizens.intervention, auto.header.citizens.control]).toEqual(ds.N);
  });

  it("status by time point and group: n per status, blanks, N", () => {
    for (const sc of ds.statusCounts) {
      const c = auto.statusTable.columns.findIndex((x) => x.month === sc.month && x.arm === sc.arm);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(auto.statusTable.columns[c].N).toBe(sc.N);
      const got: Record<string, number> = {};
      auto.statusTable.rows.forEach((row, r) => {
        const n = auto.statusTable.counts[r][c];
        if (n > 0) got[row.class === "blank" ? "(blank)" : row.label] = n;
      });
      const want: Record<string, number> = {};
      for (const s of sc.statuses) want[s.label] = s.count;
      if (sc.blank > 0) want["(blank)"] = sc.blank;
      expect({ month: sc.month, arm: sc.arm, counts: got }).toEqual({ month: sc.month, arm: sc.arm, counts: want });
    }
  });

  it("missing data per time point and group", () => {
    for (const m of ds.missing) {
      const row = auto.missing.find((x) => x.month === m.month && x.arm === m.arm);
      expect(row).toEqual(m);
    }
  });

  it("outcomes: x/n, risk difference (Newcombe), RR (log), OR (Woolf), the automatic test and its p-value", () => {
    for (const o of ds.outcomes) {
      const got = auto.outcomes.find((x) => x.name === o.name);
      expect(got).toBeDefined();
      expect(got!.rows.map((r) => r.month)).toEqual(o.rows.map((r) => r.month));
      for (const r of o.rows) {
        const row = got!.rows.find((x) => x.month === r.month)!;
        const what = `${ds.name} ${o.name} ${r.month} mdr.`;
        expect({ what, counts: row.counts }).toEqual({ what, counts: { intervention: { x: r.x1, n: r.n1 }, control: { x: r.x2, n: r.n2 } } });
        triple(row.riskDifference, r.riskDifference, `${what} risk difference`);
        triple(row.relativeRisk, r.relativeRisk, `${what} relative risk`);
        triple(row.oddsRatio, r.oddsRatio, `${what} odds ratio`);
        expect(row.test).not.toBeNull();
        close(row.test!.pValue, r.autoP, `${what} p (auto)`);
        expect(row.test!.method.en).toMatch(r.autoTest === "fisher" ? /Fisher/ : /Pearson/);
      }
    }
  });

  it.each([
    ["pearson", "pearsonP"],
    ["yates", "yatesP"],
    ["fisher", "fisherP"],
  ] as const)("outcome p-values with the %s policy", (policy, key) => {
    const res = analyse(ds, { testPolicy: policy });
    for (const o of ds.outcomes) {
      const got = res.outcomes.find((x) => x.name === o.name)!;
      for (const r of o.rows) {
        const row = got.rows.find((x) => x.month === r.month)!;
        const expected = r[key];
        if (expected === null) expect(row.test === null || !Number.isFinite(row.test.pValue)).toBe(true);
        else close(row.test?.pValue, expected, `${ds.name} ${o.name} ${r.month} mdr. p (${policy})`);
      }
    }
  });

  it("Tabel 1, categorical: counts, percentages of citizens with a value, missing, SMD", () => {
    for (const v of ds.baseline.categorical) {
      const got = auto.baseline.variables.find((x) => x.name === v.name);
      if (!got || got.type !== "categorical") throw new Error(`no categorical ${v.name}`);
      expect([got.missing.intervention, got.missing.control]).toEqual(v.missing);
      expect(got.levels.map((l) => l.label).sort()).toEqual(v.levels.map((l) => l.label).sort());
      for (const l of v.levels) {
        const g = got.levels.find((x) => x.label === l.label)!;
        expect([g.count.intervention, g.count.control]).toEqual(l.count);
        close(g.proportion.intervention, l.proportion[0], `${v.name} ${l.label} % indsats`);
        close(g.proportion.control, l.proportion[1], `${v.name} ${l.label} % kontrol`);
        close(g.smd, l.smd, `${v.name} ${l.label} SMD`);
      }
    }
  });

  it("Tabel 1, continuous: mean, SD, median, min, max, Shapiro–Wilk p per group, summary chosen, SMD", () => {
    for (const v of ds.baseline.continuous) {
      const got = auto.baseline.variables.find((x) => x.name === v.name);
      if (!got || got.type !== "continuous") throw new Error(`no continuous ${v.name}`);
      expect([got.missing.intervention, got.missing.control]).toEqual(v.missing);
      for (const arm of ["intervention", "control"] as const) {
        const s = got.stats[arm];
        const i = ARM_INDEX[arm];
        expect(s.n).toBe(v.n[i]);
        close(s.mean, v.mean[i], `${v.name} mean ${arm}`);
        close(s.sd, v.sd[i], `${v.name} SD ${arm}`);
        close(s.median, v.median[i], `${v.name} median ${arm}`);
        close(s.min, v.min[i], `${v.name} min ${arm}`);
        close(s.max, v.max[i], `${v.name} max ${arm}`);
        close(s.normalityP, v.shapiroP[i], `${v.name} Shapiro–Wilk p ${arm}`);
      }
      expect({ name: v.name, summary: got.summary }).toEqual({ name: v.name, summary: v.summary });
      close(got.smd, v.smd, `${v.name} SMD`);
    }
  });

  it("optional baseline p-values: χ²/Fisher by expected counts, Welch t-test or rank-sum test as R", () => {
    const res = analyse(ds, { baselinePValues: true });
    for (const v of ds.baseline.categorical) {
      const got = res.baseline.variables.find((x) => x.name === v.name)!;
      close(got.test?.pValue, v.autoP, `${v.name} p (auto)`);
      expect(got.test!.method.en).toMatch(v.autoTest === "fisher" ? /Fisher/ : /Pearson/);
    }
    for (const v of ds.baseline.continuous) {
      const got = res.baseline.variables.find((x) => x.name === v.name)!;
      close(got.test?.pValue, v.test === "welch" ? v.welchP : v.wilcoxP, `${v.name} p (${v.test})`);
    }
  });
});
