import { areasOf, PAYLOAD_BYTES, readWorkbookGrid } from "../../src/excel/grid";
import { cellAt } from "../../src/reader/grid";
import { excelWith, restoreExcel } from "./excelVersion";
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
    const split = await big.run((c) => readWorkbookGrid(c, { probeCells: 7, maxCells: 7 }));
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

describe("hidden rows and merged cells, as the .xlsx reader gives them", () => {
  afterEach(restoreExcel);
  const titled = () =>
    new MockWorkbook("Plan.xlsx", [
      {
        name: "Plan",
        id: "{p}",
        origin: "A2",
        values: [
          ["Tabel 6 Uitvoeringskosten", "", ""],
          ["Beek", 0.0353, 77075],
          ["Beekdaelen", 0.0612, 133000],
          ["Brunssum", 0.0518, 113000],
          ["totaal", "", 323075],
        ],
        hiddenRows: [4, 5, 9],
        merges: ["A2:C2", "B6:C6"],
      },
    ]);

  test("with ExcelApi 1.13: every hidden row of the used range, and the merged areas", async () => {
    excelWith("1.13");
    const wb = titled();
    const { grid } = await wb.run((c) => readWorkbookGrid(c));
    const sheet = grid.sheets[0];
    // Row 9 is hidden but outside the used range (2–6): the file's reader ignores it too.
    expect([...sheet.hiddenRows].sort()).toEqual([4, 5]);
    expect(sheet.merges).toEqual(["A2:C2", "B6:C6"]);
    expect(wb.missing).toEqual([]);
  });

  test("without ExcelApi 1.13 no merges are asked for; without 1.9 no hidden rows", async () => {
    excelWith("1.12");
    let wb = titled();
    let { grid } = await wb.run((c) => readWorkbookGrid(c));
    expect(grid.sheets[0].merges).toEqual([]);
    expect([...grid.sheets[0].hiddenRows].sort()).toEqual([4, 5]);
    expect(wb.missing).toEqual([]);
    excelWith("1.8");
    wb = titled();
    ({ grid } = await wb.run((c) => readWorkbookGrid(c)));
    expect(grid.sheets[0].hiddenRows.size).toBe(0);
    expect(wb.missing).toEqual([]);
    expect(cellAt(grid.sheets[0], 3, 3)).toEqual({ value: 77075 });
  });

  test("a sheet with every row hidden has them all hidden; a quoted sheet name with a comma", async () => {
    excelWith("1.13");
    const wb = new MockWorkbook("Plan.xlsx", [
      {
        name: "Kosten, 2025",
        id: "{k}",
        origin: "B3",
        values: [["a"], ["b"]],
        hiddenRows: [3, 4],
        merges: ["B3:C3"],
      },
    ]);
    const { grid } = await wb.run((c) => readWorkbookGrid(c));
    expect([...grid.sheets[0].hiddenRows].sort()).toEqual([3, 4]);
    expect(grid.sheets[0].merges).toEqual(["B3:C3"]);
    expect(areasOf("'Kosten, 2025'!B3:C3,'Kosten, 2025'!E5")).toEqual([
      "'Kosten, 2025'!B3:C3",
      "'Kosten, 2025'!E5",
    ]);
  });
});

describe("blocks sized by what the cells weigh, under Excel on the web's 5 MB", () => {
  /** A budget sheet of `rows` lines whose totals are formulas of `length` characters. */
  const budget = (rows: number, length: number) => {
    const values = Array.from({ length: rows }, (_, r) => [`post ${r + 1}`, r * 10, r * 20]);
    const long = `=${"+B1".repeat(Math.ceil(length / 3)).slice(1, length)}`;
    const formulas = values.map((line) => [line[0], line[1], long]);
    return new MockWorkbook("Begroting.xlsx", [
      { name: "Begroting", id: "{b}", origin: "A1", values, formulas },
    ]);
  };

  test("long formulas make smaller blocks; every response stays under the budget", async () => {
    const wb = budget(3000, 400);
    const read = await wb.run((c) =>
      readWorkbookGrid(c, { payloadBytes: 200_000, probeCells: 300 })
    );
    expect(read.batches.length).toBeGreaterThan(5);
    // The first block is the probe; each one after it is sized from what was measured.
    expect(read.batches[0].cells).toBe(300);
    for (const b of read.batches) expect(b.bytes).toBeLessThanOrEqual(200_000);
    expect(wb.responses).toEqual(read.batches.map((b) => b.bytes));
    expect(read.grid.sheets[0].rowCount).toBe(3000);
    expect(cellAt(read.grid.sheets[0], 3000, 1)).toEqual({ value: "post 3000" });
    // Short numbers: the same cells in few blocks.
    const light = new MockWorkbook("Licht.xlsx", [
      {
        name: "Licht",
        id: "{l}",
        origin: "A1",
        values: Array.from({ length: 3000 }, (_, r) => [r, r + 1, r + 2]),
      },
    ]);
    const fast = await light.run((c) =>
      readWorkbookGrid(c, { payloadBytes: 200_000, probeCells: 300 })
    );
    expect(fast.batches.length).toBeLessThan(read.batches.length / 2);
  });

  test("with the defaults a sheet of 60 000 cells with long formulas passes a 5 MB limit", async () => {
    // 20 000 formulas of 400 characters: 8 MB, which one round trip of 40 000 cells would exceed.
    const wb = budget(20_000, 400);
    wb.payloadLimit = 5 * 1024 * 1024;
    const read = await wb.run((c) => readWorkbookGrid(c));
    expect(Math.max(...wb.responses)).toBeLessThanOrEqual(PAYLOAD_BYTES);
    expect(wb.responses.reduce((a, b) => a + b, 0)).toBeGreaterThan(8_000_000);
    expect(read.grid.sheets[0].rowCount).toBe(20_000);
  });

  test("a block heavier than measured is refused by Excel and read again in halves", async () => {
    // Light rows first: the block after the probe is sized for them and meets the heavy ones.
    const values = Array.from({ length: 2000 }, (_, r) => [r, r]);
    const formulas = values.map((line, r) => (r < 300 ? line : [line[0], `="${"x".repeat(300)}"`]));
    const wb = new MockWorkbook("Gemengd.xlsx", [
      { name: "Gemengd", id: "{g}", origin: "A1", values, formulas },
    ]);
    wb.payloadLimit = 100_000;
    const read = await wb.run((c) =>
      readWorkbookGrid(c, { payloadBytes: 90_000, probeCells: 600 })
    );
    for (const b of read.batches) expect(b.bytes).toBeLessThanOrEqual(100_000);
    expect(read.grid.sheets[0].rowCount).toBe(2000);
    expect(cellAt(read.grid.sheets[0], 2000, 2)?.formula).toBe(`"${"x".repeat(300)}"`);
    // More blocks were asked for than answered: the refused ones.
    expect(wb.blocks.length).toBeGreaterThan(read.batches.length);
  });
});
