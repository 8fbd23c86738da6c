/**
 * The Overblik pane (issue 21 item 1), the first tab: the evaluation's parts in dependency order, each
 * with its state (icon and word, never colour alone), when it was made, and "Gå til" (the part's pane and
 * sheet); "Opdater alt" makes every out-of-date part again, in order, stopping at the first refusal.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowSyncCircleRegular, CheckmarkCircleRegular, CircleRegular, DismissCircleRegular, type FluentIcon } from "@fluentui/react-icons";
import { formatDateTime } from "../../core/dateTime";
import type { PartStatus } from "../../core/overview";
import type { OverviewLine, UpdateReport } from "../../excel/overviewStore";
import { ErrorBar } from "../components/ErrorBar";
import { useLiveAnnounce } from "../components/LiveRegion";
import { useStrings } from "../i18n";
import { useGoToPane } from "../navigation";
import { overviewStrings, type OverviewStrings } from "./strings";
import { useOverview } from "./useOverview";

/** After the tab switch has rendered the pane: its step (a part made in one step of a pane) scrolled into view. */
function scrollToStep(anchor: string | undefined): void {
  if (!anchor) return;
  window.setTimeout(() => document.getElementById(anchor)?.scrollIntoView({ block: "start" }), 0);
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "560px", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "2px 8px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, flexBasis: "160px", minWidth: 0, overflowWrap: "anywhere" },
  name: { fontWeight: tokens.fontWeightSemibold },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  reason: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  icon: { fontSize: "20px", flexShrink: 0 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  stale: { color: tokens.colorPaletteMarigoldForeground1 },
  refused: { color: tokens.colorPaletteRedForeground1 },
  missing: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
});

const ICONS: Record<PartStatus, FluentIcon> = {
  done: CheckmarkCircleRegular,
  stale: ArrowSyncCircleRegular,
  refused: DismissCircleRegular,
  missing: CircleRegular,
};

function PartLine(props: { line: OverviewLine; s: OverviewStrings; lang: "da" | "en"; busy: boolean; onGo(): void }): React.JSX.Element {
  const styles = useStyles();
  const { state } = props.line;
  const Icon = ICONS[state.status];
  const title = state.title[props.lang];
  return (
    <li className={styles.item} data-testid={`overview-part-${state.id}`} data-status={state.status}>
      <Icon className={mergeClasses(styles.icon, styles[state.status])} aria-hidden />
      <div className={styles.text}>
        <span className={styles.name}>{title}</span>
        <span className={styles.meta}>
          <strong>{props.s.status[state.status]}</strong> · {state.madeAt ? props.s.madeAt(formatDateTime(state.madeAt, props.lang)) : props.s.notMade}
        </span>
        {state.reason ? <span className={styles.reason}>{state.reason[props.lang]}</span> : null}
      </div>
      <Button size="small" aria-label={props.s.goToLabel(title)} disabled={props.busy} onClick={props.onGo}>
        {props.s.goTo}
      </Button>
    </li>
  );
}

export default function OverviewPane(): React.JSX.Element {
  const s = useStrings(overviewStrings);
  const styles = useStyles();
  const goToPane = useGoToPane();
  const announce = useLiveAnnounce();
  const { state, lang, refresh, update, show } = useOverview();
  if (state.loading) {
    return (
      <div data-testid="overview-pane">
        <Spinner size="small" label={s.loading} />
      </div>
    );
  }
  const stale = state.lines.filter((l) => l.state.status === "stale").length;
  // a part refused by the last update is tried again
  const retry = state.lines.some((l) => l.state.status === "refused");
  const report = state.report;
  const message = (r: UpdateReport): string => {
    const main = r.refused ? s.stoppedAt(r.refused.title[lang], r.refused.reason[lang]) : r.regenerated.length > 0 ? s.updated(r.regenerated.length) : s.nothingToUpdate;
    return r.alreadyUpToDate.length > 0 ? `${main} ${s.alreadyUpToDate(r.alreadyUpToDate.map((p) => p.title[lang]).join(", "))}` : main;
  };
  const onUpdate = async (): Promise<void> => {
    const r = await update();
    if (r) announce(message(r));
  };
  return (
    <div className={styles.root} data-testid="overview-pane">
      <Text size={200} className={styles.muted}>
        {s.intro}
      </Text>
      <ErrorBar error={state.error} />
      <ol className={styles.list} aria-label={s.list} data-testid="overview-parts">
        {state.lines.map((l) => (
          <PartLine
            key={l.part.id}
            line={l}
            s={s}
            lang={lang}
            busy={state.busy}
            onGo={() => {
              goToPane(l.part.pane);
              scrollToStep(l.part.anchor);
              void show(l.part.sheet);
            }}
          />
        ))}
      </ol>
      <Text size={200} className={styles.muted}>
        {s.updateHelp(stale)}
      </Text>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={state.busy || (stale === 0 && !retry)} onClick={() => void onUpdate()} data-testid="overview-update">
          {s.updateAll}
        </Button>
        <Button disabled={state.busy} onClick={() => void refresh()}>
          {s.refresh}
        </Button>
        {state.busy && state.step ? <Spinner size="tiny" label={s.updating(state.step[lang])} /> : null}
      </div>
      {report ? (
        <MessageBar intent={report.refused ? "error" : "success"} data-testid="overview-report">
          <MessageBarBody>{message(report)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
