/**
 * Benchmarks for the statistics engine. `run()` returns one row per case with the median time of
 * repeated runs; when python3 with SciPy is available, the same computation is timed in SciPy as a
 * reference (SciPy's fisher_exact reports the sample odds ratio only, so its 2x2 work is smaller).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { fisherExact, fisherRxCExactP, shapiroWilk, wilcoxonRankSum, wilcoxonSignedRank } from "../src/core/stats";

export interface BenchRow {
  name: string;
  ms: number;
  targetMs?: number;
  referenceMs?: number;
  reference?: string;
  note?: string;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function time(fn: () => unknown, reps: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(t);
}

/** Deterministic data shared with the SciPy reference (same formulas on both sides). */
const FISHER_TABLE = [[249_000, 251_000], [251_500, 248_500]]; // n = 1,000,000
const shapiroData = (): number[] => Array.from({ length: 5000 }, (_, i) => Math.sin(0.7 * (i + 1)) * 3 + ((i * 7919) % 1000) / 250);
/** 50 + 50 distinct values (the row says "without ties": with ties both R and we use the normal approximation). */
const mwData = (): { x: number[]; y: number[] } => {
  const data = {
    x: Array.from({ length: 50 }, (_, i) => 2 * i + 0.5),
    y: Array.from({ length: 50 }, (_, i) => 2 * i + 1.25 + 0.1 * (i % 3)),
  };
  if (new Set([...data.x, ...data.y]).size !== 100) throw new Error("bench: the Mann-Whitney data must have no ties");
  return data;
};

const PY = `
import json, sys, time, statistics
import numpy as np
from scipy import stats
d = json.load(sys.stdin)
def t(fn, reps):
    for _ in range(3): fn()
    out = []
    for _ in range(reps):
        t0 = time.perf_counter(); fn(); out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out)
import scipy
x = np.array(d["shapiro"]); mx = np.array(d["mw"]["x"]); my = np.array(d["mw"]["y"])
print(json.dumps({
  "version": scipy.__version__,
  "fisher": t(lambda: stats.fisher_exact(d["fisher"]), 20),
  "shapiro": t(lambda: stats.shapiro(x), 50),
  "mw": t(lambda: stats.mannwhitneyu(mx, my, method="exact"), 20),
}))
`;

function scipyReference(): { version: string; fisher: number; shapiro: number; mw: number } | undefined {
  try {
    const r = spawnSync("python3", ["-c", PY], {
      input: JSON.stringify({ fisher: FISHER_TABLE, shapiro: shapiroData(), mw: mwData() }),
      encoding: "utf8",
      timeout: 120_000,
    });
    if (r.status !== 0 || !r.stdout) return undefined;
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as { version: string; fisher: number; shapiro: number; mw: number };
  } catch {
    return undefined;
  }
}

export function run(): BenchRow[] {
  const ref = scipyReference();
  const sw = shapiroData();
  const { x, y } = mwData();
  const rows: BenchRow[] = [
    {
      name: "Fisher exact 2x2, n = 1,000,000 (p, conditional MLE, exact 95 % CI)",
      ms: time(() => fisherExact(FISHER_TABLE), 30),
      targetMs: 5,
      ...(ref ? { referenceMs: ref.fisher, reference: `SciPy ${ref.version} stats.fisher_exact (p and sample OR only)` } : {}),
    },
    {
      name: "Shapiro-Wilk, n = 5000",
      ms: time(() => shapiroWilk(sw), 50),
      targetMs: 5,
      ...(ref ? { referenceMs: ref.shapiro, reference: `SciPy ${ref.version} stats.shapiro` } : {}),
    },
    {
      name: "Mann-Whitney exact, 50 + 50 without ties",
      ms: time(() => wilcoxonRankSum(x, y, { exact: true }), 30),
      targetMs: 20,
      ...(ref ? { referenceMs: ref.mw, reference: `SciPy ${ref.version} stats.mannwhitneyu(method="exact")` } : {}),
    },
  ];
  if (!ref) for (const r of rows) r.note = "SciPy reference skipped (python3 with scipy not available)";
  return [...rows, ...exactRows()];
}

/** Slowest exact r x c tables of the R baseline fixtures, and the rank tests at their exact limits. */
function exactRows(): BenchRow[] {
  const load = (name: string) => {
    // npm run bench runs from the repository root (scripts/bench.mjs).
    return JSON.parse(fs.readFileSync(path.join("test", "fixtures", "stats", `${name}.json`), "utf8")) as { cases: { table: number[][]; p: number | null }[] };
  };
  const timeAll = (cases: { table: number[][]; p: number | null }[]) => cases.filter((c) => c.p !== null).map((c) => {
    const t0 = process.hrtime.bigint();
    let ok = true;
    try {
      fisherRxCExactP(c.table);
    } catch {
      ok = false;
    }
    return { table: c.table, ok, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
  });
  const first = timeAll(load("fisherRxCBaseline").cases);
  const long = timeAll(load("fisherRxCBaselineLong").cases);
  const exact = first.filter((t) => t.ok).sort((a, b) => b.ms - a.ms);
  const slowest = exact[0];
  const longExact = long.filter((t) => t.ok).sort((a, b) => b.ms - a.ms);
  const refusals = long.filter((t) => !t.ok).map((t) => t.ms).sort((a, b) => b - a);
  const n = (t: number[][]): number => t.flat().reduce((a, b) => a + b, 0);
  const shape = (t: number[][]): string => `${t.length}x${t[0].length}, n = ${n(t)}`;
  // worst case we can construct: 5 x 5, n = 500, uniform margins (beyond the budget; time to refuse)
  const uniform = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => 20 + ((i + 2 * j) % 3) - 1));
  const x = Array.from({ length: 200 }, (_, i) => 2 * i + (i % 7 === 0 ? 1.5 : 0));
  const y = Array.from({ length: 200 }, (_, i) => 2 * i + 1);
  const d = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? -1 : 1) * (i + 1));
  return [
    {
      name: `Fisher r x c exact, slowest R baseline table (${shape(slowest.table)})`,
      ms: slowest.ms, targetMs: 3000,
      note: `${exact.length} of ${first.length} R-exact tables exact here, all in ${first.reduce((a, t) => a + t.ms, 0).toFixed(0)} ms; median ${exact[exact.length >> 1].ms.toFixed(1)} ms`,
    },
    {
      name: `Fisher r x c exact, slowest table R needs > 6 s for (${shape(longExact[0].table)})`,
      ms: longExact[0].ms, targetMs: 3000,
      note: `${longExact.length} of ${long.length} exact within the budget; slowest refusal ${refusals[0]?.toFixed(0) ?? "-"} ms`,
    },
    {
      name: "Fisher r x c, 5x5 n = 500 near-uniform: time to reach the budget and refuse",
      ms: time(() => { try { fisherRxCExactP(uniform); } catch { /* beyond budget, as documented */ } }, 1), targetMs: 4000,
    },
    { name: "Mann-Whitney exact at the limit, 200 + 200 without ties", ms: time(() => wilcoxonRankSum(x, y, { exact: true }), 3), targetMs: 200 },
    { name: "Signed rank exact at the limit, n = 1000 without ties", ms: time(() => wilcoxonSignedRank(d, new Array(1000).fill(0), { exact: true }), 3), targetMs: 3000 },
  ];
}
