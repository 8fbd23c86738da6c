/** Public entry point of the programme-theory core. */
export * from "./model";
export * from "./edit";
export * from "./validate";
export * from "./steps";
export * from "./templates";
export * from "./sheet";
export * from "./diagram";
export * from "./catalogue";
export * from "./history";
