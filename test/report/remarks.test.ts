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

  it("keeps remarks about different tables apart", () => {
    const folded = foldRemarks([
      { ...asText("D12", "1"), table: "Tabel 2" },
      { ...asText("D40", "2"), table: "Tabel 6" },
      { ...asText("D41", "3"), table: "Tabel 6" },
    ]);
    expect(folded.map((f) => [f.table, f.count])).toEqual([
      ["Tabel 2", 1],
      ["Tabel 6", 2],
    ]);
  });
});
