import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "acorn";
import webpack from "webpack";
import { BUDGETS, BuildStats, bundleSizes, BundleSizes, KB } from "../../scripts/bench/bundleSize";
import { haveChromium, launchChromium, serveStatic } from "../support/browser";
import { sharedBuild, SHARED_BUILD_TIMEOUT } from "../support/build";

/* eslint-disable @typescript-eslint/no-require-imports */
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { DutchFunctionsPlugin } = require("../../scripts/functions-nl.js");

/*
 * The production build, shared with the e2e and network tests (test/support/build.ts): what
 * it emits, and the size budgets, measured by the helper `npm run bench` reports them with.
 */

let DIST = "";
let stats: BuildStats;
let sizes: BundleSizes;

beforeAll(async () => {
  const build = await sharedBuild();
  DIST = build.dist;
  stats = JSON.parse(readFileSync(build.statsFile, "utf8"));
  sizes = bundleSizes(stats, DIST);
}, SHARED_BUILD_TIMEOUT);

test("the build succeeds without errors", () => {
  expect(stats.errors).toEqual([]);
});

/** Every function id, in the order of functions.json. */
const ids = [
  "CONTRIBUTION",
  "CHANGE",
  "KEY",
  "TOTAL",
  "FTE",
  "STAFFCOST",
  "MATERIALCOST",
  "MUNICIPALITIES",
  "KEYS",
  "ALLOCATE",
  "CHECK",
  "SETTLEMENT",
];

describe("functions.json, English and Dutch", () => {
  const read = (f: string) =>
    JSON.parse(readFileSync(join(DIST, f), "utf8")).functions as {
      id: string;
      name: string;
      description: string;
      parameters: { name: string; description: string }[];
      options?: { stream?: boolean };
    }[];

  test.each(["functions.json", "functions.nl.json"])(
    "%s lists every function with descriptions of the function and each parameter",
    (file) => {
      const functions = read(file);
      expect(functions.map((f) => f.id)).toEqual(ids);
      for (const f of functions) {
        expect(f.description.trim().length).toBeGreaterThan(10);
        for (const p of f.parameters) expect(p.description.trim().length).toBeGreaterThan(5);
      }
    }
  );

  test("the Dutch names, and the plan's functions stream", () => {
    const nl = read("functions.nl.json");
    expect(nl.map((f) => f.name)).toEqual([
      "BIJDRAGE",
      "VERANDERING",
      "SLEUTEL",
      "TOTAAL",
      "FTE",
      "FORMATIEKOSTEN",
      "MATERIELEKOSTEN",
      "GEMEENTEN",
      "SLEUTELS",
      "VERDEEL",
      "CONTROLE",
      "AFREKENING",
    ]);
    expect(nl[0].parameters.map((p) => p.name)).toEqual(["gemeente", "jaar", "bron", "pool"]);
    const streaming = read("functions.json")
      .filter((f) => f.options?.stream)
      .map((f) => f.id);
    expect(streaming).toEqual(ids.filter((id) => id !== "KEYS" && id !== "ALLOCATE"));
  });

  test("the build registers every function: the associate calls are in runtime.js", () => {
    const runtime = readFileSync(join(DIST, "runtime.js"), "utf8");
    for (const id of ids) expect(runtime).toContain(`associate("${id}",`);
  });
});

describe("the page of the shared runtime", () => {
  test("taskpane.html loads office.js from this host, then runtime.js, and nothing else", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    const src = (attrs: string) => /src=["']?([^"' >]+)/.exec(attrs)?.[1];
    expect(scripts.map(src).sort()).toEqual(["office/office.js", "runtime.js"]);
    // runtime.js is deferred: it runs after office.js, which runs as the parser reaches it.
    expect(scripts.find((a) => src(a) === "runtime.js")).toMatch(/\bdefer\b/);
    expect(scripts.find((a) => src(a) === "office/office.js")).not.toMatch(/\b(defer|async)\b/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  test("the pane's chunks and runtime.js are requested before office.js, not after it has run", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const office = html.indexOf("office/office.js");
    const preloaded = [...html.matchAll(/<link([^>]*)>/g)]
      .map((m) => ({ attrs: m[1], at: m.index }))
      .filter((l) => /rel=["']?preload\b/.test(l.attrs));
    const paneFiles = sizes.pane.files.filter((f) => f !== "runtime.js");
    expect(paneFiles.length).toBeGreaterThan(0);
    expect(preloaded.map((l) => /href=["']?([^"' >]+)/.exec(l.attrs)?.[1]).sort()).toEqual(
      [...paneFiles].sort()
    );
    for (const l of preloaded) {
      expect(l.attrs).toMatch(/as=["']?script\b/);
      expect(l.at).toBeLessThan(office);
    }
    expect(html.indexOf("runtime.js")).toBeLessThan(office);
  });

  test("office.js is copied without its debug files; icons and manifest are there", () => {
    expect(existsSync(join(DIST, "office", "office.js"))).toBe(true);
    expect(readdirSync(join(DIST, "office")).some((f) => f.endsWith(".debug.js"))).toBe(false);
    expect(existsSync(join(DIST, "office", "office-vsdoc.js"))).toBe(false);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(existsSync(join(DIST, "assets", `icon-${size}.png`))).toBe(true);
    }
    expect(readFileSync(join(DIST, "manifest.xml"), "utf8")).toContain(
      "https://localhost:3000/functions.nl.json"
    );
  });
});

describe("what Excel on older Macs runs: Safari 14's WebKit", () => {
  /** What of a shipped chunk Safari 14 cannot run: ES2022 syntax (class fields, static blocks), Object.hasOwn. */
  function tooNew(file: string): string[] {
    const code = readFileSync(join(DIST, file), "utf8");
    const problems: string[] = [];
    try {
      parse(code, { ecmaVersion: 2021, sourceType: "script" });
    } catch (e) {
      const at = (e as { pos: number }).pos;
      problems.push(
        `${file}: not ES2021 (${(e as Error).message}): …${code.slice(at - 40, at + 40)}…`
      );
    }
    if (/\bObject\.hasOwn\b/.test(code)) problems.push(`${file}: uses Object.hasOwn`);
    return problems;
  }

  test("every shipped chunk parses as ES2021 and uses no Object.hasOwn", () => {
    const chunks = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    expect(chunks).toEqual(expect.arrayContaining(["runtime.js", ...sizes.pane.files]));
    expect(chunks.flatMap(tooNew)).toEqual([]);
  });
});

describe("bundle budgets (gzip)", () => {
  test(`runtime.js, all that runs before the functions register, ≤ ${BUDGETS.runtime / KB} KB, without React, Fluent or ExcelJS`, () => {
    const { runtime } = sizes;
    expect(runtime.files).toEqual(["runtime.js"]);
    console.log(`runtime.js: ${(runtime.gzip / KB).toFixed(1)} KB gzip`);
    expect(runtime.gzip).toBeLessThanOrEqual(BUDGETS.runtime);
    expect(
      runtime.modules.filter((n) => /node_modules\/(react|react-dom|@fluentui|exceljs)\//.test(n))
    ).toEqual([]);
    // UP.SETTLEMENT and UP.CHANGE load their code on their first call; the requirement-set
    // tables are the pane's.
    expect(
      runtime.modules.filter((n) =>
        /src\/(core\/settle|functions\/settlement|core\/compare|functions\/change|excel\/apiSets)\./.test(
          n
        )
      )
    ).toEqual([]);
  });

  test(`the pane's first load, runtime.js included, ≤ ${BUDGETS.pane / KB} KB; ExcelJS only in a later chunk`, () => {
    const { pane } = sizes;
    console.log(`pane: ${pane.files.join(", ")} = ${(pane.gzip / KB).toFixed(1)} KB gzip`);
    expect(pane.files[0]).toBe("runtime.js");
    expect(pane.gzip).toBeLessThanOrEqual(BUDGETS.pane);
    expect(pane.modules.some((n) => n.includes("node_modules/react-dom/"))).toBe(true);
    expect(pane.modules.filter((n) => n.includes("node_modules/exceljs/"))).toEqual([]);
    // The tab bar with its overflow menu comes with the first result; the report with its view.
    expect(
      pane.modules.filter((n) =>
        /node_modules\/@fluentui\/react-(menu|positioning|tabs)\/|src\/report\/report\./.test(n)
      )
    ).toEqual([]);
  });
});

(haveChromium() ? test : test.skip)(
  "in a browser the page registers all functions before it runs the pane, and asks no other host",
  async () => {
    const server = await serveStatic(DIST);
    const base = `${server.origin}/`;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const events: string[] = [];
      const errors: string[] = [];
      page.on("request", (r) => events.push(`request ${r.url()}`));
      page.on("pageerror", (e) => errors.push(e.message));
      await page.exposeFunction("__associated", (id: string) => events.push(`associate ${id}`));
      await page.exposeFunction("__paneShown", () => events.push("pane shown"));
      // office.js creates CustomFunctions and its associate; record each call the build appended.
      await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        // The pane's first content in #root: its chunk has run (it is fetched earlier, preloaded).
        new MutationObserver((_m, observer) => {
          if (!document.getElementById("root")?.firstChild) return;
          observer.disconnect();
          (w.__paneShown as () => void)();
        }).observe(document, { childList: true, subtree: true });
        let cf: Record<string, unknown> | undefined;
        Object.defineProperty(w, "CustomFunctions", {
          configurable: true,
          get: () => cf,
          set(v: Record<string, unknown>) {
            cf = v;
            let impl = v.associate as ((...a: unknown[]) => unknown) | undefined;
            Object.defineProperty(v, "associate", {
              configurable: true,
              get: () =>
                function (this: unknown, id: string, ...rest: unknown[]) {
                  (w.__associated as (id: string) => void)(id);
                  return impl?.call(this, id, ...rest);
                },
              set(f: (...a: unknown[]) => unknown) {
                impl = f;
              },
            });
          },
        });
      });
      await page.goto(`${base}taskpane.html`);
      await page.waitForFunction(
        () => (document.getElementById("root")?.textContent ?? "") !== "",
        null,
        { timeout: 20_000 }
      );

      const associated = events.filter((e) => e.startsWith("associate ")).map((e) => e.slice(10));
      expect(associated).toEqual(ids);
      const lastAssociate = events.findIndex(
        (e) => e === `associate ${associated[ids.length - 1]}`
      );
      expect(events.indexOf("pane shown")).toBeGreaterThan(lastAssociate);
      // Frames included: office.js opens a telemetry frame 3 s after load, outside Office; the
      // page's policy keeps it off Microsoft's host.
      await page.waitForTimeout(4000);
      const foreign = events.filter(
        (e) => e.startsWith("request ") && !e.startsWith(`request ${base}`)
      );
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  },
  60_000
);

test("a function without a description fails the build", async () => {
  const dir = mkdtempSync(join(tmpdir(), "up-functions-"));
  const input = join(dir, "functions.js");
  writeFileSync(
    input,
    [
      "/**",
      " * @customfunction TWICE TWICE",
      " * @param {number} x",
      " * @returns {number}",
      " */",
      "function twice(x) { return 2 * x; }",
      "",
    ].join("\n")
  );
  const compiler = webpack({
    mode: "development",
    context: dir,
    entry: input,
    output: { path: join(dir, "dist") },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input }),
      new DutchFunctionsPlugin({
        table: { TWICE: { name: "TWEEMAAL", description: "Twee keer.", parameters: {} } },
      }),
    ],
  });
  const result = await new Promise<webpack.Stats>((done, fail) =>
    compiler.run((err, s) => (err || !s ? fail(err) : done(s)))
  );
  const errors = result.compilation.errors.map((e) => e.message);
  expect(result.hasErrors()).toBe(true);
  expect(errors).toEqual(
    expect.arrayContaining([
      "DutchFunctionsPlugin: Function TWICE has no description (JSDoc).",
      "DutchFunctionsPlugin: Function TWICE: parameter 'x' has no description (JSDoc @param).",
      "DutchFunctionsPlugin: Function TWICE: parameter 'x' has no Dutch name and description.",
    ])
  );
  expect(existsSync(join(dir, "dist", "functions.nl.json"))).toBe(false);
}, 60_000);
