import Decimal from "decimal.js";
import { allocate } from "../../src/core/allocate";
import { DEFAULT_WEIGHTS, SLA_COMPONENTS } from "../../src/core/distributionKey";
import { distributionKey } from "../../src/core/distributionKey";
import {
  ContributionRow,
  Figure,
  KeyComponentRow,
  Plan,
  PlanLine,
  ShareLine,
  StaffingRole,
  TableId,
} from "../../src/core/model";
import { D, sum } from "../../src/core/money";
import { address } from "../../src/core/address";

/*
 * Synthetic plans for the scaling benchmarks: the shape of the 2024 plan (18 roles, 6 cost
 * lines, 16 municipalities, 5 years) with every row count multiplied by `rows` and the years
 * by `years`, so the figures grow by about rows × years. The plan is consistent, so the
 * check runs every rule to the end rather than stopping at the first broken table; its
 * municipalities are synthetic names, listed as the participants.
 */

export interface Scale {
  /** How the table names it: the growth of the number of figures. */
  label: string;
  rows: number;
  years: number;
}

export const SCALES: readonly Scale[] = [
  { label: "1×", rows: 1, years: 1 },
  { label: "10×", rows: 5, years: 2 },
  { label: "100×", rows: 10, years: 10 },
  { label: "1000×", rows: 40, years: 25 },
];

const BASE = { roles: 18, lines: 6, municipalities: 16, years: 5 };
const FIRST_YEAR = 2023;
const SEVENTY = new D("0.7");

/** Places figures on a sheet per table: label in column A, extra in B, years from C. */
class Sheet {
  private next = 2;
  constructor(private readonly table: TableId) {}
  row(): number {
    return this.next++;
  }
  cell(row: number, column: number) {
    return { sheet: this.table, address: address(row, column) };
  }
}

function figure(value: Decimal, sheet: Sheet, row: number, column: number, decimals = 0): Figure {
  return { value, decimals, cell: sheet.cell(row, column) };
}

function line(
  sheet: Sheet,
  label: string,
  years: readonly number[],
  value: (year: number, i: number) => Decimal | undefined,
  decimals = 0
): PlanLine {
  const row = sheet.row();
  const values = new Map<number, Figure>();
  years.forEach((y, i) => {
    const v = value(y, i);
    if (v !== undefined) values.set(y, figure(v, sheet, row, 3 + i, decimals));
  });
  return { label, labelCell: sheet.cell(row, 1), values };
}

function shareLine(sheet: Sheet, label: string, total: PlanLine, years: readonly number[]) {
  const youth = line(sheet, `${label} jeugd 70%`, years, (y) =>
    total.values.get(y)!.value.times(SEVENTY).round()
  ) as ShareLine;
  youth.share = figure(SEVENTY, sheet, Number(/\d+/.exec(youth.labelCell!.address)![0]), 2);
  const wmo = line(sheet, `${label} wmo 30%`, years, (y) =>
    total.values.get(y)!.value.minus(youth.values.get(y)!.value)
  ) as ShareLine;
  wmo.share = figure(new D("0.3"), sheet, Number(/\d+/.exec(wmo.labelCell!.address)![0]), 2);
  return { youth, wmo };
}

function columnSum(lines: readonly PlanLine[], year: number): Decimal {
  return sum(lines.map((l) => l.values.get(year)?.value ?? new D(0)));
}

export function municipalityName(i: number): string {
  return `Gemeente ${String(i + 1).padStart(5, "0")}`;
}

/** A consistent plan `scale` times the 2024 plan's size. */
export function syntheticPlan(scale: Scale): Plan {
  const years = Array.from({ length: BASE.years * scale.years }, (_, i) => FIRST_YEAR + i);
  const names = Array.from({ length: BASE.municipalities * scale.rows }, (_, i) =>
    municipalityName(i)
  );

  const t1 = new Sheet("Tabel 1");
  const roles: StaffingRole[] = Array.from({ length: BASE.roles * scale.rows }, (_, r) => {
    const role = line(
      t1,
      `Functie ${r + 1}${r % 9 === 8 ? " INHUUR" : ""}`,
      years,
      // Some empty cells, as in the real plan; FTE in quarters.
      (_y, i) => ((r + i) % 11 === 10 ? undefined : new D(((r * 7 + i) % 12) + 1).div(4)),
      2
    ) as StaffingRole;
    role.hired = r % 9 === 8;
    role.scale = figure(
      new D((r % 18) + 1),
      t1,
      Number(/\d+/.exec(role.labelCell!.address)![0]),
      2
    );
    return role;
  });
  const staffTotal = line(t1, "formatie team verwervingen", years, (y) => columnSum(roles, y), 2);

  const t2 = new Sheet("Tabel 2");
  const staffCostTotal = line(t2, "formatiekosten totaal", years, (_y, i) =>
    new D(1_500_000 * scale.rows).plus(10_007 * i)
  );
  const staffSplit = shareLine(t2, "formatiekosten", staffCostTotal, years);

  const t3 = new Sheet("Tabel 3");
  const lines = Array.from({ length: BASE.lines * scale.rows }, (_, l) =>
    line(t3, `Kostenpost ${l + 1}`, years, (_y, i) =>
      (l + i) % 13 === 12 ? undefined : new D(10_000 + 1_250 * ((l * 3 + i) % 40))
    )
  );
  const subtotal = line(t3, "", years, (y) => columnSum(lines, y));
  const materialSplit = shareLine(t3, "materiele kosten", subtotal, years);

  const t4 = new Sheet("Tabel 4");
  const staffYouth = line(
    t4,
    "formatiekosten jeugd",
    years,
    (y) => staffSplit.youth.values.get(y)!.value
  );
  const materialYouth = line(
    t4,
    "materiele kosten jeugd",
    years,
    (y) => materialSplit.youth.values.get(y)!.value
  );
  const total = line(t4, "totaal", years, (y) => columnSum([staffYouth, materialYouth], y));

  const sk = new Sheet("Sleutel");
  const componentRows: KeyComponentRow[] = names.map((m, i) => {
    const row = sk.row();
    const counts = [1_000 + 37 * i, 50 + ((i * 7) % 97), 300 + ((i * 11) % 89)];
    return {
      municipality: m,
      label: m,
      labelCell: sk.cell(row, 1),
      values: new Map(SLA_COMPONENTS.map((c, j) => [c, figure(new D(counts[j]), sk, row, 2 + j)])),
    };
  });
  const keys = distributionKey(
    componentRows.map((r) => ({
      municipality: r.municipality,
      values: new Map([...r.values].map(([c, f]) => [c, f.value])),
    })),
    DEFAULT_WEIGHTS
  );

  // Tabel 6 shows each key to 4 decimals in percent, the amounts use the unrounded key.
  const t6 = new Sheet("Tabel 6");
  const amounts = new Map(
    years.map((y) => {
      const a = allocate(
        total.values.get(y)!.value,
        names.map((m) => ({ id: m, key: keys.get(m)! }))
      );
      return [y, a];
    })
  );
  const rows: ContributionRow[] = names.map((m, i) => {
    const r = line(t6, m, years, (y) => amounts.get(y)![i]) as ContributionRow;
    r.municipality = m;
    r.key = figure(
      keys.get(m)!.toDecimalPlaces(6),
      t6,
      Number(/\d+/.exec(r.labelCell!.address)![0]),
      2,
      4
    );
    return r;
  });
  const t6Total = line(t6, "totaal", years, (y) => total.values.get(y)!.value);

  return {
    title: `Synthetisch uitvoeringsplan ${scale.label}`,
    source: { kind: "embedded", name: `synthetisch ${scale.label}`, tables: {} },
    municipalities: names,
    staffing: { years, roles, total: staffTotal },
    staffCosts: { years, total: staffCostTotal, ...staffSplit },
    materialCosts: { years, lines, subtotal, ...materialSplit },
    totals: { years, staffYouth, materialYouth, total },
    contributions: {
      years,
      rows,
      total: t6Total,
      totalKey: { value: new D(1), decimals: 2 },
    },
    keyComponents: {
      components: [...SLA_COMPONENTS],
      rows: componentRows,
      weights: new Map(DEFAULT_WEIGHTS),
    },
  };
}

/** The number of figures in a plan: the size of the input the check reads. */
export function figureCount(plan: Plan): number {
  const lines: PlanLine[] = [
    ...(plan.staffing ? [...plan.staffing.roles, plan.staffing.total] : []),
    ...(plan.staffCosts ? [plan.staffCosts.total, plan.staffCosts.youth, plan.staffCosts.wmo] : []),
    ...(plan.materialCosts
      ? [
          ...plan.materialCosts.lines,
          plan.materialCosts.subtotal,
          plan.materialCosts.youth,
          plan.materialCosts.wmo,
        ]
      : []),
    ...(plan.totals ? [plan.totals.staffYouth, plan.totals.materialYouth, plan.totals.total] : []),
    ...(plan.contributions ? [...plan.contributions.rows, plan.contributions.total] : []),
  ];
  const extras =
    (plan.staffing?.roles.filter((r) => r.scale).length ?? 0) +
    (plan.contributions?.rows.filter((r) => r.key).length ?? 0) +
    (plan.keyComponents?.rows.reduce((n, r) => n + r.values.size, 0) ?? 0);
  return lines.reduce((n, l) => n + l.values.size, 0) + extras;
}
