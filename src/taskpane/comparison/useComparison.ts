/**
 * State and actions of the Sammenligning pane. All reading and writing goes through
 * src/excel/comparisonStore.ts; all computing through core (inspectData, runComparison,
 * comparisonSheetSpec). The pane keeps the settings being edited, the last data read and the
 * last result.
 */
import * as React from "react";
import {
  activeAnalysis,
  analysisName,
  resultSheetOf,
  inspectData,
  joinRandomisation,
  keepPresentLabels,
  outcomesFromTheory,
  reconcileColumns,
  storedHeader,
  type ColumnMove,
  suggestSettings,
  type ComparisonInput,
  type ComparisonResult,
  type ComparisonSettings,
  type DataInspection,
  type OutcomeDefinition,
  type TrialJoin,
} from "../../core/analysis";
import type { TrialTable } from "../../core/design";
import { hasRandomisationSheet, readTrialTable } from "../../excel/designStore";
import type { DatasetColumns } from "../../core/data";
import {
  createAnalysis,
  deleteAnalysis,
  deleteComparisonSettings,
  duplicateAnalysis,
  listSources,
  loadAnalyses,
  renameStoredAnalysis,
  setActiveAnalysis,
  readSelectionSource,
  readSheetSource,
  readSource,
  readTableSource,
  runAndWriteComparison,
  saveComparisonSettings,
  type SourceList,
} from "../../excel/comparisonStore";
import { toUserError } from "../../excel/errors";
import { getExcelRun, type ExcelRun } from "../../excel/host";
import { loadTheory } from "../../excel/theoryStore";
import { VirkningError } from "../../core/errors";
import { useLang } from "../i18n";
import { comparisonStrings } from "./strings";
import { CANCELLED, startComputation, type Computation } from "../../worker/client";
import type { ProgressReport } from "../../core/progress";
import { columnsIssues, unclassified, withDefaultClasses, type ColumnsIssue } from "./model";

export type Busy = null | "reading" | "saving" | "running";

export interface ComparisonState {
  loading: boolean;
  busy: Busy;
  input: ComparisonInput | null;
  settings: ComparisonSettings | null;
  /** JSON of the settings stored in the workbook (null: none stored). */
  storedJson: string | null;
  /** The settings were restored from the workbook when the pane opened. */
  restored: boolean;
  /** Give new statuses core's default class (true while setting up a new source; false for restored settings). */
  autoClassify: boolean;
  /** Last error of an action (shown in the ErrorBar). */
  error: unknown;
  /** The selection / sheet chosen had no data. */
  empty: boolean;
  result: ComparisonResult | null;
  /** The results sheet was written by the last run. */
  written: boolean;
  saved: boolean;
  sources: SourceList;
  theoryOutcomes: OutcomeDefinition[] | null;
  /** The user changed the setup in the pane since it was last saved or run. */
  dirty: boolean;
  /** The stored settings failed the schema (SETTINGS_INVALID): shown with "Nulstil". */
  invalidSettings: unknown;
  /** Columns confirmed "ikke CPR-numre" while no settings exist yet (another column still has CPR numbers). */
  pendingNotCpr: string[];
  /** Columns the last read found by header at another position than stored. */
  moved: ColumnMove[];
  /** Names of the stored analyses, and the one shown. */
  analyses: string[];
  active: string | null;
  /** While a calculation runs: when it started and its latest progress report (the progress line). */
  progress: { startedAt: number; report: ProgressReport | null } | null;
  /** The last calculation was cancelled by the user (nothing was written). */
  cancelled: boolean;
  /** The workbook has a "Randomisering" sheet made by Virkning: the pane offers it as the source of groups. */
  trialAvailable: boolean;
  /** The allocation table as read (in memory only, never stored: it holds IDs), while the groups come from it. */
  trialTable: TrialTable | null;
}

export interface Inspection {
  info: DataInspection | null;
  /** CPR numbers in the range (or another error while inspecting): blocks the analysis. */
  error: unknown;
  columnsIssues: ColumnsIssue[];
}

const initial: ComparisonState = {
  loading: true,
  busy: null,
  input: null,
  settings: null,
  storedJson: null,
  restored: false,
  autoClassify: true,
  error: null,
  empty: false,
  result: null,
  written: false,
  saved: false,
  sources: { sheets: [], tables: [] },
  theoryOutcomes: null,
  dirty: false,
  invalidSettings: null,
  pendingNotCpr: [],
  moved: [],
  analyses: [],
  active: null,
  progress: null,
  cancelled: false,
  trialAvailable: false,
  trialTable: null,
};

/** Settings for a newly chosen range: core's suggestions; ID/group left unchosen (-1) when none was recognised. */
function freshSettings(input: ComparisonInput, lang: "da" | "en", notCpr?: string[], theoryOutcomes?: OutcomeDefinition[] | null): ComparisonSettings {
  const s = suggestSettings(input, lang, notCpr);
  const info = inspectData(input, undefined, undefined, notCpr);
  return {
    ...s,
    columns: { ...s.columns, id: info.suggestion.id ?? -1, group: info.suggestion.group ?? -1 },
    // the programme theory's slutmål (and delmål) with status indicators are the outcomes by default
    ...(theoryOutcomes && theoryOutcomes.length > 0 ? { outcomes: theoryOutcomes } : {}),
  };
}

/**
 * The pane's settings describe the data the pane shows: the columns the user chose are positions in that
 * data, so range and header are taken from it (after "Kør igen" refused with COLUMNS_CHANGED, choosing the
 * columns again and "Beregn" then works).
 */
function forCurrentData(settings: ComparisonSettings, input: ComparisonInput | null): ComparisonSettings {
  if (!input || input.sheet !== settings.source.sheet) return settings;
  return { ...settings, source: { ...settings.source, address: input.address, header: storedHeader(input.header) } };
}

/**
 * Choosing another data source keeps the analysis's own choices (name, results sheet, outcomes, test,
 * confidence level, Tabel 1 p-values, the effort's name); only the columns, groups and statuses come from
 * the new data.
 */
function keepChoices(fresh: ComparisonSettings, previous: ComparisonSettings | null): ComparisonSettings {
  if (!previous) return fresh;
  const { name, resultSheet, title, headline, outcomes, testPolicy, confLevel, baselinePValues, randomisation } = previous;
  return { ...fresh, outcomes, testPolicy, confLevel, baselinePValues, ...(randomisation ? { randomisation } : {}), ...(name ? { name } : {}), ...(resultSheet ? { resultSheet } : {}), ...(title ? { title } : {}), ...(headline ? { headline } : {}) };
}

function datasetColumns(settings: ComparisonSettings): DatasetColumns {
  return { layout: settings.source.layout, ...settings.columns };
}

/** Pane state for a stored analysis: its settings, its source read again, columns found again by header. */
async function restore(run: ExcelRun, stored: ComparisonSettings): Promise<Partial<ComparisonState>> {
  const next: Partial<ComparisonState> = { settings: stored, storedJson: JSON.stringify(stored), restored: true, autoClassify: false, result: null, written: false, dirty: false, moved: [], error: null };
  try {
    next.input = await readSource(run, stored.source);
    // columns inserted or moved since: the pane shows (and later stores) where they are now
    const { columns, moved } = reconcileColumns(stored, next.input.header);
    next.settings = { ...stored, source: { ...stored.source, address: next.input.address, header: storedHeader(next.input.header) }, columns };
    next.moved = moved;
  } catch (e) {
    next.input = null;
    next.error = toUserError(e);
    return next;
  }
  // groups from "Randomisering": its allocation table, in memory only; a sheet gone since keeps the data
  // read, says why, and leaves the choice to untick it
  if (stored.randomisation) {
    try {
      next.trialTable = await readTrialTable(run);
    } catch (e) {
      next.error = toUserError(e);
    }
  }
  return next;
}

export function useComparison() {
  const lang = useLang();
  const run = React.useMemo((): ExcelRun => {
    try {
      return getExcelRun();
    } catch (e) {
      return () => Promise.reject(e);
    }
  }, []);
  const [state, setState] = React.useState<ComparisonState>(initial);
  const patch = React.useCallback((p: Partial<ComparisonState>) => setState((s) => ({ ...s, ...p })), []);

  // --- inspection (live validation of the mapping)
  const { input, settings, trialTable } = state;
  const columnsKey = settings ? JSON.stringify(settings.columns) + settings.source.layout + JSON.stringify(settings.randomisation ?? null) : "";
  const groupKey = settings ? JSON.stringify(settings.groupMap) : "";
  /** With the groups from "Randomisering": the data joined to it (what the analysis will run on). */
  const joined: TrialJoin | null = React.useMemo(() => {
    if (!input || !settings?.randomisation || !trialTable || settings.columns.id < 0) return null;
    try {
      return joinRandomisation(input, settings, trialTable);
    } catch {
      return null;
    }
  }, [input, columnsKey, groupKey, trialTable, settings?.lang, settings?.strata?.join(",")]);
  // the join is redone only when data, columns or groups change; the other settings are the current ones
  const trial: TrialJoin | null = React.useMemo(() => {
    if (!joined || !settings) return null;
    const j = joined.settings;
    return { ...joined, settings: { ...settings, source: j.source, columns: j.columns, groupMap: j.groupMap, ...(j.strata ? { strata: j.strata } : {}) } };
  }, [joined, settings]);
  const inspection: Inspection = React.useMemo(() => {
    if (!input || !settings) return { info: null, error: null, columnsIssues: [] };
    const issues = columnsIssues(settings.columns, settings.source.layout, settings.randomisation !== undefined);
    try {
      if (issues.length > 0 || (settings.randomisation && !joined)) {
        // Still checks the range for CPR numbers.
        inspectData(input, undefined, undefined, settings.notCpr);
        return { info: null, error: null, columnsIssues: issues };
      }
      const labels = { confirmed: settings.confirmedLabels, other: settings.otherLabels };
      const x = joined ?? { input, settings };
      return { info: inspectData(x.input, datasetColumns(x.settings), x.settings.groupMap, settings.notCpr, labels), error: null, columnsIssues: issues };
    } catch (e) {
      return { info: null, error: toUserError(e), columnsIssues: issues };
    }
  }, [input, columnsKey, groupKey, joined, settings?.notCpr?.join("\u0000"), settings?.confirmedLabels?.join("\u0000"), settings?.otherLabels?.join("\u0000")]);

  // New statuses found while setting up a new source get core's default class.
  React.useEffect(() => {
    if (!state.autoClassify || !inspection.info) return;
    const statuses = inspection.info.statuses;
    setState((s) => {
      if (!s.settings || unclassified(s.settings.statusClasses, statuses).length === 0) return s;
      return { ...s, settings: { ...s.settings, statusClasses: withDefaultClasses(s.settings.statusClasses, statuses) } };
    });
  }, [inspection.info, state.autoClassify]);

  // --- opening the pane: restore stored settings, else read the selection
  React.useEffect(() => {
    let cancelled = false;
    void (async () => {
      const next: Partial<ComparisonState> = { loading: false };
      try {
        next.sources = await listSources(run);
        let stored: ComparisonSettings | null = null;
        try {
          const c = await loadAnalyses(run);
          stored = c ? activeAnalysis(c) : null;
          next.analyses = c ? c.analyses.map(analysisName) : [];
          next.active = stored ? analysisName(stored) : null;
        } catch (e) {
          if (!(e instanceof VirkningError && e.code === "SETTINGS_INVALID")) throw e;
          next.invalidSettings = e;
        }
        next.trialAvailable = await hasRandomisationSheet(run).catch(() => false);
        // first the theory: its outcomes are the default of a new setup
        let theoryError: unknown = null;
        try {
          const theory = await loadTheory(run);
          if (theory) {
            const outs = outcomesFromTheory(theory.theory);
            next.theoryOutcomes = outs.length > 0 ? outs : null;
          }
        } catch (e) {
          // The pane still offers the suggested outcomes; the user is told why the theory's are missing.
          theoryError = e;
        }
        if (stored) {
          Object.assign(next, await restore(run, stored));
        } else {
          // a read error (no header row, the add-in's own sheet, …) is shown, not swallowed
          const fresh = await readSelectionSource(run);
          if (fresh) {
            next.input = fresh;
            next.settings = freshSettings(fresh, lang, undefined, next.theoryOutcomes);
          } else next.empty = true;
        }
        if (theoryError) next.error ??= toUserError(theoryError);
      } catch (e) {
        next.error = toUserError(e);
      }
      if (!cancelled) patch(next);
    })();
    return () => {
      cancelled = true;
    };
  }, [run]);

  // --- actions
  const chooseSource = React.useCallback(
    async (how: { kind: "selection" } | { kind: "sheet"; name: string } | { kind: "table"; name: string }) => {
      patch({ busy: "reading", error: null, written: false, saved: false });
      try {
        const read =
          how.kind === "selection" ? await readSelectionSource(run) : how.kind === "sheet" ? await readSheetSource(run, how.name) : await readTableSource(run, how.name);
        if (!read) {
          // Keep what the pane has; just say that the selection holds no data.
          patch({ busy: null, empty: true });
          return;
        }
        let settings: ComparisonSettings;
        try {
          settings = keepChoices(freshSettings(read, lang, undefined, state.theoryOutcomes), state.settings);
        } catch (e) {
          // CPR numbers: keep the range so the pane can show where, but no settings to work with.
          patch({ busy: null, empty: false, input: read, settings: null, result: null, error: toUserError(e) });
          return;
        }
        patch({ busy: null, empty: false, input: read, settings, autoClassify: true, restored: false, result: null, dirty: true, moved: [] });
      } catch (e) {
        patch({ busy: null, error: toUserError(e) });
      }
    },
    [run, lang, patch, state.settings, state.theoryOutcomes],
  );

  /** The sheets and tables to choose from, read again (the picker calls it when it gets focus). */
  const refreshSources = React.useCallback(async () => {
    try {
      const sources = await listSources(run);
      const trialAvailable = await hasRandomisationSheet(run).catch(() => false);
      setState((s) => (JSON.stringify(s.sources) === JSON.stringify(sources) && s.trialAvailable === trialAvailable ? s : { ...s, sources, trialAvailable }));
    } catch {
      // the list stays as it was; choosing a sheet that is gone says so
    }
  }, [run]);

  const update = React.useCallback((fn: (s: ComparisonSettings) => ComparisonSettings) => {
    setState((s) => (s.settings ? { ...s, settings: fn(s.settings), saved: false, written: false, dirty: true } : s));
  }, []);

  /**
   * The groups from "Randomisering" on or off. On: the allocation table is read (kept in memory only) and the
   * design's strata become the stratified analysis; off: the data's group column again.
   */
  const setTrialSource = React.useCallback(
    async (on: boolean) => {
      if (!on) {
        update(({ randomisation: _off, ...x }) => x);
        return;
      }
      patch({ busy: "reading", error: null });
      try {
        const table = await readTrialTable(run);
        setState((s) => (s.settings ? { ...s, busy: null, trialTable: table, trialAvailable: true, settings: { ...s.settings, randomisation: { strata: true } }, saved: false, written: false, dirty: true } : { ...s, busy: null }));
      } catch (e) {
        patch({ busy: null, error: toUserError(e) });
      }
    },
    [run, patch, update],
  );

  const save = React.useCallback(async () => {
    if (!state.settings) return;
    // only labels present in the data now are kept (privacy: see keepPresentLabels)
    const settings = state.input ? keepPresentLabels(forCurrentData({ ...state.settings, lang }, state.input), state.input) : { ...state.settings, lang };
    patch({ busy: "saving", error: null });
    try {
      const c = await saveComparisonSettings(run, settings);
      patch({ busy: null, storedJson: JSON.stringify(settings), settings, saved: true, autoClassify: false, dirty: false, analyses: c.analyses.map(analysisName), active: c.active });
    } catch (e) {
      patch({ busy: null, error: toUserError(e) });
    }
  }, [run, lang, state.settings, state.input, patch]);

  const computation = React.useRef<Computation<ComparisonResult> | null>(null);
  /** runComparison in the computation worker, its progress on the progress line. */
  const computeOffThread = React.useCallback(
    (input: ComparisonInput, settings: ComparisonSettings, now: Date): Promise<ComparisonResult> => {
      const c = startComputation("comparison", { input, settings, now: now.toISOString() }, (report) =>
        setState((s) => (s.progress ? { ...s, progress: { ...s.progress, report } } : s)),
      );
      computation.current = c;
      setState((s) => ({ ...s, progress: { startedAt: Date.now(), report: null } }));
      // once computed, only the write is left: the progress line gives way to the plain spinner
      const done = (): void => {
        if (computation.current === c) computation.current = null;
        setState((s) => (s.progress ? { ...s, progress: null } : s));
      };
      c.result.then(done, done);
      return c.result;
    },
    [],
  );

  /** Reads the source again, computes, writes the results sheet; stores the settings when they changed. */
  const calculate = React.useCallback(
    async (which: "current" | "stored") => {
      const settings: ComparisonSettings | null =
        which === "stored" ? (state.storedJson ? (JSON.parse(state.storedJson) as ComparisonSettings) : null) : state.settings ? forCurrentData({ ...state.settings, lang }, state.input) : null;
      if (!settings) return;
      patch({ busy: "running", error: null, written: false, saved: false, cancelled: false, progress: null });
      let fresh: ComparisonInput | null = null;
      try {
        const out = await runAndWriteComparison(run, settings, { lang, onRead: (i) => (fresh = i), compute: computeOffThread });
        const result = out.result;
        fresh = out.input;
        const sources = await listSources(run).catch(() => state.sources);
        let storedJson = state.storedJson;
        let listed: Partial<ComparisonState> = {};
        // the settings as run (columns found again by header, range as read now) are what is kept
        const json = JSON.stringify(out.settings);
        if (json !== storedJson) {
          const c = await saveComparisonSettings(run, out.settings);
          listed = { analyses: c.analyses.map(analysisName), active: c.active };
          storedJson = json;
        }
        setState((s) => ({
          ...s,
          busy: null,
          progress: null,
          input: fresh,
          result,
          written: true,
          storedJson,
          autoClassify: false,
          sources,
          ...listed,
          moved: out.moved,
          dirty: which === "current" ? false : s.dirty,
          settings: which === "current" || !s.dirty ? out.settings : s.settings,
        }));
      } catch (e) {
        const cancelled = e instanceof VirkningError && e.code === CANCELLED;
        setState((s) => ({ ...s, busy: null, progress: null, cancelled, error: cancelled ? null : toUserError(e), result: null, input: fresh ?? s.input }));
      }
    },
    [run, lang, state.settings, state.input, state.storedJson, state.sources, patch, computeOffThread],
  );

  /** "Annullér" on the progress line: stops the calculation (the worker is ended); nothing is written. */
  const cancelRun = React.useCallback(() => computation.current?.cancel(), []);

  /** Stored state deleted from the "Gemt i projektmappen" view: forget the stored comparison settings. */
  const forgetStored = React.useCallback((keys: string[]) => {
    if (keys.includes("virkning.comparison")) setState((s) => ({ ...s, storedJson: null, restored: false, invalidSettings: null }));
  }, []);

  /**
   * The user confirmed that the column headed `name` holds no CPR numbers: it is skipped by the CPR check,
   * kept in the settings (notCpr) and printed in the results' header block.
   */
  const confirmNotCpr = React.useCallback(
    (name: string) => {
      setState((s) => {
        const notCpr = [...new Set([...(s.settings?.notCpr ?? s.pendingNotCpr), name])];
        if (s.settings) return { ...s, settings: { ...s.settings, notCpr }, dirty: true, error: null, written: false };
        if (!s.input) return s;
        try {
          return { ...s, settings: freshSettings(s.input, lang, notCpr, s.theoryOutcomes), pendingNotCpr: [], autoClassify: true, dirty: true, error: null };
        } catch (e) {
          // another column still holds CPR numbers: keep the confirmation and show the new error
          return { ...s, pendingNotCpr: notCpr, error: toUserError(e) };
        }
      });
    },
    [lang],
  );

  /** "Nulstil": deletes the stored settings, then starts from the data at the selection. */
  const resetSettings = React.useCallback(async () => {
    patch({ busy: "saving", error: null });
    try {
      await deleteComparisonSettings(run);
      const fresh = await readSelectionSource(run);
      patch({
        busy: null,
        invalidSettings: null,
        storedJson: null,
        restored: false,
        autoClassify: true,
        result: null,
        moved: [],
        dirty: false,
        input: fresh,
        settings: fresh ? freshSettings(fresh, lang, undefined, state.theoryOutcomes) : null,
        empty: !fresh,
      });
    } catch (e) {
      patch({ busy: null, invalidSettings: null, storedJson: null, error: toUserError(e) });
    }
  }, [run, lang, patch, state.theoryOutcomes]);

  /**
   * "Kør igen": runs the stored setup; when the user has changed the setup in the pane since, it saves and
   * runs that instead if it is ready (as "Beregn"), or says plainly that "Beregn" is needed.
   */
  const rerun = React.useCallback(
    async (ready: boolean) => {
      if (!state.dirty) return calculate("stored");
      if (ready) return calculate("current");
      patch({ error: new VirkningError("RERUN_NEEDS_RUN", comparisonStrings.da.rerunNeedsRun, comparisonStrings.en.rerunNeedsRun), written: false });
    },
    [state.dirty, calculate, patch],
  );

  /** Named analyses: open, new (from the data now in the pane), duplicate, rename, delete. The store refuses a name in use. */
  const analysisAction = React.useCallback(
    async (action: { kind: "open"; name: string } | { kind: "new"; name: string } | { kind: "duplicate"; name: string } | { kind: "rename"; name: string } | { kind: "delete" }) => {
      patch({ busy: "saving", error: null });
      try {
        const active = state.active;
        let c;
        if (action.kind === "open") c = await setActiveAnalysis(run, action.name);
        else if (action.kind === "new") {
          const base = state.input ? freshSettings(state.input, lang, state.settings?.notCpr, state.theoryOutcomes) : state.settings;
          if (!base) throw new VirkningError("ANALYSIS_NO_DATA", comparisonStrings.da.analysisNoData, comparisonStrings.en.analysisNoData);
          c = await createAnalysis(run, action.name, { ...base, lang });
        } else if (action.kind === "duplicate" && active) c = await duplicateAnalysis(run, active, action.name);
        else if (action.kind === "rename" && active) c = await renameStoredAnalysis(run, active, action.name);
        else if (action.kind === "delete" && active) c = await deleteAnalysis(run, active);
        else if (!active && state.settings && action.kind !== "delete") {
          // nothing stored yet: the setup in the pane becomes the first analysis
          c = await createAnalysis(run, action.name, { ...state.settings, lang });
        }
        const shown = c ? activeAnalysis(c) : null;
        const next: Partial<ComparisonState> = { busy: null, analyses: c ? c.analyses.map(analysisName) : [], active: shown ? analysisName(shown) : null };
        if (shown && (action.kind !== "rename" || !state.dirty)) Object.assign(next, await restore(run, shown));
        else if (shown && state.settings) next.settings = { ...state.settings, name: shown.name, resultSheet: shown.resultSheet };
        else if (!shown) Object.assign(next, { storedJson: null, restored: false });
        patch(next);
      } catch (e) {
        patch({ busy: null, error: toUserError(e) });
      }
    },
    [run, lang, state.active, state.input, state.settings, state.dirty, state.theoryOutcomes, patch],
  );

  const resultSheet = state.settings ? resultSheetOf(state.settings) : "Sammenligning";
  return { state, inspection, trial, setTrialSource, lang, chooseSource, update, save, calculate, cancelRun, rerun, resetSettings, forgetStored, confirmNotCpr, analysisAction, refreshSources, run, resultSheet };
}
