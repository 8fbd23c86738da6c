import * as fs from "node:fs";
import * as path from "node:path";
import {
  ACTIVITY_CATALOGUE,
  addFromCatalogue,
  defaultIndicator,
  emptyTheory,
  MECHANISM_CATALOGUE,
  STANDARD_STATUSES,
  STATUS,
  TEMPLATES,
  updateItem,
  addItem,
  validateTheory,
} from "../../../src/core/theory";

// KL (2013), section 4.2 "Eksempler på aktiviteter" (about p. 20), kept verbatim as a fixture with its source.
const seed = fs
  .readFileSync(path.join(__dirname, "..", "..", "fixtures", "theory", "kl-2013-4.2-eksempler-paa-aktiviteter.txt"), "utf8")
  .split("\n")
  .filter((line) => !line.startsWith("#"))
  .join("\n")
  .replace(/\s+/g, " ");

describe("KL catalogue", () => {
  it("holds KL's eight mechanisms for each target group, each with a category, as the KL templates use them", () => {
    for (const [group, tplId] of [["unge", "kl-unge-helhed"], ["over30", "kl-over30-helhed"]] as const) {
      const entries = MECHANISM_CATALOGUE.filter((m) => m.group === group);
      expect(entries).toHaveLength(8);
      for (const e of entries) expect(["kompetencer", "ressourcer", "tilgange", "organisatoriske rammer"]).toContain(e.category);
      const tpl = TEMPLATES.find((t) => t.id === tplId)!.build();
      expect(entries.map((e) => [e.name, e.category])).toEqual(tpl.mechanisms.map((m) => [m.name, m.category]));
    }
    expect(new Set(MECHANISM_CATALOGUE.map((m) => m.key)).size).toBe(16);
  });

  // Each example activity of KL's youth section (4.2, "Eksempler på aktiviteter") as printed, and the entry that offers it.
  const youth: [string, string][] = [
    ["undervisning i arbejdsmarkedsforhold, uddannelsesmuligheder", "Undervisning i arbejdsmarkedsforhold og uddannelsesmuligheder"],
    ["kost og motionsaktiviteter", "Kost- og motionsaktiviteter"],
    ["• værksteder", "Værksteder"],
    ["gruppebaserede mestringskurser (fx om angst, depression, ADHD)", "Mestringskurser i grupper"],
    ["individuel og gruppebaseret vejledning", "Individuel og gruppebaseret vejledning"],
    ["jobsøgningsaktiviteter med henblik på virksomhedspraktik eller løntilskud", "Jobsøgning rettet mod virksomhedspraktik eller løntilskud"],
    ["vejledning om personlig optræden og personlig hygiejne", "Vejledning om personlig optræden og hygiejne"],
    ["forberedende voksenundervisning", "Forberedende voksenundervisning"],
    ["rådgivning og vejledning om hverdagsmestring og økonomi", "Rådgivning og vejledning om hverdagsmestring og økonomi"],
    ["læse/skrive-kurser", "Læse- og skrivekurser"],
  ];
  it.each(youth)("offers the youth example »%s«", (printed, entry) => {
    expect(seed).toContain(printed);
    expect(ACTIVITY_CATALOGUE.filter((a) => a.group === "unge").map((a) => a.name)).toContain(entry);
  });

  it("offers the over-30 examples too, and no activity twice within a group", () => {
    const over30 = ACTIVITY_CATALOGUE.filter((a) => a.group === "over30").map((a) => a.name);
    for (const name of ["Ordblindekurser", "Pc-undervisning", "Virksomhedsbesøg", "Virksomhedspraktik", "Forforløb i et aktivcenter"]) expect(over30).toContain(name);
    for (const g of ["unge", "over30"]) {
      const names = ACTIVITY_CATALOGUE.filter((a) => a.group === g).map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(ACTIVITY_CATALOGUE.filter((a) => a.group === "unge")).toHaveLength(youth.length);
  });

  it("adds an entry as a source item with its category, ready for validation", () => {
    const entry = MECHANISM_CATALOGUE.find((m) => m.key === "over30-m6")!;
    const { theory, id } = addFromCatalogue(emptyTheory(), "mekanisme", entry);
    expect(id).toBe("M1");
    expect(theory.mechanisms[0]).toEqual({ id: "M1", name: entry.name, description: entry.description, origin: "kilde", category: "ressourcer" });
    expect(validateTheory(theory).filter((i) => i.itemIds.includes("M1")).map((i) => i.code)).toEqual(["MECHANISM_UNUSED"]);
    const act = addFromCatalogue(theory, "aktivitet", ACTIVITY_CATALOGUE[0]);
    expect(act.theory.activities[0]).toMatchObject({ id: "A1", name: ACTIVITY_CATALOGUE[0].name, origin: "kilde" });
  });
});

describe("default indicators and statuses", () => {
  it("slutmål: forsørgelsesstatus from the case system at 6, 12 and 18 months; incomplete until a status is chosen", () => {
    const ind = defaultIndicator("slutmaal");
    expect(ind).toEqual({
      name: "Status ved opfølgning efter 6, 12 og 18 måneder",
      dataSource: "Fagsystem: forsørgelsesstatus",
      times: { kind: "months", months: [6, 12, 18] },
      reached: { kind: "statuses", statuses: [] },
    });
    let t = addItem(emptyTheory(), "slutmaal", "Job");
    t = updateItem(t, "slutmaal", "S1", { indicator: ind });
    expect(validateTheory(t).map((i) => i.code)).toContain("INDICATOR_INVALID");
    t = updateItem(t, "slutmaal", "S1", { indicator: { ...ind, reached: { kind: "statuses", statuses: [STATUS.jobparat] } } });
    expect(validateTheory(t).map((i) => i.code)).not.toContain("INDICATOR_INVALID");
  });

  it("delmål: a 1–5 progression scale every 6 weeks with named steps, reached at 4, and complete as it is", () => {
    const ind = defaultIndicator("delmaal");
    expect(ind.times).toEqual({ kind: "weeks", everyWeeks: 6, count: 8 });
    expect(ind.reached).toEqual({ kind: "scale", min: 1, max: 5, labels: ["Slet ikke", "I lav grad", "I nogen grad", "I høj grad", "I meget høj grad"], reachedAt: 4 });
    expect(ind.dataSource).toMatch(/^Progressionsmåling/);
    // No more a "share who reached the goal" from the case system on a 1–5 scale.
    expect(ind.dataSource).not.toMatch(/Fagsystem/);
    let t = addItem(emptyTheory(), "delmaal", "Borgeren kan møde stabilt");
    t = updateItem(t, "delmaal", "D1", { indicator: ind });
    expect(validateTheory(t).map((i) => i.code)).not.toContain("INDICATOR_INVALID");
    expect(defaultIndicator("delmaal", "en").name).toBe("Progression every 6 weeks (scale 1–5)");
  });

  it("the standard statuses include every status the templates count as reached, spelled the same", () => {
    const used = new Set(TEMPLATES.flatMap((t) => [...t.build().finalGoals].flatMap((g) => (g.indicator?.reached.kind === "statuses" ? g.indicator.reached.statuses : []))));
    for (const s of used) expect(STANDARD_STATUSES).toContain(s);
    expect(new Set(STANDARD_STATUSES).size).toBe(STANDARD_STATUSES.length);
  });
});
