import {
  addItem,
  BOX_PADDING_X,
  BOX_PADDING_Y,
  estimateTextWidth,
  cellsOf,
  diagramSheetSpec,
  DiagramBox,
  DiagramLayout,
  emptyTheory,
  layoutDiagram,
  ProgrammeTheory,
  setLink,
  TEMPLATES,
  updateTargetGroup,
  wrapText,
} from "../../../src/core/theory";
import { BoxShapeSpec, ConnectorSpec } from "../../../src/core/report/sheetSpec";
import { parseRange } from "../../../src/core/report/address";
import fc from "fast-check";
import { build, plan } from "./arbitraries";

function overlap(a: DiagramBox, b: DiagramBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A large theory: long names, 14 activities, a 5-step chain of sub-goals, 12 mechanisms. */
function large(): ProgrammeTheory {
  let t = emptyTheory("En meget stor programteori med mange elementer og en titel, der er så lang, at den ikke kan stå på én linje i 16 punkt");
  t = updateTargetGroup(t, { name: "Aktivitetsparate kontanthjælpsmodtagere med sammensatte problemer", size: 1250 });
  const long = "med en ganske lang beskrivelse der skal ombrydes over flere linjer i boksen";
  t = addItem(t, "slutmaal", `Afklaret til job eller uddannelse ${long}`);
  for (let i = 1; i <= 8; i++) t = addItem(t, "delmaal", `Borgeren kan trin ${i} ${long}`);
  for (let i = 1; i <= 14; i++) t = addItem(t, "aktivitet", `Aktivitet nummer ${i} ${long}`);
  for (let i = 1; i <= 12; i++) t = addItem(t, "mekanisme", `Mekanisme ${i} ${long}`);
  for (let i = 1; i <= 4; i++) t = setLink(t, "delmaal-delmaal", `D${i}`, `D${i + 1}`, true);
  for (let i = 5; i <= 8; i++) t = setLink(t, "delmaal-slutmaal", `D${i}`, "S1", true);
  for (let i = 1; i <= 14; i++) t = setLink(t, "aktivitet-delmaal", `A${i}`, `D${((i - 1) % 8) + 1}`, true);
  return t;
}

const cases: [string, ProgrammeTheory][] = [
  ...TEMPLATES.map((t) => [t.id, t.build()] as [string, ProgrammeTheory]),
  ["empty", emptyTheory()],
  ["large", large()],
];

function check(layout: DiagramLayout, theory: ProgrammeTheory): void {
  const { boxes, pageWidth, pageHeight, margin } = layout;
  // Every item has a box (plus the target group).
  expect(boxes).toHaveLength(1 + theory.finalGoals.length + theory.subGoals.length + theory.activities.length + theory.mechanisms.length);
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(margin - 1e-9);
    expect(b.y).toBeGreaterThanOrEqual(margin - 1e-9);
    expect(b.x + b.width).toBeLessThanOrEqual(pageWidth - margin + 1e-9);
    expect(b.y + b.height).toBeLessThanOrEqual(pageHeight - margin + 1e-9);
    // Lines fit the width inside Excel's text insets (7.2 pt left and right), and all lines fit the height.
    for (const line of b.lines) expect(estimateTextWidth(line, b.fontSize, b.bold)).toBeLessThanOrEqual(b.width - 2 * BOX_PADDING_X * layout.scale + 1e-9);
    expect(b.lines.length * b.fontSize * 1.25 + 2 * BOX_PADDING_Y * layout.scale).toBeLessThanOrEqual(b.height + 1e-9);
  }
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect([boxes[i].id, boxes[j].id, overlap(boxes[i], boxes[j])]).toEqual([boxes[i].id, boxes[j].id, false]);
  // Headings (title, column headings) fit their width and lie on the page.
  for (const h of layout.headings) {
    expect(estimateTextWidth(h.text, h.fontSize, h.bold) + 2 * BOX_PADDING_X * layout.scale).toBeLessThanOrEqual(h.width + 1e-6);
    // Tall enough for one line plus the top and bottom insets (a heading must not be clipped).
    expect(h.fontSize * 1.25 + 2 * BOX_PADDING_Y * layout.scale).toBeLessThanOrEqual(h.height + 1e-6);
    expect(h.x + h.width).toBeLessThanOrEqual(pageWidth - margin + 1e-6);
    expect(h.y + h.height).toBeLessThanOrEqual(pageHeight - margin + 1e-6);
  }
  // One connector per link, joining the two boxes' edges.
  expect(layout.connectors.map((c) => c.id).sort()).toEqual(theory.links.map((l) => l.id).sort());
  const byId = new Map(boxes.map((b) => [b.id, b]));
  for (const c of layout.connectors) {
    const a = byId.get(c.from)!;
    const z = byId.get(c.to)!;
    const p = c.points[0];
    const q = c.points[c.points.length - 1];
    const near = (u: number, v: number) => Math.abs(u - v) < 1e-6;
    expect(near(p.x, a.x) || near(p.x, a.x + a.width)).toBe(true);
    expect(p.y).toBeGreaterThanOrEqual(a.y);
    expect(p.y).toBeLessThanOrEqual(a.y + a.height);
    expect(near(q.x, z.x) || near(q.x, z.x + z.width)).toBe(true);
    expect(q.y).toBeGreaterThanOrEqual(z.y);
    expect(q.y).toBeLessThanOrEqual(z.y + z.height);
  }
}

/** True when segment p–q passes through the interior of box b (shrunk by 0.5 pt). */
function crosses(p: { x: number; y: number }, q: { x: number; y: number }, b: DiagramBox): boolean {
  const x0 = b.x + 0.5, x1 = b.x + b.width - 0.5, y0 = b.y + 0.5, y1 = b.y + b.height - 0.5;
  let t0 = 0, t1 = 1;
  const dx = q.x - p.x, dy = q.y - p.y;
  for (const [pp, qq] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const r = qq / pp;
      if (pp < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

describe("layoutDiagram", () => {
  // (Theories without links have no connectors: nothing to check there.)
  it.each(cases.filter(([, t]) => layoutDiagram(t).connectors.length > 0))("%s: no connector runs through a box", (_id, theory) => {
    const l = layoutDiagram(theory);
    for (const c of l.connectors) {
      for (let i = 0; i + 1 < c.points.length; i++) {
        for (const b of l.boxes) expect([c.id, b.id, crosses(c.points[i], c.points[i + 1], b)]).toEqual([c.id, b.id, false]);
      }
    }
  });

  it.each(cases)("%s: no overlaps, inside the A4 page, text fits, one connector per link", (_id, theory) => {
    check(layoutDiagram(theory), theory);
    check(layoutDiagram(theory, { lang: "en" }), theory);
  });

  it("any theory built in the pane: no overlaps, inside the page, text fits, one connector per link, none through a box (property)", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const theory = build(p);
        const l = layoutDiagram(theory);
        check(l, theory);
        for (const c of l.connectors) {
          for (let i = 0; i + 1 < c.points.length; i++) for (const b of l.boxes) expect(crosses(c.points[i], c.points[i + 1], b)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: goal names are wrapped between words, never inside a word", (_id, tpl) => {
    const theory = tpl.build();
    const l = layoutDiagram(theory);
    for (const g of [...theory.subGoals, ...theory.finalGoals]) {
      expect(l.boxes.find((b) => b.id === g.id)!.lines.join(" ")).toBe(g.name.replace(/\s+/g, " "));
    }
  });

  it("places columns Målgruppe → Aktiviteter → Delmål → Slutmål and mechanisms below", () => {
    const theory = TEMPLATES.find((t) => t.id === "socialmedicinsk")!.build();
    const l = layoutDiagram(theory);
    const xs = (kind: DiagramBox["kind"]) => l.boxes.filter((b) => b.kind === kind).map((b) => b.x);
    expect(Math.max(...xs("maalgruppe"))).toBeLessThan(Math.min(...xs("aktivitet")));
    expect(Math.max(...xs("aktivitet"))).toBeLessThan(Math.min(...xs("delmaal")));
    expect(Math.max(...xs("delmaal"))).toBeLessThan(Math.min(...xs("slutmaal")));
    const lowestOther = Math.max(...l.boxes.filter((b) => b.kind !== "mekanisme").map((b) => b.y + b.height));
    for (const m of l.boxes.filter((b) => b.kind === "mekanisme")) expect(m.y).toBeGreaterThan(lowestOther);
    expect(l.headings.map((h) => h.text)).toEqual(expect.arrayContaining(["Målgruppe", "Aktiviteter", "Delmål", "Slutmål", "Virksomme mekanismer"]));
    // Mechanism boxes name their category; activity boxes list their mechanisms.
    const m5 = l.boxes.find((b) => b.id === "M5")!;
    expect(m5.lines.join(" ")).toMatch(/^M5: Tværfagligt team \(organisatoriske rammer\)$/);
    expect(l.boxes.find((b) => b.id === "A1")!.lines.join(" ")).toMatch(/\(M1, M3, M5\)$/);
    expect(layoutDiagram(theory, { lang: "en" }).boxes.find((b) => b.id === "M5")!.lines.join(" ")).toMatch(/\(organisational frameworks\)$/);
  });

  it("puts a delmål that leads to another delmål to its left", () => {
    const theory = TEMPLATES.find((t) => t.id === "socialmedicinsk")!.build();
    const l = layoutDiagram(theory);
    const box = (id: string) => l.boxes.find((b) => b.id === id)!;
    // D1 → D2 → D5 in the social-medical template.
    expect(box("D1").x).toBeLessThan(box("D2").x);
    expect(box("D2").x).toBeLessThan(box("D5").x);
  });

  it("shrinks the font for a large theory and keeps it at 12 pt for a small one", () => {
    let small = emptyTheory("Lille");
    small = addItem(small, "slutmaal", "I job");
    expect(layoutDiagram(small).fontSize).toBe(12);
    let medium = emptyTheory("Mellemstor");
    medium = addItem(medium, "slutmaal", "Afklaret til job eller uddannelse");
    for (let i = 1; i <= 6; i++) medium = addItem(medium, "delmaal", `Borgeren kan klare trin ${i} på vejen mod job`);
    for (let i = 1; i <= 18; i++) medium = addItem(medium, "aktivitet", `Aktivitet ${i}: samtaler og praktik i en virksomhed`);
    for (let i = 1; i <= 6; i++) medium = addItem(medium, "mekanisme", `Mekanisme ${i}`);
    const mid = layoutDiagram(medium);
    expect(mid.fontSize).toBeLessThan(12);
    expect(mid.fontSize).toBeGreaterThanOrEqual(6);
    expect(mid.scale).toBe(1);
    check(mid, medium);
  });

  it("scales the whole drawing down when even the smallest font does not fit", () => {
    let t = emptyTheory();
    for (let i = 1; i <= 40; i++) t = addItem(t, "aktivitet", `Aktivitet ${i} med et navn, der fylder godt i boksen`);
    const l = layoutDiagram(t);
    expect(l.scale).toBeLessThan(1);
    check(l, t);
  });

  it("wrapText splits on words and breaks words longer than the line", () => {
    expect(wrapText("Borgeren kan møde stabilt", 62, 10)).toEqual(["Borgeren kan", "møde stabilt"]);
    const pieces = wrapText("Arbejdsmarkedsparathedsvurdering", 50, 10);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join("")).toBe("Arbejdsmarkedsparathedsvurdering");
    for (const p of pieces) expect(estimateTextWidth(p, 10)).toBeLessThanOrEqual(50);
  });

  it("bold text is measured wider than regular text, and wide letters wider than narrow ones", () => {
    expect(estimateTextWidth("kontanthjælpsmodtagere", 10, true)).toBeGreaterThan(estimateTextWidth("kontanthjælpsmodtagere", 10));
    expect(estimateTextWidth("mmmm", 10)).toBeGreaterThan(estimateTextWidth("iiii", 10));
    // Long Danish words at 10 pt in Calibri are wider than 0.5 em per letter would suggest.
    expect(estimateTextWidth("kontanthjælpsmodtagere", 10, true)).toBeGreaterThan(22 * 0.5 * 10);
  });

  /** Every word of `text` appears whole on some line of the box. */
  function wordsKept(box: DiagramBox, text: string): string[] {
    const tokens = new Set(box.lines.flatMap((l) => l.split(/\s+/)));
    return text.split(/\s+/).filter((w) => w !== "" && !tokens.has(w));
  }

  it.each(TEMPLATES.map((t) => [t.id, t.build()] as [string, ProgrammeTheory]))("%s: no word is split across lines in any box (Danish and English)", (_id, theory) => {
    for (const lang of ["da", "en"] as const) {
      const l = layoutDiagram(theory, { lang });
      const byId = new Map(l.boxes.map((b) => [b.id, b]));
      const named: [string, string][] = [
        ["MG", theory.targetGroup.name],
        ...[...theory.activities, ...theory.subGoals, ...theory.finalGoals, ...theory.mechanisms].map((x) => [x.id, x.name] as [string, string]),
      ];
      for (const [id, name] of named) expect([id, wordsKept(byId.get(id)!, name)]).toEqual([id, []]);
      // Long words widen their column rather than shrink the text: every template is drawn at 10 pt or more.
      expect(l.fontSize).toBeGreaterThanOrEqual(10);
      expect(l.scale).toBe(1);
    }
  });
});

describe("diagramSheetSpec", () => {
  const theory = TEMPLATES.find((t) => t.id === "kl-unge-helhed")!.build();

  it("with shapes: a box per item, a connector per link between named boxes, A4 landscape on one page, no gridlines", () => {
    const spec = diagramSheetSpec(theory, "da", { shapes: true });
    expect(spec.name).toBe("Programteori – diagram");
    expect(spec.name.length).toBeLessThanOrEqual(31);
    expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToOnePage: true });
    expect(spec.showGridlines).toBe(false);
    const shapes = spec.shapes!;
    const boxes = shapes.filter((s): s is BoxShapeSpec => s.kind !== "connector" && s.id.startsWith("Boks_"));
    const connectors = shapes.filter((s): s is ConnectorSpec => s.kind === "connector");
    expect(boxes).toHaveLength(1 + theory.finalGoals.length + theory.subGoals.length + theory.activities.length + theory.mechanisms.length);
    // Every link is drawn (a routed link as several segments), with exactly one arrow head.
    const byLink = new Map<string, ConnectorSpec[]>();
    for (const c of connectors) {
      const link = c.id.replace(/^Pil_/, "").replace(/_\d+$/, "");
      byLink.set(link, [...(byLink.get(link) ?? []), c]);
    }
    expect([...byLink.keys()].sort()).toEqual(theory.links.map((l) => l.id).sort());
    for (const segs of byLink.values()) expect(segs.filter((x) => x.arrow)).toHaveLength(1);
    const ids = new Set(shapes.map((s) => s.id));
    expect(ids.size).toBe(shapes.length);
    for (const c of connectors) {
      expect(ids.has(c.from)).toBe(true);
      expect(ids.has(c.to)).toBe(true);
    }
    expect(boxes.find((b) => b.id === "Boks_S1")!.text).toContain("uddannelse");
  });

  it.each(cases)("%s: every shape lies inside the printed area (A4 landscape, one page)", (_id, t) => {
    const spec = diagramSheetSpec(t, "da", { shapes: true });
    expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToOnePage: true });
    const area = parseRange(spec.pageSetup!.printArea!);
    expect([area.row, area.column]).toEqual([0, 0]);
    // Width of the printed columns from the sheet's own column widths; rows at Excel's default 15 pt (14.4 pt at worst).
    const widths = spec.columnWidths!.flatMap((c) => {
      const r = parseRange(c.columns.includes(":") ? c.columns.split(":").map((x) => `${x}1`).join(":") : `${c.columns}1`);
      return Array.from({ length: r.columnCount }, (_, i) => [r.column + i, c.width] as const);
    });
    const printedWidth = widths.filter(([col]) => col < area.columnCount).reduce((sum, [, w]) => sum + w, 0);
    const printedHeight = area.rowCount * 14.4;
    for (const sh of spec.shapes!) {
      const right = sh.kind === "connector" ? Math.max(sh.x1!, sh.x2!) : sh.left + sh.width;
      const bottom = sh.kind === "connector" ? Math.max(sh.y1!, sh.y2!) : sh.top + sh.height;
      const left = sh.kind === "connector" ? Math.min(sh.x1!, sh.x2!) : sh.left;
      const top = sh.kind === "connector" ? Math.min(sh.y1!, sh.y2!) : sh.top;
      expect([sh.id, left >= 0 && top >= 0 && right <= printedWidth && bottom <= printedHeight]).toEqual([sh.id, true]);
      // And inside the A4 landscape page itself (842 × 595 pt).
      expect([sh.id, right <= 842 && bottom <= 595]).toEqual([sh.id, true]);
    }
  });

  it("says when it was drawn and from which sheet: a text box in the top margin, above everything else and on the page; the note line without shapes", () => {
    const made = { at: "2026-12-07T09:30:00Z", sources: ["Programteori"] };
    const spec = diagramSheetSpec(theory, "da", { shapes: true, made });
    const box = spec.shapes!.find((s): s is BoxShapeSpec => s.id === "Lavet")!;
    expect(box.text).toBe("Lavet 7. dec. 2026 kl. 10.30 ud fra Programteori.");
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(842);
    // nothing else is drawn where the line is: every other shape starts below it
    for (const s of spec.shapes!) if (s !== box) expect([s.id, (s.kind === "connector" ? Math.min(s.y1!, s.y2!) : s.top) >= box.top + box.height]).toEqual([s.id, true]);
    // without it (an older caller), no such box
    expect(diagramSheetSpec(theory, "da", { shapes: true }).shapes!.some((s) => s.id === "Lavet")).toBe(false);
    const cells = cellsOf(diagramSheetSpec(theory, "en", { shapes: false, made }));
    expect(cells[1][0]).toBe("Shapes are not supported in this version of Excel; the diagram is drawn with cells. Made 7 Dec 2026, 10:30 from Programteori.");
  });

  it("without shapes: item names in merged, filled cells, arrows as text, and the note", () => {
    const spec = diagramSheetSpec(theory, "da", { shapes: false });
    expect(spec.shapes ?? []).toEqual([]);
    const grid = cellsOf(spec);
    const flat = grid.flat().filter((v): v is string => typeof v === "string");
    expect(flat).toContain("Figurer understøttes ikke i denne version af Excel; diagrammet er tegnet med celler.");
    for (const a of theory.activities) expect(flat.some((s) => s.startsWith(`${a.id}: ${a.name}`))).toBe(true);
    for (const m of theory.mechanisms) expect(flat).toContain(`${m.id}: ${m.name}\n(${m.category})`);
    // A1 leads to D5 and D1 in this template.
    expect(flat).toContain("→ D5, D1");
    expect(spec.merges!.length).toBeGreaterThanOrEqual(theory.activities.length + theory.subGoals.length + theory.finalGoals.length);
    expect(spec.styles!.some((s) => s.style.fill !== undefined && s.style.border === "box")).toBe(true);
    expect(spec.pageSetup).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToOnePage: true });
    // Merged ranges never overlap.
    const cellsIn = (r: string) => {
      const [a, b] = r.split(":");
      const col = a.replace(/\d+/g, "");
      const r1 = Number(a.replace(/[A-Z]+/g, ""));
      const r2 = Number((b ?? a).replace(/[A-Z]+/g, ""));
      const out: string[] = [];
      if (col === (b ?? a).replace(/\d+/g, "")) for (let i = r1; i <= r2; i++) out.push(`${col}${i}`);
      return out;
    };
    const seen = new Set<string>();
    for (const m of spec.merges!) for (const c of cellsIn(m)) {
      expect(seen.has(c)).toBe(false);
      seen.add(c);
    }
  });

  it.each(cases)("%s: both sheet variants are well-formed (equal row lengths, merges and print area inside the block)", (_id, t) => {
    for (const shapes of [true, false]) {
      const spec = diagramSheetSpec(t, "da", { shapes });
      for (const block of spec.cells) expect(new Set(block.values.map((r) => r.length)).size).toBeLessThanOrEqual(1);
      const grid = cellsOf(spec);
      const lastRow = grid.length;
      for (const m of spec.merges ?? []) {
        const rows = m.match(/\d+/g)!.map(Number);
        for (const r of rows) expect(r).toBeLessThanOrEqual(lastRow);
      }
      expect(spec.pageSetup?.printArea).toBeDefined();
    }
  });

  it("in English", () => {
    const spec = diagramSheetSpec(theory, "en", { shapes: false });
    expect(cellsOf(spec).flat()).toContain("Shapes are not supported in this version of Excel; the diagram is drawn with cells.");
  });
});
