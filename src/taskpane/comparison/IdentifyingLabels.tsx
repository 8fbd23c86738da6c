/**
 * Labels that identify (issue 19): values that occur for one citizen only or look like free text are listed
 * here, with the label itself (the user's own data on their own screen), until the user confirms each as
 * a real category or has it counted as "Andet" (stored only as a hash, see core/data/identifyingLabels.ts).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { OTHER_LABEL, labelHash, normaliseKey, type IdentifyingLabel } from "../../core/data";
import type { ComparisonSettings } from "../../core/analysis";
import { useStrings } from "../i18n";
import { comparisonStrings } from "./strings";

/** The settings with `label` confirmed as a real category. */
export function confirmLabel(s: ComparisonSettings, label: string): ComparisonSettings {
  return { ...s, confirmedLabels: [...new Set([...(s.confirmedLabels ?? []), label])] };
}

/** The settings with `label` counted as "Andet": its hash stored, the label itself removed from classes and outcomes. */
export function labelAsOther(s: ComparisonSettings, f: Pick<IdentifyingLabel, "kind" | "label">): ComparisonSettings {
  const key = normaliseKey(f.label);
  const statusClasses = Object.fromEntries(Object.entries(s.statusClasses).filter(([k]) => normaliseKey(k) !== key));
  if (f.kind === "status" && !Object.keys(statusClasses).some((k) => normaliseKey(k) === normaliseKey(OTHER_LABEL))) statusClasses[OTHER_LABEL] = "valid";
  const outcomes = s.outcomes.map((o) => ({ ...o, statuses: o.statuses.filter((x) => normaliseKey(x) !== key) }));
  return { ...s, statusClasses, outcomes, otherLabels: [...new Set([...(s.otherLabels ?? []), labelHash(f.label)])] };
}

export function IdentifyingLabels(props: { flags: IdentifyingLabel[]; disabled: boolean; update: (fn: (s: ComparisonSettings) => ComparisonSettings) => void }): React.JSX.Element | null {
  const s = useStrings(comparisonStrings).identifying;
  if (props.flags.length === 0) return null;
  const blocking = props.flags.some((f) => f.reason === "freeText");
  return (
    <MessageBar intent={blocking ? "warning" : "info"} layout="multiline" data-testid="identifying-labels">
      <MessageBarBody>
        <MessageBarTitle>{s.title}</MessageBarTitle>
        <Text block>{s.intro}</Text>
        <ul>
          {props.flags.map((f) => (
            <li key={`${f.kind}:${f.key}`} data-testid={`identifying-${f.key}`}>
              <Text weight="semibold">{`\u201c${f.label}\u201d`}</Text> <Text>{s.reason(f.kind, f.reason, f.firstCell)}</Text>{" "}
              <Button size="small" disabled={props.disabled} onClick={() => props.update((x) => confirmLabel(x, f.label))}>
                {s.confirm}
              </Button>{" "}
              {f.kind !== "group" ? (
                <Button size="small" disabled={props.disabled} onClick={() => props.update((x) => labelAsOther(x, f))}>
                  {s.other}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
        {blocking ? <Text block>{s.blocking}</Text> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
