/** Public entry point of the leader summary (Ledelsesoverblik) core. */
export * from "./wording";
export * from "./suppression";
export * from "./keyFigures";
export * from "./checklist";
export * from "./types";
export * from "./analysisState";
export { summarySheetSpec, MIN_SCALE, type SummarySpec } from "./spec";
export { parseLeaderEntries, keyFigureFacts } from "./leaderBlocks";
export { keyRowFormulas, keyStatusFormula, parseKeyFigures, type SheetCells } from "./keyFigureBlock";
export { theoryGaps } from "./theoryBrief";
export { Disclosure, type DisclosureTable, type Release, type Sum } from "./disclosure";
export { pageRelease, goalOutcomes, rowAt, type Audience, type PageRelease } from "./release";
export { groupedWeeks, publicationBrief, publicRegisterResult, registerBrief, registerKeyResult, registerReleasable, type RegisterBrief, type RegisterGroup, type RegisterWeek } from "./registerLine";
