/** Unit and colour conversions between the preview (points, CSS colours) and the .xlsx file. */

/**
 * Column width in characters of the default font's widest digit, as the file stores it
 * (ECMA-376 Part 1, 18.3.1.13 `col@width`: Truncate((pixels − 5) / maxDigitWidth × 100 + 0.5) / 100
 * with the 5 px cell padding; Calibri 11 has a 7 px maximum digit width at 96 dpi).
 * 48 pt (64 px, Excel's default) → 8.43.
 */
export function pointsToColumnWidth(points: number): number {
  const px = Math.round((points * 96) / 72);
  return Math.max(0, Math.trunc(((px - 5) / 7) * 100 + 0.5) / 100);
}

const NAMED: Record<string, string> = {
  black: "000000",
  white: "FFFFFF",
  red: "FF0000",
  green: "008000",
  blue: "0000FF",
  yellow: "FFFF00",
  gray: "808080",
  grey: "808080",
  orange: "FFA500",
};

/** "#RGB", "#RRGGBB" or a basic colour name as ARGB ("FFRRGGBB"); undefined for none/unknown. */
export function toArgb(color: string | undefined | null): string | undefined {
  if (!color) return undefined;
  const c = color.trim().toLowerCase();
  if (c === "none" || c === "transparent" || c === "") return undefined;
  if (NAMED[c]) return `FF${NAMED[c]}`;
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/.exec(c);
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((x) => x + x).join("") : m[1];
  return `FF${hex.toUpperCase()}`;
}
