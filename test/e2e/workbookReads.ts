/**
 * Reads and typed entries on the preview page's workbook (globalThis.__virkningPreview), shared by the
 * e2e files that score a measurement sheet and check the chain and the leader page.
 */
import type { Page } from "playwright-core";
import { outcomesFromTheory } from "../../src/core/analysis";
import { CHAIN_SHEET_NAME } from "../../src/core/chain";
import { MEASUREMENT_SHEET_NAME, scaleItems } from "../../src/core/progression";
import type { ProgrammeTheory } from "../../src/core/theory";
import { TERMS } from "../../src/core/vocabulary";

export type Sheet = { getCell(r: number, c: number): { value: unknown } | undefined; usedExtent(): { rowCount: number; columnCount: number } };
export type Book = { getSheet(n: string): Sheet | undefined; setCellByUser(s: string, r: number, c: number, v: unknown): void };

/**
 * Scores two rounds for every citizen on the measurement sheet as a caseworker types them: round 1 low;
 * round 2 at the top of the scale for citizens whose status on "Borgere" ever reached a slutmål (so the
 * data carry a chain), spread over the scale for the others. Returns the number of cells typed.
 */
export async function scoreTwoRounds(page: Page, theory: ProgrammeTheory): Promise<number> {
  const items = scaleItems(theory);
  return page.evaluate(
    ([sheetName, scales, reachedStatuses]) => {
      const wb = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview;
      const cases = wb.getSheet("Borgere")!;
      const caseExt = cases.usedExtent();
      const statusCols = [...Array(caseExt.columnCount).keys()].filter((c) => /^Status (6|12|18) mdr$/.test(String(cases.getCell(0, c)?.value)));
      const reached = new Set<string>();
      for (let r = 1; r < caseExt.rowCount; r++) if (statusCols.some((c) => reachedStatuses.includes(String(cases.getCell(r, c)?.value)))) reached.add(String(cases.getCell(r, 0)?.value));
      const s = wb.getSheet(sheetName)!;
      const ext = s.usedExtent();
      const cols = scales.map(({ id }) => [...Array(ext.columnCount).keys()].find((c) => String(s.getCell(3, c)?.value ?? "").startsWith(`${id}:`))!);
      let typed = 0;
      for (let r = 4; r < ext.rowCount; r++) {
        const round = s.getCell(r, 2)?.value;
        if (round !== 1 && round !== 2) continue;
        const top = reached.has(String(s.getCell(r, 0)?.value));
        scales.forEach(({ labels }, k) => {
          const score = round === 1 ? 1 + ((r + k) % 2) : top ? labels.length : 1 + ((r * (k + 3)) % labels.length);
          wb.setCellByUser(sheetName, r, cols[k], labels[score - 1]);
          typed++;
        });
      }
      return typed;
    },
    [MEASUREMENT_SHEET_NAME, items.map((i) => ({ id: i.id, labels: i.labels })), outcomesFromTheory(theory).flatMap((o) => o.statuses)] as const,
  );
}

/** The status column of the chain sheet's "Status pr. forbindelse" table. */
export async function statusesOnSheet(page: Page): Promise<string[]> {
  return page.evaluate(
    ([name, head]) => {
      const s = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview.getSheet(name)!;
      const { rowCount: n, columnCount } = s.usedExtent();
      let r = 0;
      while (r < n && !String(s.getCell(r, 0)?.value ?? "").startsWith("Status pr. forbindelse")) r++;
      const at = [...Array(columnCount).keys()].find((c) => s.getCell(r + 1, c)?.value === head) ?? -1;
      const out: string[] = [];
      for (r += 2; at > 0 && r < n && s.getCell(r, at)?.value; r++) out.push(String(s.getCell(r, at)!.value));
      return out;
    },
    [CHAIN_SHEET_NAME, TERMS.status.da] as const,
  );
}

/** Every text cell of `sheet` (row by row) that starts with `prefix`. */
export async function linesStartingWith(page: Page, sheet: string, prefix: string): Promise<string[]> {
  return page.evaluate(
    ([name, start]) => {
      const s = (globalThis as unknown as { __virkningPreview: Book }).__virkningPreview.getSheet(name);
      if (!s) return [];
      const { rowCount, columnCount } = s.usedExtent();
      const out: string[] = [];
      for (let r = 0; r < rowCount; r++) {
        for (let c = 0; c < columnCount; c++) {
          const v = s.getCell(r, c)?.value;
          if (typeof v === "string" && v.startsWith(start)) out.push(v);
        }
      }
      return out;
    },
    [sheet, prefix] as const,
  );
}
