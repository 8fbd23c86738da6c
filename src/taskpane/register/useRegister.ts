/**
 * State and actions of the Registeropfølgning pane. Reading and writing go through
 * src/excel/registerStore.ts (and read.ts for the sheet list); the analysis runs in the computation
 * worker (src/worker), as the comparison's does, with the main thread as its fallback.
 */
import * as React from "react";
import type { VirkningError } from "../../core/errors";
import type { RegisterSettings } from "../../core/register/settings";
import type { RegisterRunInput, RegisterRunOutput } from "../../core/register/run";
import { toUserError } from "../../excel/errors";
import { getExcelRun } from "../../excel/host";
import { listSheets } from "../../excel/read";
import { inspectWeeklySheet, loadRegisterSettings, MAPPING_SHEET_NAME, REGISTER_SHEET_NAME, runAndWriteRegister, type WeeklySheetInfo } from "../../excel/registerStore";
import { startComputation } from "../../worker/client";
import { useLang } from "../i18n";
import { emptyForm, formFromSettings, settingsFromForm, type ColumnRole, type FormProblems, type RegisterForm } from "./model";

export interface RegisterOutcome {
  output: RegisterRunOutput;
  unmapped: string[];
}

export interface RegisterState {
  loading: boolean;
  busy: boolean;
  sheets: string[];
  info: WeeklySheetInfo | null;
  form: RegisterForm;
  problems: FormProblems;
  stored: RegisterSettings | null;
  outcome: RegisterOutcome | null;
  error: VirkningError | null;
}

/** The form's columns for what a sheet's header shows (found by header text; "" where none). */
function columnsFound(info: WeeklySheetInfo): Record<ColumnRole, string> {
  const c = info.found.columns;
  const at = (i: number): string => (i >= 0 ? (info.header[i] ?? "") : "");
  return { id: at(c.id), group: at(c.group), start: at(c.start), stratum: at(c.stratum), week: at(c.week), status: at(c.status) };
}

/** The header texts a role may be: every named column that is not a week column. */
export function columnChoices(info: WeeklySheetInfo | null): string[] {
  if (!info) return [];
  const weeks = new Set(info.found.weekColumns.map((w) => w.col));
  return [...new Set(info.header.filter((h, i) => h !== "" && !weeks.has(i)))];
}

const computeOffThread = (input: RegisterRunInput): Promise<RegisterRunOutput> => startComputation("register", input).result;

export function useRegister() {
  const lang = useLang();
  const [state, setState] = React.useState<RegisterState>({ loading: true, busy: false, sheets: [], info: null, form: emptyForm(), problems: {}, stored: null, outcome: null, error: null });
  const patch = React.useCallback((p: Partial<RegisterState>): void => setState((s) => ({ ...s, ...p })), []);

  React.useEffect(() => {
    let live = true;
    void (async () => {
      const run = getExcelRun();
      try {
        const sheets = (await listSheets(run)).filter((s) => s.visible && s.name !== REGISTER_SHEET_NAME && s.name !== MAPPING_SHEET_NAME).map((s) => s.name);
        let error: VirkningError | null = null;
        const stored = await loadRegisterSettings(run).catch((e: unknown) => {
          error = toUserError(e);
          return null;
        });
        let info: WeeklySheetInfo | null = null;
        let form = stored ? formFromSettings(stored) : emptyForm(sheets[0] ?? "");
        if (stored) info = await inspectWeeklySheet(run, stored.source.sheet).catch(() => null);
        else {
          // the first sheet that looks like weekly data
          for (const name of sheets) {
            info = await inspectWeeklySheet(run, name).catch(() => null);
            if (info) {
              form = { ...emptyForm(name), layout: info.found.layout, columns: columnsFound(info) };
              break;
            }
          }
        }
        if (live) patch({ loading: false, sheets, stored, info, form, error });
      } catch (e) {
        if (live) patch({ loading: false, error: toUserError(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [patch]);

  /** Another sheet chosen: its header row is read and the columns found by header text. */
  const chooseSheet = React.useCallback(
    async (sheet: string) => {
      patch({ form: { ...emptyForm(sheet) }, info: null, error: null, outcome: null });
      try {
        const info = await inspectWeeklySheet(getExcelRun(), sheet);
        setState((s) => (s.form.sheet === sheet ? { ...s, info, form: { ...s.form, layout: info.found.layout, columns: columnsFound(info) } } : s));
      } catch (e) {
        setState((s) => (s.form.sheet === sheet ? { ...s, error: toUserError(e) } : s));
      }
    },
    [patch],
  );

  const update = React.useCallback((p: Partial<RegisterForm>) => setState((s) => ({ ...s, form: { ...s.form, ...p }, problems: {} })), []);
  const setColumn = React.useCallback((role: ColumnRole, header: string) => setState((s) => ({ ...s, form: { ...s.form, columns: { ...s.form.columns, [role]: header } }, problems: {} })), []);

  /** "Beregn" with the form, or "Kør igen" with the stored settings: read, analyse, write both sheets, store. */
  const calculate = React.useCallback(
    async (which: "form" | "stored") => {
      let settings = state.stored;
      if (which === "form") {
        const r = settingsFromForm(state.form, state.stored?.mapping ?? {});
        if (!r.settings) return patch({ problems: r.problems });
        settings = r.settings;
      }
      if (!settings) return;
      patch({ busy: true, error: null, outcome: null, problems: {} });
      try {
        const out = await runAndWriteRegister(getExcelRun(), settings, { lang, compute: computeOffThread });
        patch({ busy: false, stored: out.settings, form: formFromSettings(out.settings), outcome: { output: out.output, unmapped: out.unmapped } });
      } catch (e) {
        patch({ busy: false, error: toUserError(e) });
      }
    },
    [state.form, state.stored, lang, patch],
  );

  return { state, lang, chooseSheet, update, setColumn, calculate };
}
