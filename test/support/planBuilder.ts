import { readDutchNumber } from "../../src/core/dutchNumber";
import {
  CellRef,
  Figure,
  KeyComponentRow,
  Plan,
  PlanLine,
  ShareLine,
  StaffingRole,
  TableId,
} from "../../src/core/model";
import { D } from "../../src/core/money";
import { address } from "../../src/core/address";

/*
 * Small plans for rule tests. Figures are written as in a workbook ("1.234", "0,35", "3,53%",
 * "" for an empty cell) and read with the product's own Dutch number reader, so shown decimals
 * are what a reader would see. Every table sits on a sheet named after it: the label in
 * column A, the scale / share / key in column B, the years from column C, the first row at 2.
 */

/** [label, ...one text per year] */
export type Row = readonly string[];
/** [label, scale / share / key, ...one text per year] */
export type RowWithExtra = readonly string[];

export function fig(text: string, cell?: CellRef): Figure | undefined {
  if (text === "") return undefined;
  const n = readDutchNumber(text);
  if (!n) throw new Error(`planBuilder: cannot read '${text}'`);
  return { value: n.value, decimals: n.decimals, ...(cell ? { cell } : {}) };
}

function cellOf(table: TableId, row: number, column: number): CellRef {
  return { sheet: table, address: address(row, column) };
}

class TablePlacer {
  private row = 2;
  constructor(
    private readonly table: TableId,
    private readonly years: readonly number[]
  ) {}

  line([label, ...cells]: Row): PlanLine {
    const row = this.row++;
    return { label, labelCell: cellOf(this.table, row, 1), values: this.values(row, cells) };
  }

  withExtra([label, extra, ...cells]: RowWithExtra): PlanLine & { extra?: Figure } {
    const row = this.row++;
    return {
      label,
      labelCell: cellOf(this.table, row, 1),
      extra: fig(extra, cellOf(this.table, row, 2)),
      values: this.values(row, cells),
    };
  }

  private values(row: number, cells: readonly string[]): Map<number, Figure> {
    const values = new Map<number, Figure>();
    this.years.forEach((y, i) => {
      const f = fig(cells[i] ?? "", cellOf(this.table, row, 3 + i));
      if (f) values.set(y, f);
    });
    return values;
  }
}

function shareLine(p: TablePlacer, row: RowWithExtra): ShareLine {
  const { extra, ...line } = p.withExtra(row);
  return extra ? { ...line, share: extra } : line;
}

export class PlanBuilder {
  private readonly plan: Plan;

  constructor(municipalities: readonly string[]) {
    this.plan = {
      title: "Testplan",
      source: { kind: "workbook", name: "test.xlsx", layout: "template", tables: {} },
      municipalities: [...municipalities],
    };
  }

  staffing(years: number[], roles: RowWithExtra[], total: Row): this {
    const p = new TablePlacer("Tabel 1", years);
    const staffRoles: StaffingRole[] = roles.map((r) => {
      const { extra, ...line } = p.withExtra(r);
      return { ...line, hired: /INHUUR/.test(line.label), ...(extra ? { scale: extra } : {}) };
    });
    this.plan.staffing = { years, roles: staffRoles, total: p.line(total) };
    return this;
  }

  staffCosts(
    years: number[],
    t: { total: Row; youth: RowWithExtra; wmo: RowWithExtra; grandTotal?: Row }
  ): this {
    const p = new TablePlacer("Tabel 2", years);
    this.plan.staffCosts = {
      years,
      total: p.line(t.total),
      youth: shareLine(p, t.youth),
      wmo: shareLine(p, t.wmo),
      ...(t.grandTotal ? { grandTotal: p.line(t.grandTotal) } : {}),
    };
    return this;
  }

  materialCosts(
    years: number[],
    t: { lines: Row[]; subtotal: Row; youth: RowWithExtra; wmo: RowWithExtra; grandTotal?: Row }
  ): this {
    const p = new TablePlacer("Tabel 3", years);
    this.plan.materialCosts = {
      years,
      lines: t.lines.map((l) => p.line(l)),
      subtotal: p.line(t.subtotal),
      youth: shareLine(p, t.youth),
      wmo: shareLine(p, t.wmo),
      ...(t.grandTotal ? { grandTotal: p.line(t.grandTotal) } : {}),
    };
    return this;
  }

  /** A budget on sheet 'Begroting', laid out as the other tables. */
  budget(
    years: number[],
    t: { lines: Row[]; total: Row; youth?: RowWithExtra; wmo?: RowWithExtra }
  ): this {
    const p = new TablePlacer("Begroting", years);
    this.plan.budget = {
      years,
      lines: t.lines.map((l) => p.line(l)),
      total: p.line(t.total),
      ...(t.youth && t.wmo ? { youth: shareLine(p, t.youth), wmo: shareLine(p, t.wmo) } : {}),
    };
    return this;
  }

  totals(years: number[], t: { staffYouth: Row; materialYouth: Row; total: Row }): this {
    const p = new TablePlacer("Tabel 4", years);
    this.plan.totals = {
      years,
      staffYouth: p.line(t.staffYouth),
      materialYouth: p.line(t.materialYouth),
      total: p.line(t.total),
    };
    return this;
  }

  /** Rows name their municipality as written; `municipality` is set when it is a plan name. */
  contributions(years: number[], rows: RowWithExtra[], total: RowWithExtra): this {
    const p = new TablePlacer("Tabel 6", years);
    const contributionRows = rows.map((r) => {
      const { extra, ...line } = p.withExtra(r);
      const known = this.plan.municipalities.includes(line.label);
      return {
        ...line,
        ...(known ? { municipality: line.label } : {}),
        ...(extra ? { key: extra } : {}),
      };
    });
    const { extra: totalKey, ...totalLine } = p.withExtra(total);
    this.plan.contributions = {
      years,
      rows: contributionRows,
      total: totalLine,
      ...(totalKey ? { totalKey } : {}),
    };
    return this;
  }

  /** Rows are [municipality, ...one value per component]; weights in percent, `gelijk` included. */
  keyComponents(
    components: string[],
    rows: readonly (readonly string[])[],
    weights: Record<string, string>
  ): this {
    const keyRows: KeyComponentRow[] = rows.map(([municipality, ...values], i) => ({
      municipality,
      label: municipality,
      labelCell: cellOf("Sleutel", i + 2, 1),
      values: new Map(
        components.flatMap((c, j) => {
          const f = fig(values[j] ?? "", cellOf("Sleutel", i + 2, 2 + j));
          return f ? [[c, f] as const] : [];
        })
      ),
    }));
    this.plan.keyComponents = {
      components,
      rows: keyRows,
      weights: new Map(Object.entries(weights).map(([c, w]) => [c, new D(w)])),
    };
    return this;
  }

  build(): Plan {
    return this.plan;
  }
}

/** Writes `text` into a line's year, keeping the cell; "" empties the cell. */
export function setFigure(line: PlanLine, year: number, text: string): void {
  const cell = line.values.get(year)?.cell;
  const f = fig(text, cell);
  if (f) line.values.set(year, f);
  else line.values.delete(year);
}

export function row<T extends PlanLine>(lines: readonly T[], label: string): T {
  const found = lines.find((l) => l.label === label);
  if (!found) throw new Error(`planBuilder: no line '${label}'`);
  return found;
}

const SMALL_MUNICIPALITIES = ["Beek", "Heerlen", "Maastricht", "Vaals"];

/**
 * A small plan in which every table agrees; each figure worked out by hand.
 *
 * Tabel 1: 1 + 2 + 0,35 = 3,35 fte (2024); 1 + 1,5 + empty = 2,5 fte (2025).
 * Tabel 2: 70% / 30% of 1.000.000 and 1.200.000.
 * Tabel 3: 100.000 + 50.000 + empty = 150.000; 120.000 + 30.000 + 50.000 = 200.000; 70% / 30%.
 * Tabel 4: 700.000 + 105.000 = 805.000; 840.000 + 140.000 = 980.000.
 * Tabel 6: keys 12,35 + 40,10 + 33,33 + 14,22 = 100,00%.
 *   2024: 805.000 × key = 99.417,5 / 322.805 / 268.306,5 / 114.471 (sum 805.000); rounded
 *   down that leaves one euro, for the tie of two remainders ,5: the larger key (Maastricht).
 *   2025: 980.000 × key = 121.030 / 392.980 / 326.634 / 139.356, all whole (sum 980.000).
 */
export function consistentPlan(): Plan {
  return new PlanBuilder(SMALL_MUNICIPALITIES)
    .staffing(
      [2024, 2025],
      [
        ["Coordinator", "13", "1", "1"],
        ["Inkopers", "11", "2", "1,5"],
        ["Contractmanagers INHUUR", "", "0,35", ""],
      ],
      ["formatie team verwervingen", "3,35", "2,5"]
    )
    .staffCosts([2024, 2025], {
      total: ["formatiekosten totaal", "1.000.000", "1.200.000"],
      youth: ["formatiekosten jeugd", "70%", "700.000", "840.000"],
      wmo: ["formatiekosten wmo", "30%", "300.000", "360.000"],
      grandTotal: ["totaal", "1.000.000", "1.200.000"],
    })
    .materialCosts([2024, 2025], {
      lines: [
        ["ICT licenties", "100.000", "120.000"],
        ["Accountantkosten", "50.000", "30.000"],
        ["inhuur flex", "", "50.000"],
      ],
      subtotal: ["", "150.000", "200.000"],
      youth: ["materiele kosten jeugd", "70%", "105.000", "140.000"],
      wmo: ["materiele kosten wmo", "30%", "45.000", "60.000"],
      grandTotal: ["totaal", "150.000", "200.000"],
    })
    .totals([2024, 2025], {
      staffYouth: ["formatiekosten jeugd", "700.000", "840.000"],
      materialYouth: ["materiele kosten jeugd", "105.000", "140.000"],
      total: ["totaal", "805.000", "980.000"],
    })
    .contributions(
      [2024, 2025],
      [
        ["Beek", "12,35%", "99.417", "121.030"],
        ["Heerlen", "40,10%", "322.805", "392.980"],
        ["Maastricht", "33,33%", "268.307", "326.634"],
        ["Vaals", "14,22%", "114.471", "139.356"],
      ],
      ["totaal", "100,00%", "805.000", "980.000"]
    )
    .build();
}
