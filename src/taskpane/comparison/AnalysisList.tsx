/** Named analyses: the list, and open / new / duplicate / rename / delete (delete asks first). */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useLang, useStrings } from "../i18n";
import { comparisonStrings } from "./strings";
import { sheetNameOf } from "../../core/analysis/analyses";
import { sheetNameChangeText } from "../../core/report/sheetName";

const nameStrings = {
  da: { willBe: (sheet: string) => `Arket kommer til at hedde: ${sheet}`, because: (why: string) => ` (${why})` },
  en: { willBe: (sheet: string) => `The sheet will be called: ${sheet}`, because: (why: string) => ` (${why})` },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px" },
  row: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type AnalysisAction = { kind: "open"; name: string } | { kind: "new"; name: string } | { kind: "duplicate"; name: string } | { kind: "rename"; name: string } | { kind: "delete" };

export function AnalysisList(props: {
  analyses: string[];
  active: string | null;
  resultSheet: string;
  /** The workbook's sheets, so the name shown is the one a new analysis will really get. */
  sheets?: string[];
  busy: boolean;
  onAction: (a: AnalysisAction) => void;
}): React.JSX.Element {
  const s = useStrings(comparisonStrings);
  const n = useStrings(nameStrings);
  const lang = useLang();
  const styles = useStyles();
  const [name, setName] = React.useState("");
  const [confirm, setConfirm] = React.useState(false);
  const named = name.trim().length > 0;
  // a new or duplicated analysis gets its own sheet: its final, valid name is shown before anything is written
  const planned = named ? sheetNameOf(name.trim(), props.sheets ?? []) : null;
  const act = (a: AnalysisAction): void => {
    props.onAction(a);
    setName("");
  };
  return (
    <div className={styles.root} data-testid="analyses">
      <Text weight="semibold">{s.analyses}</Text>
      <Text size={200} className={styles.muted}>
        {s.analysesHelp}
      </Text>
      {props.analyses.length > 0 ? (
        <Select aria-label={s.analyses} value={props.active ?? ""} disabled={props.busy} onChange={(_, d) => act({ kind: "open", name: d.value })}>
          {props.analyses.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      ) : null}
      {props.active ? (
        <Text size={200} data-testid="analysis-sheet">
          {s.analysisSheet(props.resultSheet)}
        </Text>
      ) : null}
      <div className={styles.row}>
        <Field label={s.analysisName} size="small">
          <Input size="small" value={name} onChange={(_, d) => setName(d.value)} aria-describedby={planned ? "analysis-sheet-name" : undefined} />
        </Field>
        <Button size="small" disabled={props.busy || !named} onClick={() => act({ kind: "new", name })}>
          {s.analysisNew}
        </Button>
        <Button size="small" disabled={props.busy || !named || !props.active} onClick={() => act({ kind: "duplicate", name })}>
          {s.analysisDuplicate}
        </Button>
        <Button size="small" disabled={props.busy || !named || !props.active} onClick={() => act({ kind: "rename", name })}>
          {s.analysisRename}
        </Button>
        <Button size="small" disabled={props.busy || !props.active} onClick={() => setConfirm(true)}>
          {s.analysisDelete}
        </Button>
      </div>
      {planned ? (
        <Text size={200} id="analysis-sheet-name" data-testid="analysis-sheet-name">
          {n.willBe(planned.name)}
          {planned.changes.length > 0 ? n.because(sheetNameChangeText(planned.changes, lang)) : null}
        </Text>
      ) : null}
      {confirm && props.active ? (
        <MessageBar intent="warning" data-testid="analysis-delete-confirm">
          <MessageBarBody>{s.analysisDeleteConfirm(props.active, props.resultSheet)}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              onClick={() => {
                setConfirm(false);
                act({ kind: "delete" });
              }}
            >
              {s.analysisDelete}
            </Button>
            <Button size="small" onClick={() => setConfirm(false)}>
              {s.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
