/*
 * Binding by hand in the plain browser page, end to end (same harness as pane.e2e.test.ts: the
 * production build served on 127.0.0.1, Debian's Chromium driven by playwright-core). The
 * workbook is the published plan with Tabel 6's title and header label removed and its years
 * written '23 … '27: the recogniser misses the table. The user binds it, the check then shows
 * Tabel 6's findings, and the downloaded workbook carries the binding for `up check`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, Page } from "playwright-core";
import { seriousViolations } from "../support/axe";
import {
  haveChromium,
  findingGroup,
  groupText,
  launchPane,
  SCREENSHOTS,
  serveStatic,
  StaticServer,
} from "../support/browser";
import { sharedBuild, SHARED_BUILD_TIMEOUT } from "../support/build";
import { runCli } from "../support/runCli";

const ROOT = join(__dirname, "..", "..");
const MISSED = join(ROOT, "test", "fixtures", "variants", "16-tabel6-unrecognised.xlsx");

const describeBrowser = haveChromium() ? describe : describe.skip;

jest.setTimeout(300_000);

describeBrowser("binding a table by hand in the plain browser page", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  const problems: string[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "up-e2e-binding-"));
    server = await serveStatic((await sharedBuild()).dist, { index: "taskpane.html" });
    ({ context, page } = await launchPane(join(work, "profile")));
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${server.origin}/taskpane.html`);
  }, SHARED_BUILD_TIMEOUT);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const group = (rule: string) => findingGroup(page, rule);
  const panel = () => page.getByRole("region", { name: "Tabel met de hand koppelen" });

  it("says Tabel 6 is missing and offers to bind it", async () => {
    await page.setInputFiles("input[type=file]", MISSED);
    await panel().waitFor();
    expect(await panel().textContent()).toContain("Niet gevonden of niet leesbaar: Tabel 6");
    expect(await group("ALLOC-SUM").count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, "20-binding-missing-table.png") });
    expect(await seriousViolations(page, "binding", "#up-binding")).toEqual([]);
  });

  it("binds A60:H77 as Tabel 6 with its years in row 60; the check then finds Tabel 6's findings", async () => {
    const p = panel();
    await p.getByLabel("Dit is").selectOption("Tabel 6");
    await p.getByLabel("Werkblad").selectOption("Uitvoeringsplan");
    await p.getByLabel("Bereik").fill("A60:H77");
    await p.getByLabel("Kolom met labels").fill("A");
    await p.getByLabel("Rij met de jaren").fill("60");
    await p.getByRole("button", { name: "Koppelen en opnieuw controleren" }).click();
    await group("ALLOC-SUM").waitFor();
    // Tabel 6 totals 2023 € 2.033.528 against Tabel 4's € 1.874.278 (as in the published plan);
    // Beek 2023: € 71.784 against 3,53% × € 1.874.278 = € 66.162, one of the 16 that follow.
    const link = await groupText(page, "ALLOC-LINK");
    expect(link).toContain("€ 2.033.528");
    expect(link).toContain("€ 1.874.278");
    expect(link).toContain("€ 66.162");
    expect(await panel().textContent()).toContain(
      "Tabel 6: Uitvoeringsplan!A60:H77 (labels in kolom A, jaren uit rij 60)"
    );
    await page.screenshot({ path: join(SCREENSHOTS, "21-binding-bound.png") });
  });

  it("downloads the workbook with the binding, which up check reads the same way", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel().getByRole("button", { name: "Werkmap met koppeling downloaden" }).click(),
    ]);
    const file = join(work, "gekoppeld.xlsx");
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe("16-tabel6-unrecognised.xlsx");
    const r = await runCli(["check", "--json", file], ROOT);
    const json = JSON.parse(r.stdout);
    expect(json.source.tables["Tabel 6"]).toBe("Uitvoeringsplan!A60:H77");
    expect(json.findings.filter((f: { table: string }) => f.table === "Tabel 6")).toHaveLength(
      16 + 5 + 1
    );
    expect(problems).toEqual([]);
  });
});
