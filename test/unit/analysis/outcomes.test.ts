import { outcomeNamesFromTheory, outcomesFromTheory, statusMatches, suggestedOutcomes } from "../../../src/core/analysis";
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
  it("the four usual definitions, each including the one before (canonical labels when the data has none)", () => {
    const [a, b, c, d] = suggestedOutcomes();
    expect(a.name).toBe("Afklaret til job/uddannelse");
    expect(a.statuses).toEqual(["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"]);
    expect(b.name).toBe("Afklaret fra kontanthjælp");
    expect(b.statuses).toEqual([...a.statuses, "FØP"]);
    expect(c.name).toBe("Progression mod job");
    expect(c.statuses).toEqual([...a.statuses, "Kontanthjælp – i praktik", "Kontanthjælp – afventer praktik", "Kontanthjælp – ordinære timer"]);
    expect(c.statuses).not.toContain("FØP");
    expect(d.name).toBe("Progression mod afklaring");
    expect(d.statuses).toEqual([...c.statuses, "FØP"]);
  });

  it("matches the statuses as the data spells them, by meaning", () => {
    const data = [
      "Kontanthjælp",
      "kontanthjælp - i praktik",
      "Kth. afventer virksomhedspraktik",
      "Kontanthjælp – ordinære timer",
      "JOBPARAT",
      "Ikke jobparat",
      "Fleksjob",
      "Ordinær uddannelse",
      "Uddannelseshjælp",
      "Førtidspension",
      "Fraflyttet",
    ];
    const [a, b, c, d] = suggestedOutcomes(data);
    expect(a.statuses).toEqual(["JOBPARAT", "Fleksjob", "Revalidering", "Ordinær uddannelse"]);
    expect(b.statuses).toEqual([...a.statuses, "Førtidspension"]);
    expect(c.statuses).toEqual([...a.statuses, "kontanthjælp - i praktik", "Kth. afventer virksomhedspraktik", "Kontanthjælp – ordinære timer"]);
    expect(d.statuses).toEqual([...c.statuses, "Førtidspension"]);
    for (const o of [a, b, c, d]) for (const x of ["Kontanthjælp", "Ikke jobparat", "Uddannelseshjælp", "Fraflyttet"]) expect(o.statuses).not.toContain(x);
  });

  it("two spellings of one meaning are both included", () => {
    const c = suggestedOutcomes(["Ordinære timer", "Kontanthjælp med ordinære timer", "FØP"])[2];
    expect(c.statuses).toContain("Ordinære timer");
    expect(c.statuses).toContain("Kontanthjælp med ordinære timer");
    expect(c.statuses).not.toContain("FØP");
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

  it("outcomes from the theory take its current names; statuses, other outcomes and goals gone since stay as they were", () => {
    const t = theory();
    const stored = [
      { id: "slutmaal-S1", name: "Afklaret", statuses: ["Jobparat"], source: { kind: "slutmaal" as const, id: "S1" } },
      { id: "delmaal-D2", name: "Borgeren er i praktik", statuses: ["Praktik"], source: { kind: "delmaal" as const, id: "D2" } },
      { id: "delmaal-D7", name: "Slettet delmål", statuses: ["X"], source: { kind: "delmaal" as const, id: "D7" } },
      { id: "own", name: "I job", statuses: ["Job"] },
    ];
    const renamed: ProgrammeTheory = { ...t, finalGoals: t.finalGoals.map((g) => ({ ...g, name: "Afklaret til job" })), subGoals: t.subGoals.map((g) => (g.id === "D2" ? { ...g, name: "Borgeren er i virksomhedspraktik" } : g)) };
    expect(outcomeNamesFromTheory(stored, renamed)).toEqual([
      { ...stored[0], name: "Afklaret til job" },
      { ...stored[1], name: "Borgeren er i virksomhedspraktik" },
      stored[2],
      stored[3],
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
