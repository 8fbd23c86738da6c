/**
 * The Sammenligning pane: 1. data (range, column roles, group labels), 2. outcomes (status classes,
 * outcome definitions, test), 3. run (Beregn / Kør igen, summary). Computing happens in core; workbook
 * I/O in src/excel/comparisonStore.ts.
 */
import * as React from "react";
import { Button, Divider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwise20Regular, Calculator20Regular, Save20Regular } from "@fluentui/react-icons";
import { ErrorBar } from "../components/ErrorBar";
import { useStrings } from "../i18n";
import { DataStep } from "./DataStep";
import { OutcomeStep } from "./OutcomeStep";
import { StoredDataView } from "./StoredDataView";
import { NotCprConfirm } from "./NotCprConfirm";
import { IdentifyingLabels } from "./IdentifyingLabels";
import { summarise, resultWarnings, unclassified } from "./model";
import { comparisonStrings } from "./strings";
import { ComputeProgress } from "./ComputeProgress";
import { useComparison } from "./useComparison";
import { AnalysisList } from "./AnalysisList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "560px" },
  step: { display: "flex", flexDirection: "column", gap: "8px" },
  stepTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
  summary: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "4px" },
  caveat: { margin: "2px 0 0 0", color: tokens.colorNeutralForeground2 },
});

export default function ComparisonPane(): React.JSX.Element {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const { state, inspection, trial, setTrialSource, lang, chooseSource, update, save, calculate, cancelRun, rerun, resetSettings, forgetStored, confirmNotCpr, analysisAction, refreshSources, run, resultSheet } = useComparison();
  const { settings, input } = state;
  const info = inspection.info;
  const busy = state.busy !== null || state.loading;
  const resultRef = React.useRef<HTMLDivElement>(null);
  const errorRef = React.useRef<HTMLDivElement>(null);
  // After a run, bring the outcome (summary or error) into view: the pane is a long, narrow column.
  React.useEffect(() => {
    const el = state.written ? resultRef.current : state.error ? errorRef.current : null;
    if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [state.written, state.error]);

  if (state.loading) {
    return (
      <div data-testid="comparison-pane">
        <Spinner size="small" label={s.loading} />
      </div>
    );
  }

  const dataProblems = info ? info.problems.filter((p) => p.code !== "UNMAPPED_GROUP") : [];
  const unmapped = info ? info.groupLabels.filter((g) => g.arm === null) : [];
  const missingClasses = info && settings ? unclassified(settings.statusClasses, info.statuses) : [];
  const noOutcomes = !settings || settings.outcomes.length === 0 || settings.outcomes.some((o) => o.statuses.length === 0);
  const identifying = info?.identifying ?? [];
  // free text (a name, a sentence) must be decided before anything is stored or printed; one-citizen labels are flagged
  const undecidedText = identifying.some((f) => f.reason === "freeText");
  const ready = !!settings && !!info && inspection.error === null && dataProblems.length === 0 && unmapped.length === 0 && missingClasses.length === 0 && !noOutcomes && !undecidedText;
  const summary = state.result ? summarise(state.result) : [];
  const warnings = state.result ? resultWarnings(state.result) : [];

  return (
    <div className={styles.root} data-testid="comparison-pane">
      <Text size={200} className={styles.muted}>
        {s.intro}
      </Text>
      {state.restored && settings ? (
        <MessageBar intent="info">
          <MessageBarBody>{s.restored(`${settings.source.sheet}!${settings.source.address}`)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.invalidSettings ? (
        <div data-testid="invalid-settings">
          <ErrorBar error={state.invalidSettings} />
          <Button appearance="primary" disabled={busy} onClick={() => void resetSettings()}>
            {s.reset}
          </Button>
        </div>
      ) : null}
      {state.moved.length > 0 ? (
        <MessageBar intent="info" data-testid="columns-moved">
          <MessageBarBody>{s.columnsMoved(state.moved.map((m) => `\u201c${m.name}\u201d`).join(", "))}</MessageBarBody>
        </MessageBar>
      ) : null}
      <AnalysisList analyses={state.analyses} active={state.active} resultSheet={resultSheet} sheets={state.sources.sheets} busy={busy} onAction={(a) => void analysisAction(a)} />
      <div ref={errorRef}>
        <ErrorBar error={state.error} />
      </div>
      {inspection.error ? <ErrorBar error={inspection.error} /> : null}
      <NotCprConfirm error={inspection.error ?? state.error} onConfirm={confirmNotCpr} />
      <IdentifyingLabels flags={identifying} disabled={busy} update={update} />

      <section className={styles.step} aria-labelledby="cmp-step-data">
        <Text id="cmp-step-data" className={styles.stepTitle} as="h2">
          {s.stepData}
        </Text>
        <DataStep
          input={input}
          settings={settings}
          info={info}
          issues={inspection.columnsIssues}
          sources={state.sources}
          busy={busy}
          empty={state.empty}
          onChooseSource={(how) => void chooseSource(how)}
          onRefreshSources={() => void refreshSources()}
          onUpdate={update}
          trial={state.trialAvailable || settings?.randomisation ? { join: trial, onToggle: (on) => void setTrialSource(on) } : undefined}
        />
        {dataProblems.length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="data-problems">
            <MessageBarBody>
              <MessageBarTitle>{s.problems}</MessageBarTitle>
              <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                {dataProblems.slice(0, 8).map((p, i) => (
                  <li key={i}>{lang === "da" ? p.message : p.messageEn}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      {settings && info && !inspection.error ? (
        <>
          <Divider />
          <section className={styles.step} aria-labelledby="cmp-step-outcomes">
            <Text id="cmp-step-outcomes" className={styles.stepTitle} as="h2">
              {s.stepOutcomes}
            </Text>
            <OutcomeStep settings={settings} analysed={trial?.settings} info={info} theoryOutcomes={state.theoryOutcomes} onUpdate={update} />
          </section>
        </>
      ) : null}

      {settings || state.storedJson ? (
        <>
          <Divider />
          <section className={styles.step} aria-labelledby="cmp-step-run">
            <Text id="cmp-step-run" className={styles.stepTitle} as="h2">
              {s.stepRun}
            </Text>
            <div className={styles.buttons}>
              <Button appearance="primary" icon={<Calculator20Regular />} disabled={busy || !ready} onClick={() => void calculate("current")}>
                {s.run}
              </Button>
              <Button icon={<ArrowClockwise20Regular />} disabled={busy || !state.storedJson} onClick={() => void rerun(ready)} title={s.rerunRule}>
                {s.rerun}
              </Button>
              <Button appearance="subtle" icon={<Save20Regular />} disabled={busy || !settings || inspection.columnsIssues.length > 0 || undecidedText} onClick={() => void save()}>
                {s.save}
              </Button>
            </div>
            <Text size={200} className={styles.muted}>
              {s.rerunRule}
            </Text>
            <ComputeProgress state={state} onCancel={cancelRun} />
            {state.saved ? (
              <MessageBar intent="success">
                <MessageBarBody>{s.saved}</MessageBarBody>
              </MessageBar>
            ) : null}
            <div ref={resultRef} className={styles.step}>
              {state.written && state.result ? (
                <MessageBar intent="success" data-testid="written">
                  <MessageBarBody>{s.written(resultSheet)}</MessageBarBody>
                </MessageBar>
              ) : null}
              {summary.length > 0 ? (
                <div data-testid="summary">
                  <Text weight="semibold">
                    {s.summary} – {s.summaryAt(summary[0].month)}
                  </Text>
                  <ul className={styles.summary}>
                    {summary.map((o, i) => (
                      <li key={i}>
                        <Text weight="semibold">{o.name}</Text>
                        <br />
                        <Text>{o.headline.summary[lang]}</Text>
                        {o.headline.caveats.map((c, k) => (
                          <Text key={k} as="p" size={200} className={styles.caveat} data-testid="summary-caveat">
                            {c[lang]}
                          </Text>
                        ))}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {warnings.length > 0 ? (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{s.warnings}</MessageBarTitle>
                    <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
                      {warnings.map((w, i) => (
                        <li key={i}>{w[lang]}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              ) : null}
            </div>
          </section>
        </>
      ) : null}
      <Divider />
      <StoredDataView run={run} onDeleted={forgetStored} />
    </div>
  );
}
