/** Part 2 of the Forsøgsdesign pane: expected shares per outcome and time point → citizens per group or power. */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Add20Regular, Calculator20Regular, Delete20Regular } from "@fluentui/react-icons";
import { VirkningError } from "../../core/errors";
import { parseDanishNumber } from "../../core/data";
import { planningSheetSpec, planSampleSize, planSentences, PLANNING_SHEET_NAME, type Plan, type PlanRowInput } from "../../core/design";
import { getExcelRun } from "../../excel/host";
import { renderSheets } from "../../excel/render";
import { ErrorBar } from "../components/ErrorBar";
import { useLang, useStrings } from "../i18n";
import { designStrings, type DesignStrings } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  rows: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 5.5em 4.5em 4.5em 2em", gap: "4px 6px", alignItems: "center" },
  head: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface FormRow {
  outcome: string;
  timepoint: string;
  pControl: string;
  pIntervention: string;
}

const FIRST_ROW: FormRow = { outcome: "I job eller uddannelse", timepoint: "12 mdr.", pControl: "20", pIntervention: "30" };

function percent(text: string, field: string, row: number, s: DesignStrings): number {
  const x = parseDanishNumber(text);
  if (x === null || !Number.isFinite(x) || x <= 0 || x >= 100) throw new VirkningError("PLAN_PERCENT", s.badPercent(field, row), s.badPercent(field, row));
  return x / 100;
}

function toRows(rows: FormRow[], s: DesignStrings): PlanRowInput[] {
  return rows.map((r, i) => ({ outcome: r.outcome.trim(), timepoint: r.timepoint.trim(), pControl: percent(r.pControl, s.pControl, i + 1, s), pIntervention: percent(r.pIntervention, s.pIntervention, i + 1, s) }));
}

export function PlanningSection(): React.JSX.Element {
  const s = useStrings(designStrings);
  const lang = useLang();
  const styles = useStyles();
  const [rows, setRows] = React.useState<FormRow[]>([FIRST_ROW]);
  const [alpha, setAlpha] = React.useState("0.05");
  const [mode, setMode] = React.useState<"n" | "power">("n");
  const [power, setPower] = React.useState("0.8");
  const [n, setN] = React.useState("100");
  const [plan, setPlan] = React.useState<Plan | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [written, setWritten] = React.useState(false);
  const [busy, setBusy] = React.useState(false);

  const setRow = (i: number, p: Partial<FormRow>): void => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));

  const write = async (): Promise<void> => {
    setError(null);
    setWritten(false);
    setBusy(true);
    try {
      if (mode === "power" && !/^\s*\d+\s*$/.test(n)) throw new VirkningError("PLAN_N", s.badNumber(s.nPerGroup), s.badNumber(s.nPerGroup));
      const p = planSampleSize({ rows: toRows(rows, s), alpha: Number(alpha), mode: mode === "n" ? { kind: "n", power: Number(power) } : { kind: "power", nPerGroup: Number(n) } });
      setPlan(p);
      await renderSheets(getExcelRun(), [planningSheetSpec(p, lang)]);
      setWritten(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="design-plan-title">
      <Text id="design-plan-title" className={styles.title}>{s.planTitle}</Text>
      <Text className={styles.muted}>{s.planHelp}</Text>
      <div className={styles.rows}>
        <span className={styles.head}>{s.outcome}</span>
        <span className={styles.head}>{s.timepoint}</span>
        <span className={styles.head}>{s.pControl}</span>
        <span className={styles.head}>{s.pIntervention}</span>
        <span />
        {rows.map((r, i) => (
          <React.Fragment key={i}>
            <Input size="small" aria-label={`${s.outcome} ${i + 1}`} value={r.outcome} onChange={(_, d) => setRow(i, { outcome: d.value })} />
            <Input size="small" aria-label={`${s.timepoint} ${i + 1}`} value={r.timepoint} onChange={(_, d) => setRow(i, { timepoint: d.value })} />
            <Input size="small" aria-label={`${s.pControl} ${i + 1}`} value={r.pControl} onChange={(_, d) => setRow(i, { pControl: d.value })} />
            <Input size="small" aria-label={`${s.pIntervention} ${i + 1}`} value={r.pIntervention} onChange={(_, d) => setRow(i, { pIntervention: d.value })} />
            <Button size="small" appearance="subtle" icon={<Delete20Regular />} aria-label={s.removeRow(i + 1)} disabled={rows.length === 1} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} />
          </React.Fragment>
        ))}
      </div>
      <div className={styles.row}>
        <Button size="small" icon={<Add20Regular />} onClick={() => setRows((rs) => [...rs, { outcome: "", timepoint: "", pControl: "", pIntervention: "" }])}>{s.addRow}</Button>
      </div>
      <div className={styles.row}>
        <Field label={s.alpha}>
          <Select value={alpha} onChange={(_, d) => setAlpha(d.value)}>
            <option value="0.05">5 %</option>
            <option value="0.1">10 %</option>
            <option value="0.01">1 %</option>
          </Select>
        </Field>
        <Field label={s.planMode}>
          <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value === "power" ? "power" : "n")}>
            <Radio value="n" label={s.modeN} />
            <Radio value="power" label={s.modePower} />
          </RadioGroup>
        </Field>
        {mode === "n" ? (
          <Field label={s.power}>
            <Select value={power} onChange={(_, d) => setPower(d.value)}>
              <option value="0.8">80 %</option>
              <option value="0.9">90 %</option>
            </Select>
          </Field>
        ) : (
          <Field label={s.nPerGroup}>
            <Input value={n} onChange={(_, d) => setN(d.value)} />
          </Field>
        )}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" icon={<Calculator20Regular />} disabled={busy} onClick={() => void write()}>{s.writePlan}</Button>
      </div>
      {plan && written && (
        <MessageBar intent="success" layout="multiline" data-testid="design-plan-result">
          <MessageBarBody>
            {planSentences(plan, lang).map((x, i) => <div key={i}>{x}</div>)}
            <div>{s.planWritten(PLANNING_SHEET_NAME)}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} />
    </section>
  );
}
