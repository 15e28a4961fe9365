import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { workbookOf } from "../reader/sheetCells";
import {
  ALL_INJECTED,
  dekkingRow,
  Injected,
  mergedPlanCells,
  policyCents,
  purchasingEuros,
  t6Row,
} from "../support/mergedPlan";
import { runCli } from "../support/runCli";

/*
 * `up check` and `up contribution` on the invented merged plan of test/support/mergedPlan.ts,
 * written to real .xlsx files: the pools, each finding's pool, and contributions per pool that
 * add up exactly to the total over the pools.
 */

let dir: string;
let clean: string;
let dirty: string;

async function write(name: string, injected: Injected): Promise<string> {
  const file = join(dir, name);
  const data = await workbookOf([
    { name: "Plan 2025", cells: mergedPlanCells(injected) },
  ]).xlsx.writeBuffer();
  await writeFile(file, new Uint8Array(data as ArrayBuffer));
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "up-pools-"));
  clean = await write("samengevoegd.xlsx", {});
  dirty = await write("samengevoegd-fouten.xlsx", ALL_INJECTED);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (address: string) => `'Plan 2025'!${address}`;

describe("up check on a merged plan", () => {
  it("--json lists both pools and exactly the inconsistencies put in, per pool, with cells", async () => {
    const r = await runCli(["check", dirty, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.pools).toEqual([
      {
        name: "beleid",
        title: "Dekking kosten regio-samenwerking",
        method: "budget-share",
        unit: "cent",
        years: [2025, 2026],
        tables: { Begroting: at("A3:C10"), "Tabel 6": at("A12:F30") },
      },
      {
        name: "verwerving",
        title: "Uitvoeringskosten per gemeente",
        method: "sla",
        unit: "euro",
        years: [2025, 2026],
        tables: {
          "Tabel 1": at("A33:D38"),
          "Tabel 2": at("A40:C45"),
          "Tabel 3": at("A47:C56"),
          "Tabel 4": at("A58:C62"),
          "Tabel 6": at("A64:D82"),
        },
      },
    ]);
    // The merged plan's own source lists every pool's tables, both contributions tables under Tabel 6.
    expect(json.source.tables).toEqual({
      "Tabel 6": `${at("A12:F30")}; ${at("A64:D82")}`,
      Begroting: at("A3:C10"),
      "Tabel 1": at("A33:D38"),
      "Tabel 2": at("A40:C45"),
      "Tabel 3": at("A47:C56"),
      "Tabel 4": at("A58:C62"),
    });
    const found = json.findings.map((f: Record<string, unknown>) => [f.pool, f.rule, f.cell]);
    expect(found).toEqual([
      ["beleid", "LINES-SUM", at("C10")],
      ["beleid", "ALLOC-AMOUNT", at(`E${dekkingRow("Kerkrade")}`)],
      ["beleid", "ALLOC-AMOUNT", at(`E${dekkingRow("Landgraaf")}`)],
      ["beleid", "ALLOC-SUM", at("D30")],
      ["verwerving", "ALLOC-SUM", at(`D${t6Row("Voerendaal") + 1}`)],
      ["beleid", "BUDGET-SHARE", at(`C${dekkingRow("Meerssen")}`)],
      ["beleid", "BUDGET-SHARE", at(`F${dekkingRow("Simpelveld")}`)],
    ]);
    // The cent drift: € 412.600,02 against € 412.600,00, repaired by two amounts one cent lower.
    const drift = json.findings[3];
    expect([drift.actual, drift.expected, drift.difference]).toEqual(["412600.02", 412600, "0.02"]);
    const cents = policyCents();
    expect(drift.fix).toEqual(
      ["Beek", "Vaals"].map((m) => {
        const c = Number(cents[MUNICIPALITIES.indexOf(m)][0]);
        return {
          municipality: m,
          year: 2025,
          cell: at(`D${dekkingRow(m)}`),
          from: ((c + 1) / 100).toFixed(2),
          to: (c / 100).toFixed(2),
        };
      })
    );
  });

  it("the text output groups the findings by pool", async () => {
    const r = await runCli(["check", dirty]);
    const lines = r.stdout.split("\n");
    const policy = lines.indexOf(
      "Kostenpool beleid — Dekking kosten regio-samenwerking (aandeel in het budget, in centen): 6 bevinding(en)"
    );
    const purchasing = lines.indexOf(
      "Kostenpool verwerving — Uitvoeringskosten per gemeente (SLA-sleutel, in hele euro's): 1 bevinding(en)"
    );
    expect(policy).toBeGreaterThan(0);
    expect(purchasing).toBeGreaterThan(policy);
    const rules = (from: number, to: number) =>
      lines
        .slice(from + 1, to)
        .filter((l) => /^FOUT/.test(l))
        .map((l) => l.split(/\s+/)[1]);
    expect(rules(policy, purchasing)).toEqual([
      "LINES-SUM",
      "ALLOC-AMOUNT",
      "ALLOC-AMOUNT",
      "ALLOC-SUM",
      "BUDGET-SHARE",
      "BUDGET-SHARE",
    ]);
    expect(rules(purchasing, lines.indexOf("", purchasing + 1))).toEqual(["ALLOC-SUM"]);
    // Under each pool's heading the tables it was read from, the policy pool's by their titles.
    expect(lines.slice(policy + 1, policy + 3)).toEqual([
      `  Begroting regio-samenwerking jeugd 2025-2026: ${at("A3:C10")}`,
      `  Dekking kosten regio-samenwerking: ${at("A12:F30")}`,
    ]);
    expect(lines[purchasing + 5]).toBe(
      `  Tabel 6 Uitvoeringskosten per gemeente: ${at("A64:D82")}`
    );
    // Each finding names its own pool's table: the policy pool's by its title, not "Tabel 6".
    expect(lines).toContain(
      `FOUT  ALLOC-SUM  Dekking kosten regio-samenwerking · 2025 · Totaal · ${at("D30")}`
    );
    expect(lines).toContain(`FOUT  ALLOC-SUM  Tabel 6 · 2026 · Totaal · ${at("D82")}`);
    expect(lines).toContain(
      "    Dekking kosten regio-samenwerking, 2025: de bedragen van de gemeenten tellen op tot € 412.600,02, maar de totaalregel is € 412.600,00 (verschil +€ 0,02). Herstel: 2 bedragen € 0,01 lager, gekozen naar de grootste rest met de sleutel uit de budgetten (budget ÷ totaal van de budgetten): Beek ('Plan 2025'!D14) € 9.357,82 → € 9.357,81, Vaals ('Plan 2025'!D27) € 4.839,68 → € 4.839,67"
    );
  });

  it("clean: both pools, no finding, exit 0", async () => {
    const r = await runCli(["check", clean, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.pools.map((p: { name: string }) => p.name)).toEqual(["beleid", "verwerving"]);
    expect(json.findings).toEqual([]);
  });

  it("a single-pool plan lists itself as its one pool and its findings with pool null", async () => {
    const json = JSON.parse((await runCli(["check", "--json"])).stdout);
    expect(json.pools).toEqual([
      {
        name: "",
        title: expect.any(String),
        method: "sla",
        unit: "euro",
        years: [2023, 2024, 2025, 2026, 2027],
        tables: {},
      },
    ]);
    expect(json.findings.every((f: { pool: unknown }) => f.pool === null)).toBe(true);
  });
});

describe("up contribution on a merged plan", () => {
  it("--pool beleid + --pool verwerving = the total without --pool, exactly, for every municipality", async () => {
    const cents = policyCents();
    const euros = purchasingEuros();
    for (const [m, name] of MUNICIPALITIES.entries()) {
      const run = async (...extra: string[]) => {
        const r = await runCli(["contribution", name, "2025", "--file", clean, ...extra]);
        expect(r.code).toBe(0);
        return r.stdout.trim();
      };
      const policy = await run("--pool", "beleid");
      const purchasing = await run("--pool", "Verwerving");
      const total = await run();
      // In cents, as integers: no binary fractions in the sum.
      const asCents = (s: string) => BigInt(s.replace(".", "")) * (s.includes(".") ? 1n : 100n);
      expect(asCents(policy) + asCents(purchasing)).toBe(asCents(total));
      // The policy pool answers in euros and cents; the amounts are those the plan states.
      expect(policy).toMatch(/^\d+\.\d\d$/);
      expect(asCents(policy)).toBe(cents[m][0]);
      expect(purchasing).toBe(String(euros[m][0]));
    }
  });

  it("--pools shows each pool and the total over the pools per year", async () => {
    const r = await runCli(["contribution", "heerlen", "--pools", "--file", clean]);
    expect(r.code).toBe(0);
    const h = MUNICIPALITIES.indexOf("Heerlen");
    const [c, e] = [policyCents()[h], purchasingEuros()[h]];
    const money = (cents: bigint) =>
      `€ ${(cents / 100n).toLocaleString("nl-NL")},${String(cents % 100n).padStart(2, "0")}`;
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Heerlen, bijdrage per kostenpool (berekend)");
    for (const [i, year] of [2025, 2026].entries()) {
      const row = lines.find((l) => l.startsWith(String(year)))!.split(/\s{2,}/);
      expect(row).toEqual([
        String(year),
        money(c[i]),
        money(e[i] * 100n),
        money(c[i] + e[i] * 100n),
      ]);
    }
    expect(lines).toContain("beleid: Dekking kosten regio-samenwerking");
    const json = JSON.parse(
      (await runCli(["contribution", "Heerlen", "2026", "--pools", "--json", "--file", clean]))
        .stdout
    );
    expect(json.years).toEqual([
      {
        year: 2026,
        pools: { beleid: (Number(c[1]) / 100).toFixed(2), verwerving: Number(e[1]) },
        total: (Number(c[1] + e[1] * 100n) / 100).toFixed(2),
      },
    ]);
  });

  it("an unknown pool: exit 2 with the pools there are", async () => {
    const r = await runCli([
      "contribution",
      "Heerlen",
      "2025",
      "--file",
      clean,
      "--pool",
      "overhead",
    ]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'up contribution: Kostenpool "overhead" bestaat niet in dit plan; er zijn: beleid, verwerving\n',
    });
  });

  it("--pool on a plan of one pool: exit 2", async () => {
    const r = await runCli(["contribution", "Heerlen", "2025", "--pool", "beleid"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Dit plan heeft één kostenpool");
  });
});

describe("up settle on a merged plan", () => {
  it("settles one pool, named with --pool, to the cent; without --pool it asks which", async () => {
    const r = await runCli([
      "settle",
      clean,
      "--year",
      "2025",
      "--actual",
      "420000",
      "--pool",
      "beleid",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const cents = policyCents();
    // The advances are the policy pool's 2025 contributions (Σ € 412.600,00), in cents.
    expect(
      json.rows.map((row: { advance: string | number }) => Math.round(Number(row.advance) * 100))
    ).toEqual(cents.map((c) => Number(c[0])));
    expect(json.totals).toEqual({
      advance: 412600,
      final: 420000,
      settlement: 7400,
      costEffect: 7400,
      keyEffect: 0,
    });
    const asked = await runCli(["settle", clean, "--year", "2025", "--actual", "420000"]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain("Dit plan heeft 2 kostenpools (beleid, verwerving)");
  });
});
