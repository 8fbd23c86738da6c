/** Formula text as the .xlsx file stores it. */

/**
 * Functions added after Excel 2007 are stored with the "_xlfn." prefix in the file (ECMA-376 /
 * MS-XLSX 2.2.2 "Formulas": future functions); without it Excel shows #NAME?.
 */
const FUTURE_FUNCTIONS = ["CONCAT", "TEXTJOIN", "IFS", "MAXIFS", "MINIFS", "SWITCH", "XLOOKUP", "XMATCH", "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "T.TEST", "T.DIST", "T.DIST.2T", "T.DIST.RT", "T.INV", "T.INV.2T", "NORM.DIST", "NORM.S.DIST", "NORM.INV", "NORM.S.INV", "CHISQ.DIST", "CHISQ.DIST.RT", "CHISQ.TEST", "CHISQ.INV.RT", "F.DIST", "F.DIST.RT", "BINOM.DIST", "PERCENTILE.INC", "QUARTILE.INC", "MEDIAN.INC", "RANK.EQ", "RANK.AVG", "MODE.SNGL", "CEILING.MATH", "FLOOR.MATH", "ISOWEEKNUM", "DAYS", "IFNA"];
const FUTURE_RE = new RegExp(`(?<![\\w.])(${FUTURE_FUNCTIONS.map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`, "gi");

/** `formula` (without "=") with future functions prefixed, string literals left alone. */
export function xlfn(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(FUTURE_RE, (_m, name: string) => `_xlfn.${name.toUpperCase()}(`)))
    .join("");
}
