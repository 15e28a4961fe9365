#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const lib = path.join(__dirname, "..", "lib");
const entry = path.join(lib, "cli", "up.js");
// The command line and its Node build of ExcelJS (webpack.cli.config.js) are built together.
if (!fs.existsSync(entry) || !fs.existsSync(path.join(lib, "vendor", "exceljs.node.js"))) {
  process.stderr.write(
    "up: de command line is nog niet gebouwd / not built yet: run `npm run build:cli` (npm ci does it)\n"
  );
  process.exit(2);
}
// main() turns every failure into a message; this is the last line for what escapes it (an
// error thrown in a callback): exit 2 "could not run", as the README says, and never a stack.
function crash(e) {
  const detail = e instanceof Error ? e.message : String(e);
  process.stderr.write(`up: onverwachte fout / unexpected error: ${detail}\n`);
  process.exit(2);
}
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
require(entry)
  .main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  })
  .then((code) => {
    process.exitCode = code;
  }, crash);
