import { parseAddress, parseReference } from "../../src/core/address";
import { checkPlan } from "../../src/core/check";
import { CellRef, Finding, TableId } from "../../src/core/model";
import { poolsOf } from "../../src/core/pools";
import { groupByCause } from "../../src/report/causes";
import { ALL_INJECTED, mergedPlanCells } from "../support/mergedPlan";
import { readSheets } from "./sheetCells";

/*
 * A budget-share pool's tables are no "Tabel 6": in the merged plan of test/support/mergedPlan.ts
 * with every inconsistency put in, each finding of the policy pool names its table by the title
 * the plan gives it and points at a cell of that table; the purchasing pool's texts stay as they
 * were ("Tabel 6, 2026: …").
 */

const POLICY_TABLE = "Dekking kosten regio-samenwerking";
const POLICY_BUDGET = "Begroting regio-samenwerking jeugd 2025-2026";

async function dirtyPlan() {
  const cells = mergedPlanCells(ALL_INJECTED);
  return (await readSheets([{ name: "Plan 2025", cells }], "merged.xlsx")).plan!;
}

/** Whether a cell lies inside a range such as "'Plan 2025'!A12:F30". */
function inside(cell: CellRef, range: string): boolean {
  const r = parseReference(range)!;
  const { row, column } = parseAddress(cell.address)!;
  return (
    cell.sheet === r.sheet &&
    row >= r.top &&
    row <= r.bottom &&
    column >= r.left &&
    column <= r.right
  );
}

describe("the policy pool's findings name its own tables", () => {
  test("the reader keeps the titles the plan gives the policy pool's tables", async () => {
    const [policy, purchasing] = poolsOf(await dirtyPlan()).map((p) => p.plan);
    expect(policy.source.titles).toEqual({ "Tabel 6": POLICY_TABLE, Begroting: POLICY_BUDGET });
    expect(purchasing.source.titles).toBeUndefined();
  });

  test("each policy finding's text starts with its table's title and its cell is in that table", async () => {
    const plan = await dirtyPlan();
    const policy = poolsOf(plan)[0].plan;
    const own = checkPlan(plan).findings.filter((f) => f.pool === "beleid");
    const titleOf: Partial<Record<TableId, string>> = {
      "Tabel 6": POLICY_TABLE,
      Begroting: POLICY_BUDGET,
    };
    expect(own.map((f) => [f.rule, f.tableTitle])).toEqual([
      ["LINES-SUM", POLICY_BUDGET],
      ["ALLOC-AMOUNT", POLICY_TABLE],
      ["ALLOC-AMOUNT", POLICY_TABLE],
      ["ALLOC-SUM", POLICY_TABLE],
      ["BUDGET-SHARE", POLICY_TABLE],
      ["BUDGET-SHARE", POLICY_TABLE],
    ]);
    for (const f of own) {
      const title = titleOf[f.table]!;
      expect(f.message.nl.startsWith(`${title}, `)).toBe(true);
      expect(f.message.en.startsWith(`${title}, `)).toBe(true);
      expect(`${f.message.nl} ${f.message.en}`).not.toMatch(/Tabel 6|Bijdragen per gemeente/);
      expect(inside(f.cell!, policy.source.tables[f.table]!)).toBe(true);
    }
    expect(own[1].message.nl).toMatch(
      /^Dekking kosten regio-samenwerking, Kerkrade 2026: € 39\.625,97, maar .* \(te verdelen bedrag van de begroting\)/
    );
  });

  test("the purchasing pool's finding still says Tabel 6", async () => {
    const plan = await dirtyPlan();
    const [euro] = checkPlan(plan).findings.filter((f: Finding) => f.pool === "verwerving");
    expect(euro.tableTitle).toBeUndefined();
    expect(euro.message.nl).toMatch(
      /^Tabel 6, 2026: de bedragen van de gemeenten tellen op tot € 2\.273\.551/
    );
    expect(euro.message.en).toMatch(/^Tabel 6, 2026: the municipalities' amounts add up/);
  });

  test("findings of one rule in two pools are two groups, each named by its pool and own table", async () => {
    const plan = await dirtyPlan();
    const sums = groupByCause(checkPlan(plan), plan).filter((g) => g.rule === "ALLOC-SUM");
    expect(sums.map((g) => g.title.nl)).toEqual([
      `beleid · ${POLICY_TABLE}: in 1 jaar tellen de afgeronde bedragen niet op tot de totaalregel`,
      "verwerving · Tabel 6: in 1 jaar tellen de afgeronde bedragen niet op tot de totaalregel",
    ]);
    expect(sums.map((g) => g.findings.map((f) => f.pool))).toEqual([["beleid"], ["verwerving"]]);
  });
});
