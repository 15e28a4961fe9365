import { D } from "../../src/core/money";
import { formatInfo, readCell } from "../../src/reader/cells";

describe("number formats", () => {
  test.each([
    ["General", { general: true, percent: false, minDecimals: 0, maxDecimals: 0 }],
    ["#,##0", { general: false, percent: false, minDecimals: 0, maxDecimals: 0 }],
    ["#,##0.00", { general: false, percent: false, minDecimals: 2, maxDecimals: 2 }],
    ["0.00%", { general: false, percent: true, minDecimals: 2, maxDecimals: 2 }],
    ["0%", { general: false, percent: true, minDecimals: 0, maxDecimals: 0 }],
    ["0.0#", { general: false, percent: false, minDecimals: 1, maxDecimals: 2 }],
    [
      '"€ "#,##0;[Red]-"€ "#,##0',
      { general: false, percent: false, minDecimals: 0, maxDecimals: 0 },
    ],
    ["@", { general: true, percent: false, minDecimals: 0, maxDecimals: 0 }],
  ])("%s", (fmt, info) => expect(formatInfo(fmt)).toEqual(info));
});

describe("reading a cell", () => {
  const num = (value: number, numFmt?: string) => {
    const r = readCell({ value, numFmt });
    if (r.kind !== "number") throw new Error(r.kind);
    return [r.value.toString(), r.decimals, r.percent, r.fromText];
  };

  test("true numbers get the decimals their format shows", () => {
    expect(num(0.0353, "0.00%")).toEqual(["0.0353", 2, true, false]);
    expect(num(0.034025, "0.00%")).toEqual(["0.034025", 2, true, false]);
    expect(num(0.7, "0%")).toEqual(["0.7", 0, true, false]);
    expect(num(1, "0.0#")).toEqual(["1", 1, false, false]);
    expect(num(0.35, "0.0#")).toEqual(["0.35", 2, false, false]);
    expect(num(3064067, "#,##0")).toEqual(["3064067", 0, false, false]);
    expect(num(1.5)).toEqual(["1.5", 1, false, false]);
  });

  test("binary noise below Excel's 15 digits is gone", () => {
    expect(num(0.1 + 0.2)).toEqual(["0.3", 1, false, false]);
  });

  test("Dutch text numbers", () => {
    const r = readCell({ value: " 3,53% " });
    expect(r).toEqual({
      kind: "number",
      value: new D("0.0353"),
      decimals: 2,
      percent: true,
      fromText: true,
      text: "3,53%",
    });
    expect(readCell({ value: "3.064.067" })).toMatchObject({ value: new D(3064067), decimals: 0 });
  });

  test("empty, text, formula without result, error value, date, boolean", () => {
    expect(readCell(undefined)).toEqual({ kind: "empty" });
    expect(readCell({ value: "   " })).toEqual({ kind: "empty" });
    expect(readCell({ value: "Beek  aan\tzee" })).toEqual({ kind: "text", text: "Beek aan zee" });
    const kinds = [
      readCell({ value: null, formula: "A1+A2" }),
      readCell({ value: { error: "#DIV/0!" } }),
      readCell({ value: new Date(0) }),
      readCell({ value: true }),
    ];
    expect(kinds.map((k) => k.kind)).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    const [formula, error] = kinds as { message: { nl: string; en: string } }[];
    expect(formula.message.nl).toContain("=A1+A2 zonder opgeslagen uitkomst");
    expect(error.message.en).toBe("error value #DIV/0!");
  });
});
