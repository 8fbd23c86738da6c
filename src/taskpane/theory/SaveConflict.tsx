/**
 * "Gem i projektmappen" found edits on the "Programteori" sheet that saving would overwrite (cells changed
 * since the pane read it, or text outside the theory's tables): the user takes the sheet's version, keeps
 * the pane's, or cancels. Nothing is written until they choose.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { TheoryConflictError } from "../../excel/theoryStore";
import { useLang, useStrings } from "../i18n";

const strings = {
  da: {
    title: "Arket er ændret",
    takeSheet: "Brug arkets version",
    keepPane: "Behold panelets version (overskriv arket)",
    cancel: "Annullér",
  },
  en: {
    title: "The sheet has changed",
    takeSheet: "Use the sheet's version",
    keepPane: "Keep the pane's version (overwrite the sheet)",
    cancel: "Cancel",
  },
};

export function SaveConflict(props: { conflict: TheoryConflictError; onTakeSheet: () => void; onKeepPane: () => void; onCancel: () => void }): React.JSX.Element {
  const s = useStrings(strings);
  const lang = useLang();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="theory-save-conflict" role="alertdialog" aria-label={s.title}>
      <MessageBarBody>
        <MessageBarTitle>{s.title}</MessageBarTitle>
        {lang === "da" ? props.conflict.message : props.conflict.messageEn}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onTakeSheet}>
          {s.takeSheet}
        </Button>
        <Button onClick={props.onKeepPane}>{s.keepPane}</Button>
        <Button appearance="subtle" onClick={props.onCancel}>
          {s.cancel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
