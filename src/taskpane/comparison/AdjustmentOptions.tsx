/**
 * The optional adjusted analysis (issue 25 item 1): a checkbox, and which baseline columns (by header) to
 * adjust for; ticked, it starts with the design's strata (groups from "Randomisering"), else the strata
 * columns, else the Tabel 1 columns (defaultCovariates).
 */
import * as React from "react";
import { Checkbox, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { chosenCovariates, defaultCovariates, headerKey, type ComparisonSettings } from "../../core/analysis";
import { useStrings } from "../i18n";
import { comparisonStrings } from "./strings";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: "flex", flexDirection: "column", gap: "4px" },
  list: { display: "flex", flexDirection: "column", paddingLeft: "24px", minWidth: 0 },
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

/** Header names of the columns that can hold a numeric outcome or its baseline: every column outside the ID, group and status roles. */
function numericCandidates(settings: ComparisonSettings): string[] {
  const header = settings.source.header ?? [];
  const c = settings.columns;
  const roles = new Set([c.id, c.group, ...c.timepoints.map((t) => t.column), ...(c.long ? [c.long.time, c.long.status] : [])]);
  const categorical = new Set(c.baseline.filter((b) => b.type === "categorical").map((b) => b.column));
  return header.filter((h, i) => h.trim() !== "" && !roles.has(i) && !categorical.has(i));
}

type NumericChoice = { outcome: string; baseline: string; covariates: string[] };

/** The settings with the numeric outcome (or none); the outcome column leaves Tabel 1 (it is measured after inclusion). */
function withNumeric(x: ComparisonSettings, next: NumericChoice | null): ComparisonSettings {
  const { numericOutcomes: _old, ...rest } = x;
  if (!next) return rest;
  const column = (x.source.header ?? []).findIndex((h) => headerKey(h) === headerKey(next.outcome));
  return { ...rest, columns: { ...x.columns, baseline: x.columns.baseline.filter((b) => b.column !== column) }, numericOutcomes: [next] };
}

/**
 * A numeric outcome with its ANCOVA (issue 25): a checkbox, the outcome column, its baseline column and
 * further Tabel 1 covariates. Stored once both columns are chosen; the sheet shows the unadjusted
 * comparison and the adjusted one beside it.
 */
export function NumericOutcomeOptions(props: { settings: ComparisonSettings; onUpdate: Update }): React.JSX.Element | null {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const { settings, onUpdate } = props;
  const candidates = numericCandidates(settings);
  const [open, setOpen] = React.useState(settings.numericOutcomes !== undefined);
  const [draft, setDraft] = React.useState<NumericChoice>(settings.numericOutcomes?.[0] ?? { outcome: "", baseline: "", covariates: [] });
  if (candidates.length < 2) return null;
  const header = settings.source.header ?? [];
  const tabel1 = settings.columns.baseline.map((b) => header[b.column] ?? "").filter((n) => n.trim() !== "" && headerKey(n) !== headerKey(draft.baseline) && headerKey(n) !== headerKey(draft.outcome));
  const change = (next: NumericChoice): void => {
    setDraft(next);
    onUpdate((x) => withNumeric(x, next.outcome && next.baseline && next.outcome !== next.baseline ? next : null));
  };
  const select = (label: string, value: string, key: "outcome" | "baseline"): React.JSX.Element => (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => change({ ...draft, [key]: d.value, covariates: draft.covariates.filter((c) => headerKey(c) !== headerKey(d.value)) })}>
        <option value="">{s.numericNone}</option>
        {candidates.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className={styles.block}>
      <Checkbox
        label={s.numericOutcome}
        checked={open}
        onChange={(_, d) => {
          setOpen(d.checked === true);
          if (d.checked !== true) onUpdate((x) => withNumeric(x, null));
          else change(draft);
        }}
      />
      <Text size={200} className={styles.muted}>
        {s.numericHelp}
      </Text>
      {open ? (
        <div className={styles.list} data-testid="numeric-outcome">
          {select(s.numericColumn, draft.outcome, "outcome")}
          {select(s.numericBaseline, draft.baseline, "baseline")}
          {tabel1.length > 0 ? (
            <div role="group" aria-label={s.numericCovariates} className={styles.block}>
              <Text size={200}>{s.numericCovariates}</Text>
              {tabel1.map((n) => {
                const checked = draft.covariates.some((c) => headerKey(c) === headerKey(n));
                return <Checkbox key={n} label={n} checked={checked} onChange={(_, d) => change({ ...draft, covariates: tabel1.filter((m) => (headerKey(m) === headerKey(n) ? d.checked === true : draft.covariates.some((c) => headerKey(c) === headerKey(m)))) })} />;
              })}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
