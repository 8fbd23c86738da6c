/** Case-data layer: typed dataset from a 2-D cell array (see dataset.ts for the shape and the checks). */
export * from "./values";
export * from "./cpr";
export * from "./personalData";
export * from "./identifyingLabels";
export * from "./groups";
export * from "./header";
export * from "./dataset";
