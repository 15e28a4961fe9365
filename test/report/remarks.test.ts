import { cellList, foldRemarks, Remark, remarkText } from "../../src/report/remarks";

const asText = (cell: string, text: string): Remark => ({
  severity: "warning",
  cell: { sheet: "Uitvoeringsplan", address: cell },
  message: { nl: `getal als tekst opgeslagen: '${text}'`, en: `number stored as text: '${text}'` },
});

describe("foldRemarks", () => {
  it("folds remarks that differ only in the value they quote into one, with their cells", () => {
    const other: Remark = {
      severity: "info",
      cell: { sheet: "Uitvoeringsplan", address: "A32" },
      message: { nl: "Tabel 2 heeft geen kopregel met jaren", en: "Tabel 2 has no year header" },
    };
    const folded = foldRemarks([asText("D12", "1,5"), other, asText("D13", "3.064.067")]);
    expect(folded.map((f) => [f.message.nl, f.count])).toEqual([
      ["2 getallen als tekst opgeslagen", 2],
      ["Tabel 2 heeft geen kopregel met jaren", 1],
    ]);
    expect(folded[0].message.en).toBe("2 numbers stored as text");
    expect(cellList(folded[0].cells)).toBe("Uitvoeringsplan!D12, D13");
  });

  it("keeps a remark alone as it is, and folds an unknown kind with a count", () => {
    const odd = (cell: string): Remark => ({
      severity: "warning",
      cell: { sheet: "Blad 1", address: cell },
      message: { nl: "vreemde waarde 'x'", en: "odd value 'x'" },
    });
    expect(foldRemarks([asText("D12", "1,5")])[0].message.nl).toBe(
      "getal als tekst opgeslagen: '1,5'"
    );
    const [f] = foldRemarks([odd("A1"), odd("B1")]);
    expect(f.message.nl).toBe("2 × vreemde waarde");
    expect(cellList(f.cells)).toBe("'Blad 1'!A1, B1");
  });
});

describe("cellList", () => {
  it("names the sheet once per run of cells and counts what it leaves out", () => {
    const cells = ["D12", "D13", "E12"].map((address) => ({ sheet: "Uitvoeringsplan", address }));
    expect(cellList([...cells, { sheet: "Tabel 6", address: "B5" }], 3)).toBe(
      "Uitvoeringsplan!D12, D13, E12, … (+1 meer)"
    );
  });
});

describe("remarkText", () => {
  it("is one line per kind with its cells, in the pane's language; a remark alone is its message", () => {
    const many = ["D12", "D13", "D14"].map((c, i) => asText(c, `${i},5`));
    const [f] = foldRemarks(many);
    expect(remarkText(f, "nl")).toBe(
      "3 getallen als tekst opgeslagen: Uitvoeringsplan!D12, D13, D14"
    );
    expect(remarkText(f, "en", 2)).toBe(
      "3 numbers stored as text: Uitvoeringsplan!D12, D13, … (+1 more)"
    );
    expect(remarkText(foldRemarks([asText("D12", "1,5")])[0], "nl")).toBe(
      "getal als tekst opgeslagen: '1,5'"
    );
  });

  it("folds one kind across tables into one line, its cells in reading order", () => {
    const folded = foldRemarks([
      { ...asText("D40", "2"), table: "Tabel 6" },
      { ...asText("C12", "1"), table: "Tabel 2" },
      { ...asText("F11", "0"), table: "Tabel 1" },
      { ...asText("B5", "4"), table: "Tabel 6", cell: { sheet: "Tabel 6", address: "B5" } },
      { ...asText("B40", "3"), table: "Tabel 6" },
    ]);
    expect(folded).toHaveLength(1);
    expect(folded[0].table).toBeUndefined();
    expect(remarkText(folded[0], "nl")).toBe(
      "5 getallen als tekst opgeslagen: Uitvoeringsplan!F11, C12, B40, D40, 'Tabel 6'!B5"
    );
    // All about one table: the fold says which.
    const one = foldRemarks([
      { ...asText("D41", "3"), table: "Tabel 6" },
      { ...asText("D40", "2"), table: "Tabel 6" },
    ]);
    expect(one.map((f) => [f.table, f.count, cellList(f.cells)])).toEqual([
      ["Tabel 6", 2, "Uitvoeringsplan!D40, D41"],
    ]);
  });

  it("keeps remarks of different severities apart", () => {
    const info: Remark = { ...asText("D13", "2"), severity: "info" };
    expect(foldRemarks([asText("D12", "1"), info]).map((f) => [f.severity, f.count])).toEqual([
      ["warning", 1],
      ["info", 1],
    ]);
  });
});
