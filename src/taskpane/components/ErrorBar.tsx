import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { VirkningError, VirkningValidationError } from "../../core/errors";
import { useLang, useStrings } from "../i18n";
import { useFocusWhenShown } from "./LiveRegion";

const strings = {
  da: { error: "Fejl", unexpected: "Der opstod en uventet fejl:", more: (n: number) => `… og ${n} flere.` },
  en: { error: "Error", unexpected: "An unexpected error occurred:", more: (n: number) => `… and ${n} more.` },
};

/**
 * Shows an error to the user in their language. VirkningErrors carry a user message (and, for
 * validation errors, the list of problems with sheet and cell); anything else is shown as an
 * unexpected error with its message.
 *
 * When an error appears (or changes) it takes the focus, so the user lands on it after the action
 * that failed; it is spoken through the pane's one live region (MessageBar announces through
 * Fluent's AnnounceProvider, which LiveRegionProvider supplies), not from a region of its own.
 */
export function ErrorBar(props: { error: unknown; max?: number }): React.JSX.Element | null {
  const lang = useLang();
  const s = useStrings(strings);
  const { error } = props;
  const ref = useFocusWhenShown<HTMLDivElement>(error ?? null);
  if (error === null || error === undefined) return null;
  const max = props.max ?? 12;
  let lines: string[];
  if (error instanceof VirkningValidationError) {
    lines = error.problems.map((p) => (lang === "da" ? p.message : p.messageEn));
  } else if (error instanceof VirkningError) {
    lines = [lang === "da" ? error.message : error.messageEn];
  } else {
    lines = [`${s.unexpected} ${error instanceof Error ? error.message : String(error)}`];
  }
  const shown = lines.slice(0, max);
  return (
    <MessageBar key={lines.join("\n")} intent="error" layout="multiline" ref={ref} tabIndex={-1} data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{s.error}</MessageBarTitle>{" "}
        {shown.length === 1 ? (
          shown[0]
        ) : (
          <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
            {shown.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        )}
        {lines.length > max ? s.more(lines.length - max) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
