import Decimal from "decimal.js";
import { exactKeyTable } from "../../src/core/exactKeyTable";
import { D } from "../../src/core/money";
import { keyTableReport, planTotalSource } from "../../src/report/keyTableSheet";
import { ReportSheet } from "../../src/report/sheet";

/*
 * Three municipalities, young people 1 / 1 / 2, weights 50% equal share and 50% young people,
 * € 1.000 to distribute. By hand: keys 1/6 + 1/8 = 29,1667% (Beek, Stein) and 1/6 + 1/4 =
 * 41,6667% (Vaals); contributions 291,67 / 291,67 / 416,67 → 291 / 291 / 416 and the 2 euros
 * left go to the larger key first, then by name: Vaals 417, Beek 292, Stein 291. Parts: 500
 * equal share, 500 young people; the equal-share cells 166,67 each, young people 125 / 125 /
 * 250 exactly, so the rows force equal share 167 / 166 / 167.
 */
const rows = [
  { municipality: "Beek", values: new Map([["jongeren", new D(1)]]) },
  { municipality: "Stein", values: new Map([["jongeren", new D(1)]]) },
  { municipality: "Vaals", values: new Map([["jongeren", new D(2)]]) },
];
const weights = new Map([
  ["gelijk", new D(50)],
  ["jongeren", new D(50)],
]);

function sheet(lang: "nl" | "en" = "nl"): ReportSheet {
  const table = exactKeyTable(rows, weights, new D(1000));
  return keyTableReport(
    table,
    { year: 2025, total: planTotalSource("Tabel 4", 2025, { sheet: "Tabel 4", address: "F9" }) },
    { title: "Uitvoeringsplan 2025", name: "plan.xlsx" },
    lang,
    new Date("2026-12-02T02:00:00Z")
  ).sheets[0];
}

/** The table's rows by their first cell, as plain values. */
function table(s: ReportSheet): Map<string, unknown[]> {
  const body = s.rows.slice(s.titleRow - 1);
  return new Map(
    body.map((r) => [
      String(r.cells[0]?.value ?? ""),
      r.cells.map((c) => (c.value instanceof Decimal ? c.value.toNumber() : c.value)),
    ])
  );
}

test("the key table sheet: weights, shares, key, amounts per component and contribution as numbers", () => {
  const s = sheet();
  expect(s.name).toBe("Sleuteltabel 2025");
  expect(s.rows[0].cells[0].value).toBe("Herberekening verdeelsleutel 2025 — Uitvoeringsplan 2025");
  const t = table(s);
  expect(t.get("Gemeente")).toEqual([
    "Gemeente",
    "Gelijk deel (aandeel)",
    "Jongeren < 20 (aandeel)",
    "Sleutel",
    "Gelijk deel (bedrag)",
    "Jongeren < 20 (bedrag)",
    "Bijdrage",
  ]);
  expect(t.get("Weging")?.slice(0, 3)).toEqual(["Weging", 0.5, 0.5]);
  const beek = t.get("Beek") as number[];
  expect(beek[1]).toBeCloseTo(1 / 3, 12);
  expect(beek[2]).toBe(0.25);
  expect(beek[3]).toBeCloseTo(1 / 6 + 1 / 8, 12);
  expect(beek.slice(4)).toEqual([167, 125, 292]);
  expect(t.get("Stein")?.slice(4)).toEqual([166, 125, 291]);
  expect(t.get("Vaals")?.slice(4)).toEqual([167, 250, 417]);
  expect(t.get("Totaal")?.slice(1)).toEqual([1, 1, 1, 500, 500, 1000]);
  // Every figure is a number with a Dutch format; shares and keys with 4 decimals.
  const beekRow = s.rows.find((r) => r.cells[0]?.value === "Beek")!;
  expect(beekRow.cells.slice(1).map((c) => c.format)).toEqual([
    "percent",
    "percent",
    "percent",
    "euro",
    "euro",
    "euro",
  ]);
  expect(beekRow.cells[3].decimals).toBe(4);
});

test("the facts say what was distributed, from where, with which weights, and what the table guarantees", () => {
  const s = sheet();
  const texts = s.rows
    .flatMap((r) => r.cells.map((c) => c.value))
    .filter((v) => typeof v === "string");
  expect(texts).toEqual(
    expect.arrayContaining([
      "Te verdelen",
      "Tabel 4, 2025 ('Tabel 4'!F9)",
      "gelijk deel 50%, jongeren < 20 50%",
      expect.stringContaining("Elke rij telt op tot de bijdrage van de gemeente"),
    ])
  );
  const en = table(sheet("en"));
  expect(en.get("Municipality")?.[1]).toBe("Equal share (share)");
  expect(en.get("Total")?.[6]).toBe(1000);
});
