/** Follow Office's theme (light/dark); in the preview, `?theme=dark` or the OS preference. */
export function prefersDarkTheme(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const theme = office?.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
  if (theme) {
    if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
    if (theme.bodyBackgroundColor) return luminance(theme.bodyBackgroundColor) < 0.4;
  }
  try {
    const q = new URLSearchParams(globalThis.location?.search ?? "").get("theme");
    if (q === "dark") return true;
    if (q === "light") return false;
  } catch {
    /* not in a browser */
  }
  return false;
}

/** Relative luminance (0 black … 1 white) of "#RRGGBB". */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
