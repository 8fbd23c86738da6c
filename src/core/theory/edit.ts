/**
 * Pure, immutable editing helpers for a programme theory. Every function returns a new theory
 * and leaves its argument untouched; ids are stable ("S1", "D1", "A1", "M1", "L1") and never
 * renumbered when items are moved or removed.
 */
import { VirkningError } from "../errors";
import {
  Activity,
  FinalGoal,
  ID_PREFIX,
  ItemKind,
  Link,
  LinkKind,
  Mechanism,
  ProgrammeTheory,
  SubGoal,
  TargetGroup,
} from "./model";

export interface ItemOfKind {
  slutmaal: FinalGoal;
  delmaal: SubGoal;
  aktivitet: Activity;
  mekanisme: Mechanism;
}

type ListKey = "finalGoals" | "subGoals" | "activities" | "mechanisms";

const LIST_KEY: Record<ItemKind, ListKey> = {
  slutmaal: "finalGoals",
  delmaal: "subGoals",
  aktivitet: "activities",
  mekanisme: "mechanisms",
};

const KIND_NAME: Record<ItemKind, { da: string; en: string }> = {
  slutmaal: { da: "slutmål", en: "final goal" },
  delmaal: { da: "delmål", en: "sub-goal" },
  aktivitet: { da: "aktivitet", en: "activity" },
  mekanisme: { da: "mekanisme", en: "mechanism" },
};

export function emptyTargetGroup(): TargetGroup {
  return { name: "", description: "", characteristics: [], size: null, inclusion: [], exclusion: [] };
}

export function emptyTheory(title = ""): ProgrammeTheory {
  return {
    title,
    targetGroup: emptyTargetGroup(),
    finalGoals: [],
    subGoals: [],
    activities: [],
    mechanisms: [],
    activityMechanisms: [],
    links: [],
  };
}

/** The items of one kind, in display order. */
export function itemsOf<K extends ItemKind>(theory: ProgrammeTheory, kind: K): ItemOfKind[K][] {
  return theory[LIST_KEY[kind]] as ItemOfKind[K][];
}

function withItems<K extends ItemKind>(theory: ProgrammeTheory, kind: K, items: ItemOfKind[K][]): ProgrammeTheory {
  return { ...theory, [LIST_KEY[kind]]: items };
}

function nextNumber(ids: readonly string[], prefix: string): number {
  let max = 0;
  for (const id of ids) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** The id the next added item of this kind will get. */
export function nextId(theory: ProgrammeTheory, kind: ItemKind): string {
  const prefix = ID_PREFIX[kind];
  return `${prefix}${nextNumber(itemsOf(theory, kind).map((i) => i.id), prefix)}`;
}

export function nextLinkId(theory: ProgrammeTheory): string {
  return `L${nextNumber(theory.links.map((l) => l.id), "L")}`;
}

/** Which kind an id belongs to, or undefined. */
export function kindOfId(theory: ProgrammeTheory, id: string): ItemKind | undefined {
  for (const kind of Object.keys(LIST_KEY) as ItemKind[]) {
    if (itemsOf(theory, kind).some((i) => i.id === id)) return kind;
  }
  return undefined;
}

/** Appends a new item (origin "bruger") and returns the new theory. Its id is `nextId(theory, kind)`. */
export function addItem(theory: ProgrammeTheory, kind: ItemKind, name: string, description = ""): ProgrammeTheory {
  const id = nextId(theory, kind);
  const base = { id, name, description, origin: "bruger" as const };
  switch (kind) {
    case "mekanisme":
      return withItems(theory, kind, [...theory.mechanisms, { ...base, category: null }]);
    case "slutmaal":
      return withItems(theory, kind, [...theory.finalGoals, base]);
    case "delmaal":
      return withItems(theory, kind, [...theory.subGoals, base]);
    case "aktivitet":
      return withItems(theory, kind, [...theory.activities, base]);
  }
}

function requireItem(theory: ProgrammeTheory, kind: ItemKind, id: string): void {
  if (!itemsOf(theory, kind).some((i) => i.id === id)) {
    throw new VirkningError(
      "THEORY_UNKNOWN_ITEM",
      `Der findes ingen ${KIND_NAME[kind].da} med nr. ${id}.`,
      `There is no ${KIND_NAME[kind].en} with no. ${id}.`,
    );
  }
}

/** Removes an item and everything that refers to it (links, activity–mechanism pairs, mechanism references on links). */
export function removeItem(theory: ProgrammeTheory, kind: ItemKind, id: string): ProgrammeTheory {
  requireItem(theory, kind, id);
  const items = itemsOf(theory, kind).filter((i) => i.id !== id);
  const next = withItems(theory, kind, items);
  if (kind === "mekanisme") {
    return {
      ...next,
      activityMechanisms: theory.activityMechanisms.filter((p) => p.mechanismId !== id),
      links: theory.links.map((l) => (l.mechanismIds.includes(id) ? { ...l, mechanismIds: l.mechanismIds.filter((m) => m !== id) } : l)),
    };
  }
  return {
    ...next,
    activityMechanisms: kind === "aktivitet" ? theory.activityMechanisms.filter((p) => p.activityId !== id) : theory.activityMechanisms,
    links: theory.links.filter((l) => l.from !== id && l.to !== id),
  };
}

/** Moves an item `delta` places within its list (negative = up); clamped to the list ends. */
export function moveItem(theory: ProgrammeTheory, kind: ItemKind, id: string, delta: number): ProgrammeTheory {
  requireItem(theory, kind, id);
  const items = [...itemsOf(theory, kind)];
  const from = items.findIndex((i) => i.id === id);
  const to = Math.max(0, Math.min(items.length - 1, from + Math.trunc(delta)));
  if (to === from) return theory;
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item);
  return withItems(theory, kind, items);
}

/** Changes fields of an item (not its id). An item edited by the user keeps its origin unless the patch sets one. */
export function updateItem<K extends ItemKind>(
  theory: ProgrammeTheory,
  kind: K,
  id: string,
  patch: Partial<Omit<ItemOfKind[K], "id">>,
): ProgrammeTheory {
  requireItem(theory, kind, id);
  const items = itemsOf(theory, kind).map((i) => {
    if (i.id !== id) return i;
    const next: Record<string, unknown> = { ...i, ...patch, id };
    // `{ indicator: undefined }` removes the field, so the item equals one read back from the sheet.
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    return next as unknown as ItemOfKind[K];
  });
  return withItems(theory, kind, items);
}

export function updateTargetGroup(theory: ProgrammeTheory, patch: Partial<TargetGroup>): ProgrammeTheory {
  return { ...theory, targetGroup: { ...theory.targetGroup, ...patch } };
}

export function setTitle(theory: ProgrammeTheory, title: string): ProgrammeTheory {
  return { ...theory, title };
}

/** The item kinds a link of this kind joins. */
export function linkEnds(kind: LinkKind): { from: ItemKind; to: ItemKind } {
  switch (kind) {
    case "aktivitet-delmaal":
      return { from: "aktivitet", to: "delmaal" };
    case "delmaal-delmaal":
      return { from: "delmaal", to: "delmaal" };
    case "delmaal-slutmaal":
      return { from: "delmaal", to: "slutmaal" };
  }
}

export function findLink(theory: ProgrammeTheory, kind: LinkKind, from: string, to: string): Link | undefined {
  return theory.links.find((l) => l.kind === kind && l.from === from && l.to === to);
}

/**
 * Turns the link `from → to` on or off. Turning on an existing link, or off a missing one, changes
 * nothing. Throws VirkningError for unknown ids or a sub-goal linked to itself. A link that closes a
 * cycle is allowed here (the user may be mid-edit) and reported by validateTheory; see `wouldCreateCycle`.
 */
export function setLink(
  theory: ProgrammeTheory,
  kind: LinkKind,
  from: string,
  to: string,
  on: boolean,
  rationale = "",
): ProgrammeTheory {
  const existing = findLink(theory, kind, from, to);
  if (!on) return existing ? { ...theory, links: theory.links.filter((l) => l !== existing) } : theory;
  if (existing) return theory;
  const ends = linkEnds(kind);
  requireItem(theory, ends.from, from);
  requireItem(theory, ends.to, to);
  if (from === to) {
    throw new VirkningError(
      "THEORY_SELF_LINK",
      `Delmål ${from} kan ikke føre til sig selv.`,
      `Sub-goal ${from} cannot lead to itself.`,
    );
  }
  const link: Link = { id: nextLinkId(theory), kind, from, to, rationale, mechanismIds: [] };
  return { ...theory, links: [...theory.links, link] };
}

/** Changes the rationale or attached mechanisms of a link. */
export function updateLink(theory: ProgrammeTheory, linkId: string, patch: Partial<Pick<Link, "rationale" | "mechanismIds">>): ProgrammeTheory {
  if (!theory.links.some((l) => l.id === linkId)) {
    throw new VirkningError("THEORY_UNKNOWN_LINK", `Der findes ingen sammenhæng med nr. ${linkId}.`, `There is no link with no. ${linkId}.`);
  }
  return { ...theory, links: theory.links.map((l) => (l.id === linkId ? { ...l, ...patch } : l)) };
}

/** Attaches (on) or detaches a mechanism to/from a link. */
export function setLinkMechanism(theory: ProgrammeTheory, linkId: string, mechanismId: string, on: boolean): ProgrammeTheory {
  requireItem(theory, "mekanisme", mechanismId);
  const link = theory.links.find((l) => l.id === linkId);
  if (!link) {
    throw new VirkningError("THEORY_UNKNOWN_LINK", `Der findes ingen sammenhæng med nr. ${linkId}.`, `There is no link with no. ${linkId}.`);
  }
  const has = link.mechanismIds.includes(mechanismId);
  if (has === on) return theory;
  const mechanismIds = on ? [...link.mechanismIds, mechanismId] : link.mechanismIds.filter((m) => m !== mechanismId);
  return updateLink(theory, linkId, { mechanismIds });
}

/** Attaches (on) or detaches a mechanism to/from an activity. */
export function setActivityMechanism(theory: ProgrammeTheory, activityId: string, mechanismId: string, on: boolean): ProgrammeTheory {
  requireItem(theory, "aktivitet", activityId);
  requireItem(theory, "mekanisme", mechanismId);
  const has = theory.activityMechanisms.some((p) => p.activityId === activityId && p.mechanismId === mechanismId);
  if (has === on) return theory;
  return {
    ...theory,
    activityMechanisms: on
      ? [...theory.activityMechanisms, { activityId, mechanismId }]
      : theory.activityMechanisms.filter((p) => !(p.activityId === activityId && p.mechanismId === mechanismId)),
  };
}

/** True when adding the sub-goal link `from → to` would close a cycle among sub-goals. */
export function wouldCreateCycle(theory: ProgrammeTheory, from: string, to: string): boolean {
  if (from === to) return true;
  // Is `from` reachable from `to` through existing delmål → delmål links?
  const next = new Map<string, string[]>();
  for (const l of theory.links) {
    if (l.kind !== "delmaal-delmaal") continue;
    next.set(l.from, [...(next.get(l.from) ?? []), l.to]);
  }
  const seen = new Set<string>([to]);
  const stack = [to];
  while (stack.length > 0) {
    const cur = stack.pop() as string;
    if (cur === from) return true;
    for (const n of next.get(cur) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}
