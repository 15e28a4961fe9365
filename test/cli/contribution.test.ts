import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { plan2024 } from "../../src/core/plan2024";
import { writeTemplateWorkbook } from "../../src/workbook/template";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { workbookOf } from "../reader/sheetCells";
import { allKindsPlan, YEARS } from "../support/allKindsPlan";
import { hamilton } from "../support/hamilton";
import { roundedKeysPlan } from "../support/roundedKeysPlan";
import { runCli } from "../support/runCli";

const TEMPLATE = join(__dirname, "..", "..", "examples", "up-2024-template.xlsx");

describe("up contribution", () => {
  it("prints Heerlen's computed 2025 contribution: 261356", async () => {
    const r = await runCli(["contribution", "Heerlen", "2025"]);
    expect(r).toEqual({ code: 0, stdout: "261356\n", stderr: "" });
  });

  it("gives 16 computed contributions that add up exactly to each year's Tabel 4 total", async () => {
    const plan = plan2024();
    for (const year of plan.totals!.years) {
      let sum = 0;
      for (const m of plan.municipalities) {
        const r = await runCli(["contribution", m, String(year), "--json"]);
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout);
        expect(out).toMatchObject({ municipality: m, year, source: "computed" });
        expect(Number.isInteger(out.value)).toBe(true);
        sum += out.value;
      }
      expect(sum).toBe(plan.totals!.total.values.get(year)!.value.toNumber());
    }
  });

  it("gives the amount written in Tabel 6 with --source stated", async () => {
    const plan = plan2024();
    const row = plan.contributions!.rows.find((r) => r.municipality === "Beekdaelen")!;
    const r = await runCli(["contribution", "beekdaelen", "2024", "--source", "stated", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({
      municipality: "Beekdaelen",
      year: 2024,
      source: "stated",
      value: row.values.get(2024)!.value.toNumber(),
      key: null,
      keySource: null,
      notes: [],
    });
  });

  it("answers the same from the template workbook", async () => {
    const r = await runCli(["contribution", "Heerlen", "2025", "--file", TEMPLATE]);
    expect(r.stdout).toBe("261356\n");
  });

  it("names the municipality meant for an unknown name, exit 2", async () => {
    const r = await runCli(["contribution", "Heerle", "2025"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Onbekende gemeente 'Heerle' — bedoelt u Heerlen\?/);
    const nuth = await runCli(["contribution", "Nuth", "2025"]);
    expect(nuth.code).toBe(2);
    expect(nuth.stderr).toMatch(/Beekdaelen/);
  });

  it("names the years the plan has for a year it lacks, exit 2", async () => {
    const r = await runCli(["contribution", "Heerlen", "2031"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Jaar 2031 staat niet in Tabel 4 \(wel: 2023–2027\)/);
  });

  it("refuses a year that is not a year, and a wrong --source", async () => {
    expect((await runCli(["contribution", "Heerlen", "twintig"])).stderr).toMatch(/geen jaartal/);
    const r = await runCli(["contribution", "Heerlen", "2025", "--source", "geschat"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--source moet computed of stated zijn/);
  });
});

describe("up contribution on keys shown rounded", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "up-contribution-"));
    const bytes = await writeTemplateWorkbook(roundedKeysPlan()).xlsx.writeBuffer();
    await writeFile(join(dir, "afgerond.xlsx"), new Uint8Array(bytes));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("gives the key the amounts imply and where it came from in --json, the note in English with --lang en", async () => {
    const file = join(dir, "afgerond.xlsx");
    const r = await runCli([
      "contribution",
      "Gulpen-Wittem",
      "2027",
      "--file",
      file,
      "--json",
      "--lang",
      "en",
    ]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    // 1,5669% × 2.802.128 = 43.906,54 → 43.907, as the plan states; 1,57% would give 43.993.
    expect(out).toMatchObject({ value: 43907, key: "0.015669", keySource: "implied" });
    expect(out.notes).toEqual([
      "The distribution keys are shown rounded in Tabel 6; computed with the more precise keys the amounts of 2025–2028 imply (e.g. Beek: 5,0616% instead of 5,06%)",
    ]);
  });
});

describe("up contribution on a plan with a key calculation table", () => {
  let dir: string;
  const fixture = allKindsPlan();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "up-keytable-"));
    const bytes = await workbookOf([
      { name: "Financieel", cells: fixture.cells },
    ]).xlsx.writeBuffer();
    await writeFile(join(dir, "plan-2023.xlsx"), new Uint8Array(bytes));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("answers the precise key's amount (Beek 3,4025%, shown 3,40%), allocated by the largest remainder", async () => {
    const i = YEARS.indexOf(2024);
    const precise = hamilton(
      BigInt(fixture.youth[i]),
      fixture.key40000.map(BigInt),
      MUNICIPALITIES
    );
    const r = await runCli([
      "contribution",
      "Beek",
      "2024",
      "--file",
      join(dir, "plan-2023.xlsx"),
      "--json",
    ]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    // 3,4025% × 1.187.536 = 40.405,91 → 40.406; 3,40% × 1.187.536 = 40.376,22.
    expect(out).toMatchObject({ value: Number(precise[0]), key: "0.034025", keySource: "table" });
    expect(out.value).toBe(40_406);
  });
});
