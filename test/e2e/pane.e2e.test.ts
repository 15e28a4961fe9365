/*
 * The plain browser page, end to end: the production build (dist/) served on 127.0.0.1,
 * Debian's Chromium driven by playwright-core, at the width of Excel's task pane (350 px), once
 * wide and once at 200% zoom. Each state is screenshotted to test-output/screenshots/
 * (docs/screenshots/ with UP_SCREENSHOTS=docs), scanned with axe-core, and checked for
 * horizontal scrolling.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { BrowserContext, Page } from "playwright-core";
import {
  findingGroup,
  gotoTab,
  groupText,
  haveChromium,
  launchPane,
  PANE,
  plainText,
  SCREENSHOTS,
  serveStatic,
  StaticServer,
} from "../support/browser";
import { seriousViolations, settled } from "../support/axe";
import { sharedBuild, SHARED_BUILD_TIMEOUT } from "../support/build";
import { FakeCell, fakeOfficeScript } from "./fakeOffice";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { mergedExample } from "../../src/workbook/poolsExample";
import { writeTemplateWorkbook } from "../../src/workbook/template";

const ROOT = join(__dirname, "..", "..");
const PUBLISHED = join(ROOT, "examples", "up-2024-published.xlsx");

if (!haveChromium()) {
  console.warn(
    "test/e2e skipped: /usr/bin/chromium is missing (apt-get install -y chromium); CI installs it."
  );
}
const describeBrowser = haveChromium() ? describe : describe.skip;

jest.setTimeout(300_000);

/** The production build (test/support/build.ts), the same for every test that reads one. */
let DIST = "";

/** The published example with one error of each kind injected. */
async function injectedWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(PUBLISHED);
  const ws = wb.getWorksheet("Uitvoeringsplan")!;
  ws.getCell("E10").value = 2; // Coordinator fte 2024: 1 → 2; the total row still says 19,3.
  ws.getCell("F40").value = 210000; // ICT licenties 2025: the subtotal still says 435.000.
  ws.getCell("G56").value = 2183000; // Tabel 4 totaal 2026 no longer jeugd + materieel.
  ws.getCell("F74").value = "65.896"; // Vaals 2025: 55.896 → 65.896.
  ws.getCell("A61").value = "Bek"; // a misspelt municipality.
  await wb.xlsx.writeFile(path);
}

/** How far the settled page scrolls sideways: 0 when everything fits the pane's width. */
async function horizontalOverflow(p: Page): Promise<number> {
  await settled(p);
  return p.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
}

/**
 * The published example with a working sheet of 200 000 cells beside it: a workbook of just
 * over 1 MB, as a plan with its working sheets grows.
 */
async function bigWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(PUBLISHED);
  const ws = wb.addWorksheet("Werkblad");
  for (let r = 1; r <= 20000; r++) {
    ws.addRow(
      Array.from({ length: 10 }, (_, c) =>
        c % 2 === 0 ? `regel ${r} kolom ${c}` : r * 1000 + c * 7.25
      )
    );
  }
  await wb.xlsx.writeFile(path);
}

describeBrowser("plain browser page (production build in Chromium)", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let work: string;
  const problems: string[] = [];
  const scripts: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "up-e2e-"));
    DIST = (await sharedBuild()).dist;
    server = await serveStatic(DIST, { index: "taskpane.html" });
    url = `${server.origin}/taskpane.html`;
    ({ context, page } = await launchPane(join(work, "profile")));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    page.on("requestfailed", (r) => {
      if (!r.url().startsWith("http://127.0.0.1")) return;
      problems.push(`request failed: ${r.url()}`);
    });
  }, SHARED_BUILD_TIMEOUT);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** ExcelJS's chunk: the only script that knows the parts of an .xlsx by name. */
  const isExcelJS = (p: string) =>
    readFileSync(join(DIST, p), "utf8").includes("xl/sharedStrings.xml");

  async function shot(name: string, top = false): Promise<void> {
    if (top) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
  }

  async function noSeriousViolations(state: string): Promise<void> {
    expect(await seriousViolations(page, state)).toEqual([]);
  }

  async function open(file: string): Promise<void> {
    await page.locator("#up-file").setInputFiles(file);
    await page.getByRole("tab", { name: /Bevindingen/ }).waitFor();
  }

  const text = (rule: string) => groupText(page, rule);

  it("starts in plain browser mode, in Dutch, asking for a file", async () => {
    expect(page.viewportSize()).toEqual(PANE);
    await page.goto(url);
    await page.getByRole("button", { name: "Excel-bestand kiezen…" }).waitFor();
    expect(await page.getByText(/verlaat uw computer niet/).count()).toBe(1);
    expect(await page.getByText("Nog geen bestand gekozen.").isVisible()).toBe(true);
    // Its size budget is asserted once, in test/build/build.test.ts; here: no ExcelJS yet.
    const ours = scripts.filter((p) => !p.startsWith("/office/"));
    expect(ours.filter(isExcelJS)).toEqual([]);
    await shot("01-start");
    await noSeriousViolations("start");
    expect(await horizontalOverflow(page)).toBe(0);
  });

  it("checks the published example: one collapsed line per cause, no taller than three screens", async () => {
    await open(PUBLISHED);
    expect(plainText(await page.getByTestId("file-name").textContent())).toBe(
      "Bestand: up-2024-published.xlsx"
    );
    const headers = page.locator(".fui-AccordionItem button[aria-expanded]");
    await headers.first().waitFor();
    expect(await headers.count()).toBe(4);
    expect(plainText(await headers.first().textContent())).toContain(
      "16 bedragen van 2023 volgen uit de verkeerde totaalregel"
    );
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(
      `published findings at ${PANE.width} px: ${height} px high (${(height / PANE.height).toFixed(2)} screens)`
    );
    expect(height).toBeLessThanOrEqual(3 * PANE.height);
    expect(await horizontalOverflow(page)).toBe(0);
    await shot("02-published-findings", true);
    await noSeriousViolations("published findings");

    // The cause first, its 16 symptoms under it: Tabel 6 totals 2023 € 2.033.528, Tabel 4 € 1.874.278.
    const link = await text("ALLOC-LINK");
    expect(link).toMatch(
      /Oorzaak[\s\S]*€ 2\.033\.528[\s\S]*Gevolgen \(16\)[\s\S]*2023 · Beek · Uitvoeringsplan!D61/
    );
    expect(link).toContain("€ 1.874.278");
    // 2.277.731 / 3.064.067 = 74,34%, labelled 70%.
    expect(await text("SPLIT-LABEL")).toContain("74,34%");
    expect(await text("ALLOC-SUM")).toContain("2027");
    expect(await horizontalOverflow(page)).toBe(0);
    await page.locator(".fui-AccordionItem button[aria-expanded]").first().scrollIntoViewIfNeeded();
    await shot("02b-published-cause-open");
    await noSeriousViolations("published findings opened");

    await gotoTab(page, "Plan");
    const plan = plainText(await page.getByRole("region", { name: "Gelezen plan" }).textContent());
    expect(plan).toContain("up-2024-published.xlsx");
    expect(plan).toContain("gepubliceerde opmaak");
    expect(plan).toContain("2023–2027");
    expect(plan).toMatch(/151 getallen als tekst opgeslagen: Uitvoeringsplan!F11, G11/);
    expect(await horizontalOverflow(page)).toBe(0);
    await shot("03-plan", true);
    await noSeriousViolations("plan");
  });

  it("reaches every tab at 350 px without scrolling sideways", async () => {
    for (const name of [/^Bevindingen/, "Plan", "Verdeelsleutel", "Vergelijken", "Verslag"]) {
      await gotoTab(page, name);
      await page.getByRole("tabpanel").waitFor();
      expect([String(name), await horizontalOverflow(page)]).toEqual([String(name), 0]);
      expect(await page.getByRole("tab", { name, selected: true }).count()).toBe(1);
    }
    await gotoTab(page, "Vergelijken");
    await page.getByRole("table", { name: "Bijdragen per gemeente" }).waitFor();
    await shot("14-compare-narrow", true);
    await noSeriousViolations("compare at 350 px");
    await gotoTab(page, /^Bevindingen/);
  });

  it("finds every error injected into a workbook", async () => {
    const file = join(work, "met-fouten.xlsx");
    await injectedWorkbook(file);
    await page.getByRole("tab", { name: /Bevindingen/ }).click();
    await open(file);
    await page.getByRole("region", { name: /Bevindingen/ }).waitFor();
    expect(plainText(await page.getByTestId("file-name").textContent())).toBe(
      "Bestand: met-fouten.xlsx"
    );
    // Roles 2024 add up to 19,3 + 1 = 20,3 against the stated 19,3.
    expect(await text("FTE-TOTAL")).toMatch(
      /2024[\s\S]*20,3[\s\S]*19,3|2024[\s\S]*19,3[\s\S]*20,3/
    );
    // Lines 2025: 435.000 + 10.000 = 445.000 against the subtotal 435.000.
    expect(await text("LINES-SUM")).toContain("€ 445.000");
    // Tabel 4 2026: 1.878.925 + 304.500 = 2.183.425, stated 2.183.000; Tabel 6 follows 2.183.425,
    // so the Tabel 4 total is the cause and the Tabel 6 link follows from it.
    const t4 = await text("TOTALS-LINK");
    expect(t4).toContain("Het Tabel 4-totaal van 2026 klopt niet");
    expect(t4).toContain("€ 2.183.000");
    // Vaals 2025: 2,56% × 2.183.425 = 55.895,68 → € 55.896, stated € 65.896.
    const vaals = await text("ALLOC-AMOUNT");
    expect(vaals).toContain("2025 · Vaals");
    expect(vaals).toContain("€ 65.896");
    expect(await text("ALLOC-SUM")).toContain("2025");
    expect(await text("MUNICIPALITIES")).toContain("Bek");
    expect(await horizontalOverflow(page)).toBe(0);
    await shot("04-injected-findings", true);
    await noSeriousViolations("injected findings");
  });

  it("recomputes the keys from components typed in, and follows a weight change", async () => {
    await gotoTab(page, "Verdeelsleutel");
    const view = page.getByRole("region", { name: "Verdeelsleutel herberekenen" });
    await view.getByText("Vul de sleutelcomponenten").waitFor();
    const municipalities = MUNICIPALITIES.filter((m) => m !== "Beek");
    // The injected workbook misspells Beek, so Tabel 6 has 15 known municipalities.
    for (const m of municipalities) {
      await view
        .getByLabel(`Jongeren < 20 ${m}`, { exact: true })
        .fill(m === "Maastricht" ? "1000" : "0");
      await view.getByLabel(`Toekenningen ${m}`, { exact: true }).fill("10");
      await view.getByLabel(`Declaraties ${m}`, { exact: true }).fill("10");
    }
    const key = (m: string) => page.getByTestId(`key-${m}`).textContent();
    // 15 municipalities: Vaals 25/15 + 0 + 25/15 + 25/15 = 5,00%; Maastricht 5 + 25 = 30,00%.
    expect(await key("Vaals")).toBe("5,0000%");
    expect(await key("Maastricht")).toBe("30,0000%");
    expect(await horizontalOverflow(page)).toBe(0);
    // Fold the components away to show the keys.
    await page.getByText("Sleutelcomponenten per gemeente").click();
    await shot("05-keys", true);
    await noSeriousViolations("keys");

    await view.getByLabel("Gelijk deel", { exact: true }).fill("40");
    expect(await view.getByRole("status").textContent()).toContain("moet 100% zijn");
    expect(await horizontalOverflow(page)).toBe(0);
    await shot("06-keys-weights-not-100", true);
    await view.getByLabel("Jongeren < 20", { exact: true }).fill("10");
    // Vaals: 40/15 + 0 + 25/15 + 25/15 = 6,00%; Maastricht: 40/15 + 10 + 50/15 = 16,00%.
    expect(await key("Vaals")).toBe("6,0000%");
    expect(await key("Maastricht")).toBe("16,0000%");
    expect(plainText(await view.getByRole("note").textContent())).toContain(
      "Wegingen gelijk deel 40%, jongeren < 20 10%, toekenningen 25%, declaraties 25%"
    );
    // Not in the report unless asked for (the report test below asks).
    expect(
      await view.getByRole("checkbox", { name: /Dit scenario in het verslag opnemen/ }).isChecked()
    ).toBe(false);
    await view.getByRole("note").scrollIntoViewIfNeeded();
    await shot("07-keys-weight-changed");
    await noSeriousViolations("keys after weight change");
  });

  it("downloads the report to send and its check log, without the weights typed before unless asked", async () => {
    await gotoTab(page, "Verslag");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Controleverslag downloaden (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^Controleverslag met-fouten \d{4}-\d\d-\d\d\.xlsx$/
    );
    const saved = join(work, "verslag.xlsx");
    await download.saveAs(saved);
    await page.getByText(/Verslag gedownload/).waitFor();
    await shot("08-report");
    await noSeriousViolations("report");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    // The weights changed in the key view above are a what-if: no key sheet unless asked for.
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Controleverslag", "Controlelog"]);
    const rowsOf = (ws: ExcelJS.Worksheet) => {
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const report = wb.getWorksheet("Controleverslag")!;
    expect(report.pageSetup.paperSize).toBe(9);
    expect(report.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    const first = rowsOf(report);
    expect(String(first[0][0])).toMatch(/^Controleverslag /);
    expect(
      first.some(
        (r) => r[0] === "Bestand" && r.some((v) => String(v).startsWith("met-fouten.xlsx"))
      )
    ).toBe(true);
    expect(
      first.some((r) =>
        r.includes("de sleutels zoals het plan ze noemt (Tabel 6); dit verslag bevat geen scenario")
      )
    ).toBe(true);
    const log = rowsOf(wb.getWorksheet("Controlelog")!);
    for (const rule of [
      "FTE-TOTAL",
      "LINES-SUM",
      "TOTALS-LINK",
      "ALLOC-AMOUNT",
      "MUNICIPALITIES",
    ]) {
      expect(log.some((r) => r[0] === rule)).toBe(true);
    }
    // Vaals' wrong 2025 amount: a finding row with the figures as numbers.
    const vaals = log.find((r) => r[2] === "Tabel 6" && r[3] === 2025 && r[4] === "Vaals")!;
    expect(typeof vaals[6]).toBe("number");
    expect(typeof vaals[7]).toBe("number");

    // Asked for ("in het verslag opnemen"), the scenario is a sheet of its own with its weights.
    await gotoTab(page, "Verdeelsleutel");
    await page.getByRole("checkbox", { name: /Dit scenario in het verslag opnemen/ }).check();
    await gotoTab(page, "Verslag");
    const [withKeys] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Controleverslag downloaden (.xlsx)" }).click(),
    ]);
    await withKeys.saveAs(saved);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(saved);
    expect(wb2.worksheets.map((w) => w.name)).toEqual([
      "Controleverslag",
      "Controlelog",
      "Sleutelberekening",
    ]);
    const keys = rowsOf(wb2.getWorksheet("Sleutelberekening")!).flat().map(String);
    expect(keys.some((v) => /^Verdeelsleutel herberekend: .*40%/.test(v))).toBe(true);
  });

  it("compares the file with another version of the plan, as up compare does", async () => {
    // A new version of the published plan with one change: Vaals 2025 € 55.896 → € 65.896 (the
    // injected workbook cannot be compared: its misspelt 'Bek' is no municipality, and says so).
    const changed = join(work, "nieuwe-versie.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PUBLISHED);
    wb.getWorksheet("Uitvoeringsplan")!.getCell("F74").value = "65.896";
    await wb.xlsx.writeFile(changed);
    await open(changed);
    await gotoTab(page, "Vergelijken");
    await page.getByLabel("Ander bestand om mee te vergelijken").setInputFiles(PUBLISHED);
    await page.getByText("nieuwe-versie.xlsx vergeleken met up-2024-published.xlsx.").waitFor();
    // Stated amounts, the published plan as the old version.
    await page.getByLabel("Bedragen", { exact: true }).selectOption("stated");
    await page.getByLabel("Oud jaar").selectOption("2025");
    await page.getByLabel("Nieuw jaar").selectOption("2025");
    const vaals = page.getByRole("row").filter({ hasText: /^Vaals/ });
    expect(plainText(await vaals.textContent())).toContain("+€ 10.000");
    expect(await horizontalOverflow(page)).toBe(0);
    await vaals.scrollIntoViewIfNeeded();
    await shot("15-compare-two-files");
    await noSeriousViolations("compare two files");
    await gotoTab(page, /^Bevindingen/);
  });

  it("clears the old file's findings and report when the next file cannot be read", async () => {
    const bad = join(work, "kapot.xlsx");
    writeFileSync(bad, "gemeente;bedrag\nBeek;1\n");
    await page.locator("#up-file").setInputFiles(bad);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(plainText(await alert.textContent())).toContain("kapot.xlsx is geen .xlsx-bestand");
    expect(await page.getByRole("tab").count()).toBe(0);
    expect(plainText(await page.getByTestId("file-name").textContent())).toBe(
      "Bestand: kapot.xlsx"
    );
    await shot("16-bad-file-after-good");
  });

  it("reads a 1 MB workbook in a worker: the page keeps answering while it reads, and the reading can be stopped", async () => {
    const big = join(work, "groot.xlsx");
    await bigWorkbook(big);
    const size = statSync(big).size;
    expect(size).toBeGreaterThan(1_000_000);
    const longest = async () => {
      await page.evaluate(() => {
        const w = window as unknown as { __longest: number; __observer?: PerformanceObserver };
        w.__longest = 0;
        w.__observer?.disconnect();
        w.__observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
        });
        w.__observer.observe({ type: "longtask" });
      });
      const started = Date.now();
      await page.locator("#up-file").setInputFiles(big);
      await page.getByRole("tab", { name: /Bevindingen/ }).waitFor({ timeout: 120_000 });
      const wall = Date.now() - started;
      // Let the last task's entry arrive.
      await page.waitForTimeout(200);
      return {
        block: await page.evaluate(() => (window as unknown as { __longest: number }).__longest),
        wall,
      };
    };
    const { block, wall } = await longest();
    console.log(
      `reading ${(size / 1e6).toFixed(2)} MB: ${wall} ms in all, longest main-thread block ${block.toFixed(0)} ms`
    );
    // The figure against the 100 ms budget is `npm run bench`'s (a timed test fails on load
    // alone); here: reading in the page would block for most of the reading, the worker does not.
    expect(block).toBeLessThan(wall / 4);

    // A reading the user stops leaves nothing of it on screen.
    await page.locator("#up-file").setInputFiles(big);
    await page.getByRole("button", { name: "Stoppen" }).click();
    await page.getByText("Het lezen van groot.xlsx is gestopt.").waitFor();
    expect(await page.getByRole("tab").count()).toBe(0);
  });

  it("at full width and at 200% zoom: no sideways scrolling, every tab, three screens at most", async () => {
    for (const view of [
      { name: "wide", width: 1280, height: 900, scale: 1 },
      // 200% zoom of a 1280 × 900 window: 640 × 450 CSS pixels, each drawn twice as large.
      { name: "zoom-200", width: 640, height: 450, scale: 2 },
    ]) {
      const p = await context.newPage();
      await p.setViewportSize({ width: view.width, height: view.height });
      await p.goto(url);
      await p.locator("#up-file").setInputFiles(PUBLISHED);
      await p.getByRole("tab", { name: /Bevindingen/ }).waitFor();
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      console.log(
        `${view.name}: published findings ${height} px high (${(height / view.height).toFixed(2)} screens)`
      );
      expect(height).toBeLessThanOrEqual(3 * view.height);
      for (const name of [/^Bevindingen/, "Plan", "Verdeelsleutel", "Vergelijken", "Verslag"]) {
        await gotoTab(p, name);
        await p.getByRole("tabpanel").waitFor();
        expect([view.name, String(name), await horizontalOverflow(p)]).toEqual([
          view.name,
          String(name),
          0,
        ]);
      }
      await gotoTab(p, /^Bevindingen/);
      await p.screenshot({ path: join(SCREENSHOTS, `17-${view.name}.png`) });
      expect(await seriousViolations(p, view.name)).toEqual([]);
      await p.close();
    }
  });

  it("a merged plan at 350 px: each cost pool's key and settlement, nothing sideways", async () => {
    const file = join(work, "samengevoegd.xlsx");
    await writeTemplateWorkbook(mergedExample()).xlsx.writeFile(file);
    await open(file);
    await gotoTab(page, "Verdeelsleutel");
    const pool = page.getByRole("combobox", { name: "Kostenpool" });
    await pool.waitFor();
    // The SLA pool: its keys and the weights to change.
    expect(await page.getByLabel("Gelijk deel", { exact: true }).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await shot("50-merged-key-purchasing");
    await noSeriousViolations("merged plan, purchasing key");
    // The budget-share pool: budgets, stated keys and shares, no weights.
    await pool.selectOption("beleid");
    const shares = page.getByRole("table", { name: /^Sleutels en budgetten/ });
    await shares.waitFor();
    expect(await page.getByLabel("Gelijk deel", { exact: true }).isVisible()).toBe(false);
    expect(plainText(await shares.textContent())).toMatch(/Heerlen[\s\S]*€ [\d.]+[\s\S]*%/);
    expect(await horizontalOverflow(page)).toBe(0);
    await shot("51-merged-key-policy", true);
    await noSeriousViolations("merged plan, policy key");
    // The settlement of the policy pool, in cents.
    await gotoTab(page, "Afrekening");
    const settlePool = page.getByRole("combobox", { name: "Kostenpool" });
    await settlePool.selectOption("beleid");
    const panel = page.locator('[data-pool="beleid"]');
    await panel.getByRole("textbox", { name: /Werkelijke kosten/ }).fill("420.000");
    await panel.getByText(/samen (betalen|krijgen) de gemeenten/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot("52-merged-settlement-policy", true);
    await noSeriousViolations("merged plan, policy settlement");
    await gotoTab(page, /^Bevindingen/);
  });

  it("had no script errors or failed requests", () => {
    expect(problems).toEqual([]);
  });

  describe("inside Excel (office.js replaced by an in-page workbook)", () => {
    let excel: Page;

    /** The published example as Excel would hold it, with Tabel 6's amounts as formulas. */
    async function workbookData() {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(PUBLISHED);
      const ws = wb.getWorksheet("Uitvoeringsplan")!;
      const cells: Record<string, FakeCell> = {};
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (typeof v === "number") cells[cell.address] = { v, fmt: cell.numFmt };
          else if (cell.text !== "") cells[cell.address] = { v: cell.text, fmt: cell.numFmt };
        })
      );
      for (let r = 61; r <= 76; r++) {
        for (const c of "DEFGH") {
          const a = `${c}${r}`;
          const amount = Number(String(cells[a].v).replace(/\./g, ""));
          cells[a] = { v: amount, f: `=ROUND($B${r}*${c}$56,0)`, fmt: "#,##0" };
        }
      }
      return { name: "Uitvoeringsplan 2024.xlsx", sheets: [{ name: "Uitvoeringsplan", cells }] };
    }

    const book = <T>(f: string) => excel.evaluate(f) as Promise<T>;
    /** What the plan's sheet holds: formulas as formulas (the fake does not recalculate). */
    const contents = () =>
      book<string>(
        `JSON.stringify([...window.__book.sheets[0].cells].map(([a, c]) => [a, c.f ?? c.v]))`
      );

    beforeAll(async () => {
      const script = fakeOfficeScript(await workbookData());
      excel = await context.newPage();
      excel.on("pageerror", (e) => problems.push(`excel pageerror: ${e.message}`));
      await excel.route("**/office/office.js", (route) =>
        route.fulfill({ body: script, contentType: "text/javascript" })
      );
      await excel.goto(url);
    });

    afterAll(async () => {
      await excel?.close();
    });

    async function excelShot(name: string): Promise<void> {
      await settled(excel);
      await excel.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      expect(await seriousViolations(excel, name)).toEqual([]);
    }

    it("checks the open workbook and selects a finding's cells", async () => {
      await excel.getByRole("button", { name: "Controleer plan" }).click();
      await groupText(excel, "ALLOC-LINK");
      await excel.getByRole("button", { name: /2023 · Beek · Uitvoeringsplan!D61/ }).click();
      // The amount, its key and the Tabel 4 total it comes from, selected together.
      expect(await book<string[]>("window.__book.selected")).toEqual([
        "Uitvoeringsplan!D61,B61,D56",
      ]);
      await excelShot("09-excel-findings");
    });

    it("accepts a finding with a reason saved in the workbook", async () => {
      await groupText(excel, "TOTALS-LINK");
      const group = findingGroup(excel, "TOTALS-LINK");
      await group.getByRole("button", { name: "Accepteren…" }).click();
      await group
        .getByRole("textbox")
        .fill("Tabel 2 begint in 2024; 2023 staat in het vorige plan");
      await excelShot("10-excel-accept");
      await group.getByRole("button", { name: "Opslaan in werkmap" }).click();
      await group.getByText(/Geaccepteerd: Tabel 2 begint in 2024/).waitFor();
      const saved = await book<[string, string][]>(
        `[...window.__book.sheets.find((s) => s.name === "UP_Geaccepteerd").cells].map(([a, c]) => [a, String(c.v)])`
      );
      expect(saved).toContainEqual(["B2", "Tabel 2 begint in 2024; 2023 staat in het vorige plan"]);
    });

    it("fixes rounding only after a preview and a second question about formulas, and restores", async () => {
      const before = await contents();
      await groupText(excel, "ALLOC-SUM");
      await excel.getByRole("button", { name: "Afronding herstellen…" }).first().click();
      const dialog = excel.getByRole("dialog");
      await dialog.getByText("Voorbeeld van de wijziging").waitFor();
      await excelShot("11-excel-preview");
      await dialog.getByRole("button", { name: "Wijzigen" }).click();
      await dialog.getByText("Formules overschrijven?").waitFor();
      // Nothing was written before the second yes.
      expect(await contents()).toBe(before);
      await excelShot("12-excel-formulas");
      await dialog.getByRole("button", { name: "Formules overschrijven" }).click();
      await excel.getByText(/cellen gewijzigd/).waitFor();
      expect(await contents()).not.toBe(before);
      expect(
        await book<string>(`window.__book.sheets.find((s) => s.name === "UP_Backup").visibility`)
      ).toBe("VeryHidden");

      await gotoTab(excel, "Acties");
      await excel.getByRole("button", { name: "Laatste wijziging terugzetten" }).click();
      await excel
        .getByText(/teruggezet/)
        .waitFor()
        .catch(async (e) => {
          await excel.screenshot({ path: join(tmpdir(), "up-restore-failed.png") });
          throw e;
        });
      expect(await contents()).toBe(before);
      await excelShot("13-excel-actions");
    });

    it("writes the report sheet", async () => {
      await excel.getByRole("button", { name: "Controleverslag" }).click();
      await excel.getByText(/Blad "Controleverslag" gemaakt/).waitFor();
      expect(
        await book<string>(
          `String(window.__book.sheets.find((s) => s.name === "Controleverslag").cells.get("A1").v)`
        )
      ).toMatch(/^Controleverslag Uitvoeringsplan/);
      // The check log as the second sheet; each sheet's header row repeats when printed.
      expect(await book<string[]>(`window.__book.sheets.map((s) => s.name)`)).toEqual(
        expect.arrayContaining(["Controleverslag", "Controlelog"])
      );
      expect(await book<string[]>(`window.__book.printTitles.map((t) => t.split("!")[0])`)).toEqual(
        ["Controleverslag", "Controlelog"]
      );
    });

    // A script error in the pane inside Excel (a click handler that throws) shows here by name.
    it("had no script errors or failed requests inside Excel either", () => {
      expect(problems).toEqual([]);
    });
  });
});
