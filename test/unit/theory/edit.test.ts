import {
  addItem,
  emptyTheory,
  moveItem,
  nextId,
  removeItem,
  setActivityMechanism,
  setLink,
  setLinkMechanism,
  updateItem,
  updateLink,
  updateTargetGroup,
  wouldCreateCycle,
  ProgrammeTheory,
} from "../../../src/core/theory";
import { VirkningError } from "../../../src/core/errors";

function small(): ProgrammeTheory {
  let t = emptyTheory("Test");
  t = addItem(t, "slutmaal", "I job");
  t = addItem(t, "delmaal", "Borgeren kan møde stabilt");
  t = addItem(t, "delmaal", "Borgeren kan arbejde 10 timer");
  t = addItem(t, "aktivitet", "Praktik");
  t = addItem(t, "mekanisme", "Tæt opfølgning");
  t = setLink(t, "aktivitet-delmaal", "A1", "D1", true);
  t = setLink(t, "delmaal-delmaal", "D1", "D2", true);
  t = setLink(t, "delmaal-slutmaal", "D2", "S1", true);
  t = setActivityMechanism(t, "A1", "M1", true);
  t = setLinkMechanism(t, "L1", "M1", true);
  return t;
}

describe("editing a theory", () => {
  it("adds items with stable ids per kind, user origin and no category for mechanisms", () => {
    const t = small();
    expect(t.finalGoals.map((x) => x.id)).toEqual(["S1"]);
    expect(t.subGoals.map((x) => x.id)).toEqual(["D1", "D2"]);
    expect(t.activities[0]).toEqual({ id: "A1", name: "Praktik", description: "", origin: "bruger" });
    expect(t.mechanisms[0].category).toBeNull();
    expect(t.links.map((l) => l.id)).toEqual(["L1", "L2", "L3"]);
  });

  it("never changes its argument", () => {
    const t = small();
    const before = JSON.stringify(t);
    addItem(t, "delmaal", "x");
    removeItem(t, "delmaal", "D1");
    moveItem(t, "delmaal", "D2", -1);
    updateItem(t, "mekanisme", "M1", { category: "tilgange" });
    setLink(t, "delmaal-slutmaal", "D1", "S1", true);
    updateTargetGroup(t, { size: 5 });
    expect(JSON.stringify(t)).toBe(before);
  });

  it("does not reuse a removed id in the middle, and keeps ids when moving", () => {
    let t = small();
    t = addItem(t, "delmaal", "Borgeren kan søge job");
    t = removeItem(t, "delmaal", "D2");
    expect(nextId(t, "delmaal")).toBe("D4");
    t = moveItem(t, "delmaal", "D3", -5);
    expect(t.subGoals.map((g) => g.id)).toEqual(["D3", "D1"]);
    t = moveItem(t, "delmaal", "D3", 1);
    expect(t.subGoals.map((g) => g.id)).toEqual(["D1", "D3"]);
  });

  it("removing an item removes its links; removing a mechanism detaches it everywhere", () => {
    let t = small();
    t = removeItem(t, "delmaal", "D1");
    expect(t.links.map((l) => `${l.from}>${l.to}`)).toEqual(["D2>S1"]);
    t = small();
    t = removeItem(t, "aktivitet", "A1");
    expect(t.activityMechanisms).toEqual([]);
    expect(t.links.some((l) => l.from === "A1")).toBe(false);
    t = removeItem(small(), "mekanisme", "M1");
    expect(t.activityMechanisms).toEqual([]);
    expect(t.links.every((l) => l.mechanismIds.length === 0)).toBe(true);
  });

  it("removing an indicator removes the field (so the theory equals one read back from the sheet)", () => {
    const ind = { name: "x", dataSource: "y", times: { kind: "months" as const, months: [0] }, reached: { kind: "statuses" as const, statuses: ["Jobparat"] } };
    let t = updateItem(small(), "slutmaal", "S1", { indicator: ind });
    expect(t.finalGoals[0].indicator).toEqual(ind);
    t = updateItem(t, "slutmaal", "S1", { indicator: undefined });
    expect("indicator" in t.finalGoals[0]).toBe(false);
  });

  it("updates fields but not the id", () => {
    const t = updateItem(small(), "mekanisme", "M1", { name: "Opfølgning hver uge", category: "organisatoriske rammer" });
    expect(t.mechanisms[0]).toMatchObject({ id: "M1", name: "Opfølgning hver uge", category: "organisatoriske rammer" });
  });

  it("setLink on/off is idempotent and refuses unknown items and self-links", () => {
    const t = small();
    expect(setLink(t, "delmaal-slutmaal", "D2", "S1", true)).toBe(t);
    const off = setLink(t, "delmaal-slutmaal", "D2", "S1", false);
    expect(off.links).toHaveLength(2);
    expect(setLink(off, "delmaal-slutmaal", "D2", "S1", false)).toBe(off);
    expect(() => setLink(t, "aktivitet-delmaal", "A9", "D1", true)).toThrow(VirkningError);
    expect(() => setLink(t, "aktivitet-delmaal", "D1", "D2", true)).toThrow(/aktivitet/);
    expect(() => setLink(t, "delmaal-delmaal", "D1", "D1", true)).toThrow(/sig selv/);
  });

  it("updates rationale and mechanisms of a link", () => {
    let t = updateLink(small(), "L2", { rationale: "Stabilitet før timer" });
    expect(t.links[1].rationale).toBe("Stabilitet før timer");
    t = setLinkMechanism(t, "L1", "M1", false);
    expect(t.links[0].mechanismIds).toEqual([]);
    expect(() => updateLink(t, "L9", { rationale: "x" })).toThrow(VirkningError);
  });

  it("tells whether a sub-goal link would close a cycle", () => {
    const t = small();
    expect(wouldCreateCycle(t, "D2", "D1")).toBe(true);
    let u = addItem(t, "delmaal", "Borgeren kan tage bussen");
    expect(wouldCreateCycle(u, "D3", "D1")).toBe(false);
    u = setLink(u, "delmaal-delmaal", "D3", "D1", true);
    expect(wouldCreateCycle(u, "D2", "D3")).toBe(true);
  });
});
