import {
  addItem,
  emptyTheory,
  findSubGoalCycles,
  ProgrammeTheory,
  removeItem,
  setActivityMechanism,
  setLink,
  setLinkMechanism,
  stepStatuses,
  TEMPLATES,
  updateItem,
  updateTargetGroup,
  validateTheory,
  ValidationIssue,
} from "../../../src/core/theory";

const IND = { name: "Status", dataSource: "Fagsystem", times: { kind: "months" as const, months: [0, 6] }, reached: { kind: "statuses" as const, statuses: ["Jobparat"] } };

/** A theory that passes every rule. */
function valid(): ProgrammeTheory {
  let t = emptyTheory("Gyldig");
  t = updateTargetGroup(t, { name: "Ledige", size: 40, characteristics: ["18–29 år", "Uden uddannelse"] });
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
  t = setActivityMechanism(t, "A1", "M1", true);
  return t;
}
const codes = (issues: ValidationIssue[]) => issues.map((i) => `${i.severity}:${i.code}`);

describe("validateTheory", () => {
  it("finds nothing wrong in a complete theory", () => {
    expect(validateTheory(valid())).toEqual([]);
  });

  it("an empty theory names every step that is missing, in KL's order, each with its step", () => {
    const issues = validateTheory(emptyTheory());
    expect(issues.map((i) => [i.step, i.code])).toEqual([
      ["maalgruppe", "TARGET_GROUP_NO_NAME"],
      ["maalgruppe", "TARGET_GROUP_NO_CHARACTERISTICS"],
      ["maalgruppe", "TARGET_GROUP_NO_SIZE"],
      ["slutmaal", "NO_FINAL_GOAL"],
      ["delmaal", "NO_SUBGOAL"],
      ["aktiviteter", "NO_ACTIVITY"],
      ["mekanismer", "NO_MECHANISM"],
    ]);
    expect(issues.find((i) => i.code === "NO_FINAL_GOAL")?.message.da).toMatch(/intet slutmål/);
    expect(issues.find((i) => i.code === "TARGET_GROUP_NO_CHARACTERISTICS")?.message.da).toMatch(/Hvilke kendetegn har målgruppen/);
  });

  it("the messages of the five-step rules are English in English (no Danish words left in them)", () => {
    let t = updateTargetGroup(emptyTheory(), { name: "Youth", size: 100 });
    t = addItem(addItem(t, "slutmaal", "Job"), "delmaal", "Can attend");
    t = addItem(t, "mekanisme", "Mentor skills");
    const issues = [...validateTheory(emptyTheory()), ...validateTheory(t)];
    expect(issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["NO_FINAL_GOAL", "NO_SUBGOAL", "NO_ACTIVITY", "NO_MECHANISM", "TARGET_GROUP_NO_CHARACTERISTICS", "FINAL_GOAL_NO_SUBGOAL"]),
    );
    for (const i of issues) {
      expect({ code: i.code, en: i.message.en }).toEqual({ code: i.code, en: expect.not.stringMatching(/[æøåÆØÅ]/) });
      expect(i.message.en).not.toBe(i.message.da);
    }
  });

  it("a theory with only a target group and final goals is not reported as complete (the issue's example)", () => {
    let t = updateTargetGroup(emptyTheory(), { name: "Unge", size: 100 });
    t = addItem(addItem(t, "slutmaal", "Job"), "slutmaal", "Uddannelse");
    const got = codes(validateTheory(t));
    expect(got).toEqual(expect.arrayContaining(["error:NO_SUBGOAL", "error:NO_ACTIVITY", "error:NO_MECHANISM", "warning:TARGET_GROUP_NO_CHARACTERISTICS"]));
    // Per-final-goal noise waits until there are sub-goals to link.
    expect(got).not.toContain("error:FINAL_GOAL_NO_SUBGOAL");
  });

  it("each step with content must have its items: removing all items of a step flags that step only", () => {
    const t = valid();
    expect(codes(validateTheory(removeItem(t, "mekanisme", "M1")))).toEqual(["error:NO_MECHANISM"]);
    expect(codes(validateTheory(removeItem(t, "aktivitet", "A1")))).toEqual(["error:NO_ACTIVITY", "error:MECHANISM_UNUSED"]);
    expect(validateTheory(removeItem(t, "aktivitet", "A1")).find((i) => i.code === "NO_ACTIVITY")?.message.da).toMatch(/ingen aktiviteter/);
  });

  it("a target group without kendetegn is a warning in step 1; blank lines do not count as kendetegn", () => {
    const t = updateTargetGroup(valid(), { characteristics: ["  ", ""] });
    const issues = validateTheory(t, { cells: { "targetGroup.characteristics": "Programteori!B7" } });
    expect(codes(issues)).toEqual(["warning:TARGET_GROUP_NO_CHARACTERISTICS"]);
    expect(issues[0].step).toBe("maalgruppe");
    expect(issues[0].cell).toBe("Programteori!B7");
    expect(codes(validateTheory(updateTargetGroup(valid(), { characteristics: ["Ledige over 30"] })))).toEqual([]);
  });

  it("a mechanism attached to no activity and no link is an error; attached to a link only is fine", () => {
    let t = addItem(valid(), "mekanisme", "Ledelsesopbakning");
    t = updateItem(t, "mekanisme", "M2", { category: "organisatoriske rammer" });
    const issues = validateTheory(t);
    expect(codes(issues)).toEqual(["error:MECHANISM_UNUSED"]);
    expect(issues[0]).toMatchObject({ step: "mekanismer", itemIds: ["M2"] });
    expect(issues[0].message.da).toBe("Mekanisme M2 »Ledelsesopbakning« er ikke knyttet til nogen aktivitet eller sammenhæng. Hvilke aktiviteter skal den få til at virke?");
    const link = t.links.find((l) => l.kind === "delmaal-slutmaal")!;
    expect(validateTheory(setLinkMechanism(t, link.id, "M2", true))).toEqual([]);
  });

  it("a final goal that no sub-goal leads to is an error naming it", () => {
    let t = addItem(valid(), "slutmaal", "Uddannelse");
    t = updateItem(t, "slutmaal", "S2", { indicator: IND });
    const issues = validateTheory(t, { cells: { S2: "Programteori!B21" } });
    expect(codes(issues)).toEqual(["error:FINAL_GOAL_NO_SUBGOAL"]);
    expect(issues[0]).toMatchObject({ step: "delmaal", itemIds: ["S2"], cell: "Programteori!B21" });
    expect(issues[0].message.da).toBe("Programteori!B21: Intet delmål fører til Slutmål S2 »Uddannelse«. Hvilke delmål skal borgeren nå på vejen dertil?");
    expect(validateTheory(setLink(t, "delmaal-slutmaal", "D2", "S2", true))).toEqual([]);
  });

  it("a sub-goal that no activity works towards, directly or through earlier sub-goals, is an error in step 4", () => {
    // D1 is served by A1 directly; D2 through D1. Cut A1 → D1 and add a second activity elsewhere.
    let t = addItem(valid(), "aktivitet", "Mentor");
    t = setLink(t, "aktivitet-delmaal", "A2", "D2", true);
    t = setLink(t, "aktivitet-delmaal", "A1", "D1", false);
    t = setLink(t, "aktivitet-delmaal", "A1", "D2", true);
    t = setActivityMechanism(t, "A2", "M1", true);
    const issues = validateTheory(t);
    expect(codes(issues)).toEqual(["error:SUBGOAL_NO_ACTIVITY"]);
    expect(issues[0]).toMatchObject({ step: "aktiviteter", itemIds: ["D1"] });
    expect(issues[0].message.da).toMatch(/^Ingen aktivitet arbejder hen imod Delmål D1 »Borgeren kan møde stabilt«/);
    // Served through an earlier sub-goal counts: valid() has no direct link A → D2.
    expect(valid().links.some((l) => l.kind === "aktivitet-delmaal" && l.to === "D2")).toBe(false);
    expect(validateTheory(valid())).toEqual([]);
  });

  it("every issue of the rules carries its step", () => {
    for (const tpl of TEMPLATES) {
      let t = tpl.build();
      t = addItem(addItem(addItem(addItem(t, "slutmaal", ""), "delmaal", ""), "aktivitet", ""), "mekanisme", "");
      for (const i of validateTheory(t)) expect(i.step).toBeDefined();
    }
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
    expect(validateTheory(t)[0].step).toBe("aktiviteter");
    expect(validateTheory(t)[0].itemIds).toEqual(["A2"]);
  });

  it("a mechanism without category is an error", () => {
    let t = addItem(valid(), "mekanisme", "Ledelsesopbakning");
    t = setActivityMechanism(t, "A1", "M2", true);
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
    t = setLink(t, "aktivitet-delmaal", "A1", "D3", true);
    const issues = validateTheory(t);
    expect(codes(issues)).toEqual(["error:DUPLICATE_NAME"]);
    expect(issues[0].itemIds).toEqual(["D1", "D3"]);
    let u = addItem(valid(), "aktivitet", "I job");
    u = setLink(u, "aktivitet-delmaal", "A2", "D1", true);
    u = setActivityMechanism(u, "A2", "M1", true);
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

describe("stepStatuses", () => {
  it("says empty, incomplete or done per step, and done everywhere exactly when there are no issues", () => {
    expect(stepStatuses(emptyTheory(), validateTheory(emptyTheory()))).toEqual({
      maalgruppe: "empty",
      slutmaal: "empty",
      delmaal: "empty",
      aktiviteter: "empty",
      mekanismer: "empty",
    });
    const t = valid();
    expect(Object.values(stepStatuses(t, validateTheory(t)))).toEqual(["done", "done", "done", "done", "done"]);
    const u = addItem(t, "aktivitet", "Kursus");
    expect(stepStatuses(u, validateTheory(u))).toMatchObject({ aktiviteter: "incomplete", delmaal: "done", mekanismer: "done" });
    const v = updateTargetGroup(t, { characteristics: [] });
    expect(stepStatuses(v, validateTheory(v)).maalgruppe).toBe("incomplete");
  });

  it("every template breaks none of the rules; only the local size of the target group is left to fill in", () => {
    for (const tpl of TEMPLATES) {
      const built = tpl.build();
      expect([tpl.id, validateTheory(built).map((i) => i.code)]).toEqual([tpl.id, built.targetGroup.size === null ? ["TARGET_GROUP_NO_SIZE"] : []]);
      const t = updateTargetGroup(built, { size: 120 });
      const issues = validateTheory(t);
      expect([tpl.id, issues.map((i) => i.code)]).toEqual([tpl.id, []]);
      expect(new Set(Object.values(stepStatuses(t, issues)))).toEqual(new Set(["done"]));
    }
  });
});
