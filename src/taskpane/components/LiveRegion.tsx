/**
 * The pane's one live region (role="status", aria-live="polite"): results and errors are spoken
 * from here, never from a second region. It is also Fluent's AnnounceProvider, so every
 * MessageBar (errors, results, notices) announces through it instead of a region of its own.
 *
 * Each announcement replaces the region's child (a new key), so the same sentence said twice is
 * spoken twice; no timers, so tests see the text at once.
 */
import * as React from "react";
import { AnnounceProvider, makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: "0",
  },
});

type Announce = (message: string) => void;
const AnnounceContext = React.createContext<Announce>(() => undefined);

/** Says a sentence through the pane's live region (politely: after what the reader is reading). */
export function useLiveAnnounce(): Announce {
  return React.useContext(AnnounceContext);
}

export function LiveRegionProvider(props: { children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const [said, setSaid] = React.useState<{ n: number; text: string }>({ n: 0, text: "" });
  const announce = React.useCallback<Announce>((message) => {
    const text = message.trim();
    if (text) setSaid((prev) => ({ n: prev.n + 1, text }));
  }, []);
  const fluent = React.useMemo(() => ({ announce: (message: string) => announce(message) }), [announce]);
  return (
    <AnnounceContext.Provider value={announce}>
      <AnnounceProvider value={fluent}>
        {props.children}
        <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid="live-region">
          {said.text ? <span key={said.n}>{said.text}</span> : null}
        </div>
      </AnnounceProvider>
    </AnnounceContext.Provider>
  );
}

/**
 * Moves focus to an element when it appears or its key changes (a result after an action, the
 * first error after a failed one), so a keyboard or screen-reader user lands on what happened.
 * The element gets tabIndex -1 from the caller; nothing happens when `key` is null.
 */
export function useFocusWhenShown<T extends HTMLElement>(key: unknown): React.RefObject<T> {
  const ref = React.useRef<T>(null);
  React.useEffect(() => {
    if (key === null || key === undefined || key === false) return;
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}

/**
 * A Field's message beside its field without Fluent's role="alert" (a second, assertive live
 * region that would speak on every keystroke): the field names it through aria-describedby, so
 * it is read when the field has focus; results and errors of actions go to the one live region.
 */
export function fieldMessage(text: string | undefined): { children: string; role: undefined } | undefined {
  return text ? { children: text, role: undefined } : undefined;
}
