/** Excel API emulation: context (see base.ts for the shared semantics). */
import { type PreviewWorkbook } from "../workbook";
import { Action } from "./base";
import { Application, Workbook } from "./workbook";

export class EmuContext {
  readonly queue: Action[] = [];
  readonly workbook: Workbook;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  constructor(readonly book: PreviewWorkbook) {
    this.workbook = new Workbook(this, () => book, "nav");
  }
  get application(): Application {
    return this.workbook.application;
  }
  enqueue(a: Action): void {
    this.queue.push(a);
  }
  /** Like RequestContext.sync: resolves with the optional pass-through value. */
  async sync<V>(passThroughValue?: V): Promise<V> {
    await this.book._sync(this);
    return passThroughValue as V;
  }
  /** True when something other than object look-ups is waiting for a sync. */
  hasPendingWork(): boolean {
    return this.queue.some((a) => a.kind !== "instantiate");
  }
}
