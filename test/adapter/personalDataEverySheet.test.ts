/**
 * Issue 19: proof that every sheet kind goes through the personal-data gate.
 * 1. The renderer is the only write path: no module outside src/excel/render*.ts writes cell values,
 *    formulas, shapes, charts or names, and only src/excel/state.ts and the register write settings.
 * 2. Every sheet kind the add-in generates is built through its real entry point on the sample workbook
 *    (the specs are collected on their way into the renderer); then for each spec, a CPR number put into
 *    ANY of its strings (cells, formulas, header, footer, shapes, chart titles, names, lists …) is refused
 *    by the renderer's check, naming the place and never the value.
 */
import * as fs from "fs";
import * as path from "path";
import { outcomesFromTheory, suggestSettings } from "../../src/core/analysis";
import { CHAIN_DIAGRAM_SHEET_NAME, CHAIN_SHEET_NAME } from "../../src/core/chain";
import { planSampleSize, planningSheetSpec } from "../../src/core/design";
import { MEASUREMENT_SHEET_NAME, PROGRESSION_SHEET_NAME, scaleItems } from "../../src/core/progression";
import { refusePersonalData } from "../../src/core/report/personalData";
import type { SheetSpec } from "../../src/core/report/sheetSpec";
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { TEMPLATES } from "../../src/core/theory";
import type { VirkningError } from "../../src/core/errors";
import { runAndWriteChain } from "../../src/excel/chainStore";
import { readSheetSource, runAndWriteComparison, saveComparisonSettings } from "../../src/excel/comparisonStore";
import { randomise } from "../../src/excel/designStore";
import { defaultProgressionSettings, generateMeasurementSheet, runAndWriteProgression } from "../../src/excel/progressionStore";
import * as render from "../../src/excel/render";
import { buildSummary } from "../../src/excel/summaryStore";
import { saveTheory } from "../../src/excel/theoryStore";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { CPR_FORMS, echoesCpr } from "../fixtures/cprForms";

const SRC = path.join(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe("the renderer is the only write path", () => {
  const files = sourceFiles(SRC).filter((f) => !f.includes(`${path.sep}preview${path.sep}`));
  const rel = (f: string): string => path.relative(SRC, f).split(path.sep).join("/");

  test.each<[string, RegExp, string[]]>([
    ["cell values and formulas", /\.(values|formulas|formulasLocal|formulasR1C1)\s*=[^=]/, ["excel/renderOps.ts"]],
    ["shape and chart text", /\.(textRange\.text|title\.text)\s*=[^=]/, ["excel/renderOps.ts"]],
    ["new shapes, charts, tables, names", /\.(shapes\.add\w*|charts\.add|tables\.add|names\.add)\(/, ["excel/renderOps.ts", "excel/render.ts", "excel/ownership.ts"]], // ownership: the sheet's mark (our token)
    ["headers and footers", /\.(centerHeader|centerFooter|rightFooter|leftFooter|rightHeader|leftHeader)\s*=[^=]/, ["excel/renderOps.ts"]],
    ["workbook settings", /settings\.add\(/, ["excel/state.ts", "excel/ownership.ts"]],
  ])("%s are written only by the renderer (or the settings store)", (_what, pattern, allowed) => {
    const writers = files.filter((f) => pattern.test(fs.readFileSync(f, "utf8"))).map(rel);
    expect(writers.filter((w) => !allowed.includes(w))).toEqual([]);
  });

  test("the renderer checks for personal data before any write, in both entry points", () => {
    const text = fs.readFileSync(path.join(SRC, "excel/render.ts"), "utf8");
    const check = text.slice(text.indexOf("function checkSpecs"), text.indexOf("function checkSpecs") + 400);
    expect(check).toMatch(/refusePersonalData\(specs\)/);
    expect(text.match(/checkSpecs\(specs\);/g)?.length).toBe(2); // renderSpecs and renderSheets
  });
});

/** Every string in the spec, with a setter that puts `text` there (in a copy). */
function stringPlaces(spec: SheetSpec): { where: string; put: (text: string) => SheetSpec }[] {
  const out: { where: string; put: (text: string) => SheetSpec }[] = [];
  const visit = (v: unknown, p: (string | number)[]): void => {
    if (typeof v === "string") {
      out.push({
        where: p.join("."),
        put: (text) => {
          const copy = structuredClone(spec) as unknown as Record<string | number, unknown>;
          let o = copy as Record<string | number, unknown>;
          for (const k of p.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
          o[p[p.length - 1]] = `${v} ${text}`;
          return copy as unknown as SheetSpec;
        },
      });
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...p, i]));
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) visit(x, [...p, k]);
  };
  visit(spec, []);
  return out;
}

/** At most `n` places, spread over the spec, keeping every place outside the cells. */
function sample<T extends { where: string }>(places: T[], n: number): T[] {
  const cells = places.filter((p) => p.where.startsWith("cells."));
  const rest = places.filter((p) => !p.where.startsWith("cells."));
  const step = Math.max(1, Math.ceil(cells.length / n));
  return [...rest, ...cells.filter((_, i) => i % step === 0)];
}

describe("every sheet kind goes through the gate", () => {
  const specs = new Map<string, SheetSpec>();

  beforeAll(async () => {
    const original = render.renderSheets;
    const spy = jest.spyOn(render, "renderSheets").mockImplementation(async (run, list) => {
      for (const s of list) specs.set(s.name, s);
      return original(run, list);
    });
    const wb = createPreviewWorkbook({ sample: true });
    const run = wb.run.bind(wb);
    const theory = TEMPLATES[0].build();
    await saveTheory(run, theory, "da", { shapes: true });
    const input = (await readSheetSource(run, "Borgere"))!;
    const s = suggestSettings(input);
    s.outcomes = outcomesFromTheory(theory);
    await saveComparisonSettings(run, s);
    await runAndWriteComparison(run, s, { lang: "da" });
    await randomise(run, { version: 1, sheet: "Borgere", idColumn: { index: 0, header: "ID" }, strata: [], seed: 7, blockSize: 2, reserves: 0, protect: true, declines: [] }, { lang: "da" });
    const citizens = ["B001", "B002", "B003", "B004"].map((id, i) => ({ id, group: i % 2 ? "Kontrol" : "Indsats" }));
    await generateMeasurementSheet(run, { citizens, startDate: 46023, theory });
    const item = scaleItems(theory)[0];
    const sheet = wb.getSheet(MEASUREMENT_SHEET_NAME)!;
    const col = Array.from({ length: sheet.usedExtent().columnCount }, (_, c) => String(sheet.getCell(3, c)?.value ?? "")).findIndex((h) => h.startsWith(`${item.id}:`));
    for (let r = 4; r < sheet.usedExtent().rowCount; r++) if ((sheet.getCell(r, 2)?.value as number) <= 2) wb.setCellByUser(MEASUREMENT_SHEET_NAME, r, col, item.labels[1 + ((r * 7) % 3)]);
    await runAndWriteProgression(run, defaultProgressionSettings(), { theory });
    await runAndWriteChain(run, { lang: "da", shapes: true });
    await buildSummary(run, { followUp: null, threshold: 5, lang: "da", audience: "internal" });
    await render.renderSheets(run, [planningSheetSpec(planSampleSize({ rows: [{ outcome: "I job", timepoint: "12 mdr.", pControl: 0.2, pIntervention: 0.4 }], alpha: 0.05, mode: { kind: "n", power: 0.8 } }))]);
    spy.mockRestore();
  });

  test("all sheet kinds were built through their entry points", () => {
    const names = [...specs.keys()];
    for (const n of ["Programteori", "Programteori – diagram", "Sammenligning", "Randomisering", MEASUREMENT_SHEET_NAME, PROGRESSION_SHEET_NAME, CHAIN_SHEET_NAME, CHAIN_DIAGRAM_SHEET_NAME, SUMMARY_SHEET_NAME]) expect(names).toContain(n);
    expect(names.length).toBeGreaterThanOrEqual(8); // and the planning sheet
  });

  test("a CPR number in any string of any generated spec is refused, naming the place, never the value", () => {
    let checked = 0;
    for (const [name, spec] of specs) {
      expect(() => refusePersonalData([spec])).not.toThrow();
      sample(stringPlaces(spec), 80).forEach((place, i) => {
        const form = CPR_FORMS[i % CPR_FORMS.length].value;
        let err: VirkningError | undefined;
        try {
          refusePersonalData([place.put(form)]);
        } catch (e) {
          err = e as VirkningError;
        }
        if (!err) throw new Error(`${name}: ${place.where} was not checked`);
        expect(err.code).toBe("PERSONAL_DATA");
        expect(echoesCpr(err.message)).toBe(false);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(400);
  });
});
