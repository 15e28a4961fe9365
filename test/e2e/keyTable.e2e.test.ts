/*
 * The key view's exact key table end to end: the production build in Chromium inside "Excel"
 * (office.js replaced by an in-page workbook holding the published 2024 plan and a sheet of the
 * user's own named "Sleuteltabel 2025"). The user fills in the key components, sees the table
 * in whole euros at 350 px and wide, inserts it after a preview under a free name, and restore
 * removes it. Screenshots go to test-output/screenshots/ (docs/screenshots/ with
 * UP_SCREENSHOTS=docs).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, Page } from "playwright-core";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { exactKeyTable } from "../../src/core/exactKeyTable";
import { D } from "../../src/core/money";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { plan2024 } from "../../src/core/plan2024";
import { distributedTotal } from "../../src/core/query";
import {
  gotoTab,
  haveChromium,
  launchPane,
  plainText,
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

/** Made-up counts of year t-1, different per municipality. */
const COUNTS = MUNICIPALITIES.map((m, i) => ({
  m,
  jongeren: 2000 + ((i * 1733) % 9000),
  toekenningen: 150 + ((i * 97) % 800),
  declaraties: 900 + ((i * 541) % 4000),
}));

/** The table the pane must show for 2025: the core's, with the same counts and weights. */
function expectedTable() {
  return exactKeyTable(
    COUNTS.map((c) => ({
      municipality: c.m,
      values: new Map([
        ["jongeren", new D(c.jongeren)],
        ["toekenningen", new D(c.toekenningen)],
        ["declaraties", new D(c.declaraties)],
      ]),
    })),
    DEFAULT_WEIGHTS,
    distributedTotal(plan2024(), 2025).value
  );
}

describeBrowser("the exact key table inside Excel (production build in Chromium)", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  const problems: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "up-keytable-e2e-"));
    const { dist } = await sharedBuild();
    server = await serveStatic(dist, { index: "taskpane.html" });
    ({ context, page } = await launchPane(join(work, "profile")));
    await page.setViewportSize({ width: WIDTH, height: 900 });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    const script = fakeOfficeScript(
      await publishedBook(PUBLISHED, [
        { name: "Sleuteltabel 2025", cells: { A1: { v: "mijn eigen sleuteltabel" } } },
      ])
    );
    await page.route("**/office/office.js", (route) =>
      route.fulfill({ body: script, contentType: "text/javascript" })
    );
    await page.goto(`${server.origin}/taskpane.html`);
  }, SHARED_BUILD_TIMEOUT);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const book = <T>(f: string) => page.evaluate(f) as Promise<T>;
  const sheetNames = () => book<string[]>("window.__book.sheets.map((s) => s.name)");
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

  it("shows the table for 2025's total, inserts it beside the user's sheet after a preview, and restore removes it", async () => {
    await page.getByRole("button", { name: "Controleer plan" }).click();
    await page.getByRole("tablist").waitFor();
    await gotoTab(page, "Verdeelsleutel");
    const view = page.getByRole("region", { name: "Verdeelsleutel herberekenen" });
    for (const c of COUNTS) {
      await view.getByLabel(`Jongeren < 20 ${c.m}`, { exact: true }).fill(String(c.jongeren));
      await view.getByLabel(`Toekenningen ${c.m}`, { exact: true }).fill(String(c.toekenningen));
      await view.getByLabel(`Declaraties ${c.m}`, { exact: true }).fill(String(c.declaraties));
    }
    await view.getByRole("combobox", { name: "Jaar" }).selectOption("2025");
    await view.getByText("Sleuteltabel in hele euro's (herberekening verdeelsleutel)").click();
    const table = view.getByRole("table", { name: "Sleuteltabel in hele euro's" });
    await table.waitFor();
    const expected = expectedTable();
    for (const r of expected.rows) {
      expect(plainText(await page.getByTestId(`keytable-${r.municipality}`).textContent())).toBe(
        `€ ${r.amount.toNumber().toLocaleString("nl-NL")}`
      );
    }
    for (const [c, part] of expected.parts) {
      expect(plainText(await page.getByTestId(`keytable-part-${c}`).textContent())).toBe(
        `€ ${part.toNumber().toLocaleString("nl-NL")}`
      );
    }
    // At 350 px nothing sticks out sideways.
    const fit = await view.evaluate((e) => ({
      width: e.getBoundingClientRect().width,
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(fit.width).toBeLessThanOrEqual(WIDTH);
    expect(fit.scroll).toBe(0);
    await table.scrollIntoViewIfNeeded();
    await shot("40-key-table-350");
    await noSeriousViolations(page, "key table 350");

    await page.setViewportSize({ width: 1280, height: 900 });
    await table.scrollIntoViewIfNeeded();
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      )
    ).toBe(0);
    await shot("41-key-table-wide");
    await noSeriousViolations(page, "key table wide");
    await page.setViewportSize({ width: WIDTH, height: 900 });

    const before = await sheetNames();
    await view.getByRole("button", { name: "Als blad invoegen…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Voorbeeld van het nieuwe blad").waitFor();
    await page.waitForTimeout(500);
    expect(await sheetNames()).toEqual(before);
    await shot("42-key-table-insert-preview-350");
    await noSeriousViolations(page, "key table preview");
    await dialog.getByRole("button", { name: "Blad invoegen" }).click();
    await view.getByText(/Blad "Sleuteltabel 2025 \(2\)" ingevoegd/).waitFor();
    expect(await sheetNames()).toEqual([...before, "Sleuteltabel 2025 (2)", "UP_Backup"]);
    // The user's own sheet of that name is untouched.
    expect(
      await book<string>(
        `JSON.stringify([...window.__book.sheets.find((s) => s.name === "Sleuteltabel 2025").cells])`
      )
    ).toBe(JSON.stringify([["A1", { v: "mijn eigen sleuteltabel" }]]));
    // Each municipality's row on the sheet: the amounts per component add up to its contribution.
    const rows = await book<unknown[][]>(`(() => {
      const s = window.__book.sheets.find((x) => x.name === "Sleuteltabel 2025 (2)");
      const out = [];
      for (let r = 1; r <= 60; r++) {
        const row = [];
        for (const c of "ABCDEFGHIJK") row.push(s.cells.get(c + r)?.v ?? null);
        out.push(row);
      }
      return out;
    })()`);
    for (const r of expected.rows) {
      const row = rows.find((x) => x[0] === r.municipality)!;
      expect(row.slice(6, 11)).toEqual([
        ...expected.components.map((c) => r.amounts.get(c)!.toNumber()),
        r.amount.toNumber(),
      ]);
      expect(
        (row[6] as number) + (row[7] as number) + (row[8] as number) + (row[9] as number)
      ).toBe(row[10]);
    }

    await gotoTab(page, "Acties");
    await page
      .getByText(
        'Laatste wijziging: "Sleuteltabel 2025 ingevoegd", blad "Sleuteltabel 2025 (2)" toegevoegd.'
      )
      .waitFor();
    await page.getByRole("button", { name: "Laatste wijziging terugzetten" }).click();
    await page.getByText(/teruggezet/).waitFor();
    expect((await sheetNames()).filter((n) => n !== "UP_Backup")).toEqual(before);
  });

  it("had no script errors", () => {
    expect(problems).toEqual([]);
  });
});
