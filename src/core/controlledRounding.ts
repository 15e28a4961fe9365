import Decimal from "decimal.js";
import { sum } from "./money";

/*
 * Controlled rounding of a table: whole numbers for every cell of a table of exact values such
 * that each row adds up to a given whole row total and each column to its exact sum rounded down
 * or up, every cell as close to its exact value as the row totals allow.
 *
 * Found as a minimum-cost flow (successive shortest paths): starting from every cell rounded
 * down, each row sends the units it still needs to the columns, and each column takes at least
 * its exact sum rounded down and at most rounded up. A unit through a cell with a fractional part
 * costs nothing but its rank among the fractional parts (the larger part is rounded up first, as
 * the largest remainder method does); a unit that takes a cell to or beyond a whole unit from its
 * exact value costs more than every such choice together. So every cell is its exact value
 * rounded down or up whenever such a rounding with these row totals exists, and otherwise as few
 * cells as possible go further (never below zero for a table of values ≥ 0). The row totals are
 * fixed beforehand (here: the municipalities' contributions, allocated on their own), so such a
 * rounding need not exist: the result says which cells went further.
 */

export interface RoundedTable {
  /** Whole numbers, rows × columns, adding up to the row totals and to `columnTotals`. */
  cells: Decimal[][];
  /** Each column's exact sum rounded down or up; they add up to the row totals' sum. */
  columnTotals: Decimal[];
  /** The cells a whole unit or more from their exact value, as [row, column]. */
  beyondOneUnit: [number, number][];
}

interface Edge {
  to: number;
  capacity: number;
  cost: number;
  /** Index of the reverse edge in `graph[to]`. */
  reverse: number;
  /** The cell whose value a unit on this edge raises (+1) or lowers (−1). */
  cell?: { row: number; column: number; sign: 1 | -1 };
}

/**
 * Rounds `exact` (finite values ≥ 0, every row as long) to whole numbers whose rows add up to
 * `rowTotals`. The row totals must be whole, add up to the table's sum, and each lie within one
 * unit of its row's exact sum (as a largest-remainder allocation does). `columnSums` are the
 * columns' exact sums when the cells are quotients whose sum would lose the last digit (a part
 * that is whole must not become 0,999… of a unit); by default the cells' sums.
 */
export function roundTable(
  exact: readonly (readonly Decimal[])[],
  rowTotals: readonly Decimal[],
  columnSums?: readonly Decimal[]
): RoundedTable {
  const rows = exact.length;
  const columns = rows === 0 ? 0 : exact[0].length;
  if (
    rowTotals.length !== rows ||
    exact.some((r) => r.length !== columns) ||
    (columnSums && columnSums.length !== columns)
  ) {
    throw new RangeError("the totals do not match the table's shape");
  }
  if (!rowTotals.every((t) => t.isInteger())) throw new RangeError("totals must be whole numbers");
  // Rounded to a whole number: exact values are quotients, taken to the precision of D.
  if (!sum(rowTotals).eq(sum(exact.flat()).round())) {
    throw new RangeError("the row totals do not add up to the table's sum");
  }
  exact.forEach((r, i) => {
    if (rowTotals[i].minus(sum(r)).abs().gte(1)) {
      throw new RangeError(`row ${i + 1}'s total is a unit or more from its exact sum`);
    }
  });
  const floors = exact.map((r) => r.map((x) => x.floor()));
  const fractions = exact.map((r, i) => r.map((x, j) => x.minus(floors[i][j])));

  // Rank of each fractional part among all of them: 1 for the largest, equal parts equal rank.
  const positive = fractions
    .flatMap((r, i) => r.map((f, j) => ({ f, i, j })))
    .filter((c) => !c.f.isZero())
    .sort((a, b) => b.f.comparedTo(a.f));
  const rank = fractions.map((r) => r.map(() => 0));
  positive.forEach((c, k) => {
    const previous = positive[k - 1];
    rank[c.i][c.j] = previous && previous.f.eq(c.f) ? rank[previous.i][previous.j] : k + 1;
  });
  const ranks = positive.length + 1;
  // More than every rank-cost of all cells together: one unit further anywhere weighs more.
  const further = ranks * (rows * columns + 1);
  // More than every other cost together: a column below its exact sum rounded down never pays.
  const required = further * (3 * rows * columns + 1);

  const source = rows + columns;
  const sink = source + 1;
  const graph: Edge[][] = Array.from({ length: sink + 1 }, () => []);
  const addEdge = (
    from: number,
    to: number,
    capacity: number,
    cost: number,
    cell?: Edge["cell"]
  ) => {
    if (capacity <= 0) return;
    graph[from].push({ to, capacity, cost, reverse: graph[to].length, cell });
    graph[to].push({ to: from, capacity: 0, cost: -cost, reverse: graph[from].length - 1 });
  };
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const up = { row: i, column: j, sign: 1 as const };
      const column = rows + j;
      if (!fractions[i][j].isZero()) addEdge(i, column, 1, rank[i][j] - ranks, up);
      addEdge(i, column, 2, further, up);
      const below = Math.min(2, Math.max(0, floors[i][j].toNumber()));
      addEdge(column, i, below, further, { row: i, column: j, sign: -1 });
    }
  }
  let needed = 0;
  for (let i = 0; i < rows; i++) {
    // Never negative: a total within a unit of its row's sum is at least its floors' sum.
    const units = rowTotals[i].minus(sum(floors[i])).toNumber();
    addEdge(source, i, units, 0);
    needed += units;
  }
  const lowest: number[] = [];
  for (let j = 0; j < columns; j++) {
    const floorSum = sum(floors.map((r) => r[j]));
    const parts = (columnSums ? columnSums[j] : sum(exact.map((r) => r[j]))).minus(floorSum);
    lowest.push(parts.floor().toNumber());
    addEdge(rows + j, sink, parts.floor().toNumber(), -required);
    addEdge(rows + j, sink, parts.ceil().minus(parts.floor()).toNumber(), 0);
  }

  let sent = 0;
  for (
    let path = cheapestPath(graph, source, sink);
    path;
    path = cheapestPath(graph, source, sink)
  ) {
    for (const { node, edge } of path) {
      const e = graph[node][edge];
      e.capacity -= 1;
      graph[e.to][e.reverse].capacity += 1;
    }
    sent++;
  }
  if (sent !== needed) throw new RangeError("no rounding of the table with these row totals");

  const cells = floors.map((r) => r.map((f) => f));
  for (let node = 0; node < source; node++) {
    for (const e of graph[node]) {
      if (!e.cell) continue;
      // The units that went through this edge are its reverse edge's capacity.
      const used = graph[e.to][e.reverse].capacity;
      if (used === 0) continue;
      const { row, column, sign } = e.cell;
      cells[row][column] = cells[row][column].plus(sign * used);
    }
  }
  const columnTotals = Array.from({ length: columns }, (_, j) => sum(cells.map((r) => r[j])));
  columnTotals.forEach((t, j) => {
    if (t.lt(sum(floors.map((r) => r[j])).plus(lowest[j]))) {
      throw new RangeError(`column ${j + 1} cannot reach its exact sum rounded down`);
    }
  });
  const beyondOneUnit: [number, number][] = [];
  cells.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v.minus(exact[i][j]).abs().gte(1)) beyondOneUnit.push([i, j]);
    })
  );
  return { cells, columnTotals, beyondOneUnit };
}

/**
 * The cheapest path with capacity from source to sink. Costs may be negative (never in a cycle:
 * successive shortest paths keep the residual graph free of negative cycles), so shortest paths
 * are found by Bellman–Ford, in its queue form.
 */
function cheapestPath(
  graph: Edge[][],
  source: number,
  sink: number
): { node: number; edge: number }[] | undefined {
  const distance = graph.map(() => Infinity);
  const via: ({ node: number; edge: number } | undefined)[] = graph.map(() => undefined);
  const queued = graph.map(() => false);
  const queue = [source];
  distance[source] = 0;
  queued[source] = true;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    queued[node] = false;
    graph[node].forEach((e, edge) => {
      if (e.capacity <= 0 || distance[node] + e.cost >= distance[e.to]) return;
      distance[e.to] = distance[node] + e.cost;
      via[e.to] = { node, edge };
      if (!queued[e.to]) {
        queued[e.to] = true;
        queue.push(e.to);
      }
    });
  }
  if (distance[sink] === Infinity) return undefined;
  const path: { node: number; edge: number }[] = [];
  for (let at = via[sink]; at; at = via[at.node]) path.unshift(at);
  return path;
}
