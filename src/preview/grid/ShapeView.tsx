/** Worksheet shapes (geometric shapes, text boxes, lines) drawn as positioned SVG with HTML text. */
import * as React from "react";
import type { PreviewShape } from "../workbook/model";
import { ptToPx } from "./layout";

const FONT = "Calibri, 'Segoe UI', Arial, sans-serif";

/** SVG stroke-dasharray for an Excel.ShapeLineDashStyle, scaled by the line width. */
export function dashArray(style: string | undefined, widthPx: number): string | undefined {
  const w = Math.max(1, widthPx);
  switch ((style ?? "Solid").toLowerCase()) {
    case "dash":
      return `${4 * w} ${3 * w}`;
    case "dashdot":
      return `${4 * w} ${3 * w} ${w} ${3 * w}`;
    case "dashdotdot":
      return `${4 * w} ${3 * w} ${w} ${3 * w} ${w} ${3 * w}`;
    case "longdash":
      return `${8 * w} ${3 * w}`;
    case "longdashdot":
      return `${8 * w} ${3 * w} ${w} ${3 * w}`;
    case "rounddot":
      return `${w} ${2 * w}`;
    case "squaredot":
      return `${w} ${w}`;
    case "systemdash":
      return `${3 * w} ${w}`;
    case "systemdot":
      return `${w} ${w}`;
    case "systemdashdot":
      return `${3 * w} ${w} ${w} ${w}`;
    default:
      return undefined;
  }
}

function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, "_");
}

function geometry(kind: string, w: number, h: number, inset: number, props: React.SVGProps<SVGElement>): JSX.Element {
  const x0 = inset;
  const y0 = inset;
  const x1 = Math.max(inset, w - inset);
  const y1 = Math.max(inset, h - inset);
  const iw = x1 - x0;
  const ih = y1 - y0;
  const poly = (pts: Array<[number, number]>): JSX.Element => (
    <polygon points={pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ")} {...(props as React.SVGProps<SVGPolygonElement>)} />
  );
  switch (kind.toLowerCase()) {
    case "ellipse":
      return <ellipse cx={w / 2} cy={h / 2} rx={iw / 2} ry={ih / 2} {...(props as React.SVGProps<SVGEllipseElement>)} />;
    case "roundrectangle": {
      const r = Math.min(iw, ih) * 0.1667;
      return <rect x={x0} y={y0} width={iw} height={ih} rx={r} ry={r} {...(props as React.SVGProps<SVGRectElement>)} />;
    }
    case "diamond":
      return poly([[x0 + iw / 2, y0], [x1, y0 + ih / 2], [x0 + iw / 2, y1], [x0, y0 + ih / 2]]);
    case "triangle":
      return poly([[x0 + iw / 2, y0], [x1, y1], [x0, y1]]);
    case "parallelogram": {
      const d = Math.min(iw * 0.25, ih * 0.5);
      return poly([[x0 + d, y0], [x1, y0], [x1 - d, y1], [x0, y1]]);
    }
    case "hexagon": {
      const d = Math.min(iw * 0.25, ih * 0.5);
      return poly([[x0 + d, y0], [x1 - d, y0], [x1, y0 + ih / 2], [x1 - d, y1], [x0 + d, y1], [x0, y0 + ih / 2]]);
    }
    case "homeplate":
    case "pentagon": {
      const d = Math.min(iw * 0.5, ih * 0.5);
      return poly([[x0, y0], [x1 - d, y0], [x1, y0 + ih / 2], [x1 - d, y1], [x0, y1]]);
    }
    case "chevron": {
      const d = Math.min(iw * 0.5, ih * 0.5);
      return poly([[x0, y0], [x1 - d, y0], [x1, y0 + ih / 2], [x1 - d, y1], [x0, y1], [x0 + d, y0 + ih / 2]]);
    }
    case "rightarrow": {
      const head = Math.min(iw * 0.5, ih);
      return poly([[x0, y0 + ih * 0.25], [x1 - head, y0 + ih * 0.25], [x1 - head, y0], [x1, y0 + ih / 2], [x1 - head, y1], [x1 - head, y0 + ih * 0.75], [x0, y0 + ih * 0.75]]);
    }
    default:
      return <rect x={x0} y={y0} width={iw} height={ih} {...(props as React.SVGProps<SVGRectElement>)} />;
  }
}

function LineShape(props: { shape: PreviewShape }): JSX.Element {
  const { shape } = props;
  const hasEnds = shape.beginX !== undefined && shape.beginY !== undefined && shape.endX !== undefined && shape.endY !== undefined;
  const bx = ptToPx(hasEnds ? (shape.beginX as number) : shape.left);
  const by = ptToPx(hasEnds ? (shape.beginY as number) : shape.top);
  const ex = ptToPx(hasEnds ? (shape.endX as number) : shape.left + shape.width);
  const ey = ptToPx(hasEnds ? (shape.endY as number) : shape.top + shape.height);
  const strokeW = Math.max(0.75, ptToPx(shape.lineWeight ?? 0.75));
  const pad = 6 + strokeW * 3;
  const left = Math.min(bx, ex) - pad;
  const top = Math.min(by, ey) - pad;
  const w = Math.abs(ex - bx) + 2 * pad;
  const h = Math.abs(ey - by) + 2 * pad;
  const color = shape.lineColor ?? "#4472C4";
  const arrow = shape.endArrowheadStyle && shape.endArrowheadStyle !== "None";
  const markerId = `vk-arrow-${safeId(shape.id || shape.name)}`;
  return (
    <div data-shape={shape.name} className="vk-shape vk-shape-line" style={{ position: "absolute", left, top, width: w, height: h, zIndex: 4, pointerEvents: "none" }}>
      <svg width={w} height={h} style={{ overflow: "visible" }}>
        {arrow ? (
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={5} markerHeight={5} orient="auto-start-reverse" markerUnits="strokeWidth">
              {shape.endArrowheadStyle === "Open" ? <path d="M 0 0 L 10 5 L 0 10" fill="none" stroke={color} strokeWidth={1.5} /> : <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />}
            </marker>
          </defs>
        ) : null}
        <line
          x1={bx - left}
          y1={by - top}
          x2={ex - left}
          y2={ey - top}
          stroke={color}
          strokeWidth={strokeW}
          strokeDasharray={dashArray(shape.lineDashStyle, strokeW)}
          markerEnd={arrow ? `url(#${markerId})` : undefined}
        />
      </svg>
    </div>
  );
}

export function ShapeView(props: { shape: PreviewShape }): JSX.Element {
  const { shape } = props;
  if (shape.type === "Line") return <LineShape shape={shape} />;
  const w = Math.max(1, ptToPx(shape.width));
  const h = Math.max(1, ptToPx(shape.height));
  const isText = shape.type === "TextBox";
  const fill = shape.fill ?? (isText ? "#FFFFFF" : "#4472C4");
  const line = shape.lineColor ?? (isText ? undefined : "#2F528F");
  const strokeW = line ? Math.max(0.75, ptToPx(shape.lineWeight ?? 0.75)) : 0;
  const color = shape.fontColor ?? (isText ? "#000000" : "#FFFFFF");
  const paint = {
    fill: fill && fill.toLowerCase() !== "none" ? fill : "none",
    stroke: line && line.toLowerCase() !== "none" ? line : "none",
    strokeWidth: strokeW,
    strokeDasharray: dashArray(shape.lineDashStyle, strokeW),
  };
  return (
    <div
      data-shape={shape.name}
      className={`vk-shape ${isText ? "vk-shape-text" : "vk-shape-geometric"}`}
      title={shape.name}
      style={{ position: "absolute", left: ptToPx(shape.left), top: ptToPx(shape.top), width: w, height: h, zIndex: 4 }}
    >
      <svg width={w} height={h} style={{ position: "absolute", left: 0, top: 0, overflow: "visible" }}>
        {geometry(isText ? "Rectangle" : shape.geometricShapeType ?? "Rectangle", w, h, strokeW / 2, paint as React.SVGProps<SVGElement>)}
      </svg>
      {shape.text ? (
        <div
          style={{
            position: "absolute",
            inset: 0,
            display: "flex",
            alignItems: isText ? "flex-start" : "center",
            justifyContent: isText ? "flex-start" : "center",
            textAlign: isText ? "left" : "center",
            padding: "4px 8px",
            boxSizing: "border-box",
            overflow: "hidden",
            color,
            fontFamily: FONT,
            fontSize: `${shape.fontSize ?? 11}pt`,
            fontWeight: shape.bold ? 700 : 400,
            lineHeight: 1.15,
            whiteSpace: "pre-wrap",
            overflowWrap: "anywhere",
          }}
        >
          <span>{shape.text}</span>
        </div>
      ) : null}
    </div>
  );
}
