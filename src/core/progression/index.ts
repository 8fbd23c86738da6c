/**
 * Progression (issue 10): measurement sheet for delmål, analysis of scores, status transitions.
 *
 *   const plan = { items: scaleItems(theory), ...scheduleOf(theory), citizens, startDate };
 *   const { spec } = measurementSheetSpec(plan, parseMeasurementSheet(existingValues));
 *   const { input, problems } = readScores(source, suggestScoreColumns(source.header, items)!);
 *   const result = runProgression(input, { testPolicy: "auto" });
 *   const transitions = statusTransitions(dataset, ladder);
 *   const specOut = progressionSheetSpec(result, transitions, "da");
 */
export * from "./types";
export * from "./plan";
export * from "./measurementSheet";
export * from "./scores";
export * from "./analyse";
export * from "./transitions";
export { MCNEMAR_EXACT_BELOW } from "./tests";
export * from "./resultSheet";
