import { formatCell } from "../../core/address";
import { CellRef, Message } from "../../core/model";
import { supports, whereAvailable } from "../apiSets";

/**
 * Selects a finding's cells. Excel selects on one sheet at a time, so cells on other sheets
 * than the first one's are left out; several areas at once need ExcelApi 1.18
 * (RangeAreas.select), so without it only the first is selected. Returns the cells selected.
 */
export async function selectCells(
  context: Excel.RequestContext,
  cells: readonly CellRef[]
): Promise<CellRef[]> {
  if (cells.length === 0) return [];
  const sheetName = cells[0].sheet;
  const onSheet = cells.filter((c) => c.sheet === sheetName);
  const selected = onSheet.length > 1 && supports("ExcelApi 1.18") ? onSheet : onSheet.slice(0, 1);
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  if (selected.length === 1) sheet.getRange(selected[0].address).select();
  else sheet.getRanges(selected.map((c) => c.address).join(",")).select();
  await context.sync();
  return selected;
}

const shown = (cells: readonly CellRef[]) => cells.map(formatCell).join(", ");

/** What the user should know when Excel selected only part of a finding's cells. */
export function selectionNotice(
  requested: readonly CellRef[],
  selected: readonly CellRef[]
): Message | undefined {
  const first = selected[0];
  if (!first) return undefined;
  const isSelected = (c: CellRef) =>
    selected.some((s) => s.sheet === c.sheet && s.address === c.address);
  const same = requested.filter((c) => c.sheet === first.sheet && !isSelected(c));
  const other = requested.filter((c) => c.sheet !== first.sheet);
  const nl: string[] = [];
  const en: string[] = [];
  if (same.length > 0) {
    const where = whereAvailable("ExcelApi 1.18");
    nl.push(
      `Alleen ${shown(selected)} is geselecteerd: deze versie van Excel kan niet meerdere cellen tegelijk selecteren (dat kan in ${where.nl}). De bevinding gaat ook over ${shown(same)}.`
    );
    en.push(
      `Only ${shown(selected)} is selected: this version of Excel cannot select several cells at once (${where.en} can). The finding is also about ${shown(same)}.`
    );
  }
  if (other.length > 0) {
    nl.push(`Excel selecteert op één blad tegelijk; niet geselecteerd: ${shown(other)}.`);
    en.push(`Excel selects on one sheet at a time; not selected: ${shown(other)}.`);
  }
  return nl.length > 0 ? { nl: nl.join(" "), en: en.join(" ") } : undefined;
}
