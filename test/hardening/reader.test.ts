import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core/check";
import { readPlan } from "../../src/reader";
import { GridCell, SheetGrid } from "../../src/reader/grid";
import { gridFromExcelJS } from "../../src/workbook/grid";
import { example, readAndCheck, Outcome } from "./support";
import { LOOKED } from "../../src/reader/looked";

/*
 * Bad input for the workbook reader: docs/BAD-INPUT.md, rows R01–R29. Each case damages an
 * example workbook the way a user might and checks what UP answers: a read note with its cell
 * or a finding of the check — never an exception, never a figure taken silently.
 */

const SHEET = "Uitvoeringsplan";
const ws = (wb: ExcelJS.Workbook, name = SHEET) => wb.getWorksheet(name)!;

let baseline: Outcome;
beforeAll(async () => {
  baseline = await readAndCheck(await example("published"));
});

/** The lines (notes and findings) a damaged workbook gives that the published plan does not. */
function added(o: Outcome): string[] {
  const before = new Set(baseline.lines);
  return o.lines.filter((l) => !before.has(l));
}

async function published(edit: (wb: ExcelJS.Workbook) => void): Promise<Outcome> {
  const wb = await example("published");
  edit(wb);
  return readAndCheck(wb);
}

/** The command line's exit code for a read: 2 when the reader could not read a table. */
const unusable = (o: Outcome) => !o.plan || o.notes.some((n) => n.severity === "error");

test("R01 #REF! in an amount of Tabel 6: the cell named, the table left out", async () => {
  const o = await published((wb) => (ws(wb).getCell("F72").value = { error: "#REF!" }));
  expect(added(o)).toEqual(
    expect.arrayContaining([
      "note error Tabel 6 Uitvoeringsplan!F72: Tabel 6: F72: foutwaarde #REF!",
      expect.stringMatching(/^note error Tabel 6 -: Tabel 6 .* is weggelaten/),
    ])
  );
  expect(o.plan?.contributions).toBeUndefined();
  expect(unusable(o)).toBe(true);
});

test("R02 #DIV/0! in the Tabel 4 total", async () => {
  const o = await published((wb) => (ws(wb).getCell("E56").value = { error: "#DIV/0!" }));
  expect(added(o)).toContain(
    "note error Tabel 4 Uitvoeringsplan!E56: Tabel 4: E56: foutwaarde #DIV/0!"
  );
  expect(o.plan?.totals).toBeUndefined();
  expect(unusable(o)).toBe(true);
});

test("R03 a circular total saved without a result", async () => {
  const o = await published((wb) => (ws(wb).getCell("E56").value = { formula: "E56" } as never));
  expect(added(o)).toContain(
    "note error Tabel 4 Uitvoeringsplan!E56: Tabel 4: E56: formule =E56 zonder opgeslagen uitkomst: open en bewaar het bestand in Excel"
  );
  expect(unusable(o)).toBe(true);
});

test("R04 a circular total that Excel computed as 0 is not taken silently", async () => {
  // As Office.js hands it over: Excel gives a circular reference the value 0.
  const grid = gridFromExcelJS(await example("published"), "plan.xlsx");
  grid.sheets[0].rows.get(56)!.set(5, { value: 0, formula: "E56" });
  const read = readPlan(grid);
  const o = { ...read, check: checkPlan(read.plan!), lines: [] };
  // 2024: formatiekosten jeugd 2.277.731 + materiële kosten jeugd 304.500 = 2.582.231, not 0.
  const link = o.check!.findings.filter((f) => f.year === 2024 && f.rule === "TOTALS-LINK");
  expect(link.map((f) => [f.cell?.address, f.expected?.toNumber(), f.actual?.toNumber()])).toEqual([
    ["E56", 2277731 + 304500, 0],
  ]);
  expect(o.check!.findings.some((f) => f.rule === "ALLOC-LINK" && f.year === 2024)).toBe(true);
});

test("R05 a municipality twice in Tabel 6", async () => {
  const o = await published((wb) => (ws(wb).getCell("A62").value = "Beek"));
  const lines = added(o).filter((l) => l.includes("MUNICIPALITIES"));
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.stringContaining("Uitvoeringsplan!A62: Tabel 6: Beek staat er 2 keer in"),
      expect.stringContaining("Beekdaelen ontbreekt"),
    ])
  );
});

test("R06 an unknown name in Tabel 6 gets the closest municipality", async () => {
  const o = await published((wb) => (ws(wb).getCell("A66").value = "Heerle"));
  expect(added(o)).toContain(
    "finding error MUNICIPALITIES - Uitvoeringsplan!A66: Tabel 6: Onbekende gemeente 'Heerle' — bedoelt u Heerlen?"
  );
});

test("R07 a municipality merged into Beekdaelen", async () => {
  const o = await published((wb) => (ws(wb).getCell("A62").value = "Nuth"));
  expect(added(o)).toContain(
    "finding error MUNICIPALITIES - Uitvoeringsplan!A62: Tabel 6: 'Nuth' is sinds 2019 opgegaan in Beekdaelen — gebruik Beekdaelen"
  );
});

test("R08 a name that is no participating municipality", async () => {
  const o = await published((wb) => (ws(wb).getCell("A62").value = "Amsterdam"));
  expect(added(o)).toContain(
    "finding error MUNICIPALITIES - Uitvoeringsplan!A62: Tabel 6: Onbekende gemeente 'Amsterdam' — geen deelnemende gemeente lijkt erop"
  );
});

test("R09 a municipality's row deleted from Tabel 6", async () => {
  const o = await published((wb) => ws(wb).spliceRows(74, 1));
  const rules = new Set(o.check!.findings.map((f) => f.rule));
  expect(added(o)).toContain(
    "finding error MUNICIPALITIES - -: Tabel 6: Vaals ontbreekt; elke deelnemende gemeente heeft een eigen rij"
  );
  // Without Vaals' 2,56% the keys add up to 97,44%.
  const keySum = o.check!.findings.find((f) => f.rule === "KEY-SUM")!;
  expect(keySum.actual?.toNumber()).toBeCloseTo(1 - 0.0256, 10);
  expect(rules.has("ALLOC-SUM")).toBe(true);
});

test("R10 two plans in one workbook: which one was read is said, per table", async () => {
  const o = await published((wb) => {
    const copy = wb.addWorksheet("Kopie");
    ws(wb).eachRow((row, r) => row.eachCell((c, n) => (copy.getCell(r, n).value = c.value)));
    copy.getCell("F66").value = 1;
  });
  for (const [table, range] of [
    ["Tabel 1", "A5:H28"],
    ["Tabel 4", "A51:H56"],
    ["Tabel 6", "A58:H77"],
  ]) {
    expect(o.lines).toContain(
      `note warning ${table} -: ${table} staat meer dan eens in de werkmap: Uitvoeringsplan!${range} is gelezen, Kopie!${range} niet`
    );
  }
});

test("R11 years as text in a header are read as years", async () => {
  const o = await published((wb) => {
    ws(wb).getCell("E60").value = " 2024 ";
    ws(wb).getCell("D39").value = "2023";
  });
  expect(added(o)).toEqual([]);
  expect(o.plan!.contributions!.years).toEqual([2023, 2024, 2025, 2026, 2027]);
});

test("R12 a header that is not a year does not make a year column", async () => {
  const o = await published((wb) => (ws(wb).getCell("E60").value = "2024a"));
  // Only D60 is a year now: the figures of column E (and B, D before it) belong to no column.
  expect(added(o)).toContain(
    "note error Tabel 6 Uitvoeringsplan!B61: Tabel 6: B61, D61, E61: getal vóór de jaarkolommen dat bij geen kolom hoort"
  );
  expect(o.plan?.contributions).toBeUndefined();
});

test("R13 a negative FTE", async () => {
  const o = await published((wb) => (ws(wb).getCell("E10").value = -1));
  expect(added(o)).toEqual([
    expect.stringMatching(/^finding error FTE-TOTAL 2024 Uitvoeringsplan!E28: /),
    "finding error FTE-VALUE 2024 Uitvoeringsplan!E10: Tabel 1, 'Coordinator' 2024: -1 fte is negatief; een formatie is 0 of meer",
  ]);
});

test("R14 a salary scale outside 1–18", async () => {
  const o = await published((wb) => (ws(wb).getCell("C11").value = 25));
  const f = o.check!.findings.filter((x) => x.rule === "FTE-VALUE");
  expect(f.map((x) => [x.severity, x.cell?.address, x.line])).toEqual([
    ["error", "C11", "Inkopers"],
  ]);
  expect(f[0].message.nl).toContain("25");
});

test("R15 a key column in per-mille is read as percent points, and KEY-SUM says it adds to 1.000%", async () => {
  const o = await published((wb) => {
    for (let r = 61; r <= 76; r++) {
      const text = String(ws(wb).getCell(`B${r}`).value);
      ws(wb).getCell(`B${r}`).value = Number(text.replace("%", "").replace(",", ".")) * 10;
    }
    ws(wb).getCell("B77").value = 1000;
  });
  expect(o.lines).toContain(
    "note warning Tabel 6 Uitvoeringsplan!B61: Tabel 6: de verdeelsleutel in kolom B staat als 35.3 zonder %: gelezen als 35,3%"
  );
  const keySum = o.check!.findings.find((f) => f.rule === "KEY-SUM")!;
  expect(keySum.severity).toBe("error");
  expect(keySum.actual?.toNumber()).toBeCloseTo(10, 10);
  expect(keySum.message.nl).toContain("tellen op tot 1.000%, niet tot 100%");
});

test("R16 keys as percent points without % give the published plan's findings", async () => {
  const o = await published((wb) => {
    for (let r = 61; r <= 76; r++) {
      const text = String(ws(wb).getCell(`B${r}`).value);
      ws(wb).getCell(`B${r}`).value = Number(text.replace("%", "").replace(",", "."));
      ws(wb).getCell(`B${r}`).numFmt = "0.00";
    }
  });
  const findings = (x: Outcome) => x.lines.filter((l) => l.startsWith("finding"));
  expect(findings(o)).toEqual(findings(baseline));
  expect(o.lines).toContain(
    "note warning Tabel 6 Uitvoeringsplan!B61: Tabel 6: de verdeelsleutel in kolom B staat als 3.53 zonder %: gelezen als 3,53%"
  );
});

test("R17 numbers stored as text are read the Dutch way, each with a warning", async () => {
  expect(baseline.lines).toContain(
    "note warning Tabel 1 Uitvoeringsplan!F11: getal als tekst opgeslagen: '1,5'"
  );
  expect(baseline.plan!.staffCosts!.total.values.get(2024)!.value.toNumber()).toBe(3064067);
  expect(baseline.plan!.staffCosts!.total.values.get(2024)!.fromText).toBe(true);
});

test.each([
  ["R18", "n.v.t.", "'n.v.t.' is geen getal"],
  ["R19", true, "WAAR/TRUE is geen getal"],
  ["R20", new Date(Date.UTC(2024, 0, 1)), "een datum, geen getal (celopmaak?)"],
])("%s a wrong type in an amount cell: %p", async (_id, value, message) => {
  const o = await published((wb) => (ws(wb).getCell("E61").value = value as ExcelJS.CellValue));
  expect(added(o)).toContain(`note error Tabel 6 Uitvoeringsplan!E61: Tabel 6: E61: ${message}`);
  expect(o.plan?.contributions).toBeUndefined();
});

test("R21 a table half filled: the empty cell named", async () => {
  const o = await published((wb) => (ws(wb).getCell("F72").value = null));
  const errors = o.notes.filter((n) => n.severity === "error");
  expect(errors.map((n) => n.cell?.address)).toContain("F72");
  expect(errors.map((n) => n.message.nl)).toContain(
    "Tabel 6: lege cellen waar een getal hoort: F72"
  );
  expect(o.plan?.contributions).toBeUndefined();
});

test("R22 formula text in a label is read as text and never evaluated", async () => {
  const label = '=HYPERLINK("http://x";"Inkopers")';
  const o = await published((wb) => (ws(wb).getCell("A11").value = label));
  expect(o.plan!.staffing!.roles.map((r) => r.label)).toContain(label);
  expect(added(o)).toEqual([]);
});

test("R23 merged cells over the Tabel 6 header", async () => {
  const o = await published((wb) => ws(wb).mergeCells("D60:E60"));
  expect(added(o)).toContain(
    "note error Tabel 6 Uitvoeringsplan!B61: Tabel 6: B61, D61, E61: getal vóór de jaarkolommen dat bij geen kolom hoort"
  );
  expect(unusable(o)).toBe(true);
});

test("R24 a figure changed by hand is found", async () => {
  const o = await published((wb) => (ws(wb).getCell("F61").value = "78.075"));
  const rules = o
    .check!.findings.filter((f) => f.year === 2025)
    .map((f) => [f.rule, f.cell?.address]);
  expect(rules).toEqual(
    expect.arrayContaining([
      ["ALLOC-AMOUNT", "F61"],
      ["ALLOC-SUM", "F77"],
    ])
  );
});

test("R25 the template without UP_Formatie", async () => {
  const wb = await example("template");
  wb.removeWorksheet(ws(wb, "Formatie").id);
  const o = await readAndCheck(wb);
  expect(o.lines).toContain(
    "note info Tabel 1 -: Excel-tabel UP_Formatie niet gevonden: Tabel 1 (formatieplan) ontbreekt"
  );
  const status = new Map(o.check!.rules.map((r) => [r.rule, r.status]));
  expect([status.get("FTE-TOTAL"), status.get("FTE-VALUE")]).toEqual([
    "not-applicable",
    "not-applicable",
  ]);
});

test("R26 the template with a year twice", async () => {
  const wb = await example("template");
  ws(wb, "Bijdragen").getCell("D1").value = "2023";
  const o = await readAndCheck(wb);
  const error = o.notes.find((n) => n.severity === "error" && /twee keer|twice/.test(n.message.nl));
  expect(error?.message.en).toContain("UP_Bijdragen has a year twice");
  expect(o.plan?.contributions).toBeUndefined();
});

test("R27 the plan on a hidden sheet is read, and that is said", async () => {
  const o = await published((wb) => (ws(wb).state = "hidden"));
  expect(o.lines).toContain(
    "note info - -: Werkblad 'Uitvoeringsplan' is verborgen; het plan is er toch uit gelezen"
  );
  expect(o.lines.filter((l) => l.startsWith("finding"))).toEqual(
    baseline.lines.filter((l) => l.startsWith("finding"))
  );
});

test("R28 a huge sheet without a plan: no plan, within 5 seconds", () => {
  const rows = new Map<number, Map<number, GridCell>>();
  for (let r = 1; r <= 1000; r++) {
    const cells = new Map<number, GridCell>();
    for (let c = 1; c <= 200; c++) cells.set(c, { value: (r * 7919 + c * 104729) % 100000 });
    rows.set(r, cells);
  }
  const sheet: SheetGrid = {
    name: "Groot",
    rows,
    rowCount: 1000,
    columnCount: 200,
    tables: [],
    merges: [],
    hiddenRows: new Set(),
    hidden: false,
  };
  const start = Date.now();
  const r = readPlan({ name: "groot.xlsx", sheets: [sheet] });
  const ms = Date.now() - start;
  console.log(`R28: 200 000 cells read in ${ms} ms`);
  expect(r.plan).toBeUndefined();
  expect(r.notes.map((n) => n.message.nl)).toContain("Geen uitvoeringsplan gevonden");
  expect(ms).toBeLessThan(5000);
});

test("R29 an empty workbook", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Blad1");
  const o = await readAndCheck(wb, "leeg.xlsx");
  expect(o.plan).toBeUndefined();
  expect(o.notes.map((n) => n.message.nl)).toEqual(["Geen uitvoeringsplan gevonden"]);
  // What was looked for, as the pane and the command line say it with the note.
  expect(LOOKED.join("\n")).toContain("UP_Formatie");
});

describe("a label emptied or merged inside Tabel 6 (issue 18, item 1)", () => {
  /** Beekdaelen's name cell. */
  const name = "A62";
  /** Tabel 6 as read, the reader's errors and the municipalities the check misses. */
  const outcome = (o: Outcome) => ({
    range: o.plan?.source.tables["Tabel 6"],
    rows: o.plan?.contributions?.rows.length,
    errors: o.notes.filter((n) => n.severity === "error").map((n) => n.message.nl),
    allocSum: o.check?.findings.filter((f) => f.rule === "ALLOC-SUM").map((f) => f.year),
    missing: o.check?.findings
      .filter((f) => f.rule === "MUNICIPALITIES")
      .map((f) => f.municipality ?? f.cell?.address),
  });

  test("R39 a municipality's name cell emptied: Tabel 6 read to its total, the cell named", async () => {
    const o = await published((wb) => (ws(wb).getCell("A62").value = null));
    expect(outcome(o)).toEqual({
      range: "Uitvoeringsplan!A58:H77",
      rows: 16,
      errors: [
        "Tabel 6: A62 is leeg, maar rij 62 heeft bedragen en er volgen nog rijen van de tabel: vul de naam in (de tabel is doorgelezen tot de totaalregel)",
      ],
      allocSum: baseline.check!.findings.filter((f) => f.rule === "ALLOC-SUM").map((f) => f.year),
      missing: [name, "Beekdaelen"],
    });
    expect(unusable(o)).toBe(true);
  });

  test("R40 two name cells merged (A61:A62): the merge named, Tabel 6 read to its total", async () => {
    const o = await published((wb) => ws(wb).mergeCells("A61:A62"));
    expect(outcome(o)).toMatchObject({
      range: "Uitvoeringsplan!A58:H77",
      rows: 16,
      errors: [expect.stringContaining("A62 ligt in de samengevoegde cellen A61:A62")],
      missing: [name, "Beekdaelen"],
    });
  });
});
