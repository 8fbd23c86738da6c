/**
 * Validation of a programme theory. Returns issues (errors and warnings) with Danish and English
 * messages that name the item; nothing is thrown. When the theory was read from the sheet, pass
 * the item → cell map from `parseTheorySheet` so each issue also names the cell.
 */
import { kindOfId, linkEnds } from "./edit";
import { FinalGoal, ItemKind, Link, ProgrammeTheory, SubGoal, Text, ValidationIssue } from "./model";

export interface ValidateOptions {
  /**
   * Where items live in the sheet: item id → "Programteori!B14" (its name cell), link id → its row,
   * the keys "targetGroup.size", "targetGroup.name", "title", and "section.finalGoals" (the heading
   * of the Slutmål table). From `parseTheorySheet`.
   */
  cells?: Readonly<Record<string, string>>;
}

const KIND_TEXT: Record<ItemKind, Text> = {
  slutmaal: { da: "Slutmål", en: "Final goal" },
  delmaal: { da: "Delmål", en: "Sub-goal" },
  aktivitet: { da: "Aktivitet", en: "Activity" },
  mekanisme: { da: "Mekanisme", en: "Mechanism" },
};

/** "Delmål D2 »Borgeren kan møde stabilt«" in both languages. */
export function itemLabel(theory: ProgrammeTheory, id: string): Text {
  const kind = kindOfId(theory, id);
  if (!kind) return { da: id, en: id };
  const all = [...theory.finalGoals, ...theory.subGoals, ...theory.activities, ...theory.mechanisms];
  const name = all.find((i) => i.id === id)?.name ?? "";
  const shown = name.trim() === "" ? "" : ` »${name}«`;
  return { da: `${KIND_TEXT[kind].da} ${id}${shown}`, en: `${KIND_TEXT[kind].en} ${id}${shown}` };
}

/** Finds every cycle among sub-goal links: one cycle (as an id list, first id not repeated) per strongly connected component. */
export function findSubGoalCycles(theory: ProgrammeTheory): string[][] {
  const ids = theory.subGoals.map((g) => g.id);
  const known = new Set(ids);
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const l of theory.links) {
    if (l.kind === "delmaal-delmaal" && known.has(l.from) && known.has(l.to)) next.get(l.from)?.push(l.to);
  }
  // Tarjan's strongly connected components (iterative bookkeeping kept simple; theories are small).
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      components.push(comp);
    }
  };
  for (const id of ids) if (!idx.has(id)) strong(id);

  const cycles: string[][] = [];
  for (const comp of components) {
    const members = new Set(comp);
    const start = ids.find((id) => members.has(id)) as string;
    const selfLoop = (next.get(start) ?? []).includes(start);
    if (comp.length === 1 && !selfLoop) continue;
    if (selfLoop) {
      cycles.push([start]);
      continue;
    }
    // Shortest path start → … → start inside the component (BFS), in display order of neighbours.
    const parent = new Map<string, string>();
    const queue = [start];
    let found: string | undefined;
    const seen = new Set<string>();
    while (queue.length > 0 && found === undefined) {
      const cur = queue.shift() as string;
      for (const n of next.get(cur) ?? []) {
        if (!members.has(n)) continue;
        if (n === start) {
          found = cur;
          break;
        }
        if (!seen.has(n)) {
          seen.add(n);
          parent.set(n, cur);
          queue.push(n);
        }
      }
    }
    const path: string[] = [];
    for (let v: string | undefined = found; v !== undefined && v !== start; v = parent.get(v)) path.unshift(v);
    cycles.push([start, ...path]);
  }
  return cycles;
}

function normName(s: string): string {
  return s.trim().replace(/\s+/g, " ").toLocaleLowerCase("da-DK");
}

export function validateTheory(theory: ProgrammeTheory, opts: ValidateOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const cellOf = (id: string | undefined): string | undefined => (id === undefined ? undefined : opts.cells?.[id]);
  const push = (severity: ValidationIssue["severity"], code: string, da: string, en: string, itemIds: string[], cellKey?: string): void => {
    const cell = cellOf(cellKey ?? itemIds[0]);
    const where = cell ? { da: `${cell}: `, en: `${cell}: ` } : { da: "", en: "" };
    const issue: ValidationIssue = { severity, code, message: { da: where.da + da, en: where.en + en }, itemIds };
    if (cell) issue.cell = cell;
    issues.push(issue);
  };
  const label = (id: string): Text => itemLabel(theory, id);

  // Target group.
  if (theory.targetGroup.name.trim() === "") {
    push("warning", "TARGET_GROUP_NO_NAME", "Målgruppen har intet navn. Hvem er indsatsen for?", "The target group has no name. Who is the effort for?", [], "targetGroup.name");
  }
  if (theory.targetGroup.size === null) {
    push(
      "warning",
      "TARGET_GROUP_NO_SIZE",
      "Målgruppens størrelse er ikke udfyldt. Hvor stor er målgruppen?",
      "The size of the target group is empty. How large is the target group?",
      [],
      "targetGroup.size",
    );
  } else if (!Number.isInteger(theory.targetGroup.size) || theory.targetGroup.size < 0) {
    push(
      "error",
      "TARGET_GROUP_BAD_SIZE",
      `Målgruppens størrelse skal være et helt tal, der ikke er negativt (nu ${theory.targetGroup.size}).`,
      `The size of the target group must be a whole number that is not negative (now ${theory.targetGroup.size}).`,
      [],
      "targetGroup.size",
    );
  }

  if (theory.finalGoals.length === 0) {
    push(
      "error",
      "NO_FINAL_GOAL",
      "Programteorien har intet slutmål. Tilføj mindst ét realistisk slutmål.",
      "The programme theory has no final goal. Add at least one realistic final goal.",
      [],
      "section.finalGoals",
    );
  }

  // Names: empty and duplicates within a kind.
  const lists: [ItemKind, { id: string; name: string }[]][] = [
    ["slutmaal", theory.finalGoals],
    ["delmaal", theory.subGoals],
    ["aktivitet", theory.activities],
    ["mekanisme", theory.mechanisms],
  ];
  for (const [kind, items] of lists) {
    const byName = new Map<string, string[]>();
    for (const it of items) {
      if (it.name.trim() === "") {
        push("error", "EMPTY_NAME", `${KIND_TEXT[kind].da} ${it.id} har intet navn.`, `${KIND_TEXT[kind].en} ${it.id} has no name.`, [it.id]);
        continue;
      }
      const key = normName(it.name);
      byName.set(key, [...(byName.get(key) ?? []), it.id]);
    }
    for (const ids of byName.values()) {
      if (ids.length < 2) continue;
      const name = items.find((i) => i.id === ids[0])?.name ?? "";
      push(
        "error",
        "DUPLICATE_NAME",
        `${KIND_TEXT[kind].da} ${ids.join(", ")} har samme navn »${name}«. Giv dem forskellige navne, eller slet den ene.`,
        `${KIND_TEXT[kind].en} ${ids.join(", ")} have the same name »${name}«. Give them different names or delete one.`,
        ids,
        ids[1],
      );
    }
  }

  // Links that point at missing items or join the wrong kinds; mechanisms on links that do not exist.
  const validLinks: Link[] = [];
  for (const l of theory.links) {
    const ends = linkEnds(l.kind);
    const okFrom = kindOfId(theory, l.from) === ends.from;
    const okTo = kindOfId(theory, l.to) === ends.to;
    if (!okFrom || !okTo) {
      const bad = !okFrom ? l.from : l.to;
      push(
        "error",
        "LINK_UNKNOWN_ITEM",
        `Sammenhæng ${l.id} (${l.from} → ${l.to}) henviser til ${bad}, som ikke findes eller er af en forkert type.`,
        `Link ${l.id} (${l.from} → ${l.to}) refers to ${bad}, which does not exist or is of the wrong kind.`,
        [l.id],
      );
      continue;
    }
    validLinks.push(l);
    for (const m of l.mechanismIds) {
      if (kindOfId(theory, m) !== "mekanisme") {
        push("error", "LINK_UNKNOWN_MECHANISM", `Sammenhæng ${l.id} henviser til mekanisme ${m}, som ikke findes.`, `Link ${l.id} refers to mechanism ${m}, which does not exist.`, [l.id]);
      }
    }
  }
  for (const p of theory.activityMechanisms) {
    if (kindOfId(theory, p.activityId) !== "aktivitet" || kindOfId(theory, p.mechanismId) !== "mekanisme") {
      push(
        "error",
        "ACTIVITY_MECHANISM_UNKNOWN",
        `Koblingen mellem aktivitet ${p.activityId} og mekanisme ${p.mechanismId} henviser til noget, der ikke findes.`,
        `The pairing of activity ${p.activityId} and mechanism ${p.mechanismId} refers to something that does not exist.`,
        [p.activityId, p.mechanismId],
      );
    }
  }

  // Cycles among sub-goals.
  for (const cycle of findSubGoalCycles({ ...theory, links: validLinks })) {
    const chainDa = [...cycle, cycle[0]].map((id) => label(id).da).join(" → ");
    const chainEn = [...cycle, cycle[0]].map((id) => label(id).en).join(" → ");
    push(
      "error",
      "CYCLE",
      `Delmålene danner en cirkel: ${chainDa}. Små skridt skal føre fremad; fjern én af sammenhængene.`,
      `The sub-goals form a cycle: ${chainEn}. Small steps must lead forward; remove one of the links.`,
      cycle,
    );
  }

  // Every sub-goal must lead to a final goal, directly or through other sub-goals.
  const reachesFinal = new Set<string>();
  for (const l of validLinks) if (l.kind === "delmaal-slutmaal") reachesFinal.add(l.from);
  let changed = true;
  while (changed) {
    changed = false;
    for (const l of validLinks) {
      if (l.kind === "delmaal-delmaal" && reachesFinal.has(l.to) && !reachesFinal.has(l.from)) {
        reachesFinal.add(l.from);
        changed = true;
      }
    }
  }
  for (const g of theory.subGoals) {
    if (!reachesFinal.has(g.id)) {
      push(
        "error",
        "SUBGOAL_NO_FINAL_GOAL",
        `${label(g.id).da} fører ikke til et slutmål – hverken direkte eller via andre delmål.`,
        `${label(g.id).en} leads to no final goal – neither directly nor via other sub-goals.`,
        [g.id],
      );
    }
  }

  for (const a of theory.activities) {
    if (!validLinks.some((l) => l.kind === "aktivitet-delmaal" && l.from === a.id)) {
      push("error", "ACTIVITY_NO_SUBGOAL", `${label(a.id).da} understøtter intet delmål.`, `${label(a.id).en} serves no sub-goal.`, [a.id]);
    }
  }

  for (const m of theory.mechanisms) {
    if (m.category === null) {
      push(
        "error",
        "MECHANISM_NO_CATEGORY",
        `${label(m.id).da} mangler en kategori (kompetencer, ressourcer, tilgange eller organisatoriske rammer).`,
        `${label(m.id).en} has no category (competences, resources, approaches or organisational frameworks).`,
        [m.id],
      );
    }
  }

  const goals: (FinalGoal | SubGoal)[] = [...theory.finalGoals, ...theory.subGoals];
  for (const g of goals) {
    if (!g.indicator) {
      push("warning", "GOAL_NO_INDICATOR", `${label(g.id).da} har ingen indikator. Hvordan ved I, om målet er nået?`, `${label(g.id).en} has no indicator. How will you know the goal is reached?`, [g.id]);
      continue;
    }
    const r = g.indicator.reached;
    const bad =
      (r.kind === "statuses" && r.statuses.length === 0) ||
      (r.kind === "scale" && (!(r.min < r.max) || r.reachedAt < r.min || r.reachedAt > r.max)) ||
      (g.indicator.times.kind === "months" && g.indicator.times.months.length === 0) ||
      (g.indicator.times.kind === "weeks" && (g.indicator.times.everyWeeks <= 0 || g.indicator.times.count <= 0));
    if (bad) {
      push(
        "error",
        "INDICATOR_INVALID",
        `Indikatoren for ${label(g.id).da} er ufuldstændig: den skal have målepunkter og enten statusser, der tæller som opnået, eller en skala med en grænse inden for skalaen.`,
        `The indicator of ${label(g.id).en} is incomplete: it needs measurement times and either statuses that count as reached or a scale with a threshold inside the scale.`,
        [g.id],
      );
    }
  }
  return issues;
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
