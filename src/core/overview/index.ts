/** Public entry point of the Overblik core: the parts' states and their fingerprints. */
export * from "./types";
export * from "./decide";
export * from "./fingerprint";
