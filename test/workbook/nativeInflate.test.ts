import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkWorkbookLimits, LIMITS } from "../../src/workbook/limits";
import { nativeInflate } from "../../src/workbook/nativeInflate";
import { deflated, entriesOf, RawEntry, rawZip, zeros } from "../support/rawZip";

/*
 * The command line checks the reading limits with Node's zlib, the pane with JSZip's inflate:
 * for every kind of workbook both must come to the same outcome, message for message.
 */

const published = readFileSync(resolve(__dirname, "../../examples/up-2024-published.xlsx"));
const SHEET = "xl/worksheets/sheet1.xml";

async function outcome(bytes: Uint8Array, native: boolean): Promise<string> {
  try {
    await checkWorkbookLimits(bytes, "plan.xlsx", native ? nativeInflate : undefined);
    return "within the limits";
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function withSheet(sheet: RawEntry, extra: RawEntry[] = []): Promise<Uint8Array> {
  const entries = (await entriesOf(published)).map((e) => (e.name === SHEET ? sheet : e));
  return rawZip([...entries, ...extra]);
}

function cells(n: number): string {
  const c = Array.from({ length: n }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join("");
  return `<worksheet><sheetData><row r="1">${c}</row></sheetData></worksheet>`;
}

const cases: [string, () => Promise<Uint8Array>][] = [
  ["the published example", async () => published],
  ["a sheet at the cell limit", () => withSheet(deflated(SHEET, cells(LIMITS.cellsPerSheet)))],
  ["a sheet one cell over it", () => withSheet(deflated(SHEET, cells(LIMITS.cellsPerSheet + 1)))],
  [
    "a part that inflates to more than the directory says",
    async () =>
      withSheet(deflated(SHEET, cells(10)), [
        { ...(await zeros("xl/media/image1.png", 2)), claimedSize: 1000 },
      ]),
  ],
  [
    "a part that inflates to less than the directory says",
    async () => withSheet({ ...deflated(SHEET, cells(10)), claimedSize: 100_000 }),
  ],
  [
    "a part whose deflate data is damaged",
    async () => {
      const sheet = deflated(SHEET, cells(1000));
      const data = Buffer.from(sheet.data);
      data.fill(0xff, 20, 60);
      return withSheet({ ...sheet, data });
    },
  ],
  [
    "a part cut short",
    async () => {
      const sheet = deflated(SHEET, cells(1000));
      return withSheet({ ...sheet, data: sheet.data.subarray(0, sheet.data.length >> 1) });
    },
  ],
  ["an empty part", () => withSheet(deflated(SHEET, ""))],
];

test.each(cases)("%s: the same outcome with Node's zlib as with JSZip", async (_, make) => {
  const bytes = await make();
  const native = await outcome(bytes, true);
  expect(native).toBe(await outcome(bytes, false));
});

test("the cases differ from each other: over the cell limit and a forged size are refused", async () => {
  const refused = await Promise.all(cases.map(async ([, make]) => outcome(await make(), true)));
  expect(refused[0]).toBe("within the limits");
  expect(refused[1]).toBe("within the limits");
  expect(refused[2]).toContain("has 250,001 cells");
  expect(refused[3]).toContain("larger than the zip archive says (1,000 bytes)");
});

test("the command line's check really inflates with zlib: once per part of the published example", async () => {
  let calls = 0;
  await checkWorkbookLimits(published, "plan.xlsx", (data, limit) => {
    calls++;
    return nativeInflate(data, limit);
  });
  expect(calls).toBe((await entriesOf(published)).filter((e) => e.size > 0).length);
});
