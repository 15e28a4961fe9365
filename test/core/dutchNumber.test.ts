import Decimal from "decimal.js";
import {
  formatDecimal,
  formatEuro,
  formatPercent,
  readDutchNumber,
} from "../../src/core/dutchNumber";
import { D } from "../../src/core/money";

describe("readDutchNumber", () => {
  test.each<[string, string, boolean, number]>([
    // text, value, percent, decimals
    ["2025", "2025", false, 0],
    ["3.064.067", "3064067", false, 0],
    ["497.500", "497500", false, 0],
    ["0,35", "0.35", false, 2],
    ["1,5", "1.5", false, 1],
    ["13,35", "13.35", false, 2],
    ["-1.234,50", "-1234.5", false, 2],
    ["1.000.000,25", "1000000.25", false, 2],
    ["€ 2.183.425", "2183425", false, 0],
    ["€2.183.425", "2183425", false, 0],
    ["EUR 1.234", "1234", false, 0],
    ["€ 1.234,-", "1234", false, 0],
    ["(1.234)", "-1234", false, 0],
    ["(€ 1.234)", "-1234", false, 0],
    ["-€ 1.234", "-1234", false, 0],
    ["€ -1.234", "-1234", false, 0],
    ["−5", "-5", false, 0],
    ["+7", "7", false, 0],
    ["1 234 567", "1234567", false, 0],
    ["1\u00a0234", "1234", false, 0],
    ["3,53%", "0.0353", true, 2],
    ["3,53 %", "0.0353", true, 2],
    ["70%", "0.7", true, 0],
    ["100,00%", "1", true, 2],
    ["11,97%", "0.1197", true, 2],
    // A single dot followed by other than three digits cannot group thousands.
    ["1.5", "1.5", false, 1],
    ["3.53%", "0.0353", true, 2],
    // English notation with both separators is recognised by the last mark.
    ["1,234,567.89", "1234567.89", false, 2],
    ["1,234,567", "1234567", false, 0],
    [",5", "0.5", false, 1],
  ])("'%s' is %s", (text, value, percent, decimals) => {
    const n = readDutchNumber(text);
    expect(n).toBeDefined();
    expect(n!.value).toEqual(new D(value));
    expect(n!.percent).toBe(percent);
    expect(n!.decimals).toBe(decimals);
  });

  test("a single dot before three digits is a thousands separator, the Dutch way", () => {
    expect(readDutchNumber("1.234")!.value).toEqual(new D(1234));
    expect(readDutchNumber("1,234")!.value).toEqual(new D("1.234"));
  });

  test.each([
    "",
    "   ",
    "abc",
    "1.2.3",
    "12.34.567",
    "1,2,3",
    "1.234,5.6",
    "--5",
    "(-5)",
    "5%%",
    "€",
    "1,234.5,6",
    "twee",
  ])("'%s' is not one number", (text) => {
    expect(readDutchNumber(text)).toBeUndefined();
  });

  test("values are exact decimals, not binary fractions", () => {
    const a = readDutchNumber("0,1")!.value;
    const b = readDutchNumber("0,2")!.value;
    expect(a.plus(b)).toEqual(new D("0.3"));
  });
});

describe("formatting the Dutch way", () => {
  test.each<[Decimal, string]>([
    [new D(2183425), "€ 2.183.425"],
    [new D(0), "€ 0"],
    [new D(999), "€ 999"],
    [new D(1000), "€ 1.000"],
    [new D(-1), "-€ 1"],
    [new D("41.25"), "€ 41,25"],
    [new D("1234.5"), "€ 1.234,50"],
    [new D("-0.5"), "-€ 0,50"],
  ])("formatEuro(%s) = %s", (v, text) => {
    expect(formatEuro(v)).toBe(text);
  });

  test.each<[string, number | undefined, string]>([
    ["0.1197", undefined, "11,97%"],
    ["0.7", 0, "70%"],
    ["0.743360", 2, "74,34%"],
    ["0.034025", 4, "3,4025%"],
    ["0.034025", 2, "3,40%"],
    ["1", 2, "100,00%"],
    ["0.00005", 3, "0,005%"],
  ])("formatPercent(%s, %s) = %s", (v, decimals, text) => {
    expect(formatPercent(new D(v), decimals)).toBe(text);
  });

  test.each<[string, string]>([
    ["1.5", "1,5"],
    ["13.35", "13,35"],
    ["16.8", "16,8"],
    ["2", "2"],
    ["-0.35", "-0,35"],
    ["1234.5", "1.234,5"],
    ["0.123456", "0,1235"],
  ])("formatDecimal(%s) = %s", (v, text) => {
    expect(formatDecimal(new D(v))).toBe(text);
  });

  test("what is formatted reads back to the same value", () => {
    for (const v of ["2183425", "-1234.5", "0.35", "1000000.25"]) {
      expect(readDutchNumber(formatEuro(new D(v)))!.value).toEqual(new D(v));
    }
    expect(readDutchNumber(formatPercent(new D("0.1197")))!.value).toEqual(new D("0.1197"));
  });
});
