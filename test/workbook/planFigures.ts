import ExcelJS from "exceljs";
import { readDutchNumber } from "../../src/core/dutchNumber";
import { D } from "../../src/core/money";
import { Figure, Plan, PlanLine } from "../../src/core/model";

/**
 * Every figure of a plan by a path such as `Tabel 6/Beek/2024` or `Tabel 2/youth/share`.
 * Two rows with the same label are an error, unless `duplicates` numbers them (`…#2`).
 */
export function planFigures(plan: Plan, duplicates = false): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const put = (path: string, f: Figure | undefined) => {
    if (!f) return;
    let key = path;
    for (let n = 2; out.has(key); n++) {
      if (!duplicates) throw new Error(`duplicate path ${path}`);
      key = `${path}#${n}`;
    }
    out.set(key, f);
  };
  const line = (prefix: string, l: PlanLine) => {
    for (const [y, f] of l.values) put(`${prefix}/${y}`, f);
  };
  const s = plan.staffing;
  if (s) {
    s.roles.forEach((r) => {
      line(`Tabel 1/${r.label}`, r);
      put(`Tabel 1/${r.label}/schaal`, r.scale);
    });
    line("Tabel 1/total", s.total);
  }
  const c = plan.staffCosts;
  if (c) {
    line("Tabel 2/total", c.total);
    line("Tabel 2/youth", c.youth);
    put("Tabel 2/youth/share", c.youth.share);
    line("Tabel 2/wmo", c.wmo);
    put("Tabel 2/wmo/share", c.wmo.share);
    if (c.grandTotal) line("Tabel 2/grandTotal", c.grandTotal);
  }
  const m = plan.materialCosts;
  if (m) {
    m.lines.forEach((l) => line(`Tabel 3/${l.label}`, l));
    line("Tabel 3/subtotal", m.subtotal);
    line("Tabel 3/youth", m.youth);
    put("Tabel 3/youth/share", m.youth.share);
    line("Tabel 3/wmo", m.wmo);
    put("Tabel 3/wmo/share", m.wmo.share);
    if (m.grandTotal) line("Tabel 3/grandTotal", m.grandTotal);
  }
  const t = plan.totals;
  if (t) {
    line("Tabel 4/staffYouth", t.staffYouth);
    line("Tabel 4/materialYouth", t.materialYouth);
    line("Tabel 4/total", t.total);
  }
  const b = plan.contributions;
  if (b) {
    b.rows.forEach((r) => {
      line(`Tabel 6/${r.label}`, r);
      put(`Tabel 6/${r.label}/key`, r.key);
    });
    line("Tabel 6/total", b.total);
    put("Tabel 6/total/key", b.totalKey);
  }
  const k = plan.keyTable;
  if (k) {
    for (const [c, f] of k.weights) put(`Herberekening/weging/${c}`, f);
    for (const r of [...k.rows, k.total]) {
      for (const [c, f] of r.shares) put(`Herberekening/${r.label}/${c}`, f);
      for (const [c, f] of r.amounts) put(`Herberekening/${r.label}/${c}/amount`, f);
      put(`Herberekening/${r.label}/key`, r.key);
      put(`Herberekening/${r.label}/amount`, r.amount);
    }
  }
  const ch = plan.contributionChange;
  if (ch) {
    for (const r of [...ch.rows, ...(ch.total ? [ch.total] : [])]) {
      for (const f of ["old", "new", "increase", "percentage"] as const)
        put(`Toename/${r.label}/${f}`, r[f]);
    }
  }
  return out;
}

/** Differences in value and shown decimals, as readable lines (empty when equal). */
export function figureDifferences(
  actual: Plan,
  expected: Plan,
  expectedDecimals: (path: string, f: Figure) => number | undefined = (_, f) => f.decimals
): string[] {
  const a = planFigures(actual);
  const e = planFigures(expected);
  const diffs: string[] = [];
  for (const [path, f] of e) {
    const g = a.get(path);
    if (!g) diffs.push(`${path}: missing`);
    else if (!g.value.eq(f.value)) diffs.push(`${path}: ${g.value} ≠ ${f.value}`);
    else if (g.decimals !== expectedDecimals(path, f))
      diffs.push(`${path}: decimals ${g.decimals} ≠ ${expectedDecimals(path, f)}`);
  }
  for (const path of a.keys()) if (!e.has(path)) diffs.push(`${path}: unexpected`);
  return diffs;
}

/**
 * What a workbook cell holds, read independently of the reader: a number, or Dutch text.
 * A share written inside a label (`materiele kosten jeugd 70%`) gives its trailing percentage.
 */
export function workbookValue(wb: ExcelJS.Workbook, sheet: string, address: string) {
  const v = wb.getWorksheet(sheet)?.getCell(address).value;
  if (typeof v === "number") return new D(String(v));
  if (typeof v === "string") {
    const n = readDutchNumber(v) ?? readDutchNumber(v.split(/\s+/).pop() ?? "");
    return n?.value;
  }
  return undefined;
}
