import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { hamilton, PUBLISHED_KEYS_BP } from "../support/hamilton";
import { runCli } from "../support/runCli";

interface Row {
  municipality: string;
  advance: number;
  final: number;
  settlement: number;
  costEffect: number;
  keyEffect: number;
  explanation: string;
}

/** The Tabel 6 amounts of 2025 of the built-in plan, as invoiced. */
const ADVANCES_2025 = new Map(
  plan2024().contributions!.rows.map((r) => [r.municipality!, r.values.get(2025)!.value.toNumber()])
);

/** Made-up final counts for the 16 municipalities, each column with distinct shares. */
const COUNTS = MUNICIPALITIES.map((m, i) => ({
  m,
  j: 1000n + 100n * BigInt(i),
  t: 50n + 5n * BigInt((i * 7) % 16),
  d: 200n + 13n * BigInt((i * 3) % 16),
}));

/**
 * The final key of COUNTS as integer weights: with the totals J, T, D the key is
 * ¼(1/16 + j/J + t/T + d/D), which is proportional to J·T·D + 16·(j·T·D + t·J·D + d·J·T).
 */
function finalWeights(): bigint[] {
  const [J, T, D] = ["j", "t", "d"].map((c) =>
    COUNTS.reduce((s, r) => s + (r[c as "j" | "t" | "d"] as bigint), 0n)
  );
  return COUNTS.map((r) => J * T * D + 16n * (r.j * T * D + r.t * J * D + r.d * J * T));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "up-settle-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

/** `up settle --year 2025 --actual 2250000` on the built-in plan, with more arguments. */
const settle2025 = (...args: string[]) =>
  runCli(["settle", "--year", "2025", "--actual", "2250000", ...args]);

const componentsCsv = () =>
  csv("definitief.csv", [
    "gemeente;jongeren;toekenningen;declaraties",
    ...COUNTS.map((r) => `${r.m};${r.j.toLocaleString("nl-NL")};${r.t};${r.d}`),
  ]);

describe("up settle on the built-in plan", () => {
  test("--year 2025 --actual 2250000: 16 rows, the Tabel 6 advances, finals adding up to € 2.250.000", async () => {
    const r = await settle2025("--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.year).toBe(2025);
    expect(out.actualTotal).toBe(2250000);
    const rows: Row[] = out.rows;
    expect(rows.map((x) => x.municipality)).toEqual(MUNICIPALITIES);
    for (const x of rows) expect(x.advance).toBe(ADVANCES_2025.get(x.municipality));
    const advanceTotal = [...ADVANCES_2025.values()].reduce((a, b) => a + b, 0);
    expect(out.advanceTotal).toBe(advanceTotal);
    expect(rows.reduce((s, x) => s + x.final, 0)).toBe(2250000);
    // No final key: the provisional key of Tabel 6, allocated apart from the product.
    const expected = hamilton(2250000n, [...PUBLISHED_KEYS_BP], MUNICIPALITIES);
    rows.forEach((x, i) => {
      expect(x.final).toBe(Number(expected[i]));
      expect(x.settlement).toBe(x.final - x.advance);
      expect(x.costEffect).toBe(x.settlement);
      expect(x.keyEffect).toBe(0);
    });
    expect(out.keySource).toBe("provisional");
    expect(out.totals.settlement).toBe(2250000 - advanceTotal);
  });

  test("--keys with final components: the key effect is the final key's allocation minus the provisional one", async () => {
    const r = await runCli([
      "settle",
      "--year",
      "2025",
      "--actual",
      "2.250.000",
      "--keys",
      componentsCsv(),
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.keySource).toBe("components");
    expect(out.weights).toEqual({ gelijk: 25, jongeren: 25, toekenningen: 25, declaraties: 25 });
    const provisional = hamilton(2250000n, [...PUBLISHED_KEYS_BP], MUNICIPALITIES);
    const final = hamilton(2250000n, finalWeights(), MUNICIPALITIES);
    const rows: Row[] = out.rows;
    rows.forEach((x, i) => {
      expect(x.final).toBe(Number(final[i]));
      expect(x.costEffect).toBe(Number(provisional[i]) - x.advance);
      expect(x.keyEffect).toBe(Number(final[i] - provisional[i]));
      expect(x.costEffect + x.keyEffect).toBe(x.settlement);
    });
    expect(rows.some((x) => x.keyEffect !== 0)).toBe(true);
    expect(out.totals.keyEffect).toBe(0);
    expect(out.totals.final).toBe(2250000);
  });

  test("the same components from an .xlsx with English headers, and other weights", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Definitief");
    ws.addRow(["municipality", "youth", "allocations", "claims"]);
    for (const c of COUNTS) ws.addRow([c.m, Number(c.j), Number(c.t), Number(c.d)]);
    const path = join(dir, "definitief.xlsx");
    await wb.xlsx.writeFile(path);
    const [a, b] = await Promise.all([
      settle2025("--keys", path, "--json"),
      settle2025("--keys", componentsCsv(), "--json"),
    ]);
    expect(JSON.parse(a.stdout).rows).toEqual(JSON.parse(b.stdout).rows);
    const c = await settle2025(
      "--keys",
      path,
      "--weights",
      "gelijk=40, jongeren=20, toekenningen=20, declaraties=20",
      "--json"
    );
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).weights.gelijk).toBe(40);
    expect(JSON.parse(c.stdout).rows).not.toEqual(JSON.parse(a.stdout).rows);
  });

  test("a key table as the final key", async () => {
    // Every municipality 6,25%: each final is € 2.250.000 / 16 = € 140.625.
    const path = csv("sleutels.csv", [
      "gemeente;sleutel",
      ...MUNICIPALITIES.map((m) => `${m};6,25%`),
    ]);
    const r = await settle2025("--keys", path, "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.keySource).toBe("table");
    expect(out.rows.every((x: Row) => x.final === 140625)).toBe(true);
  });

  test("amounts with cents settle in cents", async () => {
    const r = await runCli(["settle", "--year", "2025", "--actual", "2250000,07", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // A non-integer is written as its exact decimal string (README, "Numbers in --json").
    expect(out.unit).toBe("0.01");
    const finals: (number | string)[] = out.rows.map((x: { final: number | string }) => x.final);
    expect(finals.every((f) => typeof f === "number" || /^\d+\.\d{1,2}$/.test(f))).toBe(true);
    const cents = finals.reduce((s: number, f) => s + Math.round(Number(f) * 100), 0);
    expect(cents).toBe(225000007);
  });

  test("the text table in Dutch, with the explanation per municipality", async () => {
    const r = await settle2025("--keys", componentsCsv(), "--explain");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Afrekening 2025 — Uitvoeringsplan/);
    expect(r.stdout).toMatch(
      /Gemeente\s+Voorschot\s+Definitief\s+Afrekening\s+Kosteneffect\s+Sleuteleffect/
    );
    expect(r.stdout).toMatch(/Totaal\s+€ [\d.]+\s+€ 2\.250\.000/);
    expect(r.stdout).toContain("Positief: de gemeente betaalt bij; negatief: zij krijgt terug.");
    expect(r.stdout).toMatch(/Heerlen (betaalt € [\d.]+ bij|krijgt € [\d.]+ terug): /);
    const json = JSON.parse((await settle2025("--keys", componentsCsv(), "--json")).stdout);
    const heerlen = json.rows.find((x: Row) => x.municipality === "Heerlen");
    expect(r.stdout).toContain(heerlen.explanation);
  });

  test("--lang en", async () => {
    const r = await settle2025("--lang", "en");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Settlement 2025/);
    expect(r.stdout).toMatch(
      /Municipality\s+Advance\s+Final\s+Settlement\s+Cost effect\s+Key effect/
    );
  });

  test("the published example workbook settles as the built-in plan does", async () => {
    const file = join(__dirname, "..", "..", "examples", "up-2024-published.xlsx");
    const [a, b] = await Promise.all([
      runCli(["settle", file, "--year", "2025", "--actual", "2250000", "--json"]),
      settle2025("--json"),
    ]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).rows).toEqual(JSON.parse(b.stdout).rows);
  });
});
