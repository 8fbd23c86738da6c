/** The Virkning version written into every generated sheet's header block. Keep in step with package.json. */
export const VERSION = "0.1.0";
