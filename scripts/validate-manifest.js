#!/usr/bin/env node
/*
 * npm run validate: checks manifest.xml offline (office-addin-manifest validate needs an
 * online service). Well-formed XML (xmllint when installed, and our own parse), every resid
 * defined, every URL https, ids unique, permissions at most ReadWriteDocument, and the
 * manifest version bumped whenever the functions' metadata differs from the released one.
 *
 *   npm run validate                  check
 *   npm run validate -- --release     after bumping <Version>: record the metadata as released
 */
const { execFileSync } = require("node:child_process");
const { existsSync, readFileSync, writeFileSync, mkdirSync } = require("node:fs");
const path = require("node:path");
const { translateFunctions } = require("./functions-nl");

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const FUNCTIONS = path.join(ROOT, "src", "functions", "functions.ts");
const RELEASED = path.join(ROOT, "metadata", "functions.released.json");

const PERMISSIONS = [
  "Restricted",
  "ReadDocument",
  "ReadAllDocument",
  "WriteDocument",
  "ReadWriteDocument",
];
const ENTITIES = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

/** A small, strict XML parser: elements, attributes, text, comments, declarations. */
function parseXml(text) {
  const root = { name: "#document", attrs: {}, children: [], line: 1 };
  const stack = [root];
  let i = 0;
  const lineAt = (pos) => text.slice(0, pos).split("\n").length;
  const fail = (message, pos = i) => {
    throw new Error(`line ${lineAt(pos)}: ${message}`);
  };
  const checkText = (t, start) => {
    for (let k = t.indexOf("&"); k >= 0; k = t.indexOf("&", k + 1)) {
      if (!ENTITIES.test(t.slice(k))) fail("'&' that starts no entity (write &amp;)", start + k);
    }
    if (t.includes("<")) fail("'<' inside text or an attribute", start + t.indexOf("<"));
  };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      checkText(text.slice(i), i);
      if (text.slice(i).trim() !== "" && stack.length === 1) fail("text after the root element");
      break;
    }
    const between = text.slice(i, lt);
    checkText(between, i);
    if (between.trim() !== "") {
      if (stack.length === 1) fail("text outside the root element", i);
      stack[stack.length - 1].children.push({ text: between });
    }
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) fail("comment without -->");
      i = end + 3;
    } else if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i);
      if (end < 0) fail("declaration without ?>");
      i = end + 2;
    } else if (text.startsWith("<!", i)) {
      fail("DOCTYPE and CDATA are not expected in a manifest");
    } else if (text.startsWith("</", i)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(text.slice(i));
      if (!m) fail("malformed end tag");
      const open = stack.pop();
      if (!open || open.name !== m[1]) fail(`</${m[1]}> closes <${open ? open.name : "nothing"}>`);
      i += m[0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i));
      if (!m) fail("malformed start tag");
      const element = { name: m[1], attrs: {}, children: [], line: lineAt(i) };
      let j = i + m[0].length;
      for (;;) {
        const ws = /^\s*/.exec(text.slice(j))[0];
        j += ws.length;
        if (text.startsWith("/>", j) || text.startsWith(">", j)) break;
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(j));
        if (!a || ws === "") fail(`malformed attribute in <${element.name}>`, j);
        if (a[1] in element.attrs) fail(`attribute ${a[1]} twice in <${element.name}>`, j);
        const value = a[3] ?? a[4];
        checkText(value, j);
        element.attrs[a[1]] = decode(value);
        j += a[0].length;
      }
      if (stack.length === 1 && root.children.some((c) => c.name)) fail("a second root element");
      stack[stack.length - 1].children.push(element);
      if (text.startsWith("/>", j)) {
        i = j + 2;
      } else {
        stack.push(element);
        i = j + 1;
      }
    }
  }
  if (stack.length > 1) fail(`<${stack[stack.length - 1].name}> is never closed`);
  const top = root.children.filter((c) => c.name);
  if (top.length !== 1) fail("no root element");
  return top[0];
}

function decode(value) {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function* walk(element) {
  yield element;
  for (const c of element.children) if (c.name) yield* walk(c);
}

const local = (name) => name.slice(name.indexOf(":") + 1);
const textOf = (e) =>
  e.children
    .map((c) => c.text ?? "")
    .join("")
    .trim();

/** "1.2.0.0" → [1, 2, 0, 0], for comparing versions. */
function versionParts(v) {
  if (!/^\d+(\.\d+){0,3}$/.test(v || "")) return undefined;
  const parts = v.split(".").map(Number);
  while (parts.length < 4) parts.push(0);
  return parts;
}

function compareVersions(a, b) {
  for (let k = 0; k < 4; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/**
 * Every problem of the manifest text. `metadata` ({ en, nl }) and `released`
 * ({ version, functions, functionsNl }) drive the version check when given.
 */
function validateManifest(xml, { metadata, released } = {}) {
  const problems = [];
  let doc;
  try {
    doc = parseXml(xml);
  } catch (e) {
    return [`manifest.xml is not well-formed XML: ${e.message}`];
  }
  const elements = [...walk(doc)];
  if (local(doc.name) !== "OfficeApp")
    problems.push(`The root element is <${doc.name}>, not <OfficeApp>.`);

  const resources = new Map();
  for (const e of elements) {
    if (["Image", "Url", "String"].includes(local(e.name)) && e.attrs.id !== undefined) {
      if (resources.has(e.attrs.id))
        problems.push(`Resource id '${e.attrs.id}' is defined twice (line ${e.line}).`);
      resources.set(e.attrs.id, e);
      if (e.attrs.id.length > 32)
        problems.push(`Resource id '${e.attrs.id}' is longer than 32 characters.`);
    }
  }
  const used = new Set();
  for (const e of elements) {
    if (e.attrs.resid === undefined) continue;
    used.add(e.attrs.resid);
    if (!resources.has(e.attrs.resid)) {
      problems.push(
        `<${local(e.name)} resid="${e.attrs.resid}"> on line ${e.line}: no resource has that id.`
      );
    }
  }
  for (const id of resources.keys()) {
    if (!used.has(id)) problems.push(`Resource '${id}' is defined but never used.`);
  }

  const controlIds = new Map();
  for (const e of elements) {
    if (
      !["Group", "Control", "OfficeTab", "CustomTab"].includes(local(e.name)) ||
      e.attrs.id === undefined
    )
      continue;
    if (local(e.name) === "OfficeTab") continue;
    if (controlIds.has(e.attrs.id))
      problems.push(
        `Id '${e.attrs.id}' is used twice (lines ${controlIds.get(e.attrs.id)} and ${e.line}).`
      );
    controlIds.set(e.attrs.id, e.line);
  }
  const appId = elements.find((e) => e.name === "Id");
  if (
    !appId ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(textOf(appId))
  ) {
    problems.push("<Id> must be a GUID.");
  }

  const urls = [];
  for (const e of elements) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = e.attrs[attr];
      if (v !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(v))
        urls.push({ url: v, line: e.line });
    }
    if (["AppDomain", "SourceLocation"].includes(local(e.name)) && textOf(e))
      urls.push({ url: textOf(e), line: e.line });
    const l = local(e.name);
    if (
      ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Url", "Image"].includes(
        l
      ) &&
      e.attrs.DefaultValue !== undefined &&
      !e.attrs.DefaultValue.includes("://")
    ) {
      problems.push(
        `<${l}> on line ${e.line} has '${e.attrs.DefaultValue}', not an absolute https URL.`
      );
    }
  }
  for (const { url, line } of urls) {
    if (!url.startsWith("https://")) problems.push(`URL on line ${line} is not https: ${url}`);
  }

  const permissions = elements.find((e) => e.name === "Permissions");
  const permission = permissions ? textOf(permissions) : "";
  if (!PERMISSIONS.includes(permission)) {
    problems.push(
      `<Permissions> is '${permission}': allowed are ${PERMISSIONS.join(", ")} (at most ReadWriteDocument).`
    );
  }

  const versionElement = elements.find((e) => e.name === "Version");
  const version = versionElement ? textOf(versionElement) : "";
  const current = versionParts(version);
  if (!current) problems.push(`<Version> '${version}' is not a version such as 1.0.0.0.`);

  if (metadata && released && current) {
    const was = versionParts(released.version);
    const changed =
      stable(metadata.en) !== stable(released.functions) ||
      stable(metadata.nl) !== stable(released.functionsNl);
    if (was && compareVersions(current, was) < 0) {
      problems.push(`<Version> ${version} is lower than the released ${released.version}.`);
    } else if (changed && was && compareVersions(current, was) === 0) {
      problems.push(
        `The functions' metadata (functions.json) changed since version ${released.version}: raise <Version> in manifest.xml, then record it with: npm run validate -- --release`
      );
    }
  }
  return problems;
}

/** JSON with sorted keys, so that key order never counts as a change. */
function stable(value) {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]])
        )
      : v
  );
}

/** The metadata the build will generate from the JSDoc, and its Dutch derivation. */
async function currentMetadata() {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata([FUNCTIONS], true);
  if (result.errors.length > 0) throw new Error(result.errors.join("\n"));
  const en = JSON.parse(result.metadataJson);
  const { metadata: nl, problems } = translateFunctions(en);
  return { en, nl, problems };
}

function xmllint(file) {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
  } catch {
    return { ran: false, problems: [] };
  }
  try {
    execFileSync("xmllint", ["--noout", file], { stdio: ["ignore", "ignore", "pipe"] });
    return { ran: true, problems: [] };
  } catch (e) {
    return { ran: true, problems: [`xmllint: ${String(e.stderr || e.message).trim()}`] };
  }
}

async function main(argv) {
  const release = argv.includes("--release");
  const xml = readFileSync(MANIFEST, "utf8");
  const lint = xmllint(MANIFEST);
  const metadata = await currentMetadata();
  const released = existsSync(RELEASED) ? JSON.parse(readFileSync(RELEASED, "utf8")) : undefined;
  const problems = [
    ...lint.problems,
    ...metadata.problems,
    ...validateManifest(xml, { metadata, released }),
  ];
  if (!released)
    problems.push(
      `${path.relative(ROOT, RELEASED)} is missing: record it with npm run validate -- --release`
    );
  const version = /<Version>([^<]*)<\/Version>/.exec(xml)?.[1];
  if (release) {
    const blocking = problems.filter((p) => !p.includes("--release"));
    if (blocking.length > 0) {
      blocking.forEach((p) => console.error(`✗ ${p}`));
      return 1;
    }
    mkdirSync(path.dirname(RELEASED), { recursive: true });
    writeFileSync(
      RELEASED,
      `${JSON.stringify({ version, functions: metadata.en, functionsNl: metadata.nl }, null, 2)}\n`
    );
    console.log(
      `Recorded the functions of version ${version} in ${path.relative(ROOT, RELEASED)}.`
    );
    return 0;
  }
  if (problems.length > 0) {
    problems.forEach((p) => console.error(`✗ ${p}`));
    console.error(`manifest.xml: ${problems.length} problem(s).`);
    return 1;
  }
  console.log(
    `manifest.xml ${version}: well-formed${lint.ran ? " (xmllint and parser)" : " (parser; xmllint not installed)"}, resids defined, URLs https, ids unique, permissions ok, ${metadata.en.functions.length} functions as released.`
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`✗ ${e.message}`);
      process.exit(1);
    }
  );
}

module.exports = { parseXml, validateManifest, currentMetadata, stable };
