/**
 * "Vis data gemt i projektmappen": everything the add-in keeps in the workbook's settings, with its size and
 * content, and a way to delete it (issue 9: no personal data hidden where nobody looks). Every value is
 * shown in full, however long (issue 19: a name stored at character 2,434 of a label was cut off here); the
 * box scrolls, and can be scrolled with the keyboard.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { deleteStoredState, listStoredState, type StoredItem } from "../../excel/storedState";
import type { ExcelRun } from "../../excel/host";
import { toUserError } from "../../excel/errors";
import { ErrorBar } from "../components/ErrorBar";
import { useStrings } from "../i18n";
import { comparisonStrings } from "./strings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "6px" },
  pre: { whiteSpace: "pre-wrap", wordBreak: "break-all", maxHeight: "160px", overflow: "auto", fontSize: tokens.fontSizeBase100, margin: "4px 0" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function StoredDataView(props: { run: ExcelRun; onDeleted: (keys: string[]) => void }): React.JSX.Element {
  const s = useStrings(comparisonStrings).stored;
  const styles = useStyles();
  const [items, setItems] = React.useState<StoredItem[] | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const load = async (): Promise<void> => {
    try {
      setItems(await listStoredState(props.run));
      setError(null);
    } catch (e) {
      setError(toUserError(e));
    }
  };
  const remove = async (keys: string[]): Promise<void> => {
    try {
      await deleteStoredState(props.run, keys);
      props.onDeleted(keys);
      await load();
    } catch (e) {
      setError(toUserError(e));
    }
  };
  if (items === null) {
    return (
      <div>
        <ErrorBar error={error} />
        <Button appearance="subtle" onClick={() => void load()}>
          {s.show}
        </Button>
      </div>
    );
  }
  const removable = items.filter((i) => !i.register).map((i) => i.key);
  return (
    <section data-testid="stored-data" aria-label={s.title}>
      <ErrorBar error={error} />
      <Text weight="semibold">{s.title}</Text>
      {items.length === 0 ? <Text block>{s.none}</Text> : null}
      <ul className={styles.list}>
        {items.map((i) => (
          <li key={i.key} data-testid={`stored-${i.key}`}>
            <Text>
              {s.describe(i.key)} ({i.key}, {s.size(i.chars)})
            </Text>{" "}
            <Button size="small" onClick={() => void remove([i.key])}>
              {s.remove}
            </Button>
            {i.register ? (
              <Text block size={200} className={styles.muted}>
                {s.registerNote}
              </Text>
            ) : null}
            <pre className={styles.pre} tabIndex={0} aria-label={i.key} data-testid={`stored-text-${i.key}`}>
              {i.text}
            </pre>
          </li>
        ))}
      </ul>
      {removable.length > 0 ? <Button onClick={() => void remove(removable)}>{s.removeAll}</Button> : null}
    </section>
  );
}
