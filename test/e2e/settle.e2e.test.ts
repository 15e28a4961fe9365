/*
 * The Afrekening view end to end, at the task pane's 350 px: the production build in Chromium,
 * once as the plain browser page (a file picked, components from a CSV, the report download)
 * and once inside "Excel" (office.js replaced by an in-page workbook: the actual costs read
 * from the selected cell, the sheet inserted after a preview and removed again by restore).
 * Screenshots go to test-output/screenshots/ (docs/screenshots/ with UP_SCREENSHOTS=docs).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { BrowserContext, Page } from "playwright-core";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { finalKeyFromComponents, settle } from "../../src/core/settle";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { explainSettlement } from "../../src/core/explainSettlement";
import {
  gotoTab,
  haveChromium,
  launchPane,
  SCREENSHOTS,
  serveStatic,
  StaticServer,
} from "../support/browser";
import { sharedBuild, SHARED_BUILD_TIMEOUT } from "../support/build";
import { fakeOfficeScript } from "./fakeOffice";
import { noSeriousViolations, publishedBook } from "./inExcel";

const ROOT = join(__dirname, "..", "..");
const PUBLISHED = join(ROOT, "examples", "up-2024-published.xlsx");
const WIDTH = 350;

const describeBrowser = haveChromium() ? describe : describe.skip;
jest.setTimeout(300_000);

/**
 * Made-up final counts near what the provisional keys imply (each component's share about
 * (key − 1,5625%) / 0,75), a few percent off here and there, and Heerlen's young people and
 * claims clearly up: its final key comes out above its 11,97%.
 */
const KEYS = new Map(
  plan2024().contributions!.rows.map((r) => [r.municipality!, r.key!.value.toNumber()])
);
const COUNTS = MUNICIPALITIES.map((m, i) => {
  const base = (KEYS.get(m)! - 0.015625) / 0.75;
  const off = (k: number) => 1 + (((i * k) % 7) - 3) / 100;
  const heerlen = m === "Heerlen" ? 1.12 : 1;
  return {
    m,
    jongeren: Math.round(base * 60000 * off(3) * heerlen),
    toekenningen: Math.round(base * 9000 * off(5)),
    declaraties: Math.round(base * 40000 * off(2) * heerlen),
  };
});

/** The expected settlement, from the core with the same counts. */
function expected() {
  const key = finalKeyFromComponents(
    COUNTS.map((c) => ({
      municipality: c.m,
      values: new Map([
        ["jongeren", new D(c.jongeren)],
        ["toekenningen", new D(c.toekenningen)],
        ["declaraties", new D(c.declaraties)],
      ]),
    })),
    DEFAULT_WEIGHTS
  );
  return settle(plan2024(), 2025, new D(2250000), key);
}

const signed = (d: { isPositive(): boolean; isZero(): boolean; abs(): { toNumber(): number } }) =>
  `${d.isPositive() && !d.isZero() ? "+" : d.isZero() ? "" : "-"}€ ${d.abs().toNumber().toLocaleString("nl-NL")}`;

/**
 * The view is no wider than the pane and nothing in it sticks out: only the table scrolls,
 * inside its own region. (The pane's tab row is the pane's layout, not this view's.)
 */
async function fitsWidth(page: Page): Promise<void> {
  const view = await page
    .getByRole("region", { name: "Afrekening na de jaarrekening" })
    .evaluate((e) => ({
      width: e.getBoundingClientRect().width,
      scroll: e.scrollWidth,
      client: e.clientWidth,
    }));
  expect(view.width).toBeLessThanOrEqual(WIDTH);
  expect(view.scroll).toBeLessThanOrEqual(view.client);
}

describeBrowser("the Afrekening view at 350 px (production build in Chromium)", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let work: string;
  const problems: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "up-settle-e2e-"));
    const { dist } = await sharedBuild();
    server = await serveStatic(dist, { index: "taskpane.html" });
    url = `${server.origin}/taskpane.html`;
    ({ context, page } = await launchPane(join(work, "profile")));
    await page.setViewportSize({ width: WIDTH, height: 900 });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  }, SHARED_BUILD_TIMEOUT);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

  it("settles 2025 against € 2.250.000 with final components from a CSV, and explains it", async () => {
    await page.goto(url);
    await page.setInputFiles("input#up-file", PUBLISHED);
    await page.getByRole("tablist").waitFor();
    await gotoTab(page, "Afrekening");
    const view = page.getByRole("region", { name: "Afrekening na de jaarrekening" });
    await view.getByText("Vul de werkelijke kosten").waitFor();
    await view.getByRole("combobox", { name: "Jaar" }).selectOption("2025");
    await view.getByRole("textbox", { name: /Werkelijke kosten/ }).fill("2.250.000");
    // Provisional key only: Heerlen 11,97% × 2.250.000 → 269.325 against its advance 261.356.
    await page.getByTestId("settlement-Heerlen").waitFor();
    expect(await page.getByTestId("settlement-Heerlen").textContent()).toBe("+€ 7.969");

    const csv = join(work, "definitief 2024.csv");
    writeFileSync(
      csv,
      [
        "gemeente;jongeren;toekenningen;declaraties",
        ...COUNTS.map(
          (c) => `${c.m};${c.jongeren.toLocaleString("nl-NL")};${c.toekenningen};${c.declaraties}`
        ),
      ].join("\n")
    );
    await page.setInputFiles('input[aria-label="Bestand met de definitieve componenten"]', csv);
    await view.getByText("componenten uit definitief 2024.csv (16 gemeenten)").waitFor();
    const s = expected();
    for (const r of s.rows) {
      expect(await page.getByTestId(`settlement-${r.municipality}`).textContent()).toBe(
        signed(r.settlement)
      );
    }
    const heerlen = s.rows.find((r) => r.municipality === "Heerlen")!;
    expect(heerlen.keyEffect.isPositive()).toBe(true);
    // On screen the euro sign keeps its amount with a no-break space.
    const sentence = ((await page.getByTestId("explanation-Heerlen").textContent()) ?? "").replace(
      /\u00a0/g,
      " "
    );
    expect(sentence).toBe(explainSettlement(s).find((e) => e.municipality === "Heerlen")!.text.nl);
    expect(sentence).toMatch(
      /^Heerlen betaalt € [\d.]+ bij: € [\d.]+ doordat de werkelijke kosten hoger waren, € [\d.]+ doordat de definitieve sleutel hoger is \(/
    );
    await fitsWidth(page);
    await view
      .getByRole("region", { name: "Afrekening 2025 per gemeente" })
      .scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, window.scrollY - 260));
    await shot("30-settlement-350");
    await noSeriousViolations(page, "settlement");
    await page.getByTestId("explanation-Heerlen").scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, window.scrollY));
    await shot("31-settlement-explanations-350");
  });

  it("puts the settlement in the downloaded report", async () => {
    await gotoTab(page, "Verslag");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Controleverslag downloaden (.xlsx)" }).click(),
    ]);
    const saved = join(work, "verslag.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    // The settlement is a sheet of its own, after the report and its check log.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Controleverslag",
      "Controlelog",
      "Afrekening 2025",
    ]);
    const ws = wb.getWorksheet("Afrekening 2025")!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    /** A fact's value: the first filled cell after its label (the value spans merged cells). */
    const fact = (label: string) =>
      rows.find((r) => r[0] === label)?.find((v, i) => i > 0 && v !== null && v !== undefined);
    expect(fact("Werkelijke kosten")).toBe(2250000);
    expect(fact("Bron werkelijke kosten")).toBe("ingetypt");
    expect(fact("Definitieve sleutel")).toBe("componenten uit definitief 2024.csv");
    const heerlen = expected().rows.find((r) => r.municipality === "Heerlen")!;
    const row = rows.find((r) => r[0] === "Heerlen" && typeof r[1] === "number")!;
    expect(row.slice(0, 6)).toEqual([
      "Heerlen",
      heerlen.advance.toNumber(),
      heerlen.final.toNumber(),
      heerlen.settlement.toNumber(),
      heerlen.costEffect.toNumber(),
      heerlen.keyEffect.toNumber(),
    ]);
  });

  describe("inside Excel", () => {
    let excel: Page;

    const book = <T>(f: string) => excel.evaluate(f) as Promise<T>;
    const sheetNames = () => book<string[]>("window.__book.sheets.map((s) => s.name)");

    beforeAll(async () => {
      const script = fakeOfficeScript(
        await publishedBook(PUBLISHED, [
          { name: "Jaarrekening", cells: { A9: { v: "Lasten jeugd 2025" }, C9: { v: 2250000 } } },
        ])
      );
      excel = await context.newPage();
      await excel.setViewportSize({ width: WIDTH, height: 900 });
      excel.on("pageerror", (e) => problems.push(`excel pageerror: ${e.message}`));
      await excel.route("**/office/office.js", (route) =>
        route.fulfill({ body: script, contentType: "text/javascript" })
      );
      await excel.goto(url);
    });

    afterAll(async () => excel?.close());

    it("reads the actual costs from the selected cell, inserts the sheet after a preview, and restore removes it", async () => {
      await excel.getByRole("button", { name: "Controleer plan" }).click();
      await excel.getByRole("tablist").waitFor();
      await gotoTab(excel, "Afrekening");
      const view = excel.getByRole("region", { name: "Afrekening na de jaarrekening" });
      await view.getByRole("combobox", { name: "Jaar" }).selectOption("2025");
      await book("window.__book.selection = 'Jaarrekening!C9'");
      await view.getByRole("button", { name: "Uit geselecteerde cel" }).click();
      await view.getByText("uit cel Jaarrekening!C9").waitFor();
      expect(await view.getByRole("textbox", { name: /Werkelijke kosten/ }).inputValue()).toBe(
        "2.250.000"
      );
      expect(await excel.getByTestId("settlement-Heerlen").textContent()).toBe("+€ 7.969");
      const before = await sheetNames();

      await view.getByRole("button", { name: "Als blad invoegen…" }).click();
      const dialog = excel.getByRole("dialog");
      await dialog.getByText("Voorbeeld van het nieuwe blad").waitFor();
      await excel.waitForTimeout(500);
      expect(await sheetNames()).toEqual(before);
      await excel.evaluate(() => window.scrollTo(0, window.scrollY));
      await excel.screenshot({ path: join(SCREENSHOTS, "32-settlement-insert-preview-350.png") });
      await noSeriousViolations(excel, "insert preview");
      await dialog.getByRole("button", { name: "Blad invoegen" }).click();
      await view.getByText(/Blad "Afrekening 2025" ingevoegd/).waitFor();
      expect(await sheetNames()).toEqual([...before, "Afrekening 2025", "UP_Backup"]);
      expect(
        await book<string>(
          `String(window.__book.sheets.find((s) => s.name === "Afrekening 2025").cells.get("A1").v)`
        )
      ).toMatch(/^Afrekening 2025 — /);

      await gotoTab(excel, "Acties");
      await excel
        .getByText(
          'Laatste wijziging: "Afrekening 2025 ingevoegd", blad "Afrekening 2025" toegevoegd.'
        )
        .waitFor();
      await excel.getByRole("button", { name: "Laatste wijziging terugzetten" }).click();
      await excel.getByText(/teruggezet/).waitFor();
      expect((await sheetNames()).filter((n) => n !== "UP_Backup")).toEqual(before);
    });
  });

  it("had no script errors", () => {
    expect(problems).toEqual([]);
  });
});
