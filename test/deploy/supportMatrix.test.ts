import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ApiSet, Availability, AVAILABILITY, Feature, FEATURES } from "../../src/excel/apiSets";

/*
 * docs/DEPLOYMENT.md's support matrix is rendered from src/excel/apiSets.ts: which Excel has
 * which requirement set (Microsoft's tables) and what each UP feature needs. The test fails when
 * the document and the map disagree; UP_WRITE_DOCS=1 writes the rendered table into the document.
 */

const DOC = join(__dirname, "..", "..", "docs", "DEPLOYMENT.md");
const BEGIN =
  "<!-- support-matrix: rendered from src/excel/apiSets.ts by test/deploy/supportMatrix.test.ts -->";
const END = "<!-- /support-matrix -->";

type Column =
  | { name: string; kind: "perpetual"; year: 2016 | 2019 | 2021 | 2024 }
  | { name: string; kind: "windows" | "mac" | "web" | "ipad" };

const COLUMNS: Column[] = [
  { name: "Excel 2016", kind: "perpetual", year: 2016 },
  { name: "Excel 2019", kind: "perpetual", year: 2019 },
  { name: "Excel 2021", kind: "perpetual", year: 2021 },
  { name: "Excel 2024", kind: "perpetual", year: 2024 },
  { name: "Microsoft 365, Windows", kind: "windows" },
  { name: "Microsoft 365, Mac", kind: "mac" },
  { name: "Excel op het web", kind: "web" },
  { name: "iPad", kind: "ipad" },
];

/** "2501 (Build 18429.20040)" or "16.93" as numbers to compare. */
const rank = (v: string) =>
  v
    .split(/[^0-9]+/)
    .filter(Boolean)
    .map(Number);
const later = (a: string, b: string) => {
  const [x, y] = [rank(a), rank(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/** The first version of a column that has every set, or null when none has. */
function first(needs: readonly ApiSet[], column: Column): string | boolean | null {
  const a = needs.map((s): Availability => AVAILABILITY[s]);
  switch (column.kind) {
    case "perpetual":
      return a.every((x) => x.perpetual !== null && x.perpetual <= column.year);
    case "web":
      return a.every((x) => x.web);
    default: {
      const versions = a.map((x) => x[column.kind]);
      if (versions.some((v) => v === null)) return null;
      return (versions as string[]).reduce((m, v) => (later(v, m) ? v : m));
    }
  }
}

function cell(feature: Feature, column: Column): string {
  const load = first(FEATURES.load.needs, column);
  if (!load) return feature === FEATURES.load ? "no" : "—";
  const here = first(feature.needs, column);
  if (!here) return "no";
  if (typeof here === "boolean") return "yes";
  if (feature === FEATURES.load) return `from ${here}`;
  return later(here, load as string) ? `from ${here}` : "yes";
}

function renderMatrix(): string {
  const features: Feature[] = Object.values(FEATURES);
  const header = ["", ...COLUMNS.map((c) => c.name), "without it"];
  const rows = features.map((f) => [f.what.en, ...COLUMNS.map((c) => cell(f, c)), f.without.en]);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A markdown table's cells, row by row, however prettier padded them; without the --- row. */
const cellsOf = (table: string) =>
  table
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|[\s|:-]+\|$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim())
    );

test("docs/DEPLOYMENT.md's support matrix is the one the requirement-set map gives", () => {
  const doc = readFileSync(DOC, "utf8");
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (process.env.UP_WRITE_DOCS === "1" && start >= 0 && end > start) {
    const rendered = `${BEGIN}\n\n${renderMatrix()}\n\n${END}`;
    writeFileSync(DOC, doc.slice(0, start) + rendered + doc.slice(end + END.length));
    return;
  }
  expect(start).toBeGreaterThan(0);
  expect(cellsOf(doc.slice(start, end))).toEqual(cellsOf(renderMatrix()));
});

test("the matrix says what Microsoft's tables say for a few cells", () => {
  const m = renderMatrix();
  const row = (what: string) =>
    m
      .split("\n")
      .find((l) => l.startsWith(`| ${what} |`))!
      .split(" | ");
  // Excel 2016 and 2019 have no shared runtime; iPad neither, nor custom functions.
  expect(row(FEATURES.load.what.en).slice(1, 9)).toEqual([
    "no",
    "no",
    "yes",
    "yes",
    "from 2002 (Build 12527.20092)",
    "from 16.35",
    "yes",
    "no",
  ]);
  // RangeAreas.select: no perpetual Excel, Microsoft 365 from 2501, Mac from 16.93.
  expect(row(FEATURES.selectAll.what.en).slice(1, 9)).toEqual([
    "—",
    "—",
    "no",
    "no",
    "from 2501 (Build 18429.20040)",
    "from 16.93",
    "yes",
    "—",
  ]);
});
