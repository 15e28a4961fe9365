import { join } from "node:path";
import { runCli } from "../support/runCli";

/*
 * The fixture workbooks of test/fixtures/variants (npm run variants; src/workbook/variants.ts)
 * are the 2024 plan as people keep it. Each must read as the plan it holds: the findings of
 * the unedited published workbook, each pointing at the cell where the variant moved its
 * figure, plus — for a variant with a deliberate mistake — the findings that mistake causes,
 * worked out by hand below. `up check --json` must report exactly those.
 */

const ROOT = join(__dirname, "..", "..");
const VARIANTS = join(ROOT, "test", "fixtures", "variants");

interface JsonFinding {
  rule: string;
  table: string;
  year: number | null;
  municipality: string | null;
  line: string | null;
  cell: string | null;
  expected: number | string | null;
  actual: number | string | null;
  difference: number | null;
}

interface JsonNote {
  severity: string;
  table: string | null;
  cell: string | null;
  message: string;
}

interface Check {
  code: number;
  findings: JsonFinding[];
  notes: JsonNote[];
  tables: Record<string, string>;
}

async function check(file: string): Promise<Check> {
  const r = await runCli(["check", "--json", file], ROOT);
  const json = JSON.parse(r.stdout);
  return { code: r.code, findings: json.findings, notes: json.notes, tables: json.source.tables };
}

/** What a finding is about and where it points. */
type Expected = [rule: string, table: string, year: number | null, about: string, cell: string];

const key = (f: JsonFinding): Expected => [
  f.rule,
  f.table,
  f.year,
  f.municipality ?? f.line ?? "",
  f.cell ?? "",
];

function sorted(list: Expected[]): string[] {
  return list.map((e) => JSON.stringify(e)).sort();
}

interface Cell {
  sheet: string;
  column: number;
  row: number;
}

function parse(ref: string): Cell {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+)(\d+)$/.exec(ref)!;
  let column = 0;
  for (const ch of m[3]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { sheet: m[1]?.replace(/''/g, "'") ?? m[2], column, row: Number(m[4]) };
}

function format(c: Cell): string {
  let letters = "";
  for (let n = c.column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(c.sheet) ? c.sheet : `'${c.sheet}'`;
  return `${sheet}!${letters}${c.row}`;
}

/** A block of rows (all columns A–H of the original) moved to a sheet and position. */
interface Move {
  rows: [number, number];
  columns?: [number, number];
  sheet?: string;
  down: number;
  right: number;
}

function relocate(moves: Move[], renamed?: string): (ref: string) => string {
  return (ref) => {
    const c = parse(ref);
    for (const m of moves) {
      const [left, right] = m.columns ?? [1, 8];
      if (c.row >= m.rows[0] && c.row <= m.rows[1] && c.column >= left && c.column <= right)
        return format({
          sheet: m.sheet ?? renamed ?? c.sheet,
          row: c.row + m.down,
          column: c.column + m.right,
        });
    }
    return format({ ...c, sheet: renamed ?? c.sheet });
  };
}

const same = (ref: string) => ref;

interface Case {
  file: string;
  /** Where the variant put each cell of the published workbook. */
  moved: (ref: string) => string;
  /** Findings of the published workbook that the variant keeps (all, unless it drops a year). */
  keeps?: (f: JsonFinding) => boolean;
  /** Findings the variant's own mistake adds. */
  adds?: Expected[];
}

const MOVED_TABLES = relocate([
  { rows: [58, 77], down: 3 - 58, right: 10 },
  { rows: [51, 56], sheet: "Totalen", down: 4 - 51, right: 1 },
]);

const CASES: Case[] = [
  { file: "01-moved-tables.xlsx", moved: MOVED_TABLES },
  {
    file: "02-extra-columns.xlsx",
    moved: relocate([{ rows: [1, 100], columns: [2, 50], down: 0, right: 1 }]),
  },
  { file: "03-sixth-year.xlsx", moved: same },
  {
    file: "04-sixth-year-mistake.xlsx",
    moved: same,
    adds: [
      ["ALLOC-AMOUNT", "Tabel 6", 2028, "Heerlen", "Uitvoeringsplan!I66"],
      ["ALLOC-SUM", "Tabel 6", 2028, "totaal", "Uitvoeringsplan!I77"],
    ],
  },
  { file: "05-text-numbers.xlsx", moved: same },
  { file: "06-merged-titles.xlsx", moved: same },
  {
    file: "07-two-sheets.xlsx",
    moved: relocate(
      [
        { rows: [51, 69], sheet: "Verdeling", down: -50, right: 0 },
        { rows: [70, 77], sheet: "Verdeling (2)", down: -68, right: 0 },
      ],
      "Formatie"
    ),
  },
  { file: "08-formulas.xlsx", moved: same },
  {
    file: "09-sum-missing-row.xlsx",
    moved: same,
    adds: [
      ["FORMULA-RANGE", "Tabel 1", 2024, "formatie team verwervingen", "Uitvoeringsplan!E28"],
      ["FTE-TOTAL", "Tabel 1", 2024, "formatie team verwervingen", "Uitvoeringsplan!E28"],
      ["FORMULA-RANGE", "Tabel 4", 2025, "totaal", "Uitvoeringsplan!F56"],
    ],
  },
  { file: "10-hidden-rows.xlsx", moved: same },
  {
    file: "11-year-removed.xlsx",
    moved: relocate(
      [
        [9, 28],
        [39, 49],
        [53, 56],
        [60, 77],
      ].map(([a, b]) => ({ rows: [a, b], columns: [5, 8], down: 0, right: -1 }))
    ),
    keeps: (f) => f.year !== 2023,
  },
  { file: "12-municipality-names.xlsx", moved: same },
  { file: "13-formulas-libreoffice.xlsx", moved: same },
  { file: "14-moved-libreoffice.xlsx", moved: MOVED_TABLES },
  {
    file: "15-edited-in-libreoffice.xlsx",
    moved: same,
    adds: [["ALLOC-AMOUNT", "Tabel 6", 2024, "Maastricht", "Uitvoeringsplan!E69"]],
  },
];

let published: Check;

beforeAll(async () => {
  published = await check("examples/up-2024-published.xlsx");
});

describe.each(CASES)("$file", ({ file, moved, keeps, adds }) => {
  let result: Check;

  beforeAll(async () => {
    result = await check(join(VARIANTS, file));
  });

  test("read completely: no reading errors, exit 1 for the plan's own errors", () => {
    expect(result.notes.filter((n) => n.severity === "error")).toEqual([]);
    expect(result.code).toBe(1);
  });

  test("exactly the published plan's findings at the variant's cells, plus its own mistakes", () => {
    const expected: Expected[] = [
      ...published.findings
        .filter((f) => keeps?.(f) ?? true)
        .map((f) => {
          const [rule, table, year, about, cell] = key(f);
          return [rule, table, year, about, moved(cell)] as Expected;
        }),
      ...(adds ?? []),
    ];
    expect(sorted(result.findings.map(key))).toEqual(sorted(expected));
  });
});

function find(c: Check, rule: string, year: number | null, about: string): JsonFinding {
  const f = c.findings.find(
    (x) => x.rule === rule && x.year === year && (x.municipality ?? x.line) === about
  );
  if (!f) throw new Error(`no ${rule} ${year} ${about}`);
  return f;
}

describe("the deliberate mistakes, recomputed by hand", () => {
  test("04: Heerlen 2028 is € 1.000 above 11,97% of the 2028 total", async () => {
    // 2028: staff costs 2.564.321 × 1,02 = 2.615.607; jeugd 70% = 1.830.925; + materiele
    // kosten jeugd 304.500 = 2.135.425. Heerlen: 11,97% × 2.135.425 = 255.610,37 → 255.610.
    const c = await check(join(VARIANTS, "04-sixth-year-mistake.xlsx"));
    const amount = find(c, "ALLOC-AMOUNT", 2028, "Heerlen");
    expect(amount.expected).toBe(255610);
    // The allocation gave Heerlen 255.610 or 255.611; the typo adds 1.000 to it.
    expect([256610, 256611]).toContain(amount.actual);
    expect(find(c, "ALLOC-SUM", 2028, "totaal").difference).toBe(1000);
  });

  test("09: LibreOffice's SUM(E11:E27) leaves out Coordinator's 1 fte: 18,3 instead of 19,3", async () => {
    const c = await check(join(VARIANTS, "09-sum-missing-row.xlsx"));
    const total = find(c, "FTE-TOTAL", 2024, "formatie team verwervingen");
    expect([total.expected, total.actual]).toEqual(["19.3", "18.3"]);
    const range = find(c, "FORMULA-RANGE", 2024, "formatie team verwervingen");
    expect(range.actual).toBe("18.3");
    // F53 holds the header text '2025': SUM skips it, so only the range gives it away.
    expect(find(c, "FORMULA-RANGE", 2025, "totaal").actual).toBe(2183425);
  });

  test("15: Maastricht 2024 typed in LibreOffice as 425.261, 16,43% × 2.582.231 = 424.261", async () => {
    const c = await check(join(VARIANTS, "15-edited-in-libreoffice.xlsx"));
    const f = find(c, "ALLOC-AMOUNT", 2024, "Maastricht");
    expect([f.expected, f.actual]).toEqual([424261, 425261]);
  });
});

describe("what the reader says about each variant", () => {
  test("01: the tables are found where they were moved", async () => {
    const c = await check(join(VARIANTS, "01-moved-tables.xlsx"));
    expect(c.tables["Tabel 6"]).toBe("Uitvoeringsplan!K3:R22");
    expect(c.tables["Tabel 4"]).toMatch(/^Totalen!B4:/);
  });

  test("05: every figure stored as text is named with its cell, € amounts included", async () => {
    const c = await check(join(VARIANTS, "05-text-numbers.xlsx"));
    const text = c.notes.filter((n) => n.message.startsWith("getal als tekst")).map((n) => n.cell);
    expect(text).toEqual(
      expect.arrayContaining(["Uitvoeringsplan!D40", "Uitvoeringsplan!H49", "Uitvoeringsplan!H56"])
    );
    expect(c.notes.find((n) => n.cell === "Uitvoeringsplan!H56")!.message).toBe(
      "getal als tekst opgeslagen: '€ 2.183.425'"
    );
  });

  test("07: Tabel 6 is read from both sheets and the source says so", async () => {
    const c = await check(join(VARIANTS, "07-two-sheets.xlsx"));
    expect(c.tables["Tabel 6"]).toBe("Verdeling!A8:H19; 'Verdeling (2)'!A1:H9");
    expect(c.notes.some((n) => n.message.startsWith("Tabel 6 loopt door op werkblad"))).toBe(true);
  });

  test("10: the hidden rows inside a table are named; the blank hidden row is not", async () => {
    const c = await check(join(VARIANTS, "10-hidden-rows.xlsx"));
    const hidden = c.notes.filter((n) => n.message.includes("verborgen")).map((n) => n.cell);
    expect(hidden).toEqual(["Uitvoeringsplan!A21", "Uitvoeringsplan!A42"]);
  });

  test("11: without 2023, Tabel 1, 3, 4 and 6 run 2024–2027", async () => {
    const c = await check(join(VARIANTS, "11-year-removed.xlsx"));
    expect(c.tables["Tabel 6"]).toBe("Uitvoeringsplan!A58:G77");
    expect(c.findings.some((f) => f.year === 2023)).toBe(false);
  });
});
