import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { D } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { writePublishedWorkbook } from "../../src/workbook/published";
import { writeTemplateWorkbook } from "../../src/workbook/template";
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

describe("up contribution on keys that are rounded or do not add up", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "up-contribution-"));
    await writeTemplateWorkbook(roundedKeysPlan()).xlsx.writeFile(join(dir, "afgerond.xlsx"));
    const huge = plan2024();
    huge.contributions!.rows[0].key = { value: new D(10000), decimals: 0 };
    await writePublishedWorkbook(huge).xlsx.writeFile(join(dir, "1000000procent.xlsx"));
    const typo = plan2024();
    typo.contributions!.rows.find((r) => r.municipality === "Heerlen")!.key = {
      value: new D("0.1196"),
      decimals: 2,
    };
    await writePublishedWorkbook(typo).xlsx.writeFile(join(dir, "11-96.xlsx"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("answers with the key the amounts imply, and says so: 1,5669% × € 2.802.128 → 43.907, not 1,57%'s 43.993", async () => {
    const r = await runCli([
      "contribution",
      "Gulpen-Wittem",
      "2027",
      "--file",
      join(dir, "afgerond.xlsx"),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("43907\n");
    expect(r.stderr).toBe(
      "Let op: De verdeelsleutels staan afgerond in Tabel 6; gerekend is met de preciezere sleutels die de bedragen van 2025–2028 geven (bijv. Beek: 5,0616% in plaats van 5,06%)\n"
    );
    const json = await runCli([
      "contribution",
      "Gulpen-Wittem",
      "2027",
      "--file",
      join(dir, "afgerond.xlsx"),
      "--json",
      "--lang",
      "en",
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      value: 43907,
      key: "0.015669",
      keySource: "implied",
    });
    expect(JSON.parse(json.stdout).notes[0]).toMatch(
      /^The distribution keys are shown rounded in Tabel 6/
    );
    expect(json.stderr).toBe("");
  });

  it("refuses a key typed as 1000000% with the sum, exit 2 (it gave Beek € 8, exit 0)", async () => {
    const r = await runCli([
      "contribution",
      "Beek",
      "2025",
      "--file",
      join(dir, "1000000procent.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /^up contribution: De 16 verdeelsleutels tellen op tot 1\.000\.096,47%, niet tot 100% \(door afronding toegestaan: ±0,575%\)/
    );
  });

  it("says that 11,96% for 11,97% was renormalised within the rounding (it moved Beek without a word)", async () => {
    const r = await runCli(["contribution", "Beek", "2025", "--file", join(dir, "11-96.xlsx")]);
    expect(r.code).toBe(0);
    // 3,53% / 99,99% × 2.183.425 = 77.082,63 → 77.083.
    expect(r.stdout).toBe("77083\n");
    expect(r.stderr).toBe(
      "Let op: De verdeelsleutels tellen op tot 99,99%, niet precies 100% (door afronding toegestaan: ±0,08%): de bijdragen zijn naar verhouding van de sleutels berekend\n"
    );
  });
});
