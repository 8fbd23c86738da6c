/**
 * The Progression pane: 1. make or update the measurement sheet (delmål from the programme theory,
 * citizens from the comparison's data or typed, start date); 2. compute from the measurement sheet
 * (or any sheet with citizen, round and score columns), run again from saved settings.
 */
import * as React from "react";
import { Button, Checkbox, Divider, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { formatP, type TablePolicy } from "../../core/stats";
import type { ProgressionSettings } from "../../excel/progressionStore";
import { ErrorBar } from "../components/ErrorBar";
import { useStrings } from "../i18n";
import { progressionStrings } from "./strings";
import { ChainSection } from "./ChainSection";
import { parseTypedCitizens, useProgression } from "./useProgression";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "560px" },
  step: { display: "flex", flexDirection: "column", gap: "8px" },
  stepTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

function today(): string {
  const d = new Date();
  return `${String(d.getDate()).padStart(2, "0")}-${String(d.getMonth() + 1).padStart(2, "0")}-${d.getFullYear()}`;
}

export default function ProgressionPane(): React.JSX.Element {
  const s = useStrings(progressionStrings);
  const styles = useStyles();
  const { state, lang, generate, calculate, update, sheetExists } = useProgression();
  const [from, setFrom] = React.useState<"comparison" | "typed">("typed");
  const [typed, setTyped] = React.useState("");
  const [start, setStart] = React.useState(today());
  React.useEffect(() => {
    if (state.comparisonCitizens.length > 0) setFrom("comparison");
  }, [state.comparisonCitizens.length]);

  if (state.loading) {
    return (
      <div data-testid="progression-pane">
        <Spinner size="small" label={s.loading} />
      </div>
    );
  }
  const { settings } = state;
  const citizens = from === "comparison" ? state.comparisonCitizens : parseTypedCitizens(typed);
  const sheetOptions = state.sheets.includes(settings.sheet) ? state.sheets : [settings.sheet, ...state.sheets];

  return (
    <div className={styles.root} data-testid="progression-pane">
      <Text size={200} className={styles.muted}>
        {s.intro}
      </Text>
      {state.restored ? (
        <MessageBar intent="info">
          <MessageBarBody>{s.restored(settings.sheet)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorBar error={state.error} />

      <section className={styles.step} aria-labelledby="prog-step-sheet">
        <Text id="prog-step-sheet" className={styles.stepTitle} as="h2">
          {s.stepSheet}
        </Text>
        <Text size={200} data-testid="progression-items">
          {state.items.length > 0 ? s.itemsFound(state.items.length, state.items.map((i) => i.id).join(", ")) : s.noItems}
        </Text>
        {state.theoryChange ? (
          <MessageBar intent="warning" data-testid="progression-theory-changed">
            <MessageBarBody>{s.theoryChanged(state.theoryChange.added.join(", "), state.theoryChange.removed.join(", "))}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label={s.citizensFrom}>
          <RadioGroup value={from} onChange={(_, d) => setFrom(d.value as "comparison" | "typed")}>
            <Radio value="comparison" disabled={state.comparisonCitizens.length === 0} label={state.comparisonCitizens.length > 0 ? s.fromComparison(state.comparisonCitizens.length) : s.fromComparisonNone} />
            <Radio value="typed" label={s.typed} />
          </RadioGroup>
        </Field>
        {from === "typed" ? (
          <Field label={s.typedLabel} hint={s.typedHelp}>
            <Textarea value={typed} onChange={(_, d) => setTyped(d.value)} rows={4} />
          </Field>
        ) : null}
        <Field label={s.startDate} hint={s.startDateHelp}>
          <Input value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={state.busy || state.items.length === 0 || citizens.length === 0} onClick={() => void generate(citizens, start)}>
            {sheetExists ? s.update : s.generate}
          </Button>
        </div>
        {state.report ? (
          <MessageBar intent={state.report.unplaced.length ? "warning" : "success"} layout="multiline" data-testid="progression-report">
            <MessageBarBody>
              {s.generated(state.report.rows)}
              {state.report.unplaced.length ? ` ${s.unplaced(state.report.unplaced.length, state.report.unplaced.map((u) => `${u.citizen} runde ${u.round} ${u.what}`).join(", "))}` : ""}
              {state.report.outsidePlan ? ` ${s.outsidePlan(state.report.outsidePlan)}` : ""}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      <Divider />
      <section className={styles.step} aria-labelledby="prog-step-run">
        <Text id="prog-step-run" className={styles.stepTitle} as="h2">
          {s.stepRun}
        </Text>
        <Field label={s.source}>
          <Select value={settings.sheet} onChange={(_, d) => update({ sheet: d.value })}>
            {sheetOptions.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox checked={settings.compareGroups} onChange={(_, d) => update({ compareGroups: d.checked === true })} label={s.compareGroups} />
        <Checkbox checked={settings.compareGroups && settings.adjustForBaseline === true} disabled={!settings.compareGroups} onChange={(_, d) => update({ adjustForBaseline: d.checked === true })} label={s.adjustForBaseline} />
        <Checkbox checked={settings.transitions} onChange={(_, d) => update({ transitions: d.checked === true })} label={s.transitions} />
        <Field label={s.testPolicy}>
          <Select value={settings.testPolicy} onChange={(_, d) => update({ testPolicy: d.value as TablePolicy })}>
            <option value="auto">{s.policyAuto}</option>
            <option value="pearson">{s.policyPearson}</option>
            <option value="fisher">{s.policyFisher}</option>
            <option value="yates">{s.policyYates}</option>
          </Select>
        </Field>
        <Field label={s.rater}>
          <Select value={settings.rater} onChange={(_, d) => update({ rater: d.value as ProgressionSettings["rater"] })}>
            <option value="auto">{s.raterAuto}</option>
            <option value="all">{s.raterAll}</option>
            <option value="borger">{s.raterBorger}</option>
            <option value="sagsbehandler">{s.raterCaseworker}</option>
            <option value="anden">{s.raterOther}</option>
          </Select>
        </Field>
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={state.busy} onClick={() => void calculate({ ...settings, lang })}>
            {state.restored ? s.rerun : s.run}
          </Button>
          {state.busy ? <Spinner size="tiny" /> : null}
        </div>
        {state.result ? (
          <MessageBar intent="success" layout="multiline" data-testid="progression-result">
            <MessageBarBody>
              {s.written}
              <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                {state.result.items.map((r) => (
                  <li key={r.item.id}>{s.itemSummary(r.item.id, r.change.improved, r.change.paired, r.changeTest ? (formatP(r.changeTest.pValue, lang).startsWith("<") ? formatP(r.changeTest.pValue, lang) : `= ${formatP(r.changeTest.pValue, lang)}`) : "= –")}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      <Divider />
      <ChainSection />
    </div>
  );
}
