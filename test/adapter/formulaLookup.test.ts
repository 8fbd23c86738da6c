/**
 * The preview's VLOOKUP (used by the nøgletal flags) and its failure modes as Microsoft's VLOOKUP
 * reference states them: #N/A when not found, #VALUE! for a column index below 1 or lookup text over
 * 255 characters, #REF! for a column index beyond the table; exact match compares text case-insensitively
 * with the wildcards ? and * (~ escapes); a found empty cell gives 0. Approximate match is not evaluated.
 */
import { createPreviewWorkbook } from "../../src/preview/workbook";

async function compute(formulas: string[]): Promise<unknown[]> {
  const wb = createPreviewWorkbook();
  return wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Ark1");
    ws.getRange("A1:C4").values = [
      ["mindst", "Min", 1],
      ["Højst", "Max", ""],
      ["a*b", "Stjerne", 3],
      [7, "Syv", 4],
    ];
    const out = ws.getRange(`E1:E${formulas.length}`);
    out.formulas = formulas.map((f) => [f]);
    out.load("values");
    await context.sync();
    return out.values.map((r) => r[0]);
  });
}

test("VLOOKUP exact match: found values, case-insensitive text, numbers by value, an empty cell as 0", async () => {
  expect(await compute(['=VLOOKUP("MINDST",A1:C4,2,FALSE)', '=VLOOKUP("højst",A1:C4,3,FALSE)', "=VLOOKUP(7,A1:C4,2,FALSE)", '=VLOOKUP("7",A1:C4,2,FALSE)'])).toEqual(["Min", 0, "Syv", "#N/A"]);
});

test("VLOOKUP failure modes: #N/A, #VALUE!, #REF!, and IFERROR around them", async () => {
  const long = "x".repeat(256);
  expect(await compute(['=VLOOKUP("ingen",A1:C4,2,FALSE)', '=VLOOKUP("mindst",A1:C4,0,FALSE)', '=VLOOKUP("mindst",A1:C4,4,FALSE)', `=VLOOKUP("${long}",A1:C4,2,FALSE)`, '=IFERROR(VLOOKUP("ingen",A1:C4,2,FALSE),"interval")', "=VLOOKUP(D9,A1:C4,2,FALSE)"])).toEqual([
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#VALUE!",
    "interval",
    "#N/A",
  ]);
});

test("VLOOKUP wildcards: * and ? match, ~ makes them literal", async () => {
  expect(await compute(['=VLOOKUP("mind*",A1:C4,2,FALSE)', '=VLOOKUP("h?jst",A1:C4,2,FALSE)', '=VLOOKUP("a~*b",A1:C4,2,FALSE)', '=VLOOKUP("a~?b",A1:C4,2,FALSE)'])).toEqual(["Min", "Max", "Stjerne", "#N/A"]);
});
