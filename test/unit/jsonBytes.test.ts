/**
 * jsonUtf8Bytes (src/core/jsonBytes.ts) counts what the payload limit counts: the UTF-8 bytes of the JSON
 * text, as Node's Buffer.byteLength of JSON.stringify, for any grid of cells (escapes, control characters,
 * "æøå", emoji, lone surrogates, non-finite numbers, holes) and for anything else through JSON.stringify.
 */
import fc from "fast-check";
import { jsonUtf8Bytes } from "../../src/core/jsonBytes";

const reference = (v: unknown): number => {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : Buffer.byteLength(s, "utf8");
};

const cell = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("æøå", "\"\\", "\b\t\n\f\r\u0001\u001f\u007f", "\ud800", "x\udc00y", "😀", "", "Kontanthjælp"),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

test("a grid of cells: the same bytes as Buffer.byteLength(JSON.stringify(grid))", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }), (grid) => {
      expect(jsonUtf8Bytes(grid)).toBe(reference(grid));
      for (const row of grid) expect(jsonUtf8Bytes(row)).toBe(reference(row));
    }),
  );
});

test("scalars, objects, dates, holes and undefined", () => {
  // eslint-disable-next-line no-sparse-arrays
  const values: unknown[] = ["a\"b", -0, NaN, Infinity, 1e21, 5e-7, true, null, undefined, { a: ["ø", 1] }, [new Date(0), "x"], [, 1], [[1, [2, "é"]], []], () => 1];
  for (const v of values) expect(jsonUtf8Bytes(v)).toBe(reference(v));
});
