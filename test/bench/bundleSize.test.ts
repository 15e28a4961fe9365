import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BuildStats, bundleSizes } from "../../scripts/bench/bundleSize";

/* What the size helper counts, on a made-up build: the real one is test/build/build.test.ts. */

test("runtime: its entry's files; pane: those and the .js assets of the pane chunk group, modules included", () => {
  const dist = mkdtempSync(join(tmpdir(), "up-size-"));
  const text = (n: number) => Array.from({ length: n }, (_, i) => `var x${i}=${i * 7};`).join("");
  const files: Record<string, string> = {
    "runtime.js": text(300),
    "pane.1.js": text(200),
    "280.2.js": text(900),
    "later.3.js": text(5000),
  };
  for (const [f, c] of Object.entries(files)) writeFileSync(join(dist, f), c);
  const stats: BuildStats = {
    errors: [],
    chunks: [
      {
        id: "runtime",
        files: ["runtime.js"],
        names: ["runtime"],
        modules: [{ name: "./src/a.ts" }],
      },
      {
        id: "pane",
        files: ["pane.1.js"],
        names: ["pane"],
        modules: [{ name: "./src/pane.tsx + 2 modules", modules: [{ name: "./src/b.tsx" }] }],
      },
      {
        id: 280,
        files: ["280.2.js", "280.2.js.LICENSE.txt"],
        names: [],
        modules: [{ name: "./node_modules/react-dom/x.js" }],
      },
      {
        id: 3,
        files: ["later.3.js"],
        names: [],
        modules: [{ name: "./node_modules/exceljs/y.js" }],
      },
    ],
    namedChunkGroups: {
      pane: {
        assets: [{ name: "280.2.js" }, { name: "280.2.js.LICENSE.txt" }, { name: "pane.1.js" }],
        chunks: [280, "pane"],
      },
    },
  };
  const gz = (f: string) => gzipSync(Buffer.from(files[f]), { level: 9 }).length;
  const s = bundleSizes(stats, dist);
  expect(s.runtime).toEqual({
    files: ["runtime.js"],
    gzip: gz("runtime.js"),
    modules: ["./src/a.ts"],
  });
  expect(s.pane.files).toEqual(["runtime.js", "280.2.js", "pane.1.js"]);
  expect(s.pane.gzip).toBe(gz("runtime.js") + gz("280.2.js") + gz("pane.1.js"));
  expect(s.pane.modules.sort()).toEqual(
    [
      "./node_modules/react-dom/x.js",
      "./src/a.ts",
      "./src/b.tsx",
      "./src/pane.tsx + 2 modules",
    ].sort()
  );
});

test("a build without the pane's chunk group is an error, not a size of 0", () => {
  const stats: BuildStats = { errors: [], chunks: [], namedChunkGroups: {} };
  expect(() => bundleSizes(stats, tmpdir())).toThrow(/pane/);
});
