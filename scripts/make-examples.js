#!/usr/bin/env node
/* global require, __dirname, console, process */
// Regenerates examples/*.xlsx from the embedded 2024 plan. Runs the compiled code in lib/:
// `npm run examples` builds it first (tsc -p tsconfig.cli.json).
const path = require("node:path");
const { writeExamples } = require("../lib/workbook/examples");

writeExamples(path.join(__dirname, "..", "examples")).then(
  (results) =>
    results.forEach(({ path: p, written }) =>
      console.log(
        `${written ? "geschreven / written" : "ongewijzigd / unchanged"}: ${path.relative(process.cwd(), p)}`
      )
    ),
  (e) => {
    console.error(e);
    process.exit(1);
  }
);
