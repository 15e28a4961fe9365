import { ComponentTable, readComponentTable } from "../reader/componentTable";
import { PlanInputError } from "../core/errors";
import { SheetGrid } from "../reader/grid";
import { sheetFromExcelJS } from "./grid";
import { loadWorkbook } from "./read";

/*
 * Key components (or a key table) from a file the user picks in the pane: the first sheet of
 * an .xlsx, or a .csv separated by `;`, tab or `,` with Dutch numbers, as `up keys` reads them.
 */

export async function componentsFromFile(
  data: ArrayBuffer | Uint8Array,
  name: string
): Promise<ComponentTable> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (/\.(csv|txt)$/i.test(name)) {
    const text = new TextDecoder("utf-8").decode(bytes);
    return readComponentTable(csvRows(text), { sheet: name, row: 1, column: 1 });
  }
  if (!/\.xls[xm]$/i.test(name)) {
    throw new PlanInputError({
      nl: `${name}: alleen .csv en .xlsx worden gelezen`,
      en: `${name}: only .csv and .xlsx files are read`,
    });
  }
  const wb = await loadWorkbook(bytes, name);
  return componentsFromSheet(sheetFromExcelJS(wb.worksheets[0]));
}

/** The block of a sheet from its first filled row and column, read as a component table. */
export function componentsFromSheet(sheet: SheetGrid): ComponentTable {
  const rowNumbers = [...sheet.rows.keys()].filter((r) => (sheet.rows.get(r)?.size ?? 0) > 0);
  if (rowNumbers.length === 0) return readComponentTable([]);
  const top = Math.min(...rowNumbers);
  const bottom = Math.max(...rowNumbers);
  const columns = rowNumbers.flatMap((r) => [...(sheet.rows.get(r)?.keys() ?? [])]);
  const left = Math.min(...columns);
  const right = Math.max(...columns);
  const rows: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: unknown[] = [];
    for (let c = left; c <= right; c++) {
      const v = sheet.rows.get(r)?.get(c)?.value ?? null;
      // An error value reads as its text (#REF!), so the message can show it.
      row.push(v !== null && typeof v === "object" && "error" in v ? v.error : v);
    }
    rows.push(row);
  }
  return readComponentTable(rows, { sheet: sheet.name, row: top, column: left });
}

/**
 * The rows of a CSV text: the separator is the first line's `;`, else tab, else `,`; fields
 * may be quoted ("…", with "" for a quote), so a Dutch "1.234,5" can stand in a comma file.
 */
export function csvRows(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const first = body.split(/\r?\n/, 1)[0];
  const separator = first.includes(";") ? ";" : first.includes("\t") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') field += body[++i];
      else quoted = false;
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
