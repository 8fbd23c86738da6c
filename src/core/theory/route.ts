/**
 * Orthogonal routing of the diagram's arrows so every arrow can be followed:
 *
 * - every link has its own port on each box side it touches (ports of one side are spread over
 *   the box, ordered by where the other end lies), so no two arrows start or end at one point;
 * - in the gap between two columns each link turns on its own vertical track (tracks are shared
 *   only by links whose vertical runs are far apart), and every horizontal run in a gap has its
 *   own height, so two arrows never share a segment or touch at a corner: they can only cross
 *   at right angles, away from any corner;
 * - a link that skips columns runs along a corridor where the columns in between have no box;
 * - a link's mechanism label ("M2, M5") sits just above its first run, in a zone of the gap that
 *   holds no tracks and no arrowheads; ports that carry a label are spaced so the label fits.
 *
 * The layout (diagram.ts) sizes gaps and boxes with `gapNeeds` and `portSpan` before placing
 * boxes, then calls `routeLinks`.
 */
import { LinkKind } from "./model";

export interface RouteBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  column: number;
}

export interface RouteLink {
  id: string;
  kind: LinkKind;
  from: string;
  to: string;
  /** Text drawn by the link ("M2, M5"), or undefined. */
  label?: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RoutedLink {
  id: string;
  points: { x: number; y: number }[];
  /** The visible extent of the label's text. */
  labelBox?: Rect;
}

/** Space between two ports of a box side, and above a port whose label sits over its line. */
export const PORT_SPACING = 6;
/** Length and half width of an arrowhead (as drawn in the SVG and by Excel's medium arrow). */
export const ARROW_LENGTH = 6;
export const ARROW_HALF_WIDTH = 2.5;
/** Smallest distance between a run of one link and a run of another that passes an arrowhead or label. */
const SEPARATION = 4;
/** Smallest distance between two runs of different links, and between a corner and a crossing run. */
const CROSS_SEPARATION = 2.5;
const TRACK_SPACING = 6;
const LABEL_PAD = 2;

type Side = "left" | "right";

export function labelHeight(fontSize: number): number {
  return fontSize * 1.25;
}

/** Space above a port that carries a label: the label, clear of an arrowhead below and above it. */
function labelSlot(fontSize: number): number {
  return labelHeight(fontSize) + 2 * ARROW_HALF_WIDTH + 2;
}

/** Which side of each end a link uses, from the columns of its ends. */
function sides(ca: number, cb: number): { out: Side; in: Side } {
  if (cb > ca) return { out: "right", in: "left" };
  if (cb === ca) return { out: "right", in: "right" };
  return { out: "left", in: "right" };
}

/** Whether the label sits at the link's start (else at its end: links that run backwards, in a cycle). */
function labelAtStart(ca: number, cb: number): boolean {
  return cb >= ca;
}

/** The gap that holds the label of a link from column `ca` to column `cb`. */
export function labelGap(ca: number, cb: number): number {
  return labelAtStart(ca, cb) ? ca : cb;
}

/** The gap (between column g and g + 1) a port on this side of a box in column c opens into. */
function gapOf(column: number, side: Side): number {
  return side === "right" ? column : column - 1;
}

interface PortNeed {
  linkId: string;
  labelled: boolean;
}

/** The ports each box side needs, in link order (before geometry). */
function portNeeds(links: readonly RouteLink[], columnOf: ReadonlyMap<string, number>): Map<string, PortNeed[]> {
  const needs = new Map<string, PortNeed[]>();
  const add = (key: string, n: PortNeed): void => {
    needs.set(key, [...(needs.get(key) ?? []), n]);
  };
  for (const l of links) {
    const ca = columnOf.get(l.from);
    const cb = columnOf.get(l.to);
    if (ca === undefined || cb === undefined) continue;
    const s = sides(ca, cb);
    const atStart = labelAtStart(ca, cb);
    add(`${l.from}:${s.out}`, { linkId: l.id, labelled: l.label !== undefined && atStart });
    add(`${l.to}:${s.in}`, { linkId: l.id, labelled: l.label !== undefined && !atStart });
  }
  return needs;
}

/** Smallest height a box needs for its ports (the most crowded side), at label font `labelFont`. */
export function portSpan(boxId: string, links: readonly RouteLink[], columnOf: ReadonlyMap<string, number>, labelFont: number): number {
  const needs = portNeeds(links, columnOf);
  let span = 0;
  for (const side of ["left", "right"] as const) {
    const ports = needs.get(`${boxId}:${side}`) ?? [];
    const h = ports.reduce((s, p) => s + (p.labelled ? labelSlot(labelFont) : PORT_SPACING), 0) + PORT_SPACING;
    if (ports.length > 0) span = Math.max(span, h);
  }
  return span;
}

/** Width each gap needs: a label zone, a track zone, room for the arrowheads. */
export function gapNeeds(
  links: readonly RouteLink[],
  columnOf: ReadonlyMap<string, number>,
  gaps: number,
  labelWidth: (text: string) => number,
  minGap: number,
): number[] {
  const labelW = new Array<number>(gaps).fill(0);
  const verticals = new Array<number>(gaps).fill(0);
  for (const l of links) {
    const ca = columnOf.get(l.from);
    const cb = columnOf.get(l.to);
    if (ca === undefined || cb === undefined) continue;
    const s = sides(ca, cb);
    const g1 = gapOf(ca, s.out);
    const g2 = gapOf(cb, s.in);
    if (g1 >= 0 && g1 < gaps) verticals[g1]++;
    if (g2 !== g1 && g2 >= 0 && g2 < gaps) verticals[g2]++;
    const gl = labelAtStart(ca, cb) ? g1 : g2;
    if (l.label !== undefined && gl >= 0 && gl < gaps) labelW[gl] = Math.max(labelW[gl], labelWidth(l.label) + 2 * LABEL_PAD);
  }
  // Tracks are shared where runs do not overlap, so half the runs is a fair estimate of tracks.
  return labelW.map((w, g) => Math.max(minGap, w + TRACK_SPACING * (Math.ceil(verticals[g] / 2) + 1) + 2 * (ARROW_LENGTH + 2)));
}

interface Port {
  linkId: string;
  box: RouteBox;
  side: Side;
  gap: number;
  y: number;
  labelled: boolean;
}

/** Places the ports of every box side, ordered by the other end's height to avoid needless crossings. */
function placePorts(links: readonly RouteLink[], boxes: ReadonlyMap<string, RouteBox>, labelFont: number): Map<string, { out: Port; in: Port }> {
  const sideLists = new Map<string, { link: RouteLink; end: "out" | "in"; box: RouteBox; other: RouteBox; side: Side }[]>();
  for (const l of links) {
    const a = boxes.get(l.from);
    const b = boxes.get(l.to);
    if (!a || !b) continue;
    const s = sides(a.column, b.column);
    for (const [end, box, other, side] of [["out", a, b, s.out], ["in", b, a, s.in]] as const) {
      const key = `${box.id}:${side}`;
      sideLists.set(key, [...(sideLists.get(key) ?? []), { link: l, end, box, other, side }]);
    }
  }
  const out = new Map<string, { out: Port; in: Port }>();
  for (const list of sideLists.values()) {
    list.sort((p, q) => p.other.y + p.other.height / 2 - (q.other.y + q.other.height / 2) || p.other.x - q.other.x);
    const box = list[0].box;
    const isLabelled = (p: (typeof list)[number]): boolean =>
      p.link.label !== undefined && (p.end === "out") === labelAtStart(p.end === "out" ? p.box.column : p.other.column, p.end === "out" ? p.other.column : p.box.column);
    const slots = list.map((p) => (isLabelled(p) ? labelSlot(labelFont) : PORT_SPACING));
    const used = slots.reduce((s, x) => s + x, 0) + PORT_SPACING;
    const extra = Math.max(0, box.height - used) / (list.length + 1);
    let y = box.y;
    list.forEach((p, k) => {
      y += slots[k] + extra;
      const port: Port = { linkId: p.link.id, box, side: p.side, gap: gapOf(box.column, p.side), y, labelled: isLabelled(p) };
      const entry = out.get(p.link.id) ?? ({} as { out: Port; in: Port });
      entry[p.end] = port;
      out.set(p.link.id, entry);
    });
  }
  return out;
}

/** Geometry of one gap: its extent and the zones inside it. */
interface Gap {
  left: number;
  right: number;
  labelRight: number;
  /** Heights of horizontal runs in this gap, with the link each belongs to. */
  runs: { y: number; linkId: string }[];
  /** Vertical runs waiting for a track. */
  verticals: { linkId: string; y1: number; y2: number; track?: number }[];
  labels: Rect[];
}


/**
 * Places arrow ends (and starts that leave to the left) again so that no port lies at the
 * height of another box's port in the same gap; then records every port's run in its gap.
 */
function separatePorts(ports: Map<string, { out: Port; in: Port }>, gaps: Gap[], labelFont: number): void {
  const all = [...ports.values()].flatMap((p) => [p.out, p.in]);
  const arrowGap = 2 * ARROW_HALF_WIDTH + 0.5;
  // Starts on right sides stay where they are; every other side (arrow ends, and starts that
  // leave to the left) is placed again: down the side, each port below the last, clear of the
  // ports of other boxes in the same gap that are already settled (they would meet at a corner).
  const sidesToPlace = new Map<string, Port[]>();
  for (const pr of ports.values()) {
    for (const p of [pr.in, pr.out]) {
      if (p === pr.out && p.side === "right") continue;
      const key = `${p.box.id}:${p.side}`;
      if (!sidesToPlace.has(key)) sidesToPlace.set(key, all.filter((o) => o.box === p.box && o.side === p.side));
    }
  }
  const moving = new Set([...sidesToPlace.values()].flat());
  const settled = all.filter((p) => !moving.has(p));
  for (const side of sidesToPlace.values()) {
    side.sort((p, q) => p.y - q.y);
    const box = side[0].box;
    const others = settled.filter((o) => o.gap === side[0].gap && o.box !== box).map((o) => o.y);
    const highest = box.y + box.height - ARROW_HALF_WIDTH - 1;
    const clear = (y: number): boolean => others.every((o) => Math.abs(o - y) >= CROSS_SEPARATION);
    const pass = (ideal: boolean): number[] => {
      let prev = box.y;
      return side.map((p) => {
        const above = p.labelled ? labelSlot(labelFont) : arrowGap;
        let y = Math.max(ideal ? p.y : 0, prev + above, box.y + (p.labelled ? labelSlot(labelFont) : ARROW_HALF_WIDTH + 1));
        for (let guard = 0; guard < 200 && !clear(y); guard++) y += 0.25;
        prev = y;
        return y;
      });
    };
    // Near the even spacing if possible, else packed from the top; else leave the side as it is.
    const placed = [pass(true), pass(false)].find((ys) => ys.every((y) => y <= highest));
    if (placed) side.forEach((p, k) => (p.y = placed[k]));
    settled.push(...side);
  }
  for (const p of all) gaps[p.gap]?.runs.push({ y: p.y, linkId: p.linkId });
}

/** A free height for a corridor across columns c1…c2 (their boxes and the runs and labels of gaps g1…g2), near `want`. */
function corridorY(
  boxes: readonly RouteBox[],
  gaps: Gap[],
  c1: number,
  c2: number,
  g1: number,
  g2: number,
  lo: number,
  hi: number,
  want: number,
  linkId: string,
): number | null {
  const busy: [number, number][] = [];
  for (const b of boxes) if (b.column >= c1 && b.column <= c2) busy.push([b.y - 3, b.y + b.height + 3]);
  for (let g = g1; g <= g2; g++) {
    const gap = gaps[g];
    if (!gap) continue;
    for (const r of gap.runs) if (r.linkId !== linkId) busy.push([r.y - SEPARATION, r.y + SEPARATION]);
    for (const lb of gap.labels) busy.push([lb.y - 2, lb.y + lb.height + 2]);
  }
  busy.sort((p, q) => p[0] - q[0]);
  let best: number | null = null;
  let cur = lo;
  const consider = (s: number, e: number): void => {
    if (e - s < 1) return;
    const y = Math.min(Math.max(want, s + 0.5), e - 0.5);
    if (best === null || Math.abs(y - want) < Math.abs(best - want)) best = y;
  };
  for (const [s, e] of busy) {
    if (s > cur) consider(cur, Math.min(s, hi));
    cur = Math.max(cur, e);
  }
  if (cur < hi) consider(cur, hi);
  return best;
}

/** Interval colouring of a gap's vertical runs onto tracks, then their x positions. */
function assignTracks(gap: Gap): Map<string, number> {
  const vs = [...gap.verticals].sort((p, q) => Math.min(p.y1, p.y2) - Math.min(q.y1, q.y2));
  const trackEnds: number[] = [];
  for (const v of vs) {
    const lo = Math.min(v.y1, v.y2);
    const hi = Math.max(v.y1, v.y2);
    let t = trackEnds.findIndex((end) => end + 2 * SEPARATION < lo);
    if (t < 0) {
      t = trackEnds.length;
      trackEnds.push(hi);
    } else trackEnds[t] = hi;
    v.track = t;
  }
  // Room for arrowheads that point left into the gap's left column (links in a cycle).
  const zoneLeft = gap.labelRight + ARROW_LENGTH + 2;
  const zoneRight = gap.right - ARROW_LENGTH - 3;
  const n = Math.max(1, trackEnds.length);
  const step = (zoneRight - zoneLeft) / n;
  const xs = new Map<string, number>();
  for (const v of vs) xs.set(`${v.linkId}:${Math.min(v.y1, v.y2)}`, zoneLeft + step * ((v.track ?? 0) + 0.5));
  return xs;
}

/**
 * Routes every link between `boxes` (main area only; columns left to right). `gapBounds[g]` is
 * the extent of the gap right of column g, `labelZone[g]` the width of its label zone.
 */
export function routeLinks(
  links: readonly RouteLink[],
  boxes: readonly RouteBox[],
  gapBounds: readonly { left: number; right: number; labelWidth: number }[],
  area: { top: number; bottom: number },
  labelFont: number,
  labelWidth: (text: string) => number,
): RoutedLink[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const gaps: Gap[] = gapBounds.map((g) => ({ left: g.left, right: g.right, labelRight: g.left + g.labelWidth, runs: [], verticals: [], labels: [] }));
  const usable = links.filter((l) => byId.has(l.from) && byId.has(l.to));
  const ports = placePorts(usable, byId, labelFont);
  separatePorts(ports, gaps, labelFont);

  // Labels: just above the first run, at the start of the gap.
  const labelBoxes = new Map<string, Rect>();
  for (const l of usable) {
    const pr = ports.get(l.id);
    const p = pr ? (pr.out.labelled ? pr.out : pr.in.labelled ? pr.in : undefined) : undefined;
    if (!p || l.label === undefined || !gaps[p.gap]) continue;
    const h = labelHeight(labelFont);
    const w = labelWidth(l.label);
    const x = p.side === "right" ? p.box.x + p.box.width + LABEL_PAD : p.box.x - LABEL_PAD - w;
    // Above the line, clear of the arrowhead when the label sits at the arrow's end.
    const rect = { x, y: p.y - ARROW_HALF_WIDTH - 1 - h, width: w, height: h };
    labelBoxes.set(l.id, rect);
    gaps[p.gap].labels.push(rect);
  }

  // Corridors for links that cross columns; collect each gap's vertical runs.
  interface Plan {
    link: RouteLink;
    out: Port;
    in: Port;
    corridor: number | null;
  }
  const plans: Plan[] = [];
  for (const l of usable) {
    const p = ports.get(l.id);
    if (!p) continue;
    const a = p.out.box;
    const b = p.in.box;
    let corridor: number | null = null;
    const [c1, c2] = b.column > a.column ? [a.column + 1, b.column - 1] : [b.column + 1, a.column - 1];
    if (c2 >= c1) {
      const [g1, g2] = b.column > a.column ? [a.column, b.column - 1] : [b.column, a.column - 1];
      corridor = corridorY(boxes, gaps, c1, c2, g1, g2, area.top, area.bottom, (p.out.y + p.in.y) / 2, l.id);
      if (corridor !== null) for (let g = g1; g <= g2; g++) gaps[g]?.runs.push({ y: corridor, linkId: l.id });
    }
    plans.push({ link: l, out: p.out, in: p.in, corridor });
  }
  for (const pl of plans) {
    if (pl.corridor === null) {
      if (pl.out.gap === pl.in.gap && Math.abs(pl.out.y - pl.in.y) > 1e-6) gaps[pl.out.gap]?.verticals.push({ linkId: pl.link.id, y1: pl.out.y, y2: pl.in.y });
    } else {
      gaps[pl.out.gap]?.verticals.push({ linkId: pl.link.id, y1: pl.out.y, y2: pl.corridor });
      gaps[pl.in.gap]?.verticals.push({ linkId: pl.link.id, y1: pl.corridor, y2: pl.in.y });
    }
  }
  const tracks = gaps.map((g) => assignTracks(g));
  const trackX = (gap: number, linkId: string, y1: number, y2: number): number =>
    tracks[gap]?.get(`${linkId}:${Math.min(y1, y2)}`) ?? (gaps[gap] ? (gaps[gap].labelRight + gaps[gap].right) / 2 : 0);

  return plans.map((pl) => {
    const edge = (port: Port): number => (port.side === "right" ? port.box.x + port.box.width : port.box.x);
    const start = { x: edge(pl.out), y: pl.out.y };
    const end = { x: edge(pl.in), y: pl.in.y };
    let points: { x: number; y: number }[];
    if (pl.corridor === null) {
      if (pl.out.gap === pl.in.gap && Math.abs(pl.out.y - pl.in.y) > 1e-6) {
        const x = trackX(pl.out.gap, pl.link.id, pl.out.y, pl.in.y);
        points = [start, { x, y: start.y }, { x, y: end.y }, end];
      } else {
        // Level (or, when no corridor exists, a straight line as a last resort).
        points = [start, end];
      }
    } else {
      const x1 = trackX(pl.out.gap, pl.link.id, pl.out.y, pl.corridor);
      const x2 = trackX(pl.in.gap, pl.link.id, pl.corridor, pl.in.y);
      points = [start, { x: x1, y: start.y }, { x: x1, y: pl.corridor }, { x: x2, y: pl.corridor }, { x: x2, y: end.y }, end];
    }
    const routed: RoutedLink = { id: pl.link.id, points: dropDegenerate(points) };
    const lb = labelBoxes.get(pl.link.id);
    if (lb) routed.labelBox = lb;
    return routed;
  });
}

/** Removes zero-length segments (a corridor at the height of a port). */
function dropDegenerate(points: { x: number; y: number }[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 1e-9 && Math.abs(last.y - p.y) < 1e-9) continue;
    out.push(p);
  }
  // Merge consecutive collinear segments.
  const merged: { x: number; y: number }[] = [];
  for (const p of out) {
    const n = merged.length;
    if (n >= 2) {
      const a = merged[n - 2];
      const b = merged[n - 1];
      const collinear = (Math.abs(a.x - b.x) < 1e-9 && Math.abs(b.x - p.x) < 1e-9) || (Math.abs(a.y - b.y) < 1e-9 && Math.abs(b.y - p.y) < 1e-9);
      if (collinear) merged[n - 1] = p;
      else merged.push(p);
    } else merged.push(p);
  }
  return merged;
}
