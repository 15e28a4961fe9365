import ExcelJS from "exceljs";
import fc from "fast-check";
import { join } from "node:path";
import { address, formatCell, formatRange, parseReference } from "../../src/core/address";
import { Plan, TableId } from "../../src/core/model";
import { checkPlan } from "../../src/core/check";
import { readPlan, ReadResult } from "../../src/reader";
import { cellAt, GridCell, WorkbookGrid } from "../../src/reader/grid";
import { gridFromExcelJS } from "../../src/workbook/grid";
import { planFigures } from "../workbook/planFigures";
import {
  apply,
  applyLabel,
  changedFigure,
  copyGrid,
  FigureCell,
  figureCells,
  findingLines,
  LabelCell,
  labelCells,
  LabelMutation,
  Mutation,
  notesNaming,
  shiftRange,
  WRONG_CONTENTS,
} from "./mutations";

/*
 * Property-based fuzzing of the reader and the check on the two example workbooks: random
 * edits of values and types, deleted and inserted rows and columns, merged cells. A few hundred
 * cases in the normal suite; UP_FUZZ_RUNS=10000 (npm run fuzz) for the long run.
 */

const RUNS = Number(process.env.UP_FUZZ_RUNS ?? 150);
/** Jest's limit per property: room for about 100 ms per case on a slow, shared machine. */
const PROPERTY_TIMEOUT_MS = Math.max(60_000, RUNS * 100);
/** One read and check of a mutated plan must end well within this. */
const TIME_BOUND_MS = 2000;

interface Example {
  name: string;
  grid: WorkbookGrid;
  findings: string[];
  figures: FigureCell[];
  labels: LabelCell[];
  /** Every figure read, with its path and cell: what a mutation may leave as it was. */
  read: string;
  /** Where each table was read. */
  tables: [TableId, string][];
}

const stats = {
  cases: 0,
  mutations: 0,
  figureChanges: 0,
  detectedByFindings: 0,
  detectedByNotes: 0,
  survived: [] as string[],
  plansRead: 0,
  noPlan: 0,
  slowest: 0,
  sweep: 0,
  labelCases: 0,
  labelsReadThrough: 0,
  labelsRefused: 0,
  shortened: [] as string[],
  labelsSurvived: [] as string[],
};

let examples: Example[];
beforeAll(async () => {
  examples = [];
  for (const file of ["up-2024-published.xlsx", "up-2024-template.xlsx"]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, "..", "..", "examples", file));
    const grid = gridFromExcelJS(wb, file);
    const read = readPlan(grid);
    examples.push({
      name: file,
      grid,
      findings: findingLines(checkPlan(read.plan!)),
      figures: figureCells(grid, read.plan!),
      labels: labelCells(grid, read.plan!),
      read: whatWasRead(read.plan!),
      tables: Object.entries(read.plan!.source.tables) as [TableId, string][],
    });
  }
});

afterAll(() => {
  console.log(
    [
      "Fuzzing (test/fuzz):",
      `  cases tried:                 ${stats.cases} (${RUNS} runs per property)`,
      `  mutations applied:           ${stats.mutations}`,
      `  plans read / no plan:        ${stats.plansRead} / ${stats.noPlan}`,
      `  figure changes:              ${stats.figureChanges} (${stats.sweep} in the sweep of every figure)`,
      `    found by the check:        ${stats.detectedByFindings}`,
      `    reported by the reader:    ${stats.detectedByNotes}`,
      `    survived (not reported):   ${stats.survived.length}`,
      `  label mutations:             ${stats.labelCases} (blank, merge, wrap inside a table)`,
      `    tables read through:       ${stats.labelsReadThrough}`,
      `    tables refused with a note: ${stats.labelsRefused}`,
      `    silently shortened:        ${stats.shortened.length}`,
      `    survived (not reported):   ${stats.labelsSurvived.length}`,
      `  slowest read + check:        ${stats.slowest} ms`,
    ].join("\n")
  );
});

/** Reads and checks; fails the property on an exception or when it takes too long. */
function run(grid: WorkbookGrid): { read: ReadResult; findings?: string[] } {
  const start = Date.now();
  const read = readPlan(grid);
  const result = read.plan ? checkPlan(read.plan) : undefined;
  const ms = Date.now() - start;
  stats.slowest = Math.max(stats.slowest, ms);
  expect(ms).toBeLessThan(TIME_BOUND_MS);
  stats.cases++;
  if (read.plan) stats.plansRead++;
  else stats.noPlan++;
  return { read, findings: result && findingLines(result) };
}

/**
 * How a changed figure was reported: the check's findings differ from the unchanged plan's, or
 * the reader names the cell, or it says the figure's table could not be read (the command line
 * then exits 2 and the pane says the check is incomplete).
 */
function reportedBy(
  example: Example,
  target: FigureCell,
  read: ReadResult,
  findings: string[] | undefined
): "findings" | "note" | undefined {
  if (findings !== undefined && findings.join("\n") !== example.findings.join("\n"))
    return "findings";
  const table = target.path.slice(0, "Tabel n".length);
  const tableUnread = read.notes.some((n) => n.severity === "error" && n.table === table);
  if (notesNaming(read.notes, target.cell).length > 0 || tableUnread || !read.plan) return "note";
  return undefined;
}

const anyValue: fc.Arbitrary<GridCell | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1000, max: 5_000_000 }).map((value) => ({ value })),
  fc
    .double({ min: -10, max: 200, noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ value })),
  fc
    .constantFrom(
      "",
      "totaal",
      "Beek",
      "Nuth",
      "3,53%",
      "1.234",
      "1,5",
      "n.v.t.",
      "2024",
      "fte 2025",
      "Tabel 6. Uitvoeringskosten",
      "formatiekosten jeugd",
      "70%",
      "=SUM(A1:A3)"
    )
    .map((value) => ({ value })),
  fc.string({ maxLength: 12 }).map((value) => ({ value })),
  fc.constantFrom("#REF!", "#DIV/0!", "#N/A", "#VALUE!").map((error) => ({ value: { error } })),
  fc.boolean().map((value) => ({ value })),
  fc.constant({ value: null, formula: "B2+C2" })
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    sheet: fc.nat(6),
    row: fc.integer({ min: 1, max: 80 }),
    column: fc.integer({ min: 1, max: 9 }),
    cell: anyValue,
  }),
  fc.record({
    kind: fc.constantFrom("deleteRow" as const, "insertRow" as const),
    sheet: fc.nat(6),
    at: fc.integer({ min: 1, max: 80 }),
  }),
  fc.record({
    kind: fc.constantFrom("deleteColumn" as const, "insertColumn" as const),
    sheet: fc.nat(6),
    at: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({
    kind: fc.constant("merge" as const),
    sheet: fc.nat(6),
    row: fc.integer({ min: 1, max: 80 }),
    column: fc.integer({ min: 1, max: 9 }),
    height: fc.integer({ min: 1, max: 3 }),
    width: fc.integer({ min: 1, max: 4 }),
  })
);

test(
  "any mix of edits: the reader and the check never throw, always end, and never guess",
  () => {
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (which, mutations) => {
          const grid = copyGrid(examples[which].grid);
          for (const m of mutations) apply(grid, m);
          stats.mutations += mutations.length;
          const { read } = run(grid);
          for (const n of read.notes) {
            expect(n.message.nl.length).toBeGreaterThan(0);
            expect(n.message.en.length).toBeGreaterThan(0);
          }
          if (!read.plan) {
            expect(read.notes.some((n) => n.severity === "error")).toBe(true);
            return;
          }
          // Every figure comes from a cell that holds it.
          for (const [path, f] of planFigures(read.plan, true)) {
            expect([path, f.cell !== undefined, f.value.isFinite()]).toEqual([path, true, true]);
          }
        }
      ),
      { numRuns: RUNS }
    );
  },
  PROPERTY_TIMEOUT_MS
);

test(
  "each change of a checked figure is reported: by the check or by a note naming its cell",
  () => {
    const change = fc.record({
      which: fc.nat(1),
      index: fc.nat(10_000),
      kind: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => ({ steps: n })) },
        { weight: 1, arbitrary: fc.integer({ min: -100_000, max: -1 }).map((n) => ({ steps: n })) },
        { weight: 2, arbitrary: fc.nat(WRONG_CONTENTS.length - 1).map((wrong) => ({ wrong })) }
      ),
    });
    fc.assert(
      fc.property(change, ({ which, index, kind }) => {
        const example = examples[which];
        const target = example.figures[index % example.figures.length];
        const grid = copyGrid(example.grid);
        const sheet = grid.sheets[target.sheet];
        const original = cellAt(sheet, target.row, target.column);
        let changed: boolean;
        let what: string;
        if ("steps" in kind) {
          const next = changedFigure(target, original, kind.steps);
          apply(grid, {
            kind: "set",
            sheet: target.sheet,
            row: target.row,
            column: target.column,
            cell: next.cell,
          });
          changed = !next.value.eq(target.figure.value);
          what = `${String(original?.value)} → ${String(next.cell.value)}`;
        } else {
          const wrong = WRONG_CONTENTS[kind.wrong];
          apply(grid, {
            kind: "set",
            sheet: target.sheet,
            row: target.row,
            column: target.column,
            cell: wrong.cell,
          });
          // An empty FTE or cost cell counts as 0: emptying a 0 changes no figure. A scale may be
          // left empty or say "n.v.t.": hired lines have none, and no amount depends on it. Tabel
          // 6's total key is a statement of the keys' sum, which KEY-SUM checks itself; emptied,
          // it states nothing (plans of other years have none).
          changed =
            !(wrong.cell === null && target.figure.value.isZero()) &&
            !(target.kind === "scale" && (wrong.cell === null || wrong.name === "text")) &&
            !(target.path === "Tabel 6/total/key" && wrong.cell === null);
          what = `${String(original?.value)} → ${wrong.name}`;
        }
        stats.mutations++;
        const { read, findings } = run(grid);
        if (!changed) return;
        stats.figureChanges++;
        const by = reportedBy(example, target, read, findings);
        if (by === "findings") stats.detectedByFindings++;
        else if (by === "note") stats.detectedByNotes++;
        else
          stats.survived.push(`${example.name} ${formatCell(target.cell)} ${target.path}: ${what}`);
        expect({
          cell: formatCell(target.cell),
          path: target.path,
          what,
          reported: by !== undefined,
        }).toEqual({
          cell: formatCell(target.cell),
          path: target.path,
          what,
          reported: true,
        });
      }),
      { numRuns: RUNS }
    );
  },
  PROPERTY_TIMEOUT_MS
);

test("every figure of both examples, one unit up and one down, is reported", () => {
  const survivors: string[] = [];
  for (const example of examples) {
    for (const target of example.figures) {
      for (const steps of [1, -1]) {
        const grid = copyGrid(example.grid);
        const original = cellAt(grid.sheets[target.sheet], target.row, target.column);
        const next = changedFigure(target, original, steps);
        apply(grid, {
          kind: "set",
          sheet: target.sheet,
          row: target.row,
          column: target.column,
          cell: next.cell,
        });
        stats.mutations++;
        stats.figureChanges++;
        stats.sweep++;
        const { read, findings } = run(grid);
        const by = reportedBy(example, target, read, findings);
        if (by === "findings") stats.detectedByFindings++;
        else if (by === "note") stats.detectedByNotes++;
        else survivors.push(`${example.name} ${formatCell(target.cell)} ${target.path}: ${steps}`);
      }
    }
  }
  stats.survived.push(...survivors);
  expect(survivors).toEqual([]);
}, 120_000);

/** Every figure of a plan by its path, with its cell and value, as one comparable text. */
function whatWasRead(plan: Plan): string {
  return [...planFigures(plan, true)]
    .map(([path, f]) => `${path}=${f.cell ? formatCell(f.cell) : ""}:${f.value.toString()}`)
    .sort()
    .join("\n");
}

/** A table's range after the rows a mutation inserted: Excel moves and stretches it alike. */
function movedRange(range: string, grid: WorkbookGrid, applied: Mutation[]): string {
  return range
    .split("; ")
    .map((part) => {
      const ref = parseReference(part)!;
      let local = formatRange(ref);
      for (const m of applied) {
        if (m.kind !== "insertRow" || grid.sheets[m.sheet].name !== ref.sheet) continue;
        local = shiftRange(local, "row", m.at, 1)!;
      }
      return `${part.slice(0, part.lastIndexOf("!") + 1)}${local}`;
    })
    .join("; ");
}

test(
  "a label blanked, merged or wrapped inside a table: the table is read to its total or refused, never shortened, and the change is said",
  () => {
    const how = fc.constantFrom<LabelMutation>("blank", "mergeWithAbove", "mergeWithBelow", "wrap");
    fc.assert(
      fc.property(fc.nat(1), fc.nat(10_000), how, (which, index, kind) => {
        const example = examples[which];
        const target = example.labels[index % example.labels.length];
        const grid = copyGrid(example.grid);
        const sheet = grid.sheets[target.sheet];
        // The label cell that the mutation takes away or changes, and whether it held text.
        const lost =
          kind === "mergeWithBelow"
            ? { row: target.row + 1, column: target.column }
            : { row: target.row, column: target.column };
        const had = cellAt(sheet, lost.row, lost.column)?.value;
        const applied = applyLabel(grid, target, kind);
        stats.mutations += applied.length;
        stats.labelCases++;
        const { read, findings } = run(grid);
        const what = `${example.name} ${formatCell(target.cell)} '${target.label}' ${kind}`;
        for (const [table, range] of example.tables) {
          const now = read.plan?.source.tables[table];
          const expected = movedRange(range, grid, applied);
          if (now === undefined) {
            const refused =
              !read.plan || read.notes.some((n) => n.severity === "error" && n.table === table);
            if (!refused) stats.shortened.push(`${what}: ${table} gone without a word`);
            else if (table === target.table) stats.labelsRefused++;
          } else if (now !== expected)
            stats.shortened.push(`${what}: ${table} ${now}, not ${expected}`);
          else if (table === target.table) stats.labelsReadThrough++;
        }
        // A label taken away that changed nothing read (an unlabelled total is a total) needs no word.
        if (typeof had !== "string" || had.trim() === "") return;
        if (
          read.plan &&
          whatWasRead(read.plan) === example.read &&
          findings?.join("\n") === example.findings.join("\n")
        )
          return;
        // A wrapped label is said at either of its two rows.
        const cells = [lost.row, ...(kind === "wrap" ? [lost.row + 1] : [])].map((r) => ({
          sheet: sheet.name,
          address: address(r, lost.column),
        }));
        const said =
          !read.plan ||
          (findings !== undefined && findings.join("\n") !== example.findings.join("\n")) ||
          cells.some((cell) => notesNaming(read.notes, cell).length > 0) ||
          read.notes.some((n) => n.severity === "error" && n.table === target.table);
        if (!said) stats.labelsSurvived.push(what);
      }),
      { numRuns: RUNS }
    );
    expect({ shortened: stats.shortened, survived: stats.labelsSurvived }).toEqual({
      shortened: [],
      survived: [],
    });
  },
  PROPERTY_TIMEOUT_MS
);
