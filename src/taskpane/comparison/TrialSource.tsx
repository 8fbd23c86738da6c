/**
 * Groups from the "Randomisering" sheet (issue 21 item 2): offered when the workbook has one. On, the
 * citizens are analysed as randomised (intention to treat), the design's strata are the stratified
 * analysis by default, and differences between the data and the randomisation are shown as counts only.
 */
import * as React from "react";
import { Checkbox, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { hasMismatch, mismatchText, type ComparisonSettings, type TrialJoin } from "../../core/analysis";
import { useLang, useStrings } from "../i18n";
import { comparisonStrings } from "./strings";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: "4px" },
  muted: { color: tokens.colorNeutralForeground3 },
  indent: { paddingLeft: "24px" },
});

export interface TrialSourceProps {
  settings: ComparisonSettings;
  /** The data joined to the randomisation (null while it is read, or without an ID column). */
  join: TrialJoin | null;
  busy: boolean;
  onToggle: (on: boolean) => void;
  onUpdate: (fn: (s: ComparisonSettings) => ComparisonSettings) => void;
}

export function TrialSource(props: TrialSourceProps): React.JSX.Element {
  const s = useStrings(comparisonStrings);
  const lang = useLang();
  const styles = useStyles();
  const { settings, join } = props;
  const on = settings.randomisation !== undefined;
  return (
    <div className={styles.block} data-testid="trial-source">
      <Checkbox label={s.trialSource} checked={on} disabled={props.busy} onChange={(_, d) => props.onToggle(d.checked === true)} />
      <Text size={200} className={mergeClasses(styles.muted, styles.indent)}>
        {s.trialSourceHelp}
      </Text>
      {on && join && join.strata > 1 ? (
        <div className={styles.indent}>
          <Checkbox
            label={s.trialStrata}
            checked={settings.randomisation?.strata === true}
            disabled={props.busy}
            onChange={(_, d) => props.onUpdate((x) => ({ ...x, randomisation: { strata: d.checked === true } }))}
          />
        </div>
      ) : null}
      {on && join ? (
        <MessageBar intent={hasMismatch(join.mismatch) ? "warning" : "success"} layout="multiline" data-testid="trial-mismatch">
          <MessageBarBody>
            {s.trialMatched(join.matched, join.strata)} {mismatchText(join.mismatch)[lang]}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
