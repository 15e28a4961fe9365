/*
 * The plain browser page, end to end: the production build (dist/) served on 127.0.0.1,
 * Debian's Chromium driven by playwright-core. Each state is screenshotted to
 * test-output/screenshots/ (docs/screenshots/ with UP_SCREENSHOTS=docs) and scanned with axe-core.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { BrowserContext, Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import {
  haveChromium,
  launchPane,
  SCREENSHOTS,
  serveStatic,
  StaticServer,
} from "../support/browser";
import { sharedBuild, SHARED_BUILD_TIMEOUT } from "../support/build";
import { FakeCell, fakeOfficeScript } from "./fakeOffice";
import { MUNICIPALITIES } from "../../src/core/municipalities";

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

  /*
   * Fluent's focus manager (tabster) puts focusable aria-hidden <i data-tabster-dummy> bumpers
   * around focus groups; they only pass focus on. Microsoft's own Accessibility Insights
   * suppresses exactly these nodes for this rule (microsoft/accessibility-insights-web#7605);
   * every other node still counts.
   */
  function realNodes<N extends { html: string }>(v: { id: string; nodes: N[] }): N[] {
    return v.id === "aria-hidden-focus"
      ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy"))
      : v.nodes;
  }

  async function noSeriousViolations(state: string): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .map((v) => ({ ...v, nodes: realNodes(v) }))
      .filter((v) => v.nodes.length > 0)
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
      );
    expect(bad).toEqual([]);
  }

  async function open(file: string): Promise<void> {
    await page.setInputFiles("input[type=file]", file);
    await page.getByRole("tab", { name: /Bevindingen/ }).waitFor();
  }

  const group = (rule: string) => page.getByRole("region", { name: new RegExp(`· ${rule} \\(`) });

  it("starts in plain browser mode, in Dutch, asking for a file", async () => {
    await page.goto(url);
    await page.getByRole("button", { name: "Excel-bestand kiezen…" }).waitFor();
    expect(await page.getByText(/verlaat uw computer niet/).count()).toBe(1);
    expect(await page.getByText("Nog geen bestand gekozen.").isVisible()).toBe(true);
    // Its size budget is asserted once, in test/build/build.test.ts; here: no ExcelJS yet.
    const ours = scripts.filter((p) => !p.startsWith("/office/"));
    expect(ours.filter(isExcelJS)).toEqual([]);
    await shot("01-start");
    await noSeriousViolations("start");
  });

  it("checks the published example and shows its known mistakes", async () => {
    await open(PUBLISHED);
    expect(scripts.filter(isExcelJS)).toHaveLength(1);
    // 2.277.731 / 3.064.067 = 74,34%, labelled 70%.
    expect(await group("SPLIT-LABEL").textContent()).toContain("74,34%");
    // Tabel 6 totals 2023 € 2.033.528, Tabel 4 € 1.874.278.
    const link = (await group("ALLOC-LINK").textContent()) ?? "";
    expect(link).toContain("€ 2.033.528");
    expect(link).toContain("€ 1.874.278");
    // Rounded amounts missing their total by a euro or two.
    expect(await group("ALLOC-SUM").count()).toBe(1);
    expect(await page.getByText(/Uitvoeringsplan!D61/).count()).toBeGreaterThan(0);
    await shot("02-published-findings");
    await noSeriousViolations("published findings");

    await page.getByRole("tab", { name: "Plan" }).click();
    const plan = (await page.getByRole("region", { name: "Gelezen plan" }).textContent()) ?? "";
    expect(plan).toContain("up-2024-published.xlsx");
    expect(plan).toContain("gepubliceerde opmaak");
    expect(plan).toContain("2023–2027");
    await shot("03-plan");
    await noSeriousViolations("plan");
  });

  it("finds every error injected into a workbook", async () => {
    const file = join(work, "met-fouten.xlsx");
    await injectedWorkbook(file);
    await page.getByRole("tab", { name: /Bevindingen/ }).click();
    await open(file);
    await page.getByRole("region", { name: /Bevindingen/ }).waitFor();
    const text = async (rule: string) => (await group(rule).textContent()) ?? "";
    // Roles 2024 add up to 19,3 + 1 = 20,3 against the stated 19,3.
    expect(await text("FTE-TOTAL")).toMatch(
      /2024[\s\S]*20,3[\s\S]*19,3|2024[\s\S]*19,3[\s\S]*20,3/
    );
    // Lines 2025: 435.000 + 10.000 = 445.000 against the subtotal 435.000.
    expect(await text("LINES-SUM")).toContain("€ 445.000");
    // Tabel 4 2026: 1.878.925 + 304.500 = 2.183.425, stated 2.183.000.
    expect(await text("TOTALS-LINK")).toContain("€ 2.183.000");
    expect(await text("ALLOC-LINK")).toContain("2026");
    // Vaals 2025: 2,56% × 2.183.425 = 55.895,68 → € 55.896, stated € 65.896.
    const vaals = await text("ALLOC-AMOUNT");
    expect(vaals).toContain("2025 · Vaals");
    expect(vaals).toContain("€ 65.896");
    expect(await text("ALLOC-SUM")).toContain("2025");
    expect(await text("MUNICIPALITIES")).toContain("Bek");
    await shot("04-injected-findings");
    await noSeriousViolations("injected findings");
  });

  it("recomputes the keys from components typed in, and follows a weight change", async () => {
    await page.getByRole("tab", { name: "Verdeelsleutel" }).click();
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
    expect(await key("Vaals")).toBe("5,00%");
    expect(await key("Maastricht")).toBe("30,00%");
    // Fold the components away to show the keys.
    await page.getByText("Sleutelcomponenten per gemeente").click();
    await shot("05-keys", true);
    await noSeriousViolations("keys");

    await view.getByLabel("Gelijk deel", { exact: true }).fill("40");
    expect(await view.getByRole("status").textContent()).toContain("moet 100% zijn");
    await shot("06-keys-weights-not-100", true);
    await view.getByLabel("Jongeren < 20", { exact: true }).fill("10");
    // Vaals: 40/15 + 0 + 25/15 + 25/15 = 6,00%; Maastricht: 40/15 + 10 + 50/15 = 16,00%.
    expect(await key("Vaals")).toBe("6,00%");
    expect(await key("Maastricht")).toBe("16,00%");
    await shot("07-keys-weight-changed", true);
    await noSeriousViolations("keys after weight change");
  });

  it("downloads the report to send and its check log, without the weights typed before", async () => {
    await page.getByRole("tab", { name: "Verslag" }).click();
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
      // Let Fluent's dialog finish fading in.
      await excel.waitForTimeout(500);
      await excel.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      const result = await new AxeBuilder({ page: excel }).analyze();
      const bad = result.violations
        .map((v) => ({ ...v, nodes: realNodes(v) }))
        .filter((v) => (v.impact === "serious" || v.impact === "critical") && v.nodes.length > 0)
        .map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(bad).toEqual([]);
    }

    it("checks the open workbook and selects a finding's cells", async () => {
      await excel.getByRole("button", { name: "Controleer plan" }).click();
      const group = excel.getByRole("region", { name: /· ALLOC-AMOUNT \(/ });
      await group.waitFor();
      await group.getByRole("button", { name: /2023 · Beek · Uitvoeringsplan!D61/ }).click();
      // The amount, its key and the Tabel 4 total it comes from, selected together.
      expect(await book<string[]>("window.__book.selected")).toEqual([
        "Uitvoeringsplan!D61,B61,D56",
      ]);
      await excelShot("09-excel-findings");
    });

    it("accepts a finding with a reason saved in the workbook", async () => {
      const group = excel.getByRole("region", { name: /· TOTALS-LINK \(/ });
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

      await excel.getByRole("tab", { name: "Acties" }).click();
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
  });
});
