/** An editable list of short texts (kendetegn, criteria, statuses, scale labels): one input per line. */
import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DismissRegular } from "@fluentui/react-icons";
import { useStrings } from "../i18n";
import { THEORY_STRINGS } from "./strings";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "4px", margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "flex", gap: "4px", alignItems: "center" },
  input: { flexGrow: 1, minWidth: 0 },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function StringListEditor(props: {
  label: string;
  values: readonly string[];
  onChange(values: string[]): void;
  hint?: string;
  /** DOM id of the group, so a validation message can move focus to it. */
  id?: string;
}): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const styles = useStyles();
  const { values, onChange } = props;
  const groupId = React.useId();
  return (
    <Field label={{ children: props.label, id: groupId }} hint={props.hint}>
      <div role="group" aria-labelledby={groupId} id={props.id} tabIndex={props.id ? -1 : undefined}>
        <ul className={styles.list}>
          {values.map((v, i) => (
            <li key={i} className={styles.row}>
              <Input
                className={styles.input}
                size="small"
                value={v}
                aria-label={s.lineLabel(props.label, i + 1)}
                onChange={(_, d) => onChange(values.map((x, j) => (j === i ? d.value : x)))}
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<DismissRegular />}
                aria-label={s.removeLine(v)}
                title={s.remove}
                onClick={() => onChange(values.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
        <Button size="small" appearance="subtle" icon={<AddRegular />} onClick={() => onChange([...values, ""])}>
          {s.addLine}
        </Button>
      </div>
    </Field>
  );
}
