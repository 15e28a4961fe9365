import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCompareArgs } from "../../src/cli/compare";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { D } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { writeExamples } from "../../src/workbook/examples";
import { writeTemplateWorkbook } from "../../src/workbook/template";
import { hamilton, PUBLISHED_KEYS_BP } from "../support/hamilton";
import { runCli } from "../support/runCli";

// The published keys of Tabel 6 in basis points and the Tabel 4 totals.
const BP = [...PUBLISHED_KEYS_BP];
const TOTAL_2024 = 2582231n;
const TOTAL_2025 = 2183425n;

describe("up compare on the embedded plan", () => {
  test("--year 2024 --year 2025: each difference is the change of the computed contribution, with both parts", async () => {
    const before = hamilton(TOTAL_2024, BP, MUNICIPALITIES);
    const after = hamilton(TOTAL_2025, BP, MUNICIPALITIES);
    const r = await runCli(["compare", "--year", "2024", "--year", "2025", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.source).toBe("computed");
    expect(out.method).toMatch(/Totaaleffect/);
    expect(out.rows.map((x: { municipality: string }) => x.municipality)).toEqual(MUNICIPALITIES);
    out.rows.forEach((row: Record<string, number>, i: number) => {
      expect(row.old).toBe(Number(before[i]));
      expect(row.new).toBe(Number(after[i]));
      expect(row.difference).toBe(Number(after[i] - before[i]));
      // One plan, one key: the whole difference is the effect of the lower total.
      expect(row.totalEffect).toBe(row.difference);
      expect(row.keyEffect).toBe(0);
    });
    expect(out.totals).toMatchObject({
      old: 2582231,
      new: 2183425,
      difference: 2183425 - 2582231,
      totalEffect: 2183425 - 2582231,
      keyEffect: 0,
    });
    // −398.806 / 2.582.231 = −15,4442…%
    expect(out.totals.percent).toBe("-15.4442");
  });

  test("--source stated: the difference of the published Tabel 6 amounts, parts adding up", async () => {
    const plan = plan2024();
    const r = await runCli([
      "compare",
      "--year",
      "2024",
      "--year",
      "2025",
      "--source",
      "stated",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.source).toBe("stated");
    for (const row of plan.contributions!.rows) {
      const published2024 = row.values.get(2024)!.value.toNumber();
      const published2025 = row.values.get(2025)!.value.toNumber();
      const got = out.rows.find((x: { municipality: string }) => x.municipality === row.label);
      expect([got.old, got.new, got.difference]).toEqual([
        published2024,
        published2025,
        published2025 - published2024,
      ]);
      expect(got.totalEffect + got.keyEffect).toBe(got.difference);
    }
    // Σ Tabel 6 2024 = 2.582.233 and 2025 = 2.183.426 (two and one euro above Tabel 4).
    expect(out.totals.old).toBe(2582233);
    expect(out.totals.new).toBe(2183426);
    expect(out.totals.keyEffect).toBe(0);
  });

  test("the Dutch table names the sides, the figures and the method", async () => {
    const before = hamilton(TOTAL_2024, BP, MUNICIPALITIES);
    const after = hamilton(TOTAL_2025, BP, MUNICIPALITIES);
    const i = MUNICIPALITIES.indexOf("Heerlen");
    const dutch = (n: bigint) =>
      `€ ${(n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
    const r = await runCli(["compare", "--year", "2024", "--year", "2025"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      "Bijdragen per gemeente vergeleken (berekend: totaal Tabel 4 × verdeelsleutel)"
    );
    expect(lines[1]).toMatch(
      /^Oud:\s+Uitvoeringsplan 2024 \(ingebouwd\), 2024 — totaal € 2\.582\.231$/
    );
    expect(lines[2]).toMatch(
      /^Nieuw:\s+Uitvoeringsplan 2024 \(ingebouwd\), 2025 — totaal € 2\.183\.425$/
    );
    expect(lines[4].split(/\s{2,}/)).toEqual([
      "Gemeente",
      "2024",
      "2025",
      "Verschil",
      "%",
      "Totaaleffect",
      "Sleuteleffect",
    ]);
    const heerlen = lines.find((l) => l.startsWith("Heerlen "))!.split(/\s{2,}/);
    const diff = after[i] - before[i];
    expect(heerlen.slice(0, 4)).toEqual([
      "Heerlen",
      dutch(before[i]),
      dutch(after[i]),
      `-${dutch(diff)}`,
    ]);
    expect(heerlen.slice(5)).toEqual([`-${dutch(diff)}`, "€ 0"]);
    expect(r.stdout).toContain("Methode: Bijdrage = totaal van Tabel 4");
    expect(r.stdout).toContain("Inkopers: 2 → 1,5 (-0,5)");
    expect(r.stdout).toContain("Tabel 3 Materiële kosten: geen wijzigingen");
  });

  test("--lang en --explain: English table and a paragraph per municipality", async () => {
    const r = await runCli([
      "compare",
      "--year",
      "2024",
      "--year",
      "2025",
      "--lang",
      "en",
      "--explain",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Municipality\s+2024\s+2025\s+Difference\s+%\s+Total effect\s+Key effect/
    );
    expect(r.stdout).toContain("Explanation per municipality");
    const paragraphs = r.stdout.split("\n").filter((l) => / pays /.test(l));
    expect(paragraphs).toHaveLength(16);
    expect(paragraphs[0]).toMatch(/^Beek pays €77,075 in 2025; that is €14,078 less than in 2024/);
  });

  test("--explain in Dutch gives the paragraphs in the JSON too", async () => {
    const r = await runCli(["compare", "--year", "2023", "--year", "2024", "--json", "--explain"]);
    const out = JSON.parse(r.stdout);
    expect(out.explanations).toHaveLength(16);
    expect(out.explanations[0].text).toMatch(/^Beek betaalt in 2024 .* meer dan in 2023/);
    // Tabel 2 has no 2023 column.
    expect(out.tables.find((t: { table: string }) => t.table === "Tabel 2").status).toBe("missing");
  });
});

describe("up compare, bad input: exit 2 with the reason on stderr", () => {
  test.each([
    [["--year", "2024", "--year", "2031"], /2031.*Tabel 4/],
    [["--year", "2024"], /twee kanten/],
    [
      ["--year", "2024", "--year", "2025", "--source", "geschat"],
      /--source moet computed of stated/,
    ],
    [["--year", "twintig", "--year", "2025"], /'twintig' is geen jaartal/],
    [
      ["bestaat-niet.xlsx", "--year", "2025", "--year", "2025"],
      /Bestand niet gevonden: bestaat-niet.xlsx/,
    ],
    [["a.xlsx", "b.xlsx"], /Geef met --year/],
    [["--year", "2024", "--year", "2025", "--wat"], /Ongeldige argumenten/],
  ])("%j", async (args, message) => {
    const r = await runCli(["compare", ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  test("in English with --lang en", async () => {
    const r = await runCli(["compare", "--year", "2024", "--year", "2031", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Year 2031 is not in Tabel 4/);
  });
});

describe("sides as typed", () => {
  test("two files and one year: both files in that year", () => {
    const { sides } = parseCompareArgs(["oud.xlsx", "nieuw.xlsx", "--year", "2025"]);
    expect(sides).toEqual([
      { file: "oud.xlsx", year: 2025 },
      { file: "nieuw.xlsx", year: 2025 },
    ]);
  });

  test("a year after a file belongs to it; a second year starts the embedded plan", () => {
    expect(parseCompareArgs(["oud.xlsx", "--year", "2024", "--year", "2025"]).sides).toEqual([
      { file: "oud.xlsx", year: 2024 },
      { year: 2025 },
    ]);
    expect(
      parseCompareArgs(["plan.xlsx", "--year", "2024", "plan.xlsx", "--year", "2025"]).sides
    ).toEqual([
      { file: "plan.xlsx", year: 2024 },
      { file: "plan.xlsx", year: 2025 },
    ]);
  });

  test("the embedded plan first, a workbook second taking its year", () => {
    const { sides, source, lang, json } = parseCompareArgs([
      "--year=2024",
      "concept.xlsx",
      "--source=stated",
      "--lang",
      "en",
    ]);
    expect(sides).toEqual([{ year: 2024 }, { file: "concept.xlsx", year: 2024 }]);
    expect([source, lang, json]).toEqual(["stated", "en", false]);
  });
});

describe("up compare with workbooks", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "up-compare-"));
    await writeExamples(dir);
    // A draft: Vaals's key 2,56% → 2,66%, Voerendaal's 2,59% → 2,49%, and € 100.000 more
    // staff costs jeugd in 2025 (Tabel 4 total 2.183.425 → 2.283.425).
    const draft = plan2024();
    const rows = draft.contributions!.rows;
    rows.find((r) => r.municipality === "Vaals")!.key = { value: new D("0.0266"), decimals: 2 };
    rows.find((r) => r.municipality === "Voerendaal")!.key = {
      value: new D("0.0249"),
      decimals: 2,
    };
    draft.totals!.staffYouth.values.set(2025, { value: new D(1978925) });
    draft.totals!.total.values.set(2025, { value: new D(2283425) });
    const bytes = await writeTemplateWorkbook(draft).xlsx.writeBuffer();
    await writeFile(join(dir, "concept-2025.xlsx"), new Uint8Array(bytes));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test("the 2024 template workbook against the embedded plan: nothing changed", async () => {
    const r = await runCli(
      ["compare", "up-2024-template.xlsx", "--year", "2025", "--year", "2025", "--json"],
      dir
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.old.file).toBe("up-2024-template.xlsx");
    expect(out.new.file).toBeNull();
    expect(out.rows).toHaveLength(16);
    for (const row of out.rows) {
      expect([row.difference, row.totalEffect, row.keyEffect]).toEqual([0, 0, 0]);
    }
    for (const t of out.tables)
      expect([t.table, t.status, t.changes]).toEqual([t.table, "compared", []]);
  });

  test("the published layout, stated amounts, against the embedded plan: nothing changed", async () => {
    const r = await runCli(
      ["compare", "--year", "2024", "up-2024-published.xlsx", "--source", "stated", "--json"],
      dir
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.old.year, out.new.year]).toEqual([2024, 2024]);
    for (const row of out.rows) expect(row.difference).toBe(0);
  });

  test("two workbooks, same year: total effect of the higher total, key effect of the new keys", async () => {
    // old = 2.183.425 with the published keys; M = 2.283.425 with the published keys;
    // new = 2.283.425 with the draft keys. Total effect = M − old, key effect = new − M.
    const draftBp = BP.map((w, i) =>
      MUNICIPALITIES[i] === "Vaals" ? w + 10n : MUNICIPALITIES[i] === "Voerendaal" ? w - 10n : w
    );
    const before = hamilton(TOTAL_2025, BP, MUNICIPALITIES);
    const middle = hamilton(2283425n, BP, MUNICIPALITIES);
    const after = hamilton(2283425n, draftBp, MUNICIPALITIES);
    const r = await runCli(
      ["compare", "up-2024-template.xlsx", "concept-2025.xlsx", "--year", "2025", "--json"],
      dir
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    out.rows.forEach((row: Record<string, number>, i: number) => {
      expect([row.old, row.new]).toEqual([Number(before[i]), Number(after[i])]);
      expect(row.totalEffect).toBe(Number(middle[i] - before[i]));
      expect(row.keyEffect).toBe(Number(after[i] - middle[i]));
    });
    expect(out.totals).toMatchObject({ difference: 100000, totalEffect: 100000, keyEffect: 0 });
    const keys = out.tables.find((t: { table: string }) => t.table === "Sleutel").changes;
    expect(keys.map((k: { line: string }) => k.line)).toEqual(["Vaals", "Voerendaal"]);
    const t4 = out.tables.find((t: { table: string }) => t.table === "Tabel 4").changes;
    expect(t4.map((k: { line: string; difference: number }) => [k.line, k.difference])).toEqual([
      ["formatiekosten jeugd", 100000],
      ["totaal", 100000],
    ]);
  });

  test("a file that is not a workbook: exit 2 with the reader's message", async () => {
    await writeFile(join(dir, "kapot.xlsx"), "geen zip");
    const r = await runCli(["compare", "kapot.xlsx", "--year", "2025", "--year", "2025"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^up compare: .*kapot\.xlsx/);
  });
});

describe("up compare on a merged plan", () => {
  test("per cost pool and over the pools: each municipality's pools add up to its total, to the cent", async () => {
    const dir = await mkdtemp(join(tmpdir(), "up-compare-pools-"));
    const file = join(dir, "pools.xlsx");
    try {
      expect((await runCli(["template", file, "--pools"])).code).toBe(0);
      const r = await runCli(["compare", file, "--year", "2025", file, "--year", "2026", "--json"]);
      expect([r.code, r.stderr]).toEqual([0, ""]);
      const out = JSON.parse(r.stdout);
      type Row = Record<string, number> & { municipality: string };
      expect(out.pools.map((p: { name: string }) => p.name)).toEqual(["verwerving", "beleid"]);
      const cents = (v: number) => Math.round(v * 100);
      out.rows.forEach((row: Row) => {
        const parts = out.pools.map((p: { rows: Row[] }) =>
          p.rows.find((x) => x.municipality === row.municipality)!
        );
        for (const field of ["old", "new", "difference", "totalEffect", "keyEffect"]) {
          expect(cents(row[field])).toBe(cents(parts[0][field]) + cents(parts[1][field]));
        }
      });
      expect(out.rows).toHaveLength(16);
      expect(cents(out.totals.old)).toBe(
        cents(out.pools[0].oldTotal) + cents(out.pools[1].oldTotal)
      );
      // The policy pool is in cents; its key did not change between the years.
      expect(out.pools[1].rows.some((x: Row) => !Number.isInteger(x.difference))).toBe(true);
      expect(out.pools[1].rows.every((x: Row) => x.keyEffect === 0)).toBe(true);
      const text = await runCli(["compare", file, "--year", "2025", file, "--year", "2026"]);
      expect(text.stdout).toContain("Kostenpool beleid (Dekking kosten regio-samenwerking)");
      expect(text.stdout).toContain(
        "Totaal over de kostenpools (wat elke gemeente in totaal betaalt)"
      );
      expect(text.stdout).toMatch(/Simpelveld +€ 7\.590,54 +€ 7\.819,00/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
