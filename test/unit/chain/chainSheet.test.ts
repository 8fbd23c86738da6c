/** The chain sheet, the coloured diagram, the status rule's boundaries and the "Holder kæden?" line. */
import { chainBrief, chainDiagramSheetSpec, chainSheetSpec, decideLink, decideMoved, LINK_STYLES, MIN_PER_GROUP, runChain, type TwoShares } from "../../../src/core/chain";
import type { ConnectorSpec, BoxShapeSpec } from "../../../src/core/report/sheetSpec";
import { checkSheetSpecs } from "../../../src/core/report/specCheck";
import { estimatedLines } from "../../../src/core/report/wrappedLine";
import { summarySheetSpec } from "../../../src/core/summary";
import { baseInput, grid } from "../summary/helpers";
import { chainInput, datasets, NOW } from "./fixture";

const shares = (n1: number, n2: number, lower: number | null): TwoShares => ({ first: { x: 1, n: n1 }, second: { x: 1, n: n2 }, difference: 0.1, lower, upper: lower === null ? null : lower + 0.3, pValue: 0.5, test: null, notes: [] });
const rule = { kind: "threshold" as const, at: 4 };

describe("status rule boundaries (delmål → slutmål)", () => {
  it(`needs ${MIN_PER_GROUP} citizens on each side`, () => {
    expect(decideLink({ association: shares(MIN_PER_GROUP - 1, 20, 0.2), rule, month: 12 }, true).status).toBe("forLidtData");
    expect(decideLink({ association: shares(20, MIN_PER_GROUP - 1, 0.2), rule, month: 12 }, true).status).toBe("forLidtData");
    expect(decideLink({ association: shares(MIN_PER_GROUP, MIN_PER_GROUP, 0.2), rule, month: 12 }, true).status).toBe("stoettet");
  });
  it("is støttet only when the lower limit is above 0 (a limit exactly 0 counts as including 0)", () => {
    expect(decideLink({ association: shares(10, 10, 1e-9), rule, month: 12 }, true).status).toBe("stoettet");
    expect(decideLink({ association: shares(10, 10, 0), rule, month: 12 }, true).status).toBe("ikkeStoettet");
    expect(decideLink({ association: shares(10, 10, -0.4), rule, month: 12 }, true).status).toBe("ikkeStoettet");
  });
  it("says why when the delmål is not measured or the slutmål has no outcome", () => {
    expect(decideLink({ association: null, rule: null, month: 12 }, true).reason.da).toMatch(/målingsarket/);
    expect(decideLink({ association: null, rule, month: null }, false).reason.da).toMatch(/resultatmål/);
  });
});

describe("moved rule boundaries (aktivitet → delmål)", () => {
  it("needs 5 paired citizens, more improved than worse and p < 0.05", () => {
    expect(decideMoved({ paired: 4, improved: 4, worse: 0, pValue: 0.01 }, true).status).toBe("forLidtData");
    expect(decideMoved({ paired: 5, improved: 4, worse: 0, pValue: 0.049 }, true).status).toBe("flyttet");
    expect(decideMoved({ paired: 5, improved: 4, worse: 0, pValue: 0.05 }, true).status).toBe("ikkeFlyttet");
    expect(decideMoved({ paired: 9, improved: 2, worse: 6, pValue: 0.01 }, true).status).toBe("ikkeFlyttet");
  });
});

describe.each(datasets.map((d) => [d.name, d] as const))("chain sheet: %s", (_n, d) => {
  const input = chainInput(d);
  const res = runChain(input, NOW);
  const spec = chainSheetSpec(res, "da");
  const cells = grid(spec);
  const flat = cells.flat().filter((v) => v !== undefined && v !== null);

  it("passes the SheetSpec checks and prints the footer", () => {
    expect(() => checkSheetSpecs([spec, chainDiagramSheetSpec(input.theory, res, "da")])).not.toThrow();
    expect(spec.pageSetup?.footer?.left?.[0]).toEqual({ text: expect.stringContaining("Virkning") });
  });

  it("gives the slutmål's name columns C–F of the status table, and a row tall enough for the longer name", () => {
    const head = cells.findIndex((r) => r?.[0] === "Forbindelse" && r[2] === "Slutmål");
    expect(head).toBeGreaterThan(0);
    res.outcomeLinks.forEach((l, i) => {
      const row = head + 2 + i;
      expect(cells[row - 1][2]).toBe(`${l.finalGoalId}: ${l.finalGoalName}`);
      expect(spec.merges).toContain(`C${row}:F${row}`);
      const lines = Math.max(estimatedLines(`${l.subGoalId}: ${l.subGoalName}`, 150), estimatedLines(`${l.finalGoalId}: ${l.finalGoalName}`, 4 * 62));
      const height = spec.rowHeights?.find((h) => h.row === row)?.height;
      if (lines > 1) expect(height).toBe(lines * 15);
      else expect(height).toBeUndefined();
    });
  });

  it("writes the association difference as a number in percentage points, equal to R", () => {
    const start = cells.findIndex((r) => typeof r?.[0] === "string" && r[0].startsWith("Sammenhæng blandt alle målte borgere"));
    expect(start).toBeGreaterThan(0);
    const assoc = cells.slice(start);
    for (const want of d.expected.outcomeLinks) {
      const row = assoc.find((r) => r && r[0] === `${want.linkId}: ${res.outcomeLinks.find((l) => l.linkId === want.linkId)!.subGoalId} → ${res.outcomeLinks.find((l) => l.linkId === want.linkId)!.finalGoalId}` && typeof r[2] === "number" && r[2] === want.association.n[0] && r[4] === want.association.n[1]);
      expect(row).toBeDefined();
      if (want.association.difference[0] === null) expect(row![6]).toBe("–");
      else expect(Math.abs((row![6] as number) - want.association.difference[0] * 100)).toBeLessThan(1e-8);
    }
  });

  it("states the rule, calls the association an association, and writes no citizen ID", () => {
    expect(flat.join("\n")).toMatch(/Statusreglen/);
    expect(flat.join("\n")).toMatch(/en sammenhæng, ikke en effekt/);
    const ids = new Set([...d.rows.map((r) => r.citizen), ...d.caseRows.map((r) => r[0])]);
    for (const v of flat) if (typeof v === "string") for (const id of ids) expect(v.split(/[\s,.:;()]+/)).not.toContain(id);
  });

  it("draws every assessed link in its status's colour, line style and label, with a legend", () => {
    const dia = chainDiagramSheetSpec(input.theory, res, "da");
    const shapes = dia.shapes ?? [];
    const lines = shapes.filter((s): s is ConnectorSpec => s.kind === "connector");
    const texts = shapes.filter((s): s is BoxShapeSpec => s.kind === "textBox");
    const styleOf = { stoettet: "supported", flyttet: "supported", ikkeStoettet: "notSupported", ikkeFlyttet: "notSupported", forLidtData: "tooLittle" } as const;
    for (const l of [...res.outcomeLinks, ...res.activityLinks]) {
      const st = LINK_STYLES[styleOf[l.status]];
      const segs = lines.filter((c) => c.id === `Pil_${l.linkId}` || c.id.startsWith(`Pil_${l.linkId}_`));
      expect(segs.length).toBeGreaterThan(0);
      for (const c of segs) expect([c.lineColor, c.dashStyle, c.weight]).toEqual([st.lineColor, st.dashStyle, st.weight]);
      const label = texts.find((x) => x.id === `Status_${l.linkId}`);
      expect(label?.text).toBe(st.word.da === "støttet" && l.status === "flyttet" ? "flyttet" : st.word.da === "ikke støttet" && l.status === "ikkeFlyttet" ? "ikke flyttet" : st.word.da);
    }
    // the delmål → delmål link is not assessed
    expect(texts.find((x) => x.id === "Status_L4")?.text).toBe("ikke vurderet");
    // three distinct line styles: colour is not the only carrier
    expect(new Set(Object.values(LINK_STYLES).map((s) => `${s.dashStyle}/${s.weight}`)).size).toBe(4);
    const legend = texts.filter((x) => x.id.startsWith("Forklaring_tekst_")).map((x) => x.text);
    expect(legend).toEqual([expect.stringMatching(/^støttet/), expect.stringMatching(/^ikke støttet/), expect.stringMatching(/^for lidt data/), expect.stringMatching(/^ikke vurderet/)]);
    expect(lines.filter((c) => c.id.startsWith("Forklaring_linje_")).map((c) => c.dashStyle)).toEqual(["solid", "dash", "dot", "solid"]);
  });
});

describe("Holder kæden? on the Ledelsesoverblik", () => {
  const d = datasets[0];
  const input = chainInput(d);
  const res = runChain(input, NOW);
  const brief = chainBrief(input.theory, res);

  it("counts each slutmål's links by status", () => {
    expect(brief.goals).toEqual([
      { id: "S1", name: "Job", supported: 1, notSupported: 1, tooLittle: 0 },
      { id: "S2", name: "Uddannelse", supported: 0, notSupported: 1, tooLittle: 0 },
    ]);
  });

  it("prints one line per slutmål when a chain result is given, and none without", () => {
    const text = (chain: typeof brief | null) => grid(summarySheetSpec(baseInput({ chain })).spec).flat().filter((v): v is string => typeof v === "string");
    const withChain = text(brief).filter((s) => s.startsWith("Holder kæden?"));
    expect(withChain).toEqual(["Holder kæden? S1 Job: 1 af 2 forbindelser fra delmål er støttet i data (1 ikke støttet).", "Holder kæden? S2 Uddannelse: 0 af 1 forbindelser fra delmål er støttet i data (1 ikke støttet)."]);
    expect(text(null).some((s) => s.startsWith("Holder kæden?"))).toBe(false);
  });
});
