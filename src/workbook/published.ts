import ExcelJS from "./exceljs";
import { formatPercent } from "../core/dutchNumber";
import { Figure, Plan, PlanLine, ShareLine } from "../core/model";
import { dutchText, FigureKind, setNumber } from "./format";

/*
 * The plan as it looks when section 6 of the PDF is pasted into one sheet: titles, blank rows
 * and columns, and numbers as an English-language Excel leaves them after a paste — whole
 * numbers become numbers, Dutch notation (`3.064.067`, `1,5`, `3,53%`) stays text. Tabel 3
 * and 4 are then converted to true numbers, as a user tidying up would.
 */

const LABEL = 1;
const SHARE = 2;
const SCALE = 3;
const FIRST_YEAR = 4;
const DOCUMENT_DATE = new Date(Date.UTC(2024, 0, 30));

type Style = "pasted" | "numbers";

/** Writes a figure as a paste leaves it: a number when Excel would parse it, else Dutch text. */
function put(cell: ExcelJS.Cell, f: Figure | undefined, kind: FigureKind, style: Style): void {
  if (!f) return;
  const text = style === "pasted" ? dutchText(f, kind) : undefined;
  const parsedByExcel =
    text !== undefined && (kind === "percent" ? /^\d+%$/.test(text) : /^\d+$/.test(text));
  if (text !== undefined && !parsedByExcel) {
    cell.value = text;
    return;
  }
  setNumber(cell, f, kind === "fte" || kind === "count" ? "count" : kind);
}

function shareLabel(l: ShareLine): string {
  if (!l.share) return l.label;
  const stated = formatPercent(l.share.value, l.share.decimals ?? 0);
  return l.label.endsWith(` ${stated}`) ? l.label.slice(0, -stated.length - 1) : l.label;
}

class Sheet {
  row = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {}

  text(column: number, value: string) {
    if (value !== "") this.ws.getCell(this.row, column).value = value;
  }

  skip(n = 1) {
    this.row += n;
  }

  title(text: string) {
    this.text(LABEL, text);
    this.ws.getCell(this.row, LABEL).font = { bold: true };
    this.skip(2);
  }

  yearHeader(label: string, years: number[], asText: boolean, prefix = "") {
    this.text(LABEL, label);
    years.forEach((y, i) => {
      this.ws.getCell(this.row, FIRST_YEAR + i).value = asText || prefix ? `${prefix}${y}` : y;
    });
    this.skip();
  }

  line(l: PlanLine, years: number[], kind: FigureKind, style: Style, first = FIRST_YEAR) {
    this.text(LABEL, l.label);
    years.forEach((y, i) =>
      put(this.ws.getCell(this.row, first + i), l.values.get(y), kind, style)
    );
    this.skip();
  }
}

/** Writes the plan in the pasted-PDF layout on one sheet. */
export function writePublishedWorkbook(plan: Plan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "UP";
  wb.created = DOCUMENT_DATE;
  wb.modified = DOCUMENT_DATE;
  wb.title = plan.title;
  const s = new Sheet(wb.addWorksheet("Uitvoeringsplan"));
  s.ws.getColumn(LABEL).width = 48;
  s.title(plan.title);
  s.text(LABEL, "6. Uitvoeringskosten");
  s.skip(2);

  const st = plan.staffing;
  if (st) {
    s.title("Tabel 1. Formatieplan");
    const ys = st.years;
    s.text(LABEL, `FORMATIEPLAN INKOOPTEAM SD MEERJARENBEGROTING ${ys[0]} - ${ys[ys.length - 1]}`);
    s.skip();
    s.text(LABEL, "formatie");
    s.skip();
    s.text(SCALE, "schaal");
    s.yearHeader("", ys, true, "fte ");
    for (const r of st.roles) {
      put(s.ws.getCell(s.row, SCALE), r.scale, "count", "pasted");
      s.line(r, ys, "fte", "pasted");
    }
    s.line(st.total, ys, "fte", "pasted");
    s.skip();
  }

  const sc = plan.staffCosts;
  if (sc) {
    s.title("Tabel 2 Formatiekosten");
    // Published without a header row: the amounts start in column C when the years are the
    // last years of Tabel 3, otherwise they stand under Tabel 3's year columns.
    const neighbour = plan.materialCosts?.years ?? plan.totals?.years ?? plan.staffing?.years;
    const suffix =
      neighbour !== undefined &&
      sc.years.length <= neighbour.length &&
      sc.years.every((y, i) => neighbour[neighbour.length - sc.years.length + i] === y);
    const aligned = !suffix && neighbour && sc.years.every((y) => neighbour.includes(y));
    if (!suffix && !aligned) s.yearHeader("formatiekosten", sc.years, false);
    const first = suffix ? SCALE : FIRST_YEAR;
    const columnOf = (i: number) =>
      aligned ? FIRST_YEAR + neighbour!.indexOf(sc.years[i]) : first + i;
    const write = (l: PlanLine, share?: Figure) => {
      s.text(LABEL, share ? shareLabel(l as ShareLine) : l.label);
      put(s.ws.getCell(s.row, SHARE), share, "percent", "pasted");
      sc.years.forEach((y, i) =>
        put(s.ws.getCell(s.row, columnOf(i)), l.values.get(y), "amount", "pasted")
      );
      s.skip();
    };
    write(sc.total);
    write(sc.youth, sc.youth.share);
    write(sc.wmo, sc.wmo.share);
    if (sc.grandTotal) write(sc.grandTotal);
    s.skip();
  }

  const mc = plan.materialCosts;
  if (mc) {
    s.title("Tabel 3 Materiële kosten.");
    s.yearHeader("materiele kosten", mc.years, false);
    for (const l of mc.lines) s.line(l, mc.years, "amount", "numbers");
    s.line(mc.subtotal, mc.years, "amount", "numbers");
    for (const l of [mc.youth, mc.wmo]) {
      const label =
        l.share && shareLabel(l) === l.label
          ? `${l.label} ${formatPercent(l.share.value, l.share.decimals ?? 0)}`
          : l.label;
      s.line({ ...l, label }, mc.years, "amount", "numbers");
    }
    if (mc.grandTotal) s.line(mc.grandTotal, mc.years, "amount", "numbers");
    s.skip();
  }

  const t = plan.totals;
  if (t) {
    s.title("Tabel 4. Overzicht totalen formatiekosten en materiele kosten.");
    s.yearHeader("formatiekosten en materiële kosten", t.years, true);
    for (const l of [t.staffYouth, t.materialYouth, t.total])
      s.line(l, t.years, "amount", "numbers");
    s.skip();
  }

  const c = plan.contributions;
  if (c) {
    s.title(
      "Tabel 6. Uitvoeringskosten uitgesplitst naar individuele gemeenten op basis van de kostenverdeelsystematiek zoals opgenomen in de SLA."
    );
    s.yearHeader("verdeelsleutel kosten", c.years, false);
    for (const r of c.rows) {
      put(s.ws.getCell(s.row, SHARE), r.key, "percent", "pasted");
      s.line(r, c.years, "amount", "pasted");
    }
    put(s.ws.getCell(s.row, SHARE), c.totalKey, "percent", "pasted");
    s.line(c.total, c.years, "amount", "pasted");
  }
  return wb;
}
