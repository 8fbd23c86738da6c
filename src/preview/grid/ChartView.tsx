/** A worksheet chart drawn as plain SVG: frame, title, axes, series (lines, bars, pie), legend. */
import * as React from "react";
import type { PreviewChart, PreviewChartSeries } from "../workbook/model";
import { ptToPx } from "./layout";
import { formatGeneral, formatNumber } from "./numberFormat";

/** Office theme accent colours, the default series colours in Excel. */
export const SERIES_COLORS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E", "#636363", "#997300"];

type Kind = "line" | "column" | "bar" | "pie";

function chartKind(type: string): { kind: Kind; stacked: boolean; percent: boolean; markers: boolean } {
  const t = type.toLowerCase();
  const stacked = t.includes("stacked");
  const percent = t.includes("100");
  if (t.startsWith("pie") || t.startsWith("doughnut")) return { kind: "pie", stacked: false, percent: false, markers: false };
  if (t.startsWith("line")) return { kind: "line", stacked, percent, markers: t.includes("markers") };
  if (t.startsWith("xyscatter")) return { kind: "line", stacked: false, percent: false, markers: true };
  if (t.startsWith("bar")) return { kind: "bar", stacked, percent, markers: false };
  return { kind: "column", stacked, percent, markers: false };
}

function niceStep(range: number, ticks: number): number {
  if (!(range > 0)) return 1;
  const raw = range / ticks;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * mag;
}

function axisLabel(v: number, percent: boolean): string {
  const rounded = Number(v.toPrecision(12));
  return percent ? `${formatGeneral(Math.round(rounded * 100))}%` : formatGeneral(rounded);
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, Math.max(1, max - 1))}…` : s;
}

export function ChartView(props: { chart: PreviewChart; /** Pixel top and height on the grid (see objectAnchor.ts). */ box?: { top: number; height: number } }): JSX.Element {
  const { chart } = props;
  const width = Math.max(40, ptToPx(chart.width));
  const height = Math.max(40, props.box ? props.box.height : ptToPx(chart.height));
  let categories: string[] = [];
  let series: PreviewChartSeries[] = [];
  let problem: string | null = null;
  try {
    categories = chart.categories();
    series = chart.series();
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
  }
  const style: React.CSSProperties = {
    position: "absolute",
    left: ptToPx(chart.left),
    top: props.box ? props.box.top : ptToPx(chart.top),
    width,
    height,
    zIndex: 3,
  };
  return (
    <div data-chart={chart.name} title={chart.title || chart.name} style={style} className="vk-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={chart.title || chart.name}>
        <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="#FFFFFF" stroke="#D9D9D9" />
        {chart.title ? (
          <text x={width / 2} y={22} textAnchor="middle" fontSize={14} fill="#595959" fontFamily="Calibri, 'Segoe UI', Arial, sans-serif">
            {truncate(chart.title, Math.floor(width / 7))}
          </text>
        ) : null}
        {problem !== null ? (
          <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={11} fill="#A00000">
            {`Diagrammets data kan ikke læses: ${problem}`}
          </text>
        ) : (
          <ChartBody type={chart.type} categories={categories} series={series} width={width} height={height} hasTitle={!!chart.title} dataLabels={!!chart.dataLabels} />
        )}
      </svg>
    </div>
  );
}

/** Ticks of a value axis over lo..hi (widened to include 0, as Excel's automatic axis does for typical data). */
function axisTicks(lo: number, hi: number): { min: number; max: number; ticks: number[] } {
  lo = Math.min(lo, 0);
  hi = Math.max(hi, 0);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, 5);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step * 1e-6; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min, max, ticks };
}

/** SVG dashes for Excel's ChartLineStyle. */
function dashesOf(lineStyle: string | undefined): string | undefined {
  if (lineStyle === "Dash") return "6 4";
  if (lineStyle === "Dot" || lineStyle === "RoundDot") return "2 3";
  if (lineStyle === "DashDot") return "6 3 2 3";
  if (lineStyle === "DashDotDot") return "6 3 2 3 2 3";
  return undefined;
}

/**
 * An XY scatter: numeric x and y axes, each series through its own (x, y) points in order, straight lines
 * (XYScatterLines…) with markers unless "NoMarkers"; an empty cell breaks the line, as Excel does by
 * default. Axis labels in the number format of the first point's cell (Excel links the axis to the source).
 */
function XYBody(props: { type: string; series: PreviewChartSeries[]; width: number; height: number; top: number }): JSX.Element {
  const { series, width, height, top } = props;
  const t = props.type.toLowerCase();
  const lines = t.includes("lines") || t.includes("smooth");
  const markers = !t.includes("nomarkers");
  const font = "Calibri, Carlito, 'Segoe UI', Arial, sans-serif";
  const points = series.map((s) => s.values.map((y, i): [number, number] | null => (Number.isFinite(y) && Number.isFinite(s.x?.[i] ?? i + 1) ? [s.x?.[i] ?? i + 1, y] : null)));
  const all = points.flat().filter((p): p is [number, number] => p !== null);
  if (all.length === 0) {
    return (
      <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={11} fill="#7F7F7F" fontFamily={font}>
        Ingen data
      </text>
    );
  }
  const xs = axisTicks(Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0])));
  const ys = axisTicks(Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1])));
  const yFormat = series.find((s) => s.formats?.length)?.formats?.[0] ?? "General";
  const xFormat = "General";
  const legendRows = Math.ceil(series.length / 3);
  const plotLeft = Math.max(...ys.ticks.map((v) => formatNumber(v, yFormat).length)) * 6 + 12;
  const plotRight = width - 12;
  const plotBottom = height - 22 - legendRows * 16 - 6;
  const xOf = (v: number): number => plotLeft + ((v - xs.min) / (xs.max - xs.min)) * (plotRight - plotLeft);
  const yOf = (v: number): number => plotBottom - ((v - ys.min) / (ys.max - ys.min)) * (plotBottom - top);
  const colour = (s: PreviewChartSeries, i: number): string => s.color ?? SERIES_COLORS[i % SERIES_COLORS.length];
  const itemW = (width - 20) / Math.min(3, Math.max(1, series.length));
  return (
    <g>
      {ys.ticks.map((v, i) => (
        <g key={`y${i}`}>
          <line x1={plotLeft} x2={plotRight} y1={yOf(v)} y2={yOf(v)} stroke="#E7E6E6" />
          <text x={plotLeft - 5} y={yOf(v) + 4} textAnchor="end" fontSize={10} fill="#595959" fontFamily={font}>
            {formatNumber(v, yFormat)}
          </text>
        </g>
      ))}
      {xs.ticks.map((v, i) => (
        <text key={`x${i}`} className="vk-chart-category" x={xOf(v)} y={plotBottom + 14} textAnchor="middle" fontSize={10} fill="#595959" fontFamily={font}>
          {formatNumber(v, xFormat)}
        </text>
      ))}
      <line x1={plotLeft} x2={plotRight} y1={yOf(0)} y2={yOf(0)} stroke="#BFBFBF" />
      {points.map((pts, s) => {
        const runs: string[][] = [[]];
        for (const p of pts) {
          if (!p) {
            if (runs[runs.length - 1].length > 0) runs.push([]);
            continue;
          }
          runs[runs.length - 1].push(`${xOf(p[0]).toFixed(1)},${yOf(p[1]).toFixed(1)}`);
        }
        const c = colour(series[s], s);
        return (
          <g key={`s${s}`} data-series={series[s].name}>
            {lines
              ? runs.filter((r) => r.length > 0).map((r, k) => <polyline key={k} className="vk-chart-line" points={r.join(" ")} fill="none" stroke={c} strokeWidth={2} strokeDasharray={dashesOf(series[s].lineStyle)} />)
              : null}
            {markers ? pts.map((p, i) => (p ? <circle key={`m${i}`} cx={xOf(p[0])} cy={yOf(p[1])} r={3} fill={c} /> : null)) : null}
          </g>
        );
      })}
      <g className="vk-chart-legend">
        {series.map((s, i) => (
          <g key={`lg${i}`} transform={`translate(${10 + (i % 3) * itemW}, ${height - 8 - (legendRows - 1 - Math.floor(i / 3)) * 16 - 8})`}>
            <line x1={0} x2={14} y1={3} y2={3} stroke={colour(s, i)} strokeWidth={2} strokeDasharray={dashesOf(s.lineStyle)} />
            <text x={18} y={7} fontSize={11} fill="#595959" fontFamily={font}>
              {truncate(s.name, Math.floor((itemW - 22) / 6))}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
}

function ChartBody(props: { type: string; categories: string[]; series: PreviewChartSeries[]; width: number; height: number; hasTitle: boolean; dataLabels: boolean }): JSX.Element {
  const { type, series, width, height, hasTitle } = props;
  if (type.toLowerCase().startsWith("xyscatter")) return <XYBody type={type} series={series} width={width} height={height} top={hasTitle ? 34 : 12} />;
  const { kind, stacked, percent, markers } = chartKind(type);
  const nCat = Math.max(props.categories.length, ...series.map((s) => s.values.length), 0);
  const categories = Array.from({ length: nCat }, (_, i) => props.categories[i] ?? String(i + 1));
  const font = "Calibri, Carlito, 'Segoe UI', Arial, sans-serif";
  const legendH = series.length > 0 ? 22 : 0;
  const top = hasTitle ? 34 : 12;
  const bottomLegendY = height - 8;
  const legend = (
    <g className="vk-chart-legend">
      {(() => {
        const items = kind === "pie" ? categories : series.map((s) => s.name);
        const itemW = Math.min(140, Math.max(50, (width - 20) / Math.max(1, items.length)));
        const totalW = itemW * items.length;
        const x0 = Math.max(6, (width - totalW) / 2);
        return items.map((name, i) => (
          <g key={`lg${i}`} transform={`translate(${x0 + i * itemW}, ${bottomLegendY - 8})`}>
            <rect x={0} y={-1} width={8} height={8} fill={SERIES_COLORS[i % SERIES_COLORS.length]} />
            <text x={12} y={7} fontSize={11} fill="#595959" fontFamily={font}>
              {truncate(name, Math.floor((itemW - 14) / 6))}
            </text>
          </g>
        ));
      })()}
    </g>
  );

  if (nCat === 0 || series.length === 0) {
    return (
      <text x={width / 2} y={height / 2} textAnchor="middle" fontSize={11} fill="#7F7F7F" fontFamily={font}>
        Ingen data
      </text>
    );
  }

  if (kind === "pie") {
    const values = (series[0]?.values ?? []).map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
    const total = values.reduce((a, b) => a + b, 0);
    const cx = width / 2;
    const cy = top + (height - top - legendH - 10) / 2;
    const r = Math.max(5, Math.min(width / 2 - 12, (height - top - legendH - 16) / 2));
    let angle = -Math.PI / 2;
    const slices = values.map((v, i) => {
      const a = total > 0 ? (v / total) * Math.PI * 2 : 0;
      const x1 = cx + r * Math.cos(angle);
      const y1 = cy + r * Math.sin(angle);
      angle += a;
      const x2 = cx + r * Math.cos(angle);
      const y2 = cy + r * Math.sin(angle);
      const large = a > Math.PI ? 1 : 0;
      const d = a >= Math.PI * 2 - 1e-9 ? `M ${cx - r} ${cy} A ${r} ${r} 0 1 1 ${cx + r} ${cy} A ${r} ${r} 0 1 1 ${cx - r} ${cy} Z` : `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${large} 1 ${x2} ${y2} Z`;
      return <path key={`s${i}`} d={d} fill={SERIES_COLORS[i % SERIES_COLORS.length]} stroke="#FFFFFF" strokeWidth={1} data-series={series[0]?.name} />;
    });
    return (
      <g>
        {slices}
        {legend}
      </g>
    );
  }

  // Values per series and category; stacked charts plot cumulative values.
  const raw = series.map((s) => categories.map((_, i) => (Number.isFinite(s.values[i]) ? s.values[i] : NaN)));
  const totals = categories.map((_, i) => raw.reduce((a, vals) => a + (Number.isFinite(vals[i]) ? Math.abs(vals[i]) : 0), 0));
  const scaled = percent ? raw.map((vals) => vals.map((v, i) => (totals[i] > 0 ? v / totals[i] : NaN))) : raw;
  // For each series and category: [start, end] on the value axis.
  const spans: Array<Array<[number, number] | null>> = [];
  const posAcc = categories.map(() => 0);
  const negAcc = categories.map(() => 0);
  for (const vals of scaled) {
    spans.push(
      vals.map((v, i) => {
        if (!Number.isFinite(v)) return null;
        if (!stacked) return [0, v];
        if (v >= 0) {
          const s: [number, number] = [posAcc[i], posAcc[i] + v];
          posAcc[i] += v;
          return s;
        }
        const s: [number, number] = [negAcc[i], negAcc[i] + v];
        negAcc[i] += v;
        return s;
      }),
    );
  }
  // The value axis always includes zero, as Excel's automatic axis does for typical data.
  let lo = 0;
  let hi = 0;
  for (const row of spans)
    for (const sp of row) {
      if (!sp) continue;
      lo = Math.min(lo, sp[0], sp[1]);
      hi = Math.max(hi, sp[0], sp[1]);
    }
  if (percent) hi = Math.max(hi, 1);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, 5);
  const axisMin = Math.floor(lo / step + 1e-9) * step;
  const axisMax = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = axisMin; v <= axisMax + step * 1e-6; v += step) ticks.push(Number(v.toPrecision(12)));

  const tickLabelW = Math.max(...ticks.map((t) => axisLabel(t, percent).length)) * 6 + 10;
  const maxCatLen = Math.max(...categories.map((c) => c.length));
  const plotBottom = height - legendH - (kind === "bar" ? 22 : 24);
  if (kind === "bar") {
    const catW = Math.min(width * 0.35, maxCatLen * 6 + 10);
    const plotLeft = catW;
    const plotRight = width - 14;
    const plotTop = top;
    const xOf = (v: number): number => plotLeft + ((v - axisMin) / (axisMax - axisMin)) * (plotRight - plotLeft);
    const bandH = (plotBottom - plotTop) / nCat;
    const barH = (bandH * 0.65) / (stacked ? 1 : series.length);
    return (
      <g>
        {ticks.map((t, i) => (
          <g key={`t${i}`}>
            <line x1={xOf(t)} x2={xOf(t)} y1={plotTop} y2={plotBottom} stroke="#E7E6E6" />
            <text x={xOf(t)} y={plotBottom + 14} textAnchor="middle" fontSize={10} fill="#595959" fontFamily={font}>
              {axisLabel(t, percent)}
            </text>
          </g>
        ))}
        <line x1={xOf(0)} x2={xOf(0)} y1={plotTop} y2={plotBottom} stroke="#BFBFBF" />
        {categories.map((c, i) => {
          // Excel draws the first category at the bottom of a bar chart.
          const yc = plotBottom - (i + 0.5) * bandH;
          return (
            <text key={`c${i}`} x={plotLeft - 4} y={yc + 4} textAnchor="end" fontSize={10} fill="#595959" fontFamily={font} className="vk-chart-category">
              {truncate(c, Math.floor((catW - 8) / 6))}
            </text>
          );
        })}
        {spans.map((row, s) =>
          row.map((sp, i) => {
            if (!sp) return null;
            const yBand = plotBottom - (i + 1) * bandH + bandH * 0.175;
            const y = stacked ? yBand : yBand + s * barH;
            const x1 = xOf(Math.min(sp[0], sp[1]));
            const x2 = xOf(Math.max(sp[0], sp[1]));
            return <rect key={`b${s}-${i}`} className="vk-chart-bar" data-series={series[s].name} x={x1} y={y} width={Math.max(0, x2 - x1)} height={Math.max(0.5, barH)} fill={SERIES_COLORS[s % SERIES_COLORS.length]} />;
          }),
        )}
        {legend}
      </g>
    );
  }

  const plotLeft = tickLabelW;
  const plotRight = width - 12;
  const plotTop = top;
  const yOf = (v: number): number => plotBottom - ((v - axisMin) / (axisMax - axisMin)) * (plotBottom - plotTop);
  const bandW = (plotRight - plotLeft) / nCat;
  const labelEvery = Math.max(1, Math.ceil((maxCatLen * 6 + 6) / Math.max(1, bandW)));
  const barW = (bandW * 0.65) / (stacked ? 1 : series.length);
  return (
    <g>
      {ticks.map((t, i) => (
        <g key={`t${i}`}>
          <line x1={plotLeft} x2={plotRight} y1={yOf(t)} y2={yOf(t)} stroke="#E7E6E6" />
          <text x={plotLeft - 5} y={yOf(t) + 4} textAnchor="end" fontSize={10} fill="#595959" fontFamily={font}>
            {axisLabel(t, percent)}
          </text>
        </g>
      ))}
      <line x1={plotLeft} x2={plotRight} y1={yOf(Math.max(axisMin, Math.min(0, axisMax)))} y2={yOf(Math.max(axisMin, Math.min(0, axisMax)))} stroke="#BFBFBF" />
      {categories.map((c, i) =>
        i % labelEvery === 0 ? (
          <text key={`c${i}`} x={plotLeft + (i + 0.5) * bandW} y={plotBottom + 14} textAnchor="middle" fontSize={10} fill="#595959" fontFamily={font} className="vk-chart-category">
            {truncate(c, Math.max(3, Math.floor((bandW * labelEvery) / 6)))}
          </text>
        ) : null,
      )}
      {kind === "column"
        ? spans.map((row, s) =>
            row.map((sp, i) => {
              if (!sp) return null;
              const xBand = plotLeft + i * bandW + bandW * 0.175;
              const x = stacked ? xBand : xBand + s * barW;
              const y1 = yOf(Math.max(sp[0], sp[1]));
              const y2 = yOf(Math.min(sp[0], sp[1]));
              const bar = <rect key={`b${s}-${i}`} className="vk-chart-bar" data-series={series[s].name} x={x} y={y1} width={Math.max(0.5, barW)} height={Math.max(0, y2 - y1)} fill={SERIES_COLORS[s % SERIES_COLORS.length]} />;
              if (!props.dataLabels) return bar;
              // Excel's data labels show the value in its source cell's number format, above the bar (inside when stacked)
              const label = formatNumber(series[s].values[i], series[s].formats?.[i] ?? "General");
              return (
                <g key={`b${s}-${i}`}>
                  {bar}
                  <text className="vk-chart-label" x={x + barW / 2} y={stacked ? (y1 + y2) / 2 + 4 : y1 - 3} textAnchor="middle" fontSize={9} fill="#404040" fontFamily={font}>
                    {label}
                  </text>
                </g>
              );
            }),
          )
        : spans.map((row, s) => {
            const color = SERIES_COLORS[s % SERIES_COLORS.length];
            // A gap in the data breaks the line, as Excel does by default.
            const runs: string[][] = [[]];
            row.forEach((sp, i) => {
              if (!sp) {
                if (runs[runs.length - 1].length > 0) runs.push([]);
                return;
              }
              runs[runs.length - 1].push(`${(plotLeft + (i + 0.5) * bandW).toFixed(1)},${yOf(sp[1]).toFixed(1)}`);
            });
            return (
              <g key={`l${s}`} data-series={series[s].name}>
                {runs
                  .filter((r) => r.length > 0)
                  .map((r, k) => (
                    <polyline key={k} className="vk-chart-line" points={r.join(" ")} fill="none" stroke={color} strokeWidth={2.25} strokeLinejoin="round" strokeLinecap="round" />
                  ))}
                {markers
                  ? row.map((sp, i) =>
                      sp ? <circle key={`m${i}`} cx={plotLeft + (i + 0.5) * bandW} cy={yOf(sp[1])} r={3.5} fill={color} stroke="#FFFFFF" strokeWidth={0.75} /> : null,
                    )
                  : null}
              </g>
            );
          })}
      {legend}
    </g>
  );
}
