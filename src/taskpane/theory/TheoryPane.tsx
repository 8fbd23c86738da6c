/**
 * The Programteori pane: pick a template or start empty, build the theory in KL's five steps
 * (guided) or edit any part (free), see validation live, view/download the diagram, and keep the
 * theory in the workbook. The sheet "Programteori" is the source of truth: the pane reads it on
 * opening and on "Læs fra arket", and writes it (plus the diagram sheet) on "Gem i projektmappen".
 */
import * as React from "react";
import {
  Accordion,
  Badge,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  Text as FluentText,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  ArrowRedoRegular,
  ArrowUndoRegular,
  CheckmarkCircleRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  CircleRegular,
  DocumentAddRegular,
  ErrorCircleRegular,
  SaveRegular,
} from "@fluentui/react-icons";
import {
  STEPS,
  STEP_OF_KIND,
  canRedo,
  canUndo,
  record,
  redo,
  startHistory,
  stepStatuses,
  undo,
  kindOfId,
  setTitle,
  updateTargetGroup,
  validateTheory,
  type ItemKind,
  type ProgrammeTheory,
  type History,
  type StepId,
  type StepStatus,
  type ValidationIssue,
} from "../../core/theory";
import { toUserError } from "../../excel/errors";
import { getExcelRun, isSetSupported } from "../../excel/host";
import { loadState } from "../../excel/state";
import { DataStatusesContext } from "./IndicatorEditor";
import { loadTheory, saveTheory, THEORY_SHEETS, TheoryConflictError } from "../../excel/theoryStore";
import type { CellScalar } from "../../core/report/sheetSpec";
import { SaveConflict } from "./SaveConflict";
import { ErrorBar } from "../components/ErrorBar";
import { useFocusWhenShown } from "../components/LiveRegion";
import { useLang, useStrings, useText } from "../i18n";
import { THEORY_STRINGS } from "./strings";
import { TemplatePicker } from "./TemplatePicker";
import { TARGET_GROUP_ANCHOR, TARGET_GROUP_CHARACTERISTICS, TARGET_GROUP_NAME_INPUT, TARGET_GROUP_SIZE_INPUT, TargetGroupForm } from "./TargetGroupForm";
import { ItemSection, itemAnchorId, itemNameInputId, type TheoryUpdate } from "./ItemSection";
import { ValidationPanel } from "./ValidationPanel";
import { DiagramPanel } from "./DiagramPanel";
import { clearDraft, loadDraft, saveDraft, type StoredDraft } from "./draftStore";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", maxWidth: "520px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // The browser's default h1 margins would open a large gap under the pane title.
  title: { margin: 0 },
  stepHead: { display: "flex", flexDirection: "column", gap: "4px" },
  stepTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  help: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  question: { fontSize: tokens.fontSizeBase200, fontStyle: "italic" },
  // the five step tabs wrap onto a second line in a narrow pane instead of scrolling sideways
  stepTabs: { "& [role=tablist]": { flexWrap: "wrap" } },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  stepNav: { display: "flex", justifyContent: "space-between", gap: "8px" },
  saveBar: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    paddingTop: "8px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

type Mode = "guided" | "free" | "diagram";

const KIND_OF_STEP: Partial<Record<StepId, ItemKind>> = { slutmaal: "slutmaal", delmaal: "delmaal", aktiviteter: "aktivitet", mekanismer: "mekanisme" };
/** Issues that say a whole step is empty point at that step's list. */
const SECTION_CODES: Record<string, StepId> = { NO_FINAL_GOAL: "slutmaal", NO_SUBGOAL: "delmaal", NO_ACTIVITY: "aktiviteter", NO_MECHANISM: "mekanismer" };
const sectionId = (step: StepId): string => (KIND_OF_STEP[step] ? `theory-section-${KIND_OF_STEP[step]}` : TARGET_GROUP_ANCHOR);

/** Where an issue lives in the pane: its step, and the element to scroll to and focus. */
export function issueTarget(theory: ProgrammeTheory, issue: ValidationIssue): { step: StepId; elementId: string; focusId?: string } | undefined {
  if (issue.code.startsWith("TARGET_GROUP")) {
    const focusId = issue.code.includes("SIZE") ? TARGET_GROUP_SIZE_INPUT : issue.code.includes("CHARACTERISTICS") ? TARGET_GROUP_CHARACTERISTICS : TARGET_GROUP_NAME_INPUT;
    return { step: "maalgruppe", elementId: TARGET_GROUP_ANCHOR, focusId };
  }
  const section = SECTION_CODES[issue.code];
  if (section) return { step: section, elementId: sectionId(section) };
  for (const id of issue.itemIds) {
    const kind = kindOfId(theory, id);
    if (kind) {
      const step = issue.step ?? STEP_OF_KIND[kind];
      // An issue fixed in another step than the item's own (e.g. link an activity to a delmål) opens that step's list.
      if (step !== STEP_OF_KIND[kind]) return { step, elementId: sectionId(step) };
      return { step, elementId: itemAnchorId(id), focusId: itemNameInputId(id) };
    }
    const link = theory.links.find((l) => l.id === id);
    if (link) {
      const fromKind = kindOfId(theory, link.from);
      if (fromKind) return { step: STEP_OF_KIND[fromKind], elementId: itemAnchorId(link.from) };
    }
  }
  return undefined;
}

const STEP_HEADING = "theory-step-heading";

const STATUS_ICON: Record<StepStatus, React.JSX.Element> = {
  empty: <CircleRegular aria-hidden />,
  incomplete: <ErrorCircleRegular aria-hidden color={tokens.colorPaletteDarkOrangeForeground1} />,
  done: <CheckmarkCircleRegular aria-hidden color={tokens.colorPaletteGreenForeground1} />,
};

function StepContent(props: {
  step: StepId;
  theory: ProgrammeTheory;
  update: TheoryUpdate;
  issues: readonly ValidationIssue[];
  onAdded(id: string): void;
}): React.JSX.Element {
  const kind = KIND_OF_STEP[props.step];
  if (!kind) {
    return (
      <TargetGroupForm
        value={props.theory.targetGroup}
        issues={props.issues}
        onChange={(patch) => props.update((t) => updateTargetGroup(t, patch), { key: `targetGroup:${Object.keys(patch).join(",")}` })}
      />
    );
  }
  return (
    <div id={`theory-section-${kind}`}>
      <ItemSection theory={props.theory} update={props.update} kind={kind} issues={props.issues} onAdded={props.onAdded} />
    </div>
  );
}

/** What the pane keeps while it is not shown, per workbook. */
interface Draft {
  history: History<ProgrammeTheory> | null;
  theory: ProgrammeTheory | null;
  baseline: ProgrammeTheory | null;
  sheetIssues: ValidationIssue[];
  cells: Record<string, string> | undefined;
  mode: Mode;
  step: number;
  /** The sheet's values as last read or written (null: no sheet; undefined: not known), for the save-conflict check. */
  snapshot?: CellScalar[][] | null;
}
const drafts = new WeakMap<object, Draft>();
const OFFICE_WORKBOOK = {};
/** The preview workbook object, or one key for the Excel workbook the add-in runs in. */
function draftKey(): object {
  return globalThis.__virkningPreview ?? OFFICE_WORKBOOK;
}

export default function TheoryPane(): React.JSX.Element {
  const s = useStrings(THEORY_STRINGS);
  const lang = useLang();
  const text = useText();
  const styles = useStyles();

  // Unsaved work survives switching to another pane and back (the pane is unmounted meanwhile).
  const [restored] = React.useState<Draft | undefined>(() => {
    const d = drafts.get(draftKey());
    return d && d.theory !== d.baseline && d.history ? d : undefined;
  });
  // Every edit goes through the history, so each can be undone and redone.
  const [history, setHistory] = React.useState<History<ProgrammeTheory> | null>(restored?.history ?? null);
  const theory = history?.present ?? null;
  const setTheory = React.useCallback((t: ProgrammeTheory, keepHistory = false): void => {
    setHistory((h) => (keepHistory && h ? record(h, t) : startHistory(t)));
  }, []);
  /** A draft from local storage that differs from the sheet, offered back when the pane opens. */
  const [offeredDraft, setOfferedDraft] = React.useState<StoredDraft | null>(null);
  /** The theory as last read from or written to the sheet: anything else is "not saved". */
  const [baseline, setBaseline] = React.useState<ProgrammeTheory | null>(restored?.baseline ?? null);
  const [confirmReload, setConfirmReload] = React.useState(false);
  const dataStatuses = useDataStatuses();
  const [sheetIssues, setSheetIssues] = React.useState<ValidationIssue[]>(restored?.sheetIssues ?? []);
  const [cells, setCells] = React.useState<Record<string, string> | undefined>(restored?.cells);
  const [snapshot, setSnapshot] = React.useState<CellScalar[][] | null | undefined>(restored?.snapshot);
  const [conflict, setConflict] = React.useState<TheoryConflictError | null>(null);
  const [picking, setPicking] = React.useState(false);
  const [mode, setMode] = React.useState<Mode>(restored?.mode ?? "guided");
  const [step, setStep] = React.useState(restored?.step ?? 0);
  const [openSections, setOpenSections] = React.useState<string[]>(["maalgruppe"]);
  const [busy, setBusy] = React.useState<"load" | "save" | null>(restored ? null : "load");
  const [error, setError] = React.useState<unknown>(null);
  const [status, setStatus] = React.useState<string | null>(null);
  // After "Gem i projektmappen" the result takes the focus (the button is disabled while saving, which would drop it to <body>).
  const [savedCount, setSavedCount] = React.useState(0);
  const statusRef = useFocusWhenShown<HTMLDivElement>(savedCount > 0 ? savedCount : null);
  const [pendingFocus, setPendingFocus] = React.useState<{ elementId: string; focusId?: string } | null>(null);
  const shapes = React.useMemo(() => isSetSupported("1.9"), []);

  const issues = React.useMemo<ValidationIssue[]>(
    () => (theory ? [...sheetIssues, ...validateTheory(theory, cells ? { cells } : {})] : []),
    [theory, sheetIssues, cells],
  );
  const statuses = React.useMemo(() => (theory ? stepStatuses(theory, issues) : null), [theory, issues]);

  const update = React.useCallback<TheoryUpdate>((change, opts = {}) => {
    setHistory((h) => (h ? record(h, change(h.present), { key: opts.key, at: Date.now() }) : h));
    setStatus(opts.announce ?? null);
    setUndoOffer(opts.announce !== undefined);
    if (opts.focus) setPendingFocus(opts.focus);
  }, []);
  const [undoOffer, setUndoOffer] = React.useState(false);
  const stepBack = React.useCallback(
    (direction: "undo" | "redo"): void => {
      setHistory((h) => (h ? (direction === "undo" ? undo(h) : redo(h)) : h));
      setStatus(direction === "undo" ? s.undone : s.redone);
      setUndoOffer(false);
    },
    [s],
  );

  const reload = React.useCallback(async (initial: boolean) => {
    setConfirmReload(false);
    setBusy("load");
    setError(null);
    setStatus(null);
    try {
      const loaded = await loadTheory(getExcelRun());
      setSnapshot(loaded ? loaded.snapshot : null);
      if (loaded) {
        setTheory(loaded.theory);
        const draft = initial ? loadDraft() : null;
        setOfferedDraft(draft && JSON.stringify(draft.theory) !== JSON.stringify(loaded.theory) ? draft : null);
        setBaseline(loaded.theory);
        setSheetIssues(loaded.issues);
        setCells(loaded.cells);
        setPicking(false);
        setStatus(s.loadedFromSheet(THEORY_SHEETS.theory));
      } else if (!initial) {
        setStatus(s.noSheetYet);
      } else {
        setOfferedDraft(loadDraft());
      }
    } catch (e) {
      setError(toUserError(e));
    } finally {
      setBusy(null);
    }
  }, [s]);

  React.useEffect(() => {
    // Read the sheet once when the pane opens, unless unsaved work was restored.
    if (!restored) void reload(true);
  }, []);

  React.useEffect(() => {
    drafts.set(draftKey(), { history, theory, baseline, sheetIssues, cells, mode, step, snapshot });
  }, [history, theory, baseline, sheetIssues, cells, mode, step, snapshot]);

  // Unsaved work also survives closing the pane: a draft in local storage, and the browser's
  // "leave the page?" question where the host shows it.
  /** The theory last written to the sheet, known at once (state arrives a render later). */
  const savedRef = React.useRef<ProgrammeTheory | null>(null);
  React.useEffect(() => {
    if (theory === null || theory === baseline) return;
    const timer = setTimeout(() => {
      if (savedRef.current !== theory) saveDraft(theory);
    }, 400);
    const warn = (e: BeforeUnloadEvent): void => {
      saveDraft(theory);
      e.preventDefault();
    };
    globalThis.addEventListener?.("beforeunload", warn);
    return () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.("beforeunload", warn);
    };
  }, [theory, baseline]);

  const save = async (force = false): Promise<void> => {
    if (!theory) return;
    setBusy("save");
    setError(null);
    setStatus(null);
    setConflict(null);
    try {
      // edits made on the sheet since it was read are not overwritten without asking (SaveConflict)
      setSnapshot(await saveTheory(getExcelRun(), theory, lang, { shapes, expected: snapshot, force }));
      savedRef.current = theory;
      setBaseline(theory);
      clearDraft();
      setOfferedDraft(null);
      // The sheet now holds exactly what the pane shows: earlier read problems and cell positions are gone.
      setSheetIssues([]);
      setCells(undefined);
      setStatus(s.saved([THEORY_SHEETS.theory, THEORY_SHEETS.diagram]));
      setSavedCount((n) => n + 1);
    } catch (e) {
      if (e instanceof TheoryConflictError) setConflict(e);
      else setError(toUserError(e));
    } finally {
      setBusy(null);
    }
  };

  const pick = (t: ProgrammeTheory): void => {
    // Replacing a theory can be undone.
    setTheory(t, true);
    setSheetIssues([]);
    setCells(undefined);
    setPicking(false);
    setMode("guided");
    setStep(0);
    setStatus(null);
    // The picker was long: start the five steps at the top of the pane.
    setPendingFocus({ elementId: "theory-pane-top" });
  };

  const jump = (issue: ValidationIssue): void => {
    if (!theory) return;
    const target = issueTarget(theory, issue);
    if (!target) return;
    if (mode === "free") {
      setOpenSections((o) => (o.includes(target.step) ? o : [...o, target.step]));
    } else {
      setMode("guided");
      setStep(STEPS.findIndex((st) => st.id === target.step));
    }
    setPendingFocus(target);
  };

  const focusAdded = (id: string): void => setPendingFocus({ elementId: itemAnchorId(id), focusId: itemNameInputId(id) });

  React.useEffect(() => {
    if (!pendingFocus) return;
    const el = document.getElementById(pendingFocus.elementId);
    if (!el) return;
    el.scrollIntoView?.({ block: pendingFocus.elementId === "theory-pane-top" ? "start" : "nearest" });
    const focus = pendingFocus.focusId ? document.getElementById(pendingFocus.focusId) : null;
    // A section or item anchor is not focusable by itself: make it so, or focus would stay on the
    // validation link that was clicked.
    if (!focus && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    (focus ?? el).focus?.();
    setPendingFocus(null);
  }, [pendingFocus, theory, mode, step, openSections]);

  /** "Næste trin" / "Forrige trin": the new step's heading takes the focus, so a screen reader reads it. */
  const goStep = (n: number): void => {
    setStep(Math.max(0, Math.min(STEPS.length - 1, n)));
    setPendingFocus({ elementId: STEP_HEADING });
  };

  const working = busy !== null;
  const dirty = theory !== null && theory !== baseline;
  const askReload = (): void => {
    if (dirty) setConfirmReload(true);
    else void reload(false);
  };
  const current = STEPS[step];

  return (
    <DataStatusesContext.Provider value={dataStatuses}>
    <div
      className={styles.root}
      data-testid="theory-pane"
      onKeyDown={(e) => {
        // Ctrl+Z / Ctrl+Y (Cmd on Mac) undo and redo edits of the theory anywhere in the pane.
        if (!(e.ctrlKey || e.metaKey) || !history) return;
        const k = e.key.toLowerCase();
        if (k === "z" && !e.shiftKey && canUndo(history)) stepBack("undo");
        else if ((k === "y" || (k === "z" && e.shiftKey)) && canRedo(history)) stepBack("redo");
        else return;
        e.preventDefault();
      }}
    >
      <Subtitle1 as="h1" id="theory-pane-top" tabIndex={-1} className={styles.title}>
        {s.paneTitle}
      </Subtitle1>
      <FluentText className={styles.muted}>{s.intro}</FluentText>
      {status ? (
        // keyed by its text: each new status is a new message, announced through the live region
        <MessageBar key={status} intent="info" data-testid="theory-status" ref={statusRef} tabIndex={-1}>
          <MessageBarBody>{status}</MessageBarBody>
          {undoOffer && history && canUndo(history) ? (
            <MessageBarActions>
              <Button size="small" onClick={() => stepBack("undo")}>
                {s.undo}
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {offeredDraft ? (
        <MessageBar intent="warning" layout="multiline" data-testid="theory-draft-offer">
          <MessageBarBody>{s.draftFound(new Date(offeredDraft.savedAt))}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                setTheory(offeredDraft.theory, true);
                setPicking(false);
                setOfferedDraft(null);
              }}
            >
              {s.draftRestore}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              onClick={() => {
                clearDraft();
                setOfferedDraft(null);
              }}
            >
              {s.draftDiscard}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <ErrorBar error={error} />
      {conflict ? (
        <SaveConflict
          conflict={conflict}
          onTakeSheet={() => {
            setConflict(null);
            void reload(false);
          }}
          onKeepPane={() => void save(true)}
          onCancel={() => setConflict(null)}
        />
      ) : null}
      {busy === "load" && theory === null ? <Spinner size="small" label={s.reloading} /> : null}

      {(theory === null && busy !== "load") || picking ? (
        <>
          {picking ? <FluentText className={styles.muted}>{s.replaceConfirm}</FluentText> : null}
          <TemplatePicker onPick={pick} onCancel={picking ? () => setPicking(false) : undefined} />
          {!picking ? (
            <div className={styles.row}>
              <Button size="small" icon={<ArrowClockwiseRegular />} onClick={() => void reload(false)} disabled={working}>
                {s.reload}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}

      {theory !== null && !picking ? (
        <>
          <div className={styles.row}>
            <Field label={s.theoryTitle} style={{ flexGrow: 1 }}>
              <Input value={theory.title} onChange={(_, d) => update((t) => setTitle(t, d.value), { key: "title" })} />
            </Field>
          </div>
          {theory.source ? (
            <span className={styles.muted} data-testid="theory-source">
              {s.sourceLabel(theory.source.title, theory.source.publisher, theory.source.year)}
            </span>
          ) : null}
          <div className={styles.row}>
            <Button size="small" appearance="subtle" icon={<DocumentAddRegular />} onClick={() => setPicking(true)} disabled={working}>
              {s.newTheory}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              icon={<ArrowUndoRegular />}
              disabled={!history || !canUndo(history)}
              aria-keyshortcuts="Control+Z"
              title={s.undoHint}
              onClick={() => stepBack("undo")}
              data-testid="theory-undo"
            >
              {s.undo}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              icon={<ArrowRedoRegular />}
              disabled={!history || !canRedo(history)}
              aria-keyshortcuts="Control+Y"
              title={s.redoHint}
              onClick={() => stepBack("redo")}
              data-testid="theory-redo"
            >
              {s.redo}
            </Button>
          </div>

          <TabList selectedValue={mode} onTabSelect={(_, d) => setMode(d.value as Mode)} aria-label={s.modeLabel} size="small">
            <Tab value="guided">{s.modeGuided}</Tab>
            <Tab value="free">{s.modeFree}</Tab>
            <Tab value="diagram">{s.modeDiagram}</Tab>
          </TabList>

          {mode === "guided" ? (
            <section aria-label={s.stepsNav} data-testid="theory-guided">
              <div className={styles.stepTabs}>
                <TabList
                  size="small"
                  selectedValue={current.id}
                  onTabSelect={(_, d) => setStep(STEPS.findIndex((st) => st.id === d.value))}
                  aria-label={s.stepsNav}
                >
                  {STEPS.map((st, i) => {
                    const status = statuses?.[st.id] ?? "empty";
                    return (
                      <Tab key={st.id} value={st.id} icon={STATUS_ICON[status]} data-status={status} data-testid={`theory-step-tab-${st.id}`}>
                        {`${i + 1} ${s.stepShort[st.id]}`}
                        <span className={styles.visuallyHidden}>{` (${s.stepStatus[status]})`}</span>
                      </Tab>
                    );
                  })}
                </TabList>
              </div>
              <div className={styles.stepHead}>
                <span className={styles.muted} data-testid="theory-step-status">
                  {`${s.stepOf(step + 1, STEPS.length)} · ${s.stepStatus[statuses?.[current.id] ?? "empty"]}`}
                </span>
                <h2 className={styles.stepTitle} data-testid="theory-step-title" id={STEP_HEADING} tabIndex={-1}>
                  {text(current.title)}
                </h2>
                <p className={styles.help}>{text(current.help)}</p>
                <p className={styles.question}>
                  {s.question}: {text(current.question)}
                </p>
              </div>
              <StepContent step={current.id} theory={theory} update={update} issues={issues} onAdded={focusAdded} />
              <div className={styles.stepNav} style={{ marginTop: 12 }}>
                <Button icon={<ChevronLeftRegular />} disabled={step === 0} onClick={() => goStep(step - 1)}>
                  {s.previous}
                </Button>
                <Button
                  icon={<ChevronRightRegular />}
                  iconPosition="after"
                  appearance="primary"
                  disabled={step === STEPS.length - 1}
                  onClick={() => goStep(step + 1)}
                >
                  {s.next}
                </Button>
              </div>
            </section>
          ) : null}

          {mode === "free" ? (
            <Accordion
              multiple
              collapsible
              openItems={openSections}
              onToggle={(_, d) => setOpenSections(d.openItems.map(String))}
              data-testid="theory-free"
            >
              {STEPS.map((st) => (
                <AccordionItem key={st.id} value={st.id}>
                  <AccordionHeader size="small" icon={STATUS_ICON[statuses?.[st.id] ?? "empty"]}>
                    {text(st.title)}
                    <span className={styles.visuallyHidden}>{` (${s.stepStatus[statuses?.[st.id] ?? "empty"]})`}</span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <StepContent step={st.id} theory={theory} update={update} issues={issues} onAdded={focusAdded} />
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          ) : null}

          {mode === "diagram" ? <DiagramPanel theory={theory} /> : null}

          <ValidationPanel issues={issues} statuses={statuses} onJump={jump} canJump={(i) => issueTarget(theory, i) !== undefined} />

          <div className={styles.saveBar}>
            <div className={styles.row}>
              <Button appearance="primary" icon={<SaveRegular />} onClick={() => void save()} disabled={working}>
                {busy === "save" ? s.saving : s.save}
              </Button>
              <Button icon={<ArrowClockwiseRegular />} onClick={askReload} disabled={working}>
                {busy === "load" ? s.reloading : s.reload}
              </Button>
              {dirty ? (
                <Badge appearance="tint" color="warning" data-testid="theory-unsaved">
                  {s.unsaved}
                </Badge>
              ) : null}
            </div>
            {confirmReload ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{s.reloadConfirm}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" onClick={() => void reload(false)}>
                    {s.reloadAnyway}
                  </Button>
                  <Button size="small" appearance="subtle" onClick={() => setConfirmReload(false)}>
                    {s.cancel}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : null}
            {issues.some((i) => i.severity === "error") ? <span className={styles.muted}>{s.saveWithErrors}</span> : null}
            {!shapes ? (
              <MessageBar intent="warning" data-testid="theory-shapes-fallback">
                <MessageBarBody>{s.shapesFallback}</MessageBarBody>
              </MessageBar>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
    </DataStatusesContext.Provider>
  );
}

/**
 * The valid statuses of the comparisons stored in the workbook (as the case data spell them), for
 * the slutmål indicators' status list; empty when there is none or it cannot be read (the
 * standard list is offered then).
 */
function useDataStatuses(): readonly string[] {
  const [statuses, setStatuses] = React.useState<readonly string[]>([]);
  React.useEffect(() => {
    let live = true;
    // Read leniently (only the status classes are needed; the comparison pane validates the rest).
    loadState<unknown>(getExcelRun(), "virkning.comparison")
      .then((stored) => {
        const v = stored as { analyses?: unknown[] } | undefined;
        const analyses = Array.isArray(v?.analyses) ? v.analyses : v ? [v] : [];
        const valid = new Set<string>();
        for (const a of analyses) {
          const classes = (a as { statusClasses?: unknown } | null)?.statusClasses;
          if (classes && typeof classes === "object") for (const [label, cls] of Object.entries(classes)) if (cls === "valid") valid.add(label);
        }
        const next = [...valid].sort((a, b) => a.localeCompare(b, "da"));
        // no re-render when nothing changed (most often: no stored comparison, still no statuses)
        if (live) setStatuses((prev) => (prev.length === next.length && prev.every((x, i) => x === next[i]) ? prev : next));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return statuses;
}
