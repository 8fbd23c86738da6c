/** "Virkningskæden i data": the programme theory tested on the data (issue 21 item 3). */
export * from "./types";
export { runChain, twoShares, decideLink, decideMoved, reachedOf, reachedRule, idKey, MIN_PER_GROUP, MOVED_ALPHA, STATUS_RULE } from "./analyse";
export { chainSheetSpec, CHAIN_SHEET_NAME, LINK_STATUS_TEXT } from "./sheet";
export { chainDiagramSheetSpec, CHAIN_DIAGRAM_SHEET_NAME, LINK_STYLES, linkStatusWords, type LinkStyleKey } from "./diagram";
export { chainBrief } from "./brief";
