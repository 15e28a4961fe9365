import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { Browser, BrowserContext, chromium, Locator, Page } from "playwright-core";

/*
 * The browser harness of the build, e2e, network and deploy tests and `npm run bench`: Debian's
 * Chromium driven by playwright-core, and a folder served over plain HTTP on 127.0.0.1 as a
 * static web server would (outside Office, office.js needs no HTTPS).
 */

export const CHROMIUM = "/usr/bin/chromium";

export const haveChromium = (): boolean => existsSync(CHROMIUM);

/** Headless, and nothing of Chromium's own that would reach the network or a sync account. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Chromium with the common arguments and any of the caller's (e.g. --host-resolver-rules). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

/** Excel's task pane: about 350 px wide (320 at its narrowest), a laptop screen high. */
export const PANE = { width: 350, height: 700 };

/** Text as the user reads it: a no-break space is a space. */
export const plainText = (s: string | null): string => (s ?? "").replace(/\u00a0/g, " ");

/** The findings group whose rule tag is `rule` (the cause's rule for a group with a cause). */
export function findingGroup(page: Page, rule: string): Locator {
  return page.locator(".fui-AccordionItem").filter({ has: page.getByText(rule, { exact: true }) });
}

/** Opens the first group tagged `rule` (if closed) and returns all its text. */
export async function groupText(page: Page, rule: string): Promise<string> {
  const group = findingGroup(page, rule).first();
  const header = group.locator("button[aria-expanded]");
  if ((await header.getAttribute("aria-expanded")) === "false") await header.click();
  return plainText(await group.textContent());
}

/** Goes to a tab, through the "Meer" menu when the pane is too narrow to show it. */
export async function gotoTab(page: Page, name: RegExp | string): Promise<void> {
  const tab = page.getByRole("tab", { name });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await page.getByRole("button", { name: /^Meer tabbladen/ }).click();
  await page.getByRole("menuitem", { name }).click();
}

/**
 * The task pane as the e2e tests drive it: its width, in Dutch, downloads kept; a profile of its
 * own in `profileDir`, and its first page.
 */
export async function launchPane(
  profileDir: string,
  viewport: { width: number; height: number } = PANE
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale: "nl-NL",
    acceptDownloads: true,
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

export interface StaticServer {
  server: Server;
  /** http://127.0.0.1:port, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The file "/" answers with, e.g. taskpane.html; without it "/" is a 404. */
  index?: string;
  /** Files held in memory, by path ("/bench/blank.html"), served before any file on disk. */
  pages?: Record<string, string>;
}

/** Serves the files under `dir` (nothing outside it, no directory listings) on a free port. */
export function serveStatic(dir: string, opts: ServeOptions = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(
      /^(\.\.[/\\])+/,
      ""
    );
    const page = opts.pages?.[path];
    if (page !== undefined) {
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? TYPES[".html"] }).end(page);
      return;
    }
    const file = join(dir, path === "/" && opts.index ? opts.index : path);
    if (!file.startsWith(dir + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () =>
      done({
        server,
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      })
    );
  });
}

/**
 * Where the browser tests write their screenshots: test-output/screenshots, so a test run leaves
 * the work tree clean; `UP_SCREENSHOTS=docs` writes them over the committed ones in docs/.
 */
export const SCREENSHOTS = join(
  __dirname,
  "..",
  "..",
  ...(process.env.UP_SCREENSHOTS === "docs"
    ? ["docs", "screenshots"]
    : ["test-output", "screenshots"])
);
