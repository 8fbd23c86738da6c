/**
 * Disclosure control for a page that may leave the organisation ("Til offentliggørelse").
 *
 * Model. The underlying data are tables of counts of citizens ("atoms"): for the comparison one
 * table per group and time point, one atom per status (plus "empty cell"); for the progression one
 * table per delmål and group with the atoms "improved" and "not improved". Every count the page
 * prints is a sum of atoms of one table (a subset): N, the citizens with a valid status n, those
 * who reached an outcome x. A share x/n, a difference, an interval and a p-value are functions of
 * such sums and are released only together with the sums they are made of (a rounded share and n
 * give x back, so shares count as printing x and n).
 *
 * Rule (primary and secondary suppression in one): a "release" is a group of sums printed
 * together (e.g. one share: x and n). Releases are tried in priority order; one is accepted only if,
 * with every sum accepted so far, each table stays safe:
 *   partition the table's atoms by which accepted sums contain them ("blocks"; atoms no sum tells
 *   apart always appear together). Safe when no block holds 1 … threshold − 1 citizens.
 * Why this suffices: every published sum is constant on blocks, so moving one citizen between two
 * atoms of a block changes nothing printed; the attacker can at most learn sums of whole blocks,
 * and a union of blocks that are each 0 or ≥ threshold is 0 or ≥ threshold. Differences of nested
 * outcomes (statuses with and without FØP), complements (n − x) and missing counts (N − n) are
 * blocks, so they are covered without special cases. The atoms outside every accepted sum form one
 * block too; it is checked only when the table's total is known (N printed, or the table fully
 * covered by accepted sums in some table of the same group — the time points of one group share N),
 * because otherwise nothing bounds it from above.
 */

export interface DisclosureTable {
  id: string;
  /** True counts of the atoms. */
  counts: readonly number[];
  /** Tables with the same total (the time points of one group: all have N citizens). */
  totalGroup: string;
}

/** One printed count: a sum of atoms of one table. */
export interface Sum {
  table: string;
  atoms: readonly number[];
}

/** Sums printed together: all or none. */
export interface Release {
  id: string;
  sums: readonly Sum[];
}

interface TableState {
  table: DisclosureTable;
  /** Accepted subsets as atom → membership. */
  accepted: boolean[][];
}

/** 1 … t − 1 citizens: must not be recoverable (0 identifies nobody). */
const isSmall = (v: number, t: number): boolean => v > 0 && v < t;

function covers(s: TableState): boolean {
  const k = s.table.counts.length;
  for (let a = 0; a < k; a++) if (!s.accepted.some((m) => m[a])) return false;
  return true;
}

/** Block sums of one table (atoms grouped by the accepted sums that contain them); `withRest` includes the atoms in no sum. */
function blockSums(s: TableState, withRest: boolean): number[] {
  const sums = new Map<string, number>();
  s.table.counts.forEach((c, a) => {
    const key = s.accepted.map((m) => (m[a] ? "1" : "0")).join("");
    if (!withRest && !key.includes("1")) return;
    sums.set(key, (sums.get(key) ?? 0) + c);
  });
  return [...sums.values()];
}

export class Disclosure {
  private readonly states = new Map<string, TableState>();
  private readonly released = new Set<string>();

  constructor(
    tables: readonly DisclosureTable[],
    readonly threshold: number,
  ) {
    for (const t of tables) this.states.set(t.id, { table: t, accepted: [] });
  }

  /** Accept the release when every table stays safe; returns whether it was accepted. */
  offer(release: Release): boolean {
    const touched: TableState[] = [];
    for (const sum of release.sums) {
      const s = this.states.get(sum.table);
      if (!s || sum.atoms.some((a) => a < 0 || a >= s.table.counts.length)) return false;
      const m = new Array<boolean>(s.table.counts.length).fill(false);
      for (const a of sum.atoms) m[a] = true;
      s.accepted.push(m);
      touched.push(s);
    }
    const groups = new Set(touched.map((s) => s.table.totalGroup));
    const ok = [...groups].every((g) => this.groupSafe(g));
    if (ok) this.released.add(release.id);
    else for (const s of touched) s.accepted.pop();
    return ok;
  }

  /** Offers the releases in order (priority first). */
  offerAll(releases: readonly Release[]): void {
    for (const r of releases) this.offer(r);
  }

  isReleased(id: string): boolean {
    return this.released.has(id);
  }

  private groupSafe(group: string): boolean {
    const members = [...this.states.values()].filter((s) => s.table.totalGroup === group);
    const totalKnown = members.some((s) => s.accepted.length > 0 && covers(s));
    return members.every((s) => {
      if (s.accepted.length === 0 && !totalKnown) return true;
      return blockSums(s, totalKnown).every((v) => !isSmall(v, this.threshold));
    });
  }
}
