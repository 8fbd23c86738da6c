/**
 * Benchmarks for the statistics engine. `run()` returns one row per case with the median time of
 * repeated runs; when python3 with SciPy is available, the same computation is timed in SciPy as a
 * reference (SciPy's fisher_exact reports the sample odds ratio only, so its 2x2 work is smaller).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import gammaln from "@stdlib/math-base-special-gammaln";
import { fisherExact, shapiroWilk, wilcoxonRankSum, wilcoxonSignedRank } from "../src/core/stats";
import { RXC_EXACT_BUDGET, RxCBudgetExceeded, rxcExactP } from "../src/core/stats/fisherRxC";

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

/** 200 + 200 distinct values: the exact rank-sum at its limit. */
const mw200Data = (): { x: number[]; y: number[] } => {
  const data = {
    x: Array.from({ length: 200 }, (_, i) => 2 * i + (i % 7 === 0 ? 1.5 : 0)),
    y: Array.from({ length: 200 }, (_, i) => 2 * i + 1),
  };
  if (new Set([...data.x, ...data.y]).size !== 400) throw new Error("bench: the 200 + 200 data must have no ties");
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
bx = np.array(d["mw200"]["x"]); by = np.array(d["mw200"]["y"])
# SciPy caches the exact null distribution: its first call for 200 + 200 builds it, later ones look it up
t0 = time.perf_counter(); stats.mannwhitneyu(bx, by, method="exact"); cold = (time.perf_counter() - t0) * 1000
print(json.dumps({
  "mw200cold": cold,
  "mw200": t(lambda: stats.mannwhitneyu(bx, by, method="exact"), 5),
  "version": scipy.__version__,
  "fisher": t(lambda: stats.fisher_exact(d["fisher"]), 20),
  "shapiro": t(lambda: stats.shapiro(x), 50),
  "mw": t(lambda: stats.mannwhitneyu(mx, my, method="exact"), 20),
}))
`;

interface ScipyTimes { version: string; fisher: number; shapiro: number; mw: number; mw200: number; mw200cold: number }

function scipyReference(): ScipyTimes | undefined {
  try {
    const r = spawnSync("python3", ["-c", PY], {
      input: JSON.stringify({ fisher: FISHER_TABLE, shapiro: shapiroData(), mw: mwData(), mw200: mw200Data() }),
      encoding: "utf8",
      timeout: 300_000,
    });
    if (r.status !== 0 || !r.stdout) return undefined;
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as ScipyTimes;
  } catch {
    return undefined;
  }
}

export function run(): BenchRow[] {
  const ref = scipyReference();
  const sw = shapiroData();
  const { x, y } = mwData();
  const mw = wilcoxonRankSum(x, y, { exact: true });
  if (mw.method.en !== "Wilcoxon rank sum exact test") throw new Error(`bench: the 50 + 50 row must take the exact path, got ${mw.method.en}`);
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
  return [...rows, ...rxcRows(), ...rankLimitRows(ref)];
}

interface RxCCase { index?: number; table: number[][]; p: number | null; seconds?: number }

function loadCases(name: string): RxCCase[] {
  // npm run bench runs from the repository root (scripts/bench.mjs).
  return (JSON.parse(fs.readFileSync(path.join("test", "fixtures", "stats", `${name}.json`), "utf8")) as { cases: RxCCase[] }).cases;
}

const cellsN = (t: number[][]): number => t.flat().reduce((a, b) => a + b, 0);
const shape = (t: number[][]): string => `${t.length}x${t[0].length}, n = ${cellsN(t)}`;
/** Work units and the process's CPU time: the wall time grows with the machine's load, the CPU time much less. */
const units = (r: { work: number; cpuMs: number }): string => `${(r.work / 1e6).toFixed(1)}·10⁶ work units, ${(r.cpuMs / 1000).toFixed(1)} s CPU`;

interface RxCRun { ms: number; cpuMs: number; p?: number; refused?: "time" | "memory"; work: number }

/** One exact r x c computation at the default budget: its time, p and work units, or why it refused. */
function rxcOnce(table: number[][]): RxCRun {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0].map((_, j) => table.reduce((s, r) => s + r[j], 0));
  const stats = { work: 0 };
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let p: number | undefined;
  let refused: "time" | "memory" | undefined;
  try {
    p = rxcExactP(rows, cols, table.flat().reduce((s, v) => s + gammaln(v + 1), 0), RXC_EXACT_BUDGET, stats);
  } catch (e) {
    if (!(e instanceof RxCBudgetExceeded)) throw e;
    refused = e.reason;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, p, refused, work: stats.work };
}

/** A row that says "exact" must have taken the exact path and agree with R (as the tests do). */
function assertExact(what: string, got: number | undefined, r: number | null): void {
  if (got === undefined) throw new Error(`bench: ${what} was refused, but the row says exact`);
  if (r !== null && Math.abs(got - r) > Math.max(1e-10, 1e-8 * r)) throw new Error(`bench: ${what} p = ${got}, R ${r}`);
}

/** A refusal row must time a refusal for the reason it names. */
function assertRefused(what: string, run: RxCRun, reason: "time" | "memory"): RxCRun {
  if (run.refused !== reason) throw new Error(`bench: ${what} should be refused on ${reason}, got ${run.refused ?? `p = ${run.p}`}`);
  return run;
}

const R_TIMING = `
lines <- readLines(file("stdin"))
for (l in lines) {
  v <- as.integer(strsplit(l, " ")[[1]])
  x <- matrix(v[-(1:2)], v[1], v[2], byrow = TRUE)
  t <- system.time(p <- fisher.test(x, workspace = 2e8)$p.value)[["elapsed"]]
  cat(sprintf("%.1f %.17g\\n", 1000 * t, p))
}
`;

/** R's fisher.test (FEXACT, workspace = 2e8) timed on this machine in the same run, once per table. */
function rTimes(tables: number[][][]): { ms: number; p: number }[] | undefined {
  try {
    const r = spawnSync("Rscript", ["-e", R_TIMING], {
      input: tables.map((t) => [t.length, t[0].length, ...t.flat()].join(" ")).join("\n") + "\n",
      encoding: "utf8",
      timeout: 600_000,
    });
    if (r.status !== 0 || !r.stdout) return undefined;
    const out = r.stdout.trim().split("\n").map((l) => l.split(" ").map(Number));
    return out.length === tables.length ? out.map(([ms, p]) => ({ ms, p })) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * 5 x 5, n = 500, drawn under independence (the table of exact.test.ts): the pasts of one stage
 * outgrow RXC_MAX_PASTS, so this times a refusal on the memory cap.
 */
const MEMORY_REFUSAL = [[27, 19, 21, 16, 23], [12, 20, 23, 19, 21], [24, 18, 17, 20, 15], [22, 19, 20, 18, 28], [23, 16, 23, 19, 17]];
/** Hard-set table R gave up on within 60 s that stays under the memory cap: it uses the whole time budget. */
const TIME_REFUSAL_INDEX = 211;

/** r x c rows: both R baseline sets (every R-exact table), issue 25's 4x4 n = 277 table, and both kinds of refusal. */
function rxcRows(): BenchRow[] {
  const first = loadCases("fisherRxCBaseline").filter((c) => c.p !== null).map((c) => ({ c, ...rxcOnce(c.table) }));
  first.forEach((t, i) => assertExact(`baseline table ${i}`, t.p, t.c.p));
  const slowest = [...first].sort((a, b) => b.ms - a.ms)[0];
  const longCases = loadCases("fisherRxCBaselineLong");
  const long = longCases.filter((c) => c.p !== null).map((c) => ({ c, ...rxcOnce(c.table) }));
  const longExact = long.filter((t) => t.p !== undefined);
  longExact.forEach((t) => assertExact(`hard-set table #${t.c.index}`, t.p, t.c.p));
  const hardest = [...longExact].sort((a, b) => b.work - a.work)[0];
  // issue 25 named a 4x4 table with n = 277 without giving it: of the generated ones, the one that takes us the most work
  const issue = loadCases("fisherRxCBench").map((c) => ({ c, ...rxcOnce(c.table) })).sort((a, b) => b.work - a.work)[0];
  const timeCase = longCases.find((c) => c.index === TIME_REFUSAL_INDEX);
  if (!timeCase || timeCase.p !== null) throw new Error(`bench: hard-set table #${TIME_REFUSAL_INDEX} should be one R gave up on`);
  const memory = assertRefused("the 5x5 n = 500 table", rxcOnce(MEMORY_REFUSAL), "memory");
  const timeOut = assertRefused(`hard-set table #${TIME_REFUSAL_INDEX}`, rxcOnce(timeCase.table), "time");
  const rRef = rTimes([issue.c.table]);
  const sum = (v: { ms: number }[]) => `${(v.reduce((a, t) => a + t.ms, 0) / 1000).toFixed(1)} s`;
  return [
    {
      name: `Fisher r x c exact, slowest of the first R baseline set (${shape(slowest.c.table)})`,
      ms: slowest.ms, targetMs: 3000,
      note: `${first.length} of ${first.length} R-exact tables exact here (p = R's), all in ${sum(first)}`,
    },
    {
      name: `Fisher r x c exact, hard set's most work (#${hardest.c.index}, ${shape(hardest.c.table)}; R ${hardest.c.seconds} s when generated)`,
      ms: hardest.ms, targetMs: 40_000,
      note: `${units(hardest)}; ${longExact.length} of ${long.length} R-exact hard-set tables exact here (p = R's), all in ${sum(long)}`,
    },
    {
      name: `Fisher r x c exact, issue 25's 4x4 table (${shape(issue.c.table)})`,
      ms: (assertExact("the 4x4 n = 277 table", issue.p, issue.c.p), issue.ms), targetMs: 3000,
      ...(rRef ? { referenceMs: rRef[0].ms, reference: "R fisher.test(workspace = 2e8), same run" } : { note: "R reference skipped (Rscript not available)" }),
      ...(rRef ? { note: units(issue) } : {}),
    },
    { name: `Fisher r x c, 5x5 n = 500 under independence: time to reach the memory cap and refuse`, ms: memory.ms, targetMs: 10_000, note: units(memory) },
    {
      name: `Fisher r x c, hard-set #${TIME_REFUSAL_INDEX} (${shape(timeCase.table)}, R gave up in 60 s): time to reach the budget and refuse`,
      ms: timeOut.ms, targetMs: 40_000, note: units(timeOut),
    },
  ];
}

/** The rank tests at their exact limits, the rank-sum against SciPy's exact Mann-Whitney. */
function rankLimitRows(ref: ScipyTimes | undefined): BenchRow[] {
  const { x, y } = mw200Data();
  const d = Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? -1 : 1) * (i + 1));
  if (new Set(d.map(Math.abs)).size !== 1000) throw new Error("bench: the signed-rank data must have no ties or zeros");
  const exactRank = (r: { method: { en: string } }, en: string) => {
    if (r.method.en !== en) throw new Error(`bench: expected the ${en}, got ${r.method.en}`);
  };
  exactRank(wilcoxonRankSum(x, y, { exact: true }), "Wilcoxon rank sum exact test");
  exactRank(wilcoxonSignedRank(d, new Array(1000).fill(0), { exact: true }), "Wilcoxon signed rank exact test");
  return [
    {
      name: "Mann-Whitney exact at the limit, 200 + 200 without ties",
      ms: time(() => wilcoxonRankSum(x, y, { exact: true }), 3), targetMs: 200,
      ...(ref
        ? { referenceMs: ref.mw200, reference: `SciPy ${ref.version} mannwhitneyu(method="exact") after its first call`, note: `SciPy's first call (builds and caches its distribution): ${(ref.mw200cold / 1000).toFixed(1)} s` }
        : { note: "SciPy reference skipped (python3 with scipy not available)" }),
    },
    { name: "Signed rank exact at the limit, n = 1000 without ties", ms: time(() => wilcoxonSignedRank(d, new Array(1000).fill(0), { exact: true }), 3), targetMs: 3000 },
  ];
}
