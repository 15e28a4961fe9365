import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * docs/BAD-INPUT.md and its tests stay together: every row of the catalogue has a test that
 * carries its id, and every id a test carries is a row of the catalogue.
 */

const ROOT = join(__dirname, "..", "..");
const DIRS = ["test/hardening", "test/nodataloss"];
const ID = /^[RCAFPNS]\d{2}$/;

const doc = readFileSync(join(ROOT, "docs", "BAD-INPUT.md"), "utf8");
const rows = [...doc.matchAll(/^\|\s*([A-Z]\d{2})\s*\|/gm)].map((m) => m[1]);

/** Ids that name a test: a title starting with the id, or an id heading a test.each row. */
function testIds(): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const dir of DIRS) {
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => /\.test\.tsx?$/.test(f))) {
      const text = readFileSync(join(ROOT, dir, file), "utf8");
      const found = [
        ...text.matchAll(/(?:\btest|\bit|\))\(\s*["'`]([RCAFPNS]\d{2}) /g),
        ...text.matchAll(/\[\s*["'`]([RCAFPNS]\d{2})["'`]\s*,/g),
      ].map((m) => m[1]);
      for (const id of found) ids.set(id, [...(ids.get(id) ?? []), `${dir}/${file}`]);
    }
  }
  return ids;
}

test("the catalogue has at least 40 cases, each id once", () => {
  expect(rows.length).toBeGreaterThanOrEqual(40);
  expect(rows.every((id) => ID.test(id))).toBe(true);
  expect(new Set(rows).size).toBe(rows.length);
  console.log(`docs/BAD-INPUT.md: ${rows.length} cases`);
});

test("every row of docs/BAD-INPUT.md has a test", () => {
  const ids = testIds();
  expect(rows.filter((id) => !ids.has(id))).toEqual([]);
});

test("every test id is a row of docs/BAD-INPUT.md", () => {
  const known = new Set(rows);
  expect([...testIds().keys()].filter((id) => !known.has(id))).toEqual([]);
});
