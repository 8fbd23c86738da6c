/** The diagram tab: the SVG of the current theory and downloads as SVG and PNG. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular, ZoomFitRegular } from "@fluentui/react-icons";
import { layoutDiagram, type ProgrammeTheory } from "../../core/theory";
import { useLang, useStrings } from "../i18n";
import { THEORY_STRINGS } from "./strings";
import { DiagramSvg } from "./DiagramSvg";
import { copyPng, downloadPng, downloadSvg, pngDataUrl } from "./download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  frame: { overflow: "auto", maxHeight: "70vh", border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: "#FFFFFF" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function DiagramPanel(props: { theory: ProgrammeTheory }): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const lang = useLang();
  const styles = useStyles();
  const svgRef = React.useRef<SVGSVGElement>(null);
  // Readable by default: one point of the A4 page per CSS pixel, scrolled inside the pane; "Vis hele siden" fits the page to the pane.
  const [fit, setFit] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [failed, setFailed] = React.useState(false);
  /** After "Kopiér som billede": copied, or (when the host refuses the clipboard) the picture to copy by hand. */
  const [copied, setCopied] = React.useState<"copied" | string | null>(null);
  const layout = React.useMemo(() => layoutDiagram(props.theory, { lang }), [props.theory, lang]);
  const t = props.theory;
  const empty = t.finalGoals.length + t.subGoals.length + t.activities.length + t.mechanisms.length === 0 && t.targetGroup.name.trim() === "";

  const png = async (): Promise<void> => {
    if (!svgRef.current) return;
    setBusy(true);
    setFailed(false);
    try {
      await downloadPng(svgRef.current, 2);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const copy = async (): Promise<void> => {
    if (!svgRef.current) return;
    setBusy(true);
    setFailed(false);
    setCopied(null);
    try {
      setCopied((await copyPng(svgRef.current, 2)) ? "copied" : await pngDataUrl(svgRef.current, 2));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={s.diagramTitle} data-testid="theory-diagram-panel">
      {empty ? <span className={styles.muted}>{s.diagramEmpty}</span> : null}
      <div className={styles.row}>
        <Button icon={<ArrowDownloadRegular />} onClick={() => svgRef.current && downloadSvg(svgRef.current)}>
          {s.downloadSvg}
        </Button>
        <Button icon={<ArrowDownloadRegular />} onClick={() => void png()} disabled={busy}>
          {s.downloadPng}
        </Button>
        <Button icon={<CopyRegular />} onClick={() => void copy()} disabled={busy} data-testid="theory-copy-picture">
          {s.copyPicture}
        </Button>
        <ToggleButton icon={<ZoomFitRegular />} checked={fit} onClick={() => setFit((z) => !z)} appearance="subtle">
          {s.zoom}
        </ToggleButton>
      </div>
      {copied === "copied" ? (
        <MessageBar intent="success" data-testid="theory-copied">
          <MessageBarBody>{s.pictureCopied}</MessageBarBody>
        </MessageBar>
      ) : copied !== null ? (
        <div className={styles.row} data-testid="theory-picture">
          <span className={styles.muted}>{s.pictureCopyByHand}</span>
          <img src={copied} alt={s.diagramLabel} style={{ width: "100%", border: `1px solid ${tokens.colorNeutralStroke2}` }} />
        </div>
      ) : null}
      {failed ? (
        <MessageBar intent="error">
          <MessageBarBody>{s.downloadFailed}</MessageBarBody>
        </MessageBar>
      ) : null}
      {/* Scrolls when the page is wider than the pane; focusable so the keyboard can scroll it too. */}
      <div className={styles.frame} tabIndex={0} role="group" aria-label={s.diagramLabel}>
        <DiagramSvg ref={svgRef} layout={layout} label={s.diagramLabel} width={fit ? "100%" : `${Math.round(layout.pageWidth)}px`} />
      </div>
    </section>
  );
}
