/** Forsøgsdesign: stratified randomisation with an audit trail, and sample-size planning. */
export type * from "./types";
export { allocate, intervalLabel, PROCEDURE_VERSION } from "./allocate";
export { applyDeclines, type AppliedDeclines } from "./replace";
export { canonicalList, listHash, sha256Hex } from "./hash";
export { MT_ALGORITHM, Mt19937 } from "./mt19937";
export { MAX_SEED, parseSeed } from "./validate";
export { designArmName, RANDOMISATION_SHEET_NAME, RANDOMISATION_TABLE_NAME, randomisationSheetSpec, type RandomisationMeta } from "./sheet";
export { planSampleSize, planSentences, type Plan, type PlanInput, type PlanMode, type PlanRow, type PlanRowInput } from "./planning";
export { PLANNING_SHEET_NAME, planningSheetSpec } from "./planningSheet";
export { trialMembersFromTable, trialTableFromRows, type TrialMember, type TrialTable } from "./link";
