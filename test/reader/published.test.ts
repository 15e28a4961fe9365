import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatDecimal, formatPercent, readDutchNumber } from "../../src/core/dutchNumber";
import { plan2024 } from "../../src/core/plan2024";
import { readPlan, ReadResult } from "../../src/reader";
import { formatInfo } from "../../src/reader/cells";
import { GridCell, SheetGrid } from "../../src/reader/grid";
import { figureDifferences } from "../workbook/planFigures";
import { CellData, Cells, map, publishedCells, readSheets, rowOf, set } from "./sheetCells";
import { LOOKED } from "../../src/reader/looked";

/*
 * The published layout read from variants of the pasted 2024 plan, each written to a real
 * .xlsx with ExcelJS. Expected figures are the published plan's (plan2024), never the reader's.
 */

const errors = (r: ReadResult) => r.notes.filter((n) => n.severity === "error");

function expectSamePlan(r: ReadResult) {
  expect(errors(r)).toEqual([]);
  expect(r.layout).toBe("published");
  expect(figureDifferences(r.plan!, plan2024())).toEqual([]);
}

/** Text of a cell as a pasted line has it: Dutch notation. */
function dutch(d: CellData): string {
  if (typeof d.value === "string") return d.value;
  if (typeof d.value === "number") {
    const f = formatInfo(d.numFmt);
    const value = readDutchNumber(String(d.value).replace(".", ","))!.value;
    if (f.percent) return formatPercent(value, f.maxDecimals);
    // General shows no thousands separator: 2023 stays 2023.
    return f.general ? String(d.value).replace(".", ",") : formatDecimal(value);
  }
  return "";
}

/** Rows of Tabel 6: the 16 municipalities and the unlabeled total row below them. */
function tabel6Rows(cells: Cells): number[] {
  const first = rowOf(cells, "Beek", rowOf(cells, "verdeelsleutel kosten"));
  return Array.from({ length: 17 }, (_, i) => first + i);
}

/** Puts each given row, label and numbers, as one line of text into its column A. */
function joinRows(cells: Cells, rows: number[]): Cells {
  const out = map(cells, (r, c, d) => [r, c, d]);
  for (const r of rows) {
    const row = cells.get(r)!;
    const text = [...row.keys()]
      .sort((a, b) => a - b)
      .map((c) => dutch(row.get(c)!))
      .join(" ");
    out.set(r, new Map([[1, { value: text }]]));
  }
  return out;
}

describe("published layout variants read the same figures", () => {
  test("the plan moved down and right, on a second sheet", async () => {
    const cells = publishedCells();
    const moved = map(cells, (r, c, d) => [r + 6, c + 2, d]);
    const notes = new Map([[1, new Map([[1, { value: "Aantekeningen bij de begroting" }]])]]);
    const r = await readSheets([
      { name: "Notities", cells: notes },
      { name: "Plan 2024", cells: moved },
    ]);
    expectSamePlan(r);
    const beek = rowOf(cells, "Beek") + 6;
    const fig = r.plan!.contributions!.rows[0].values.get(2024)!;
    // 2024 is the second year column; the years start in column D, moved two to the right.
    expect(fig.cell).toEqual({ sheet: "Plan 2024", address: `G${beek}` });
    expect(r.plan!.source.tables["Tabel 6"]).toMatch(/^'Plan 2024'!C\d+:J\d+$/);
  });

  test("the tables in another order: Tabel 6 first, Tabel 1 last", async () => {
    const cells = publishedCells();
    const t1 = rowOf(cells, "Tabel 1. Formatieplan");
    const t2 = rowOf(cells, "Tabel 2 Formatiekosten");
    const t6 = rowOf(cells, "verdeelsleutel kosten") - 2;
    const end = Math.max(...cells.keys());
    // Tabel 6 to the top, Tabel 1 below everything else.
    const moved = map(cells, (r, c, d) => {
      if (r >= t6) return [r - t6 + 1, c, d];
      if (r >= t1 && r < t2) return [r + end, c, d];
      return [r + end - t6 + 3, c, d];
    });
    expectSamePlan(await readSheets([{ name: "Blad1", cells: moved }]));
  });

  test("blank rows between all rows and a blank column after the labels", async () => {
    const spread = map(publishedCells(), (r, c, d) => [1 + (r - 1) * 3, c === 1 ? 1 : c + 1, d]);
    expectSamePlan(await readSheets([{ name: "Blad1", cells: spread }]));
  });

  test("every number a true number with a number format", async () => {
    const numbers = map(publishedCells(), (r, c, d) => {
      const n = typeof d.value === "string" ? readDutchNumber(d.value) : undefined;
      if (!n) return [r, c, d];
      const numFmt = n.percent
        ? n.decimals > 0
          ? `0.${"0".repeat(n.decimals)}%`
          : "0%"
        : n.decimals === 0
          ? "#,##0"
          : undefined;
      return [r, c, { value: n.value.toNumber(), numFmt }];
    });
    const r = await readSheets([{ name: "Blad1", cells: numbers }]);
    expectSamePlan(r);
    expect(r.notes.filter((n) => /als tekst/.test(n.message.nl))).toEqual([]);
  });

  test("every number Dutch text, each noted with its cell", async () => {
    let texts = 0;
    const text = map(publishedCells(), (r, c, d) => {
      if (typeof d.value !== "number") return [r, c, d];
      texts++;
      return [r, c, { value: dutch(d) }];
    });
    const r = await readSheets([{ name: "Blad1", cells: text }]);
    expectSamePlan(r);
    const asText = r.notes.filter((n) => n.message.nl.startsWith("getal als tekst opgeslagen"));
    expect(asText.every((n) => n.severity === "warning" && n.cell !== undefined)).toBe(true);
    expect(texts).toBeGreaterThan(50);
    // Year headers became text too but are headers, not figures.
    expect(asText.length).toBeGreaterThan(100);
  });

  test("keys stored as 3.53 instead of 3,53%: read as percentages, with a warning", async () => {
    const cells = publishedCells();
    for (const r of tabel6Rows(cells)) {
      const key = readDutchNumber(cells.get(r)!.get(2)!.value as string)!;
      set(cells, r, 2, { value: key.value.times(100).toNumber(), numFmt: "0.00" });
    }
    const r = await readSheets([{ name: "Blad1", cells }]);
    expectSamePlan(r);
    const note = r.notes.find(
      (n) => n.table === "Tabel 6" && n.severity === "warning" && /zonder %/.test(n.message.nl)
    );
    expect(note?.cell?.address).toBe(`B${tabel6Rows(cells)[0]}`);
    expect(note?.message.nl).toContain("3,53%");
  });

  test("keys stored as fractions 0.0353 without a % format", async () => {
    const cells = publishedCells();
    for (const r of tabel6Rows(cells)) {
      const key = readDutchNumber(cells.get(r)!.get(2)!.value as string)!;
      set(cells, r, 2, { value: key.value.toNumber(), numFmt: "0.0000" });
    }
    expectSamePlan(await readSheets([{ name: "Blad1", cells }]));
  });

  test("Tabel 6 and Tabel 4 pasted as whole lines in one cell", async () => {
    const cells = publishedCells();
    const t4 = rowOf(
      cells,
      "formatiekosten jeugd",
      rowOf(cells, "formatiekosten en materiële kosten")
    );
    const lines = joinRows(cells, [...tabel6Rows(cells), t4, t4 + 1, t4 + 2]);
    const r = await readSheets([{ name: "Blad1", cells: lines }]);
    expectSamePlan(r);
    const beek = tabel6Rows(cells)[0];
    expect(r.plan!.contributions!.rows[0].key!.cell).toEqual({
      sheet: "Blad1",
      address: `A${beek}`,
    });
    expect(r.notes.some((n) => n.table === "Tabel 6" && /in één cel/.test(n.message.nl))).toBe(
      true
    );
  });

  test("the whole plan pasted into column A: tables whose lines fit are read, Tabel 1 and 3 are refused", async () => {
    const cells = publishedCells();
    const all = joinRows(
      cells,
      [...cells.keys()].filter((r) => cells.get(r)!.size > 1)
    );
    const r = await readSheets([{ name: "Blad1", cells: all }]);
    const inhuur = rowOf(cells, "Inkopers INHUUR");
    const refused = errors(r).find((n) => n.cell?.address === `A${inhuur}`);
    expect(refused?.table).toBe("Tabel 1");
    expect(refused?.message.nl).toContain("2 getallen voor 6 kolommen");
    expect(r.plan!.staffing).toBeUndefined();
    // Lines with empty cells (inhuur flex: one amount for five years) cannot be placed.
    const flex = errors(r).find((n) => n.cell?.address === `A${rowOf(cells, "inhuur flex")}`);
    expect(flex?.table).toBe("Tabel 3");
    expect(flex?.message.nl).toContain("1 getallen voor 5 kolommen");
    expect(r.plan!.materialCosts).toBeUndefined();
    const expected = plan2024();
    delete expected.staffing;
    delete expected.materialCosts;
    expect(figureDifferences(r.plan!, expected)).toEqual([]);
  });

  test("names as people write them resolve; an unknown name stays unresolved for the rule", async () => {
    const cells = publishedCells();
    set(cells, rowOf(cells, "Valkenburg aan de Geul"), 1, { value: "Valkenburg a/d Geul" });
    set(cells, rowOf(cells, "Sittard-Geleen"), 1, { value: "Sittard Gelen" });
    const r = await readSheets([{ name: "Blad1", cells }]);
    const rows = r.plan!.contributions!.rows;
    expect(rows.find((x) => x.label === "Valkenburg a/d Geul")?.municipality).toBe(
      "Valkenburg aan de Geul"
    );
    const unknown = rows.find((x) => x.label === "Sittard Gelen");
    expect(unknown).toBeDefined();
    expect(unknown!.municipality).toBeUndefined();
  });
});

describe("half-filled and damaged tables are refused with the table and the cells", () => {
  test("Tabel 6 with municipalities but no amounts", async () => {
    const cells = publishedCells();
    for (const r of tabel6Rows(cells)) for (let c = 4; c <= 8; c++) set(cells, r, c, undefined);
    const r = await readSheets([{ name: "Blad1", cells }]);
    const e = errors(r).find((n) => n.table === "Tabel 6" && n.cell);
    expect(e?.message.nl).toContain("geen bedragen");
    expect(e?.cell?.address).toBe(`D${tabel6Rows(cells)[0]}`);
    expect(errors(r).some((n) => n.table === "Tabel 6" && /weggelaten/.test(n.message.nl))).toBe(
      true
    );
    expect(r.plan!.contributions).toBeUndefined();
    expect(r.plan!.totals).toBeDefined();
  });

  test("a year column with an empty cell where an amount must be", async () => {
    const cells = publishedCells();
    const row = rowOf(
      cells,
      "materiele kosten jeugd",
      rowOf(cells, "formatiekosten en materiële kosten")
    );
    set(cells, row, 6, undefined);
    const r = await readSheets([{ name: "Blad1", cells }]);
    const e = errors(r).find((n) => n.table === "Tabel 4" && n.cell);
    expect(e?.cell?.address).toBe(`F${row}`);
    expect(e?.message.nl).toContain(`F${row}`);
    expect(r.plan!.totals).toBeUndefined();
    expect(r.plan!.staffCosts).toBeDefined();
  });

  test("a formula without a stored result, an error value and a word where a number must be", async () => {
    const cells = publishedCells();
    const total = rowOf(cells, "totaal", rowOf(cells, "formatiekosten en materiële kosten"));
    const beek = tabel6Rows(cells)[0];
    set(cells, total, 5, { value: { formula: `E${total - 2}+E${total - 1}` } as never });
    set(cells, beek, 5, { value: { error: "#REF!" } as never });
    set(cells, beek + 1, 6, { value: "n.v.t." });
    const r = await readSheets([{ name: "Blad1", cells }]);
    const at = (a: string) => errors(r).find((n) => n.cell?.address === a);
    expect(at(`E${total}`)?.message.nl).toContain("zonder opgeslagen uitkomst");
    expect(at(`E${beek}`)?.message.nl).toContain("#REF!");
    expect(at(`F${beek + 1}`)?.message.nl).toContain("'n.v.t.' is geen getal");
    expect(r.plan!.totals).toBeUndefined();
    expect(r.plan!.contributions).toBeUndefined();
    expect(r.plan!.materialCosts).toBeDefined();
  });

  test("a workbook with text but no plan", async () => {
    const cells: Cells = new Map([
      [
        1,
        new Map([
          [1, { value: "Begroting 2024" }],
          [2, { value: 2024 }],
        ]),
      ],
      [
        2,
        new Map([
          [1, { value: "Beek" }],
          [2, { value: "1.234" }],
        ]),
      ],
    ]);
    const r = await readSheets([{ name: "Blad1", cells }]);
    expect(r.plan).toBeUndefined();
    expect(errors(r).map((n) => n.message)).toEqual([
      { nl: "Geen uitvoeringsplan gevonden", en: "No execution plan found" },
    ]);
    // What it looked for, as the pane and the command line say it.
    expect(LOOKED.join("\n")).toMatch(/UP_Bijdragen/);
    expect(LOOKED.join("\n")).toMatch(/Tabel 1\. Formatieplan/);
    expect(LOOKED.join("\n")).toMatch(/fte 2023/);
    expect(LOOKED.join("\n")).toMatch(/Valkenburg aan de Geul/);
  });
});

test("a sheet of 100 000 filled cells without a plan is rejected quickly", () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = [
    "Beek",
    "totaal",
    "formatiekosten jeugd",
    "kosten",
    "Tabel",
    "project",
    "2024",
    "1.234",
    "3,5%",
    "fte",
  ];
  const rows = new Map<number, Map<number, GridCell>>();
  for (let r = 1; r <= 1000; r++) {
    const row = new Map<number, GridCell>();
    for (let c = 1; c <= 100; c++) {
      const x = random();
      row.set(
        c,
        x < 0.4
          ? { value: Math.round(random() * 100000) / 100 }
          : x < 0.5
            ? { value: 2000 + Math.floor(random() * 40) }
            : {
                value: `${words[Math.floor(random() * words.length)]} ${Math.floor(random() * 100)}`,
              }
      );
    }
    rows.set(r, row);
  }
  const sheet: SheetGrid = {
    name: "Data",
    rows,
    rowCount: 1000,
    columnCount: 100,
    tables: [],
    merges: [],
    hiddenRows: new Set(),
    hidden: false,
  };
  const start = performance.now();
  const r = readPlan({ name: "groot.xlsx", sheets: [sheet] });
  const ms = performance.now() - start;
  console.log(`100 000 cells without a plan rejected in ${ms.toFixed(0)} ms`);
  expect(r.plan).toBeUndefined();
  expect(errors(r)[0].message.nl).toBe("Geen uitvoeringsplan gevonden");
  // A guard against a reader that hangs on such a sheet, not a benchmark: the figure is printed
  // above; the bound leaves room for a loaded machine (0,6–1,3 s measured at load 12–15).
  expect(ms).toBeLessThan(5000);
});

test("the text of the published PDF pasted line by line into column A", async () => {
  const lines = readFileSync(
    join(__dirname, "..", "fixtures", "uitvoeringsplan-2024-pdf-tabellen.txt"),
    "utf8"
  )
    .split("\n")
    .map((l) => l.trim());
  const cells: Cells = new Map();
  lines.forEach((l, i) => {
    if (l !== "") cells.set(i + 1, new Map([[1, { value: l }]]));
  });
  const r = await readSheets([{ name: "Plak", cells }]);
  const rowOfLine = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
  // Lines with empty cells cannot be placed: Tabel 1 and Tabel 3 are refused at such a line.
  const refused = (table: string) => errors(r).filter((n) => n.table === table && n.cell);
  expect(refused("Tabel 1")[0].cell!.address).toBe(`A${rowOfLine("Inkopers INHUUR")}`);
  expect(refused("Tabel 3")[0].cell!.address).toBe(`A${rowOfLine("inhuur flex")}`);
  const expected = plan2024();
  delete expected.staffing;
  delete expected.materialCosts;
  expect(figureDifferences(r.plan!, expected)).toEqual([]);
  const years = r.notes.find((n) => n.table === "Tabel 2" && n.severity === "info");
  expect(years?.message.nl).toContain("laatste 4 jaren");
  expect(years?.message.nl).toContain("2024–2027");
});

test("tables side by side: Tabel 3 beside Tabel 2, Tabel 6 beside Tabel 1", async () => {
  const cells = publishedCells();
  const block = (fromLabel: string, toLabel: string, after = 0) => {
    const from = rowOf(cells, fromLabel, after);
    const to = rowOf(cells, toLabel, from);
    return [from, to] as const;
  };
  const [t3From, t3To] = block("Tabel 3 Materiële kosten.", "totaal");
  const [t6From] = block(
    "Tabel 6. Uitvoeringskosten uitgesplitst naar individuele gemeenten op basis van de kostenverdeelsystematiek zoals opgenomen in de SLA.",
    "Voerendaal"
  );
  const t6To = t6From + 19;
  const t2Title = rowOf(cells, "Tabel 2 Formatiekosten");
  const t1Title = rowOf(cells, "Tabel 1. Formatieplan");
  const side = map(cells, (r, c, d) => {
    if (r >= t3From && r <= t3To) return [t2Title + (r - t3From), c + 10, d];
    if (r >= t6From && r <= t6To) return [t1Title + (r - t6From), c + 10, d];
    return [r, c, d];
  });
  const r = await readSheets([{ name: "Naast elkaar", cells: side }]);
  expectSamePlan(r);
  expect(r.plan!.source.tables["Tabel 3"]).toBe(
    `'Naast elkaar'!K${t2Title}:R${t2Title + (t3To - t3From)}`
  );
  expect(r.plan!.contributions!.rows[0].values.get(2023)!.cell!.address).toBe(
    `N${t1Title + (rowOf(cells, "Beek") - t6From)}`
  );
});

test("a sheet of 100 000 cells where every other row looks like a header with years is rejected quickly", () => {
  const names = ["Beekx", "Heerlen-Oost", "Kerkraad", "Steyn", "Vaalserberg", "Maastricht-Noord"];
  const rows = new Map<number, Map<number, GridCell>>();
  for (let r = 1; r <= 5000; r++) {
    const row = new Map<number, GridCell>();
    const header = r % 2 === 0;
    row.set(1, { value: header ? "kosten per jaar" : names[r % names.length] });
    for (let c = 0; c < 19; c++) row.set(2 + c, { value: header ? 2010 + c : r * c + 0.5 });
    rows.set(r, row);
  }
  const sheet: SheetGrid = {
    name: "Tijdlijn",
    rows,
    rowCount: 5000,
    columnCount: 20,
    tables: [],
    merges: [],
    hiddenRows: new Set(),
    hidden: false,
  };
  const start = performance.now();
  const r = readPlan({ name: "tijdlijn.xlsx", sheets: [sheet] });
  const ms = performance.now() - start;
  console.log(`100 000 cells, 2 500 year headers, no plan: rejected in ${ms.toFixed(0)} ms`);
  expect(errors(r).map((n) => n.message.nl)).toEqual(["Geen uitvoeringsplan gevonden"]);
  // A guard against a reader that hangs on such a sheet, not a benchmark: the figure is printed
  // above; the bound leaves room for a loaded machine (0,6–1,3 s measured at load 12–15).
  expect(ms).toBeLessThan(5000);
});
