/** fast-check generators for programme theories built through the editing helpers (shared by property tests). */
import fc from "fast-check";
import {
  addItem,
  emptyTheory,
  Indicator,
  LinkKind,
  MECHANISM_CATEGORIES,
  Origin,
  ProgrammeTheory,
  setActivityMechanism,
  setLink,
  setLinkMechanism,
  updateItem,
  updateLink,
  updateTargetGroup,
} from "../../../src/core/theory";

const word = fc.constantFrom("Borgeren", "kan", "møde", "stabilt", "job", "Æble", "øre", "å", "praktik", "(ny)", "–", "M1", "12", "&", "\"citat\"", "mål,", "x");
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(" "));
const maybePhrase = fc.oneof(fc.constant(""), phrase);
const origin = fc.constantFrom<Origin>("kilde", "forslag", "bruger");
const status = fc.constantFrom("Jobparat", "Fleksjob", "FØP", "Kontanthjælp – i praktik", "Ordinære timer", "Uddannelse");

const indicator: fc.Arbitrary<Indicator> = fc.record({
  name: maybePhrase,
  dataSource: maybePhrase,
  times: fc.oneof(
    fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }).map((months) => ({ kind: "months" as const, months })),
    fc.record({ kind: fc.constant("weeks" as const), everyWeeks: fc.integer({ min: 1, max: 12 }), count: fc.integer({ min: 1, max: 20 }) }),
  ),
  reached: fc.oneof(
    fc.uniqueArray(status, { minLength: 1, maxLength: 4 }).map((statuses) => ({ kind: "statuses" as const, statuses })),
    fc
      .record({ min: fc.integer({ min: -2, max: 3 }), span: fc.integer({ min: 1, max: 9 }), at: fc.nat(), labels: fc.array(phrase, { maxLength: 5 }) })
      .map(({ min, span, at, labels }) => ({ kind: "scale" as const, min, max: min + span, labels, reachedAt: min + (at % (span + 1)) })),
  ),
});

export interface Plan {
  title: string;
  tg: { name: string; description: string; characteristics: string[]; size: number | null; inclusion: string[]; exclusion: string[] };
  finals: { name: string; description: string; origin: Origin; ind: Indicator | null }[];
  subs: { name: string; description: string; origin: Origin; ind: Indicator | null }[];
  acts: { name: string; description: string; origin: Origin }[];
  mechs: { name: string; description: string; origin: Origin; cat: number | null }[];
  links: { kind: LinkKind; a: number; b: number; rationale: string; mech: number | null }[];
  am: [number, number][];
}

const item = { name: maybePhrase, description: maybePhrase, origin };
export const plan: fc.Arbitrary<Plan> = fc.record({
  title: maybePhrase,
  tg: fc.record({
    name: maybePhrase,
    description: maybePhrase,
    characteristics: fc.array(phrase, { maxLength: 4 }),
    size: fc.oneof(fc.constant(null), fc.nat({ max: 100000 })),
    inclusion: fc.array(phrase, { maxLength: 3 }),
    exclusion: fc.array(phrase, { maxLength: 3 }),
  }),
  finals: fc.array(fc.record({ ...item, ind: fc.option(indicator, { nil: null }) }), { maxLength: 3 }),
  subs: fc.array(fc.record({ ...item, ind: fc.option(indicator, { nil: null }) }), { maxLength: 5 }),
  acts: fc.array(fc.record(item), { maxLength: 5 }),
  mechs: fc.array(fc.record({ ...item, cat: fc.option(fc.nat({ max: 3 }), { nil: null }) }), { maxLength: 4 }),
  links: fc.array(
    fc.record({
      kind: fc.constantFrom<LinkKind>("aktivitet-delmaal", "delmaal-delmaal", "delmaal-slutmaal"),
      a: fc.nat(),
      b: fc.nat(),
      rationale: maybePhrase,
      mech: fc.option(fc.nat(), { nil: null }),
    }),
    { maxLength: 10 },
  ),
  am: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
});

/** Builds a theory through the pane's own editing helpers. */
function buildPlain(p: Plan): ProgrammeTheory {
  let t = emptyTheory(p.title);
  t = updateTargetGroup(t, p.tg);
  p.finals.forEach((f, i) => {
    t = addItem(t, "slutmaal", f.name, f.description);
    t = updateItem(t, "slutmaal", `S${i + 1}`, { origin: f.origin, ...(f.ind ? { indicator: f.ind } : {}) });
  });
  p.subs.forEach((f, i) => {
    t = addItem(t, "delmaal", f.name, f.description);
    t = updateItem(t, "delmaal", `D${i + 1}`, { origin: f.origin, ...(f.ind ? { indicator: f.ind } : {}) });
  });
  p.acts.forEach((f, i) => {
    t = addItem(t, "aktivitet", f.name, f.description);
    t = updateItem(t, "aktivitet", `A${i + 1}`, { origin: f.origin });
  });
  p.mechs.forEach((f, i) => {
    t = addItem(t, "mekanisme", f.name, f.description);
    t = updateItem(t, "mekanisme", `M${i + 1}`, { origin: f.origin, category: f.cat === null ? null : MECHANISM_CATEGORIES[f.cat] });
  });
  for (const l of p.links) {
    const from = l.kind === "aktivitet-delmaal" ? t.activities : t.subGoals;
    const to = l.kind === "delmaal-slutmaal" ? t.finalGoals : t.subGoals;
    if (from.length === 0 || to.length === 0) continue;
    const a = from[l.a % from.length].id;
    const b = to[l.b % to.length].id;
    if (a === b) continue;
    t = setLink(t, l.kind, a, b, true, l.rationale);
    const link = t.links.find((x) => x.kind === l.kind && x.from === a && x.to === b)!;
    t = updateLink(t, link.id, { rationale: l.rationale });
    if (l.mech !== null && t.mechanisms.length > 0) t = setLinkMechanism(t, link.id, t.mechanisms[l.mech % t.mechanisms.length].id, true);
  }
  for (const [a, m] of p.am) {
    if (t.activities.length === 0 || t.mechanisms.length === 0) continue;
    t = setActivityMechanism(t, t.activities[a % t.activities.length].id, t.mechanisms[m % t.mechanisms.length].id, true);
  }
  return t;
}

/** The theory for a plan (the plan is first turned into plain objects: fast-check may create records without prototype). */
export function build(p: Plan): ProgrammeTheory {
  return buildPlain(JSON.parse(JSON.stringify(p)) as Plan);
}
