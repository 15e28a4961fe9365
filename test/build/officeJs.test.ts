import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";

/*
 * `--env officejs=`: where the page gets office.js. The default is the copy in the build
 * (offline tests, nothing loads from another host); `cdn` is Microsoft's CDN, which AppSource
 * requires ("If you plan to publish your Office Add-in to the Microsoft Marketplace, you must use
 * this CDN reference": referencing-the-javascript-api-for-office-library-from-its-cdn). The page
 * is rendered by the config's own HtmlWebpackPlugin, in a small build of its own.
 */

const config = require("../../webpack.config.js");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

type Plugin = { constructor: { name: string }; patterns?: { from: string }[] };

async function configFor(env: Record<string, unknown>) {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    return await config({ host: "https://gemeente.example/up/", ...env }, { mode: "production" });
  } finally {
    warn.mockRestore();
  }
}

/** taskpane.html as the config's HtmlWebpackPlugin writes it, around a one-line entry. */
async function page(env: Record<string, unknown>): Promise<string> {
  const c = await configFor(env);
  const dir = mkdtempSync(join(tmpdir(), "up-officejs-"));
  writeFileSync(join(dir, "runtime.js"), "window.up = 1;\n");
  const compiler = webpack({
    mode: "production",
    context: join(__dirname, "..", ".."),
    target: "web",
    entry: { runtime: join(dir, "runtime.js") },
    output: { path: join(dir, "dist") },
    plugins: c.plugins.filter((p: Plugin) => p.constructor.name === "HtmlWebpackPlugin"),
  });
  const stats = await new Promise<webpack.Stats>((done, fail) =>
    compiler.run((err, s) => (err || !s ? fail(err) : done(s)))
  );
  expect(stats.compilation.errors).toEqual([]);
  return readFileSync(join(dir, "dist", "taskpane.html"), "utf8");
}

const scripts = (html: string) =>
  [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]);
const scriptSrc = (html: string) => /script-src ([^;]*);/.exec(html)?.[1];

test("by default office.js is the copy in the build, and the page allows scripts from this host only", async () => {
  const html = await page({});
  expect(scripts(html)).toEqual(["runtime.js", "office/office.js"]);
  expect(scriptSrc(html)).toBe("'self'");
  const copies = (await configFor({})).plugins.find((p: Plugin) => p.patterns).patterns;
  expect(copies.map((p: { from: string }) => p.from)).toContain(
    "node_modules/@microsoft/office-js/dist"
  );
}, 60_000);

test("--env officejs=cdn: Microsoft's CDN office.js, allowed by the page's policy, and no copy", async () => {
  const html = await page({ officejs: "cdn" });
  expect(scripts(html)).toEqual(["runtime.js", CDN]);
  expect(scriptSrc(html)).toBe("'self' https://appsforoffice.microsoft.com");
  const copies = (await configFor({ officejs: "cdn" })).plugins.find(
    (p: Plugin) => p.patterns
  ).patterns;
  expect(copies.map((p: { from: string }) => p.from)).not.toContain(
    "node_modules/@microsoft/office-js/dist"
  );
}, 60_000);

test("any other value stops the build and says which ones there are", async () => {
  await expect(config({ officejs: "unpkg" }, { mode: "production" })).rejects.toThrow(
    "--env officejs=unpkg: use officejs=cdn (Microsoft's CDN) or officejs=local"
  );
});
