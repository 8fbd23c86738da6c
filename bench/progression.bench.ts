/**
 * Progression targets (issue 10): 100,000 citizen-rounds × 10 delmål analysed in core (the score checks
 * of readScores on the cell array plus runProgression) in under 1 s; status transitions for
 * 1,048,575 citizens × 4 time points in under 1 s. Inputs are generated here; only the analysis is timed.
 */
import { readScores, runProgression, statusTransitions, type ScaleItem, type ScoreColumns } from "../src/core/progression";
import type { CellScalar } from "../src/core/report/sheetSpec";

interface BenchRow {
  name: string;
  ms: number;
  targetMs?: number;
  note?: string;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const LABELS = ["Slet ikke", "I lav grad", "I nogen grad", "I høj grad", "I meget høj grad"];
const ITEMS: ScaleItem[] = Array.from({ length: 10 }, (_, k) => ({ id: `D${k + 1}`, name: `Delmål ${k + 1}`, min: 1, max: 5, labels: LABELS, reachedAt: 4 }));

let lastCpu = 0;
/** Wall time in ms; the CPU time of the same call is left in lastCpu (wall time suffers when the machine is busy). */
function time(f: () => void): number {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  lastCpu = (c.user + c.system) / 1000;
  return ms;
}

function scoreSheet(citizens: number, rounds: number): { header: CellScalar[]; rows: CellScalar[][] } {
  const rnd = lcg(3);
  const header: CellScalar[] = ["Borger-ID", "Gruppe", "Runde", "Planlagt dato", "Faktisk dato", "Vurderet af", ...ITEMS.map((i) => `${i.id}: ${i.name}`), "Noter"];
  const rows: CellScalar[][] = [];
  for (let c = 0; c < citizens; c++) {
    const g = c % 2 ? "Kontrol" : "Indsats";
    let level = 1 + Math.floor(rnd() * 3);
    for (let r = 1; r <= rounds; r++) {
      if (rnd() < 0.3) level = Math.min(5, level + 1);
      const scores = ITEMS.map(() => (rnd() < 0.1 ? null : rnd() < 0.5 ? LABELS[Math.min(4, level - 1 + Math.floor(rnd() * 2))] : Math.min(5, level + Math.floor(rnd() * 2))));
      rows.push([`B${c + 1}`, g, r, 46023 + 42 * (r - 1), 46023 + 42 * (r - 1) + 1, "Sagsbehandler", ...scores, null]);
    }
  }
  return { header, rows };
}

export function run(): BenchRow[] {
  const out: BenchRow[] = [];
  const citizens = 12_500;
  const rounds = 8;
  const { header, rows } = scoreSheet(citizens, rounds);
  const columns: ScoreColumns = { citizen: 0, round: 2, group: 1, rater: 5, date: 4, items: ITEMS.map((item, k) => ({ column: 6 + k, item })) };
  const src = { sheet: "Progressionsmåling", address: "A4", header, rows };
  const warm = readScores({ ...src, rows: rows.slice(0, 800) }, columns, { requireGroup: true });
  runProgression(warm.input);
  // Collect the generator's garbage first, so the timed calls do not pay for it (as analysis.bench.ts).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let checked: ReturnType<typeof readScores> | undefined;
  const readMs = time(() => {
    checked = readScores(src, columns, { requireGroup: true });
  });
  const readCpu = lastCpu;
  if (!checked || checked.problems.length) throw new Error(`bench data has problems: ${checked?.problems[0]?.message}`);
  const input = checked.input;
  const analyseMs = time(() => runProgression(input, { testPolicy: "auto" }));
  const cpu = readCpu + lastCpu;
  out.push({ name: "progression: 100,000 citizen-rounds × 10 delmål (check + analyse)", ms: readMs + analyseMs, targetMs: 1000, note: `readScores ${readMs.toFixed(0)} ms (CPU ${readCpu.toFixed(0)}) + runProgression ${analyseMs.toFixed(0)} ms (CPU ${lastCpu.toFixed(0)}); CPU ${cpu.toFixed(0)} ms` });

  const n = 1_048_575;
  const S = 9;
  const rnd = lcg(5);
  const arm = new Uint8Array(n);
  const tps = [0, 6, 12, 18].map((month) => ({ month, codes: new Int16Array(n) }));
  for (let i = 0; i < n; i++) {
    arm[i] = rnd() < 0.5 ? 0 : 1;
    let s = Math.floor(rnd() * 3);
    for (const tp of tps) {
      if (rnd() < 0.3) s = Math.min(S - 1, s + 1);
      tp.codes[i] = rnd() < 0.04 ? -1 : s;
    }
  }
  const statuses = Array.from({ length: S }, (_, i) => ({ label: `Status ${i}` }));
  const ladder = statuses.map((s) => s.label);
  statusTransitions({ statuses, timepoints: tps.map((t) => ({ ...t, codes: t.codes.subarray(0, 1000) })), arm: arm.subarray(0, 1000) }, ladder);
  gc?.();
  const trMs = time(() => statusTransitions({ statuses, timepoints: tps, arm }, ladder));
  out.push({ name: "status transitions: 1,048,575 citizens × 4 time points", ms: trMs, targetMs: 1000, note: `CPU ${lastCpu.toFixed(0)} ms` });
  return out;
}
