#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "lib", "cli", "up.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "up: de command line is nog niet gebouwd / not built yet: run `npm run build:cli` (npm ci does it)\n"
  );
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  })
  .then((code) => {
    process.exitCode = code;
  });
