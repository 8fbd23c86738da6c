/** What a programme theory lacks of KL's five parts (for the checklist's suggestion). */
import type { Text } from "../stats";
import type { ProgrammeTheory } from "../theory/model";

export function theoryGaps(t: ProgrammeTheory): Text[] {
  const gaps: Text[] = [];
  if (!t.targetGroup.name.trim() && !t.targetGroup.description.trim()) gaps.push({ da: "målgruppe", en: "target group" });
  if (t.activities.length === 0) gaps.push({ da: "aktiviteter", en: "activities" });
  if (t.subGoals.length === 0) gaps.push({ da: "delmål", en: "sub-goals" });
  if (t.finalGoals.length === 0) gaps.push({ da: "slutmål", en: "final goals" });
  if (t.mechanisms.length === 0) gaps.push({ da: "mekanismer", en: "mechanisms" });
  return gaps;
}

/** What the checklist needs to know about the programme theory: the parts it lacks and its error count. */
export function theoryFacts(t: { theory: ProgrammeTheory; errors: number }): { missing: Text[]; errors: number } {
  return { missing: theoryGaps(t.theory), errors: t.errors };
}
