import ExcelJS from "exceljs";
import Decimal from "decimal.js";
import { checkPlan } from "../../src/core/check";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { Plan } from "../../src/core/model";
import { D } from "../../src/core/money";
import { plan2024 } from "../../src/core/plan2024";
import { excelSerial } from "../../src/report/cells";
import { findingKey } from "../../src/report/findings";
import { compareKeys } from "../../src/report/keyComparison";
import { ReportSection } from "../../src/report/sections";
import { consistentPlan, row, setFigure } from "../support/planBuilder";
import { columnOf, fillOf, reportOf, rowOf, texts, titleRow, workbookOf } from "./reportFile";

const RED = "FFFFC7CE";
const GREEN = "FFC6EFCE";
const EURO = '[$-413]"€ "#,##0;[$-413]"-€ "#,##0';

/** The small consistent plan with Heerlen's 2025 amount € 1.000 too high. */
function heerlenTooHigh(): Plan {
  const plan = consistentPlan();
  setFigure(row(plan.contributions!.rows, "Heerlen"), 2025, "393.980");
  plan.source.tables = {
    "Tabel 1": "'Tabel 1'!A1:D5",
    "Tabel 6": "'Tabel 6'!A1:D6",
  };
  return plan;
}

async function sheets(plan: Plan, extra = {}) {
  const wb = await workbookOf(reportOf(plan, extra));
  return { wb, report: wb.getWorksheet("Controleverslag")!, log: wb.getWorksheet("Controlelog")! };
}

describe("the report to send: Controleverslag", () => {
  it("names the plan's source: the file, how it was read, each table with its range", async () => {
    const { report } = await sheets(heerlenTooHigh());
    const facts = new Map<string, unknown>();
    for (let r = 2; r < titleRow(report); r++) {
      const label = report.getRow(r).getCell(1).value;
      const value = (report.getRow(r).values as ExcelJS.CellValue[])
        .slice(2)
        .find((v) => v !== undefined && v !== null);
      if (typeof label === "string") facts.set(label, value);
    }
    expect(facts.get("Bestand")).toBe("plan & co.xlsx (UP-sjabloon)");
    expect(facts.get("Tabel 1 Formatieplan")).toBe("'Tabel 1'!A1:D5");
    expect(facts.get("Tabel 6 Uitvoeringskosten per gemeente")).toBe("'Tabel 6'!A1:D6");
    expect(facts.get("Uitkomst")).toBe("2 fouten, 0 waarschuwingen, 0 opmerkingen");
    expect(facts.get("Verdeelsleutel")).toBe(
      "de sleutels zoals het plan ze noemt (Tabel 6); dit verslag bevat geen scenario"
    );
  });

  it("names the tables the check needs that the plan lacks, and that their rules did not run", async () => {
    const facts = async (plan: Plan) =>
      new Map(
        texts((await sheets(plan)).report)
          .map((t, i, all): [string, string] => [t, all[i + 1]])
          .filter(([t]) => t === "Niet gevonden")
      );
    const lacking = consistentPlan();
    delete lacking.staffCosts;
    delete lacking.totals;
    expect((await facts(lacking)).get("Niet gevonden")).toBe(
      "Tabel 2 (formatiekosten), Tabel 4 (overzicht totalen); de regels die ze nodig hebben zijn niet uitgevoerd"
    );
    expect((await facts(consistentPlan())).has("Niet gevonden")).toBe(false);
  });

  it("says in words that a consistent plan has no findings", async () => {
    const { report } = await sheets(consistentPlan());
    expect(texts(report)).toContain(
      "geen bevindingen: de tabellen van het plan kloppen met elkaar"
    );
  });

  it("dates the check the Dutch way, as a date", async () => {
    const { report } = await sheets(consistentPlan());
    const dateRow = [...Array(titleRow(report)).keys()]
      .map((i) => report.getRow(i + 1))
      .find((r) => r.getCell(1).value === "Gecontroleerd op")!;
    const dated = [2, 3, 4].map((c) => dateRow.getCell(c)).find((c) => c.value !== null)!;
    // A number with a date format, which ExcelJS reads back as a date: 23 November 2026 is
    // day 46349 after 30 December 1899, 14:05 is 0,5868 of a day.
    expect(excelSerial(new Date(2026, 10, 23, 14, 5)).toNumber()).toBeCloseTo(
      46349 + (14 * 60 + 5) / 1440,
      9
    );
    expect(dated.type).toBe(ExcelJS.ValueType.Date);
    expect(dated.value).toEqual(new Date(Date.UTC(2026, 10, 23, 14, 5)));
    expect(dated.numFmt).toBe('[$-413]d mmmm yyyy "om" hh:mm');
    expect(report.headerFooter.oddFooter).toBe(
      "&Lplan && co.xlsx · 23 november 2026&RPagina &P van &N"
    );
  });

  it("shows each municipality's key and contribution per year as numbers in Dutch formats", async () => {
    const { report } = await sheets(consistentPlan());
    const beek = rowOf(report, "Beek");
    const key = beek.getCell(columnOf(report, "Sleutel"));
    expect(key.type).toBe(ExcelJS.ValueType.Number);
    expect(key.value).toBe(0.1235);
    expect(key.numFmt).toBe("[$-413]0.00%");
    const y2024 = beek.getCell(columnOf(report, "2024"));
    expect(y2024.type).toBe(ExcelJS.ValueType.Number);
    expect(y2024.value).toBe(99417);
    expect(y2024.numFmt).toBe(EURO);
    expect(report.getRow(titleRow(report)).getCell(columnOf(report, "2024")).alignment).toEqual(
      expect.objectContaining({ horizontal: "right" })
    );
    // The findings after the last amount start a little in, aligned left: an indent counts
    // only then, in Excel and LibreOffice alike.
    for (const row of [report.getRow(titleRow(report)), beek])
      expect(row.getCell(columnOf(report, "Bevindingen")).alignment).toEqual(
        expect.objectContaining({ horizontal: "left", indent: 1 })
      );
    const total = rowOf(report, "Totaal");
    expect(total.getCell(columnOf(report, "2025")).value).toBe(980000);
    expect(total.getCell(1).font).toEqual(expect.objectContaining({ bold: true }));
    expect(rowOf(report, "Te verdelen (Tabel 4)").getCell(columnOf(report, "2025")).value).toBe(
      980000
    );
    // A consistent plan marks nothing and needs no column of expected figures.
    expect(texts(report).filter((t) => / verwacht$/.test(t))).toEqual([]);
  });

  it("names a Tabel 6 row whose name cell is empty by that cell, never leaves it blank", async () => {
    const plan = consistentPlan();
    for (const [r, address] of [
      [row(plan.contributions!.rows, "Heerlen"), "A3"],
      [row(plan.contributions!.rows, "Vaals"), "A5"],
    ] as const) {
      r.label = "";
      delete r.municipality;
      r.labelCell = { sheet: "Tabel 6", address };
    }
    const { report } = await sheets(plan);
    expect(
      rowOf(report, "(zonder naam, 'Tabel 6'!A3)").getCell(columnOf(report, "2024")).value
    ).toBe(plan.contributions!.rows[1].values.get(2024)!.value.toNumber());
    expect(texts(report)).toContain("(zonder naam, 'Tabel 6'!A5)");
  });

  it("marks a rounding repair of a row without a name on that row", async () => {
    const plan = consistentPlan();
    const heerlen = row(plan.contributions!.rows, "Heerlen");
    heerlen.label = "";
    delete heerlen.municipality;
    heerlen.labelCell = { sheet: "Tabel 6", address: "A3" };
    const stated = heerlen.values.get(2024)!.value.plus(1);
    setFigure(heerlen, 2024, stated.toString());
    const { report } = await sheets(plan);
    const line = rowOf(report, "(zonder naam, 'Tabel 6'!A3)");
    expect(line.getCell(columnOf(report, "2024")).value).toBe(stated.toNumber());
    expect(line.getCell(columnOf(report, "2024 verwacht")).value).toBe(stated.toNumber() - 1);
  });

  it("marks a stated amount that is wrong and puts the expected amount beside it", async () => {
    const { report } = await sheets(heerlenTooHigh());
    const heerlen = rowOf(report, "Heerlen");
    const stated = heerlen.getCell(columnOf(report, "2025"));
    const expected = heerlen.getCell(columnOf(report, "2025 verwacht"));
    expect(columnOf(report, "2025 verwacht")).toBe(columnOf(report, "2025") + 1);
    expect(stated.value).toBe(393980);
    expect(fillOf(stated)).toBe(RED);
    expect(stated.font).toEqual(expect.objectContaining({ bold: true }));
    // 40,10% × € 980.000 = € 392.980.
    expect(expected.value).toBe(392980);
    expect(expected.numFmt).toBe(EURO);
    expect(fillOf(expected)).toBe(GREEN);
    // Only that cell: Beek's 2025 and Heerlen's 2024 are right.
    expect(fillOf(rowOf(report, "Beek").getCell(columnOf(report, "2025")))).toBeUndefined();
    expect(fillOf(heerlen.getCell(columnOf(report, "2024")))).toBeUndefined();
    expect(rowOf(report, "Beek").getCell(columnOf(report, "2025 verwacht")).value).toBeNull();
    expect(heerlen.getCell(columnOf(report, "Bevindingen")).value).toBe(
      "2025: €\u00a01.000 hoger dan sleutel × Tabel 4-totaal"
    );
    expect(rowOf(report, "Totaal").getCell(columnOf(report, "Bevindingen")).value).toBe(
      "2025: de gemeenten tellen op tot €\u00a0981.000, €\u00a01.000 hoger dan de totaalregel"
    );
  });

  it("marks the amount a rounding repair changes, with the repaired amount beside it", async () => {
    // 805.000 over 12,35/40,10/33,33/14,22%: Beek and Maastricht both end in ,5 and the tie
    // goes to the larger key, so Beek's 99.418 is the euro too many.
    const plan = consistentPlan();
    setFigure(row(plan.contributions!.rows, "Beek"), 2024, "99.418");
    const { report } = await sheets(plan);
    const beek = rowOf(report, "Beek");
    expect(fillOf(beek.getCell(columnOf(report, "2024")))).toBe(RED);
    expect(beek.getCell(columnOf(report, "2024 verwacht")).value).toBe(99417);
    expect(beek.getCell(columnOf(report, "Bevindingen")).value).toBe(
      "2024: afronding; met €\u00a099.417 telt het jaar op tot het totaal"
    );
  });

  it("does not mark a figure that cannot be checked, and lists findings elsewhere in the plan", async () => {
    const { report } = await sheets(plan2024());
    const line = rowOf(report, "Tabel 4 · formatiekosten jeugd");
    const y2023 = line.getCell(columnOf(report, "2023"));
    expect(y2023.value).toBe(1526028);
    expect(fillOf(y2023)).toBeUndefined();
    expect(line.getCell(columnOf(report, "Bevindingen")).value).toMatch(
      /^2023: Tabel 4, 'formatiekosten jeugd' 2023 \(€\u00a01\.526\.028\) kan niet worden nagerekend/
    );
    // The 70% line is wrong in every year Tabel 2 has: marked, 70% of the total beside it.
    const youth = rowOf(report, "Tabel 2 · formatiekosten jeugd 70%");
    expect(fillOf(youth.getCell(columnOf(report, "2024")))).toBe(RED);
    expect(youth.getCell(columnOf(report, "2024 verwacht")).value).toBe(2144847);
    expect(youth.getCell(columnOf(report, "2023")).value).toBeNull();
  });

  it("shows an accepted finding grey with its reason, not as wrong", async () => {
    const plan = heerlenTooHigh();
    const result = checkPlan(plan);
    const alloc = result.findings.find((f) => f.rule === "ALLOC-AMOUNT")!;
    const accepted = new Map([
      [findingKey(alloc), { reason: "Heerlen betaalt meer", date: "2026-11-20" }],
    ]);
    const wb = await workbookOf(reportOf(plan, {}, "nl", accepted));
    const report = wb.getWorksheet("Controleverslag")!;
    const heerlen = rowOf(report, "Heerlen");
    expect(fillOf(heerlen.getCell(columnOf(report, "2025")))).toBe("FFE7E6E6");
    expect(String(heerlen.getCell(columnOf(report, "Bevindingen")).value)).toContain(
      "— geaccepteerd: Heerlen betaalt meer"
    );
    const log = wb.getWorksheet("Controlelog")!;
    expect(texts(log)).toContainEqual(
      expect.stringMatching(/\nGeaccepteerd op 20 november 2026: Heerlen betaalt meer$/)
    );
  });
});

describe("figures are numbers", () => {
  it("no sheet holds an amount, percentage or FTE as text", async () => {
    const wb = await workbookOf(reportOf(plan2024()));
    // Header years ("2023") are the only digits that are text.
    const figure = /^[+-]?€ ?[\d.]+(,\d+)?$|^[+-]?[\d.]+(,\d+)?%$|^[+-]?\d+,\d+$/;
    const asText = wb.worksheets.flatMap(texts).filter((t) => figure.test(t));
    expect(asText).toEqual([]);
  });
});

describe("the check log: Controlelog", () => {
  it("lists every rule with its result and each finding with stated, expected and difference as numbers", async () => {
    const plan = heerlenTooHigh();
    const { log } = await sheets(plan);
    const rules = checkPlan(plan).rules;
    for (const r of rules) expect(rowOf(log, r.rule)).toBeDefined();
    expect(rowOf(log, "ALLOC-AMOUNT").getCell(2).value).toBe("1 bevinding");
    expect(rowOf(log, "FTE-TOTAL").getCell(2).value).toBe("in orde");
    expect(rowOf(log, "KEY-RECOMPUTE").getCell(2).value).toBe("n.v.t.");
    const finding = log.getRow(rowOf(log, "ALLOC-AMOUNT").number + 1);
    const at = (h: string) => finding.getCell(columnOf(log, h));
    expect(at("Ernst").value).toBe("Fout");
    expect(at("Jaar").value).toBe(2025);
    expect(at("Jaar").numFmt).toBe("0");
    expect(at("Gemeente / regel").value).toBe("Heerlen");
    expect(at("Cel").value).toBe("'Tabel 6'!D3");
    for (const [h, v] of [
      ["Staat er", 393980],
      ["Verwacht", 392980],
      ["Verschil", 1000],
    ] as const) {
      expect(at(h).type).toBe(ExcelJS.ValueType.Number);
      expect(at(h).value).toBe(v);
    }
    expect(at("Verschil").numFmt).toBe('[$-413]"+€ "#,##0;[$-413]"-€ "#,##0;[$-413]"€ "#,##0');
    expect(String(at("Toelichting").value)).toMatch(/^Tabel 6, Heerlen 2025: /);
  });

  it("shows a key's difference in percentage points and keys with the decimals that matter", async () => {
    const plan = consistentPlan();
    // The keys add up to 100,08%, beyond the 4 × 0,005 points that rounding allows.
    row(plan.contributions!.rows, "Vaals").key = { value: new D("0.1430"), decimals: 2 };
    const { log } = await sheets(plan);
    const finding = log.getRow(rowOf(log, "KEY-SUM").number + 1);
    const at = (h: string) => finding.getCell(columnOf(log, h));
    expect(at("Staat er").value).toBeCloseTo(1.0008, 10);
    expect(at("Staat er").numFmt).toBe("[$-413]0.00##%");
    expect(at("Verwacht").value).toBe(1);
    expect(at("Verschil").value).toBeCloseTo(0.08, 10);
    expect(at("Verschil").numFmt).toBe(
      '[$-413]"+"0.00##" %-punt";[$-413]"-"0.00##" %-punt";[$-413]0.00##" %-punt"'
    );
  });

  it("folds the reader's remarks of one kind into one line with their cells", async () => {
    const remarks = ["B2", "C2", "D2"].map((address, i) => ({
      severity: "warning" as const,
      table: "Tabel 6" as const,
      cell: { sheet: "Tabel 6", address },
      message: {
        nl: `getal als tekst opgeslagen: '${i + 1}.000'`,
        en: `number stored as text: '${i + 1},000'`,
      },
    }));
    const { log } = await sheets(consistentPlan(), { remarks });
    expect(rowOf(log, "Lezen").getCell(2).value).toBe("3 opmerkingen");
    expect(texts(log)).toContain("3 getallen als tekst opgeslagen: 'Tabel 6'!B2, C2, D2");
    // More than six cells: the first six and how many more.
    const many = Array.from({ length: 151 }, (_, i) => ({
      ...remarks[0],
      cell: { sheet: "Uitvoeringsplan", address: `D${12 + i}` },
    }));
    const folded = await sheets(consistentPlan(), { remarks: many });
    expect(texts(folded.log)).toContain(
      "151 getallen als tekst opgeslagen: Uitvoeringsplan!D12, D13, D14, D15, D16, D17, … (+145 meer)"
    );
  });
});

describe("a recomputed key (a scenario) in the report", () => {
  const weights = new Map([
    ["gelijk", new D(50)],
    ["jongeren", new D("12.5")],
    ["toekenningen", new D("37.5")],
    ["declaraties", new D(0)],
  ]);
  const components = () =>
    consistentPlan().contributions!.rows.map((r, i) => ({
      municipality: r.municipality!,
      values: new Map([
        ["jongeren", new D(10 + i)],
        ["toekenningen", new D(20)],
        ["declaraties", new D(5)],
      ]),
    }));

  it("is absent unless asked for: the report holds the plan's keys and says so", async () => {
    const { wb, report } = await sheets(consistentPlan());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Controleverslag", "Controlelog"]);
    expect(texts(report).join(" ")).not.toMatch(/herberekend/i);
  });

  it("states its weights, as numbers and in words, on a sheet of its own", async () => {
    const plan = consistentPlan();
    const comparison = compareKeys(plan, components(), weights);
    if (!comparison.ok) throw new Error(comparison.error.en);
    const { wb, report } = await sheets(plan, { keys: comparison.value });
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Controleverslag",
      "Controlelog",
      "Sleutelberekening",
    ]);
    expect(texts(report)).toContain(
      "de sleutels zoals het plan ze noemt (Tabel 6); herberekend met de wegingen gelijk deel 50%, jongeren < 20 12,5%, toekenningen 37,5%, declaraties 0% staan ze apart op het blad Sleutelberekening"
    );
    // The plan's own contributions are unchanged on the first sheet.
    expect(rowOf(report, "Beek").getCell(columnOf(report, "2024")).value).toBe(99417);
    const sc = wb.getWorksheet("Sleutelberekening")!;
    const weightCells = new Map<string, ExcelJS.Cell>();
    sc.eachRow((r) => {
      const label = r.getCell(1).value;
      const value = [2, 3, 4].map((c) => r.getCell(c)).find((c) => typeof c.value === "number");
      if (typeof label === "string" && label.startsWith("Weging") && value)
        weightCells.set(label, value);
    });
    expect([...weightCells].map(([l, c]) => [l, c.value, c.numFmt])).toEqual([
      ["Weging Gelijk deel", 0.5, "[$-413]0%"],
      ["Weging Jongeren < 20", 0.125, "[$-413]0.0%"],
      ["Weging Toekenningen", 0.375, "[$-413]0.0%"],
      ["Weging Declaraties", 0, "[$-413]0%"],
      ["Wegingen samen", 1, "[$-413]0%"],
    ]);
    const beek = rowOf(sc, "Beek");
    const scenarioKey = comparison.value.rows.find((r) => r.municipality === "Beek")!.nextKey;
    expect(beek.getCell(columnOf(sc, "Sleutel herberekend")).value).toBeCloseTo(
      scenarioKey.toNumber(),
      12
    );
    // Computed keys and their differences with 4 decimals each, never fewer for a round one.
    for (const header of ["Sleutel herberekend", "Verschil sleutel"]) {
      const formats = comparison.value.rows.map(
        (r) => rowOf(sc, r.municipality).getCell(columnOf(sc, header)).numFmt
      );
      expect([header, formats.filter((f) => !/0\.0000(?!#)/.test(f))]).toEqual([header, []]);
    }
    const next2025 = comparison.value.rows.map((r) => r.amounts.get(2025)!.next);
    const total = rowOf(sc, "Totaal");
    expect(total.getCell(columnOf(sc, "2025 herberekend")).value).toBe(
      next2025.reduce((a, b) => a.plus(b), new Decimal(0)).toNumber()
    );
    expect(total.getCell(columnOf(sc, "2025 herberekend")).value).toBe(980000);
  });
});

describe("print setup of every sheet", () => {
  it("repeats the table's header row, numbers the pages, fits A4 to the width", async () => {
    const plan = heerlenTooHigh();
    const comparison = compareKeys(
      plan,
      plan.contributions!.rows.map((r) => ({
        municipality: r.municipality!,
        values: new Map([
          ["jongeren", new D(1)],
          ["toekenningen", new D(1)],
          ["declaraties", new D(1)],
        ]),
      })),
      DEFAULT_WEIGHTS
    );
    if (!comparison.ok) throw new Error(comparison.error.en);
    const { wb } = await sheets(plan, { keys: comparison.value });
    for (const ws of wb.worksheets) {
      const header = ws.getRow(titleRow(ws));
      expect(header.getCell(1).font).toEqual(expect.objectContaining({ bold: true }));
      expect(fillOf(header.getCell(1))).toBe("FFDDE6F0");
      expect(ws.pageSetup).toEqual(
        expect.objectContaining({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 })
      );
      expect(ws.headerFooter.oddHeader).toBe(`&LControleverslag Testplan&R${ws.name}`);
      expect(ws.headerFooter.oddFooter).toMatch(/&RPagina &P van &N$/);
    }
    expect(wb.getWorksheet("Controlelog")!.pageSetup.orientation).toBe("landscape");
  });

  it("sets every row's height, enough for the lines of its wrapped text", async () => {
    const plan = plan2024();
    const { report, log } = await sheets(plan);
    for (const ws of [report, log]) {
      ws.eachRow((r) => {
        expect(r.height).toBeGreaterThan(0);
        r.eachCell((c) => {
          if (typeof c.value === "string" && c.alignment?.wrapText) {
            const lines = c.value.split("\n").length;
            expect(r.height).toBeGreaterThanOrEqual(lines * 15);
          }
        });
      });
    }
    // Beekdaelen has five findings, one per line.
    const beekdaelen = rowOf(report, "Beekdaelen");
    expect(
      String(beekdaelen.getCell(columnOf(report, "Bevindingen")).value).split("\n")
    ).toHaveLength(5);
    expect(beekdaelen.height).toBeGreaterThanOrEqual(5 * 15);
  });
});

describe("extra sections", () => {
  const settlement: ReportSection = {
    sheet: { nl: "Afrekening 2025", en: "Settlement 2025" },
    title: { nl: "Afrekening 2025", en: "Settlement 2025" },
    facts: [
      {
        label: { nl: "Werkelijke kosten", en: "Actual costs" },
        value: new D(990000),
        format: "euro",
      },
    ],
    columns: [
      { header: { nl: "Gemeente", en: "Municipality" }, format: "text" },
      { header: { nl: "Voorschot", en: "Advance" }, format: "euro" },
      { header: { nl: "Afrekening", en: "Settlement" }, format: "euro", signed: true },
    ],
    rows: [
      { cells: ["Beek", new D(121030), new D("-123.45")] },
      { cells: [{ nl: "Totaal", en: "Total" }, new D(121030), new D("-123.45")], total: true },
    ],
    notes: [{ nl: "Positief: de gemeente betaalt bij.", en: "Positive: the municipality pays." }],
  };

  it("each become a sheet with the report's print setup, in the user's language", async () => {
    const wb = await workbookOf(reportOf(consistentPlan(), { sections: [settlement] }, "en"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Check report",
      "Check log",
      "Settlement 2025",
    ]);
    const ws = wb.getWorksheet("Settlement 2025")!;
    const beek = rowOf(ws, "Beek");
    expect(beek.getCell(2).value).toBe(121030);
    // A column with cents shows cents on every row, signed as a difference.
    expect(beek.getCell(3).numFmt).toBe(
      '[$-809]"+€ "#,##0.00;[$-809]"-€ "#,##0.00;[$-809]"€ "#,##0.00'
    );
    expect(beek.getCell(3).value).toBe(-123.45);
    expect(rowOf(ws, "Total").getCell(2).font).toEqual(expect.objectContaining({ bold: true }));
    expect(texts(ws)).toContain("Positive: the municipality pays.");
    expect(ws.headerFooter.oddFooter).toMatch(/&RPage &P of &N$/);
  });
});

describe("notes on the computation", () => {
  it("are shown on the first sheet", async () => {
    const note = {
      nl: "De sleutels tellen op tot 99,99%; de bijdragen zijn berekend met de sleutels gedeeld door hun som.",
      en: "The keys add up to 99.99%; contributions were computed with the keys divided by their sum.",
    };
    const { report } = await sheets(consistentPlan(), { notes: [note] });
    expect(texts(report)).toContain(note.nl);
  });
});
