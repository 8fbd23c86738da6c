/**
 * State and actions of the Ledelsesoverblik pane. Reading and writing go through
 * src/excel/summaryStore.ts (and read.ts for the sheet list); computing happens in core.
 */
import * as React from "react";
import { SUMMARY_SHEET_NAME } from "../../core/summary";
import { THEORY_SHEET_NAME } from "../../core/theory";
import type { VirkningError } from "../../core/errors";
import { toUserError } from "../../excel/errors";
import { getExcelRun } from "../../excel/host";
import { listSheets } from "../../excel/read";
import { buildSummary, defaultSummarySettings, loadSummarySettings, saveSummarySettings, showSummarySheet, summaryFollowUps, type StoredSummarySettings, type SummaryReport } from "../../excel/summaryStore";
import { useLang } from "../i18n";

export interface SummaryState {
  loading: boolean;
  busy: boolean;
  hasTheory: boolean;
  hasComparison: boolean;
  sheetExists: boolean;
  followUps: number[];
  settings: StoredSummarySettings;
  report: SummaryReport | null;
  printShown: boolean;
  error: VirkningError | null;
}

export function useSummary() {
  const lang = useLang();
  const [state, setState] = React.useState<SummaryState>({
    loading: true, busy: false, hasTheory: false, hasComparison: false, sheetExists: false, followUps: [], settings: defaultSummarySettings(lang), report: null, printShown: false, error: null,
  });
  const patch = (p: Partial<SummaryState>): void => setState((s) => ({ ...s, ...p }));

  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const run = getExcelRun();
        const sheets = (await listSheets(run)).map((s) => s.name);
        const { hasComparison, followUps } = await summaryFollowUps(run);
        const stored = await loadSummarySettings(run);
        if (live) {
          patch({ loading: false, hasTheory: sheets.includes(THEORY_SHEET_NAME), hasComparison, sheetExists: sheets.includes(SUMMARY_SHEET_NAME), followUps, settings: stored ? { ...stored, lang } : defaultSummarySettings(lang) });
        }
      } catch (e) {
        if (live) patch({ loading: false, error: toUserError(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const build = async (settings: StoredSummarySettings): Promise<void> => {
    patch({ busy: true, error: null, report: null, printShown: false, settings });
    try {
      const run = getExcelRun();
      const report = await buildSummary(run, { followUp: settings.followUp, audience: settings.audience, threshold: settings.threshold, lang });
      await saveSummarySettings(run, { ...settings, lang });
      patch({ busy: false, report, sheetExists: true, followUps: report.followUps.length ? report.followUps : state.followUps, hasTheory: report.sections.theory, hasComparison: report.sections.comparison });
    } catch (e) {
      patch({ busy: false, error: toUserError(e) });
    }
  };

  /** Show the sheet at A1 (Excel's print preview itself cannot be opened by an add-in; the pane says how). */
  const showPrint = async (): Promise<void> => {
    try {
      await showSummarySheet(getExcelRun());
      patch({ printShown: true, error: null });
    } catch (e) {
      patch({ error: toUserError(e) });
    }
  };

  const update = (p: Partial<StoredSummarySettings>): void => setState((s) => ({ ...s, settings: { ...s.settings, ...p } }));
  return { state, build, showPrint, update };
}
