import Decimal from "decimal.js";
import fc from "fast-check";
import { allocate } from "../../src/core/allocate";
import { roundTable } from "../../src/core/controlledRounding";
import { D, sum } from "../../src/core/money";

const d = (rows: (number | string)[][]) => rows.map((r) => r.map((v) => new D(v)));
const numbers = (rows: Decimal[][]) => rows.map((r) => r.map((v) => v.toNumber()));
const columnSums = (cells: Decimal[][]) => cells[0].map((_, j) => sum(cells.map((r) => r[j])));

describe("roundTable", () => {
  test("rounds up the largest fractions each row needs; columns end within a unit of their sums", () => {
    // Row sums 1,0 and 2,0; column sums 0,9 / 1,3 / 0,8.
    const exact = d([
      [0.6, 0.3, 0.1],
      [0.3, 1.0, 0.7],
    ]);
    const r = roundTable(exact, [new D(1), new D(2)]);
    // Row 1 takes its unit at 0,6; row 2 has 1,0 already and its second unit at 0,7.
    expect(numbers(r.cells)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
    ]);
    expect(r.columnTotals.map(Number)).toEqual([1, 1, 1]);
    expect(r.beyondOneUnit).toEqual([]);
  });

  test("a column's total may take the unit a row needs: 0,5 + 0,5 in one column, rows fixed at 1 and 0", () => {
    const exact = d([
      [0.5, 2],
      [0.5, 3],
    ]);
    const r = roundTable(exact, [new D(3), new D(3)]);
    expect(numbers(r.cells)).toEqual([
      [1, 2],
      [0, 3],
    ]);
    expect(r.columnTotals.map(Number)).toEqual([1, 5]);
  });

  test("where the row totals allow no rounding within one unit, the fewest cells go one further, named", () => {
    // Rows 1 and 2 must each get a unit, but their only fractional cells share column 1, whose
    // sum 0,6 has room for one unit: one of them has to take its unit in column 2, where it is 0.
    const exact = d([
      [0.3, 0],
      [0.3, 0],
      [0, 0.7],
      [0, 0.7],
    ]);
    const rows = [1, 1, 0, 0].map((n) => new D(n));
    const r = roundTable(exact, rows);
    expect(r.cells.map((row) => sum(row))).toEqual(rows);
    expect(r.columnTotals.map(Number)).toEqual([1, 1]);
    expect(columnSums(r.cells)).toEqual(r.columnTotals);
    expect(r.beyondOneUnit).toHaveLength(1);
    const [[i, j]] = r.beyondOneUnit;
    expect([exact[i][j].toNumber(), r.cells[i][j].toNumber()]).toEqual([0, 1]);
  });

  test("refuses row totals that do not fit the table", () => {
    expect(() => roundTable(d([[0.5, 0.5]]), [new D(2)])).toThrow(
      "the row totals do not add up to the table's sum"
    );
    expect(() => roundTable(d([[0.5]]), [new D("0.5")])).toThrow("totals must be whole numbers");
    expect(() => roundTable(d([[0.5], [0.5]]), [new D(1)])).toThrow(
      "the totals do not match the table's shape"
    );
    expect(() => roundTable(d([[2.5], [0.5]]), [new D(1), new D(2)])).toThrow(
      "row 1's total is a unit or more from its exact sum"
    );
  });

  /*
   * Random tables of counts a_ij scaled to a whole total T: exact_ij = a_ij × T / Σa, so the
   * grand total is T exactly; the row totals are the largest-remainder allocation of T over the
   * row sums, as the key calculation table has them. Small counts and totals make many cells
   * whole and many ties: the hard cases.
   */
  const table = fc
    .record({
      rows: fc.integer({ min: 1, max: 4 }),
      columns: fc.integer({ min: 1, max: 3 }),
      total: fc.integer({ min: 0, max: 40 }),
      small: fc.boolean(),
    })
    .chain(({ rows, columns, total, small }) =>
      fc.record({
        counts: fc.array(
          fc.array(fc.integer({ min: 0, max: small ? 3 : 1_000_000 }), {
            minLength: columns,
            maxLength: columns,
          }),
          { minLength: rows, maxLength: rows }
        ),
        total: fc.constant(small ? total : total * 1_234_567),
      })
    )
    .filter(({ counts }) => counts.flat().some((c) => c > 0));

  /** Whether some table of whole numbers, each its exact value rounded down or up, has these row totals. */
  function roundingWithinOneUnitExists(exact: Decimal[][], rows: Decimal[]): boolean {
    const width = exact[0].length;
    const floors = exact.flat().map((x) => x.floor().toNumber());
    const fractional = exact.flat().flatMap((x, k) => (x.isInteger() ? [] : [k]));
    const bounds = exact[0].map((_, j) => sum(exact.map((r) => r[j])));
    const totals = rows.map(Number);
    for (let mask = 0; mask < 2 ** fractional.length; mask++) {
      const cells = [...floors];
      fractional.forEach((k, b) => (cells[k] += (mask >> b) & 1));
      const rowsOk = totals.every(
        (t, i) => cells.slice(i * width, (i + 1) * width).reduce((x, y) => x + y, 0) === t
      );
      const columnsOk = bounds.every((s, j) => {
        const c = cells.filter((_, k) => k % width === j).reduce((x, y) => x + y, 0);
        return c >= s.floor().toNumber() && c <= s.ceil().toNumber();
      });
      if (rowsOk && columnsOk) return true;
    }
    return false;
  }

  test("property: rows exact, columns within a unit of their sums, every cell rounded down or up unless no rounding allows it", () => {
    fc.assert(
      fc.property(table, ({ counts, total }) => {
        const a = counts.map((r) => r.map((c) => new D(c)));
        const whole = sum(a.flat());
        const T = new D(total);
        const exact = a.map((r) => r.map((c) => c.times(T).div(whole)));
        const rows = allocate(
          T,
          a.map((r, i) => ({ id: `r${i}`, key: sum(r) }))
        );
        const r = roundTable(exact, rows);
        expect(r.cells.map((row) => sum(row))).toEqual(rows);
        expect(columnSums(r.cells)).toEqual(r.columnTotals);
        r.columnTotals.forEach((c, j) => {
          const s = sum(exact.map((row) => row[j]));
          expect(c.gte(s.floor()) && c.lte(s.ceil())).toBe(true);
        });
        const listed = new Set(r.beyondOneUnit.map(([i, j]) => `${i},${j}`));
        r.cells.forEach((row, i) =>
          row.forEach((v, j) => {
            expect(v.isInteger() && !v.isNegative()).toBe(true);
            const off = v.minus(exact[i][j]).abs();
            expect(off.gte(1)).toBe(listed.has(`${i},${j}`));
            expect(off.lt(3)).toBe(true);
          })
        );
        // Named cells only where no rounding within one unit has these row totals.
        expect(r.beyondOneUnit.length === 0).toBe(roundingWithinOneUnitExists(exact, rows));
      }),
      { numRuns: Number(process.env.UP_FUZZ_RUNS ?? 300) }
    );
  });
});
