import ExcelJS from "exceljs";
import { plan2024 } from "../../src/core/plan2024";
import { checkPlan } from "../../src/core/check";
import { ACCEPT_SHEET, removeAcceptance, saveAcceptance } from "../../src/excel/write/acceptances";
import {
  BACKUP_SHEET,
  CellWrite,
  lastBackup,
  restoreLastBackup,
  writeWithBackup,
} from "../../src/excel/write/backup";
import { writeReportSheet } from "../../src/excel/write/reportSheet";
import { insertSheets, openValuesCopy } from "../../src/excel/write/workbookFile";
import { findingKey } from "../../src/report/findings";
import { buildReport } from "../../src/report/report";
import { reportXlsx } from "../../src/report/xlsxReport";
import { FakeBook, FakeSheet, fakeContext, installExcelEnums } from "../excel-write/fakeExcel";
import { excelWith, officeFile, restoreExcel } from "../excel/excelVersion";

/*
 * No data loss, for every action of the pane that writes (apply keys, fix rounding, accept a
 * finding, report, template, copy with values): nothing else in the workbook changes, formulas
 * are never overwritten without a yes, restore gives back exactly what was there, and text a
 * user typed is written as text, never as a formula. The workbook is office-addin-mock's
 * (test/excel-write/fakeExcel.ts), which keeps what is written into a text-formatted cell as
 * text, as Excel does; docs/BAD-INPUT.md rows N01–N04.
 */

// An Excel with every requirement set UP asks for (test/excel-write/requirementSets.test.ts: without).
beforeAll(() => {
  installExcelEnums();
  excelWith("1.18");
});
afterAll(restoreExcel);

const SHEET = "Uitvoeringsplan";
const at = (address: string) => ({ sheet: SHEET, address });

/** The 2024 plan's Tabel 6 as a user keeps it: numbers, text numbers, formulas, a note. */
function planBook(): FakeBook {
  const book = new FakeBook();
  book.sheet(SHEET).set({
    A60: "verdeelsleutel kosten",
    E60: 2024,
    F60: 2025,
    A61: "Beek",
    B61: 0.0353,
    E61: "91.153",
    F61: 77075,
    A62: "Beekdaelen",
    B62: 3.53,
    E62: "=ROUND(B62/100*E77,0)",
    F62: 133626,
    A63: '=HYPERLINK("https://example.org","Brunssum")',
    B63: "4,04%",
    E63: 104322,
    F63: "=ROUND(B63*F77,0)",
    E77: 2582231,
    F77: 2183425,
    H61: "toelichting: bedragen volgens begroting",
    H62: true,
  });
  book.sheet("Invoer").set({ A1: "jongeren", B1: 1234, B2: "=B1*2" });
  return book;
}

type Snapshot = Record<string, Record<string, unknown>>;

/** Everything a user sees of each sheet: every cell's value or formula, visibility, formats. */
function snapshot(book: FakeBook, skip: string[] = []): Snapshot {
  const out: Snapshot = {};
  for (const s of book.sheets) {
    if (skip.includes(s.name)) continue;
    out[s.name] = {
      visibility: s.visibility,
      cells: Object.fromEntries([...s.cells].map(([a, c]) => [a, { ...c }])),
      // "General" is what a cell without a format of its own has.
      formats: Object.fromEntries([...s.cellFormats].filter(([, f]) => f !== "General")),
    };
  }
  return out;
}

/** The cells whose content differs between two snapshots, as "Sheet!A1". */
function changedCells(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = (before[name]?.cells ?? {}) as Record<string, unknown>;
    const a = (after[name]?.cells ?? {}) as Record<string, unknown>;
    for (const addr of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (JSON.stringify(b[addr]) !== JSON.stringify(a[addr])) out.push(`${name}!${addr}`);
    }
  }
  return out.sort();
}

const ctx = (book: FakeBook) => fakeContext(book);

describe("apply keys (fractions into the key column)", () => {
  const writes: CellWrite[] = [
    { cell: at("B61"), value: 0.0340625, kind: "fraction" },
    { cell: at("B62"), value: 0.061, kind: "fraction" },
    { cell: at("B63"), value: 0.04, kind: "fraction" },
  ];

  test("changes the key cells only, keeps what was there, and restore gives it all back", async () => {
    const book = planBook();
    const before = snapshot(book);
    const outcome = await writeWithBackup(ctx(book), writes, {
      overwriteFormulas: false,
      label: "Sleutels",
    });
    expect(outcome.status).toBe("written");
    const after = snapshot(book, [BACKUP_SHEET]);
    expect(changedCells(before, after)).toEqual([`${SHEET}!B61`, `${SHEET}!B62`, `${SHEET}!B63`]);
    // Each key the way its cell held keys: a fraction, percent points, a percentage.
    const t6 = book.find(SHEET)!;
    expect(t6.get("B61")?.value).toBe(0.0340625);
    expect(t6.get("B62")?.value).toBeCloseTo(6.1, 12);
    expect(t6.get("B63")?.value).toBe(0.04);
    expect(book.find(BACKUP_SHEET)!.visibility).toBe("VeryHidden");

    await restoreLastBackup(ctx(book));
    expect(snapshot(book, [BACKUP_SHEET]).Uitvoeringsplan.cells).toEqual(
      before.Uitvoeringsplan.cells
    );
    expect(snapshot(book, [BACKUP_SHEET]).Invoer).toEqual(before.Invoer);
  });

  test("N02 restore gives back exactly what was there, number formats included", async () => {
    const book = planBook();
    const before = snapshot(book);
    await writeWithBackup(ctx(book), writes, { overwriteFormulas: false, label: "Sleutels" });
    await restoreLastBackup(ctx(book));
    expect(snapshot(book, [BACKUP_SHEET])).toEqual(before);
  });
});

describe("fix rounding (whole euros into Tabel 6)", () => {
  test("N01 a fix that would overwrite a formula writes nothing and names the formula cells", async () => {
    const book = planBook();
    const before = snapshot(book);
    const outcome = await writeWithBackup(
      ctx(book),
      [
        { cell: at("F61"), value: 77074, kind: "euro" },
        { cell: at("E62"), value: 158032, kind: "euro" },
        { cell: at("F63"), value: 88209, kind: "euro" },
      ],
      { overwriteFormulas: false, label: "Afronding 2024" }
    );
    expect(outcome).toEqual({ status: "needs-confirmation", formulaCells: [at("E62"), at("F63")] });
    expect(snapshot(book)).toEqual(before);
  });

  test("after a yes: only the fixed cells change, and restore brings the formulas back", async () => {
    const book = planBook();
    const before = snapshot(book);
    await writeWithBackup(
      ctx(book),
      [
        { cell: at("F61"), value: 77074, kind: "euro" },
        { cell: at("E62"), value: 158032, kind: "euro" },
      ],
      { overwriteFormulas: true, label: "Afronding 2024" }
    );
    expect(changedCells(before, snapshot(book, [BACKUP_SHEET]))).toEqual([
      `${SHEET}!E62`,
      `${SHEET}!F61`,
    ]);
    const restored = await restoreLastBackup(ctx(book));
    expect(restored?.cells).toBe(2);
    expect(book.find(SHEET)!.get("E62")).toEqual({ formula: "=ROUND(B62/100*E77,0)", value: 0 });
    expect(changedCells(before, snapshot(book, [BACKUP_SHEET]))).toEqual([]);
    expect(await lastBackup(ctx(book))).toBeNull();
  });

  test("a figure stored as text comes back as the same text, not as a number", async () => {
    const book = planBook();
    await writeWithBackup(ctx(book), [{ cell: at("E61"), value: 91152, kind: "euro" }], {
      overwriteFormulas: false,
      label: "x",
    });
    expect(book.find(SHEET)!.get("E61")).toEqual({ value: 91152 });
    await restoreLastBackup(ctx(book));
    expect(book.find(SHEET)!.get("E61")).toEqual({ value: "91.153" });
  });
});

describe("accept a finding", () => {
  test("writes only its hidden sheet; withdrawing leaves the plan as it was", async () => {
    const book = planBook();
    const before = snapshot(book);
    await saveAcceptance(ctx(book), "ALLOC-SUM|Tabel 6|2024|||", {
      reason: "afgerond in de begroting",
      date: "2026-11-23",
    });
    expect(changedCells(before, snapshot(book, [ACCEPT_SHEET]))).toEqual([]);
    expect(book.find(ACCEPT_SHEET)!.visibility).toBe("Hidden");
    await removeAcceptance(ctx(book), "ALLOC-SUM|Tabel 6|2024|||");
    expect(snapshot(book, [ACCEPT_SHEET])).toEqual(before);
  });

  test("N03 a reason that looks like a formula is saved as text", async () => {
    const book = planBook();
    const reasons = ['=HYPERLINK("http://x","klik")', "+31 43 350 00 00", "-5 euro", "@SUM(A1)"];
    for (const [i, reason] of reasons.entries()) {
      await saveAcceptance(ctx(book), `k${i}`, { reason, date: "2026-11-23" });
    }
    const sheet = book.find(ACCEPT_SHEET)!;
    expect(reasons.map((_, i) => sheet.get(`B${i + 2}`))).toEqual(
      reasons.map((reason) => ({ value: reason }))
    );
  });
});

describe("report", () => {
  /** A check of the 2024 plan whose labels and reasons hold what users type. */
  function report(reason: string) {
    const plan = plan2024();
    plan.source = { kind: "workbook", name: "@plan.xlsx", layout: "published", tables: {} };
    plan.title = "=1+1";
    plan.contributions!.rows[0].label = '=HYPERLINK("http://x","Beek")';
    const result = checkPlan(plan);
    const accepted = new Map([[findingKey(result.findings[0]), { reason, date: "2026-11-23" }]]);
    return buildReport(
      {
        plan,
        result,
        accepted,
        formulaSource: "workbook",
        workbook: "@plan.xlsx",
        date: new Date("2026-11-23T10:00:00Z"),
      },
      "nl"
    );
  }

  test("adds the report's sheets and changes nothing else", async () => {
    const book = planBook();
    const before = snapshot(book);
    const name = await writeReportSheet(ctx(book), report("afgesproken"));
    expect(name).toBe("Controleverslag");
    expect(snapshot(book, [name, "Controlelog"])).toEqual(before);
    expect(book.sheets.map((s) => s.name)).toEqual([
      SHEET,
      "Invoer",
      "Controleverslag",
      "Controlelog",
    ]);
  });

  test("N04 text that looks like a formula is written as text", async () => {
    const book = planBook();
    const typed = "=SUM(Uitvoeringsplan!E61:E76)";
    const r = report(typed);
    await writeReportSheet(ctx(book), r);
    const written: FakeSheet[] = ["Controleverslag", "Controlelog"].map((n) => book.find(n)!);
    const cells = written.flatMap((sheet) => [...sheet.cells.values()]);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts).toContain("=1+1");
    expect(texts).toContain("@plan.xlsx (opmaak van het gepubliceerde plan)");
    expect(texts.filter((t) => t.includes(typed)).length).toBeGreaterThan(0);
  });

  test("N04 the .xlsx report of the browser page keeps such text as text too", async () => {
    const typed = "=SUM(A1:A3)";
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(report(typed))) as unknown as ArrayBuffer);
    const found: { type: ExcelJS.ValueType; value: unknown }[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const looksLikeFormula = /^[=@]/.test(c.text) || c.text.includes(typed);
          if (looksLikeFormula && c.type !== ExcelJS.ValueType.Merge)
            found.push({ type: c.type, value: c.value });
        })
      );
    }
    expect(found).toContainEqual({ type: ExcelJS.ValueType.String, value: "=1+1" });
    expect(found.filter((f) => String(f.value).includes(typed)).length).toBeGreaterThan(0);
    expect(found.every((f) => f.type === ExcelJS.ValueType.String)).toBe(true);
  });
});

describe("template and copy with values", () => {
  test("the template's sheets are inserted at the end; no existing sheet changes", async () => {
    const book = planBook();
    const before = snapshot(book);
    const context = ctx(book) as unknown as { workbook: Record<string, unknown> };
    const inserted: { base64: string; options: unknown }[] = [];
    context.workbook.insertWorksheetsFromBase64 = (base64: string, options: unknown) =>
      inserted.push({ base64, options });
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await insertSheets(context as unknown as Excel.RequestContext, xlsx);
    expect(inserted).toEqual([{ base64: "UEsDBAECAw==", options: { positionType: "End" } }]);
    expect(snapshot(book)).toEqual(before);
  });

  test("the copy with values opens as a new workbook; the open one is not written", async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet(SHEET);
    ws.getCell("A1").value = "Beek";
    ws.getCell("B1").value = { formula: 'UP.CONTRIBUTION("Beek",2025)', result: 77075 } as never;
    ws.getCell("C1").value = { formula: "B1*2", result: 154150 } as never;
    const bytes = new Uint8Array(await source.xlsx.writeBuffer());
    const original = bytes.slice();
    const { created } = officeFile(bytes);
    const outcome = await openValuesCopy();
    expect(outcome).toEqual({ replaced: 1, withoutResult: [] });
    expect(bytes).toEqual(original);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(Buffer.from(created[0], "base64") as unknown as ArrayBuffer);
    const c = copy.getWorksheet(SHEET)!;
    expect([c.getCell("A1").value, c.getCell("B1").value]).toEqual(["Beek", 77075]);
    expect(c.getCell("C1").formula).toBe("B1*2");
  });
});
