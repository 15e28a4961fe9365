import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BINDING_SHEET, readBindings, TableBinding } from "../../src/reader/binding";
import { valuesCopy } from "../../src/report/valuesCopy";
import { saveBindings } from "../../src/workbook/bindings";
import { gridFromExcelJS } from "../../src/workbook/grid";
import { deflated, entriesOf, rawZip } from "../support/rawZip";

/*
 * Writes from an existing file keep everything else (docs/BAD-INPUT.md N05–N07): saving a
 * binding and the copy with values patch the zip, and every part they do not change is
 * byte-identical afterwards, on files no code of UP wrote — charts, drawings, pivot caches,
 * VBA, protection, defined names, custom XML.
 */

const CORPUS = "/work/shared/corpus/sheetjs";
const FIXTURES = join(__dirname, "..", "fixtures", "libreoffice");

/** A custom XML part as SharePoint and Office add-ins leave them. */
const CUSTOM_XML = [
  deflated("customXml/item1.xml", '<?xml version="1.0"?><b:Sources xmlns:b="urn:x-up-test"/>'),
  deflated(
    "customXml/itemProps1.xml",
    '<?xml version="1.0"?><ds:datastoreItem ds:itemID="{6A3C2F1E-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>'
  ),
];

const FILES: [string, () => Promise<Uint8Array>][] = [
  [
    "LibreOffice: chart, protected sheet, defined name",
    async () => readFileSync(join(FIXTURES, "chart.xlsx")),
  ],
  [
    "corpus: chart, pivot table and cache, VBA",
    async () => readFileSync(join(CORPUS, "pivot_table_test.xlsm")),
  ],
  [
    "corpus: chart sheet, dialog and macro sheets, VBA",
    async () => readFileSync(join(CORPUS, "BlankSheetTypes.xlsm")),
  ],
  [
    "corpus: pivot cache, shared formulas",
    async () => readFileSync(join(CORPUS, "formula_stress_test.xlsx")),
  ],
  ["corpus: workbook protection", async () => readFileSync(join(CORPUS, "LONumbers.xlsx"))],
  [
    "corpus + custom XML parts",
    async () =>
      rawZip([
        ...(await entriesOf(readFileSync(join(CORPUS, "pivot_table_named_range.xlsx")))),
        ...CUSTOM_XML,
      ]),
  ],
];

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files))
    if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/** The parts that differ (or are new), and a check that every other part is byte-identical. */
async function changedParts(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const a = await parts(before);
  const b = await parts(after);
  for (const name of a.keys()) expect(b.has(name)).toBe(true);
  return [...b.keys()].filter((name) => !a.has(name) || !a.get(name)!.equals(b.get(name)!)).sort();
}

const TABEL6: TableBinding = {
  table: "Tabel 6",
  sheet: "Blad1",
  range: "A1:C5",
  labelColumn: "A",
  headerRow: 1,
};

describe.each(FILES)("%s", (_label, make) => {
  test("N05 saving a binding changes only the binding sheet and the entries that add it", async () => {
    const before = await make();
    const after = await saveBindings(before, "plan.xlsx", [TABEL6]);
    const changed = await changedParts(before, after);
    const added = changed.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(added).toHaveLength(1);
    expect(changed).toEqual(
      [...added, "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"].sort()
    );
    // The changed parts differ from the old ones by the inserted entry only.
    const a = await parts(before);
    const b = await parts(after);
    for (const part of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]) {
      const old = a.get(part)!.toString("utf8");
      const now = b.get(part)!.toString("utf8");
      const fresh = [...now.matchAll(/<(?:\w+:)?(?:Override|Relationship|sheet) [^<>]*\/>/g)]
        .map((m) => m[0])
        .filter((tag) => !old.includes(tag));
      expect(fresh).toHaveLength(1);
      expect(now.replace(fresh[0], "")).toBe(old);
    }
    // Saving again replaces the binding sheet's part and nothing else.
    const again = await saveBindings(after, "plan.xlsx", [{ ...TABEL6, range: "A1:C4" }]);
    expect(await changedParts(after, again)).toEqual(added);
    // ExcelJS and the reader see the binding on a very hidden sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(again as unknown as ArrayBuffer);
    expect(wb.getWorksheet(BINDING_SHEET)!.state).toBe("veryHidden");
    expect(readBindings(gridFromExcelJS(wb, "plan.xlsx"), [])).toEqual([
      { ...TABEL6, range: "A1:C4" },
    ]);
  });

  test("N06 the copy with values of a file without UP formulas is the same file, part for part", async () => {
    const before = await make();
    const copy = await valuesCopy(before);
    expect(copy.replaced).toBe(0);
    expect(await changedParts(before, copy.data)).toEqual([]);
  });
});

/**
 * The LibreOffice workbook with column C as Excel stores a filled-down =UP.* formula: a shared
 * formula whose master (C2) holds the text and whose other cells name its group only; C5 a
 * plain UP formula with a text result, and a calculation chain listing them all.
 */
async function withSharedUpFormulas(): Promise<Uint8Array> {
  const original = readFileSync(join(FIXTURES, "chart.xlsx"));
  const entries = await entriesOf(original);
  const at = (name: string) => entries.findIndex((e) => e.name === name);
  const zip = await JSZip.loadAsync(original);
  let sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  sheet = sheet
    .replace(
      '<c r="C2" s="0" t="n"><f aca="false">B2*2</f><v>154150</v></c>',
      '<c r="C2" s="0"><f t="shared" ref="C2:C4" si="0">UP.BIJDRAGE(A2,2025)</f><v>154150</v></c>'
    )
    .replace(
      '<c r="C3" s="0" t="n"><f aca="false">B3*2</f><v>200000</v></c>',
      '<c r="C3" s="0"><f t="shared" si="0"/><v>200000</v></c>'
    )
    .replace(
      '<c r="C4" s="0" t="n"><f aca="false">B4*2</f><v>60000</v></c>',
      '<c r="C4" s="0"><f t="shared" si="0"/><v>60000</v></c>'
    )
    .replace(
      '<c r="C5" s="0" t="n"><f aca="false">B5*2</f><v>414150</v></c>',
      '<c r="C5" s="0" t="str"><f>_xldudf_UP_GEMEENTE(&quot;Beek&quot;)</f><v>Beek &amp; co</v></c>'
    );
  expect(sheet.match(/UP/g)).toHaveLength(2);
  entries[at("xl/worksheets/sheet1.xml")] = deflated("xl/worksheets/sheet1.xml", sheet);
  const chain =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B5" i="1"/><c r="C2" i="1"/><c r="C3"/><c r="C4"/><c r="C5"/></calcChain>';
  entries.push(deflated("xl/calcChain.xml", chain));
  return rawZip(entries);
}

test("N07 a filled-down =UP.* stored as a shared formula: replaced by its values, nothing else changes", async () => {
  const before = await withSharedUpFormulas();
  // The copy used to rebuild the file with ExcelJS, whose shared-formula code fails once the
  // master's formula is gone: the crash users saw.
  const exceljs = new ExcelJS.Workbook();
  await exceljs.xlsx.load(before as unknown as ArrayBuffer);
  const master = exceljs.getWorksheet("Bijdragen")!.getCell("C2");
  master.value = (master.value as { result: number }).result;
  await expect(exceljs.xlsx.writeBuffer()).rejects.toThrow(/Shared Formula/);
  const copy = await valuesCopy(before);
  expect(copy.replaced).toBe(4);
  expect(copy.withoutResult).toEqual([]);
  expect(await changedParts(before, copy.data)).toEqual([
    "xl/calcChain.xml",
    "xl/worksheets/sheet1.xml",
  ]);
  const a = (await parts(before)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
  const b = (await parts(copy.data)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
  // Exactly the four cells changed: each keeps its style and its value, loses its formula.
  expect(b).toBe(
    a
      .replace(
        '<c r="C2" s="0"><f t="shared" ref="C2:C4" si="0">UP.BIJDRAGE(A2,2025)</f><v>154150</v></c>',
        '<c r="C2" s="0"><v>154150</v></c>'
      )
      .replace(
        '<c r="C3" s="0"><f t="shared" si="0"/><v>200000</v></c>',
        '<c r="C3" s="0"><v>200000</v></c>'
      )
      .replace(
        '<c r="C4" s="0"><f t="shared" si="0"/><v>60000</v></c>',
        '<c r="C4" s="0"><v>60000</v></c>'
      )
      .replace(
        '<c r="C5" s="0" t="str"><f>_xldudf_UP_GEMEENTE(&quot;Beek&quot;)</f><v>Beek &amp; co</v></c>',
        '<c r="C5" s="0" t="inlineStr"><is><t xml:space="preserve">Beek &amp; co</t></is></c>'
      )
  );
  // The chain keeps B5 (still a formula) and drops the four.
  const chain = (await parts(copy.data)).get("xl/calcChain.xml")!.toString("utf8");
  expect(chain).toContain('<c r="B5" i="1"/></calcChain>');
  expect(chain).not.toMatch(/r="C\d"/);
  // Another spreadsheet reader sees the values and the other formula untouched.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy.data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Bijdragen")!;
  expect(["C2", "C3", "C4", "C5"].map((a) => ws.getCell(a).value)).toEqual([
    154150,
    200000,
    60000,
    "Beek & co",
  ]);
  expect(ws.getCell("B5").formula).toBe("SUM(B2:B4)");
});

test("N07 a shared group whose master is not an UP formula is left alone", async () => {
  const before = readFileSync(join(CORPUS, "formula_stress_test.xlsx"));
  const sheets = [...(await parts(before)).entries()].filter(([n]) =>
    n.startsWith("xl/worksheets/")
  );
  expect(sheets.some(([, x]) => x.toString("utf8").includes('t="shared"'))).toBe(true);
  const copy = await valuesCopy(before);
  expect(copy.replaced).toBe(0);
  expect(await changedParts(before, copy.data)).toEqual([]);
});
