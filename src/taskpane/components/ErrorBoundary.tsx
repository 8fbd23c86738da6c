import * as React from "react";
import { ErrorBar } from "./ErrorBar";

/**
 * Keeps a crash in one pane from blanking the whole task pane (or, in the preview, the grid):
 * shows the error in the user's language and lets navigation go on. `resetKey` changes when the
 * user opens another pane, which clears the error.
 */
export class ErrorBoundary extends React.Component<{ resetKey?: string; children: React.ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): React.ReactNode {
    if (this.state.error !== null) return <ErrorBar error={this.state.error} />;
    return this.props.children;
  }
}
