import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { PlanInputError } from "../../src/core/errors";
import { checkPlan } from "../../src/core/check";
import { readPlanFile } from "../../src/workbook/file";

/*
 * Real-world spreadsheets that nobody here made (the SheetJS test files, see
 * /work/shared/corpus/README.md): UP reads each without a crash and within a time bound, says
 * "no plan" where there is none, and names the formats it does not read.
 */

const CORPUS = process.env.UP_CORPUS ?? "/work/shared/corpus/sheetjs";
/** Reading one file, a few hundred kilobytes at most, must end well within this. */
const TIME_BOUND_MS = 10_000;
const UNSUPPORTED: Record<string, RegExp> = {
  ".xls": /Excel 97-2003-werkmap \(\.xls\)/,
  ".xlsb": /binaire Excel-werkmap \(\.xlsb\)/,
  ".ods": /OpenDocument-rekenblad \(\.ods\)/,
  ".numbers": /Numbers-bestand \(\.numbers\)/,
};
const ODD_LAYOUT = "wtf_path.xlsx";
const SPREADSHEETS = new Set([".xlsx", ".xlsm", ...Object.keys(UNSUPPORTED)]);

const files = (() => {
  try {
    return readdirSync(CORPUS)
      .filter((f) => SPREADSHEETS.has(extname(f).toLowerCase()))
      .sort();
  } catch {
    return [];
  }
})();

type Outcome = "plan" | "no plan" | "unsupported" | "refused";
const results: { file: string; outcome: Outcome; ms: number; detail: string }[] = [];

afterAll(() => {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
  console.log(
    [
      `Corpus (${CORPUS}):`,
      `  files read:              ${results.length}`,
      `  plan found:              ${count("plan")}`,
      `  no plan (said so):       ${count("no plan")}`,
      `  unsupported format:      ${count("unsupported")}`,
      `  refused otherwise:       ${count("refused")}`,
      `  slowest:                 ${slowest ? `${slowest.file} ${slowest.ms} ms` : "-"}`,
      ...results
        .filter((r) => r.outcome === "refused" || r.outcome === "plan")
        .map((r) => `  ${r.file}: ${r.detail}`),
    ].join("\n")
  );
});

(files.length > 0 ? describe : describe.skip)("every file of the corpus", () => {
  test("the corpus has files of every kind", () => {
    const kinds = new Set(files.map((f) => extname(f).toLowerCase()));
    for (const ext of [".xlsx", ".xls", ".xlsb", ".ods", ".numbers"]) expect(kinds).toContain(ext);
  });

  test.each(files)("%s", async (file) => {
    const path = join(CORPUS, file);
    const ext = extname(file).toLowerCase();
    const start = Date.now();
    let outcome: Outcome;
    let detail: string;
    try {
      const read = await readPlanFile(path);
      if (read.plan) {
        const result = checkPlan(read.plan);
        outcome = "plan";
        detail = `plan with ${Object.keys(read.plan.source.tables).join(", ")}; ${result.summary.error} error(s)`;
      } else {
        outcome = "no plan";
        detail = read.notes.map((n) => n.message.nl).join("; ");
        expect(read.notes.map((n) => n.message.nl)).toContain("Geen uitvoeringsplan gevonden");
      }
    } catch (e) {
      // Anything else than a PlanInputError is a crash.
      expect(e).toBeInstanceOf(PlanInputError);
      const message = (e as PlanInputError).nl;
      outcome = UNSUPPORTED[ext] ? "unsupported" : "refused";
      detail = message;
      expect(message).toContain(file);
      if (UNSUPPORTED[ext]) expect(message).toMatch(UNSUPPORTED[ext]);
    }
    const ms = Date.now() - start;
    results.push({ file, outcome, ms, detail });
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    // None of these files is an Uitvoeringsplan. One .xlsx keeps its workbook outside xl/,
    // which Excel accepts and ExcelJS cannot read: it is refused with a reason of its own.
    const expected = UNSUPPORTED[ext] ? "unsupported" : file === ODD_LAYOUT ? "refused" : "no plan";
    expect(outcome).toBe(expected);
    if (file === ODD_LAYOUT) expect(detail).toContain("ongebruikelijke indeling");
    expect(statSync(path).size).toBeGreaterThan(0);
  });
});
