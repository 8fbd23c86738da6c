/**
 * The Forsøgsdesign pane: 1. randomisation (list, strata, seed, options; Randomisér; Afslået) and
 * 2. sample size and power (the planning table). Computing happens in src/core/design; workbook I/O
 * in src/excel/designStore.ts and the renderer.
 */
import * as React from "react";
import { Divider, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../i18n";
import { PlanningSection } from "./PlanningSection";
import { RandomisationSection } from "./RandomisationSection";
import { designStrings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "560px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export default function DesignPane(): React.JSX.Element {
  const s = useStrings(designStrings);
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="design-pane">
      <Text className={styles.muted}>{s.intro}</Text>
      <RandomisationSection />
      <Divider />
      <PlanningSection />
    </div>
  );
}
