/**
 * The progress line of a calculation (issue 23 item 6): what is being computed, how long it has run,
 * and "Annullér" while the statistics run in the computation worker; afterwards, while the sheet is
 * written, the plain spinner. After a cancel: a note that nothing was written.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { useStrings, useText } from "../i18n";
import { comparisonStrings } from "./strings";
import type { ComparisonState } from "./useComparison";

const useStyles = makeStyles({
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Seconds since `from`, updated every second while shown. */
function useSeconds(from: number | null): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (from === null) return undefined;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [from]);
  return from === null ? 0 : Math.max(0, Math.floor((now - from) / 1000));
}

export function ComputeProgress(props: { state: Pick<ComparisonState, "busy" | "progress" | "cancelled">; onCancel: () => void }): React.ReactElement | null {
  const { busy, progress, cancelled } = props.state;
  const s = useStrings(comparisonStrings);
  const text = useText();
  const styles = useStyles();
  const seconds = useSeconds(progress?.startedAt ?? null);
  if (busy === "running" && progress) {
    const r = progress.report;
    const percent = r?.fraction === undefined ? null : Math.min(100, Math.round(r.fraction * 100));
    return (
      <div className={styles.line} data-testid="compute-progress">
        <Spinner size="tiny" label={s.runningStep(r ? text(r.what) : null, seconds, percent)} />
        <Button size="small" icon={<Dismiss20Regular />} onClick={props.onCancel}>
          {s.cancelRun}
        </Button>
      </div>
    );
  }
  if (busy === "running") return <Spinner size="tiny" label={s.running} />;
  if (cancelled) {
    return (
      <MessageBar intent="info" data-testid="compute-cancelled">
        <MessageBarBody>{s.cancelled}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
