#!/usr/bin/env node
/*
 * npm run validate: checks manifest.xml offline (office-addin-manifest validate needs an
 * online service). Well-formed XML (xmllint when installed, and our own parse), every resid
 * defined, every URL https, ids unique, permissions at most ReadWriteDocument, the functions'
 * metadata changed only compatibly since the release recorded in metadata/functions.released.json
 * (workbooks in use hold formulas written against it), and the manifest version bumped whenever
 * that metadata differs.
 *
 *   npm run validate                  check manifest.xml and the metadata the build will generate
 *   npm run validate -- --dist dist   check a build: its manifest, functions.json and functions.nl.json
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

/** Every absolute URL in the manifest's elements, with its line and whether it is an AppDomain. */
function manifestUrls(elements) {
  const urls = [];
  for (const e of elements) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = e.attrs[attr];
      if (v !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(v))
        urls.push({ url: v, line: e.line, domain: false });
    }
    if (["AppDomain", "SourceLocation"].includes(local(e.name)) && textOf(e))
      urls.push({ url: textOf(e), line: e.line, domain: local(e.name) === "AppDomain" });
  }
  return urls;
}

/**
 * A built manifest: every URL under the folder of the pane's SourceLocation (AppDomains: its
 * origin), each naming a file of the build in `dir`, and no localhost anywhere.
 */
function hostProblems(xml, dir) {
  let doc;
  try {
    doc = parseXml(xml);
  } catch (e) {
    return [`manifest.xml is not well-formed XML: ${e.message}`];
  }
  const elements = [...walk(doc)];
  const settings = elements.find((e) => e.name === "DefaultSettings");
  const source = settings && [...walk(settings)].find((e) => e.name === "SourceLocation");
  const page = source?.attrs.DefaultValue;
  if (!page) return ["<DefaultSettings> has no <SourceLocation DefaultValue=…>."];
  const host = new URL(".", page).href;
  const origin = new URL(page).origin;
  const problems = [];
  if (/localhost/i.test(xml)) problems.push(`The manifest still names localhost (host ${host}).`);
  for (const { url, line, domain } of manifestUrls(elements)) {
    if (domain) {
      if (url !== origin) problems.push(`<AppDomain> on line ${line} is ${url}, not ${origin}.`);
    } else if (!url.startsWith(host)) {
      problems.push(`URL on line ${line} is not under ${host}: ${url}`);
    } else {
      const file = path.join(
        dir,
        ...decodeURIComponent(new URL(url).pathname.slice(new URL(host).pathname.length)).split("/")
      );
      if (!existsSync(file))
        problems.push(`URL on line ${line} names no file of the build: ${url}`);
    }
  }
  return problems;
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

  const urls = manifestUrls(elements);
  for (const e of elements) {
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

  problems.push(...localeProblems(elements));

  const versionElement = elements.find((e) => e.name === "Version");
  const version = versionElement ? textOf(versionElement) : "";
  const current = versionParts(version);
  if (!current) problems.push(`<Version> '${version}' is not a version such as 1.0.0.0.`);

  if (metadata && released) problems.push(...breakingChanges(released, metadata));
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

/**
 * Microsoft's rules for the locales of an add-in only manifest (docs: develop/localization):
 * "You may only specify a single override per language, including for the default locale. For
 * example, if your default locale is en-us you can't specify an override for en-us as well."
 */
function localeProblems(elements) {
  const problems = [];
  const defaultLocale = elements.find((e) => e.name === "DefaultLocale");
  const byDefault = defaultLocale ? textOf(defaultLocale).trim().toLowerCase() : "";
  if (!byDefault) problems.push("<DefaultLocale> is missing or empty.");
  for (const e of elements) {
    const seen = new Map();
    for (const o of e.children.filter((c) => c.name && local(c.name) === "Override")) {
      const locale = (o.attrs.Locale ?? "").toLowerCase();
      const what = `<${local(e.name)}${e.attrs.id ? ` id="${e.attrs.id}"` : ""}>`;
      if (locale === byDefault)
        problems.push(
          `${what} on line ${o.line} overrides the default locale ${o.attrs.Locale}: its DefaultValue is that locale's; an override for it is not allowed.`
        );
      if (seen.has(locale))
        problems.push(
          `${what} overrides ${o.attrs.Locale} twice (lines ${seen.get(locale)} and ${o.line}).`
        );
      seen.set(locale, o.line);
    }
  }
  return problems;
}

/** What a value's shape defaults to in functions.json when the key is absent. */
const SHAPE = [
  ["type", "any"],
  ["dimensionality", "scalar"],
];
const ordinal = (i) => `${i + 1}${["st", "nd", "rd"][i] ?? "th"}`;
const list = (names) => `(${names.join(", ")})`;

/**
 * What in `metadata` ({ en, nl }) would break a workbook written against `released`: Excel
 * stores a formula by function id with positional arguments, and shows it by name. So no
 * function may go, move or be renamed, no parameter may go, move, be renamed or change its type,
 * dimensionality or repetition, an optional parameter may not become required, and a new
 * parameter must be optional. Descriptions, new functions and options may change (with a new
 * version).
 */
function breakingChanges(released, metadata) {
  const problems = [];
  const since = `since the released ${released.version}`;
  const byId = (m) => new Map((m?.functions ?? []).map((f) => [f.id, f]));
  const was = released.functions.functions;
  const now = byId(metadata.en);
  const wasNl = byId(released.functionsNl);
  const nowNl = byId(metadata.nl);

  for (const f of was) {
    if (!now.has(f.id))
      problems.push(
        `UP.${f.id} was removed ${since} (workbooks store formulas by id: a changed id is a removal).`
      );
  }
  const keptOrder = was.map((f) => f.id).filter((id) => now.has(id));
  const nowOrder = metadata.en.functions.map((f) => f.id).filter((id) => keptOrder.includes(id));
  if (keptOrder.join() !== nowOrder.join()) {
    problems.push(
      `The functions were reordered ${since}: ${list(keptOrder)} is now ${list(nowOrder)}.`
    );
  }

  for (const before of was) {
    const after = now.get(before.id);
    if (!after) continue;
    const fn = `UP.${before.id}`;
    if (after.name !== before.name)
      problems.push(`${fn} was renamed ${since}: '${before.name}' is now '${after.name}'.`);
    const nlBefore = wasNl.get(before.id);
    const nlAfter = nowNl.get(before.id);
    if (nlBefore && nlAfter && nlBefore.name !== nlAfter.name)
      problems.push(
        `${fn}'s Dutch name changed ${since}: '${nlBefore.name}' is now '${nlAfter.name}'.`
      );
    for (const [key, none] of SHAPE) {
      const [a, b] = [before.result?.[key] ?? none, after.result?.[key] ?? none];
      if (a !== b) problems.push(`${fn}'s result ${key} changed ${since}: ${a} is now ${b}.`);
    }

    const p0 = before.parameters ?? [];
    const p1 = after.parameters ?? [];
    const names0 = p0.map((p) => p.name);
    const names1 = p1.map((p) => p.name);
    const gone = names0.filter((n) => !names1.includes(n));
    for (const name of gone) {
      const i = names0.indexOf(name);
      const other = names1[i];
      problems.push(
        other !== undefined && !names0.includes(other)
          ? `${fn}: its ${ordinal(i)} parameter '${name}' was renamed '${other}' ${since}.`
          : `${fn}: its ${ordinal(i)} parameter '${name}' was removed ${since}: ${list(names0)} is now ${list(names1)}.`
      );
    }
    if (gone.length === 0) {
      const kept = names1.filter((n) => names0.includes(n));
      if (kept.join() !== names0.join()) {
        problems.push(
          `${fn}: its parameters were reordered ${since}: ${list(names0)} is now ${list(names1)}.`
        );
      } else if (names1.slice(0, names0.length).join() !== names0.join()) {
        problems.push(
          `${fn}: a parameter was inserted before the released ones ${since}: ${list(names0)} is now ${list(names1)}; add new parameters at the end.`
        );
      }
    }
    p0.forEach((p, i) => {
      const q = p1[i];
      if (!q || q.name !== p.name) return;
      const param = `${fn}: parameter '${p.name}'`;
      for (const [key, none] of SHAPE) {
        if ((p[key] ?? none) !== (q[key] ?? none))
          problems.push(
            `${param} changed its ${key} ${since}: ${p[key] ?? none} is now ${q[key] ?? none}.`
          );
      }
      if (Boolean(p.repeating) !== Boolean(q.repeating))
        problems.push(`${param} ${q.repeating ? "became" : "is no longer"} repeating ${since}.`);
      if (p.optional && !q.optional) problems.push(`${param} became required ${since}.`);
      const nl0 = nlBefore?.parameters?.[i]?.name;
      const nl1 = nlAfter?.parameters?.[i]?.name;
      if (nl0 !== undefined && nl1 !== undefined && nl0 !== nl1)
        problems.push(
          `${fn}: the Dutch name of parameter '${p.name}' changed ${since}: '${nl0}' is now '${nl1}'.`
        );
    });
    p1.slice(names0.length).forEach((q) => {
      if (!names0.includes(q.name) && !q.optional)
        problems.push(
          `${fn}: the new parameter '${q.name}' is required: formulas written for ${released.version} lack it. Make it optional.`
        );
    });
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

function readReleased() {
  return existsSync(RELEASED) ? JSON.parse(readFileSync(RELEASED, "utf8")) : undefined;
}

/** npm run validate -- --dist <dir>: the manifest and functions metadata of a build. */
function checkDist(dir, released) {
  const file = (name) => path.join(dir, name);
  const missing = ["manifest.xml", "functions.json", "functions.nl.json", "taskpane.html"].filter(
    (f) => !existsSync(file(f))
  );
  if (missing.length > 0) return [`${dir} is not a build: ${missing.join(", ")} missing.`];
  const xml = readFileSync(file("manifest.xml"), "utf8");
  const metadata = {
    en: JSON.parse(readFileSync(file("functions.json"), "utf8")),
    nl: JSON.parse(readFileSync(file("functions.nl.json"), "utf8")),
  };
  return [
    ...xmllint(file("manifest.xml")).problems,
    ...validateManifest(xml, { metadata, released }),
    ...hostProblems(xml, dir),
  ];
}

async function main(argv) {
  const released = readReleased();
  const distAt = argv.indexOf("--dist");
  if (distAt >= 0) {
    const dir = path.resolve(argv[distAt + 1] ?? "dist");
    const problems = released ? checkDist(dir, released) : [`${RELEASED} is missing.`];
    problems.forEach((p) => console.error(`✗ ${p}`));
    if (problems.length > 0) {
      console.error(`${dir}: ${problems.length} problem(s).`);
      return 1;
    }
    const page = /<SourceLocation DefaultValue="([^"]*)"/.exec(
      readFileSync(path.join(dir, "manifest.xml"), "utf8")
    )[1];
    console.log(
      `${dir}: manifest valid, every URL under ${new URL(".", page).href} and in the build, functions compatible with ${released.version}.`
    );
    return 0;
  }
  const release = argv.includes("--release");
  const xml = readFileSync(MANIFEST, "utf8");
  const lint = xmllint(MANIFEST);
  const metadata = await currentMetadata();
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
    `manifest.xml ${version}: well-formed${lint.ran ? " (xmllint and parser)" : " (parser; xmllint not installed)"}, resids defined, URLs https, ids unique, permissions ok, ${metadata.en.functions.length} functions compatible with ${released.version}.`
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

module.exports = {
  parseXml,
  validateManifest,
  breakingChanges,
  hostProblems,
  checkDist,
  currentMetadata,
  stable,
};
