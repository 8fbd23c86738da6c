import { defaultSettings, type ComparisonSettings } from "../../../src/core/analysis";
/**
 * A small hand-made pilot: 10 citizens in each arm, statuses at 0, 6, 12 and 18 months.
 *
 * 0 mdr:  everybody "Kontanthjælp".
 * 6 mdr:  indsats: 3 Jobparat, 7 Kontanthjælp; kontrol: 1 Fleksjob, 2 "Kontanthjælp - i praktik" (hyphen), 7 Kontanthjælp.
 * 12 mdr: everybody "Kontanthjælp" (nobody changed status).
 * 18 mdr: indsats: 4 Uddannelse, 4 Kontanthjælp, 1 Fraflyttet, 1 blank; kontrol: 8 Kontanthjælp, 2 blank.
 * Køn: indsats 6 K / 4 M; kontrol 5 K / 5 M.  Alder: see the arrays below.
 */
import type { CellValue } from "../../../src/core/report/sheetSpec";

export const AGE_I = [25, 30, 35, 40, 45, 50, 55, 60, 28, 33];
export const AGE_K = [22, 27, 31, 38, 41, 47, 52, 58, 36, 29];

export const HEADER: CellValue[] = ["ID", "Gruppe", "Køn", "Alder", "Status 0 mdr", "Status 6 mdr", "Status 12 mdr", "Status 18 mdr"];

export function pilotRows(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < 10; i++) {
    const s6 = i < 3 ? "Jobparat" : "Kontanthjælp";
    const s18 = i < 4 ? "Uddannelse" : i < 8 ? "Kontanthjælp" : i === 8 ? "Fraflyttet" : "";
    rows.push([`P${String(i + 1).padStart(2, "0")}`, "Indsats", i < 6 ? "Kvinde" : "Mand", AGE_I[i], "Kontanthjælp", s6, "Kontanthjælp", s18]);
  }
  for (let i = 0; i < 10; i++) {
    const s6 = i === 0 ? "Fleksjob" : i < 3 ? "Kontanthjælp - i praktik" : "Kontanthjælp";
    const s18 = i < 8 ? "Kontanthjælp" : "";
    rows.push([`P${String(i + 11).padStart(2, "0")}`, "Kontrol", i < 5 ? "Kvinde" : "Mand", AGE_K[i], "Kontanthjælp", s6, "Kontanthjælp", s18]);
  }
  return rows;
}

/** The same data in long layout: ID, Gruppe, Køn, Alder, Tid, Status (blank statuses as missing rows or blank cells). */
export function pilotLong(): { header: CellValue[]; rows: CellValue[][] } {
  const header: CellValue[] = ["ID", "Gruppe", "Køn", "Alder", "Tid", "Status"];
  const rows: CellValue[][] = [];
  const months = [0, 6, 12, 18];
  // time-major order, to show that row order does not matter
  for (let t = 0; t < 4; t++) {
    for (const r of pilotRows()) {
      const status = r[4 + t];
      if (status === "" && r[0] === "P10") continue; // a missing row counts as not followed up
      rows.push([r[0], r[1], r[2], r[3], t === 1 ? `${months[t]} mdr.` : months[t], status]);
    }
  }
  return { header, rows };
}

/** Wide-layout settings for the pilot data: ID, group, køn (categorical), alder (continuous), status at 0/6/12/18 months. */
export function pilotSettings(columns: Partial<ComparisonSettings["columns"]> = {}): ComparisonSettings {
  return defaultSettings({
    sheet: "Borgere",
    address: "A1:H21",
    layout: "wide",
    columns: {
      id: 0,
      group: 1,
      baseline: [
        { column: 2, type: "categorical" },
        { column: 3, type: "continuous" },
      ],
      timepoints: [
        { column: 4, month: 0 },
        { column: 5, month: 6 },
        { column: 6, month: 12 },
        { column: 7, month: 18 },
      ],
      ...columns,
    },
    statuses: ["Kontanthjælp", "Jobparat", "Fleksjob", "Kontanthjælp – i praktik", "Uddannelse", "Fraflyttet"],
  });
}
