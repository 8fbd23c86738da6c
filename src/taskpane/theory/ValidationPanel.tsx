/** The live list of validation errors and warnings; each entry names its item and, when the theory came from the sheet, its cell. */
import * as React from "react";
import { Link as FluentLink, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, WarningRegular } from "@fluentui/react-icons";
import type { StepId, StepStatus, ValidationIssue } from "../../core/theory";
import { useLang, useStrings } from "../i18n";
import { THEORY_STRINGS } from "./strings";

const useStyles = makeStyles({
  list: { margin: "4px 0 0 0", padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: "4px" },
  row: { display: "flex", gap: "6px", alignItems: "flex-start", fontSize: tokens.fontSizeBase200 },
  iconError: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  iconWarning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: "2px" },
  link: { textAlign: "left", fontSize: tokens.fontSizeBase200 },
});

export function ValidationPanel(props: {
  issues: readonly ValidationIssue[];
  /** Status of KL's five steps; "no issues" is shown only when every step is done. */
  statuses?: Readonly<Record<StepId, StepStatus>> | null;
  onJump?(issue: ValidationIssue): void;
  /** Whether an issue can be jumped to (an item or a field in the pane). */
  canJump?(issue: ValidationIssue): boolean;
}): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const lang = useLang();
  const styles = useStyles();
  const errors = props.issues.filter((i) => i.severity === "error");
  const warnings = props.issues.filter((i) => i.severity === "warning");
  const sorted = [...errors, ...warnings];
  const stepValues = props.statuses ? Object.values(props.statuses) : [];
  const done = stepValues.filter((v) => v === "done").length;
  const complete = sorted.length === 0 && done === stepValues.length;
  return (
    <section aria-label={s.validationTitle} data-testid="theory-validation">
      {/* Polite: the list changes with every keystroke and must not interrupt a screen reader. */}
      <MessageBar politeness="polite" intent={errors.length > 0 ? "error" : warnings.length > 0 || !complete ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.validationTitle}</MessageBarTitle>
          <span data-testid="theory-validation-count">
            {complete ? s.validationOk : sorted.length > 0 ? s.validationCount(errors.length, warnings.length) : ""}
            {props.statuses && !complete ? ` ${s.stepsDone(done, stepValues.length)}` : ""}
          </span>
          {sorted.length > 0 ? (
            <ul className={styles.list}>
              {sorted.map((issue, n) => {
                const text = issue.message[lang];
                const jump = props.onJump && (props.canJump?.(issue) ?? true);
                return (
                  <li key={`${issue.code}-${n}`} className={styles.row} data-code={issue.code} data-severity={issue.severity}>
                    {issue.severity === "error" ? (
                      <ErrorCircleRegular className={styles.iconError} aria-label={s.error} />
                    ) : (
                      <WarningRegular className={styles.iconWarning} aria-label={s.warning} />
                    )}
                    {jump ? (
                      <FluentLink as="button" className={styles.link} onClick={() => props.onJump?.(issue)} title={s.jumpTo}>
                        {text}
                      </FluentLink>
                    ) : (
                      <span>{text}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
