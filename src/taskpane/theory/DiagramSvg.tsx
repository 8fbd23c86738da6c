/**
 * The programme-theory diagram as SVG, drawn from core's `layoutDiagram` (the same geometry as
 * the sheet "Programteori – diagram"): columns Målgruppe → Aktiviteter → Delmål → Slutmål, the
 * band of virksomme mekanismer, connectors with arrowheads, wrapped text, a colour per element
 * type. Presentation only: every coordinate comes from the layout.
 */
import * as React from "react";
import { BOX_PADDING_X, BOX_PADDING_Y, DIAGRAM_COLORS, LINE_HEIGHT_EM, type DiagramBox, type DiagramLayout } from "../../core/theory/diagram";

/** Fonts named in the SVG (also in the downloaded file): Calibri as in Excel, metric-compatible Carlito, then common fallbacks. */
export const DIAGRAM_FONT_FAMILY = "Calibri, Carlito, 'Segoe UI', Arial, Helvetica, sans-serif";
const CONNECTOR_COLOR = "#595959";
const HEADING_COLOR = "#1F4E79";
const ROUNDED: ReadonlySet<string> = new Set(["aktivitet", "delmaal"]);

function BoxText(props: { box: DiagramBox }): React.JSX.Element {
  const { box } = props;
  const lineH = box.fontSize * LINE_HEIGHT_EM;
  const top = box.y + (box.height - box.lines.length * lineH) / 2;
  const cx = box.x + box.width / 2;
  const bold = box.bold;
  return (
    <text x={cx} fontSize={box.fontSize} fontWeight={bold ? "bold" : "normal"} textAnchor="middle" fill="#000000">
      {box.lines.map((line, i) => (
        // Baseline: line box top + half the leading + ascent (≈ 0.8 em).
        <tspan key={i} x={cx} y={top + i * lineH + (lineH - box.fontSize) / 2 + box.fontSize * 0.8}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export const DiagramSvg = React.forwardRef<SVGSVGElement, { layout: DiagramLayout; label: string; width?: string }>(function DiagramSvg(props, ref) {
  const { layout } = props;
  const markerId = `theory-arrow-${React.useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  return (
    <svg
      ref={ref}
      viewBox={`0 0 ${layout.pageWidth} ${layout.pageHeight}`}
      width={props.width ?? "100%"}
      role="img"
      aria-label={props.label}
      data-testid="theory-diagram"
      fontFamily={DIAGRAM_FONT_FAMILY}
      style={{ display: "block", height: "auto" }}
    >
      <title>{props.label}</title>
      <defs>
        {/* 6 pt long and 5 pt wide (ARROW_LENGTH, 2 × ARROW_HALF_WIDTH in core's router), tip on the box edge. */}
        <marker id={markerId} viewBox="0 0 12 10" refX="12" refY="5" markerWidth={6 * layout.scale} markerHeight={5 * layout.scale} orient="auto-start-reverse" markerUnits="userSpaceOnUse">
          <polygon points="0,0 12,5 0,10" fill={CONNECTOR_COLOR} />
        </marker>
      </defs>
      <rect x={0} y={0} width={layout.pageWidth} height={layout.pageHeight} fill="#FFFFFF" />
      {layout.headings.map((h, i) => (
        <text key={`h${i}`} x={h.x + BOX_PADDING_X * layout.scale} y={h.y + BOX_PADDING_Y * layout.scale + h.fontSize} fontSize={h.fontSize} fontWeight={h.bold ? "bold" : "normal"} fill={HEADING_COLOR}>
          {h.text}
        </text>
      ))}
      {layout.boxes.map((b) => (
        <g key={b.id} data-box={b.id} data-kind={b.kind}>
          <rect
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            rx={ROUNDED.has(b.kind) ? Math.min(8, b.height / 4) : 0}
            fill={DIAGRAM_COLORS[b.kind].fill}
            stroke={DIAGRAM_COLORS[b.kind].line}
            strokeWidth={1}
          />
          <BoxText box={b} />
        </g>
      ))}
      {layout.connectors.map((c) => (
        <g key={c.id} data-connector={c.id}>
          <path
            data-link={c.id}
            d={c.points.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ")}
            fill="none"
            stroke={CONNECTOR_COLOR}
            strokeWidth={1}
            strokeDasharray={c.kind === "delmaal-delmaal" ? "4 3" : undefined}
            markerEnd={`url(#${markerId})`}
          />
          {c.label && c.labelAt ? (
            <text x={c.labelAt.x} y={c.labelAt.y} fontSize={c.labelFontSize ?? 7} textAnchor="middle" dominantBaseline="central" fill={DIAGRAM_COLORS.mekanisme.line}>
              {c.label}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
});
