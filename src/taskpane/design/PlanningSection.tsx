/** Part 2 of the Forsøgsdesign pane: expected shares per outcome and time point → citizens per group or power. */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Add20Regular, Calculator20Regular, Delete20Regular } from "@fluentui/react-icons";
import { VirkningError } from "../../core/errors";
import { parseDanishNumber } from "../../core/data";
import { planSentences, PLANNING_SHEET_NAME, type Plan } from "../../core/design";
import { getExcelRun } from "../../excel/host";
import { loadPlanInput, writePlan, type StoredPlanInput } from "../../excel/planStore";
import { ErrorBar } from "../components/ErrorBar";
import { useLang, useStrings } from "../i18n";
import { designStrings, type DesignStrings } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  rows: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 5.5em 4.5em 4.5em 2em",
    gap: "4px 6px",
    alignItems: "center",
    // Excel's narrow pane: the outcome takes a line of its own, the three values and the delete button the next
    "@media (max-width: 420px)": { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr) 2em" },
  },
  wide: { "@media (max-width: 420px)": { gridColumn: "1 / -1" } },
  head: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Kind = "proportion" | "mean" | "time";
type Mode = "n" | "power" | "difference";

/** One row of the form as typed: `a`/`b` are control/intervention %, SD/difference, or median weeks/hazard ratio by kind. */
interface FormRow {
  outcome: string;
  timepoint: string;
  a: string;
  b: string;
}

interface Form {
  kind: Kind;
  rows: FormRow[];
  alpha: string;
  sides: "two.sided" | "one.sided";
  mode: Mode;
  power: string;
  n: string;
  dropout: string;
  accrual: string;
  followUp: string;
}

const FIRST_ROW: FormRow = { outcome: "I job eller uddannelse", timepoint: "12 mdr.", a: "20", b: "30" };
const DEFAULT_FORM: Form = { kind: "proportion", rows: [FIRST_ROW], alpha: "0.05", sides: "two.sided", mode: "n", power: "0.8", n: "100", dropout: "0", accrual: "26", followUp: "52" };

const fmt = (x: number | undefined, scale = 1): string => (x === undefined ? "" : String(Math.round(x * scale * 1e6) / 1e6).replace(".", ","));

function fail(message: string): never {
  throw new VirkningError("PLAN_INPUT", message, message);
}

function percent(text: string, field: string, row: number, s: DesignStrings): number {
  const x = parseDanishNumber(text);
  if (x === null || !Number.isFinite(x) || x <= 0 || x >= 100) fail(s.badPercent(field, row));
  return x / 100;
}

function positive(text: string, field: string, row: number, s: DesignStrings, min0 = false): number {
  const x = parseDanishNumber(text);
  if (x === null || !Number.isFinite(x) || (min0 ? x < 0 : x <= 0)) fail(s.badPositive(field, row));
  return x;
}

function toRow(r: FormRow, i: number, f: Form, s: DesignStrings): StoredPlanInput["rows"][number] {
  const needB = f.mode !== "difference";
  const base = { outcome: r.outcome.trim(), timepoint: r.timepoint.trim() };
  if (f.kind === "mean") {
    const difference = needB ? parseDanishNumber(r.b) : null;
    if (needB && (difference === null || !Number.isFinite(difference) || difference === 0)) fail(s.badPositive(s.difference, i + 1));
    return { kind: "mean", ...base, sd: positive(r.a, s.sd, i + 1, s), ...(needB ? { difference: difference as number } : {}) };
  }
  if (f.kind === "time") {
    return { kind: "time", ...base, medianControl: positive(r.a, s.medianControl, i + 1, s), ...(needB ? { hr: positive(r.b, s.hr, i + 1, s) } : {}),
      accrual: positive(f.accrual, s.accrual, 0, s, true), followUp: positive(f.followUp, s.followUp, 0, s, true) };
  }
  return { kind: "proportion", ...base, pControl: percent(r.a, s.pControl, i + 1, s), ...(needB ? { pIntervention: percent(r.b, s.pIntervention, i + 1, s) } : {}) };
}

function toInput(f: Form, s: DesignStrings): StoredPlanInput {
  if (f.mode !== "n" && !/^\s*\d+\s*$/.test(f.n)) fail(s.badNumber(s.nPerGroup));
  const dropout = parseDanishNumber(f.dropout);
  if (dropout === null || !(dropout >= 0 && dropout < 100)) fail(s.badPercent(s.dropout, 0).replace(/^(Række|Row) 0: /, ""));
  const n = Number(f.n);
  const power = Number(f.power);
  const mode = f.mode === "n" ? { kind: "n" as const, power } : f.mode === "power" ? { kind: "power" as const, nPerGroup: n } : { kind: "difference" as const, nPerGroup: n, power };
  return { rows: f.rows.map((r, i) => toRow(r, i, f, s)), alpha: Number(f.alpha), sides: f.sides, mode, dropout: dropout / 100 };
}

/** The form for a stored plan (the pane shows the last plan written in this workbook). */
function fromInput(input: StoredPlanInput): Form {
  const first = input.rows[0];
  const rows = input.rows.map((r): FormRow => {
    if (r.kind === "mean") return { outcome: r.outcome, timepoint: r.timepoint, a: fmt(r.sd), b: fmt(r.difference) };
    if (r.kind === "time") return { outcome: r.outcome, timepoint: r.timepoint, a: fmt(r.medianControl), b: fmt(r.hr) };
    return { outcome: r.outcome, timepoint: r.timepoint, a: fmt(r.pControl, 100), b: fmt(r.pIntervention, 100) };
  });
  const m = input.mode;
  return {
    kind: first.kind, rows, alpha: String(input.alpha), sides: input.sides, mode: m.kind,
    power: "power" in m ? String(m.power) : DEFAULT_FORM.power, n: "nPerGroup" in m ? String(m.nPerGroup) : DEFAULT_FORM.n,
    dropout: fmt(input.dropout, 100), accrual: first.kind === "time" ? fmt(first.accrual) : DEFAULT_FORM.accrual, followUp: first.kind === "time" ? fmt(first.followUp) : DEFAULT_FORM.followUp,
  };
}

function columnLabels(kind: Kind, s: DesignStrings): [string, string] {
  if (kind === "mean") return [s.sd, s.difference];
  if (kind === "time") return [s.medianControl, s.hr];
  return [s.pControl, s.pIntervention];
}

export function PlanningSection(): React.JSX.Element {
  const s = useStrings(designStrings);
  const lang = useLang();
  const styles = useStyles();
  const [form, setForm] = React.useState<Form>(DEFAULT_FORM);
  const [plan, setPlan] = React.useState<Plan | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [written, setWritten] = React.useState(false);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    loadPlanInput(getExcelRun()).then((stored) => {
      if (live && stored) setForm(fromInput(stored));
    }, () => undefined);
    return () => {
      live = false;
    };
  }, []);

  const set = (p: Partial<Form>): void => setForm((f) => ({ ...f, ...p }));
  const setRow = (i: number, p: Partial<FormRow>): void => setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? { ...r, ...p } : r)) }));
  const [labelA, labelB] = columnLabels(form.kind, s);
  const showB = form.mode !== "difference";

  const write = async (): Promise<void> => {
    setError(null);
    setWritten(false);
    setBusy(true);
    try {
      setPlan(await writePlan(getExcelRun(), toInput(form, s), lang));
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
      <Field label={s.kind}>
        <Select value={form.kind} onChange={(_, d) => set({ kind: d.value as Kind, rows: form.rows.map((r) => ({ ...r, a: "", b: "" })) })}>
          <option value="proportion">{s.kindProportion}</option>
          <option value="mean">{s.kindMean}</option>
          <option value="time">{s.kindTime}</option>
        </Select>
      </Field>
      <Text className={styles.muted}>{form.kind === "mean" ? s.planHelpMean : form.kind === "time" ? s.planHelpTime : s.planHelp}</Text>
      <div className={styles.rows}>
        <span className={mergeClasses(styles.head, styles.wide)}>{s.outcome}</span>
        <span className={styles.head}>{s.timepoint}</span>
        <span className={styles.head}>{labelA}</span>
        <span className={styles.head}>{showB ? labelB : ""}</span>
        <span />
        {form.rows.map((r, i) => (
          <React.Fragment key={i}>
            <Input className={styles.wide} size="small" aria-label={`${s.outcome} ${i + 1}`} value={r.outcome} onChange={(_, d) => setRow(i, { outcome: d.value })} />
            <Input size="small" aria-label={`${s.timepoint} ${i + 1}`} value={r.timepoint} onChange={(_, d) => setRow(i, { timepoint: d.value })} />
            <Input size="small" aria-label={`${labelA} ${i + 1}`} value={r.a} onChange={(_, d) => setRow(i, { a: d.value })} />
            {showB ? <Input size="small" aria-label={`${labelB} ${i + 1}`} value={r.b} onChange={(_, d) => setRow(i, { b: d.value })} /> : <span />}
            <Button size="small" appearance="subtle" icon={<Delete20Regular />} aria-label={s.removeRow(i + 1)} disabled={form.rows.length === 1} onClick={() => set({ rows: form.rows.filter((_, j) => j !== i) })} />
          </React.Fragment>
        ))}
      </div>
      <div className={styles.row}>
        <Button size="small" icon={<Add20Regular />} onClick={() => set({ rows: [...form.rows, { outcome: "", timepoint: "", a: "", b: "" }] })}>{s.addRow}</Button>
      </div>
      {form.kind === "time" && (
        <div className={styles.row}>
          <Field label={s.accrual}>
            <Input value={form.accrual} onChange={(_, d) => set({ accrual: d.value })} />
          </Field>
          <Field label={s.followUp}>
            <Input value={form.followUp} onChange={(_, d) => set({ followUp: d.value })} />
          </Field>
        </div>
      )}
      <div className={styles.row}>
        <Field label={s.alpha}>
          <Select value={form.alpha} onChange={(_, d) => set({ alpha: d.value })}>
            <option value="0.05">5 %</option>
            <option value="0.1">10 %</option>
            <option value="0.01">1 %</option>
          </Select>
        </Field>
        <Field label={s.sides}>
          <Select value={form.sides} onChange={(_, d) => set({ sides: d.value === "one.sided" ? "one.sided" : "two.sided" })}>
            <option value="two.sided">{s.twoSided}</option>
            <option value="one.sided">{s.oneSided}</option>
          </Select>
        </Field>
        <Field label={s.dropout}>
          <Input value={form.dropout} onChange={(_, d) => set({ dropout: d.value })} />
        </Field>
      </div>
      <Field label={s.planMode}>
        <RadioGroup value={form.mode} onChange={(_, d) => set({ mode: d.value as Mode })}>
          <Radio value="n" label={s.modeN} />
          <Radio value="power" label={s.modePower} />
          <Radio value="difference" label={s.modeDifference} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        {form.mode !== "power" && (
          <Field label={s.power}>
            <Select value={form.power} onChange={(_, d) => set({ power: d.value })}>
              <option value="0.8">80 %</option>
              <option value="0.9">90 %</option>
            </Select>
          </Field>
        )}
        {form.mode !== "n" && (
          <Field label={s.nPerGroup}>
            <Input value={form.n} onChange={(_, d) => set({ n: d.value })} />
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
