import { CellRef } from "./model";

/** `'Tabel 6'!D7` — the sheet quoted when Excel would quote it. */
export function formatCell(cell: CellRef): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(cell.sheet);
  const sheet = plain ? cell.sheet : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cell.address}`;
}
