import { Mark, ReportCell } from "./cells";
import { RowStyle } from "./sheet";

/*
 * How report cells look, for both writers. Colours as RRGGBB. A wrong figure is also bold,
 * so it stands out on a black-and-white print too.
 */

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; absent: the workbook's standard size. */
  size?: number;
  color?: string;
  fill?: string;
  lineAbove?: boolean;
  lineBelow?: boolean;
}

const ROW: Record<RowStyle, CellStyle> = {
  title: { bold: true, size: 14 },
  fact: {},
  header: { bold: true, fill: "DDE6F0", lineBelow: true },
  body: {},
  group: { bold: true, fill: "F2F2F2", lineAbove: true },
  total: { bold: true, lineAbove: true },
  note: { italic: true, color: "404040" },
  blank: {},
};

const MARK: Record<Mark, CellStyle> = {
  wrong: { bold: true, fill: "FFC7CE", color: "9C0006" },
  expected: { italic: true, fill: "C6EFCE", color: "006100" },
  accepted: { fill: "E7E6E6", color: "404040" },
};

/** The style of cell `i` of a row: its row's, then its mark's; a fact's label is bold. */
export function cellStyle(style: RowStyle, cell: ReportCell, i: number): CellStyle {
  const base = style === "fact" && i === 0 ? { bold: true } : ROW[style];
  return cell.mark ? { ...base, ...MARK[cell.mark] } : base;
}
