import { outcomesFromTheory, statusMatches, suggestedOutcomes } from "../../../src/core/analysis";
import type { ProgrammeTheory } from "../../../src/core/theory/model";
import { TEMPLATES } from "../../../src/core/theory/templates";

function theory(): ProgrammeTheory {
  const months = { kind: "months" as const, months: [0, 6, 12, 18] };
  return {
    title: "Test",
    targetGroup: { name: "", description: "", characteristics: [], size: null, inclusion: [], exclusion: [] },
    finalGoals: [
      { id: "S1", name: "Afklaret", description: "", origin: "bruger", indicator: { name: "Status", dataSource: "Fagsystem", times: months, reached: { kind: "statuses", statuses: ["Jobparat", " Fleksjob ", ""] } } },
      { id: "S2", name: "Uden indikator", description: "", origin: "bruger" },
    ],
    subGoals: [
      { id: "D1", name: "Borgeren kan møde stabilt", description: "", origin: "bruger", indicator: { name: "Skala", dataSource: "Progressionsmåling", times: { kind: "weeks", everyWeeks: 6, count: 4 }, reached: { kind: "scale", min: 1, max: 5, labels: [], reachedAt: 4 } } },
      { id: "D2", name: "Borgeren er i praktik", description: "", origin: "bruger", indicator: { name: "Status", dataSource: "Fagsystem", times: months, reached: { kind: "statuses", statuses: ["Kontanthjælp – i praktik"] } } },
    ],
    activities: [],
    mechanisms: [],
    activityMechanisms: [],
    links: [],
  };
}

describe("outcome definitions", () => {
  it("the three suggestions", () => {
    const [a, b, c] = suggestedOutcomes();
    expect(a.name).toBe("Afklaret til job/uddannelse");
    expect(a.statuses).toEqual(["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"]);
    expect(b.name).toBe("Afklaret fra kontanthjælp");
    expect(b.statuses).toEqual([...a.statuses, "FØP"]);
    expect(c.name).toBe("Progression mod job");
    expect(c.statuses).toEqual([...b.statuses, "Kontanthjælp – i praktik", "Kontanthjælp – afventer praktik", "Ordinære timer"]);
  });

  it("status matching ignores case, spaces and the kind of dash", () => {
    expect(statusMatches("kontanthjælp - i praktik", ["Kontanthjælp – i praktik"])).toBe(true);
    expect(statusMatches("FØP", ["føp"])).toBe(true);
    expect(statusMatches("Kontanthjælp", ["Kontanthjælp – i praktik"])).toBe(false);
  });

  it("slutmål and delmål with status indicators become outcomes; scale indicators and goals without indicators do not", () => {
    const o = outcomesFromTheory(theory());
    expect(o).toEqual([
      { id: "slutmaal-S1", name: "Afklaret", statuses: ["Jobparat", "Fleksjob"], source: { kind: "slutmaal", id: "S1" } },
      { id: "delmaal-D2", name: "Borgeren er i praktik", statuses: ["Kontanthjælp – i praktik"], source: { kind: "delmaal", id: "D2" } },
    ]);
  });

  it("works on the shipped templates (every outcome has statuses and a source)", () => {
    for (const t of TEMPLATES) {
      const o = outcomesFromTheory(t.build());
      for (const x of o) {
        expect(x.statuses.length).toBeGreaterThan(0);
        expect(x.source?.id).toMatch(/^[SD]\d+$/);
      }
    }
    const all = TEMPLATES.flatMap((t) => outcomesFromTheory(t.build()));
    expect(all.length).toBeGreaterThan(0);
  });
});
