import { readWorkbookGrid } from "../../src/excel/grid";
import { cellAt } from "../../src/reader/grid";
import { MockWorkbook } from "./mockWorkbook";

describe("readWorkbookGrid: Office.js ranges as a WorkbookGrid", () => {
  const wb = new MockWorkbook(
    "Bijdragen.xlsx",
    [
      {
        name: "Tabel 6",
        id: "{t6}",
        origin: "B3",
        values: [
          ["gemeente", "sleutel", 2025],
          ["Beek", 0.0353, 77075],
          ["Heerlen", "11,97%", "#REF!"],
          ["", "", 338150],
        ],
        formulas: [
          ["gemeente", "sleutel", 2025],
          ["Beek", 0.0353, "=ROUND(C4*$D$9,0)"],
          ["Heerlen", "11,97%", "=ROUND(C5*#REF!,0)"],
          ["", "", "=SUM(D4:D5)"],
        ],
        numberFormat: [
          ["General", "General", "0"],
          ["General", "0.00%", "#,##0"],
          ["General", "@", "#,##0"],
          ["General", "General", "#,##0"],
        ],
        valueTypes: [
          ["String", "String", "Double"],
          ["String", "Double", "Double"],
          ["String", "String", "Error"],
          ["Empty", "Empty", "Double"],
        ],
      },
      { name: "Leeg", id: "{leeg}", origin: "A1", values: [] },
    ],
    [{ name: "UP_Bijdragen", sheet: "Tabel 6", address: "B3:D6" }]
  );

  test("cells keep their place, value, formula and number format", async () => {
    const { grid, sheetIds } = await wb.run((c) => readWorkbookGrid(c));
    expect(grid.name).toBe("Bijdragen.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual(["Tabel 6", "Leeg"]);
    expect(sheetIds.get("Tabel 6")).toBe("{t6}");
    const t6 = grid.sheets[0];
    // The used range starts at B3: its first cell is row 3, column 2.
    expect(cellAt(t6, 3, 2)).toEqual({ value: "gemeente" });
    expect(cellAt(t6, 4, 3)).toEqual({ value: 0.0353, numFmt: "0.00%" });
    expect(cellAt(t6, 4, 4)).toEqual({
      value: 77075,
      formula: "ROUND(C4*$D$9,0)",
      numFmt: "#,##0",
    });
    expect(cellAt(t6, 5, 3)).toEqual({ value: "11,97%", numFmt: "@" });
    expect(cellAt(t6, 5, 4)).toEqual({
      value: { error: "#REF!" },
      formula: "ROUND(C5*#REF!,0)",
      numFmt: "#,##0",
    });
    // Empty cells are absent, as in the grid ExcelJS produces.
    expect(cellAt(t6, 6, 2)).toBeUndefined();
    expect(cellAt(t6, 6, 4)?.formula).toBe("SUM(D4:D5)");
    expect(t6.rowCount).toBe(6);
    expect(t6.columnCount).toBe(4);
    expect(t6.tables).toEqual([{ name: "UP_Bijdragen", ref: "B3:D6" }]);
    expect(t6.hidden).toBe(false);
  });

  test("a sheet without used range is an empty sheet", async () => {
    const { grid } = await wb.run((c) => readWorkbookGrid(c));
    const leeg = grid.sheets[1];
    expect(leeg.rows.size).toBe(0);
    expect(leeg.rowCount).toBe(0);
    expect(leeg.tables).toEqual([]);
  });

  test("a large used range is read in blocks that together give the same grid", async () => {
    const big = new MockWorkbook("Groot.xlsx", [
      {
        name: "Begroting",
        id: "{b}",
        origin: "C2",
        values: Array.from({ length: 10 }, (_, r) => [
          `regel ${r + 1}`,
          r * 10,
          r % 3 === 0 ? "" : r,
        ]),
      },
    ]);
    const whole = await big.run((c) => readWorkbookGrid(c));
    expect(big.blocks).toEqual([{ sheet: "Begroting", row: 1, column: 2, rows: 10, columns: 3 }]);
    big.blocks.length = 0;
    // 7 cells per round trip: two rows of three columns per block, one block per round trip.
    const split = await big.run((c) => readWorkbookGrid(c, 7));
    expect(big.blocks.map((b) => [b.row, b.rows])).toEqual([
      [1, 2],
      [3, 2],
      [5, 2],
      [7, 2],
      [9, 2],
    ]);
    expect(split.grid).toEqual(whole.grid);
    const sheet = split.grid.sheets[0];
    expect(cellAt(sheet, 11, 3)).toEqual({ value: "regel 10" });
    expect(cellAt(sheet, 11, 4)).toEqual({ value: 90 });
    // Row 1 of the data (r = 0) has an empty third cell: absent.
    expect(cellAt(sheet, 2, 5)).toBeUndefined();
    expect(sheet.rowCount).toBe(11);
    expect(sheet.columnCount).toBe(5);
  });
});
