/** The emulated Excel JavaScript API, one file per object family (see api/base.ts). */
export * from "./api/base";
export * from "./api/context";
export * from "./api/workbook";
export * from "./api/worksheet";
export * from "./api/range";
export * from "./api/format";
export * from "./api/table";
export * from "./api/chart";
export * from "./api/shape";
export * from "./api/pageLayout";
export * from "./api/names";
export * from "./api/protection";
export * from "./api/dataValidation";
export * from "./api/conditionalFormat";
