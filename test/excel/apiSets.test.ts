import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ApiSet,
  AVAILABILITY,
  Availability,
  covers,
  FEATURES,
  IMPLIED,
  isBaseline,
  MANIFEST_REQUIREMENTS,
  OFFICE_API,
  requireSet,
  supports,
  TYPINGS_CORRECTED,
  whereAvailable,
} from "../../src/excel/apiSets";
import { PlanInputError } from "../../src/core/errors";
import { ApiUse, officeApiUses } from "../support/officeApiUses";

/*
 * The map of requirement sets against what the shipped code really calls: every Office.js
 * member it uses must be in the map with the set Microsoft's typings annotate, and every use of
 * a set above the manifest's minimum must sit in a file that asks Excel for that set first.
 */

const ROOT = join(__dirname, "..", "..");
let uses: ApiUse[] = [];

beforeAll(() => {
  uses = officeApiUses();
}, 240_000);

const where = (api: string) =>
  uses
    .filter((u) => u.api === api)
    .map((u) => u.at)
    .join(", ");

test("the scan finds the Office.js calls of the shipped code", () => {
  const apis = new Set(uses.map((u) => u.api));
  // A few that must be there: reading the grid, selecting, the values copy, the ribbon.
  for (const api of [
    "Excel.Worksheet.getRangeByIndexes",
    "Excel.Range.select",
    "Office.Document.getFileAsync",
    "Office.Addin.showAsTaskpane",
  ])
    expect(apis).toContain(api);
});

test("every Office.js member the code uses is in the map, with the set its typings give", () => {
  const problems: string[] = [];
  for (const api of new Set(uses.map((u) => u.api))) {
    const typed = uses.find((u) => u.api === api)!.sets;
    if (!(api in OFFICE_API)) {
      problems.push(
        `${api} (${typed.join(", ") || "no set"}) is used at ${where(api)} but not in OFFICE_API (src/excel/apiSets.ts)`
      );
      continue;
    }
    const mapped = OFFICE_API[api];
    const corrected = TYPINGS_CORRECTED[api];
    if (corrected !== undefined) {
      if (!typed.includes(corrected))
        problems.push(
          `${api}: TYPINGS_CORRECTED says the typings give ${corrected}, they give ${typed.join(", ")}`
        );
      continue;
    }
    if (mapped === null && typed.length > 0)
      problems.push(`${api}: the map gives no set, the typings give ${typed.join(", ")}`);
    if (mapped !== null && !typed.includes(mapped))
      problems.push(`${api}: the map gives ${mapped}, the typings ${typed.join(", ") || "none"}`);
  }
  expect(problems).toEqual([]);
});

test("the map lists nothing the code no longer uses", () => {
  const used = new Set(uses.map((u) => u.api));
  expect(Object.keys(OFFICE_API).filter((api) => !used.has(api))).toEqual([]);
});

test("every use of a set above the manifest's minimum is in a file that asks Excel for it", () => {
  const guards = new Map<string, string[]>();
  const guardsOf = (file: string) => {
    if (!guards.has(file)) {
      const text = readFileSync(join(ROOT, file), "utf8");
      guards.set(file, [
        ...[...text.matchAll(/\b(?:supports|requireSet|unsupported)\(\s*"([^"]+)"/g)].map(
          (m) => m[1]
        ),
        ...[...text.matchAll(/\brequireFeature\(\s*FEATURES\.(\w+)\s*\)/g)].flatMap(
          (m) => FEATURES[m[1] as keyof typeof FEATURES].needs
        ),
      ]);
    }
    return guards.get(file)!;
  };
  const unguarded = uses.flatMap((u) => {
    const set = OFFICE_API[u.api];
    if (!set || isBaseline(set)) return [];
    const file = u.at.split(":")[0];
    return guardsOf(file).some((g) => covers(g, set)) ? [] : [`${u.api} (${set}) at ${u.at}`];
  });
  expect(unguarded).toEqual([]);
});

test("the manifest asks for exactly MANIFEST_REQUIREMENTS", () => {
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const sets = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)![1];
  const declared = [...sets.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map(
    (m) => `${m[1]} ${m[2]}`
  );
  expect(declared.sort()).toEqual([...MANIFEST_REQUIREMENTS].sort());
});

describe("AVAILABILITY", () => {
  type Platform = keyof Availability;
  const PLATFORMS: Platform[] = ["web", "windows", "perpetual", "mac", "ipad"];
  /** Comparable form of a first version: "2002 (Build 12527.20092)" → [2002, 12527, 20092]. */
  const rank = (v: Availability[Platform]): number[] | null =>
    v === null || v === false
      ? null
      : v === true
        ? [0]
        : String(v)
            .split(/[^0-9]+/)
            .filter((x) => x !== "")
            .map(Number);
  const later = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d > 0;
    }
    return false;
  };

  test.each(IMPLIED)("%s is there wherever the manifest's requirements are", (set) => {
    for (const p of PLATFORMS) {
      const need = MANIFEST_REQUIREMENTS.map((m) => rank(AVAILABILITY[m][p]));
      if (need.some((n) => n === null)) continue;
      const floor = need.reduce((a, b) => (later(a!, b!) ? a : b))!;
      const have = rank(AVAILABILITY[set][p]);
      expect({ platform: p, available: have !== null && !later(have, floor) }).toEqual({
        platform: p,
        available: true,
      });
    }
  });

  test("later versions of a set are never available earlier than older ones", () => {
    const sets = Object.keys(AVAILABILITY) as ApiSet[];
    for (const a of sets)
      for (const b of sets) {
        if (a === b || !covers(a, b)) continue;
        for (const p of PLATFORMS) {
          const ra = rank(AVAILABILITY[a][p]);
          const rb = rank(AVAILABILITY[b][p]);
          if (ra !== null)
            expect({ a, b, p, older: rb !== null && !later(rb, ra) }).toEqual({
              a,
              b,
              p,
              older: true,
            });
        }
      }
  });
});

describe("asking Excel", () => {
  const original = (globalThis as { Office?: unknown }).Office;
  afterEach(() => {
    (globalThis as { Office?: unknown }).Office = original;
  });
  /** Office.js as an Excel that has ExcelApi up to `excel` and the named common sets. */
  function excelWith(excel: string, common: string[] = []) {
    const asked: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) => {
            asked.push(`${name} ${version ?? ""}`.trim());
            return name === "ExcelApi"
              ? covers(`ExcelApi ${excel}`, `ExcelApi ${version ?? "1.1"}`)
              : common.includes(name);
          },
        },
      },
    };
    return asked;
  }

  test("supports asks isSetSupported with the set's name and version", () => {
    const asked = excelWith("1.17", ["CompressedFile"]);
    expect(supports("ExcelApi 1.18")).toBe(false);
    expect(supports("ExcelApi 1.13")).toBe(true);
    expect(supports("CompressedFile")).toBe(true);
    expect(asked).toEqual(["ExcelApi 1.18", "ExcelApi 1.13", "CompressedFile"]);
  });

  test("outside Office nothing is supported", () => {
    (globalThis as { Office?: unknown }).Office = undefined;
    expect(supports("ExcelApi 1.1")).toBe(false);
  });

  test("requireSet says in Dutch and English what is needed and which Excel has it", () => {
    excelWith("1.12");
    const action = { nl: "Sjabloon invoegen", en: "Insert template" };
    expect(() => requireSet("ExcelApi 1.13", action)).toThrow(PlanInputError);
    try {
      requireSet("ExcelApi 1.13", action);
    } catch (e) {
      const m = e as PlanInputError;
      expect(m.nl).toBe(
        "Sjabloon invoegen kan niet in deze versie van Excel: daarvoor is ExcelApi 1.13 nodig (Microsoft 365 voor Windows vanaf versie 2102, Excel 2021 of later, Excel voor Mac vanaf 16.50, Excel op het web)"
      );
      expect(m.en).toContain("it needs ExcelApi 1.13 (Microsoft 365 for Windows from version 2102");
    }
    expect(() => requireSet("ExcelApi 1.11", action)).not.toThrow();
  });

  test("a set no perpetual Excel has is named without one", () => {
    expect(whereAvailable("ExcelApi 1.18").nl).toBe(
      "Microsoft 365 voor Windows vanaf versie 2501, Excel voor Mac vanaf 16.93, Excel op het web"
    );
    expect(whereAvailable("ExcelApi 1.17").nl).toContain("Excel 2024,");
  });
});
