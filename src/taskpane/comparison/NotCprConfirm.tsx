/**
 * "Ikke CPR-numre": for each column the CPR check flagged, the user may confirm, explicitly and in a second
 * step, that it holds no CPR numbers (case numbers that look like birth dates). The confirmation is kept
 * in the settings and printed in the results' header block.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { CprFoundError } from "../../core/data";
import { useStrings } from "../i18n";
import { comparisonStrings } from "./strings";

export function NotCprConfirm(props: { error: unknown; onConfirm: (name: string) => void }): React.JSX.Element | null {
  const s = useStrings(comparisonStrings).notCpr;
  const [asking, setAsking] = React.useState<string | null>(null);
  if (!(props.error instanceof CprFoundError)) return null;
  return (
    <div data-testid="not-cpr">
      {asking === null ? (
        props.error.columns.map((c) => (
          <Button key={c.column} appearance="subtle" size="small" onClick={() => setAsking(c.name)}>
            {s.offer(c.name)}
          </Button>
        ))
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.confirmText(asking)}</MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              onClick={() => {
                props.onConfirm(asking);
                setAsking(null);
              }}
            >
              {s.confirm}
            </Button>
            <Button onClick={() => setAsking(null)}>{s.cancel}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
