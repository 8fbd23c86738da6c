import { inspectData, runComparison, suggestSettings, type ComparisonResult, type ComparisonSettings, type OutcomeResult } from "../../../src/core/analysis";
import { VirkningValidationError } from "../../../src/core/errors";
import { AGE_I, AGE_K, HEADER, pilotLong, pilotRows, pilotSettings } from "./fixture";

const NOW = new Date("2026-11-28T09:30:00Z");

function wideSettings(over: Partial<ComparisonSettings> = {}): ComparisonSettings {
  return { ...pilotSettings(), ...over };
}

function run(over: Partial<ComparisonSettings> = {}): ComparisonResult {
  return runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, wideSettings(over), NOW);
}

function outcome(r: ComparisonResult, name: string): OutcomeResult {
  const o = r.outcomes.find((x) => x.name === name);
  if (!o) throw new Error(`no outcome ${name}`);
  return o;
}

describe("runComparison on a hand-checked pilot (10 + 10 citizens)", () => {
  const r = run();
  const job = outcome(r, "Afklaret til job/uddannelse");
  const progress = outcome(r, "Progression mod job");

  it("has a header block with range, rows, version and time", () => {
    expect(r.header.dataRange).toBe("Borgere!A1:H21");
    expect(r.header.rowCount).toBe(20);
    expect(r.header.citizens).toEqual({ intervention: 10, control: 10, total: 20 });
    expect(r.header.version).toBe("0.1.0");
    expect(r.header.generatedAt).toBe("2026-11-28T09:30:00.000Z");
  });

  it("tests only follow-ups, not inclusion (month 0)", () => {
    expect(r.months).toEqual([0, 6, 12, 18]);
    expect(job.rows.map((x) => x.month)).toEqual([6, 12, 18]);
  });

  it("6 months: 3/10 vs 1/10, difference 20 percentage points, Fisher (expected count 2 < 5), R p = 0.5820", () => {
    const row = job.rows[0];
    expect(row.counts).toEqual({ intervention: { x: 3, n: 10 }, control: { x: 1, n: 10 } });
    expect(row.riskDifference?.estimate).toBeCloseTo(0.2, 12);
    // Newcombe hybrid score interval computed independently from the formula (Python): -0.15979, 0.51415
    expect(row.riskDifference?.lower).toBeCloseTo(-0.1597936, 6);
    expect(row.riskDifference?.upper).toBeCloseTo(0.5141462, 6);
    // RR = 0.3 / 0.1 = 3; OR = (3*9)/(7*1) = 27/7
    expect(row.relativeRisk?.estimate).toBeCloseTo(3, 12);
    expect(row.oddsRatio?.estimate).toBeCloseTo(27 / 7, 12);
    // R: fisher.test(matrix(c(3,1,7,9),2))$p.value = 0.582043
    expect(row.test?.pValue).toBeCloseTo(0.582043, 5);
    expect(row.test?.method.da).toMatch(/Fisher/);
  });

  it("matches statuses ignoring case and dash: 'Kontanthjælp - i praktik' counts for Progression mod job", () => {
    // progression: indsats 3 Jobparat; kontrol 1 Fleksjob + 2 i praktik = 3
    expect(progress.rows[0].counts).toEqual({ intervention: { x: 3, n: 10 }, control: { x: 3, n: 10 } });
    expect(progress.rows[0].riskDifference?.estimate).toBeCloseTo(0, 12);
  });

  it("12 months, nobody changed status: 0/10 vs 0/10, RR, OR and p shown as missing with a plain note (no error text)", () => {
    const row = job.rows[1];
    expect(row.counts).toEqual({ intervention: { x: 0, n: 10 }, control: { x: 0, n: 10 } });
    expect(row.riskDifference?.estimate).toBe(0);
    expect(row.relativeRisk).toBeNull();
    expect(row.oddsRatio).toBeNull();
    const notes = row.notes.map((n) => n.da).join(" ");
    expect(notes).toMatch(/ingen i nogen af grupperne nået målet, så der er ingen forskel at teste/);
    expect(notes).not.toMatch(/Tabellen skal have/);
    expect(row.test).toBeNull();
    expect(row.ciSentence?.da).toMatch(/indeholder 95 %-konfidensintervallet for forskellen .* 0: data kan ikke udelukke/);
  });

  it("18 months: moved away and blank are outside N: 4/8 vs 0/8 (a group with zero events), R p = 0.07692", () => {
    const row = job.rows[2];
    expect(row.counts).toEqual({ intervention: { x: 4, n: 8 }, control: { x: 0, n: 8 } });
    expect(row.riskDifference?.estimate).toBeCloseTo(0.5, 12);
    // Newcombe (Python, independent): 0.068326, 0.784784
    expect(row.riskDifference?.lower).toBeCloseTo(0.0683263, 6);
    expect(row.riskDifference?.upper).toBeCloseTo(0.7847839, 6);
    // Haldane: RR = (4.5/9)/(0.5/9) = 9; OR = (4.5*8.5)/(4.5*0.5) = 17
    expect(row.relativeRisk?.estimate).toBeCloseTo(9, 10);
    expect(row.oddsRatio?.estimate).toBeCloseTo(17, 10);
    expect(row.test?.pValue).toBeCloseTo(0.076923, 5);
  });

  it("counts missing data per time point and group", () => {
    const m18 = r.missing.filter((m) => m.month === 18);
    expect(m18).toEqual([
      { month: 18, arm: "intervention", total: 10, valid: 8, notFollowedUp: 1, movedAway: 1, excluded: 0 },
      { month: 18, arm: "control", total: 10, valid: 8, notFollowedUp: 2, movedAway: 0, excluded: 0 },
    ]);
    expect(r.notes.map((n) => n.da).join(" ")).toMatch(/N = borgere med en gyldig status/);
  });

  it("status table: every status with n per time × group; the blank row last; columns sum to N", () => {
    const st = r.statusTable;
    expect(st.columns.slice(0, 2)).toEqual([
      { month: 0, arm: "intervention", N: 10 },
      { month: 0, arm: "control", N: 10 },
    ]);
    const labels = st.rows.map((x) => x.label);
    // goal reached (first outcome) → on the way (other outcomes) → other; then by count
    expect(st.rows.map((x) => x.group)).toEqual(["reached", "reached", "reached", "onTheWay", "other", "other", "other"]);
    expect(labels).toEqual(["Uddannelse", "Jobparat", "Fleksjob", "Kontanthjælp - i praktik", "Kontanthjælp", "Fraflyttet", ""]);
    expect(st.rows[st.rows.length - 1].class).toBe("blank");
    const jobparat = labels.indexOf("Jobparat");
    // column 2 = 6 months intervention
    expect(st.counts[jobparat][2]).toBe(3);
    for (let j = 0; j < st.columns.length; j++) expect(st.counts.reduce((s, row) => s + row[j], 0)).toBe(10);
  });

  it("Tabel 1: categorical n and SMD; continuous mean (SD) when Shapiro–Wilk does not reject; no p-values by default", () => {
    const [sex, age] = r.baseline.variables;
    if (sex.type !== "categorical" || age.type !== "continuous") throw new Error("types");
    const women = sex.levels.find((l) => l.label === "Kvinde");
    expect(women?.count).toEqual({ intervention: 6, control: 5 });
    // SMD = (0.6 - 0.5) / sqrt((0.24 + 0.25) / 2) = 0.20203
    expect(women?.smd).toBeCloseTo(0.2020305, 6);
    expect(sex.test).toBeNull();
    // R: mean 40.1 / 38.1, sd 11.98564 / 11.53208; shapiro p 0.5906 / 0.8751 -> mean (SD)
    expect(age.summary).toBe("meanSd");
    expect(age.stats.intervention.mean).toBeCloseTo(40.1, 10);
    expect(age.stats.control.sd).toBeCloseTo(11.53208, 5);
    expect(age.stats.intervention.normalityP).toBeCloseTo(0.5905621, 4);
    expect(age.smd).toBeCloseTo(0.1700529, 6);
    expect(age.test).toBeNull();
    expect(r.baseline.notes.map((n) => n.da).join(" ")).toMatch(/CONSORT/);
  });

  it("baseline p-values when asked: Welch t-test for mean (SD) (R p = 0.7082) and Fisher for sex (R p = 1)", () => {
    const r2 = run({ baselinePValues: true });
    const [sex, age] = r2.baseline.variables;
    expect(age.test?.pValue).toBeCloseTo(0.7082163, 5);
    expect(age.test?.method.da).toMatch(/Welch|t-test/);
    expect(sex.test?.pValue).toBeCloseTo(1, 6);
  });

  it("uses median (min–max) when normality is rejected", () => {
    const rows = pilotRows();
    const skewed = [1, 1, 1, 1, 1, 1, 2, 2, 30, 95];
    rows.forEach((row, i) => (row[3] = skewed[i % 10]));
    const r3 = runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows }, wideSettings(), NOW);
    const age = r3.baseline.variables[1];
    if (age.type !== "continuous") throw new Error("type");
    expect(age.summary).toBe("medianRange");
    expect(age.stats.intervention.median).toBe(1);
    expect(age.stats.intervention.max).toBe(95);
  });

  it("Pearson policy names Pearson's test", () => {
    const r4 = run({ testPolicy: "pearson" });
    expect(outcome(r4, "Afklaret til job/uddannelse").rows[0].test?.method.da).toMatch(/Pearson/);
    // 12 months: a column with total 0; no chi-square possible -> no p-value, a note instead
    const row12 = outcome(r4, "Afklaret til job/uddannelse").rows[1];
    expect(row12.test).toBeNull();
    expect(row12.notes.length).toBeGreaterThan(0);
  });
});

describe("wide and long layouts", () => {
  it("give the same result", () => {
    const wide = run();
    const { header, rows } = pilotLong();
    const settings = wideSettings({ source: { sheet: "Borgere", address: "A1", layout: "long" } });
    settings.columns = { id: 0, group: 1, baseline: settings.columns.baseline, timepoints: [], long: { time: 4, status: 5 } };
    const long = runComparison({ sheet: "Borgere", address: "A1", header, rows }, settings, NOW);
    expect(long.months).toEqual(wide.months);
    expect(long.statusTable.counts).toEqual(wide.statusTable.counts);
    expect(long.outcomes).toEqual(wide.outcomes);
    expect(long.missing).toEqual(wide.missing);
    expect(long.baseline).toEqual(wide.baseline);
    expect(long.header.citizens).toEqual(wide.header.citizens);
  });
});

describe("inspectData and suggestSettings", () => {
  it("detect roles, statuses and group labels with counts", () => {
    const info = inspectData({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() });
    expect(info.suggestion.id).toBe(0);
    expect(info.suggestion.group).toBe(1);
    expect(info.suggestion.timepoints).toEqual([
      { column: 4, month: 0 },
      { column: 5, month: 6 },
      { column: 6, month: 12 },
      { column: 7, month: 18 },
    ]);
    expect(info.suggestion.baseline).toEqual([
      { column: 2, type: "categorical" },
      { column: 3, type: "continuous" },
    ]);
    expect(info.groupLabels.map((g) => [g.label, g.count, g.arm])).toEqual([
      ["Indsats", 10, "intervention"],
      ["Kontrol", 10, "control"],
    ]);
    const statuses = Object.fromEntries(info.statuses.map((s) => [s.label, s.count]));
    // 10 + 10 at 0, 7 + 7 at 6, 20 at 12, 4 + 8 at 18
    expect(statuses["Kontanthjælp"]).toBe(20 + 14 + 20 + 12);
    expect(statuses["Fraflyttet"]).toBe(1);
  });

  it("suggested settings run as they are and classify Fraflyttet as moved away", () => {
    const input = { sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() };
    const s = suggestSettings(input);
    expect(s.statusClasses["Fraflyttet"]).toBe("movedAway");
    expect(s.testPolicy).toBe("auto");
    expect(s.baselinePValues).toBe(false);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    const r = runComparison(input, s, NOW);
    expect(r.outcomes[0].rows[0].counts.intervention).toEqual({ x: 3, n: 10 });
  });

  it("detects the long layout", () => {
    const { header, rows } = pilotLong();
    const info = inspectData({ sheet: "Borgere", address: "A1", header, rows });
    expect(info.suggestion.layout).toBe("long");
    expect(info.suggestion.long).toEqual({ time: 4, status: 5 });
  });
});

describe("unclassified statuses", () => {
  it("are listed with counts and the first cell, nothing computed", () => {
    const s = wideSettings();
    delete s.statusClasses["Uddannelse"];
    let err: unknown;
    try {
      runComparison({ sheet: "Borgere", address: "A1", header: HEADER, rows: pilotRows() }, s, NOW);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VirkningValidationError);
    const problems = (err as VirkningValidationError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].code).toBe("UNCLASSIFIED_STATUS");
    // first Uddannelse: row 2 (P01), column H (18 mdr); 4 times
    expect(problems[0].message).toContain("Borgere!H2");
    expect(problems[0].message).toContain("4 gange");
    expect(problems[0].location).toEqual({ sheet: "Borgere", cell: "H2" });
  });
});

test("AGE fixtures are what the comments say", () => {
  expect(AGE_I).toHaveLength(10);
  expect(AGE_K).toHaveLength(10);
});
