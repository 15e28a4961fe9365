import ExcelJS from "./exceljs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { plan2024 } from "../core/plan2024";
import { writePublishedWorkbook } from "./published";
import { writeTemplateWorkbook } from "./template";

/** The example workbooks in examples/, both from the embedded 2024 plan. */
export const EXAMPLES: readonly { file: string; make: () => ExcelJS.Workbook }[] = [
  { file: "up-2024-template.xlsx", make: () => writeTemplateWorkbook(plan2024()) },
  { file: "up-2024-published.xlsx", make: () => writePublishedWorkbook(plan2024()) },
];

/** Sheets, cells (value and format) and tables: what a reader can see of a workbook. */
function contents(wb: ExcelJS.Workbook): string {
  return JSON.stringify(
    wb.worksheets.map((ws) => {
      const cells: unknown[] = [];
      ws.eachRow((row) =>
        row.eachCell((cell) => cells.push([cell.address, cell.value, cell.numFmt ?? null]))
      );
      const tables = (
        ws.getTables() as unknown as { table: { name: string; tableRef: string } }[]
      ).map((t) => [t.table.name, t.table.tableRef]);
      return [ws.name, ws.state, cells, tables];
    })
  );
}

async function fileContents(path: string): Promise<string | undefined> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    return contents(wb);
  } catch {
    return undefined;
  }
}

/**
 * Writes the examples into `dir`. A file whose contents would not change is left alone: the
 * zip's timestamps would otherwise make every run a new binary for git.
 */
export async function writeExamples(dir: string): Promise<{ path: string; written: boolean }[]> {
  await mkdir(dir, { recursive: true });
  const results: { path: string; written: boolean }[] = [];
  for (const e of EXAMPLES) {
    const path = join(dir, e.file);
    const fresh = new ExcelJS.Workbook();
    const data = await e.make().xlsx.writeBuffer();
    await fresh.xlsx.load(data);
    const written = (await fileContents(path)) !== contents(fresh);
    if (written) await writeFile(path, new Uint8Array(data as ArrayBuffer));
    results.push({ path, written });
  }
  return results;
}
