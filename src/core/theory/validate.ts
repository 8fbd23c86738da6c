/**
 * Validation of a programme theory. Returns issues (errors and warnings) with Danish and English
 * messages that name the item; nothing is thrown. When the theory was read from the sheet, pass
 * the item → cell map from `parseTheorySheet` so each issue also names the cell.
 */
import { kindOfId, linkEnds } from "./edit";
import { FinalGoal, ItemKind, Link, LinkKind, ProgrammeTheory, StepId, StepStatus, SubGoal, Text, ValidationIssue } from "./model";

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

type Push = (
  step: StepId,
  severity: ValidationIssue["severity"],
  code: string,
  da: string,
  en: string,
  itemIds: string[],
  cellKey?: string,
) => void;

/** KL's step per item kind, and per link kind (a link is edited on the card of its source). */
export const STEP_OF_KIND: Record<ItemKind, StepId> = { slutmaal: "slutmaal", delmaal: "delmaal", aktivitet: "aktiviteter", mekanisme: "mekanismer" };
const STEP_OF_LINK: Record<LinkKind, StepId> = { "aktivitet-delmaal": "aktiviteter", "delmaal-delmaal": "delmaal", "delmaal-slutmaal": "delmaal" };

/**
 * Checks the theory against KL's five steps (målgruppe → slutmål → delmål → aktiviteter →
 * mekanismer). Every issue names its step; an empty step always yields an issue, so an empty
 * list means every step is done.
 */
export function validateTheory(theory: ProgrammeTheory, opts: ValidateOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const push: Push = (step, severity, code, da, en, itemIds, cellKey) => {
    const key = cellKey ?? itemIds[0];
    const cell = key === undefined ? undefined : opts.cells?.[key];
    const where = cell ? `${cell}: ` : "";
    const issue: ValidationIssue = { severity, code, message: { da: where + da, en: where + en }, itemIds, step };
    if (cell) issue.cell = cell;
    issues.push(issue);
  };
  checkTargetGroup(theory, push);
  checkStepsHaveContent(theory, push);
  checkNames(theory, push);
  const validLinks = checkLinkEnds(theory, push);
  checkChains(theory, validLinks, push);
  checkMechanisms(theory, validLinks, push);
  checkIndicators(theory, push);
  const order = new Map(["maalgruppe", "slutmaal", "delmaal", "aktiviteter", "mekanismer"].map((st, i) => [st, i]));
  // Stable sort: issues read in KL's order of steps.
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => (order.get(a.issue.step ?? "") ?? 9) - (order.get(b.issue.step ?? "") ?? 9) || a.i - b.i).map((x) => x.issue);
}

function checkTargetGroup(theory: ProgrammeTheory, push: Push): void {
  const tg = theory.targetGroup;
  if (tg.name.trim() === "") {
    push("maalgruppe", "warning", "TARGET_GROUP_NO_NAME", "Målgruppen har intet navn. Hvem er indsatsen for?", "The target group has no name. Who is the effort for?", [], "targetGroup.name");
  }
  if (tg.characteristics.every((c) => c.trim() === "")) {
    push(
      "maalgruppe",
      "warning",
      "TARGET_GROUP_NO_CHARACTERISTICS",
      "Målgruppen har ingen kendetegn. Hvilke kendetegn har målgruppen (fx alder, ydelse, tid på offentlig forsørgelse)?",
      "The target group has no characteristics. What characterises the target group (e.g. age, benefit, time on public benefits)?",
      [],
      "targetGroup.characteristics",
    );
  }
  if (tg.size === null) {
    push(
      "maalgruppe",
      "warning",
      "TARGET_GROUP_NO_SIZE",
      "Målgruppens størrelse er ikke udfyldt. Hvor stor er målgruppen?",
      "The size of the target group is empty. How large is the target group?",
      [],
      "targetGroup.size",
    );
  } else if (!Number.isInteger(tg.size) || tg.size < 0) {
    push(
      "maalgruppe",
      "error",
      "TARGET_GROUP_BAD_SIZE",
      `Målgruppens størrelse skal være et helt tal, der ikke er negativt (nu ${tg.size}).`,
      `The size of the target group must be a whole number that is not negative (now ${tg.size}).`,
      [],
      "targetGroup.size",
    );
  }
}

/** Steps 2–5 each need at least one item. */
function checkStepsHaveContent(theory: ProgrammeTheory, push: Push): void {
  const rules: [StepId, unknown[], string, string, string, string][] = [
    ["slutmaal", theory.finalGoals, "NO_FINAL_GOAL", "Programteorien har intet slutmål. Tilføj mindst ét realistisk slutmål.", "The programme theory has no final goal. Add at least one realistic final goal.", "section.finalGoals"],
    [
      "delmaal",
      theory.subGoals,
      "NO_SUBGOAL",
      "Programteorien har intet delmål. Hvad skal borgeren kunne for at nå frem til slutmålet?",
      "The programme theory has no sub-goal. What must the citizen be able to do to reach the final goal?",
      "section.subGoals",
    ],
    [
      "aktiviteter",
      theory.activities,
      "NO_ACTIVITY",
      "Programteorien har ingen aktiviteter. Hvilke aktiviteter skal frembringe delmålene og slutmålet?",
      "The programme theory has no activities. Which activities are to produce the sub-goals and the final goal?",
      "section.activities",
    ],
    [
      "mekanismer",
      theory.mechanisms,
      "NO_MECHANISM",
      "Programteorien har ingen virksomme mekanismer. Hvad skal være til stede, for at aktiviteterne virker?",
      "The programme theory has no mechanisms. What must be present for the activities to work?",
      "section.mechanisms",
    ],
  ];
  for (const [step, items, code, da, en, cell] of rules) if (items.length === 0) push(step, "error", code, da, en, [], cell);
}

function checkNames(theory: ProgrammeTheory, push: Push): void {
  const lists: [ItemKind, { id: string; name: string }[]][] = [
    ["slutmaal", theory.finalGoals],
    ["delmaal", theory.subGoals],
    ["aktivitet", theory.activities],
    ["mekanisme", theory.mechanisms],
  ];
  for (const [kind, items] of lists) {
    const step = STEP_OF_KIND[kind];
    const byName = new Map<string, string[]>();
    for (const it of items) {
      if (it.name.trim() === "") {
        push(step, "error", "EMPTY_NAME", `${KIND_TEXT[kind].da} ${it.id} har intet navn.`, `${KIND_TEXT[kind].en} ${it.id} has no name.`, [it.id]);
        continue;
      }
      const key = normName(it.name);
      byName.set(key, [...(byName.get(key) ?? []), it.id]);
    }
    for (const ids of byName.values()) {
      if (ids.length < 2) continue;
      const name = items.find((i) => i.id === ids[0])?.name ?? "";
      push(
        step,
        "error",
        "DUPLICATE_NAME",
        `${KIND_TEXT[kind].da} ${ids.join(", ")} har samme navn »${name}«. Giv dem forskellige navne, eller slet den ene.`,
        `${KIND_TEXT[kind].en} ${ids.join(", ")} have the same name »${name}«. Give them different names or delete one.`,
        ids,
        ids[1],
      );
    }
  }
}

/** Links that point at missing items or join the wrong kinds; returns the links that are sound. */
function checkLinkEnds(theory: ProgrammeTheory, push: Push): Link[] {
  const validLinks: Link[] = [];
  for (const l of theory.links) {
    const ends = linkEnds(l.kind);
    const okFrom = kindOfId(theory, l.from) === ends.from;
    const okTo = kindOfId(theory, l.to) === ends.to;
    if (!okFrom || !okTo) {
      const bad = !okFrom ? l.from : l.to;
      push(
        STEP_OF_LINK[l.kind],
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
        push("mekanismer", "error", "LINK_UNKNOWN_MECHANISM", `Sammenhæng ${l.id} henviser til mekanisme ${m}, som ikke findes.`, `Link ${l.id} refers to mechanism ${m}, which does not exist.`, [l.id]);
      }
    }
  }
  for (const p of theory.activityMechanisms) {
    if (kindOfId(theory, p.activityId) !== "aktivitet" || kindOfId(theory, p.mechanismId) !== "mekanisme") {
      push(
        "mekanismer",
        "error",
        "ACTIVITY_MECHANISM_UNKNOWN",
        `Koblingen mellem aktivitet ${p.activityId} og mekanisme ${p.mechanismId} henviser til noget, der ikke findes.`,
        `The pairing of activity ${p.activityId} and mechanism ${p.mechanismId} refers to something that does not exist.`,
        [p.activityId, p.mechanismId],
      );
    }
  }
  return validLinks;
}

/** The ids reachable from `start` by following links of the given kinds forward (from → to). */
function closure(links: readonly Link[], start: Iterable<string>, kinds: readonly LinkKind[], forward: boolean): Set<string> {
  const seen = new Set(start);
  let changed = true;
  while (changed) {
    changed = false;
    for (const l of links) {
      if (!kinds.includes(l.kind)) continue;
      const [a, b] = forward ? [l.from, l.to] : [l.to, l.from];
      if (seen.has(a) && !seen.has(b)) {
        seen.add(b);
        changed = true;
      }
    }
  }
  return seen;
}

/** The chain activity → delmål (→ delmål …) → slutmål: cycles, and items that the chain does not reach. */
function checkChains(theory: ProgrammeTheory, validLinks: Link[], push: Push): void {
  const label = (id: string): Text => itemLabel(theory, id);
  for (const cycle of findSubGoalCycles({ ...theory, links: validLinks })) {
    const chainDa = [...cycle, cycle[0]].map((id) => label(id).da).join(" → ");
    const chainEn = [...cycle, cycle[0]].map((id) => label(id).en).join(" → ");
    push(
      "delmaal",
      "error",
      "CYCLE",
      `Delmålene danner en cirkel: ${chainDa}. Små skridt skal føre fremad; fjern én af sammenhængene.`,
      `The sub-goals form a cycle: ${chainEn}. Small steps must lead forward; remove one of the links.`,
      cycle,
    );
  }
  // Every final goal must be reached by some sub-goal (when there are sub-goals at all).
  const reachedFinals = new Set(validLinks.filter((l) => l.kind === "delmaal-slutmaal").map((l) => l.to));
  if (theory.subGoals.length > 0) {
    for (const g of theory.finalGoals) {
      if (reachedFinals.has(g.id)) continue;
      push(
        "delmaal",
        "error",
        "FINAL_GOAL_NO_SUBGOAL",
        `Intet delmål fører til ${label(g.id).da}. Hvilke delmål skal borgeren nå på vejen dertil?`,
        `No sub-goal leads to ${label(g.id).en}. Which sub-goals must the citizen reach on the way there?`,
        [g.id],
      );
    }
  }
  // Every sub-goal must lead to a final goal, directly or through other sub-goals.
  const toFinal = closure(validLinks, reachedFinals, ["delmaal-slutmaal", "delmaal-delmaal"], false);
  for (const g of theory.subGoals) {
    if (toFinal.has(g.id)) continue;
    push(
      "delmaal",
      "error",
      "SUBGOAL_NO_FINAL_GOAL",
      `${label(g.id).da} fører ikke til et slutmål – hverken direkte eller via andre delmål.`,
      `${label(g.id).en} leads to no final goal – neither directly nor via other sub-goals.`,
      [g.id],
    );
  }
  // Every sub-goal must be worked towards by an activity, directly or through earlier sub-goals.
  if (theory.activities.length > 0) {
    const served = closure(validLinks, theory.activities.map((a) => a.id), ["aktivitet-delmaal", "delmaal-delmaal"], true);
    for (const g of theory.subGoals) {
      if (served.has(g.id)) continue;
      push(
        "aktiviteter",
        "error",
        "SUBGOAL_NO_ACTIVITY",
        `Ingen aktivitet arbejder hen imod ${label(g.id).da} – hverken direkte eller via tidligere delmål. Knyt en aktivitet til delmålet.`,
        `No activity works towards ${label(g.id).en} – neither directly nor via earlier sub-goals. Link an activity to the sub-goal.`,
        [g.id],
      );
    }
  }
  for (const a of theory.activities) {
    if (!validLinks.some((l) => l.kind === "aktivitet-delmaal" && l.from === a.id)) {
      push("aktiviteter", "error", "ACTIVITY_NO_SUBGOAL", `${label(a.id).da} understøtter intet delmål.`, `${label(a.id).en} serves no sub-goal.`, [a.id]);
    }
  }
}

function checkMechanisms(theory: ProgrammeTheory, validLinks: Link[], push: Push): void {
  const label = (id: string): Text => itemLabel(theory, id);
  const attached = new Set([...theory.activityMechanisms.map((p) => p.mechanismId), ...validLinks.flatMap((l) => l.mechanismIds)]);
  for (const m of theory.mechanisms) {
    if (m.category === null) {
      push(
        "mekanismer",
        "error",
        "MECHANISM_NO_CATEGORY",
        `${label(m.id).da} mangler en kategori (kompetencer, ressourcer, tilgange eller organisatoriske rammer).`,
        `${label(m.id).en} has no category (competences, resources, approaches or organisational frameworks).`,
        [m.id],
      );
    }
    if (!attached.has(m.id)) {
      push(
        "mekanismer",
        "error",
        "MECHANISM_UNUSED",
        `${label(m.id).da} er ikke knyttet til nogen aktivitet eller sammenhæng. Hvilke aktiviteter skal den få til at virke?`,
        `${label(m.id).en} is attached to no activity and no link. Which activities should it make work?`,
        [m.id],
      );
    }
  }
}

function checkIndicators(theory: ProgrammeTheory, push: Push): void {
  const label = (id: string): Text => itemLabel(theory, id);
  const goals: [StepId, FinalGoal | SubGoal][] = [
    ...theory.finalGoals.map((g) => ["slutmaal", g] as [StepId, FinalGoal]),
    ...theory.subGoals.map((g) => ["delmaal", g] as [StepId, SubGoal]),
  ];
  for (const [step, g] of goals) {
    if (!g.indicator) {
      push(step, "warning", "GOAL_NO_INDICATOR", `${label(g.id).da} har ingen indikator. Hvordan ved I, om målet er nået?`, `${label(g.id).en} has no indicator. How will you know the goal is reached?`, [g.id]);
      continue;
    }
    const r = g.indicator.reached;
    const t = g.indicator.times;
    const bad =
      (r.kind === "statuses" && r.statuses.length === 0) ||
      (r.kind === "scale" && (!(r.min < r.max) || r.reachedAt < r.min || r.reachedAt > r.max)) ||
      (t.kind === "months" && t.months.length === 0) ||
      (t.kind === "weeks" && (t.everyWeeks <= 0 || t.count <= 0));
    if (bad) {
      push(
        step,
        "error",
        "INDICATOR_INVALID",
        `Indikatoren for ${label(g.id).da} er ufuldstændig: den skal have målepunkter og enten statusser, der tæller som opnået, eller en skala med en grænse inden for skalaen.`,
        `The indicator of ${label(g.id).en} is incomplete: it needs measurement times and either statuses that count as reached or a scale with a threshold inside the scale.`,
        [g.id],
      );
    }
  }
}

/** Whether anything has been entered for a step. */
function stepHasContent(theory: ProgrammeTheory, step: StepId): boolean {
  const tg = theory.targetGroup;
  switch (step) {
    case "maalgruppe":
      return tg.name.trim() !== "" || tg.description.trim() !== "" || tg.size !== null || [...tg.characteristics, ...tg.inclusion, ...tg.exclusion].some((x) => x.trim() !== "");
    case "slutmaal":
      return theory.finalGoals.length > 0;
    case "delmaal":
      return theory.subGoals.length > 0;
    case "aktiviteter":
      return theory.activities.length > 0;
    case "mekanismer":
      return theory.mechanisms.length > 0;
  }
}

/** Per step of KL's five: "empty" (nothing entered), "incomplete" (an issue of that step remains) or "done". */
export function stepStatuses(theory: ProgrammeTheory, issues: readonly ValidationIssue[]): Record<StepId, StepStatus> {
  const steps: StepId[] = ["maalgruppe", "slutmaal", "delmaal", "aktiviteter", "mekanismer"];
  const out = {} as Record<StepId, StepStatus>;
  for (const st of steps) {
    out[st] = !stepHasContent(theory, st) ? "empty" : issues.some((i) => i.step === st) ? "incomplete" : "done";
  }
  return out;
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
