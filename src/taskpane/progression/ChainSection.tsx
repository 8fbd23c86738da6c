/** "Virkningskæden i data" from the Progression pane: one button; the sheets are made by src/excel/chainStore.ts. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CHAIN_DIAGRAM_SHEET_NAME, CHAIN_SHEET_NAME } from "../../core/chain";
import type { VirkningError } from "../../core/errors";
import { runAndWriteChain } from "../../excel/chainStore";
import { toUserError } from "../../excel/errors";
import { getExcelRun, supports } from "../../excel/host";
import { ErrorBar } from "../components/ErrorBar";
import { useLang, useStrings } from "../i18n";
import { progressionStrings } from "./strings";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", gap: "8px" },
  stepTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

interface Done {
  supported: number;
  total: number;
  sheets: string[];
}

export function ChainSection(): React.JSX.Element {
  const s = useStrings(progressionStrings);
  const lang = useLang();
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<VirkningError | null>(null);
  const [done, setDone] = React.useState<Done | null>(null);
  const make = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      // Without shape support (ExcelApi 1.9) only the table sheet is made.
      const shapes = supports("Worksheet.shapes");
      const { result } = await runAndWriteChain(getExcelRun(), { lang, shapes });
      const links = result.outcomeLinks;
      setDone({ supported: links.filter((l) => l.status === "stoettet").length, total: links.length, sheets: shapes ? [CHAIN_SHEET_NAME, CHAIN_DIAGRAM_SHEET_NAME] : [CHAIN_SHEET_NAME] });
    } catch (e) {
      setError(toUserError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.step} aria-labelledby="prog-step-chain" data-testid="chain-section">
      <Text id="prog-step-chain" className={styles.stepTitle} as="h2">
        {s.chainStep}
      </Text>
      <Text size={200} className={styles.muted}>
        {s.chainHelp}
      </Text>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void make()}>
          {s.chainMake}
        </Button>
        {busy ? <Spinner size="tiny" /> : null}
      </div>
      <ErrorBar error={error} />
      {done ? (
        <MessageBar intent="success" layout="multiline" data-testid="chain-result">
          <MessageBarBody>{s.chainWritten(done.supported, done.total, done.sheets)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
