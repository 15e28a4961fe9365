/*
 * `--env host=` in webpack.config.js, without building: which hosts it takes, how the manifest
 * is rewritten, and which hosts stop the build with a message.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const config = require("../../webpack.config.js");

const ROOT = join(__dirname, "..", "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"));

type Pattern = { from: string; transform?: (c: Buffer) => string };

/** The built manifest's text for a given `--env`, from the config's own copy step. */
async function builtManifest(env: Record<string, unknown>, mode = "production"): Promise<string> {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const c = await config(env, { mode });
    const copy = c.plugins.find((p: { patterns?: Pattern[] }) => p.patterns);
    const pattern = copy.patterns.find((p: Pattern) => p.from === "manifest.xml");
    return pattern.transform(MANIFEST);
  } finally {
    warn.mockRestore();
  }
}

const urlsOf = (xml: string) => [...xml.matchAll(/"(https:\/\/[^"]+)"|>(https:\/\/[^<]+)</g)];

test("a host with or without its trailing slash: every URL under it, the AppDomain its origin", async () => {
  for (const host of ["https://gemeente.example/up/", "https://gemeente.example/up"]) {
    const xml = await builtManifest({ host });
    const urls = urlsOf(xml).map((m) => m[1] ?? m[2]);
    expect(urls).toHaveLength(13);
    expect(urls.filter((u) => !u.startsWith("https://gemeente.example/up/"))).toEqual([
      "https://gemeente.example",
    ]);
    expect(xml).toContain('Value="https://gemeente.example/up/functions.nl.json"');
    expect(xml).not.toContain("localhost");
  }
});

test("a host at the root of its server, on another port", async () => {
  const xml = await builtManifest({ host: "https://up.gemeente.example:8443" });
  expect(xml).toContain("<AppDomain>https://up.gemeente.example:8443</AppDomain>");
  expect(xml).toContain('DefaultValue="https://up.gemeente.example:8443/taskpane.html"');
});

test("without a host the manifest stays on the dev server, and a production build says so", async () => {
  expect(await builtManifest({}, "development")).toBe(MANIFEST.toString());
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    await config({}, { mode: "production" });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("--env host="));
  } finally {
    warn.mockRestore();
  }
});

test.each([
  ["http://gemeente.example/up/", "Office loads add-ins over https only"],
  ["gemeente.example/up/", "not an absolute URL"],
  ["https://gemeente.example/up/?v=2", "a folder URL without query, fragment or user name"],
  ["https://localhost:3000/", "localhost is each user's own computer, not a server"],
  [true, "not an absolute URL"],
])("--env host=%s stops the build: %s", async (host, why) => {
  await expect(config({ host }, { mode: "production" })).rejects.toThrow(why);
});
