/**
 * The attacker of the publication page (issue 19 item 4): builds a small comparison from citizens'
 * statuses, renders the Ledelsesoverblik "Til offentliggørelse", reads every figure the page prints
 * (key table, verdict lines, N, chart data cells, any data range in a header or line) and, for every
 * count of citizens whose true value is 1 … threshold − 1, searches the integers for another value
 * consistent with all of them. The search knows nothing of the page's suppression rule: it works on
 * the status counts per group and time point (the atoms) and the printed figures only.
 */
import { runComparison, suggestSettings, type OutcomeDefinition } from "../../../src/core/analysis";
import type { Arm } from "../../../src/core/analysis/settings";
import { parseRange } from "../../../src/core/report/address";
import type { CellValue, SheetSpec } from "../../../src/core/report/sheetSpec";
import { summarySheetSpec, type ProgressionBrief, type SummaryInput } from "../../../src/core/summary";
import { grid } from "./helpers";

export const VALID = ["Job", "Uddannelse", "FØP", "Fleksjob", "Kontanthjælp"] as const;
/** Atoms of a status table: the valid statuses, "Fraflyttet" (moved away) and the empty cell (not followed up). */
export const ATOMS = [...VALID, "Fraflyttet", ""] as const;
export const ARMS: Arm[] = ["intervention", "control"];
/** The search's bound on a group's size when N is not printed (the generated groups have at most 40). */
const MAX_TOTAL = 45;

export interface Dataset {
  threshold: number;
  followUp: number | null;
  /** Follow-up months (0 = inclusion is added). */
  months: number[];
  /** Per arm, per citizen, the status at each time point (index 0 = month 0); "" = empty. */
  citizens: Record<Arm, string[][]>;
  /** Outcomes as sets of valid statuses. */
  outcomes: string[][];
  progression: { paired: Record<Arm, number>; improved: Record<Arm, number> }[];
  /** A baseline column "Kommune" per arm and citizen; when given, the analysis is adjusted for it (issue 25). */
  covariate?: Record<Arm, string[]>;
}

export function pageOf(ds: Dataset): { spec: SheetSpec; input: SummaryInput } {
  const months = [0, ...ds.months];
  const header = ["ID", "Gruppe", ...months.map((m) => `Status ${m} mdr`)];
  const rows: CellValue[][] = [];
  let id = 1;
  const cov = ds.covariate;
  if (cov) header.splice(2, 0, "Kommune");
  for (const a of ARMS) ds.citizens[a].forEach((c, i) => rows.push([`B${String(id++).padStart(3, "0")}`, a === "intervention" ? "Indsats" : "Kontrol", ...(cov ? [cov[a][i]] : []), ...c.map((s) => (s === "" ? null : s))]));
  const input = { sheet: "Lille", address: `A1:${String.fromCharCode(65 + header.length - 1)}${rows.length + 1}`, header, rows };
  const settings = suggestSettings(input);
  if (cov) {
    settings.columns.baseline = [{ column: 2, type: "categorical" }];
    settings.adjustment = { covariates: ["Kommune"] };
  }
  settings.statusClasses = { ...settings.statusClasses, fraflyttet: "movedAway" };
  settings.outcomes = ds.outcomes.map((st, i): OutcomeDefinition => ({ id: `S${i + 1}`, name: `Mål ${i + 1}`, statuses: st, source: { kind: "slutmaal", id: `S${i + 1}` } }));
  const result = runComparison(input, settings, new Date("2026-11-30T08:00:00Z"));
  const progression: ProgressionBrief | null =
    ds.progression.length === 0
      ? null
      : {
          source: 'Progression: "Ændring"',
          items: ds.progression.map((p, i) => ({
            id: `D${i + 1}`,
            name: `Delmål ${i + 1}`,
            paired: p.paired.intervention + p.paired.control,
            improved: p.improved.intervention + p.improved.control,
            groups: { intervention: { paired: p.paired.intervention, improved: p.improved.intervention }, control: { paired: p.paired.control, improved: p.improved.control } },
          })),
        };
  const si: SummaryInput = {
    settings: { followUp: ds.followUp, audience: "public", threshold: ds.threshold, lang: "da" },
    generatedAt: "2026-11-30T07:00:00Z",
    version: "0.1.0",
    theory: null,
    comparison: { result, sheet: "Sammenligning" },
    progression,
    entries: { keyFigures: [], answers: {} },
    randomised: false,
  };
  return { spec: summarySheetSpec(si).spec, input: si };
}

// ---- what the page prints, as constraints on the atoms -----------------------------------------

type Subset = number[];
/** sum(atoms) = value; or round(sum(num)/sum(den) · 100, decimals) = value (a share printed as a percentage). */
type Constraint = { kind: "eq"; atoms: Subset; value: number } | { kind: "pct"; num: Subset; den: Subset; value: number; decimals: 0 | 1 };

export interface Knowledge {
  /** Per table "arm:month": constraints on its atoms. */
  tables: Map<string, Constraint[]>;
  /** N per arm when printed. */
  total: Partial<Record<Arm, number>>;
  /** N(intervention) + N(control) when a data range is printed. */
  sumOfTotals: number | null;
  /** Progression per delmål and arm: atoms [improved, not improved]. */
  progression: Map<string, Constraint[]>;
  /** Texts that print counts where the reader above does not look (must be none). */
  unread: string[];
}

const VALID_IDX = VALID.map((_, i) => i);
export const outcomeAtoms = (st: string[]): Subset => VALID_IDX.filter((i) => st.includes(VALID[i]));
const add = (m: Map<string, Constraint[]>, k: string, c: Constraint): void => void (m.get(k) ?? m.set(k, []).get(k)!).push(c);
const str = (v: CellValue | undefined): string => (typeof v === "string" ? v : "");

/** Reads the publication page: every printed figure that depends on counts of citizens. */
export function readPage(spec: SheetSpec, ds: Dataset): Knowledge {
  const g = grid(spec);
  const k: Knowledge = { tables: new Map(), total: {}, sumOfTotals: null, progression: new Map(), unread: [] };
  const nameToOutcome = new Map(ds.outcomes.map((st, i) => [`Mål ${i + 1}`, st]));
  const read = new Set<string>();
  // key table: "45 % (12/26)" in C (intervention) and D (control), month in B
  const head = g.findIndex((r) => r?.[0] === "Slutmål" && r?.[2] === "Indsats");
  for (let r = head + 1; head >= 0 && nameToOutcome.has(str(g[r]?.[0])); r++) {
    const st = nameToOutcome.get(str(g[r][0]))!;
    const month = Number(/^(\d+) mdr/.exec(str(g[r][1]))?.[1]);
    ARMS.forEach((a, i) => {
      const m = /\((\d+)\/(\d+)\)/.exec(str(g[r][2 + i]));
      read.add(`${r}:${2 + i}`);
      if (!m) return;
      add(k.tables, `${a}:${month}`, { kind: "eq", atoms: outcomeAtoms(st), value: Number(m[1]) });
      add(k.tables, `${a}:${month}`, { kind: "eq", atoms: VALID_IDX, value: Number(m[2]) });
    });
  }
  // verdict lines: "… "Mål 2" …: indsatsgruppen 45 %, kontrolgruppen 20 % …" at the key table's month
  g.forEach((row, r) => {
    const t = str(row?.[0]);
    // "For få borgere til at sige noget om "Mål 1": 8 og 9 med gyldig status ved 6 mdr."
    const few = /"(Mål \d+)": (\d+) og (\d+) med gyldig status ved (\d+) mdr/.exec(t);
    if (few) {
      read.add(`${r}:0`);
      ARMS.forEach((a, i) => add(k.tables, `${a}:${few[4]}`, { kind: "eq", atoms: VALID_IDX, value: Number(few[2 + i]) }));
      return;
    }
    const m = /"(Mål \d+)"[^:]*: indsatsgruppen (\d+) %, kontrolgruppen (\d+) %/.exec(t);
    if (!m) return;
    read.add(`${r}:0`);
    const st = nameToOutcome.get(m[1])!;
    const month = Number(/^(\d+) mdr/.exec(str(g.find((x) => x?.[0] === m[1])?.[1]))?.[1]);
    ARMS.forEach((a, i) => add(k.tables, `${a}:${month}`, { kind: "pct", num: outcomeAtoms(st), den: VALID_IDX, value: Number(m[2 + i]), decimals: 0 }));
  });
  // N per group
  g.forEach((row, r) => {
    if (row?.[0] !== "Borgere") return;
    read.add(`${r}:1`);
    const m = /indsatsgruppe (\d+|–), kontrolgruppe (\d+|–)/.exec(str(row[1]));
    ARMS.forEach((a, i) => {
      if (m && m[1 + i] !== "–") k.total[a] = Number(m[1 + i]);
    });
  });
  // chart data cells (outside the print area), read from the charts' ranges
  for (const c of spec.charts ?? []) {
    const rr = parseRange(c.dataRange);
    const head2 = g[rr.row];
    for (let r = rr.row + 1; r < rr.row + rr.rowCount; r++) {
      const label = str(g[r][rr.column]).replace(/ \((skjult|ingen data)\)$/, "");
      for (let j = 1; j < rr.columnCount; j++) {
        const v = g[r][rr.column + j];
        read.add(`${r}:${rr.column + j}`);
        if (typeof v !== "number") continue;
        const arm: Arm = /kontrol/i.test(str(head2[rr.column + j])) ? "control" : "intervention";
        if (c.name === "Udfald") {
          const month = Number(/^(\d+) mdr/.exec(label)?.[1]);
          add(k.tables, `${arm}:${month}`, { kind: "pct", num: outcomeAtoms(ds.outcomes[0]), den: VALID_IDX, value: v, decimals: 1 });
        } else {
          add(k.progression, `${label}:${arm}`, { kind: "pct", num: [0], den: [0, 1], value: v, decimals: 1 });
        }
      }
    }
  }
  // anything else that prints a count: "x/n", a data range, "<t"
  g.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      const t = str(v);
      const range = /![A-Z]+\d+:[A-Z]+(\d+)/.exec(t);
      if (range) k.sumOfTotals = Number(range[1]) - 1;
      if (!read.has(`${r}:${c}`) && (/\d+\/\d+/.test(t) || /(?<!p = )<\d/.test(t))) k.unread.push(t);
    }),
  );
  return k;
}

// ---- the search ---------------------------------------------------------------------------------

function holds(c: Constraint, val: (s: Subset) => number): boolean {
  if (c.kind === "eq") return val(c.atoms) === c.value;
  const num = val(c.num);
  const den = val(c.den);
  if (den === 0) return false; // the page printed a share, so n > 0
  const f = c.decimals === 1 ? 1000 : 100;
  return Math.round((num / den) * f) === Math.round((c.value * f) / 100);
}


export interface Solutions {
  /** Atoms grouped into blocks that no constraint tells apart (only a block's sum is constrained). */
  blocks: number[][];
  /** Every assignment of block sums meeting every constraint, with its total (at most MAX_TOTAL). */
  points: { total: number; vals: number[] }[];
}

/**
 * Every assignment of non-negative integer block sums with a total up to MAX_TOTAL that meets
 * every constraint: a depth-first search in which equalities bound partial sums and a share,
 * once its numerator is known, fixes (x/n exact) or bounds (rounded percent) its denominator.
 */
export function solve(nAtoms: number, cons: Constraint[]): Solutions {
  const subsets: Subset[] = cons.flatMap((c) => (c.kind === "eq" ? [c.atoms] : [c.num, c.den]));
  const sig = (a: number): string => subsets.map((x) => (x.includes(a) ? "1" : "0")).join("");
  const byKey = new Map<string, number[]>();
  for (let a = 0; a < nAtoms; a++) (byKey.get(sig(a)) ?? byKey.set(sig(a), []).get(sig(a))!).push(a);
  const blocks = [...byKey.values()];
  const inBlocks = (x: Subset): number[] => blocks.map((b, i) => (x.includes(b[0]) ? i : -1)).filter((i) => i >= 0);
  const vals = new Array<number>(blocks.length).fill(0);
  const partial = (bs: number[], upTo: number): number => bs.reduce((t, j) => (j <= upTo ? t + vals[j] : t), 0);
  const eqs = cons.filter((c): c is Extract<Constraint, { kind: "eq" }> => c.kind === "eq").map((c) => ({ b: inBlocks(c.atoms), value: c.value, last: Math.max(...inBlocks(c.atoms)) }));
  const shares = cons
    .filter((c): c is Exclude<Constraint, { kind: "eq" }> => c.kind !== "eq")
    .map((c) => ({ c, n: inBlocks(c.num), d: inBlocks(c.den), lastN: Math.max(...inBlocks(c.num)), lastD: Math.max(...inBlocks(c.den)) }));
  /** Largest denominator a share allows once its numerator is known. */
  const denBound = (sh: (typeof shares)[number], num: number): number => {
    const v = sh.c.value;
    const half = sh.c.decimals === 1 ? 0.05 : 0.5;
    return v > half ? (100 * num) / (v - half) : MAX_TOTAL;
  };
  const ok = (i: number): boolean => {
    for (const e of eqs) {
      const x = partial(e.b, i);
      if (x > e.value || (e.last <= i && x !== e.value)) return false;
    }
    for (const sh of shares) {
      if (sh.lastN > i) continue;
      const num = partial(sh.n, i);
      const den = partial(sh.d, i);
      if (den > denBound(sh, num) + 1e-9) return false;
      if (sh.lastD <= i && !holds(sh.c, (x) => (x === sh.c.num ? num : den))) return false;
    }
    return true;
  };
  const points: Solutions["points"] = [];
  const dfs = (i: number, used: number): void => {
    for (let v = 0; used + v <= MAX_TOTAL; v++) {
      vals[i] = v;
      if (ok(i)) {
        if (i === blocks.length - 1) points.push({ total: used + v, vals: [...vals] });
        else dfs(i + 1, used + v);
      }
    }
  };
  if (blocks.length > 0) dfs(0, 0);
  else points.push({ total: 0, vals: [] });
  return { blocks, points };
}

/**
 * The values sum(q) takes over the points whose total is allowed, stopping at two. When q takes
 * part of a block whose sum is at least 1, moving one citizen between the part in q and the rest of
 * the block changes no constraint (they see only block sums) and changes q by one: two values.
 */
function valuesOf(sol: Solutions, q: Subset, allowed: (total: number) => boolean): Set<number> {
  const out = new Set<number>();
  const part = sol.blocks.map((b) => b.filter((a) => q.includes(a)).length);
  for (const p of sol.points) {
    if (!allowed(p.total)) continue;
    let x = 0;
    for (let i = 0; i < sol.blocks.length; i++) {
      if (part[i] > 0 && part[i] < sol.blocks[i].length && p.vals[i] > 0) return new Set([-1, -2]);
      if (part[i] > 0) x += p.vals[i];
    }
    out.add(x);
    if (out.size >= 2) break;
  }
  return out;
}

export interface Finding {
  what: string;
  value: number;
}

/** Every count of citizens with a true value 1 … t − 1 that the page's figures pin to one value. */
export function attack(ds: Dataset, k: Knowledge): Finding[] {
  const t = ds.threshold;
  const months = [0, ...ds.months];
  const findings: Finding[] = [];
  const trueCounts = (a: Arm, mi: number): number[] => ATOMS.map((s) => ds.citizens[a].filter((c) => c[mi] === s).length);
  const memo = new Map<string, Solutions>();
  const sols = (a: Arm, m: number): Solutions => {
    const key = `${a}:${m}`;
    if (!memo.has(key)) memo.set(key, solve(ATOMS.length, k.tables.get(key) ?? []));
    return memo.get(key)!;
  };
  // totals each arm can have: every table of the arm has a point with it (and the printed N or sum of both)
  const feasibleTotals = (a: Arm): number[] =>
    Array.from({ length: MAX_TOTAL + 1 }, (_, n) => n).filter((n) => (k.total[a] === undefined || k.total[a] === n) && months.every((m) => sols(a, m).points.some((p) => p.total === n)));
  const tot = { intervention: feasibleTotals("intervention"), control: feasibleTotals("control") };
  const totalsFor = (a: Arm): Set<number> => {
    if (k.sumOfTotals === null) return new Set(tot[a]);
    const other = tot[a === "intervention" ? "control" : "intervention"];
    return new Set(tot[a].filter((n) => other.includes(k.sumOfTotals! - n)));
  };
  const quantities = (): { name: string; q: Subset; neg?: Subset }[] => {
    const qs: { name: string; q: Subset }[] = ATOMS.map((s, i) => ({ name: `status "${s || "tom"}"`, q: [i] }));
    qs.push({ name: "n (gyldig status)", q: VALID_IDX }, { name: "N − n (uden gyldig status)", q: [5, 6] }, { name: "N", q: ATOMS.map((_, i) => i) });
    ds.outcomes.forEach((st, i) => {
      const x = outcomeAtoms(st);
      qs.push({ name: `x mål ${i + 1}`, q: x }, { name: `n − x mål ${i + 1}`, q: VALID_IDX.filter((j) => !x.includes(j)) });
      ds.outcomes.forEach((st2, j) => {
        const y = outcomeAtoms(st2);
        const diff = y.filter((a) => !x.includes(a));
        if (i !== j && diff.length > 0) qs.push({ name: `mål ${j + 1} uden mål ${i + 1}`, q: diff });
      });
    });
    return qs;
  };
  for (const a of ARMS)
    months.forEach((m, mi) => {
      const counts = trueCounts(a, mi);
      for (const { name, q } of quantities()) {
        const v = q.reduce((s, i) => s + counts[i], 0);
        if (v < 1 || v >= t) continue;
        const allowed = totalsFor(a);
        if (valuesOf(sols(a, m), q, (n) => allowed.has(n)).size < 2) findings.push({ what: `${a} ${m} mdr.: ${name}`, value: v });
      }
    });
  ds.progression.forEach((p, i) =>
    ARMS.forEach((a) => {
      const c = k.progression.get(`Delmål ${i + 1}:${a}`) ?? [];
      const counts = [p.improved[a], p.paired[a] - p.improved[a]];
      for (const [name, q] of [["forbedret", [0]], ["ikke forbedret", [1]], ["målt to gange", [0, 1]]] as [string, Subset][]) {
        const v = q.reduce((s, j) => s + counts[j], 0);
        if (v < 1 || v >= t) continue;
        if (valuesOf(solve(2, c), q, () => true).size < 2) findings.push({ what: `delmål ${i + 1} ${a}: ${name}`, value: v });
      }
    }),
  );
  return findings;
}
