import ExcelJS from "exceljs";
import { componentsFromFile, csvRows } from "../../src/workbook/componentsFile";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("csvRows", () => {
  test("the first line's separator; quotes, doubled quotes and line ends inside quotes", () => {
    expect(csvRows('\uFEFFgemeente;jongeren\r\nBeek;"1.234"\r\n"Sittard-Geleen";5\n')).toEqual([
      ["gemeente", "jongeren"],
      ["Beek", "1.234"],
      ["Sittard-Geleen", "5"],
    ]);
    expect(csvRows('gemeente,jongeren\nBeek,"1.234,5"\n"a ""b""\nc",2')).toEqual([
      ["gemeente", "jongeren"],
      ["Beek", "1.234,5"],
      ['a "b"\nc', "2"],
    ]);
    expect(csvRows("gemeente\tsleutel\nBeek\t3,53%")).toEqual([
      ["gemeente", "sleutel"],
      ["Beek", "3,53%"],
    ]);
  });
});

describe("componentsFromFile", () => {
  test("a CSV with Dutch numbers; errors name the file and cell", async () => {
    const t = await componentsFromFile(
      bytes("gemeente;jongeren;toekenningen;declaraties\nBeek;1.234;10;5\nVaals;766;10;5\n"),
      "definitief.csv"
    );
    expect(t.components).toEqual(["jongeren", "toekenningen", "declaraties"]);
    expect(t.rows.map((r) => [r.municipality, r.values.get("jongeren")!.toNumber()])).toEqual([
      ["Beek", 1234],
      ["Vaals", 766],
    ]);
    await expect(
      componentsFromFile(bytes("gemeente;jongeren\nBeek;veel\n"), "definitief.csv")
    ).rejects.toThrow("jongeren of Beek is 'veel': expected a number (definitief.csv!B2)");
  });

  test("the first sheet of an .xlsx, wherever its block starts; an error value by its text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Componenten 2024");
    ws.getCell("C3").value = "gemeente";
    ws.getCell("D3").value = "sleutel";
    ws.getCell("C4").value = "Beek";
    ws.getCell("D4").value = 0.5;
    ws.getCell("C5").value = "Stein";
    ws.getCell("D5").value = { formula: "1-D4", result: 0.5 };
    const t = await componentsFromFile(new Uint8Array(await wb.xlsx.writeBuffer()), "k.xlsx");
    expect(t.components).toEqual(["sleutel"]);
    expect(t.rows.map((r) => r.values.get("sleutel")!.toNumber())).toEqual([0.5, 0.5]);
    ws.getCell("D5").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    await expect(
      componentsFromFile(new Uint8Array(await wb.xlsx.writeBuffer()), "k.xlsx")
    ).rejects.toThrow("sleutel of Stein is '#REF!': expected a number (Componenten 2024!D5)");
  });

  test("other file types are refused", async () => {
    await expect(componentsFromFile(bytes("x"), "k.ods")).rejects.toThrow(
      "k.ods: only .csv and .xlsx files are read"
    );
  });
});
