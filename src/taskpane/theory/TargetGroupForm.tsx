/** Step 1: the target group (målgruppe): name, description, kendetegn, size, inclusion/exclusion. */
import * as React from "react";
import { Field, Input, Textarea, makeStyles } from "@fluentui/react-components";
import type { TargetGroup, ValidationIssue } from "../../core/theory";
import { useLang, useStrings } from "../i18n";
import { THEORY_STRINGS } from "./strings";
import { NumberInput } from "./NumberInput";
import { StringListEditor } from "./StringListEditor";
import { cellLimit } from "../components/cellLimit";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "10px" },
});

export const TARGET_GROUP_ANCHOR = "theory-target-group";
export const TARGET_GROUP_NAME_INPUT = "theory-tg-name";
export const TARGET_GROUP_SIZE_INPUT = "theory-tg-size";
export const TARGET_GROUP_CHARACTERISTICS = "theory-tg-characteristics";

export function TargetGroupForm(props: {
  value: TargetGroup;
  onChange(patch: Partial<TargetGroup>): void;
  issues: readonly ValidationIssue[];
}): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const lang = useLang();
  const styles = useStyles();
  const tg = props.value;
  const sizeIssue = props.issues.find((i) => i.code.startsWith("TARGET_GROUP") && i.code.includes("SIZE"));
  return (
    <section id={TARGET_GROUP_ANCHOR} className={styles.form} aria-label={s.targetGroup}>
      <Field label={s.tgName} {...cellLimit(tg.name, lang)}>
        <Input id={TARGET_GROUP_NAME_INPUT} value={tg.name} onChange={(_, d) => props.onChange({ name: d.value })} />
      </Field>
      <Field label={s.tgDescription} {...cellLimit(tg.description, lang)}>
        <Textarea value={tg.description} resize="vertical" onChange={(_, d) => props.onChange({ description: d.value })} />
      </Field>
      <StringListEditor id={TARGET_GROUP_CHARACTERISTICS} label={s.tgCharacteristics} values={tg.characteristics} onChange={(v) => props.onChange({ characteristics: v })} />
      <NumberInput
        id={TARGET_GROUP_SIZE_INPUT}
        label={s.tgSize}
        hint={s.tgSizeHint}
        value={tg.size}
        invalidMessage={s.tgSizeInvalid}
        validationMessage={sizeIssue?.message[lang]}
        onChange={(size) => props.onChange({ size })}
      />
      <StringListEditor label={s.tgInclusion} values={tg.inclusion} onChange={(v) => props.onChange({ inclusion: v })} />
      <StringListEditor label={s.tgExclusion} values={tg.exclusion} onChange={(v) => props.onChange({ exclusion: v })} />
    </section>
  );
}
