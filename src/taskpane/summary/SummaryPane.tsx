/**
 * The Ledelsesoverblik pane: what the page is built from, the follow-up and the small-number
 * threshold, build or update the sheet (the leader's entries are kept), open the print view.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { analysisLine, MAX_THRESHOLD, MIN_THRESHOLD } from "../../core/summary";
import { ErrorBar } from "../components/ErrorBar";
import { useStrings } from "../i18n";
import { summaryStrings } from "./strings";
import { useSummary } from "./useSummary";
import { fieldMessage } from "../components/LiveRegion";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "560px" },
  muted: { color: tokens.colorNeutralForeground3 },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

function parseThreshold(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= MIN_THRESHOLD && n <= MAX_THRESHOLD ? n : null;
}

export default function SummaryPane(): React.JSX.Element {
  const s = useStrings(summaryStrings);
  const styles = useStyles();
  const { state, build, showPrint, update } = useSummary();
  const [thresholdText, setThresholdText] = React.useState<string | null>(null);
  if (state.loading) {
    return (
      <div data-testid="summary-pane">
        <Spinner size="small" label={s.loading} />
      </div>
    );
  }
  const { settings } = state;
  const text = thresholdText ?? String(settings.threshold);
  const threshold = parseThreshold(text);
  return (
    <div className={styles.root} data-testid="summary-pane">
      <Text size={200} className={styles.muted}>
        {s.intro}
      </Text>
      <ErrorBar error={state.error} />
      <section aria-labelledby="summary-sources">
        <Text id="summary-sources" className={styles.title} as="h2">
          {s.sources}
        </Text>
        <ul style={{ margin: "4px 0", paddingLeft: 18 }} data-testid="summary-sources">
          <li>{s.theory(state.hasTheory)}</li>
          <li>{s.comparison(state.hasComparison)}</li>
        </ul>
      </section>
      <Field label={s.followUp} hint={s.followUpHelp}>
        <Select value={settings.followUp === null ? "" : String(settings.followUp)} onChange={(_, d) => update({ followUp: d.value === "" ? null : Number(d.value) })} disabled={state.followUps.length === 0}>
          <option value="">{s.latest}</option>
          {state.followUps.map((m) => (
            <option key={m} value={String(m)}>
              {s.months(m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.audience} hint={s.audienceHelp(settings.audience === "public")}>
        <Select value={settings.audience} onChange={(_, d) => update({ audience: d.value === "public" ? "public" : "internal" })} data-testid="summary-audience">
          <option value="internal">{s.audienceInternal}</option>
          <option value="public">{s.audiencePublic}</option>
        </Select>
      </Field>
      {settings.audience === "public" ? (
        <Field label={s.threshold} hint={s.thresholdHelp} validationMessage={fieldMessage(threshold === null ? s.badThreshold : undefined)} validationState={threshold === null ? "error" : "none"}>
          <Input value={text} inputMode="numeric" onChange={(_, d) => setThresholdText(d.value)} />
        </Field>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={state.busy || (settings.audience === "public" && threshold === null)} onClick={() => void build({ ...settings, threshold: threshold ?? settings.threshold })}>
          {state.sheetExists ? s.update : s.build}
        </Button>
        <Button disabled={state.busy || !state.sheetExists} onClick={() => void showPrint()}>
          {s.print}
        </Button>
        {state.busy ? <Spinner size="tiny" /> : null}
      </div>
      {state.report ? (
        <MessageBar intent="success" layout="multiline" data-testid="summary-report">
          <MessageBarBody>{s.built(state.report.keptEntries.keyFigures, state.report.keptEntries.answers)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.report?.analysis && state.report.analysis.status !== "ok" ? (
        // the pane says what the page says: the comparison's numbers were withheld, and why
        <MessageBar intent="warning" layout="multiline" data-testid="summary-analysis">
          <MessageBarBody>{analysisLine(state.report.analysis, settings.lang)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.printShown ? (
        <MessageBar intent="info" layout="multiline" data-testid="summary-print">
          <MessageBarBody>{s.printHelp}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
