import { TEMPLATES, validateTheory, OUTCOME_CLARIFIED_JOB_EDUCATION, OUTCOME_CLARIFIED_OFF_BENEFIT } from "../../../src/core/theory";

describe("templates", () => {
  it("offers the seven templates named in the issue", () => {
    expect(TEMPLATES.map((t) => t.id)).toHaveLength(7);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(7);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s validates without errors and names its source", (_id, t) => {
    const theory = t.build();
    const errors = validateTheory(theory).filter((i) => i.severity === "error");
    expect(errors.map((e) => e.message.da)).toEqual([]);
    expect(theory.source?.title).toBeTruthy();
    expect(theory.source?.publisher).toBeTruthy();
    expect(theory.source?.year).toBeGreaterThan(2000);
    // Every goal carries an indicator, every item says where it comes from.
    for (const g of [...theory.finalGoals, ...theory.subGoals]) expect(g.indicator).toBeDefined();
    for (const i of [...theory.finalGoals, ...theory.subGoals, ...theory.activities, ...theory.mechanisms]) {
      expect(["kilde", "forslag"]).toContain(i.origin);
    }
    for (const g of theory.subGoals) expect(g.name).toMatch(/^Borgeren kan /);
  });

  it("builds a fresh copy each time (editing one does not change the next)", () => {
    const a = TEMPLATES[0].build();
    a.mechanisms[0].name = "ændret";
    a.targetGroup.characteristics.push("x");
    const b = TEMPLATES[0].build();
    expect(b.mechanisms[0].name).not.toBe("ændret");
    expect(b.targetGroup.characteristics).not.toContain("x");
  });

  const klYoung = ["kl-unge-helhed", "kl-unge-virksomhed"];
  const klOver30 = ["kl-over30-helhed", "kl-over30-virksomhed"];
  it.each([...klYoung, ...klOver30])("%s carries its group's eight KL mechanisms, all from the source", (id) => {
    const theory = TEMPLATES.find((t) => t.id === id)!.build();
    expect(theory.mechanisms).toHaveLength(8);
    expect(theory.mechanisms.every((m) => m.origin === "kilde" && m.category !== null)).toBe(true);
    expect(theory.source?.publisher).toMatch(/KL/);
    expect(theory.source?.year).toBe(2013);
  });

  it("young-people and over-30 templates use their own group's mechanisms", () => {
    const names = (id: string) => TEMPLATES.find((t) => t.id === id)!.build().mechanisms.map((m) => m.name);
    expect(names("kl-unge-helhed")).toEqual(names("kl-unge-virksomhed"));
    expect(names("kl-over30-helhed")).toEqual(names("kl-over30-virksomhed"));
    expect(names("kl-unge-helhed")).not.toEqual(names("kl-over30-helhed"));
    // Group-specific mechanisms from KL 4.3 and 5.3.
    expect(names("kl-unge-helhed").join(" ")).toMatch(/konsekvens og respekt/i);
    expect(names("kl-over30-helhed").join(" ")).toMatch(/resultatopgørelser/i);
  });

  it("social-medical template: target group, activities, final goals with status sets aligned with the comparison", () => {
    const t = TEMPLATES.find((x) => x.id === "socialmedicinsk")!.build();
    expect(t.targetGroup.name).toMatch(/aktivitetsparate/i);
    expect(t.targetGroup.inclusion.join(" ")).toMatch(/1–5 år/);
    expect(t.activities.map((a) => a.name).join(" | ")).toMatch(/udredning.*koordinator.*handleplan.*Psykoedukation.*fysioterapeut.*Virksomhedsrettet/is);
    const byName = new Map(t.finalGoals.map((g) => [g.indicator!.name, g.indicator!.reached]));
    expect(byName.get("Afklaret til job/uddannelse")).toEqual({ kind: "statuses", statuses: ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse"] });
    expect(byName.get("Afklaret fra kontanthjælp")).toEqual({ kind: "statuses", statuses: ["Jobparat", "Fleksjob", "Revalidering", "Uddannelse", "FØP"] });
    expect(OUTCOME_CLARIFIED_OFF_BENEFIT).toEqual([...OUTCOME_CLARIFIED_JOB_EDUCATION, "FØP"]);
    expect(t.mechanisms).toHaveLength(5);
  });
});
