#!/usr/bin/env node
/* global require, __dirname, console, process, module */
// Screenshots of every table kind UP reads, in the published layout, for docs/TEMPLATE.md:
// the published 2024 example (Tabel 1–4, 6) and the invented earlier plan with all kinds on one
// sheet (test/support/allKindsPlan.ts: budget, key calculation table, contributions without a
// key column, change table), and the invented merged plan's policy pool (test/support/mergedPlan.ts:
// its budget and Dekking kosten regio-samenwerking), and the UP template of the merged example
// (`up template --pools`: UP_Herberekening_Verwerving, UP_Toename_Verwerving). Each workbook is written to .xlsx and read back by UP; every table
// is rendered from its cells over the range UP reports for it (plan.source.tables), with the
// cells' number formats, in Chromium, and saved as docs/screenshots/template-<kind>.png.
// Run: node scripts/template-screenshots.js (needs /usr/bin/chromium; nothing is downloaded).
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");
const ts = require("typescript");

// The fixtures are TypeScript: transpile them on require, as ts-jest does for the tests.
Module._extensions[".ts"] = (mod, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  mod._compile(outputText, filename);
};

const root = path.join(__dirname, "..");
const { chromium } = require("playwright-core");
const { parseReference, columnLetter } = require(path.join(root, "src/core/address.ts"));
const { plan2024 } = require(path.join(root, "src/core/plan2024.ts"));
const { writePublishedWorkbook } = require(path.join(root, "src/workbook/published.ts"));
const { writeTemplateWorkbook } = require(path.join(root, "src/workbook/template.ts"));
const { mergedExample } = require(path.join(root, "src/workbook/poolsExample.ts"));
const { readPlanFromBuffer } = require(path.join(root, "src/workbook/read.ts"));
const { workbookOf } = require(path.join(root, "test/reader/sheetCells.ts"));
const { allKindsPlan } = require(path.join(root, "test/support/allKindsPlan.ts"));
const { mergedPlanCells } = require(path.join(root, "test/support/mergedPlan.ts"));
const ExcelJS = require("exceljs");

const OUT = path.join(root, "docs", "screenshots");

/** Which screenshot each table of each workbook becomes. */
const SHOTS = [
  { workbook: "published", table: "Tabel 1", file: "template-tabel-1.png" },
  { workbook: "published", table: "Tabel 2", file: "template-tabel-2.png" },
  { workbook: "published", table: "Tabel 3", file: "template-tabel-3.png" },
  { workbook: "published", table: "Tabel 4", file: "template-tabel-4.png" },
  { workbook: "published", table: "Tabel 6", file: "template-tabel-6.png" },
  { workbook: "earlier", table: "Begroting", file: "template-begroting.png" },
  { workbook: "earlier", table: "Herberekening", file: "template-herberekening.png" },
  { workbook: "earlier", table: "Tabel 6", file: "template-bijdragen-zonder-sleutel.png" },
  { workbook: "earlier", table: "Toename", file: "template-toename.png" },
  { workbook: "merged", pool: "beleid", table: "Begroting", file: "template-beleid-begroting.png" },
  { workbook: "merged", pool: "beleid", table: "Tabel 6", file: "template-beleid-dekking.png" },
  {
    workbook: "template",
    pool: "verwerving",
    table: "Herberekening",
    file: "template-up-herberekening.png",
  },
  { workbook: "template", pool: "verwerving", table: "Toename", file: "template-up-toename.png" },
];

/** A number as Excel shows it with a (Dutch) number format: `#,##0`, `0.00%`, General. */
function shown(value, numFmt) {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "result" in value) return shown(value.result, numFmt);
  if (typeof value !== "number") return String(value);
  const fmt = (numFmt || "General").split(";")[0];
  if (/general/i.test(fmt)) return String(value).replace(".", ",");
  const percent = fmt.includes("%");
  const decimals = (/\.([0#]+)/.exec(fmt) || ["", ""])[1].length;
  const n = percent ? value * 100 : value;
  const [whole, part] = Math.abs(n).toFixed(decimals).split(".");
  const grouped = fmt.includes(",") ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : whole;
  return `${n < 0 ? "-" : ""}${grouped}${part ? `,${part}` : ""}${percent ? "%" : ""}`;
}

const escape = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One range of a sheet as a spreadsheet-looking HTML table with column letters and row numbers. */
function tableHtml(ws, area, id) {
  const widths = ["<colgroup><col>"];
  for (let c = area.left; c <= area.right; c++) {
    const w = ws.getColumn(c).width;
    widths.push(w ? `<col style="width: ${Math.round(w * 7 + 5)}px">` : "<col>");
  }
  widths.push("</colgroup>");
  const head = ["<tr><th></th>"];
  for (let c = area.left; c <= area.right; c++) head.push(`<th>${columnLetter(c)}</th>`);
  head.push("</tr>");
  const rows = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const cells = [`<th class="row">${r}</th>`];
    const empty = (c) => shown(ws.getCell(r, c).value, undefined) === "";
    for (let c = area.left; c <= area.right; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.value;
      const number = typeof v === "number" || (v && typeof v === "object" && "result" in v);
      // A title or caption with nothing after it runs on over the empty cells to its right.
      let span = 1;
      while (!number && !empty(c) && c + span <= area.right && empty(c + span)) span++;
      if (c + span <= area.right) span = 1;
      const cls = `${number ? "n" : "t"}${span > 1 ? " over" : ""}`;
      cells.push(`<td class="${cls}" colspan="${span}">${escape(shown(v, cell.numFmt))}</td>`);
      c += span - 1;
    }
    rows.push(`<tr>${cells.join("")}</tr>`);
  }
  return `<table id="${id}">${widths.join("")}${head.join("")}${rows.join("")}</table>`;
}

const STYLE = `
  body { margin: 0; padding: 12px; background: #fff; font: 13px Carlito, Calibri, "Liberation Sans", Arial, sans-serif; }
  table { border-collapse: collapse; margin-bottom: 24px; }
  th { background: #f3f3f3; color: #555; font-weight: normal; border: 1px solid #d4d4d4; padding: 2px 6px; }
  th.row { text-align: right; min-width: 24px; }
  td { border: 1px solid #e1e1e1; padding: 2px 8px; white-space: nowrap; height: 18px; }
  td.n { text-align: right; }
  td.over { max-width: 0; overflow: hidden; }
`;

async function workbooks() {
  const earlier = workbookOf([{ name: "Financieel", cells: allKindsPlan().cells }]);
  const merged = workbookOf([{ name: "Uitvoeringsplan", cells: mergedPlanCells() }]);
  const template = writeTemplateWorkbook(mergedExample());
  const sources = { published: writePublishedWorkbook(plan2024()), earlier, merged, template };
  const out = {};
  for (const [name, wb] of Object.entries(sources)) {
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readPlanFromBuffer(bytes, `${name}.xlsx`);
    if (!read.plan) throw new Error(`UP read no plan from the ${name} workbook`);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes);
    // A merged plan's pools each have their own tables; a shot names its pool.
    const pools = Object.fromEntries(
      (read.plan.pools ?? []).map((p) => [p.name, p.plan.source.tables])
    );
    out[name] = { workbook: back, tables: read.plan.source.tables, pools };
  }
  return out;
}

async function main() {
  const books = await workbooks();
  const parts = SHOTS.map((shot, i) => {
    const book = books[shot.workbook];
    const range = (shot.pool ? (book.pools[shot.pool] ?? {}) : book.tables)[shot.table];
    const what = `${shot.table}${shot.pool ? ` of pool ${shot.pool}` : ""}`;
    if (!range) throw new Error(`UP did not read ${what} from the ${shot.workbook} workbook`);
    const area = parseReference(range.split("; ")[0]);
    const ws = books[shot.workbook].workbook.getWorksheet(area.sheet);
    return { ...shot, range, html: tableHtml(ws, area, `shot${i}`) };
  });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ viewport: { width: 1800, height: 900 } });
    await page.setContent(`<style>${STYLE}</style>${parts.map((p) => p.html).join("")}`);
    fs.mkdirSync(OUT, { recursive: true });
    for (const [i, p] of parts.entries()) {
      await page.locator(`#shot${i}`).screenshot({ path: path.join(OUT, p.file) });
      console.log(`${p.file}: ${p.pool ? `${p.pool} ` : ""}${p.table} ${p.range}`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
