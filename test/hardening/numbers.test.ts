import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bytesOf, cliIn, example, scratch } from "./support";

/*
 * Big numbers stay exact in --json: a number while it is a safe integer, otherwise a string
 * with its exact decimal value (README, "--json"). docs/BAD-INPUT.md rows A16 and R30.
 */

const CSV = "gemeente;jongeren;toekenningen;declaraties\nBeek;1;1;1\nStein;2;3;4\nVaals;7;1;1\n";

test("A16 --total 12345678901234567891: the amounts are exact and add up to the total", async () => {
  const total = "12345678901234567891";
  const r = await cliIn(scratch({ "c.csv": CSV }), "keys", "c.csv", "--total", total, "--json");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { total: string; rows: { amount: string }[] };
  expect(json.total).toBe(total);
  expect(json.rows.every((x) => typeof x.amount === "string")).toBe(true);
  expect(json.rows.reduce((s, x) => s + BigInt(x.amount), 0n)).toBe(BigInt(total));
});

test("A16 amounts within the safe integers stay JSON numbers", async () => {
  const r = await cliIn(
    scratch({ "c.csv": CSV }),
    "keys",
    "c.csv",
    "--total",
    "9007199254740991",
    "--json"
  );
  const json = JSON.parse(r.stdout) as { total: number; rows: { amount: number }[] };
  expect(json.total).toBe(Number.MAX_SAFE_INTEGER);
  expect(json.rows.every((x) => Number.isSafeInteger(x.amount))).toBe(true);
});

test("R30 a 401-digit amount in Tabel 6: expected, actual and difference are exact, never null", async () => {
  const wb = await example("template");
  const huge = `9${"0".repeat(400)}`;
  // Beek 2025 in UP_Bijdragen, as a number stored as text.
  wb.getWorksheet("Bijdragen")!.getCell("F2").value = huge;
  const dir = scratch();
  writeFileSync(join(dir, "groot.xlsx"), await bytesOf(wb));
  const r = await cliIn(dir, "check", "groot.xlsx", "--json");
  expect(r.code).toBe(1);
  const findings = JSON.parse(r.stdout).findings as {
    rule: string;
    cell: string | null;
    expected: unknown;
    actual: unknown;
    difference: unknown;
  }[];
  const amount = findings.find((f) => f.rule === "ALLOC-AMOUNT" && f.cell === "Bijdragen!F2")!;
  expect(amount.actual).toBe(huge);
  expect(amount.expected).toBe(77075);
  expect(amount.difference).toBe((BigInt(huge) - 77075n).toString());
  const sum = findings.find((f) => f.rule === "ALLOC-SUM" && f.cell === "Bijdragen!F18")!;
  // The column's sum keeps all 401 digits: the amount plus the other fifteen.
  const ws = wb.getWorksheet("Bijdragen")!;
  let others = 0n;
  for (let r = 3; r <= 17; r++) others += BigInt(ws.getCell(`F${r}`).value as number);
  expect(BigInt(sum.actual as string) - BigInt(huge)).toBe(others);
  expect(
    findings.some((f) => f.expected === null && f.actual === null && f.rule === "ALLOC-AMOUNT")
  ).toBe(false);
});
