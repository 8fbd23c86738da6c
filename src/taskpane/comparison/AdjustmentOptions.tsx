/**
 * The optional adjusted analysis (issue 25 item 1): a checkbox, and which baseline columns (by header) to
 * adjust for; ticked, it starts with the design's strata (groups from "Randomisering"), else the strata
 * columns, else the Tabel 1 columns (defaultCovariates).
 */
import * as React from "react";
import { Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { chosenCovariates, defaultCovariates, headerKey, type ComparisonSettings } from "../../core/analysis";
import { useStrings } from "../i18n";
import { comparisonStrings } from "./strings";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: "flex", flexDirection: "column", gap: "4px" },
  list: { display: "flex", flexDirection: "column", paddingLeft: "24px" },
});

type Update = (fn: (s: ComparisonSettings) => ComparisonSettings) => void;

function withoutAdjustment(x: ComparisonSettings): ComparisonSettings {
  const { adjustment: _old, ...rest } = x;
  return rest;
}

/** Tick or untick one covariate (by header) of those chosen now; the covariates keep the order of the columns. */
function toggled(x: ComparisonSettings, chosenNow: string[], names: string[], name: string, on: boolean): ComparisonSettings {
  const now = new Set(chosenNow.map(headerKey));
  if (on) now.add(headerKey(name));
  else now.delete(headerKey(name));
  return { ...x, adjustment: { covariates: names.filter((n) => now.has(headerKey(n))) } };
}

/**
 * `settings` are those the analysis runs on (with the groups from "Randomisering", joined: they have the
 * design's stratum column); `onUpdate` changes the stored settings.
 */
export function AdjustmentOptions(props: { settings: ComparisonSettings; onUpdate: Update }): React.JSX.Element | null {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const { settings, onUpdate } = props;
  const header = settings.source.header ?? [];
  const names = settings.columns.baseline.map((b) => header[b.column] ?? "").filter((n) => n.trim() !== "");
  if (names.length === 0) return null;
  const on = settings.adjustment !== undefined;
  const chosen = new Set(on ? chosenCovariates(settings).map(headerKey) : []);
  return (
    <div className={styles.block}>
      <Checkbox
        label={s.adjust}
        checked={on}
        onChange={(_, d) => onUpdate((x) => (d.checked === true ? { ...x, adjustment: { covariates: defaultCovariates(settings) } } : withoutAdjustment(x)))}
      />
      <Text size={200} className={styles.muted}>
        {s.adjustHelp}
      </Text>
      {on ? (
        <div className={styles.list} role="group" aria-label={s.adjustCovariates} data-testid="adjust-covariates">
          {names.map((n) => {
            const checked = chosen.has(headerKey(n));
            // the last ticked one stays: an adjusted analysis needs at least one covariate
            return <Checkbox key={n} label={n} checked={checked} disabled={checked && chosen.size === 1} onChange={(_, d) => onUpdate((x) => toggled(x, chosenCovariates(settings), names, n, d.checked === true))} />;
          })}
        </div>
      ) : null}
    </div>
  );
}
