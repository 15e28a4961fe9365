import ExcelJS from "exceljs";
import { MUNICIPALITIES } from "../../src/core/municipalities";
import { COMPONENTS } from "./allKindsPlan";

/*
 * The key calculation table and the change table in the UP template (UP_Herberekening,
 * UP_Toename), with UP_Bijdragen when asked. Invented, in whole numbers apart from UP's code:
 * the shares of allKindsPlan (hundredths of a percent, each component 10 000), weights 25%,
 * 2025's total 1.600.000, so each component's amount is 25% × 1.600.000 × share = 40 × the
 * share in hundredths (gelijk 6,25%: 25.000) and each key (625 + j + t + d) / 40 000 exactly.
 * The change is from invented 2024 contributions (2.000 + 100 × i below 2025's) to the row
 * totals; percentages shown with one decimal.
 *
 * Sheet 'Herberekening': header row 1, Weging row 2, the municipalities rows 3–18, Totaal
 * row 19; A Gemeente, B–E the shares (gelijk, jongeren, toekenningen, declaraties), F the key,
 * G–J the amounts, K `Totaal 2025`. Sheet 'Toename': header row 1, rows 2–17, Totaal row 18;
 * A Gemeente, B `Bijdrage 2024`, C `Bijdrage 2025`, D `Toename`, E `Toename %`.
 */

export const TOTAL = 1_600_000;
export const EQUAL = 625;
export const SHARE_HEADERS = [
  "Aandeel gelijk deel",
  "Aandeel jongeren < 20",
  "Aandeel toekenningen",
  "Aandeel declaraties",
];
export const AMOUNT_HEADERS = SHARE_HEADERS.map((h) => h.replace("Aandeel", "Bedrag"));

/** Shares per municipality in hundredths of a percent: gelijk, jongeren, toekenningen, declaraties. */
export const shares = (m: number): number[] => [EQUAL, ...COMPONENTS.map(([, s]) => s[m])];
export const rowTotal = (m: number): number => 40 * shares(m).reduce((a, b) => a + b, 0);
export const oldContribution = (m: number): number => rowTotal(m) - 2_000 - 100 * m;

/** Half up, in whole numbers: n / d rounded. */
const roundDiv = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

export interface KeyTemplate {
  /** The cells of each table as the test may change them before the file is written. */
  key: (string | number)[][];
  change: (string | number)[][];
}

/** UP_Herberekening, UP_Toename and UP_Bijdragen (the key table's keys and 2025's amounts). */
export type KeyTemplateTable = "key" | "change" | "contributions";

/** The tables' rows, header first, clean. */
export function keyTemplate(): KeyTemplate {
  const key: (string | number)[][] = [
    ["Gemeente", ...SHARE_HEADERS, "Verdeelsleutel", ...AMOUNT_HEADERS, "Totaal 2025"],
    ["Weging", 0.25, 0.25, 0.25, 0.25],
  ];
  MUNICIPALITIES.forEach((name, m) => {
    const s = shares(m);
    const k = s.reduce((a, b) => a + b, 0);
    key.push([name, ...s.map((x) => x / 10_000), k / 40_000, ...s.map((x) => 40 * x), rowTotal(m)]);
  });
  key.push(["Totaal", 1, 1, 1, 1, 1, 400_000, 400_000, 400_000, 400_000, TOTAL]);
  const change: (string | number)[][] = [
    ["Gemeente", "Bijdrage 2024", "Bijdrage 2025", "Toename", "Toename %"],
  ];
  const changeRow = (name: string, old: number, now: number) => {
    change.push([name, old, now, now - old, roundDiv(1000 * (now - old), old) / 1000]);
  };
  MUNICIPALITIES.forEach((name, m) => changeRow(name, oldContribution(m), rowTotal(m)));
  const oldTotal = MUNICIPALITIES.reduce((a, _, m) => a + oldContribution(m), 0);
  changeRow("Totaal", oldTotal, TOTAL);
  return { key, change };
}

function addTable(
  wb: ExcelJS.Workbook,
  sheet: string,
  name: string,
  rows: (string | number)[][],
  formats: (header: string) => string | undefined
) {
  const ws = wb.addWorksheet(sheet);
  const [header, ...body] = rows;
  ws.addTable({
    name,
    ref: "A1",
    headerRow: true,
    columns: header.map((h) => ({ name: String(h) })),
    rows: body.map((r) => header.map((_, c) => r[c] ?? null)),
  });
  header.forEach((h, c) => {
    const fmt = formats(String(h));
    if (fmt) for (let r = 2; r <= rows.length; r++) ws.getCell(r, c + 1).numFmt = fmt;
  });
}

/** The template workbook of these tables, as bytes. */
export async function keyTemplateFile(
  t: KeyTemplate,
  tables: KeyTemplateTable[] = ["key", "change"],
  /** The key table's number format of a column other than the template's, by header. */
  keyFormats: Record<string, string> = {}
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const share = (h: string) =>
    keyFormats[h] ??
    (/^(Aandeel|Verdeelsleutel)/.test(h) ? "0.00%" : h === "Gemeente" ? undefined : "#,##0");
  if (tables.includes("key")) addTable(wb, "Herberekening", "UP_Herberekening", t.key, share);
  if (tables.includes("change"))
    addTable(wb, "Toename", "UP_Toename", t.change, (h) =>
      h === "Toename %" ? "0.0%" : h === "Gemeente" ? undefined : "#,##0"
    );
  if (tables.includes("contributions")) {
    const rows = t.key.slice(2).map((r) => [r[0], r[5], r[10]]);
    addTable(
      wb,
      "Bijdragen",
      "UP_Bijdragen",
      [["Gemeente", "Verdeelsleutel", "2025"], ...rows],
      (h) => (h === "Verdeelsleutel" ? "0.00%" : h === "2025" ? "#,##0" : undefined)
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
