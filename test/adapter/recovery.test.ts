/**
 * How the renderer recovers from a failed rewrite (issue 23, item 5), on the leader page, whose
 * nøgletal and checklist answers the leader types in: the case is a fault just after the
 * sheet is cleared (operation ~1161 of 2,313). One fault: the sheet is rewritten in place and
 * formulas into it keep working. Three (the in-place rewrite fails twice): the sheet is replaced
 * by its complete copy, and the message says formulas now show #REF!. Four: the copy stays hidden
 * as a registered backup, the message names it, the next "Opdater" puts it in place before
 * anything else (nothing of the leader's is lost), and the one after that updates. A refused
 * unprotect (office-js#6784) stops the render with the sheet untouched.
 */
import { SUMMARY_SHEET_NAME } from "../../src/core/summary";
import { readRegister } from "../../src/excel/state";
import type { PreviewWorkbook } from "../../src/preview/workbook";
import type { Fault } from "../../src/preview/workbook/workbook";
import { protectionOf } from "../../src/preview/workbook/protectionState";
import { STORES, pointInto, runOf, userFormulas, type StoreScenario } from "./helpers/storeScenarios";

const leader = STORES.find((s) => s.sheets[0] === SUMMARY_SHEET_NAME) as StoreScenario;
const design = STORES.find((s) => s.sheets[0] === "Randomisering") as StoreScenario;

async function rerun(wb: PreviewWorkbook, sc: StoreScenario, fault?: Fault): Promise<{ code?: string; message: string }> {
  wb.injectFault(fault);
  try {
    await sc.rerun(wb);
    return { message: "" };
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  } finally {
    wb.injectFault(undefined);
  }
}

/** The leader page's values, row by row (what the leader reads). */
function values(wb: PreviewWorkbook, name = SUMMARY_SHEET_NAME): unknown[][] {
  const s = wb.getSheet(name)!;
  const { rowCount, columnCount } = s.usedExtent();
  return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => s.valueAt(r, c)));
}

/** Operation number just after the leader page's cells are cleared in the regeneration's rewrite. */
async function afterClear(): Promise<number> {
  const wb = await leader.setup();
  wb.injectFault({ operation: Number.MAX_SAFE_INTEGER });
  await leader.rerun(wb);
  // The rewrite is the sync with the most operations, right after the unprotect (1 operation); the store's
  // record for the Overblik follows it (partRecords.ts).
  const starts = wb.syncStarts;
  const ops = starts.map((s, i) => (starts[i + 1] ?? s) - s);
  const i = ops.indexOf(Math.max(...ops));
  const rewrite = starts[i];
  expect(starts[i] - starts[i - 1]).toBe(1); // the unprotect sync
  return rewrite + 8; // arm, table/chart deletions, unfreeze, clear, …: just past the clear
}

let setup: { wb: PreviewWorkbook; entries: unknown[]; fresh: unknown[][]; at: number };

beforeAll(async () => {
  const at = await afterClear();
  const reference = await leader.setup();
  await leader.rerun(reference);
  setup = { wb: reference, entries: leader.entries(reference), fresh: values(reference), at };
});

async function start(): Promise<PreviewWorkbook> {
  const wb = await leader.setup();
  pointInto(wb, leader.sheets);
  return wb;
}

test("one fault just after the clear: rewritten in place, the leader's formula into the sheet still works", async () => {
  const wb = await start();
  const r = await rerun(wb, leader, { operation: setup.at });
  expect(r.code).toBe("RENDER_REWRITTEN_IN_PLACE");
  expect(r.message).toMatch(/skrevet færdigt igen på sin plads.*formler, der peger på det, virker stadig/);
  expect(values(wb)).toEqual(setup.fresh);
  expect(userFormulas(wb, leader.sheets)[0]).toEqual({ formula: `='${SUMMARY_SHEET_NAME}'!A1`, value: setup.fresh[0][0] });
  expect(leader.entries(wb)).toEqual(setup.entries);
  expect(protectionOf(wb.getSheet(SUMMARY_SHEET_NAME)!)).toBeDefined();
});

test("three faults (the rewrite in place fails twice): replaced by the complete copy, and the message says formulas show #REF!", async () => {
  const wb = await start();
  const r = await rerun(wb, leader, { operation: setup.at, then: { sync: 1, then: { sync: 1 } } });
  expect(r.code).toBe("RENDER_KEPT_NEW_COPY");
  expect(r.message).toMatch(/erstattet af en komplet ny udgave; formler i andre ark, der pegede på det, viser nu #REF!/);
  expect(values(wb)).toEqual(setup.fresh);
  expect(leader.entries(wb)).toEqual(setup.entries);
  expect(userFormulas(wb, leader.sheets)[0]).toEqual({ formula: "=#REF!A1", value: "#REF!" });
  expect(protectionOf(wb.getSheet(SUMMARY_SHEET_NAME)!)).toBeDefined();
  expect(wb.sheets.filter((s) => s.name.startsWith("~virkning"))).toEqual([]);
  expect(await rerun(wb, leader)).toEqual({ message: "" });
  expect(leader.entries(wb)).toEqual(setup.entries);
});

test("four faults: the copy stays as the registered backup, named in the message; the next Opdater restores it first; nothing is lost", async () => {
  const wb = await start();
  const r = await rerun(wb, leader, { operation: setup.at, then: { sync: 1, then: { sync: 1, then: { sync: 1 } } } });
  expect(r.code).toBe("RENDER_BACKUP_KEPT");
  const hidden = /det skjulte ark "(~virkning[^"]+)"/.exec(r.message)?.[1] as string;
  expect(r.message).toMatch(/kan være ufuldstændigt/);
  // What the message says is where: the hidden copy is complete; the sheet itself was cleared.
  expect(wb.getSheet(hidden)?.visibility).toBe("Hidden");
  expect(values(wb, hidden)).toEqual(setup.fresh);
  expect(values(wb)).not.toEqual(setup.fresh);
  expect((await readRegister(runOf(wb))).backups).toHaveLength(1);
  // The next Opdater (whose store read the incomplete sheet) puts the copy in place and stops.
  const next = await rerun(wb, leader);
  expect(next.code).toBe("RENDER_RESTORED_BACKUP");
  expect(next.message).toMatch(/Kør igen/);
  expect(values(wb)).toEqual(setup.fresh);
  expect(wb.getSheet(hidden)).toBeUndefined();
  // … and the one after that updates, with every entry of the leader's.
  expect(await rerun(wb, leader)).toEqual({ message: "" });
  expect(values(wb)).toEqual(setup.fresh);
  expect(leader.entries(wb)).toEqual(setup.entries);
  const reg = await readRegister(runOf(wb));
  expect([reg.backups, reg.pending, reg.lock]).toEqual([undefined, [], undefined]);
});

describe("unprotect() refused with AccessDenied on a protected sheet (office-js#6784)", () => {
  test.each([leader, design])("$store: the render refuses and says so; the sheet is untouched, still protected, and formulas into it work", async (sc) => {
    const wb = await sc.setup();
    pointInto(wb, sc.sheets);
    const before = values(wb, sc.sheets[0]);
    const formulas = userFormulas(wb, sc.sheets);
    wb.unprotectRefused = true;
    const r = await rerun(wb, sc);
    expect(r.code).toBe("RENDER_UNPROTECT_REFUSED");
    expect(r.message).toContain(`Excel afviste at ophæve beskyttelsen af arket "${sc.sheets[0]}" (AccessDenied)`);
    expect(r.message).toContain("Fjern arkbeskyttelse");
    expect(values(wb, sc.sheets[0])).toEqual(before);
    expect(protectionOf(wb.getSheet(sc.sheets[0])!)).toBeDefined();
    expect(userFormulas(wb, sc.sheets)).toEqual(formulas);
    expect(wb.sheets.filter((s) => s.name.startsWith("~virkning"))).toEqual([]);
    const reg = await readRegister(runOf(wb));
    expect([reg.backups, reg.pending, reg.lock]).toEqual([undefined, [], undefined]);
    // Once Excel lets go, the same Opdater works.
    wb.unprotectRefused = false;
    expect(await rerun(wb, sc)).toEqual({ message: "" });
    expect(userFormulas(wb, sc.sheets)[0].formula).toBe(formulas[0].formula);
  });
});
