/** Part 1 of the Forsøgsdesign pane: the list, strata, seed and options; Randomisér; Afslået. */
import * as React from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowShuffle20Regular, PersonDelete20Regular } from "@fluentui/react-icons";
import { cellText } from "../../core/data";
import type { EligibilityInput } from "../../core/design";
import { getExcelRun } from "../../excel/host";
import { listEligibilitySheets, loadDesignSettings, randomise, readEligibility, registerDecline, RANDOMISATION_SHEET_NAME, type DesignSettings } from "../../excel/designStore";
import { ErrorBar } from "../components/ErrorBar";
import { useLang, useStrings } from "../i18n";
import { emptyForm, formFromSettings, guessIdColumn, newSeed, settingsFromForm, type RandomForm } from "./model";
import { designStrings } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "140px" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  strata: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 9em", gap: "2px 8px", alignItems: "center" },
});

interface State {
  sheets: string[];
  input: EligibilityInput | null;
  form: RandomForm;
  stored: DesignSettings | null;
  busy: boolean;
  error: unknown;
  message: string | null;
  declineId: string;
  /** The stored settings could not be read: a new randomisation must replace them explicitly. */
  damaged: boolean;
}

export function RandomisationSection(): React.JSX.Element {
  const s = useStrings(designStrings);
  const lang = useLang();
  const styles = useStyles();
  const [st, setSt] = React.useState<State>({ sheets: [], input: null, form: emptyForm(), stored: null, busy: true, error: null, message: null, declineId: "", damaged: false });
  const patch = (p: Partial<State>): void => setSt((x) => ({ ...x, ...p }));
  const setForm = (f: Partial<RandomForm>): void => setSt((x) => ({ ...x, form: { ...x.form, ...f } }));

  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const run = getExcelRun();
        const [sheets, stored] = [await listEligibilitySheets(run), await loadDesignSettings(run)];
        const input = stored && sheets.includes(stored.sheet) ? await readEligibility(run, stored.sheet) : null;
        if (live) patch({ sheets, stored, input, form: stored ? formFromSettings(stored, input) : emptyForm(), busy: false });
      } catch (e) {
        const damaged = (e as { code?: string } | null)?.code === "DESIGN_SETTINGS_DAMAGED";
        if (!live) return;
        if (damaged) patch({ busy: false, error: e, damaged, sheets: await listEligibilitySheets(getExcelRun()).catch(() => []) });
        else patch({ busy: false, error: e });
      }
    })();
    return () => void (live = false);
  }, []);

  // A sheet added while the pane is open is listed when the list is opened (no second click needed).
  const refreshSheets = (): void => {
    void listEligibilitySheets(getExcelRun())
      .then((sheets) => setSt((x) => (x.sheets.join("\u0000") === sheets.join("\u0000") ? x : { ...x, sheets })))
      .catch(() => undefined);
  };

  const chooseSheet = async (sheet: string): Promise<void> => {
    patch({ busy: true, error: null, message: null });
    try {
      const input = await readEligibility(getExcelRun(), sheet);
      setSt((x) => ({ ...x, input, busy: false, form: { ...x.form, sheet, idColumn: guessIdColumn(input.header), strata: {} } }));
    } catch (e) {
      patch({ busy: false, error: e, input: null });
    }
  };

  const doRandomise = async (overwrite: boolean): Promise<void> => {
    if (!st.input) return;
    patch({ busy: true, error: null, message: null });
    try {
      const settings = settingsFromForm(st.form, st.input, null);
      const r = await randomise(getExcelRun(), settings, { lang, overwrite });
      patch({ busy: false, stored: r.settings, input: r.input, damaged: false, message: `${s.done(RANDOMISATION_SHEET_NAME)}` });
    } catch (e) {
      patch({ busy: false, error: e });
    }
  };

  const doDecline = async (): Promise<void> => {
    if (!st.stored) return;
    patch({ busy: true, error: null, message: null });
    try {
      const r = await registerDecline(getExcelRun(), st.stored, st.declineId.trim(), { lang });
      const e = r.result.log[r.result.log.length - 1];
      const arm = e.arm === "intervention" ? s.intervention : s.control;
      patch({ busy: false, stored: r.settings, declineId: "", message: s.replaced(e.declined, e.replacement, arm, e.stratum) });
    } catch (e) {
      patch({ busy: false, error: e });
    }
  };

  const { form, input } = st;
  const names = input ? input.header.map((h, i) => cellText(h) || `(${i + 1})`) : [];
  return (
    <section className={styles.section} aria-labelledby="design-random-title">
      <Text id="design-random-title" className={styles.title}>{s.randomTitle}</Text>
      <Field label={s.list}>
        <Select
          value={form.sheet}
          disabled={st.busy}
          onChange={(_, d) => void chooseSheet(d.value)}
          onFocus={refreshSheets}
          onMouseDown={refreshSheets}
          data-testid="design-sheet"
        >
          <option value="">{s.listPlaceholder}</option>
          {st.sheets.map((n) => <option key={n} value={n}>{n}</option>)}
        </Select>
      </Field>
      {input && <Text className={styles.muted} data-testid="design-list-info">{s.listInfo(`${input.sheet}!${input.address}`, input.rows.length)}</Text>}
      {input && (
        <>
          <Field label={s.idColumn}>
            <Select value={String(form.idColumn)} onChange={(_, d) => setForm({ idColumn: Number(d.value) })}>
              {names.map((n, i) => <option key={i} value={i}>{n}</option>)}
            </Select>
          </Field>
          {/* not a Field: a Field gives every checkbox inside it the same id */}
          <div role="group" aria-labelledby="design-strata-label" className={styles.section}>
            <Text id="design-strata-label" weight="semibold">{s.strata}</Text>
            <Text className={styles.muted}>{s.strataHelp}</Text>
            <div className={styles.strata}>
              {names.map((n, i) => i === form.idColumn ? null : (
                <React.Fragment key={i}>
                  <Checkbox
                    label={n}
                    checked={i in form.strata}
                    onChange={(_, d) => {
                      const strata = { ...form.strata };
                      if (d.checked) strata[i] = "";
                      else delete strata[i];
                      setForm({ strata });
                    }}
                  />
                  {i in form.strata ? (
                    <Input size="small" aria-label={s.cuts(n)} placeholder={s.cutsPlaceholder} value={form.strata[i]} onChange={(_, d) => setForm({ strata: { ...form.strata, [i]: d.value } })} />
                  ) : <span />}
                </React.Fragment>
              ))}
            </div>
          </div>
          <div className={styles.row}>
            <Field label={s.seed} hint={s.seedHelp} className={styles.grow}>
              <Input value={form.seed} onChange={(_, d) => setForm({ seed: d.value })} />
            </Field>
            <Button onClick={() => setForm({ seed: newSeed() })}>{s.newSeed}</Button>
          </div>
          <div className={styles.row}>
            <Field label={s.blockSize}>
              <Select value={String(form.blockSize)} onChange={(_, d) => setForm({ blockSize: d.value === "4" ? 4 : 2 })}>
                <option value="2">{s.pairs}</option>
                <option value="4">{s.fours}</option>
              </Select>
            </Field>
            <Field label={s.reserves} hint={s.reservesHelp} className={styles.grow}>
              <Input value={form.reserves} onChange={(_, d) => setForm({ reserves: d.value })} />
            </Field>
          </div>
          <Checkbox label={s.protect} checked={form.protect} onChange={(_, d) => setForm({ protect: d.checked === true })} />
          <div className={styles.row}>
            <Button appearance="primary" icon={<ArrowShuffle20Regular />} disabled={st.busy} onClick={() => void doRandomise(!!st.stored?.createdAt || st.damaged)}>
              {st.stored?.createdAt || st.damaged ? s.randomiseAgain : s.randomise}
            </Button>
          </div>
        </>
      )}
      {st.stored?.createdAt && (
        <Field label={s.declineId} hint={s.declineHelp}>
          <div className={styles.row}>
            <Input className={styles.grow} placeholder={s.declinePlaceholder} value={st.declineId} onChange={(_, d) => patch({ declineId: d.value })} />
            <Button icon={<PersonDelete20Regular />} disabled={st.busy || st.declineId.trim() === ""} onClick={() => void doDecline()}>{s.decline}</Button>
          </div>
        </Field>
      )}
      {st.busy && <Text className={styles.muted}>{s.working}</Text>}
      {st.message && (
        <MessageBar intent="success" data-testid="design-message"><MessageBarBody>{st.message}</MessageBarBody></MessageBar>
      )}
      <ErrorBar error={st.error} />
    </section>
  );
}
