import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlan } from "../../src/core/check";
import { DEFAULT_WEIGHTS } from "../../src/core/distributionKey";
import { D } from "../../src/core/money";
import { compareKeys } from "../../src/report/keyComparison";
import { buildReport } from "../../src/report/report";
import { reportXlsx } from "../../src/report/xlsxReport";
import { readPlanFile } from "../../src/workbook/file";
import { SCREENSHOTS } from "../support/browser";

/*
 * The report as it prints: converted to PDF by LibreOffice (soffice, Debian's
 * libreoffice-calc-nogui) and read back with poppler (pdftotext). Every page repeats its
 * table's header row and is numbered; no two words are drawn over each other (wrapped text
 * that does not fit its row would run into the next); amounts are right-aligned under their
 * header, in the Dutch notation. The first page of the report and of the check log are kept as
 * images beside the pane's screenshots (docs/screenshots with UP_SCREENSHOTS=docs).
 */

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

const HEADERS: Record<string, RegExp> = {
  Controleverslag: /^\s*Gemeente\s+Sleutel\s+2023\s+2023\s+2024/m,
  Controlelog: /^\s*Regel\s+Ernst\s+Tabel\s+Jaar\s+Gemeente \/ regel\s+Cel\s+Staat er/m,
  Sleutelberekening: /^\s*Gemeente\s+Sleutel\s+Sleutel\s+Verschil/m,
};

function pagesOf(bboxHtml: string): Word[][] {
  return bboxHtml
    .split("<page ")
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
        ),
      ].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5].replace(/&amp;/g, "&"),
      }))
    );
}

/**
 * Words drawn over each other. Lines of one wrapped cell touch by a fraction of a point;
 * text running into the next row covers a good part of a line.
 */
function overlaps(words: Word[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > 0.5 && dy > 0.3 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) out.push([a.text, b.text]);
    }
  }
  return out;
}

const sameLine = (a: Word, b: Word) => Math.abs(a.y0 - b.y0) < 1;

/** The sheet a printed page belongs to: its page header ends with the sheet's name. */
function sheetOf(page: string): string | undefined {
  const first = page.split("\n").find((l) => l.trim() !== "") ?? "";
  return Object.keys(HEADERS).find((s) => first.trimEnd().endsWith(s));
}

const have = (command: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const canPrint = have("soffice") && have("pdftotext") && have("pdftoppm");
if (!canPrint) {
  console.warn(
    "test/report/print skipped: soffice or pdftotext is missing (apt-get install -y libreoffice-calc-nogui poppler-utils); CI installs them."
  );
}
const describePrint = canPrint ? describe : describe.skip;

describePrint("the report printed by LibreOffice", () => {
  let dir: string;
  let pages: string[];
  let words: Word[][];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "up-print-"));
    const read = await readPlanFile("examples/up-2024-published.xlsx");
    const plan = read.plan!;
    const comparison = compareKeys(
      plan,
      plan.contributions!.rows.map((r, i) => ({
        municipality: r.municipality!,
        values: new Map([
          ["jongeren", new D(1000 + 37 * i)],
          ["toekenningen", new D(200 + 11 * i)],
          ["declaraties", new D(900 - 13 * i)],
        ]),
      })),
      DEFAULT_WEIGHTS
    );
    if (!comparison.ok) throw new Error(comparison.error.en);
    const report = buildReport(
      {
        plan,
        result: checkPlan(plan),
        accepted: new Map(),
        formulaSource: "workbook",
        workbook: "up-2024-published.xlsx",
        date: new Date(2026, 10, 23, 14, 5),
        remarks: read.notes,
        keys: comparison.value,
      },
      "nl"
    );
    writeFileSync(join(dir, "verslag.xlsx"), await reportXlsx(report));
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "verslag.xlsx"),
      ],
      { stdio: "ignore", timeout: 180000 }
    );
    const pdf = join(dir, "verslag.pdf");
    execFileSync("pdftotext", ["-bbox", pdf, join(dir, "words.html")]);
    words = pagesOf(readFileSync(join(dir, "words.html"), "utf8"));
    pages = words.map((_, i) =>
      execFileSync("pdftotext", ["-layout", "-f", `${i + 1}`, "-l", `${i + 1}`, pdf, "-"], {
        encoding: "utf8",
      })
    );
    mkdirSync(SCREENSHOTS, { recursive: true });
    const firstLogPage = pages.findIndex((p) => sheetOf(p) === "Controlelog") + 1;
    for (const [page, name] of [
      [1, "30-report-print"],
      [firstLogPage, "31-report-log-print"],
    ] as const) {
      const args = ["-png", "-r", "80", "-singlefile", "-f", `${page}`, "-l", `${page}`, pdf];
      execFileSync("pdftoppm", [...args, join(SCREENSHOTS, name)]);
    }
  }, 240000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("numbers every page and repeats its sheet's header row at the top of each", () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const seen = new Set<string>();
    pages.forEach((text, i) => {
      expect(text).toContain(`Pagina ${i + 1} van ${pages.length}`);
      const sheet = sheetOf(text);
      expect([i + 1, sheet]).toEqual([i + 1, expect.any(String)]);
      seen.add(sheet!);
      expect([i + 1, HEADERS[sheet!].test(text)]).toEqual([i + 1, true]);
      expect(text).toContain("up-2024-published.xlsx · 23 november 2026");
    });
    expect([...seen]).toEqual(["Controleverslag", "Controlelog", "Sleutelberekening"]);
    // The first sheet and the log each take more than one page: the repeat is really tested.
    const count = (s: string) => pages.filter((p) => sheetOf(p) === s).length;
    expect(count("Controleverslag")).toBeGreaterThanOrEqual(2);
    expect(count("Controlelog")).toBeGreaterThanOrEqual(2);
  });

  it("draws no text over other text", () => {
    words.forEach((page, i) => expect([i + 1, overlaps(page)]).toEqual([i + 1, []]));
  });

  it("prints every figure: no column too narrow for its values (### instead of a number)", () => {
    pages.forEach((text, i) => expect([i + 1, text.includes("###")]).toEqual([i + 1, false]));
  });

  it("starts a text column clear of the number column before it", () => {
    const gap = (page: Word[], left: string, right: string) => {
      const r = page.find((w) => w.text === right)!;
      const l = page.filter((w) => w.text === left && sameLine(w, r) && w.x1 <= r.x0 + 1);
      return r.x0 - Math.max(...l.map((w) => w.x1));
    };
    const log = words[pages.findIndex((p) => sheetOf(p) === "Controlelog")];
    // A space between words of one cell is 1,7 pt at this size.
    expect(gap(words[0], "verwacht", "Bevindingen")).toBeGreaterThan(4);
    expect(gap(log, "Jaar", "Gemeente")).toBeGreaterThan(4);
    expect(gap(log, "Verschil", "Toelichting")).toBeGreaterThan(4);
  });

  it("prints amounts and keys the Dutch way, right-aligned under their year", () => {
    const page = words[0];
    const sleutel = page.find((w) => w.text === "Sleutel")!;
    const header2024 = page.find((w) => w.text === "2024" && sameLine(w, sleutel))!;
    const beek = page.find((w) => w.text === "Beek")!;
    const line = page.filter((w) => sameLine(w, beek));
    expect(line.map((w) => w.text).slice(0, 4)).toEqual(["Beek", "3,53%", "€", "71.784"]);
    const amount = line.find(
      (w) => /^[\d.]+$/.test(w.text) && w.x0 > header2024.x0 - 40 && w.x1 < header2024.x1 + 2
    )!;
    expect(amount.text).toBe("91.153");
    expect(Math.abs(amount.x1 - header2024.x1)).toBeLessThan(1.5);
    expect(pages[0]).toContain("23 november 2026 om 14:05");
  });
});
