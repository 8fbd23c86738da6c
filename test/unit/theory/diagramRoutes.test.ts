/**
 * Every arrow of the diagram can be followed: geometry checks over every template and random
 * theories of up to 12 items per column.
 */
import fc from "fast-check";
import {
  addItem,
  DiagramLayout,
  DiagramPoint,
  emptyTheory,
  estimateTextWidth,
  layoutDiagram,
  MECHANISM_CATEGORIES,
  ProgrammeTheory,
  setActivityMechanism,
  setLink,
  setLinkMechanism,
  TEMPLATES,
  updateItem,
  updateTargetGroup,
} from "../../../src/core/theory";

type Seg = { linkId: string; p: DiagramPoint; q: DiagramPoint };
type Box = { x: number; y: number; width: number; height: number };

function segments(l: DiagramLayout): Seg[] {
  return l.connectors.flatMap((c) => c.points.slice(1).map((q, i) => ({ linkId: c.id, p: c.points[i], q })));
}
const horizontal = (s: Seg) => Math.abs(s.p.y - s.q.y) < 1e-9;
const vertical = (s: Seg) => Math.abs(s.p.x - s.q.x) < 1e-9;
const lo = (a: number, b: number) => Math.min(a, b);
const hi = (a: number, b: number) => Math.max(a, b);

/** Distance from point r to segment s. */
function pointSeg(r: DiagramPoint, s: Seg): number {
  const dx = s.q.x - s.p.x, dy = s.q.y - s.p.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((r.x - s.p.x) * dx + (r.y - s.p.y) * dy) / len2));
  return Math.hypot(r.x - (s.p.x + t * dx), r.y - (s.p.y + t * dy));
}
function properIntersect(a: Seg, b: Seg): boolean {
  const o = (p: DiagramPoint, q: DiagramPoint, r: DiagramPoint) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return o(a.p, a.q, b.p) * o(a.p, a.q, b.q) < 0 && o(b.p, b.q, a.p) * o(b.p, b.q, a.q) < 0;
}
function segDistance(a: Seg, b: Seg): number {
  if (properIntersect(a, b)) return 0;
  return Math.min(pointSeg(a.p, b), pointSeg(a.q, b), pointSeg(b.p, a), pointSeg(b.q, a));
}

/**
 * How two runs of different links meet: "apart" (at least `sep` apart), "cross" (a right-angle
 * crossing at least `sep` from either run's ends) or "touch" (shared or near-shared line, a corner
 * or an end on the other run: the reader cannot tell where each arrow goes).
 */
function meeting(a: Seg, b: Seg, sep: number): "apart" | "cross" | "touch" {
  if (segDistance(a, b) >= sep) return "apart";
  const [h, v] = horizontal(a) && vertical(b) ? [a, b] : vertical(a) && horizontal(b) ? [b, a] : [null, null];
  if (!h || !v) return "touch";
  const x = v.p.x, y = h.p.y;
  const inside = x > lo(h.p.x, h.q.x) + sep && x < hi(h.p.x, h.q.x) - sep && y > lo(v.p.y, v.q.y) + sep && y < hi(v.p.y, v.q.y) - sep;
  return inside ? "cross" : "touch";
}

function rectSegDistance(r: Box, s: Seg): number {
  // Liang–Barsky clip: 0 when the segment enters the rectangle; else the nearest corner/edge distance.
  let t0 = 0, t1 = 1;
  const dx = s.q.x - s.p.x, dy = s.q.y - s.p.y;
  let hit = true;
  for (const [pp, qq] of [[-dx, s.p.x - r.x], [dx, r.x + r.width - s.p.x], [-dy, s.p.y - r.y], [dy, r.y + r.height - s.p.y]]) {
    if (pp === 0) {
      if (qq < 0) hit = false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  if (hit && t0 <= t1) return 0;
  const corners = [
    { x: r.x, y: r.y }, { x: r.x + r.width, y: r.y }, { x: r.x, y: r.y + r.height }, { x: r.x + r.width, y: r.y + r.height },
  ];
  const edges: Seg[] = corners.map((c, i) => ({ linkId: "", p: c, q: corners[[1, 3, 0, 2][i]] }));
  return Math.min(...edges.map((e) => segDistance(e, s)));
}
const rectsOverlap = (a: Box, b: Box, pad = 0) =>
  a.x - pad < b.x + b.width && b.x - pad < a.x + a.width && a.y - pad < b.y + b.height && b.y - pad < a.y + a.height;

/** The triangle of an arrowhead at the end of a connector, as its bounding box. */
function arrowhead(points: DiagramPoint[], scale: number): Box {
  const q = points[points.length - 1];
  const p = points[points.length - 2];
  const len = 6 * scale, half = 2.5 * scale;
  if (Math.abs(p.y - q.y) < 1e-9) {
    const x = p.x < q.x ? q.x - len : q.x;
    return { x, y: q.y - half, width: len, height: 2 * half };
  }
  return { x: q.x - half, y: lo(p.y, q.y) === q.y ? q.y : q.y - len, width: 2 * half, height: len };
}

function checkRoutes(l: DiagramLayout): string[] {
  const problems: string[] = [];
  const sep = 2 * l.scale;
  const segs = segments(l);
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i], b = segs[j];
      if (a.linkId === b.linkId) continue;
      if (meeting(a, b, sep) === "touch") problems.push(`${a.linkId} touches ${b.linkId}`);
    }
  }
  // Every run is horizontal or vertical; the last run ends at a box edge level with the arrow.
  for (const s of segs) if (!horizontal(s) && !vertical(s)) problems.push(`${s.linkId} has a slanted run`);
  for (const c of l.connectors) {
    const n = c.points.length;
    const last = Math.hypot(c.points[n - 1].x - c.points[n - 2].x, c.points[n - 1].y - c.points[n - 2].y);
    if (last < 6 * l.scale + 1e-6) problems.push(`${c.id}: last run shorter than its arrowhead`);
  }
  // Labels overlap no run, arrowhead, box, heading or other label.
  const heads = l.connectors.map((c) => ({ id: c.id, box: arrowhead(c.points, l.scale) }));
  const labels = l.connectors.filter((c) => c.label !== undefined);
  for (const c of labels) {
    const r = c.labelBox!;
    expect(r.width).toBeGreaterThanOrEqual(estimateTextWidth(c.label!, c.labelFontSize!) - 1e-6);
    for (const s of segs) if (rectSegDistance(r, s) < 0.5 * l.scale) problems.push(`label of ${c.id} on run of ${s.linkId}`);
    for (const h of heads) if (rectsOverlap(r, h.box)) problems.push(`label of ${c.id} on arrowhead of ${h.id}`);
    for (const b of l.boxes) if (rectsOverlap(r, b)) problems.push(`label of ${c.id} on box ${b.id}`);
    for (const h of l.headings) if (rectsOverlap(r, h)) problems.push(`label of ${c.id} on heading ${h.text}`);
    for (const o of labels) if (o !== c && rectsOverlap(r, o.labelBox!)) problems.push(`label of ${c.id} on label of ${o.id}`);
  }
  // Arrowheads do not sit on other links' runs.
  for (const h of heads) for (const s of segs) if (s.linkId !== h.id && rectSegDistance(h.box, s) < 0.5 * l.scale) problems.push(`arrowhead of ${h.id} on ${s.linkId}`);
  return problems;
}

/** Random theory: up to 12 items per column, up to 40 links, mechanisms on links. */
const bigPlan = fc.record({
  f: fc.integer({ min: 0, max: 12 }),
  d: fc.integer({ min: 0, max: 12 }),
  a: fc.integer({ min: 0, max: 12 }),
  m: fc.integer({ min: 0, max: 12 }),
  words: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 48, maxLength: 48 }),
  links: fc.array(fc.tuple(fc.constantFrom(0, 1, 2), fc.nat(), fc.nat(), fc.option(fc.nat(), { nil: null })), { maxLength: 40 }),
  am: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
});
type BigPlan = typeof bigPlan extends fc.Arbitrary<infer T> ? T : never;
function buildBig(p: BigPlan): ProgrammeTheory {
  const name = (i: number, base: string) => `${base} ${"ord ".repeat(p.words[i % 48]).trim()}`;
  let t = updateTargetGroup(emptyTheory("Tilfældig"), { name: "Målgruppe", size: 50 });
  for (let i = 0; i < p.f; i++) t = addItem(t, "slutmaal", name(i, `Slutmål ${i + 1}`));
  for (let i = 0; i < p.d; i++) t = addItem(t, "delmaal", name(i + 12, `Borgeren kan ${i + 1}`));
  for (let i = 0; i < p.a; i++) t = addItem(t, "aktivitet", name(i + 24, `Aktivitet ${i + 1}`));
  for (let i = 0; i < p.m; i++) t = updateItem(addItem(t, "mekanisme", name(i + 36, `Mekanisme ${i + 1}`)), "mekanisme", `M${i + 1}`, { category: MECHANISM_CATEGORIES[i % 4] });
  for (const [k, x, y, mech] of p.links) {
    const kind = (["aktivitet-delmaal", "delmaal-delmaal", "delmaal-slutmaal"] as const)[k];
    const from = kind === "aktivitet-delmaal" ? t.activities : t.subGoals;
    const to = kind === "delmaal-slutmaal" ? t.finalGoals : t.subGoals;
    if (from.length === 0 || to.length === 0) continue;
    const a = from[x % from.length].id, b = to[y % to.length].id;
    if (a === b) continue;
    t = setLink(t, kind, a, b, true);
    const link = t.links.find((l) => l.kind === kind && l.from === a && l.to === b)!;
    if (mech !== null && t.mechanisms.length > 0) t = setLinkMechanism(t, link.id, t.mechanisms[mech % t.mechanisms.length].id, true);
  }
  for (const [a, m] of p.am) if (t.activities.length > 0 && t.mechanisms.length > 0) t = setActivityMechanism(t, t.activities[a % t.activities.length].id, t.mechanisms[m % t.mechanisms.length].id, true);
  return t;
}

describe("diagram arrows can be followed", () => {
  it.each(TEMPLATES.map((t) => [t.id, t.build()] as const))("%s: no two arrows share a run or meet except at a right-angle crossing; labels free", (_id, theory) => {
    for (const lang of ["da", "en"] as const) expect(checkRoutes(layoutDiagram(theory, { lang }))).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t.build()] as const))("%s: the drawing uses the printable page", (_id, theory) => {
    const l = layoutDiagram(theory);
    const all: Box[] = [...l.boxes, ...l.headings];
    const w = Math.max(...all.map((b) => b.x + b.width)) - Math.min(...all.map((b) => b.x));
    const h = Math.max(...all.map((b) => b.y + b.height)) - Math.min(...all.map((b) => b.y));
    expect(w / (l.pageWidth - 2 * l.margin)).toBeGreaterThan(0.97);
    expect(h / (l.pageHeight - 2 * l.margin)).toBeGreaterThan(0.9);
  });

  it("random theories of up to 12 items per column (property)", () => {
    fc.assert(
      fc.property(bigPlan, (p) => {
        const l = layoutDiagram(buildBig(p));
        expect(checkRoutes(l)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("the checker itself sees a shared run, a corner touch and a label on an arrow", () => {
    const base = layoutDiagram(TEMPLATES[0].build());
    const [c1, c2] = base.connectors;
    const shared = { ...base, connectors: [c1, { ...c2, points: c1.points.map((p) => ({ ...p })) }] };
    expect(checkRoutes(shared).some((p) => p.includes("touches"))).toBe(true);
    const corner = { ...base, connectors: [c1, { ...c2, points: [c1.points[1], { x: c1.points[1].x + 30, y: c1.points[1].y }] }] };
    expect(checkRoutes(corner).some((p) => p.includes("touches"))).toBe(true);
    const labelled = base.connectors.find((c) => c.labelBox)!;
    const p = labelled.points[0];
    const onArrow = { ...base, connectors: [{ ...labelled, labelBox: { x: p.x + 1, y: p.y - 2, width: 10, height: 6 } }] };
    expect(checkRoutes(onArrow).some((x) => x.includes("label of"))).toBe(true);
  });
});
