/**
 * A whole-number input that keeps what the user types while it is not (yet) a number, and reports
 * `null` for an empty field. The value is range-checked by core validation, not here.
 */
import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { fieldMessage } from "../components/LiveRegion";

/** "120", " 1.200 " (Danish thousands dots) → 120; "" → null; anything else → undefined (not a number). */
export function parseWholeNumberText(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, "");
  if (t === "") return null;
  const plain = /^-?\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, "") : t.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

export function NumberInput(props: {
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  invalidMessage: string;
  hint?: string;
  id?: string;
  size?: "small" | "medium";
  /** Message from validation (e.g. a negative size) shown under the field. */
  validationMessage?: string;
}): React.JSX.Element {
  const [text, setText] = React.useState<string>(props.value === null ? "" : String(props.value));
  const lastValue = React.useRef<number | null>(props.value);
  // Follow changes from outside (template chosen, read from the sheet).
  React.useEffect(() => {
    if (props.value !== lastValue.current) {
      lastValue.current = props.value;
      setText(props.value === null ? "" : String(props.value));
    }
  }, [props.value]);
  const parsed = parseWholeNumberText(text);
  const invalid = parsed === undefined;
  const message = invalid ? props.invalidMessage : props.validationMessage;
  return (
    <Field
      label={props.label}
      hint={message ? undefined : props.hint}
      validationState={message ? (invalid ? "error" : "warning") : "none"}
      validationMessage={fieldMessage(message)}
      size={props.size}
    >
      <Input
        id={props.id}
        inputMode="numeric"
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          // Text that is not a number counts as "not filled in" until it is corrected.
          const v = parseWholeNumberText(d.value) ?? null;
          lastValue.current = v;
          props.onChange(v);
        }}
      />
    </Field>
  );
}
