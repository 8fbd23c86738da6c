/** Virkning's version, printed in the header block of every generated sheet. Keep in step with package.json. */
export const VERSION = "0.1.0";
