/*
 * The build IT deploys: one production build with `--env host=https://gemeente.example/up/`
 * (into this test's own directory), its URLs, its metadata, and the same build served by nginx
 * with the server block of docs/DEPLOYMENT.md, loaded in Chromium from the manifest's
 * SourceLocation.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { Browser, Response } from "playwright-core";
import { CHROMIUM, haveChromium, launchChromium } from "../support/browser";
import { runWebpack } from "../support/build";
import { documentedServerBlock, NGINX, RunningNginx, startNginx } from "./nginx";

const {
  parseXml,
  breakingChanges,
  hostProblems,
  validateManifest,
} = require("../../scripts/validate-manifest.js");

const ROOT = join(__dirname, "..", "..");
const HOST = "https://gemeente.example/up/";
const OFFICE_JS = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const RELEASED = JSON.parse(
  readFileSync(join(ROOT, "metadata", "functions.released.json"), "utf8")
);

jest.setTimeout(60_000);

let work = "";
let www = "";
let out = "";
let manifest = "";

type XmlElement = { name: string; attrs: Record<string, string>; children: XmlNode[] };
type XmlNode = XmlElement | { text: string };

function elements(e: XmlElement): XmlElement[] {
  return [e, ...e.children.flatMap((c) => ("name" in c ? elements(c) : []))];
}

const text = (e: XmlElement) =>
  e.children
    .map((c) => ("text" in c ? c.text : ""))
    .join("")
    .trim();

/** Every absolute URL of the manifest: attribute values (namespaces aside) and element texts. */
function manifestUrls(xml: string): { element: string; url: string }[] {
  const found: { element: string; url: string }[] = [];
  for (const e of elements(parseXml(xml))) {
    for (const [name, value] of Object.entries(e.attrs)) {
      if (!name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
        found.push({ element: e.name, url: value });
    }
    if (/^[a-z]+:\/\//i.test(text(e))) found.push({ element: e.name, url: text(e) });
  }
  return found;
}

/** The file of the build a URL under HOST names. */
const fileOf = (url: string) => join(out, ...decodeURIComponent(url.slice(HOST.length)).split("/"));

/** The Content-Security-Policy a page declares in its <meta> tag (minified or not). */
function metaPolicy(html: string): string {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attrs = Object.fromEntries(
      [...tag.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)].map((m) => [
        m[1].toLowerCase(),
        m[2] ?? m[3] ?? m[4],
      ])
    );
    if (attrs["http-equiv"]?.toLowerCase() === "content-security-policy") return attrs.content;
  }
  throw new Error("taskpane.html declares no Content-Security-Policy");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "up-deploy-"));
  // nginx started by root serves as nobody: the build must be readable by others.
  chmodSync(work, 0o755);
  www = join(work, "www");
  out = join(www, "up");
  await runWebpack(["--env", `host=${HOST}`, "--output-path", out]);
  manifest = readFileSync(join(out, "manifest.xml"), "utf8");
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(`npm run build -- --env host=${HOST}`, () => {
  test("every URL in the manifest is under the host and names a file of the build; the AppDomain is the host's origin", () => {
    const urls = manifestUrls(manifest);
    // manifest.xml: 2 icon URLs, AppDomain, SourceLocation, 3 ribbon images, the script, the
    // metadata with 2 locale overrides, the pane and Learn more.
    expect(urls).toHaveLength(13);
    expect(urls.filter((u) => u.element === "AppDomain").map((u) => u.url)).toEqual([
      "https://gemeente.example",
    ]);
    const pages = urls.filter((u) => u.element !== "AppDomain");
    expect(pages.filter((u) => !u.url.startsWith(HOST))).toEqual([]);
    expect(pages.filter((u) => !existsSync(fileOf(u.url)))).toEqual([]);
  });

  test("the functions' script and metadata: functions.json by default, functions.nl.json for nl-NL and nl-BE", () => {
    const all = elements(parseXml(manifest));
    const url = (id: string) => all.find((e) => e.name === "bt:Url" && e.attrs.id === id)!;
    expect(url("Functions.Script.Url").attrs.DefaultValue).toBe(`${HOST}runtime.js`);
    expect(url("Taskpane.Url").attrs.DefaultValue).toBe(`${HOST}taskpane.html`);
    const settings = all.find((e) => e.name === "DefaultSettings")!;
    expect(elements(settings).find((e) => e.name === "SourceLocation")?.attrs.DefaultValue).toBe(
      `${HOST}taskpane.html`
    );
    const metadata = url("Functions.Metadata.Url");
    expect(metadata.attrs.DefaultValue).toBe(`${HOST}functions.json`);
    const overrides = elements(metadata)
      .filter((e) => e.name === "bt:Override")
      .map((e) => [e.attrs.Locale, e.attrs.Value]);
    expect(overrides).toEqual([
      ["nl-NL", `${HOST}functions.nl.json`],
      ["nl-BE", `${HOST}functions.nl.json`],
    ]);
    const first = (file: string) => JSON.parse(readFileSync(fileOf(file), "utf8")).functions[0];
    expect(first(`${HOST}functions.json`).name).toBe("CONTRIBUTION");
    expect(first(`${HOST}functions.nl.json`).name).toBe("BIJDRAGE");
  });

  test("what each Office language sees: Dutch for nl-NL and nl-BE, English (the default) for any other", () => {
    const all = elements(parseXml(manifest));
    expect(text(all.find((e) => e.name === "DefaultLocale")!)).toBe("en-US");
    /** Office's choice: the override for the user's locale, else the DefaultValue. */
    const shown = (e: XmlElement, locale: string) =>
      elements(e).find(
        (o) =>
          /(^|:)Override$/.test(o.name) && o.attrs.Locale.toLowerCase() === locale.toLowerCase()
      )?.attrs.Value ?? e.attrs.DefaultValue;
    const byId = (id: string) => all.find((e) => e.attrs.id === id)!;
    const seen = (locale: string) => ({
      name: shown(
        all.find((e) => e.name === "DisplayName")!,
        locale
      ),
      group: shown(byId("Group.Label"), locale),
      button: shown(byId("CheckButton.Label"), locale),
      functions: JSON.parse(
        readFileSync(fileOf(shown(byId("Functions.Metadata.Url"), locale)), "utf8")
      ).functions[0].name,
    });
    const dutch = {
      name: "UP – Uitvoeringsplan",
      group: "Uitvoeringsplan",
      button: "Controleer plan",
      functions: "BIJDRAGE",
    };
    const english = {
      name: "UP – Execution plan",
      group: "Execution plan",
      button: "Check plan",
      functions: "CONTRIBUTION",
    };
    expect(seen("nl-NL")).toEqual(dutch);
    expect(seen("nl-BE")).toEqual(dutch);
    for (const other of ["en-US", "en-GB", "de-DE", "fr-BE", "fy-NL"])
      expect(seen(other)).toEqual(english);
    // Every localized text has exactly the two Dutch overrides, and none for the default locale.
    const localized = all.filter((e) =>
      e.children.some((o) => "name" in o && /(^|:)Override$/.test(o.name))
    );
    expect(localized.length).toBeGreaterThanOrEqual(10);
    for (const e of localized)
      expect(
        e.children.flatMap((o) =>
          "name" in o && /(^|:)Override$/.test(o.name) ? [o.attrs.Locale] : []
        )
      ).toEqual(["nl-NL", "nl-BE"]);
  });

  test("every URL in the page resolves under the host to a file of the build", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const refs = [...html.matchAll(/\s(?:src|href)=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(refs).toEqual(
      expect.arrayContaining(["office/office.js", "runtime.js", "assets/icon-32.png"])
    );
    const resolved = refs.map((r) => new URL(r, `${HOST}taskpane.html`).href);
    expect(resolved.filter((u) => !u.startsWith(HOST))).toEqual([]);
    expect(resolved.filter((u) => !existsSync(fileOf(u)))).toEqual([]);
  });

  test("no localhost anywhere in the output, but office.js's own document.localhost in Microsoft's unmodified files", () => {
    const offending: string[] = [];
    let officeFiles = 0;
    for (const file of filesUnder(out)) {
      const path = relative(out, file).split(sep).join("/");
      const content = readFileSync(file);
      const latin1 = content.toString("latin1");
      if (!/localhost/i.test(latin1)) continue;
      const office = path.startsWith("office/") ? join(OFFICE_JS, path.slice(7)) : "";
      const unmodified =
        office !== "" && existsSync(office) && readFileSync(office).equals(content);
      if (unmodified && !/localhost/i.test(latin1.replace(/document\.localhost/g, ""))) {
        officeFiles++;
      } else {
        offending.push(path);
      }
    }
    expect(offending).toEqual([]);
    // office.js does carry that name; had the copy changed, the exception would hide nothing.
    expect(officeFiles).toBeGreaterThan(0);
  });

  test("the built metadata is compatible with the released one, and the built manifest validates", () => {
    const metadata = {
      en: JSON.parse(readFileSync(join(out, "functions.json"), "utf8")),
      nl: JSON.parse(readFileSync(join(out, "functions.nl.json"), "utf8")),
    };
    expect(breakingChanges(RELEASED, metadata)).toEqual([]);
    expect(validateManifest(manifest, { metadata, released: RELEASED })).toEqual([]);
    expect(hostProblems(manifest, out)).toEqual([]);
    const validate = spawnSync(
      process.execPath,
      [join(ROOT, "scripts", "validate-manifest.js"), "--dist", out],
      { encoding: "utf8" }
    );
    expect(validate.stderr).toBe("");
    expect(validate.status).toBe(0);
  });

  test("the build check catches a URL left on localhost or pointing elsewhere", () => {
    const left = manifest.replace(`"${HOST}runtime.js"`, '"https://localhost:3000/runtime.js"');
    expect(hostProblems(left, out)).toEqual([
      `The manifest still names localhost (host ${HOST}).`,
      expect.stringMatching(
        /^URL on line \d+ is not under https:\/\/gemeente\.example\/up\/: https:\/\/localhost:3000\/runtime\.js$/
      ),
    ]);
    const missing = manifest.replace(`"${HOST}assets/icon-80.png"`, `"${HOST}assets/icon-81.png"`);
    expect(hostProblems(missing, out)).toEqual([
      expect.stringMatching(/^URL on line \d+ names no file of the build: .*icon-81\.png$/),
    ]);
  });
});

const canServe = existsSync(NGINX) && haveChromium();
if (!canServe) {
  console.warn(
    `test/deploy: the static-server test is skipped: ${existsSync(NGINX) ? "" : `${NGINX} is missing (apt-get install -y nginx-light) `}${haveChromium() ? "" : `${CHROMIUM} is missing (apt-get install -y chromium)`}`
  );
}

(canServe ? describe : describe.skip)("the build served by nginx, loaded in Chromium", () => {
  let nginx: RunningNginx;
  let browser: Browser;

  beforeAll(async () => {
    nginx = await startNginx({
      prefix: join(work, "nginx"),
      root: www,
      serverBlock: documentedServerBlock(readFileSync(join(ROOT, "docs", "DEPLOYMENT.md"), "utf8")),
      serverName: "gemeente.example",
    });
    // The manifest's host, answered by the local nginx.
    browser = await launchChromium([
      `--host-resolver-rules=MAP gemeente.example:443 127.0.0.1:${nginx.port}`,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
  });

  test("the manifest's SourceLocation shows the pane, opens a workbook, serves every manifest URL, with the documented headers and no failed or foreign request", async () => {
    const source = elements(parseXml(manifest))
      .find((e) => e.name === "DefaultSettings")!
      .children.find((c): c is XmlElement => "name" in c && c.name === "SourceLocation")!.attrs
      .DefaultValue;
    // The certificate is the test's own; Office would need one the computers trust.
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: "nl-NL" });
    const page = await context.newPage();
    const problems: string[] = [];
    const requested: string[] = [];
    const responses = new Map<string, Response>();
    page.on("request", (r) => requested.push(r.url()));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => {
      responses.set(r.url(), r);
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));

    const loaded = Date.now();
    expect((await page.goto(source))?.status()).toBe(200);
    await page.getByRole("button", { name: "Excel-bestand kiezen…" }).waitFor({ timeout: 20_000 });
    await page.setInputFiles("input[type=file]", join(ROOT, "examples", "up-2024-published.xlsx"));
    await page.getByRole("tab", { name: /Bevindingen/ }).waitFor({ timeout: 30_000 });

    const urls = manifestUrls(manifest)
      .filter((u) => u.element !== "AppDomain")
      .map((u) => u.url);
    const served = await page.evaluate(
      (list) =>
        Promise.all(
          list.map(async (u) => {
            const r = await fetch(u, { cache: "no-store" });
            return `${r.status} ${u}`;
          })
        ),
      [...new Set(urls)]
    );
    expect(served).toEqual([...new Set(urls)].map((u) => `200 ${u}`));

    // office.js opens its telemetry frame 3 s after load; the policy must have kept it off.
    await page.waitForTimeout(Math.max(0, 4_000 - (Date.now() - loaded)));
    expect(problems).toEqual([]);
    expect(requested.filter((u) => !u.startsWith(HOST) && !/^(data|blob):/.test(u))).toEqual([]);

    const declared = metaPolicy(readFileSync(join(out, "taskpane.html"), "utf8"));
    expect(declared).toContain("frame-src 'self'");
    const headers = (u: string) => responses.get(u)!.allHeaders();
    const pane = await headers(source);
    expect(pane["content-security-policy"]).toBe(declared);
    expect(pane["cache-control"]).toBe("no-cache");
    const chunk = [...responses.keys()].find((u) => /\/up\/pane\.[0-9a-f]{8}\.js$/.test(u))!;
    expect(chunk).toBeDefined();
    expect((await headers(chunk))["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await headers(chunk))["content-security-policy"]).toBe(declared);
    const framed: string[] = [];
    for (const [u, r] of responses) if ((await r.allHeaders())["x-frame-options"]) framed.push(u);
    expect(framed).toEqual([]);
    const nl = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return {
        type: r.headers.get("content-type"),
        cors: r.headers.get("access-control-allow-origin"),
        first: (await r.json()).functions[0].name,
      };
    }, `${HOST}functions.nl.json`);
    expect(nl).toEqual({ type: "application/json", cors: "*", first: "BIJDRAGE" });
    await context.close();
  }, 90_000);
});
