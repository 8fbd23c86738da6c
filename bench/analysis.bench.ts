/**
 * Core comparison analysis at Excel's maximum sheet size: 1,048,575 data rows × 4 time points × 8 baseline
 * variables (5 categorical, 3 continuous; one continuous column partly Danish text numbers). The rows are
 * generated here; only runComparison is timed. peakMB is the process's peak resident set size (it includes
 * the generated input, so it over-states what the analysis itself needs).
 */
import { defaultSettings, runComparison, type ComparisonSettings } from "../src/core/analysis";
import type { CellValue } from "../src/core/report/sheetSpec";

export interface BenchRow {
  name: string;
  ms: number;
  targetMs?: number;
  peakMB?: number;
  targetMB?: number;
  note?: string;
}

const ROWS = 1_048_575;
const STATUSES = ["Kontanthjælp", "Kontanthjælp – i praktik", "Kontanthjælp – afventer praktik", "Ordinære timer", "Jobparat", "Fleksjob", "Revalidering", "Uddannelse", "FØP", "Fraflyttet", ""];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function generate(n: number, seed = 1): { header: CellValue[]; rows: CellValue[][] } {
  const rnd = lcg(seed);
  const header: CellValue[] = ["ID", "Gruppe", "Køn", "Alder", "Etnicitet", "Uddannelse", "Tolkebehov", "Civilstand", "År i ordinært arbejde", "Ledighed i uger", "Status 0 mdr", "Status 6 mdr", "Status 12 mdr", "Status 18 mdr"];
  const sex = ["Kvinde", "Mand"];
  const eth = ["Dansk", "Vestlig", "Ikke-vestlig"];
  const edu = ["Grundskole", "Gymnasial", "Erhvervsfaglig", "Videregående"];
  const yn = ["Ja", "Nej"];
  const civ = ["Gift", "Ugift", "Fraskilt", "Enke/enkemand"];
  const tenths = Array.from({ length: 200 }, (_, i) => `${Math.floor(i / 10)},${i % 10}`);
  const rows: CellValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = rnd() < 0.5;
    const st = (bias: number): string => {
      const u = rnd();
      if (u < 0.05) return "";
      return STATUSES[Math.min(STATUSES.length - 2, Math.floor(((u - 0.05) / 0.95) * (STATUSES.length - 1) * (g ? bias : 1)))];
    };
    rows[i] = [
      i + 1,
      g ? "Indsats" : "Kontrol",
      sex[rnd() < 0.5 ? 0 : 1],
      18 + Math.floor(rnd() * 47),
      eth[Math.floor(rnd() * 3)],
      edu[Math.floor(rnd() * 4)],
      yn[rnd() < 0.2 ? 0 : 1],
      civ[Math.floor(rnd() * 4)],
      i % 3 === 0 ? tenths[Math.floor(rnd() * 200)] : Math.floor(rnd() * 200) / 10,
      rnd() < 0.02 ? "" : Math.floor(rnd() * 300),
      "Kontanthjælp",
      st(1),
      st(1.05),
      st(1.1),
    ];
  }
  return { header, rows };
}

function settingsFor(): ComparisonSettings {
  return defaultSettings({
    sheet: "Borgere",
    address: "A1",
    layout: "wide",
    columns: {
      id: 0,
      group: 1,
      baseline: [
        { column: 2, type: "categorical" },
        { column: 3, type: "continuous" },
        { column: 4, type: "categorical" },
        { column: 5, type: "categorical" },
        { column: 6, type: "categorical" },
        { column: 7, type: "categorical" },
        { column: 8, type: "continuous" },
        { column: 9, type: "continuous" },
      ],
      timepoints: [
        { column: 10, month: 0 },
        { column: 11, month: 6 },
        { column: 12, month: 12 },
        { column: 13, month: 18 },
      ],
    },
    statuses: STATUSES.filter((s) => s !== ""),
  });
}

function time(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const peakMB = (): number => process.resourceUsage().maxRSS / 1024;

export function run(): BenchRow[] {
  const out: BenchRow[] = [];
  const small = generate(60, 7);
  const s = settingsFor();
  const input = { sheet: "Borgere", address: "A1", header: small.header, rows: small.rows };
  runComparison(input, s); // warm-up
  out.push({ name: "runComparison, pilot 60 rows", ms: time(() => runComparison(input, s)), targetMs: 50 });

  const big = generate(ROWS, 1);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  let result: ReturnType<typeof runComparison> | undefined;
  const ms = time(() => {
    result = runComparison({ sheet: "Borgere", address: "A1", header: big.header, rows: big.rows }, s);
  });
  const cpu = process.cpuUsage(cpu0);
  const after = process.memoryUsage();
  out.push({
    name: `runComparison, ${ROWS.toLocaleString("en")} rows × 4 time points × 8 baseline`,
    ms,
    targetMs: 2000,
    peakMB: peakMB(),
    targetMB: 1024,
    note: `CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (all threads; wall time suffers when the machine is busy); peak RSS of the whole process incl. generated input; heap before ${(before.heapUsed / 1048576).toFixed(0)} MB, after ${(after.heapUsed / 1048576).toFixed(0)} MB; N = ${result?.header.citizens.intervention}/${result?.header.citizens.control}`,
  });
  const withP: ComparisonSettings = { ...s, baselinePValues: true };
  out.push({
    name: "same with baseline p-values (t / Mann–Whitney, χ²)",
    ms: time(() => runComparison({ sheet: "Borgere", address: "A1", header: big.header, rows: big.rows }, withP)),
    peakMB: peakMB(),
    note: "no target (p-values are off by default, as CONSORT advises)",
  });
  return out;
}
