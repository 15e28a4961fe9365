import { Figure, Plan, PlanLine } from "../../src/core/model";
import { D } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { ReadResult } from "../../src/reader";
import { writePublishedWorkbook } from "../../src/workbook/published";
import { readPlanFromBuffer } from "../../src/workbook/read";
import { figureDifferences } from "./planFigures";

async function roundTrip(plan: Plan): Promise<ReadResult> {
  const data = await writePublishedWorkbook(plan).xlsx.writeBuffer();
  return readPlanFromBuffer(new Uint8Array(data as ArrayBuffer), "plak.xlsx");
}

/** Tabel 2 of the 2024 plan moved to other years: the amounts of `from` become those of `to`. */
function staffCostsIn(years: number[]): Plan {
  const plan = plan2024();
  const c = plan.staffCosts!;
  const move = (l: PlanLine) => {
    const old = [...l.values.values()];
    l.values = new Map(years.map((y, i) => [y, old[i]]));
  };
  [c.total, c.youth, c.wmo, c.grandTotal!].forEach(move);
  c.years = years;
  return plan;
}

const errors = (r: ReadResult) => r.notes.filter((n) => n.severity === "error");
const staffYearsNote = (r: ReadResult) =>
  r.notes.find((n) => n.table === "Tabel 2" && n.severity === "info")?.message.nl ?? "";

test("Tabel 2 in years that are not Tabel 3's last years is written under Tabel 3's year columns", async () => {
  const plan = staffCostsIn([2024, 2025]);
  const r = await roundTrip(plan);
  expect(errors(r)).toEqual([]);
  expect(r.plan!.staffCosts!.years).toEqual([2024, 2025]);
  expect(figureDifferences(r.plan!, plan)).toEqual([]);
  expect(staffYearsNote(r)).toContain("staan onder de jaarkolommen");
  // 2024 is Tabel 3's second year column: E.
  expect(r.plan!.staffCosts!.total.values.get(2024)!.cell!.address).toMatch(/^E\d+$/);
});

test("Tabel 2 with years Tabel 3 lacks gets a header row of its own", async () => {
  const plan = staffCostsIn([2025, 2026, 2027, 2028]);
  const r = await roundTrip(plan);
  expect(errors(r)).toEqual([]);
  expect(r.plan!.staffCosts!.years).toEqual([2025, 2026, 2027, 2028]);
  expect(figureDifferences(r.plan!, plan)).toEqual([]);
  expect(staffYearsNote(r)).toBe("");
});

test("figures the Dutch text cannot hold exactly are written as numbers", async () => {
  const plan = plan2024();
  const beek = plan.contributions!.rows[0];
  // The unrounded key behind 3,53%, and an amount with cents.
  const key: Figure = { value: new D("0.035274"), decimals: 2 };
  beek.key = key;
  beek.values.set(2024, { value: new D("91153.40"), decimals: 2 });
  const r = await roundTrip(plan);
  const read = r.plan!.contributions!.rows[0];
  expect(read.key!.value.eq(key.value)).toBe(true);
  expect(read.key!.decimals).toBe(2);
  expect(read.key!.fromText).toBeUndefined();
  expect(read.values.get(2024)!.value.eq(new D("91153.4"))).toBe(true);
  expect(read.values.get(2024)!.decimals).toBe(2);
  expect(figureDifferences(r.plan!, plan)).toEqual([]);
});
