/**
 * The "Registeropfølgning" sheet as a user sees it, built from R-checked fixture data: the headline's
 * numbers are the result's (weeks gained = control's RMST − intervention's), the charts' series point at
 * cells holding the curve's steps and the weekly shares, the numbers at risk equal counts made here from the
 * citizens' own weeks, every number is a number with a format, and the spec passes the spec check and the
 * personal-data gate (which sees the charts' strings too).
 */
import { buildRegisterSheet, type RegisterSheetInput } from "../../../src/core/register/sheet";
import { timeToSelfSupport } from "../../../src/core/register/weekly";
import { parseCell, parseRange, cellAddress } from "../../../src/core/report/address";
import { checkSheetSpecs } from "../../../src/core/report/specCheck";
import { findPersonalData } from "../../../src/core/report/personalData";
import { pageFooter } from "../../../src/core/report/pageFooter";
import { isFormula, type CellValue, type SheetSpec } from "../../../src/core/report/sheetSpec";
import { sheetInputOf, weeklyCases } from "./sheetInput";

/** The value a user sees in `address` (any block). */
function cell(spec: SheetSpec, address: string): CellValue | undefined {
  const at = parseCell(address);
  for (const b of spec.cells) {
    const top = parseCell(b.address);
    const v = b.values[at.row - top.row]?.[at.column - top.column];
    if (v !== undefined && at.row >= top.row && at.column >= top.column) return v;
  }
  return undefined;
}
const cells = (spec: SheetSpec, range: string): CellValue[] => {
  const r = parseRange(range);
  const out: CellValue[] = [];
  for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.columnCount; j++) out.push(cell(spec, cellAddress(r.row + i, r.column + j)) ?? null);
  return out;
};
/** 1-based row of the first cell in column A equal to or starting with `label`. */
function rowOf(spec: SheetSpec, label: string, after = 0): number {
  const grid = spec.cells[0].values;
  const i = grid.findIndex((r, k) => k + 1 > after && typeof r[0] === "string" && (r[0] as string).startsWith(label));
  if (i < 0) throw new Error(`no row "${label}"`);
  return i + 1;
}
/** The number format a user sees in `address` (the last style covering it). */
function formatOf(spec: SheetSpec, address: string): string | undefined {
  const a = parseCell(address);
  let f: string | undefined;
  for (const s of spec.styles ?? []) {
    const r = parseRange(s.range);
    if (s.style.numberFormat !== undefined && a.row >= r.row && a.row < r.row + r.rowCount && a.column >= r.column && a.column < r.column + r.columnCount) f = s.style.numberFormat;
  }
  return f;
}

describe.each(weeklyCases.slice(0, 4).map((c) => [c.id, c] as const))("register sheet, dataset %i", (_id, c) => {
  const { input, citizens } = sheetInputOf(c);
  const r = input.result;
  const spec = buildRegisterSheet(input);

  test("the headline: weeks gained = control's RMST − intervention's with the interval turned round; the share of weeks in the longest period", () => {
    const h = rowOf(spec, "Uger vundet i selvforsørgelse");
    expect(cell(spec, `A${h}`)).toBe(`Uger vundet i selvforsørgelse, uge 1–${r.tau}`);
    const [b, cc, d, e, f] = cells(spec, `B${h}:F${h}`) as number[];
    expect(b).toBe(r.intervention.rmst.estimate);
    expect(cc).toBe(r.control.rmst.estimate);
    expect(d).toBeCloseTo(r.control.rmst.estimate - r.intervention.rmst.estimate, 10);
    expect([e, f]).toEqual([-r.rmstDifference.ci.upper, -r.rmstDifference.ci.lower]);
    expect(e).toBeLessThanOrEqual(d);
    expect(f).toBeGreaterThanOrEqual(d);
    expect(formatOf(spec, `D${h}`)).toBe("0.0");
    const s = h + 1;
    const w = r.windows[2]; // 1–78, the longest
    expect(cell(spec, `A${s}`)).toBe("Andel af uger som selvforsørgende, uge 1–78");
    expect(cells(spec, `B${s}:G${s}`)).toEqual([w.intervention.mean, w.control.mean, w.difference * 100, w.ci!.lower * 100, w.ci!.upper * 100, w.pValue]);
    expect(formatOf(spec, `B${s}`)).toBe("0.0 %");
    expect(formatOf(spec, `G${s}`)).toBe('[<0.001]"<0,001";0.000');
  });

  test("the Kaplan–Meier chart's series point at the step coordinates of each group's curve, headed by the group", () => {
    const km = spec.charts!.find((x) => x.name === "KaplanMeier")!;
    expect(km.type).toBe("xyScatterLines");
    for (const [k, g, name] of [[0, r.intervention, "Indsatsgruppe"], [3, r.control, "Kontrolgruppe"]] as const) {
      const sr = km.series![k];
      expect(sr.name).toBe(name);
      const x = cells(spec, sr.xValues) as number[];
      const y = cells(spec, sr.yValues) as number[];
      const head = parseRange(sr.yValues);
      expect(cell(spec, cellAddress(head.row - 1, head.column))).toBe(name);
      // independently: 1 − the product-limit estimate from the event counts, step by step
      let s = 1;
      const want: [number, number][] = [[0, 0]];
      for (const st of g.curve.steps) {
        if (st.nEvent === 0) continue;
        want.push([st.time, 1 - s]);
        s *= 1 - st.nEvent / st.nRisk;
        want.push([st.time, 1 - s]);
      }
      const got = x.map((t, i) => [t, y[i]] as [number, number]);
      for (const [t, v] of want) expect(got.some(([gt, gv]) => gt === t && Math.abs(gv - v) < 1e-12)).toBe(true);
      expect(x.every((t, i) => i === 0 || t >= x[i - 1])).toBe(true);
      expect(formatOf(spec, sr.yValues.split(":")[0])).toBe("0 %");
    }
    const lower = km.series![1];
    expect(lower.dashed).toBe(true);
    expect(lower.xValues).toBe(km.series![0].xValues);
  });

  test("the weekly share chart plots the result's share per week per group", () => {
    const wk = spec.charts!.find((x) => x.name === "UgentligAndel")!;
    expect(cells(spec, wk.series![0].xValues)).toEqual(r.weeklyShare.map((w) => w.week));
    expect(cells(spec, wk.series![0].yValues)).toEqual(r.weeklyShare.map((w) => w.intervention));
    expect(cells(spec, wk.series![1].yValues)).toEqual(r.weeklyShare.map((w) => w.control));
  });

  test("numbers at risk under the chart equal the citizens still not self-supporting and followed at each week", () => {
    const h = rowOf(spec, "Antal i risiko") + 1;
    const weeks = spec.cells[0].values[h - 1].slice(1).filter((v) => typeof v === "number") as number[];
    expect(weeks[0]).toBe(0);
    expect(weeks.length).toBeGreaterThan(3);
    for (const [row, g] of [[h + 1, 1], [h + 2, 0]] as const) {
      const times = citizens.filter((x) => x.group === g).map((x) => timeToSelfSupport(x.weeks, c.k)).filter((t) => t !== null);
      const want = weeks.map((t) => times.filter((x) => x!.time >= Math.max(t, 1)).length);
      expect(spec.cells[0].values[row - 1].slice(1, 1 + weeks.length)).toEqual(want);
    }
    // the table stands right under the chart
    const km = spec.charts!.find((x) => x.name === "KaplanMeier")!;
    expect(parseCell(km.bottomRight).row + 1).toBe(h - 2);
  });

  test("tables: medians with limits, log-rank plain and stratified, RMST per group and difference, varig selvforsørgelse", () => {
    const m = rowOf(spec, "Indsatsgruppe", rowOf(spec, "Mediantid"));
    const nr = "ikke nået";
    expect(cells(spec, `B${m}:F${m}`)).toEqual([r.intervention.curve.n, r.intervention.curve.events, r.intervention.median.median ?? nr, r.intervention.median.lower ?? nr, r.intervention.median.upper ?? nr]);
    const lr = rowOf(spec, "Log-rank", rowOf(spec, "Log-rank-test"));
    expect(cells(spec, `B${lr}:D${lr + 1}`)).toEqual([r.logRank!.statistic, r.logRank!.df, r.logRank!.pValue, r.stratifiedLogRank!.statistic, r.stratifiedLogRank!.df, r.stratifiedLogRank!.pValue]);
    const d = rowOf(spec, "Forskel (indsats − kontrol)");
    expect(cells(spec, `B${d}:E${d}`)).toEqual([r.rmstDifference.estimate, r.rmstDifference.se, r.rmstDifference.ci.lower, r.rmstDifference.ci.upper]);
    const v = rowOf(spec, "Varig selvforsørgelse", rowOf(spec, "Varig selvforsørgelse: mindst"));
    const dur = r.durable!;
    expect(cells(spec, `B${v}:D${v}`)).toEqual([dur.difference! * 100, dur.ci!.lower * 100, dur.ci!.upper * 100]);
  });

  test("every number is a number: no cell holds a number written as text", () => {
    for (const b of spec.cells) for (const row of b.values) for (const v of row) if (typeof v === "string") expect(v).not.toMatch(/^[-−]?\d+([.,]\d+)?\s?%?$/);
  });

  test("the spec passes the spec check and the personal-data gate; the footer is every sheet's footer", () => {
    expect(() => checkSheetSpecs([spec])).not.toThrow();
    expect(findPersonalData(spec)).toEqual([]);
    expect(spec.pageSetup!.footer).toEqual(pageFooter("da", "Registeropfølgning"));
    expect(spec.cells.flatMap((b) => b.values.flat()).some((v) => isFormula(v))).toBe(false);
  });
});

describe("register sheet choices", () => {
  const c = weeklyCases[1];
  test("without stratification there is no stratified log-rank row, and the methods do not claim one", () => {
    const spec = buildRegisterSheet(sheetInputOf(c, { stratified: false }).input);
    const all = spec.cells[0].values.map((r) => r[0]);
    expect(all).toContain("Log-rank");
    expect(all).not.toContain("Log-rank, stratificeret");
    expect(all.join(" ")).not.toContain("stratificeret efter strata");
    expect(buildRegisterSheet(sheetInputOf(c).input).cells[0].values.map((r) => r[0]).join(" ")).toContain("stratificeret efter strata");
  });
  test("without bands the chart has one series per group", () => {
    const spec = buildRegisterSheet(sheetInputOf(c, { confidenceBands: false }).input);
    expect(spec.charts![0].series!.map((s) => s.name)).toEqual(["Indsatsgruppe", "Kontrolgruppe"]);
  });
  test("the methods state the event and censoring rule with k, the start week and the RMST horizon", () => {
    const { input } = sheetInputOf(c);
    const text = buildRegisterSheet(input).cells[0].values.map((r) => r[0]).join("\n");
    expect(text).toContain(`mindst ${c.k} observerede uger i træk`);
    expect(text).toContain("startuge tæller som uge 1");
    expect(text).toContain("censureret i sin sidste observerede uge. Det ændrer tallene");
    expect(text).toContain(`τ = ${input.result.tau} uger`);
    expect(text).toContain("log-log");
    expect(text).toContain("midtpunktet");
  });
  test("a CPR number in the data sheet's name (user text) is caught by the gate; so is one in a chart's series name", () => {
    const { input } = sheetInputOf(c);
    const bad: RegisterSheetInput = { ...input, source: { ...input.source, sheet: "Data 010190-1234" } };
    expect(findPersonalData(buildRegisterSheet(bad)).map((h) => h.da)).toContain("Registeropfølgning!A2");
    const spec = buildRegisterSheet(input);
    const withCpr: SheetSpec = { ...spec, charts: spec.charts!.map((ch, i) => (i === 0 ? { ...ch, series: ch.series!.map((s, k) => (k === 0 ? { ...s, name: "010190-1234" } : s)) } : ch)) };
    expect(findPersonalData(withCpr).map((h) => h.da)).toContain("diagram 1");
  });
  test("the spec check refuses a broken XY chart: no series, a series on a column chart, a series outside its data block, x and y of different length", () => {
    const spec = buildRegisterSheet(sheetInputOf(c).input);
    const km = spec.charts![0];
    const variant = (ch: typeof km): SheetSpec => ({ ...spec, charts: [ch] });
    expect(() => checkSheetSpecs([variant({ ...km, series: [] })])).toThrow(/ingen serier/);
    expect(() => checkSheetSpecs([variant({ ...km, type: "columnClustered" })])).toThrow(/serieliste/);
    expect(() => checkSheetSpecs([variant({ ...km, series: [{ ...km.series![0], yValues: "A1:A5", xValues: "B1:B5" }] })])).toThrow(/uden for diagrammets dataområde/);
    const x = parseRange(km.series![0].xValues);
    expect(() => checkSheetSpecs([variant({ ...km, series: [{ ...km.series![0], xValues: `${km.series![0].xValues.split(":")[0]}:${cellAddress(x.row + x.rowCount - 2, x.column)}` }] })])).toThrow(/x-værdier men/);
  });
});

describe("the edge datasets (all censored, no events in the control group, one week, late entries, ties)", () => {
  test.each(weeklyCases.filter((c) => c.id > 8).map((c) => [c.id, c] as const))("dataset %i builds a sheet that passes the spec check, with finite numbers and no negative zero", (_id, c) => {
    const { input } = sheetInputOf(c);
    const spec = buildRegisterSheet(input);
    expect(() => checkSheetSpecs([spec])).not.toThrow();
    const numbers = spec.cells.flatMap((b) => b.values.flat()).filter((v): v is number => typeof v === "number");
    expect(numbers.every((v) => Number.isFinite(v) && !Object.is(v, -0))).toBe(true);
    const h = rowOf(spec, "Uger vundet i selvforsørgelse");
    const gained = cell(spec, `D${h}`);
    expect(typeof gained === "number" ? gained : null).toBeCloseTo(input.result.control.rmst.estimate - input.result.intervention.rmst.estimate, 10);
  });
});
