/**
 * The Registeropfølgning pane (issue 24): 1. the sheet with weekly statuses and its columns (found by
 * header text, wide or long layout); 2. the start week (from the data, the randomisation's date, or one
 * date for all); 3. the measures (periods, k, horizon, varig selvforsørgelse); then "Beregn", or "Kør igen"
 * with the stored settings. The result line repeats the sheet's headline and lists the status codes that
 * have no class of the user's yet.
 */
import * as React from "react";
import { Button, Checkbox, Divider, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatP } from "../../core/stats";
import { ErrorBar } from "../components/ErrorBar";
import { localeOf, useLang, useStrings, type Lang } from "../i18n";
import type { RegisterForm, ColumnRole, FormProblems } from "./model";
import { registerStrings, type RegisterStrings } from "./strings";
import { columnChoices, useRegister, type RegisterOutcome } from "./useRegister";
import { MAPPING_SHEET_NAME, REGISTER_SHEET_NAME } from "../../excel/registerStore";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "560px", minWidth: 0 },
  step: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  stepTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  triple: { display: "flex", gap: "8px", flexWrap: "wrap" },
  small: { width: "72px" },
  list: { margin: "4px 0", paddingLeft: "18px", overflowWrap: "anywhere" },
});

const number = (x: number, lang: Lang, digits = 1): string => new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);

function ColumnSelect(props: { label: string; role: ColumnRole; form: RegisterForm; choices: string[]; optional?: boolean; none: string; onChange: (role: ColumnRole, header: string) => void }): React.JSX.Element {
  const value = props.form.columns[props.role];
  const options = value !== "" && !props.choices.includes(value) ? [value, ...props.choices] : props.choices;
  return (
    <Field label={props.label}>
      <Select value={value} onChange={(_, d) => props.onChange(props.role, d.value)}>
        {props.optional || value === "" ? <option value="">{props.none}</option> : null}
        {options.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const problemOf = (problems: FormProblems, field: keyof FormProblems, lang: Lang): { validationState: "error"; validationMessage: string } | Record<string, never> => {
  const p = problems[field];
  return p ? { validationState: "error", validationMessage: p[lang] } : {};
};

function Outcome(props: { outcome: RegisterOutcome; s: RegisterStrings; lang: Lang }): React.JSX.Element {
  const { s, lang } = props;
  const styles = useStyles();
  const r = props.outcome.output.result;
  // weeks gained = control's restricted mean time to self-support − the intervention's (the sheet's headline)
  const gained = -r.rmstDifference.estimate;
  const median = (m: number | null): string => (m === null ? s.notReached : number(m, lang, 0));
  const p = r.logRank ? formatP(r.logRank.pValue, lang) : null;
  const unmapped = props.outcome.unmapped.map((l) => (l === "" ? s.blankLabel : l));
  return (
    <MessageBar intent={unmapped.length > 0 ? "warning" : "success"} layout="multiline" data-testid="register-result">
      <MessageBarBody>
        {s.written(REGISTER_SHEET_NAME, MAPPING_SHEET_NAME)}
        <ul className={styles.list}>
          <li>{s.weeksGained(number(gained, lang), number(-r.rmstDifference.ci.upper, lang), number(-r.rmstDifference.ci.lower, lang))}</li>
          <li>{s.medians(median(r.intervention.median.median), median(r.control.median.median))}</li>
          {p !== null ? <li>{s.logRank(p.startsWith("<") ? p : `= ${p}`)}</li> : null}
          <li data-testid="register-unmapped">{unmapped.length > 0 ? s.unmapped(unmapped.length, unmapped.join(", ")) : s.allMapped}</li>
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function DataStep(props: { hook: ReturnType<typeof useRegister>; s: RegisterStrings }): React.JSX.Element {
  const { state, chooseSheet, setColumn } = props.hook;
  const { s } = props;
  const styles = useStyles();
  const { form, info } = state;
  const choices = columnChoices(info);
  const sheetOptions = form.sheet !== "" && !state.sheets.includes(form.sheet) ? [form.sheet, ...state.sheets] : state.sheets;
  const column = (label: string, role: ColumnRole, optional = false): React.JSX.Element => <ColumnSelect label={label} role={role} form={form} choices={choices} optional={optional} none={s.none} onChange={setColumn} />;
  return (
    <section className={styles.step} aria-labelledby="reg-step-data">
      <Text id="reg-step-data" className={styles.stepTitle} as="h2">
        {s.stepData}
      </Text>
      {sheetOptions.length === 0 ? <Text size={200}>{s.noSheets}</Text> : null}
      <Field label={s.sheet}>
        <Select value={form.sheet} onChange={(_, d) => void chooseSheet(d.value)}>
          {sheetOptions.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      {info ? (
        <Text size={200} className={styles.muted} data-testid="register-layout">
          {s.layoutFound(info.found.layout, info.found.weekColumns.length)}
        </Text>
      ) : form.sheet !== "" && !state.error ? (
        <Text size={200} data-testid="register-not-weekly">
          {s.notWeekly}
        </Text>
      ) : null}
      {column(s.columnId, "id")}
      {column(s.columnGroup, "group")}
      {form.layout === "long" ? column(s.columnWeek, "week") : null}
      {form.layout === "long" ? column(s.columnStatus, "status") : null}
      {column(s.columnStart, "start", true)}
      {column(s.columnStratum, "stratum", true)}
      {state.problems.columns ? (
        <Text size={200} role="alert">
          {state.problems.columns[props.hook.lang]}
        </Text>
      ) : null}
    </section>
  );
}

function StartStep(props: { hook: ReturnType<typeof useRegister>; s: RegisterStrings }): React.JSX.Element {
  const { state, update, lang } = props.hook;
  const { s } = props;
  const styles = useStyles();
  return (
    <section className={styles.step} aria-labelledby="reg-step-start">
      <Text id="reg-step-start" className={styles.stepTitle} as="h2">
        {s.stepStart}
      </Text>
      <RadioGroup aria-labelledby="reg-step-start" value={state.form.startRule} onChange={(_, d) => update({ startRule: d.value as RegisterForm["startRule"] })}>
        <Radio value="data" label={s.startData} />
        <Radio value="randomisation" label={s.startRandomisation} />
        <Radio value="date" label={s.startDate} />
      </RadioGroup>
      {state.form.startRule === "date" ? (
        <Field label={s.startDateLabel} hint={s.startDateHint} {...problemOf(state.problems, "startDate", lang)}>
          <Input value={state.form.startDate} onChange={(_, d) => update({ startDate: d.value })} />
        </Field>
      ) : null}
    </section>
  );
}

function MeasureStep(props: { hook: ReturnType<typeof useRegister>; s: RegisterStrings }): React.JSX.Element {
  const { state, update, lang } = props.hook;
  const { s } = props;
  const styles = useStyles();
  const { form, problems } = state;
  return (
    <section className={styles.step} aria-labelledby="reg-step-measures">
      <Text id="reg-step-measures" className={styles.stepTitle} as="h2">
        {s.stepMeasures}
      </Text>
      <Field label={s.windows} hint={s.windowsHint} {...problemOf(problems, "windows", lang)}>
        <Input value={form.windows} onChange={(_, d) => update({ windows: d.value })} />
      </Field>
      <Field label={s.spellWeeks} hint={s.spellWeeksHint} {...problemOf(problems, "spellWeeks", lang)}>
        <Input className={styles.small} value={form.spellWeeks} onChange={(_, d) => update({ spellWeeks: d.value })} inputMode="numeric" />
      </Field>
      <Field label={s.tau} hint={s.tauHint} {...problemOf(problems, "tau", lang)}>
        <Input className={styles.small} value={form.tau} onChange={(_, d) => update({ tau: d.value })} inputMode="numeric" />
      </Field>
      <Checkbox checked={form.durable} onChange={(_, d) => update({ durable: d.checked === true })} label={s.durable} />
      {form.durable ? (
        <Field {...problemOf(problems, "durable", lang)}>
          <div className={styles.triple}>
            <Field label={s.durableM}>
              <Input className={styles.small} value={form.m} onChange={(_, d) => update({ m: d.value })} inputMode="numeric" />
            </Field>
            <Field label={s.durableN}>
              <Input className={styles.small} value={form.n} onChange={(_, d) => update({ n: d.value })} inputMode="numeric" />
            </Field>
            <Field label={s.durableAt}>
              <Input className={styles.small} value={form.at} onChange={(_, d) => update({ at: d.value })} inputMode="numeric" />
            </Field>
          </div>
        </Field>
      ) : null}
    </section>
  );
}

export default function RegisterPane(): React.JSX.Element {
  const s = useStrings(registerStrings);
  const lang = useLang();
  const styles = useStyles();
  const hook = useRegister();
  const { state, calculate } = hook;
  if (state.loading) {
    return (
      <div data-testid="register-pane">
        <Spinner size="small" label={s.loading} />
      </div>
    );
  }
  return (
    <div className={styles.root} data-testid="register-pane">
      <Text size={200} className={styles.muted}>
        {s.intro}
      </Text>
      {state.stored && !state.outcome ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.restored(state.stored.source.sheet)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorBar error={state.error} />
      <DataStep hook={hook} s={s} />
      <Divider />
      <StartStep hook={hook} s={s} />
      <Divider />
      <MeasureStep hook={hook} s={s} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={state.busy || state.form.sheet === ""} onClick={() => void calculate("form")}>
          {s.run}
        </Button>
        {state.stored ? (
          <Button disabled={state.busy} onClick={() => void calculate("stored")} title={s.rerunHint}>
            {s.rerun}
          </Button>
        ) : null}
        {state.busy ? <Spinner size="tiny" label={s.running} /> : null}
      </div>
      {state.outcome ? <Outcome outcome={state.outcome} s={s} lang={lang} /> : null}
    </div>
  );
}
