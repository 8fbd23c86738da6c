/** Tabel 1 for reports: per continuous baseline variable, the summary and optional cut points for derived categories. */
import * as React from "react";
import { Checkbox, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ComparisonSettings, SummaryChoice } from "../../core/analysis";
import { useStrings } from "../i18n";
import { comparisonStrings } from "./strings";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 10em 6em", gap: "4px 6px", alignItems: "end" },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  block: { display: "flex", flexDirection: "column", gap: "4px" },
});

/** "30; 50" or "17,5" → [30, 50] / [17.5]; null when a part is not a number. */
export function parseCuts(text: string): number[] | null {
  const parts = text.split(/[;\s]+/).filter((p) => p.length > 0);
  const nums = parts.map((p) => Number(p.replace(",", ".")));
  return nums.every((n) => Number.isFinite(n)) ? nums : null;
}

function CutsInput(props: { label: string; cuts: number[] | undefined; onChange: (cuts: number[] | undefined) => void }): React.JSX.Element {
  const [text, setText] = React.useState((props.cuts ?? []).map((c) => String(c).replace(".", ",")).join("; "));
  const parsed = parseCuts(text);
  return (
    <Input
      size="small"
      aria-label={props.label}
      value={text}
      aria-invalid={parsed === null}
      onChange={(_, d) => {
        setText(d.value);
        const p = parseCuts(d.value);
        if (p) props.onChange(p.length > 0 ? p : undefined);
      }}
    />
  );
}

export function Table1Options(props: { settings: ComparisonSettings; onUpdate: (fn: (s: ComparisonSettings) => ComparisonSettings) => void }): React.JSX.Element | null {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const continuous = props.settings.columns.baseline.filter((b) => b.type === "continuous");
  if (continuous.length === 0) return null;
  const header = props.settings.source.header ?? [];
  const set = (column: number, patch: { summary?: SummaryChoice; cuts?: number[] }): void =>
    props.onUpdate((x) => ({ ...x, columns: { ...x.columns, baseline: x.columns.baseline.map((b) => (b.column === column ? { ...b, ...patch } : b)) } }));
  const choices: { value: SummaryChoice; label: string }[] = [
    { value: "auto", label: s.summaryAuto },
    { value: "meanSd", label: s.summaryMeanSd },
    { value: "medianIqr", label: s.summaryMedianIqr },
    { value: "medianRange", label: s.summaryMedianRange },
  ];
  return (
    <div className={styles.block}>
      <Text weight="semibold">{s.table1}</Text>
      <Text size={200} className={styles.muted}>
        {s.table1Help}
      </Text>
      <div className={styles.grid} data-testid="table1-options">
        {continuous.map((b) => {
          const name = header[b.column] ?? `#${b.column + 1}`;
          return (
            <React.Fragment key={b.column}>
              <span className={styles.name} title={name}>
                {name}
              </span>
              <Select size="small" aria-label={`${s.table1Summary}: ${name}`} value={b.summary ?? "auto"} onChange={(_, d) => set(b.column, { summary: d.value as SummaryChoice })}>
                {choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
              <CutsInput label={`${s.table1Cuts}: ${name}`} cuts={b.cuts} onChange={(cuts) => set(b.column, { cuts })} />
            </React.Fragment>
          );
        })}
      </div>
    </div>
  );
}

/** Stratified analysis: the baseline variables whose categories form the strata (a continuous one needs cut points). */
export function StrataOptions(props: { settings: ComparisonSettings; onUpdate: (fn: (s: ComparisonSettings) => ComparisonSettings) => void }): React.JSX.Element | null {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const header = props.settings.source.header ?? [];
  const usable = props.settings.columns.baseline.filter((b) => b.type === "categorical" || (b.cuts?.length ?? 0) > 0);
  if (usable.length === 0) return null;
  const chosen = new Set(props.settings.strata ?? []);
  const toggle = (column: number, on: boolean): void =>
    props.onUpdate((x) => {
      const next = new Set(x.strata ?? []);
      if (on) next.add(column);
      else next.delete(column);
      const strata = [...next].sort((a, b) => a - b);
      const { strata: _old, ...rest } = x;
      return strata.length > 0 ? { ...rest, strata } : rest;
    });
  return (
    <div className={styles.block}>
      <Text weight="semibold">{s.strata}</Text>
      <Text size={200} className={styles.muted}>
        {s.strataHelp}
      </Text>
      <div data-testid="strata-options">
        {usable.map((b) => {
          const name = header[b.column] ?? `#${b.column + 1}`;
          return <Checkbox key={b.column} label={name} checked={chosen.has(b.column)} onChange={(_, d) => toggle(b.column, d.checked === true)} />;
        })}
      </div>
    </div>
  );
}

/** The sheet's title (the effort's name) and the headline: an outcome at a follow-up (default: the first outcome, last follow-up). */
export function ReportOptions(props: { settings: ComparisonSettings; onUpdate: (fn: (s: ComparisonSettings) => ComparisonSettings) => void }): React.JSX.Element {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const { settings } = props;
  const months = settings.source.layout === "wide" ? settings.columns.timepoints.map((t) => t.month).filter((m) => m > 0) : [];
  const value = settings.headline ? `${settings.headline.month}|${settings.headline.outcome}` : "";
  return (
    <div className={styles.block}>
      <Text weight="semibold">{s.report}</Text>
      <Input
        size="small"
        aria-label={s.effortName}
        placeholder={s.effortName}
        value={settings.title ?? ""}
        onChange={(_, d) =>
          props.onUpdate((x) => {
            const { title: _old, ...rest } = x;
            return d.value.trim() ? { ...rest, title: d.value } : rest;
          })
        }
      />
      {months.length > 0 ? (
        <Select
          size="small"
          aria-label={s.headline}
          value={value}
          onChange={(_, d) =>
            props.onUpdate((x) => {
              const { headline: _old, ...rest } = x;
              if (!d.value) return rest;
              const bar = d.value.indexOf("|");
              return { ...rest, headline: { month: Number(d.value.slice(0, bar)), outcome: d.value.slice(bar + 1) } };
            })
          }
        >
          <option value="">{s.headlineAuto}</option>
          {settings.outcomes.flatMap((o) =>
            months.map((m) => (
              <option key={`${o.id}|${m}`} value={`${m}|${o.id}`}>
                {s.headlineOption(o.name, m)}
              </option>
            )),
          )}
        </Select>
      ) : null}
    </div>
  );
}
