#!/usr/bin/env node
/* global require, __dirname, console, process */
// Regenerates test/fixtures/variants/*.xlsx from the embedded 2024 plan (src/workbook/variants.ts,
// compiled to lib/ by `npm run variants`). The LibreOffice variants need `soffice` (Debian:
// libreoffice-calc-nogui); without it they are left as committed. Tests never need LibreOffice.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const JSZip = require("jszip");
const { VARIANTS, LIBREOFFICE_VARIANTS } = require("../lib/workbook/variants");

const dir = path.join(__dirname, "..", "test", "fixtures", "variants");

function soffice() {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

// A profile that recalculates every formula on load (TOOLCHAIN-NOTES: OOXMLRecalcMode 0).
function profile() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "up-lo-"));
  fs.mkdirSync(path.join(home, "user"), { recursive: true });
  const item = (name) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(home, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>\n`
  );
  return home;
}

function convert(home, input, format, outDir) {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${home}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      input,
    ],
    { stdio: "ignore" }
  );
  const out = path.join(
    outDir,
    path.basename(input).replace(/\.[^.]+$/, `.${format.split(":")[0]}`)
  );
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${input}`);
  return out;
}

// The zip's timestamps and the document dates change on every run; a fixture whose sheets did
// not change is left alone, so git sees no new binary.
async function contents(data) {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files)
    .filter((n) => !n.startsWith("docProps/") && !zip.files[n].dir)
    .sort();
  return Promise.all(names.map(async (n) => `${n}\n${await zip.files[n].async("string")}`)).then(
    (parts) => parts.join("\n")
  );
}

async function put(file, data) {
  const target = path.join(dir, file);
  if (
    fs.existsSync(target) &&
    (await contents(fs.readFileSync(target))) === (await contents(data))
  ) {
    console.log(`ongewijzigd / unchanged: ${file}`);
    return;
  }
  fs.writeFileSync(target, data);
  console.log(`geschreven / written: ${file}`);
}

async function main() {
  fs.mkdirSync(dir, { recursive: true });
  const lo = soffice();
  const home = lo ? profile() : undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "up-variants-"));
  for (const v of VARIANTS) {
    const data = new Uint8Array(await v.make().xlsx.writeBuffer());
    if (!v.needsRecalc) {
      await put(v.file, data);
    } else if (lo) {
      const input = path.join(work, v.file);
      fs.writeFileSync(input, data);
      const outDir = fs.mkdtempSync(path.join(work, "out-"));
      await put(v.file, fs.readFileSync(convert(home, input, "xlsx", outDir)));
    } else console.log(`overgeslagen, geen LibreOffice / skipped, no LibreOffice: ${v.file}`);
  }
  for (const v of LIBREOFFICE_VARIANTS) {
    if (!lo) {
      console.log(`overgeslagen, geen LibreOffice / skipped, no LibreOffice: ${v.file}`);
      continue;
    }
    const input = path.join(work, v.file);
    fs.copyFileSync(path.join(dir, v.from), input);
    let source = input;
    if (v.editFods) {
      const fods = convert(home, input, "fods", fs.mkdtempSync(path.join(work, "fods-")));
      fs.writeFileSync(fods, v.editFods(fs.readFileSync(fods, "utf8")));
      source = fods;
    }
    const outDir = fs.mkdtempSync(path.join(work, "out-"));
    await put(v.file, fs.readFileSync(convert(home, source, "xlsx", outDir)));
  }
  const list = [...VARIANTS, ...LIBREOFFICE_VARIANTS]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((v) => `- \`${v.file}\`: ${v.description}`)
    .join("\n");
  fs.writeFileSync(
    path.join(dir, "README.md"),
    `# Variants of the 2024 plan\n\nWritten by \`npm run variants\` (scripts/make-variants.js, src/workbook/variants.ts) from the embedded plan, starting from the published layout (examples/up-2024-published.xlsx). test/variants/variants.test.ts states the findings each must give. Files 09 and 13–15 were computed or edited by LibreOffice Calc; regenerating them needs \`soffice\`, the tests do not.\n\n${list}\n`
  );
  fs.rmSync(work, { recursive: true, force: true });
  if (home) fs.rmSync(home, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
