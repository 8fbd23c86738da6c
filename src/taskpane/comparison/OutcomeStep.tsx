/** Step 2: classify the statuses, define the outcomes, choose the test. */
import * as React from "react";
import { Badge, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Add20Regular, Delete20Regular, Lightbulb20Regular, BranchFork20Regular } from "@fluentui/react-icons";
import type { ComparisonSettings, DataInspection, OutcomeDefinition, StatusClass } from "../../core/analysis";
import { suggestedOutcomes } from "../../core/analysis";
import type { LabelCount } from "../../core/data";
import { redactCpr } from "../../core/data/cpr";
import { useStrings } from "../i18n";
import { comparisonStrings } from "./strings";
import { ReportOptions, StrataOptions, Table1Options } from "./Table1Options";
import { AdjustmentOptions, NumericOutcomeOptions } from "./AdjustmentOptions";
import { classOf, hasStatus, newOutcome, outcomeStatusChoices, setClass, toggleStatus, unclassified } from "./model";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  statusGrid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 3.5em 10.5em", gap: "4px 6px", alignItems: "center" },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  outcome: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  outcomeHead: { display: "flex", gap: "4px", alignItems: "flex-end" },
  grow: { flexGrow: 1 },
  buttons: { display: "flex", gap: "6px", flexWrap: "wrap" },
  checks: { display: "flex", flexDirection: "column" },
  notInData: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
});

export interface OutcomeStepProps {
  settings: ComparisonSettings;
  info: DataInspection;
  theoryOutcomes: OutcomeDefinition[] | null;
  onUpdate: (fn: (s: ComparisonSettings) => ComparisonSettings) => void;
  /** The settings the analysis runs on when they differ from `settings` (groups from "Randomisering", joined). */
  analysed?: ComparisonSettings;
}

const CLASSES: StatusClass[] = ["valid", "notFollowedUp", "movedAway", "excluded"];

export function OutcomeStep(props: OutcomeStepProps): React.JSX.Element {
  const s = useStrings(comparisonStrings);
  const styles = useStyles();
  const { settings, info, onUpdate } = props;
  const statuses: LabelCount[] = info.statuses.filter((x) => x.count > 0);
  const missing = unclassified(settings.statusClasses, statuses);
  const className: Record<StatusClass, string> = { valid: s.classValid, notFollowedUp: s.classNotFollowedUp, movedAway: s.classMovedAway, excluded: s.classExcluded };
  const choices = outcomeStatusChoices(statuses, settings.outcomes);
  const empties = settings.outcomes.filter((o) => o.statuses.length === 0);

  const updateOutcome = (id: string, fn: (o: OutcomeDefinition) => OutcomeDefinition): void =>
    onUpdate((x) => ({ ...x, outcomes: x.outcomes.map((o) => (o.id === id ? fn(o) : o)) }));

  const policies: { value: ComparisonSettings["testPolicy"]; label: string; help: string }[] = [
    { value: "auto", label: s.policyAuto, help: s.policyAutoHelp },
    { value: "pearson", label: s.policyPearson, help: s.policyPearsonHelp },
    { value: "fisher", label: s.policyFisher, help: s.policyFisherHelp },
    { value: "yates", label: s.policyYates, help: s.policyYatesHelp },
  ];

  return (
    <div className={styles.section}>
      <Text weight="semibold">{s.statuses}</Text>
      <Text size={200} className={styles.muted}>
        {s.statusesHelp}
      </Text>
      <div className={styles.statusGrid} data-testid="statuses">
        {statuses.map((st) => {
          const cls = classOf(settings.statusClasses, st.label);
          return (
            <React.Fragment key={st.key}>
              <span className={cls === null ? styles.bad : styles.name} title={st.label}>
                {st.label}
              </span>
              <Badge appearance="tint" color={cls === null ? "danger" : "informative"} aria-label={s.count(st.count)}>
                {st.count}
              </Badge>
              <Select
                size="small"
                aria-label={`${s.statuses}: ${st.label}`}
                value={cls ?? ""}
                onChange={(_, d) => {
                  if (d.value) onUpdate((x) => ({ ...x, statusClasses: setClass(x.statusClasses, st.label, d.value as StatusClass) }));
                }}
              >
                {cls === null ? <option value="">{s.classNone}</option> : null}
                {CLASSES.map((c) => (
                  <option key={c} value={c}>
                    {className[c]}
                  </option>
                ))}
              </Select>
            </React.Fragment>
          );
        })}
      </div>
      {missing.length > 0 ? (
        <MessageBar intent="error" data-testid="unclassified">
          <MessageBarBody>{s.unclassifiedWarning(missing.map((m) => `\u201c${redactCpr(m.label)}\u201d (${m.count})`).join(", "))}</MessageBarBody>
        </MessageBar>
      ) : null}

      <Text weight="semibold">{s.outcomes}</Text>
      <Text size={200} className={styles.muted}>
        {s.outcomesHelp}
      </Text>
      <div className={styles.buttons}>
        <Button size="small" icon={<Lightbulb20Regular />} onClick={() => onUpdate((x) => ({ ...x, outcomes: suggestedOutcomes(statuses.map((st) => st.label)) }))}>
          {s.useSuggestions}
        </Button>
        {props.theoryOutcomes ? (
          <Button size="small" icon={<BranchFork20Regular />} title={s.theoryFound(props.theoryOutcomes.length)} onClick={() => onUpdate((x) => ({ ...x, outcomes: props.theoryOutcomes ?? x.outcomes }))}>
            {s.useTheory}
          </Button>
        ) : null}
        <Button size="small" icon={<Add20Regular />} onClick={() => onUpdate((x) => ({ ...x, outcomes: [...x.outcomes, newOutcome(x.outcomes, s.newOutcomeName)] }))}>
          {s.addOutcome}
        </Button>
      </div>
      {settings.outcomes.map((o, idx) => (
        <div key={o.id} className={styles.outcome} data-testid={`outcome-${idx}`} role="group" aria-label={o.name}>
          <div className={styles.outcomeHead}>
            <Field label={s.outcomeName} className={styles.grow} size="small">
              <Input size="small" value={o.name} onChange={(_, d) => updateOutcome(o.id, (x) => ({ ...x, name: d.value }))} />
            </Field>
            <Button
              size="small"
              appearance="subtle"
              icon={<Delete20Regular />}
              aria-label={s.removeOutcome(o.name)}
              title={s.removeOutcome(o.name)}
              onClick={() => onUpdate((x) => ({ ...x, outcomes: x.outcomes.filter((y) => y.id !== o.id) }))}
            />
          </div>
          <Text size={200} data-testid={`outcome-${idx}-included`}>
            {o.statuses.length > 0 ? s.includedStatuses(o.statuses.join(", ")) : s.outcomeNoStatuses(o.name)}
          </Text>
          <Text size={200} className={styles.muted}>
            {s.outcomeStatuses}
          </Text>
          <div className={styles.checks}>
            {choices.map((c) => (
              <Checkbox
                key={c.label}
                checked={hasStatus(o, c.label)}
                onChange={(_, d) => updateOutcome(o.id, (x) => toggleStatus(x, c.label, d.checked === true))}
                label={c.inData ? c.label : <span className={styles.notInData}>{`${c.label} ${s.notInData}`}</span>}
              />
            ))}
          </div>
        </div>
      ))}
      {empties.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{empties.map((o) => s.outcomeNoStatuses(o.name)).join(" ")}</MessageBarBody>
        </MessageBar>
      ) : null}

      <Field label={s.testPolicy}>
        <RadioGroup value={settings.testPolicy} onChange={(_, d) => onUpdate((x) => ({ ...x, testPolicy: d.value as ComparisonSettings["testPolicy"] }))}>
          {policies.map((p) => (
            <Radio
              key={p.value}
              value={p.value}
              label={
                <span>
                  {p.label}
                  <br />
                  <Text size={200} className={styles.muted}>
                    {p.help}
                  </Text>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Switch checked={settings.baselinePValues} label={s.baselineP} onChange={(_, d) => onUpdate((x) => ({ ...x, baselinePValues: d.checked }))} />
      <Text size={200} className={styles.muted}>
        {s.consortNote}
      </Text>
      <Table1Options settings={settings} onUpdate={onUpdate} />
      {/* the design's strata replace the chosen ones (TrialSource says so) */}
      {settings.randomisation?.strata && props.analysed?.strata ? null : <StrataOptions settings={settings} onUpdate={onUpdate} />}
      <AdjustmentOptions settings={props.analysed ?? settings} onUpdate={onUpdate} />
      <NumericOutcomeOptions settings={settings} onUpdate={onUpdate} />
      <ReportOptions settings={settings} onUpdate={onUpdate} />
    </div>
  );
}
