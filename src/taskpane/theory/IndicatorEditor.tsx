/** The indicator of a goal: name, data source, measurement times, and when the goal counts as reached. */
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { STANDARD_STATUSES, defaultIndicator, type Indicator, type IndicatorReached, type MeasurementTimes } from "../../core/theory";
import { useLang, useStrings } from "../i18n";
import { THEORY_STRINGS } from "./strings";
import { NumberInput } from "./NumberInput";
import { StringListEditor } from "./StringListEditor";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    borderLeft: `3px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { fontWeight: tokens.fontWeightSemibold, display: "flex", justifyContent: "space-between", alignItems: "center" },
  months: { display: "flex", flexWrap: "wrap", columnGap: "4px" },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "6px" },
  statuses: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: "4px" },
  groupLabel: { gridColumn: "1 / -1", fontSize: tokens.fontSizeBase200 },
});

const STANDARD_MONTHS = [0, 6, 12, 18];

/**
 * The valid statuses of the workbook's case data, as the comparison's stored settings spell them
 * (empty when there is no comparison): the pane offers these instead of the standard list.
 */
export const DataStatusesContext = React.createContext<readonly string[]>([]);

/** The forsørgelsesstatus values as checkboxes (the case data's, else a standard list); other spellings in a list below. */
function StatusPicker(props: { itemId: string; statuses: readonly string[]; onChange(statuses: string[]): void }): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const styles = useStyles();
  const { statuses } = props;
  const fromData = React.useContext(DataStatusesContext);
  const offered = fromData.length > 0 ? fromData : STANDARD_STATUSES;
  const others = statuses.filter((x) => !offered.includes(x));
  const groupId = React.useId();
  return (
    <>
      <div role="group" aria-labelledby={groupId} className={styles.statuses}>
        <span id={groupId} className={styles.groupLabel}>
          {fromData.length > 0 ? s.indDataStatuses : s.indStandardStatuses}
        </span>
        {offered.map((st) => (
          <Checkbox
            key={st}
            label={st}
            checked={statuses.includes(st)}
            onChange={(_, d) => props.onChange(d.checked ? [...statuses, st] : statuses.filter((x) => x !== st))}
          />
        ))}
      </div>
      <StringListEditor
        label={s.indOtherStatuses}
        values={others}
        onChange={(next) => props.onChange([...statuses.filter((x) => offered.includes(x)), ...next])}
      />
    </>
  );
}

export function IndicatorEditor(props: {
  itemId: string;
  forKind: "slutmaal" | "delmaal";
  value: Indicator | undefined;
  /** `key` names the text field that changed, so keystrokes make one undo step. */
  onChange(value: Indicator | undefined, key?: string): void;
  /** DOM id of the name field (focused after "Tilføj indikator"). */
  nameInputId?: string;
}): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const lang = useLang();
  const styles = useStyles();
  const ind = props.value;
  if (!ind) {
    return (
      <Button
        size="small"
        appearance="subtle"
        icon={<AddRegular />}
        onClick={() => props.onChange(defaultIndicator(props.forKind, lang))}
      >
        {s.addIndicator}
      </Button>
    );
  }
  const set = (patch: Partial<Indicator>, key?: string): void => props.onChange({ ...ind, ...patch }, key);
  const setTimes = (times: MeasurementTimes): void => set({ times });
  const setReached = (reached: IndicatorReached): void => set({ reached });
  const months = ind.times.kind === "months" ? ind.times.months : [];
  const monthOptions = [...new Set([...STANDARD_MONTHS, ...months])].sort((a, b) => a - b);
  return (
    <div className={styles.box} role="group" aria-label={`${s.indicator} ${props.itemId}`}>
      <div className={styles.title}>
        <span>{s.indicator}</span>
        <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={() => props.onChange(undefined)}>
          {s.removeIndicator}
        </Button>
      </div>
      <Field label={s.indName} size="small">
        <Input id={props.nameInputId} size="small" value={ind.name} onChange={(_, d) => set({ name: d.value }, "name")} />
      </Field>
      <Field label={s.indDataSource} size="small">
        <Input size="small" value={ind.dataSource} onChange={(_, d) => set({ dataSource: d.value }, "dataSource")} />
      </Field>
      <Field label={s.indTimes} size="small">
        <RadioGroup
          layout="horizontal"
          value={ind.times.kind}
          onChange={(_, d) =>
            setTimes(d.value === "months" ? { kind: "months", months: [6, 12, 18] } : { kind: "weeks", everyWeeks: 6, count: 8 })
          }
        >
          <Radio value="months" label={s.indTimesMonths} />
          <Radio value="weeks" label={s.indTimesWeeks} />
        </RadioGroup>
      </Field>
      {ind.times.kind === "months" ? (
        <div className={styles.months} role="group" aria-label={s.indTimesMonths}>
          {monthOptions.map((m) => (
            <Checkbox
              key={m}
              label={s.indMonth(m)}
              checked={months.includes(m)}
              onChange={(_, d) =>
                setTimes({ kind: "months", months: d.checked ? [...months, m].sort((a, b) => a - b) : months.filter((x) => x !== m) })
              }
            />
          ))}
        </div>
      ) : (
        <div className={styles.pair}>
          <NumberInput
            size="small"
            label={s.indEveryWeeks}
            value={ind.times.everyWeeks}
            invalidMessage={s.wholeNumberInvalid}
            onChange={(v) => ind.times.kind === "weeks" && setTimes({ ...ind.times, everyWeeks: v ?? 0 })}
          />
          <NumberInput
            size="small"
            label={s.indCount}
            value={ind.times.count}
            invalidMessage={s.wholeNumberInvalid}
            onChange={(v) => ind.times.kind === "weeks" && setTimes({ ...ind.times, count: v ?? 0 })}
          />
        </div>
      )}
      <Field label={s.indReached} size="small">
        <RadioGroup
          value={ind.reached.kind}
          onChange={(_, d) =>
            setReached(d.value === "statuses" ? { kind: "statuses", statuses: [] } : { kind: "scale", min: 1, max: 5, labels: [], reachedAt: 4 })
          }
        >
          <Radio value="statuses" label={s.indReachedStatuses} />
          <Radio value="scale" label={s.indReachedScale} />
        </RadioGroup>
      </Field>
      {ind.reached.kind === "statuses" ? (
        <StatusPicker itemId={props.itemId} statuses={ind.reached.statuses} onChange={(statuses) => setReached({ kind: "statuses", statuses })} />
      ) : (
        <>
          <div className={styles.pair}>
            <NumberInput
              size="small"
              label={s.indScaleMin}
              value={ind.reached.min}
              invalidMessage={s.wholeNumberInvalid}
              onChange={(v) => ind.reached.kind === "scale" && setReached({ ...ind.reached, min: v ?? 0 })}
            />
            <NumberInput
              size="small"
              label={s.indScaleMax}
              value={ind.reached.max}
              invalidMessage={s.wholeNumberInvalid}
              onChange={(v) => ind.reached.kind === "scale" && setReached({ ...ind.reached, max: v ?? 0 })}
            />
          </div>
          <NumberInput
            size="small"
            label={s.indScaleReachedAt}
            value={ind.reached.reachedAt}
            invalidMessage={s.wholeNumberInvalid}
            onChange={(v) => ind.reached.kind === "scale" && setReached({ ...ind.reached, reachedAt: v ?? 0 })}
          />
          <StringListEditor
            label={s.indScaleLabels}
            values={ind.reached.labels}
            onChange={(labels) => ind.reached.kind === "scale" && setReached({ ...ind.reached, labels })}
          />
        </>
      )}
    </div>
  );
}
