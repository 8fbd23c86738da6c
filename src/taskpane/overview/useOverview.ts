/**
 * State and actions of the Overblik pane: the parts' states (read when the pane opens and on "Læs igen"),
 * "Opdater alt" and "Gå til". Reading and writing go through src/excel/overviewStore.ts.
 */
import * as React from "react";
import type { VirkningError } from "../../core/errors";
import type { Text } from "../../core/stats";
import { toUserError } from "../../excel/errors";
import { getExcelRun } from "../../excel/host";
import { readOverview, showSheet, updateAll, type OverviewLine, type UpdateReport } from "../../excel/overviewStore";
import { useLang } from "../i18n";

export interface OverviewState {
  loading: boolean;
  busy: boolean;
  /** The part being made again during "Opdater alt". */
  step: Text | null;
  lines: OverviewLine[];
  report: UpdateReport | null;
  error: VirkningError | null;
}

export function useOverview() {
  const lang = useLang();
  const [state, setState] = React.useState<OverviewState>({ loading: true, busy: false, step: null, lines: [], report: null, error: null });
  const patch = (p: Partial<OverviewState>): void => setState((s) => ({ ...s, ...p }));
  const live = React.useRef(true);

  const read = React.useCallback(async (): Promise<void> => {
    try {
      const lines = await readOverview(getExcelRun(), { lang });
      if (live.current) patch({ loading: false, lines });
    } catch (e) {
      if (live.current) patch({ loading: false, error: toUserError(e) });
    }
  }, [lang]);

  React.useEffect(() => {
    live.current = true;
    void read();
    return () => {
      live.current = false;
    };
  }, [read]);

  const refresh = async (): Promise<void> => {
    patch({ busy: true, error: null, report: null });
    await read();
    patch({ busy: false });
  };

  const update = async (): Promise<UpdateReport | null> => {
    patch({ busy: true, error: null, report: null });
    try {
      // what the pane shows as out of date: a part made meanwhile in its own pane is found unchanged and said so
      const shown = state.lines.filter((l) => l.state.status === "stale").map((l) => l.part.id);
      const report = await updateAll(getExcelRun(), { lang, shown, onStep: (step) => live.current && patch({ step }) });
      if (live.current) patch({ busy: false, step: null, lines: report.lines, report });
      return report;
    } catch (e) {
      if (live.current) patch({ busy: false, step: null, error: toUserError(e) });
      return null;
    }
  };

  /** Shows the part's sheet when it exists (the pane switch is the caller's). */
  const show = async (sheet: string): Promise<void> => {
    try {
      await showSheet(getExcelRun(), sheet);
    } catch (e) {
      patch({ error: toUserError(e) });
    }
  };

  return { state, lang, refresh, update, show };
}
