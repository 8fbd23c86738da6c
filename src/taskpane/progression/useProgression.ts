/**
 * State and actions of the Progression pane. Reading and writing go through
 * src/excel/progressionStore.ts (and read.ts for the sheet list); computing happens in core.
 */
import * as React from "react";
import { parseDanishDateText } from "../../core/data";
import { MEASUREMENT_SHEET_NAME, scaleItems, type PlanCitizen, type ProgressionResult, type ScaleItem } from "../../core/progression";
import type { ProgrammeTheory } from "../../core/theory";
import { VirkningError } from "../../core/errors";
import { toUserError } from "../../excel/errors";
import { getExcelRun, type ExcelRun } from "../../excel/host";
import {
  citizensFromComparison,
  defaultProgressionSettings,
  generateMeasurementSheet,
  loadProgressionSettings,
  measurementSheetItems,
  runAndWriteProgression,
  saveProgressionSettings,
  type GenerateReport,
  type ProgressionSettings,
} from "../../excel/progressionStore";
import { listSheets } from "../../excel/read";
import { loadTheory } from "../../excel/theoryStore";
import { useLang } from "../i18n";

export interface ProgressionState {
  loading: boolean;
  busy: boolean;
  theory: ProgrammeTheory | null;
  items: ScaleItem[];
  comparisonCitizens: PlanCitizen[];
  sheets: string[];
  /** Delmål ids added to / removed from the theory since the measurement sheet was made (null: no sheet). */
  theoryChange: { added: string[]; removed: string[] } | null;
  settings: ProgressionSettings;
  restored: boolean;
  report: GenerateReport | null;
  result: ProgressionResult | null;
  error: VirkningError | null;
}

/** "B017;Indsats" lines → citizens (blank lines skipped, first occurrence wins). */
export function parseTypedCitizens(text: string): PlanCitizen[] {
  const out: PlanCitizen[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [id, group] = line.split(/[;\t]/).map((s) => s.trim());
    if (!id || out.some((c) => c.id === id)) continue;
    out.push({ id, group: group || null });
  }
  return out;
}

/** Delmål added to or removed from the theory compared with the sheet's columns; null when they agree. */
export function changeOf(onSheet: { id: string }[], items: ScaleItem[]): { added: string[]; removed: string[] } | null {
  const added = items.filter((i) => !onSheet.some((x) => x.id === i.id)).map((i) => i.id);
  const removed = onSheet.filter((x) => !items.some((i) => i.id === x.id)).map((x) => x.id);
  return added.length || removed.length ? { added, removed } : null;
}

function run(): ExcelRun {
  return getExcelRun();
}

export function useProgression() {
  const lang = useLang();
  const [state, setState] = React.useState<ProgressionState>({
    loading: true, busy: false, theory: null, items: [], comparisonCitizens: [], sheets: [], theoryChange: null, settings: defaultProgressionSettings(lang), restored: false, report: null, result: null, error: null,
  });
  const patch = (p: Partial<ProgressionState>): void => setState((s) => ({ ...s, ...p }));

  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const r = run();
        const theory = (await loadTheory(r))?.theory ?? null;
        const citizens = await citizensFromComparison(r).catch(() => [] as PlanCitizen[]);
        const sheets = (await listSheets(r)).filter((s) => s.visible).map((s) => s.name);
        const stored = await loadProgressionSettings(r);
        const items = theory ? scaleItems(theory) : [];
        const onSheet = await measurementSheetItems(r);
        if (live) {
          patch({ loading: false, theory, items, comparisonCitizens: citizens, sheets, theoryChange: onSheet && changeOf(onSheet, items), settings: stored ?? defaultProgressionSettings(lang), restored: stored !== null });
        }
      } catch (e) {
        if (live) patch({ loading: false, error: toUserError(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const generate = async (citizens: PlanCitizen[], startText: string): Promise<void> => {
    const startDate = startText.trim() === "" ? null : parseDanishDateText(startText);
    if (startText.trim() !== "" && startDate === null) {
      patch({ error: new VirkningError("PROGRESSION_BAD_START", "Startdatoen skal skrives som dd-mm-åååå.", "Enter the start date as dd-mm-yyyy.") });
      return;
    }
    patch({ busy: true, error: null, report: null });
    try {
      const report = await generateMeasurementSheet(run(), { citizens, startDate, theory: state.theory ?? undefined });
      const sheets = (await listSheets(run())).filter((s) => s.visible).map((s) => s.name);
      patch({ busy: false, report, sheets, theoryChange: null });
    } catch (e) {
      patch({ busy: false, error: toUserError(e) });
    }
  };

  const calculate = async (settings: ProgressionSettings): Promise<void> => {
    patch({ busy: true, error: null, result: null, settings });
    try {
      const { result } = await runAndWriteProgression(run(), settings, { theory: state.theory ?? undefined });
      await saveProgressionSettings(run(), settings);
      patch({ busy: false, result, restored: false });
    } catch (e) {
      patch({ busy: false, error: toUserError(e) });
    }
  };

  const update = (p: Partial<ProgressionSettings>): void => setState((s) => ({ ...s, settings: { ...s.settings, ...p } }));
  const sheetExists = state.sheets.includes(MEASUREMENT_SHEET_NAME);
  return { state, lang, generate, calculate, update, sheetExists };
}
