/** An editable list of short texts (kendetegn, criteria, statuses, scale labels): one input per line. */
import * as React from "react";
import { Button, Input, Text as FluentText, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DismissRegular } from "@fluentui/react-icons";
import { useStrings } from "../i18n";
import { THEORY_STRINGS } from "./strings";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "4px", margin: 0, padding: 0, listStyleType: "none" },
  row: { display: "flex", gap: "4px", alignItems: "center" },
  input: { flexGrow: 1, minWidth: 0 },
  group: { display: "flex", flexDirection: "column", gap: "2px" },
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
  // After "Tilføj linje" the new line takes the focus; after removing a line, its neighbour (or "Tilføj linje").
  const listRef = React.useRef<HTMLUListElement>(null);
  const addRef = React.useRef<HTMLButtonElement>(null);
  const [focusLine, setFocusLine] = React.useState<number | null>(null);
  React.useEffect(() => {
    if (focusLine === null) return;
    const inputs = listRef.current?.querySelectorAll("input") ?? [];
    const target = inputs[Math.min(focusLine, inputs.length - 1)] ?? addRef.current;
    target?.focus();
    setFocusLine(null);
  }, [focusLine, values.length]);
  return (
    // A labelled group, not a Field: a Field's <label for> would point at no single input.
    <div role="group" aria-labelledby={groupId} id={props.id} tabIndex={props.id ? -1 : undefined} className={styles.group}>
      <FluentText id={groupId} size={300} weight="regular">
        {props.label}
      </FluentText>
      {props.hint ? <span className={styles.empty}>{props.hint}</span> : null}
      <div>
        <ul className={styles.list} ref={listRef}>
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
                onClick={() => {
                  onChange(values.filter((_, j) => j !== i));
                  setFocusLine(values.length > 1 ? i : Number.MAX_SAFE_INTEGER);
                }}
              />
            </li>
          ))}
        </ul>
        <Button
          ref={addRef}
          size="small"
          appearance="subtle"
          icon={<AddRegular />}
          onClick={() => {
            onChange([...values, ""]);
            setFocusLine(values.length);
          }}
        >
          {s.addLine}
        </Button>
      </div>
    </div>
  );
}
