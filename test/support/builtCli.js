/* eslint-disable no-undef */
const { existsSync } = require("node:fs");
const { join } = require("node:path");

/*
 * Jest's globalSetup. Under Node, `#exceljs` and `#jszip` (package.json "imports") are the Node
 * builds in lib/vendor/, and the start-up tests run bin/up.js on lib/: without them every suite
 * that reads a workbook fails with "Cannot find module '#exceljs'". Say what to do instead.
 */
module.exports = async function builtCli() {
  const root = join(__dirname, "..", "..");
  const missing = [
    join("lib", "cli", "up.js"),
    join("lib", "vendor", "exceljs.node.js"),
    join("lib", "vendor", "jszip.node.js"),
  ].filter((f) => !existsSync(join(root, f)));
  if (missing.length > 0) {
    throw new Error(
      `The command line is not built (${missing.join(", ")} missing): run \`npm run build:cli\` first (npm ci does it).`
    );
  }
};
