import * as UP from "../../src/functions/functions";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { ExcelError, installCustomFunctions, streamed, TestFeed } from "../functions/support";
import { example, readAndCheck } from "./support";

/*
 * Bad arguments to the cell formulas: docs/BAD-INPUT.md, rows F01–F15. A wrong argument is
 * #VALUE! and a missing figure #N/A, each with a message naming the argument or the reason.
 */

installCustomFunctions();
afterEach(() => setPlanFeed(embeddedFeed));

function error(result: unknown): [string, string] {
  expect(result).toBeInstanceOf(ExcelError);
  return [(result as ExcelError).code, (result as ExcelError).message];
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an Excel error");
}

test("F01 a number where a municipality is expected", () => {
  expect(error(streamed(UP.contribution, 12, 2025, null))).toEqual([
    "#VALUE!",
    "Argument gemeente: 12 is geen tekst",
  ]);
});

test("F02 an empty municipality argument", () => {
  for (const empty of [null, "", "  "]) {
    expect(error(streamed(UP.contribution, empty, 2025, null))).toEqual([
      "#VALUE!",
      "Argument gemeente: ontbreekt",
    ]);
  }
});

test("F03 an empty year argument", () => {
  expect(error(streamed(UP.contribution, "Heerlen", null, null))).toEqual([
    "#VALUE!",
    "Argument jaar: ontbreekt: geef een jaar als 2025",
  ]);
});

test("F04 the year as text gives the same answer as the number", () => {
  expect(streamed(UP.contribution, "Heerlen", "2025", null)).toBe(
    streamed(UP.contribution, "Heerlen", 2025, null)
  );
  expect(streamed(UP.contribution, "Heerlen", " 2025 ", null)).toBe(261356);
});

test.each([
  ["volgend jaar", "'volgend jaar'"],
  [2025.5, "2025.5"],
  [true, "true"],
  [-2025, "-2025"],
])("F05 a year that is no year: %p", (year, shown) => {
  expect(error(streamed(UP.contribution, "Heerlen", year, null))).toEqual([
    "#VALUE!",
    `Argument jaar: ${shown} is geen jaartal: geef een jaar als 2025`,
  ]);
});

test("F06 a range of several cells where one value is expected", () => {
  expect(error(streamed(UP.contribution, [["Heerlen"], ["Beek"]], 2025, null))).toEqual([
    "#VALUE!",
    "Argument gemeente: verwacht één waarde, geen bereik van meerdere cellen",
  ]);
  // A one-cell range is its cell.
  expect(streamed(UP.contribution, [["Heerlen"]], [[2025]], null)).toBe(261356);
});

test("F07 an unknown municipality names the one probably meant", () => {
  expect(error(streamed(UP.key, "Heerle", null))).toEqual([
    "#VALUE!",
    "Onbekende gemeente 'Heerle' — bedoelt u Heerlen?",
  ]);
});

test("F08 an old municipality points to Beekdaelen", () => {
  expect(error(streamed(UP.contribution, "Schinnen", 2025, null))).toEqual([
    "#VALUE!",
    "'Schinnen' is sinds 2019 opgegaan in Beekdaelen — gebruik Beekdaelen",
  ]);
});

test("F09 a year not in the plan", () => {
  expect(error(streamed(UP.contribution, "Heerlen", 2030, null))).toEqual([
    "#N/A",
    "Jaar 2030 staat niet in Tabel 4 (wel: 2023–2027)",
  ]);
});

test("F10 a choice that does not exist", () => {
  expect(error(streamed(UP.contribution, "Heerlen", 2025, "geschat"))).toEqual([
    "#VALUE!",
    "Argument bron: 'geschat' kan niet: kies berekend of vermeld",
  ]);
});

test("F11 ALLOCATE with a total that is text or not whole", () => {
  expect(error(thrown(() => UP.allocate("honderd", [[1]])))).toEqual([
    "#VALUE!",
    "Argument totaal: 'honderd' is geen getal",
  ]);
  expect(error(thrown(() => UP.allocate(100.5, [[1], [1]])))).toEqual([
    "#VALUE!",
    "Argument totaal: 100,5 is geen geheel aantal van de eenheid 1; rond het totaal eerst af",
  ]);
});

test("F12 ALLOCATE with a negative key or text among the keys", () => {
  expect(error(thrown(() => UP.allocate(100, [[1], [-1]])))).toEqual([
    "#VALUE!",
    "Argument sleutels: cel 2 van het bereik (-1) is geen sleutel ≥ 0",
  ]);
  expect(error(thrown(() => UP.allocate(100, [[1], ["veel"]])))[1]).toContain("(veel)");
});

test("F13 KEYS with weights that do not add up to 100", () => {
  const components = [
    ["Beek", 1, 2, 3],
    ["Stein", 1, 2, 3],
  ];
  expect(error(thrown(() => UP.keys(components, [[30], [30], [30]])))).toEqual([
    "#VALUE!",
    "De wegingen tellen op tot 90%, niet tot 100%",
  ]);
});

test("F14 KEYS with a negative count names the municipality and the value", () => {
  const [code, message] = error(
    thrown(() =>
      UP.keys([
        ["Beek", 1, -2, 3],
        ["Stein", 1, 2, 3],
      ])
    )
  );
  expect(code).toBe("#VALUE!");
  expect(message).toContain("Beek");
  expect(message).toContain("-2");
  expect(message).toContain("negatief");
});

test("F15 a Tabel 6 that cannot be read gives #N/A, never an answer from a half-read plan", async () => {
  const wb = await example("published");
  wb.getWorksheet("Uitvoeringsplan")!.getCell("F72").value = { error: "#REF!" };
  // As the add-in's plan source feeds it: the plan with what could be read.
  setPlanFeed(new TestFeed((await readAndCheck(wb)).plan));
  const missing = ["#N/A", "Het plan heeft geen Tabel 6 (verdeelsleutel)"];
  expect(error(streamed(UP.contribution, "Heerlen", 2025, null))).toEqual(missing);
  expect(error(streamed(UP.key, "Heerlen", null))).toEqual(missing);
  // Tabel 4 was read completely: its total still answers.
  expect(streamed(UP.total, 2025, null)).toBe(2183425);
});
