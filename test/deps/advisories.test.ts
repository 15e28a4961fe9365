import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * Offline dependency check: `npm audit` cannot reach an advisory service from these machines, so
 * the advisories checked by hand (docs/SECURITY.md) are listed in docs/advisories.json, and
 * this test fails as soon as package-lock.json holds a version one of them covers.
 */

const ROOT = join(__dirname, "..", "..");
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string }>;
};
const { advisories } = JSON.parse(readFileSync(join(ROOT, "docs", "advisories.json"), "utf8")) as {
  advisories: { id: string; package: string; ranges: [string, string][] }[];
};

function compare(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split("-")[0].split(".").map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Every locked copy of a package: "node_modules/a/node_modules/uuid" → its version. */
function locked(name: string): { path: string; version: string }[] {
  return Object.entries(lock.packages)
    .filter(([path, p]) => path.endsWith(`node_modules/${name}`) && p.version)
    .map(([path, p]) => ({ path, version: p.version! }));
}

test("the advisories list is not empty and each names a package in the lock file", () => {
  expect(advisories.length).toBeGreaterThanOrEqual(4);
  for (const a of advisories) expect(locked(a.package).length).toBeGreaterThan(0);
});

test.each(advisories.map((a) => [a.id, a] as const))(
  "%s: no locked version is in an affected range",
  (_id, advisory) => {
    const hits = locked(advisory.package).filter(({ version }) =>
      advisory.ranges.some(
        ([from, fixed]) => compare(version, from) >= 0 && compare(version, fixed) < 0
      )
    );
    expect(hits).toEqual([]);
  }
);

test("the range check itself: uuid 8.3.2 (what ExcelJS pins) would be caught", () => {
  const uuid = advisories.find((a) => a.package === "uuid")!;
  const inRange = (v: string) =>
    uuid.ranges.some(([f, x]) => compare(v, f) >= 0 && compare(v, x) < 0);
  expect([
    inRange("8.3.2"),
    inRange("11.1.0"),
    inRange("11.1.1"),
    inRange("12.0.0"),
    inRange("14.0.3"),
  ]).toEqual([true, true, false, true, false]);
});

test("ExcelJS works with the overridden uuid: a data bar's extension id is a fresh v4 UUID", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Balk");
  ws.addRow([1]);
  ws.addRow([2]);
  ws.addConditionalFormatting({
    ref: "A1:A2",
    rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }] } as never],
  });
  const bytes = await wb.xlsx.writeBuffer();
  const JSZip = (await import("jszip")).default;
  const sheet = await (
    await JSZip.loadAsync(bytes)
  )
    .file("xl/worksheets/sheet1.xml")!
    .async("string");
  expect(sheet).toMatch(
    /<x14:id>\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}<\/x14:id>/i
  );
  expect(require("uuid/package.json").version).toBe("11.1.1");
});
