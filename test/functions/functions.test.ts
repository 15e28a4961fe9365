import Decimal from "decimal.js";
import { checkPlan } from "../../src/core/check";
import { plan2024 } from "../../src/core/plan2024";
import * as UP from "../../src/functions/functions";
import { embeddedFeed, setPlanFeed } from "../../src/functions/planFeed";
import { readCell } from "../../src/reader/cells";
import { roundedKeysPlan } from "../support/roundedKeysPlan";
import { Cell, ExcelError, installCustomFunctions, streamed, TestFeed } from "./support";

installCustomFunctions();

afterEach(() => setPlanFeed(embeddedFeed));
// UP.CHECK loads its rules on its first call; these tests count its answers at once.
beforeAll(() => UP.loadOnFirstCallCode());

function expectError(result: unknown, code: string, message: string): void {
  expect(result).toBeInstanceOf(ExcelError);
  expect((result as ExcelError).code).toBe(code);
  expect((result as ExcelError).message).toBe(message);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("answers from the built-in 2024 plan (published figures, checked by hand)", () => {
  test("CONTRIBUTION: Heerlen 2025, computed by largest remainder and as stated", () => {
    // 11,97% × 2.183.425 = 261.355,9725: the largest remainder of all 16 gets one of the 10 euros left.
    expect(streamed(UP.contribution, "Heerlen", 2025, null)).toBe(261356);
    expect(streamed(UP.contribution, "Heerlen", 2023, "stated")).toBe(243413);
    expect(streamed(UP.contribution, "heerlen", "2025", "vermeld")).toBe(261356);
  });

  test("CONTRIBUTION: Beek 2025 gets no extra euro when its remainder is not among the 10 largest", () => {
    // 3,53% × 2.183.425 = 77.074,9025; remainder 0,9025 is the second largest → 77.075.
    expect(streamed(UP.contribution, "Beek", 2025, null)).toBe(77075);
    // 2,90% × 2.183.425 = 63.319,325; remainder 0,325 is not among the 10 largest → 63.319.
    expect(streamed(UP.contribution, "Gulpen-Wittem", 2025, null)).toBe(63319);
  });

  test("KEY, TOTAL, FTE, STAFFCOST, MATERIALCOST", () => {
    expect(streamed(UP.key, "Maastricht", null)).toBeCloseTo(0.1643, 12);
    expect(streamed(UP.key, "Valkenburg a/d Geul", "2026")).toBeCloseTo(0.0335, 12);
    expect(streamed(UP.total, 2024, null)).toBe(2582231);
    expect(streamed(UP.total, 2024, "formatie")).toBe(2277731);
    expect(streamed(UP.total, 2024, "materieel")).toBe(304500);
    expect(streamed(UP.fte, 2023, null)).toBeCloseTo(13.35, 12);
    expect(streamed(UP.fte, 2025, "inkopers")).toBe(1.5);
    expect(streamed(UP.fte, 2025, "Inkopers INHUUR")).toBe(0);
    expect(streamed(UP.staffCost, 2024, "jeugd")).toBe(2277731);
    expect(streamed(UP.staffCost, 2024, "wmo")).toBe(786336);
    expect(streamed(UP.staffCost, 2024, null)).toBe(3064067);
    expect(streamed(UP.materialCost, 2023, null, null)).toBe(497500);
    expect(streamed(UP.materialCost, 2023, "ICT licenties", null)).toBe(112500);
    expect(streamed(UP.materialCost, 2024, null, "jeugd")).toBe(304500);
    expect(streamed(UP.materialCost, 2024, null, "wmo")).toBe(130500);
  });

  test("CHANGE: Heerlen from 2024 to 2025", () => {
    // Tabel 4 falls from 2.582.231 to 2.183.425 with the same keys: the whole change is the total effect.
    const d = streamed<number>(UP.change, "Heerlen", 2024, 2025, null, null) as number;
    const k = streamed<number>(UP.change, "Heerlen", 2024, 2025, "sleutel", null);
    const t = streamed<number>(UP.change, "Heerlen", 2024, 2025, "totaal", null);
    expect(k).toBe(0);
    expect(t).toBe(d);
    // 11,97% of the fall of 398.806 is 47.737,08: whole-euro allocation can move it by one.
    expect(Math.abs(d + 47737)).toBeLessThanOrEqual(1);
  });

  test("MUNICIPALITIES spills the 16 participating municipalities down", () => {
    const r = streamed<string[][]>(UP.municipalities) as string[][];
    expect(r).toHaveLength(16);
    expect(r.every((row) => row.length === 1)).toBe(true);
    expect(r[0][0]).toBe("Beek");
    expect(r[15][0]).toBe("Voerendaal");
  });

  test("CHECK counts the error findings of the published plan, which has some", () => {
    const count = streamed<number>(UP.check) as number;
    // Tabel 6 2023 adds up to 2.033.528 while Tabel 4 says 1.874.278: at least that is an error.
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBe(checkPlan(plan2024()).findings.filter((f) => f.severity === "error").length);
  });
});

describe("KEYS and ALLOCATE work on their arguments alone", () => {
  const table = [
    ["gemeente", "jongeren", "toekenningen", "declaraties"],
    ["Beek", 100, 30, 10],
    ["Stein", "300", 10, "30"],
  ];

  test("KEYS with the SLA's weights: 25% equal share and 25% per component", () => {
    // Beek: 0,25×½ + 0,25×100/400 + 0,25×30/40 + 0,25×10/40 = 0,4375; Stein: the rest.
    const r = UP.keys(table) as unknown[][];
    expect(r[0]).toEqual(["sleutel"]);
    expect(r[1][0]).toBeCloseTo(0.4375, 15);
    expect(r[2][0]).toBeCloseTo(0.5625, 15);
  });

  test("KEYS with weights, as percentages or fractions", () => {
    // Beek: 0,4×½ + 0,2×¼ + 0,2×¾ + 0,2×¼ = 0,45.
    const pct = UP.keys(table, [[40], [20], [20], [20]]) as number[][];
    const frac = UP.keys(table, [[0.4, 0.2, 0.2, 0.2]]) as number[][];
    expect(pct[1][0]).toBeCloseTo(0.45, 15);
    expect(frac[1][0]).toBeCloseTo(0.45, 15);
    // Without the equal share: 1/3 each of 100/400, 30/40, 10/40 = (0,25 + 0,75 + 0,25) / 3.
    const noEqual = UP.keys(table, [["50"], ["25"], ["25"]]) as number[][];
    expect(noEqual[1][0]).toBeCloseTo(0.5 * 0.25 + 0.25 * 0.75 + 0.25 * 0.25, 15);
  });

  test("ALLOCATE hands the euros left to the largest remainders; ties to the first", () => {
    expect(UP.allocate(100, [[1], [1], [1]])).toEqual([[34], [33], [33]]);
    // Dutch text total "1.000" over a row of keys: exact shares, nothing left to hand out.
    expect(UP.allocate("1.000", [[0.5, 0.3, 0.2]])).toEqual([[500, 300, 200]]);
    expect(UP.allocate(10, [[2], [""], [1]])).toEqual([[7], [""], [3]]);
    expect(UP.allocate(1, [[1], [1], [1]], 0.01)).toEqual([[0.34], [0.33], [0.33]]);
  });

  test("an argument is the decimal the reader reads from the same cell: 0,1+0,2 is 0,3", () => {
    // Excel stores =0,1+0,2 as the binary float 0.30000000000000004 and shows 0,3.
    const stored = 0.1 + 0.2;
    const read = readCell({ value: stored });
    expect(read.kind === "number" && read.value.toString()).toBe("0.3");
    expect(UP.allocate(stored, [[1], [2]], 0.01)).toEqual([[0.1], [0.2]]);
    // Keys 0,1+0,2 and 0,7 are 30% and 70% exactly: 1.000 splits without a remainder.
    expect(UP.allocate(1000, [[stored], [0.7]])).toEqual([[300], [700]]);
  });
});

describe("error cases give the stated Excel error and message", () => {
  test("unknown municipality → #VALUE! naming the one meant", () => {
    expectError(
      streamed(UP.contribution, "Heerle", 2025, null),
      "#VALUE!",
      "Onbekende gemeente 'Heerle' — bedoelt u Heerlen?"
    );
    expectError(
      streamed(UP.key, "Maastrich", null),
      "#VALUE!",
      "Onbekende gemeente 'Maastrich' — bedoelt u Maastricht?"
    );
    expectError(
      streamed(UP.contribution, "Nuth", 2025, null),
      "#VALUE!",
      "'Nuth' is sinds 2019 opgegaan in Beekdaelen — gebruik Beekdaelen"
    );
  });

  test("a year the plan lacks → #N/A naming the years it has", () => {
    expectError(
      streamed(UP.contribution, "Heerlen", 2030, null),
      "#N/A",
      "Jaar 2030 staat niet in Tabel 4 (wel: 2023–2027)"
    );
    expectError(
      streamed(UP.staffCost, 2023, null),
      "#N/A",
      "Jaar 2023 staat niet in Tabel 2 (wel: 2024–2027)"
    );
    expectError(
      streamed(UP.contribution, "Heerlen", 2022, "stated"),
      "#N/A",
      "Jaar 2022 staat niet in Tabel 6 (wel: 2023–2027)"
    );
    expectError(
      streamed(UP.key, "Heerlen", 2031),
      "#N/A",
      "Jaar 2031 staat niet in Tabel 6 (wel: 2023–2027)"
    );
  });

  test("Excel's data types (allowCustomDataForDataTypeAny): a formatted number is its number, a card says what to do", () => {
    const formatted = { type: "FormattedNumber", basicValue: 2025, numberFormat: "0" };
    expect(
      streamed(UP.contribution, { type: "String", basicValue: "Heerlen" }, formatted, null)
    ).toBe(261356);
    expect(
      streamed(UP.contribution, "Heerlen", [[{ type: "Double", basicValue: 2025 }]], null)
    ).toBe(261356);
    expect(
      UP.allocate(100, [
        [{ type: "Double", basicValue: 1 }],
        [1],
        [{ type: "FormattedNumber", basicValue: 1 }],
      ])
    ).toEqual([[34], [33], [33]]);
    const card = {
      type: "Entity",
      text: "Heerlen",
      properties: { Naam: { type: "String", basicValue: "Heerlen" } },
    };
    expectError(
      streamed(UP.contribution, card, 2025, null),
      "#VALUE!",
      "Argument gemeente: de cel bevat een gegevenstype 'Heerlen' (een kaart), geen tekst of getal: typ de waarde, of verwijs naar een veld ervan zoals A2.Naam"
    );
    expectError(
      streamed(
        UP.contribution,
        "Heerlen",
        { type: "WebImage", address: "https://x.example/a.png" },
        null
      ),
      "#VALUE!",
      "Argument jaar: de cel bevat een gegevenstype (WebImage), geen tekst of getal"
    );
    expect((thrown(() => UP.allocate(100, [[card]])) as ExcelError).message).toBe(
      "Argument sleutels: de cel bevat een gegevenstype 'Heerlen' (een kaart), geen tekst of getal: typ de waarde, of verwijs naar een veld ervan zoals A2.Naam"
    );
  });

  test("wrong argument type → #VALUE! saying which argument", () => {
    expectError(
      streamed(UP.contribution, "Heerlen", "volgend jaar", null),
      "#VALUE!",
      "Argument jaar: 'volgend jaar' is geen jaartal: geef een jaar als 2025"
    );
    expectError(
      streamed(UP.contribution, 12, 2025, null),
      "#VALUE!",
      "Argument gemeente: 12 is geen tekst"
    );
    expectError(
      streamed(UP.contribution, "Heerlen", 2025, "geschat"),
      "#VALUE!",
      "Argument bron: 'geschat' kan niet: kies berekend of vermeld"
    );
    expectError(
      streamed(UP.total, true, null),
      "#VALUE!",
      "Argument jaar: true is geen jaartal: geef een jaar als 2025"
    );
    expectError(
      streamed(UP.total, 2025, "alles"),
      "#VALUE!",
      "Argument deel: 'alles' kan niet: kies formatie, materieel of totaal"
    );
    expectError(
      streamed(UP.staffCost, 2025, "zorg"),
      "#VALUE!",
      "Argument domein: 'zorg' kan niet: kies jeugd, wmo of totaal"
    );
    expectError(
      streamed(UP.contribution, [["Heerlen", "Beek"]], 2025, null),
      "#VALUE!",
      "Argument gemeente: verwacht één waarde, geen bereik van meerdere cellen"
    );
    expectError(
      streamed(UP.change, "Heerlen", 2024, 2025, "alles", null),
      "#VALUE!",
      "Argument deel: 'alles' kan niet: kies verschil, totaal of sleutel"
    );
    expectError(
      streamed(UP.change, "Heerlen", "2024", "later", null, null),
      "#VALUE!",
      "Argument jaar2: 'later' is geen jaartal: geef een jaar als 2025"
    );
    expectError(
      streamed(UP.fte, 2025, "Inkoper"),
      "#VALUE!",
      "Onbekende functie 'Inkoper' — bedoelt u Inkopers?"
    );
    expectError(
      streamed(UP.materialCost, 2025, "ICT licenties", "jeugd"),
      "#VALUE!",
      "Argument domein: het plan splitst alleen het subtotaal van Tabel 3 in jeugd en wmo, niet 'ICT licenties' — laat kostenpost of domein leeg"
    );
  });

  test("KEYS and ALLOCATE throw the Excel error", () => {
    expectError(
      thrown(() => UP.allocate("honderd", [[1]])),
      "#VALUE!",
      "Argument totaal: 'honderd' is geen getal"
    );
    expectError(
      thrown(() => UP.allocate(100.5, [[1], [1]])),
      "#VALUE!",
      "Argument totaal: 100,5 is geen geheel aantal van de eenheid 1; rond het totaal eerst af"
    );
    expectError(
      thrown(() => UP.allocate(100, [[1], ["veel"]])),
      "#VALUE!",
      "Argument sleutels: cel 2 van het bereik (veel) is geen sleutel ≥ 0"
    );
    expectError(
      thrown(() => UP.allocate(100, [[1], [2]], 5)),
      "#VALUE!",
      "Argument eenheid: 5 kan niet: kies 1 (hele euro's) of 0,01 (centen)"
    );
    expectError(
      thrown(() =>
        UP.keys([
          ["Beek", 1, 2, 3],
          ["Heerle", 1, 2, 3],
        ])
      ),
      "#VALUE!",
      "Onbekende gemeente 'Heerle' — bedoelt u Heerlen? (rij 2, kolom 1)"
    );
    expectError(
      thrown(() =>
        UP.keys(
          [
            ["Beek", 1, 2, 3],
            ["Stein", 1, 2, 3],
          ],
          [[30], [30], [30]]
        )
      ),
      "#VALUE!",
      "De wegingen tellen op tot 90%, niet tot 100%"
    );
  });
});

describe("the functions follow the plan feed", () => {
  test("a streamed cell answers again when the plan changes, and stops when cancelled", () => {
    const first = plan2024();
    const feed = new TestFeed(first);
    setPlanFeed(feed);
    const cell = new Cell<number>();
    UP.total(2025, null, null, cell);
    expect(cell.results).toEqual([2183425]);

    const changed = plan2024();
    changed.totals?.total.values.set(2025, { value: new Decimal(2200000) });
    feed.set(changed);
    expect(cell.results).toEqual([2183425, 2200000]);

    cell.onCanceled?.();
    expect(feed.subscribers).toBe(0);
    feed.set(first);
    expect(cell.results).toHaveLength(2);
  });

  test("while the workbook is being read a cell waits; a plan that cannot be read is #N/A with the reason", () => {
    const feed = new TestFeed(undefined);
    setPlanFeed(feed);
    const cell = new Cell<number>();
    UP.contribution("Heerlen", 2025, null, null, cell);
    expect(cell.results).toEqual([]);
    feed.set(undefined, { nl: "Tabel 6 is onleesbaar", en: "Tabel 6 cannot be read" });
    expectError(cell.last, "#N/A", "Tabel 6 is onleesbaar");
    feed.set(plan2024());
    expect(cell.last).toBe(261356);
  });

  test("CHECK follows the plan: a new inconsistency raises the count", () => {
    const feed = new TestFeed(plan2024());
    setPlanFeed(feed);
    const cell = new Cell<number>();
    UP.check(cell);
    const before = cell.last as number;
    const broken = plan2024();
    // Tabel 4 total 2025 no longer equals formatie + materieel: a TOTALS-LINK error at least.
    broken.totals?.total.values.set(2025, { value: new Decimal(9999999) });
    feed.set(broken);
    expect(cell.last as number).toBeGreaterThan(before);
  });
});

describe("the language of the messages", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  test("English when Excel speaks English, Dutch when it speaks Dutch", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    expectError(
      streamed(UP.contribution, "Heerle", 2025, null),
      "#VALUE!",
      "Unknown municipality 'Heerle' — did you mean Heerlen?"
    );
    expectError(
      streamed(UP.total, 2030, null),
      "#N/A",
      "Year 2030 is not in Tabel 4 (it has: 2023–2027)"
    );
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "nl-BE" } };
    expectError(
      streamed(UP.total, 2030, null),
      "#N/A",
      "Jaar 2030 staat niet in Tabel 4 (wel: 2023–2027)"
    );
  });
});

describe("keys: the most precise one", () => {
  test("CONTRIBUTION and KEY on rounded keys answer with the key the amounts imply", () => {
    setPlanFeed(new TestFeed(roundedKeysPlan()));
    // 1,5669% × 2.802.128 = 43.906,54 → 43.907, as the plan states; 1,57% would give 43.993.
    expect(streamed(UP.contribution, "Gulpen-Wittem", 2027, null)).toBe(43907);
    expect(streamed(UP.key, "Gulpen-Wittem", null)).toBe(0.015669);
  });
});
