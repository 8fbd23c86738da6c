import {
  addItem,
  emptyTheory,
  findSubGoalCycles,
  ProgrammeTheory,
  setLink,
  updateItem,
  updateTargetGroup,
  validateTheory,
  ValidationIssue,
} from "../../../src/core/theory";

const IND = { name: "Status", dataSource: "Fagsystem", times: { kind: "months" as const, months: [0, 6] }, reached: { kind: "statuses" as const, statuses: ["Jobparat"] } };

/** A theory that passes every rule. */
function valid(): ProgrammeTheory {
  let t = emptyTheory("Gyldig");
  t = updateTargetGroup(t, { name: "Ledige", size: 40 });
  t = addItem(t, "slutmaal", "I job");
  t = addItem(t, "delmaal", "Borgeren kan møde stabilt");
  t = addItem(t, "delmaal", "Borgeren kan arbejde 10 timer");
  t = addItem(t, "aktivitet", "Praktik");
  t = addItem(t, "mekanisme", "Tæt opfølgning");
  t = updateItem(t, "mekanisme", "M1", { category: "ressourcer" });
  t = updateItem(t, "slutmaal", "S1", { indicator: IND });
  t = updateItem(t, "delmaal", "D1", { indicator: IND });
  t = updateItem(t, "delmaal", "D2", { indicator: IND });
  t = setLink(t, "aktivitet-delmaal", "A1", "D1", true);
  t = setLink(t, "delmaal-delmaal", "D1", "D2", true);
  t = setLink(t, "delmaal-slutmaal", "D2", "S1", true);
  return t;
}
const codes = (issues: ValidationIssue[]) => issues.map((i) => `${i.severity}:${i.code}`);

describe("validateTheory", () => {
  it("finds nothing wrong in a complete theory", () => {
    expect(validateTheory(valid())).toEqual([]);
  });

  it("no final goal is an error", () => {
    let t = emptyTheory();
    t = updateTargetGroup(t, { name: "x", size: 1 });
    expect(codes(validateTheory(t))).toEqual(["error:NO_FINAL_GOAL"]);
    expect(validateTheory(t)[0].message.da).toMatch(/intet slutmål/);
  });

  it("a sub-goal that reaches no final goal (not even through other sub-goals) is an error naming it", () => {
    expect(validateTheory(valid()).some((i) => i.code === "SUBGOAL_NO_FINAL_GOAL")).toBe(false); // D1 reaches S1 via D2
    const t = setLink(valid(), "delmaal-slutmaal", "D2", "S1", false);
    const issues = validateTheory(t).filter((i) => i.code === "SUBGOAL_NO_FINAL_GOAL");
    expect(issues.map((i) => i.itemIds[0])).toEqual(["D1", "D2"]);
    expect(issues[0].severity).toBe("error");
    expect(issues[0].message.da).toBe("Delmål D1 »Borgeren kan møde stabilt« fører ikke til et slutmål – hverken direkte eller via andre delmål.");
    expect(issues[0].message.en).toMatch(/^Sub-goal D1 .* leads to no final goal/);
  });

  it("an activity serving no sub-goal is an error", () => {
    const t = addItem(valid(), "aktivitet", "Kursus");
    expect(codes(validateTheory(t))).toEqual(["error:ACTIVITY_NO_SUBGOAL"]);
    expect(validateTheory(t)[0].itemIds).toEqual(["A2"]);
  });

  it("a mechanism without category is an error", () => {
    const t = addItem(valid(), "mekanisme", "Ledelsesopbakning");
    expect(codes(validateTheory(t))).toEqual(["error:MECHANISM_NO_CATEGORY"]);
  });

  it("a goal without indicator is a warning", () => {
    const t = updateItem(valid(), "slutmaal", "S1", { indicator: undefined });
    expect(codes(validateTheory(t))).toEqual(["warning:GOAL_NO_INDICATOR"]);
  });

  it("an incomplete indicator is an error", () => {
    const t = updateItem(valid(), "delmaal", "D1", { indicator: { ...IND, reached: { kind: "scale", min: 1, max: 5, labels: [], reachedAt: 6 } } });
    expect(codes(validateTheory(t))).toEqual(["error:INDICATOR_INVALID"]);
  });

  it("empty target-group size is a warning asking KL's question", () => {
    const t = updateTargetGroup(valid(), { size: null });
    const issues = validateTheory(t);
    expect(codes(issues)).toEqual(["warning:TARGET_GROUP_NO_SIZE"]);
    expect(issues[0].message.da).toMatch(/Hvor stor er målgruppen\?/);
    expect(codes(validateTheory(updateTargetGroup(valid(), { size: -3 })))).toEqual(["error:TARGET_GROUP_BAD_SIZE"]);
  });

  it("duplicate names within a kind are an error (case and spaces ignored); equal names across kinds are fine", () => {
    let t = addItem(valid(), "delmaal", "borgeren kan  møde stabilt");
    t = updateItem(t, "delmaal", "D3", { indicator: IND });
    t = setLink(t, "delmaal-slutmaal", "D3", "S1", true);
    const issues = validateTheory(t);
    expect(codes(issues)).toEqual(["error:DUPLICATE_NAME"]);
    expect(issues[0].itemIds).toEqual(["D1", "D3"]);
    let u = addItem(valid(), "aktivitet", "I job");
    u = setLink(u, "aktivitet-delmaal", "A2", "D1", true);
    expect(validateTheory(u)).toEqual([]);
  });

  it("an empty name is an error", () => {
    const t = updateItem(valid(), "aktivitet", "A1", { name: "  " });
    expect(codes(validateTheory(t))).toEqual(["error:EMPTY_NAME"]);
  });

  it("a cycle among sub-goals is an error naming every item in the cycle, in order", () => {
    let t = addItem(valid(), "delmaal", "Borgeren kan tage bussen");
    t = updateItem(t, "delmaal", "D3", { indicator: IND });
    t = setLink(t, "delmaal-delmaal", "D2", "D3", true);
    t = setLink(t, "delmaal-delmaal", "D3", "D1", true);
    const cyc = validateTheory(t).filter((i) => i.code === "CYCLE");
    expect(cyc).toHaveLength(1);
    expect(cyc[0].itemIds).toEqual(["D1", "D2", "D3"]);
    expect(cyc[0].message.da).toContain("Delmål D1 »Borgeren kan møde stabilt« → Delmål D2 »Borgeren kan arbejde 10 timer« → Delmål D3 »Borgeren kan tage bussen« → Delmål D1");
  });

  it("finds separate cycles separately and none in a chain", () => {
    let t = emptyTheory();
    for (const n of ["a", "b", "c", "d", "e"]) t = addItem(t, "delmaal", `Borgeren kan ${n}`);
    t = setLink(t, "delmaal-delmaal", "D1", "D2", true);
    t = setLink(t, "delmaal-delmaal", "D2", "D3", true);
    expect(findSubGoalCycles(t)).toEqual([]);
    t = setLink(t, "delmaal-delmaal", "D2", "D1", true);
    t = setLink(t, "delmaal-delmaal", "D4", "D5", true);
    t = setLink(t, "delmaal-delmaal", "D5", "D4", true);
    expect(findSubGoalCycles(t).map((c) => [...c].sort())).toEqual(expect.arrayContaining([["D1", "D2"], ["D4", "D5"]]));
    expect(findSubGoalCycles(t)).toHaveLength(2);
  });

  it("a link pointing at a missing item is an error", () => {
    const t = valid();
    const broken = { ...t, links: [...t.links, { id: "L9", kind: "delmaal-slutmaal" as const, from: "D7", to: "S1", rationale: "", mechanismIds: [] }] };
    expect(codes(validateTheory(broken))).toEqual(["error:LINK_UNKNOWN_ITEM"]);
  });

  it("names the cell when the theory came from the sheet", () => {
    const t = addItem(valid(), "aktivitet", "Kursus");
    const issues = validateTheory(t, { cells: { A2: "Programteori!B40" } });
    expect(issues[0].cell).toBe("Programteori!B40");
    expect(issues[0].message.da).toMatch(/^Programteori!B40: Aktivitet A2 »Kursus« understøtter intet delmål\.$/);
  });
});
