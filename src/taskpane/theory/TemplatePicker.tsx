/** Choose a template from core's TEMPLATES (title, description, source publication) or start empty. */
import * as React from "react";
import { Button, Subtitle2, Text as FluentText, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentAddRegular } from "@fluentui/react-icons";
import { TEMPLATES, emptyTheory, type ProgrammeTheory } from "../../core/theory";
import { useStrings, useText } from "../i18n";
import { THEORY_STRINGS } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: "8px" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "10px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  source: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

export function TemplatePicker(props: { onPick(theory: ProgrammeTheory): void; onCancel?(): void }): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const text = useText();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="theory-templates-title" data-testid="theory-templates">
      <Subtitle2 as="h2" id="theory-templates-title">
        {s.templatesTitle}
      </Subtitle2>
      <FluentText>{s.templatesIntro}</FluentText>
      <ul className={styles.list}>
        {/* Starting empty is a choice like the templates, first in the list. */}
        <li className={styles.card} data-template="tom">
          <FluentText weight="semibold">{s.emptyTitle}</FluentText>
          <FluentText size={200}>{s.emptyDescription}</FluentText>
          <div>
            <Button size="small" appearance="primary" icon={<DocumentAddRegular />} onClick={() => props.onPick(emptyTheory())}>
              {s.startEmpty}
            </Button>
          </div>
        </li>
        {TEMPLATES.map((t) => (
          <li key={t.id} className={styles.card} data-template={t.id}>
            <FluentText weight="semibold">{text(t.title)}</FluentText>
            <FluentText size={200}>{text(t.description)}</FluentText>
            <span className={styles.source}>{s.sourceLabel(t.source.title, t.source.publisher, t.source.year)}</span>
            <div>
              <Button size="small" appearance="primary" aria-label={`${s.useTemplate}: ${text(t.title)}`} onClick={() => props.onPick(t.build())}>
                {s.useTemplate}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {props.onCancel ? (
        <div className={styles.actions}>
          <Button appearance="subtle" onClick={props.onCancel}>
            {s.cancel}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
