import { execFileSync } from "child_process";
import path from "path";

/*
 * The core is pure: it imports nothing but itself and decimal.js. The project's own lint
 * configuration enforces that; here ESLint runs with it (in a process of its own, since the
 * configuration is an ES module) on texts that break the rule and texts that keep it.
 */

const root = path.resolve(__dirname, "../..");

/** The no-restricted-imports messages ESLint gives each [file, code] pair and each core file. */
function lint(samples: [string, string][]): { samples: string[][]; core: string[] } {
  const script = `
    const { ESLint } = require("eslint");
    const path = require("path");
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const only = (r) => r.messages.filter((m) => m.ruleId === "no-restricted-imports");
      const samples = [];
      for (const [file, code] of JSON.parse(process.argv[1])) {
        const [r] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
        samples.push(only(r).map((m) => m.message));
      }
      const results = await eslint.lintFiles(["src/core/**/*.ts"]);
      const core = results.flatMap((r) =>
        only(r).map((m) => path.relative(process.cwd(), r.filePath) + ":" + m.line)
      );
      const files = results.length;
      process.stdout.write(JSON.stringify({ samples, core, files }));
    })();
  `;
  const out = execFileSync(process.execPath, ["-e", script, JSON.stringify(samples)], {
    cwd: root,
    encoding: "utf8",
  });
  const parsed = JSON.parse(out) as { samples: string[][]; core: string[]; files: number };
  expect(parsed.files).toBeGreaterThan(20);
  return parsed;
}

test("lint refuses a core file that imports from outside core, and passes core itself", () => {
  const offending: [string, string][] = [
    ["src/core/offending.ts", 'import { readPlan } from "../reader";\nreadPlan;\n'],
    ["src/core/offending.ts", 'import ExcelJS from "exceljs";\nExcelJS;\n'],
    ["src/core/offending.ts", 'import * as React from "react";\nReact;\n'],
    ["src/core/offending.ts", 'import fs from "fs";\nfs;\n'],
    ["src/core/rules/OFFENDING.ts", 'import { address } from "../../reader/grid";\naddress;\n'],
    ["src/core/rules/OFFENDING.ts", 'import { x } from "../../functions/args";\nx;\n'],
  ];
  const fine: [string, string][] = [
    [
      "src/core/fine.ts",
      'import Decimal from "decimal.js";\nimport { D } from "./money";\nimport { RULES } from "./rules";\nDecimal;\nD;\nRULES;\n',
    ],
    [
      "src/core/rules/FINE.ts",
      'import { Plan } from "../model";\nimport { finding } from "./rule";\nexport type P = Plan;\nfinding;\n',
    ],
  ];
  const result = lint([...offending, ...fine]);
  const refused = result.samples.slice(0, offending.length);
  for (const messages of refused)
    expect(messages).toEqual([
      expect.stringContaining("src/core imports nothing but itself and decimal.js"),
    ]);
  expect(result.samples.slice(offending.length)).toEqual([[], []]);
  expect(result.core).toEqual([]);
}, 180_000);
