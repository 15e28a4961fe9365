import fc from "fast-check";
import {
  address,
  columnLetter,
  columnNumber,
  formatCell,
  formatRange,
  formatReference,
  MAX_COLUMN,
  MAX_ROW,
  parseAddress,
  parseReference,
  quoteSheetName,
  Reference,
  referencesIn,
  sheetNeedsQuotes,
  splitOutside,
} from "../../src/core/address";

const runs = { numRuns: Number(process.env.UP_FUZZ_RUNS ?? 300) };

/** Sheet names as users write them: letters of any script, digits, spaces, quotes, signs. */
const sheetName = fc
  .array(
    fc.constantFrom(
      ..."abcXYZ019 _.-'ëéçøßÆĲΩжИ漢()&+,;!%[]".split(""),
      "Tabel",
      "Materiële",
      "A1",
      "R2C3"
    ),
    { minLength: 1, maxLength: 6 }
  )
  .map((parts) => parts.join("").slice(0, 31))
  .filter((s) => s.trim() !== "" && !/[[\]]/.test(s));

const row = fc.integer({ min: 1, max: MAX_ROW });
const column = fc.integer({ min: 1, max: MAX_COLUMN });

const reference: fc.Arbitrary<Reference> = fc
  .tuple(
    fc.option(sheetName, { nil: undefined }),
    fc.constantFrom("cell", "range", "rows", "columns"),
    row,
    row,
    column,
    column
  )
  .map(([sheet, kind, r0, r1, c0, c1]) => {
    const [top, bottom] = [Math.min(r0, r1), Math.max(r0, r1)];
    const [left, right] = [Math.min(c0, c1), Math.max(c0, c1)];
    const area =
      kind === "cell"
        ? { top, bottom: top, left, right: left }
        : kind === "rows"
          ? { top, bottom, left: 1, right: MAX_COLUMN }
          : kind === "columns"
            ? { top: 1, bottom: MAX_ROW, left, right }
            : { top, bottom, left, right };
    return { ...(sheet === undefined ? {} : { sheet }), kind, ...area } as Reference;
  });

describe("the address grammar", () => {
  test("columns: A, Z, AA, XFD and back", () => {
    expect([1, 26, 27, 52, 703, MAX_COLUMN].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "AAA",
      "XFD",
    ]);
    fc.assert(
      fc.property(column, (c) => columnNumber(columnLetter(c)) === c),
      runs
    );
    expect(columnNumber("xfe")).toBeUndefined();
    expect(columnNumber("$D")).toBeUndefined();
  });

  test("cells: with or without $ anchors, within Excel's grid", () => {
    expect(parseAddress("$D$7")).toEqual({ row: 7, column: 4 });
    expect(parseAddress("d7")).toEqual({ row: 7, column: 4 });
    expect(parseAddress("XFD1048576")).toEqual({ row: MAX_ROW, column: MAX_COLUMN });
    expect(parseAddress("XFE1")).toBeUndefined();
    expect(parseAddress("A1048577")).toBeUndefined();
    expect(parseAddress("A0")).toBeUndefined();
    fc.assert(
      fc.property(row, column, (r, c) => {
        const p = parseAddress(address(r, c));
        return p?.row === r && p.column === c;
      }),
      runs
    );
  });

  test("Excel's quoting rules for sheet names", () => {
    const bare = [
      "Blad1",
      "Uitvoeringsplan",
      "Materiële",
      "Überblick",
      "Тabel",
      "漢字",
      "_x",
      "Plan.2024",
    ];
    const quoted = [
      ["Tabel 6", "'Tabel 6'"],
      ["O'Brien", "'O''Brien'"],
      ["2024", "'2024'"],
      ["1e", "'1e'"],
      ["A1", "'A1'"],
      ["XFD1048576", "'XFD1048576'"],
      ["R2C3", "'R2C3'"],
      ["rc", "'rc'"],
      ["C", "'C'"],
      ["TRUE", "'TRUE'"],
      ["Sheet-1", "'Sheet-1'"],
      ["kosten (jeugd)", "'kosten (jeugd)'"],
      [".verborgen", "'.verborgen'"],
    ];
    for (const name of bare) expect(quoteSheetName(name)).toBe(name);
    for (const [name, written] of quoted) expect(quoteSheetName(name)).toBe(written);
    // A name beyond the grid is no cell: XFE1 and A1048577 stand bare.
    expect(sheetNeedsQuotes("XFE1")).toBe(false);
  });

  test("format → parse is the identity, for any sheet name and area", () => {
    fc.assert(
      fc.property(reference, (ref) => {
        expect(parseReference(formatReference(ref))).toEqual(ref);
      }),
      runs
    );
  });

  test("a quoted name parses whether or not Excel needed the quotes", () => {
    fc.assert(
      fc.property(sheetName, row, column, (sheet, r, c) => {
        const local = address(r, c);
        const quoted = `'${sheet.replace(/'/g, "''")}'!${local}`;
        expect(parseReference(quoted)?.sheet).toBe(sheet);
        expect(parseReference(formatCell({ sheet, address: local }))?.sheet).toBe(sheet);
        if (!sheetNeedsQuotes(sheet))
          expect(parseReference(`${sheet}!${local}`)?.sheet).toBe(sheet);
      }),
      runs
    );
  });

  test("references as formulas and change events write them", () => {
    expect(parseReference("Materiële!E40:E44")).toEqual({
      sheet: "Materiële",
      kind: "range",
      top: 40,
      bottom: 44,
      left: 5,
      right: 5,
    });
    expect(parseReference("'Tabel 6'!$D$7:B2")).toMatchObject({
      sheet: "Tabel 6",
      top: 2,
      bottom: 7,
      left: 2,
      right: 4,
    });
    expect(parseReference("'it''s'!A1")?.sheet).toBe("it's");
    expect(parseReference("$3:$5")).toMatchObject({ kind: "rows", top: 3, bottom: 5 });
    expect(parseReference("C:$E")).toMatchObject({ kind: "columns", left: 3, right: 5 });
    for (const bad of ["", "niets", "A1:B2:C3", "Tabel 6!A1", "'Tabel 6!A1", "''!A1", "A1:"])
      expect(parseReference(bad)).toBeUndefined();
    expect(formatRange({ top: 58, left: 1, bottom: 75, right: 8 }, "Tabel 6")).toBe(
      "'Tabel 6'!A58:H75"
    );
  });

  test("lists split at ; or , outside quotes, strings and brackets", () => {
    expect(splitOutside("D=2023;E=2024,F=2025", ";,")).toEqual(["D=2023", "E=2024", "F=2025"]);
    expect(splitOutside("SUM(A1;B2);'a;b'!C3", ";")).toEqual(["SUM(A1;B2)", "'a;b'!C3"]);
    expect(splitOutside('IF(A1>0,"x,y",B1)+C1', "+,")).toEqual(['IF(A1>0,"x,y",B1)', "C1"]);
  });

  test("references in a formula: every sheet, both separators, not inside strings or names", () => {
    const refs = referencesIn(
      "SOM(Materiële!E40:E44;'Tabel 6'!B2,C3)+LOG10(D4)+\"Blad9!A1\"+VLOOKUP(x,Data!$A:$B,2)"
    );
    expect(refs.map(formatReference)).toEqual([
      "Materiële!E40:E44",
      "'Tabel 6'!B2",
      "C3",
      "D4",
      "Data!A:B",
    ]);
  });
});
