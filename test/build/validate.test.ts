import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/* eslint-disable @typescript-eslint/no-require-imports */
const {
  validateManifest,
  parseXml,
  currentMetadata,
} = require("../../scripts/validate-manifest.js");
const { translateFunctions } = require("../../scripts/functions-nl.js");

const MANIFEST = readFileSync(resolve(__dirname, "../../manifest.xml"), "utf8");
const RELEASED = JSON.parse(
  readFileSync(resolve(__dirname, "../../metadata/functions.released.json"), "utf8")
);

/** The manifest as it was at the release: what the version checks start from. */
const AS_RELEASED = MANIFEST.replace(
  /<Version>[^<]*<\/Version>/,
  `<Version>${RELEASED.version}</Version>`
);

type Meta = { en: { functions: Record<string, unknown>[] }; nl: unknown; problems: string[] };
let metadata: Meta;

beforeAll(async () => {
  metadata = await currentMetadata();
});

test("the manifest passes: well-formed, resids defined, https, unique ids, functions as released", () => {
  expect(metadata.problems).toEqual([]);
  expect(validateManifest(MANIFEST, { metadata, released: RELEASED })).toEqual([]);
});

test("the manifest declares the shared runtime, the functions and the two ribbon buttons", () => {
  const doc = parseXml(MANIFEST);
  const all: { name: string; attrs: Record<string, string> }[] = [];
  const walk = (e: { name?: string; attrs: Record<string, string>; children: never[] }) => {
    if (!e.name) return;
    all.push(e as never);
    e.children.forEach(walk);
  };
  walk(doc);
  expect(all.find((e) => e.name === "Runtime")?.attrs).toEqual({
    resid: "Taskpane.Url",
    lifetime: "long",
  });
  expect(all.some((e) => e.attrs["xsi:type"] === "CustomFunctions")).toBe(true);
  const buttons = all.filter((e) => e.name === "Control").map((e) => e.attrs.id);
  expect(buttons).toEqual(["UP.CheckButton", "UP.PaneButton"]);
  expect(all.find((e) => e.name === "OfficeTab")?.attrs.id).toBe("TabHome");
  const metadataUrl = all.filter(
    (e) => e.attrs.Locale && e.attrs.Value?.endsWith("functions.nl.json")
  );
  expect(metadataUrl.map((e) => e.attrs.Locale)).toEqual(["nl-NL", "nl-BE"]);
});

describe("each kind of mistake is caught", () => {
  const problemsOf = (xml: string) => validateManifest(xml, { metadata, released: RELEASED });

  test("not well-formed", () => {
    const broken = MANIFEST.replace("</Hosts>", "</Host>");
    expect(problemsOf(broken)[0]).toMatch(
      /^manifest.xml is not well-formed XML: line \d+: <\/Host> closes <Hosts>/
    );
    expect(problemsOf(MANIFEST.replace("Kies Start &gt;", "Kies Start & "))[0]).toMatch(
      /'&' that starts no entity/
    );
  });

  test("a resid without its resource, and a resource nobody uses", () => {
    const p = problemsOf(
      MANIFEST.replace('<Label resid="Group.Label"/>', '<Label resid="Groep.Label"/>')
    );
    expect(p).toContainEqual(
      expect.stringMatching(/^<Label resid="Groep.Label"> on line \d+: no resource has that id\.$/)
    );
    expect(p).toContain("Resource 'Group.Label' is defined but never used.");
  });

  test("an http URL", () => {
    const p = problemsOf(
      MANIFEST.replace(
        'DefaultValue="https://localhost:3000/functions.json"',
        'DefaultValue="http://localhost:3000/functions.json"'
      )
    );
    expect(p).toEqual([
      expect.stringMatching(
        /^URL on line \d+ is not https: http:\/\/localhost:3000\/functions.json$/
      ),
    ]);
  });

  test("a duplicate id", () => {
    const p = problemsOf(MANIFEST.replace('id="UP.PaneButton"', 'id="UP.CheckButton"'));
    expect(p).toEqual([
      expect.stringMatching(/^Id 'UP.CheckButton' is used twice \(lines \d+ and \d+\)\.$/),
    ]);
  });

  test("more permissions than ReadWriteDocument", () => {
    const p = problemsOf(
      MANIFEST.replace("<Permissions>ReadWriteDocument<", "<Permissions>ReadWriteMailbox<")
    );
    expect(p).toEqual([
      "<Permissions> is 'ReadWriteMailbox': allowed are Restricted, ReadDocument, ReadAllDocument, WriteDocument, ReadWriteDocument (at most ReadWriteDocument).",
    ]);
  });

  test("functions changed without a new version; a bumped version passes; a lower one fails", () => {
    const changed = structuredClone(metadata) as Meta;
    changed.en.functions[0].description = "Something else";
    expect(validateManifest(AS_RELEASED, { metadata: changed, released: RELEASED })).toEqual([
      "The functions' metadata (functions.json) changed since version 1.0.0.0: raise <Version> in manifest.xml, then record it with: npm run validate -- --release",
    ]);
    const bumped = AS_RELEASED.replace("<Version>1.0.0.0</Version>", "<Version>1.0.1.0</Version>");
    expect(validateManifest(bumped, { metadata: changed, released: RELEASED })).toEqual([]);
    const older = { ...RELEASED, version: "1.1" };
    expect(validateManifest(AS_RELEASED, { metadata, released: older })).toEqual([
      "<Version> 1.0.0.0 is lower than the released 1.1.",
    ]);
  });
});

describe("the Dutch metadata is derived from the English and cannot drift", () => {
  test("every function and parameter has a Dutch name and description", () => {
    const { metadata: nl, problems } = translateFunctions(metadata.en);
    expect(problems).toEqual([]);
    const names = nl.functions.map((f: { name: string }) => f.name);
    expect(names).toEqual([
      "BIJDRAGE",
      "VERANDERING",
      "SLEUTEL",
      "TOTAAL",
      "FTE",
      "FORMATIEKOSTEN",
      "MATERIELEKOSTEN",
      "GEMEENTEN",
      "SLEUTELS",
      "VERDEEL",
      "CONTROLE",
      "AFREKENING",
    ]);
    // Ids, types and options are the English file's own.
    nl.functions.forEach((f: Record<string, unknown>, i: number) => {
      const en = metadata.en.functions[i];
      expect(f.id).toBe(en.id);
      expect(f.options).toEqual(en.options);
      expect(f.result).toEqual(en.result);
    });
  });

  test("a missing description, a missing translation or a stale one is a problem", () => {
    const en = structuredClone(metadata.en) as { functions: Record<string, any>[] };
    en.functions[0].parameters[1].description = "";
    en.functions[2].description = " ";
    en.functions.push({ id: "NEW", name: "NEW", description: "New.", parameters: [] });
    const { problems } = translateFunctions(en);
    expect(problems).toEqual([
      "Function CONTRIBUTION: parameter 'year' has no description (JSDoc @param).",
      "Function KEY has no description (JSDoc).",
      "Function NEW has no Dutch translation in scripts/functions-nl.js.",
    ]);
    const fewer = { functions: metadata.en.functions.filter((f) => f.id !== "CHECK") };
    expect(translateFunctions(fewer).problems).toEqual([
      "The Dutch table translates CHECK, which is not a function.",
    ]);
  });
});

describe("locales, as Microsoft's localization rules have them", () => {
  const problemsOf = (xml: string) => validateManifest(xml, { metadata, released: RELEASED });

  test("English by default, Dutch for nl-NL and nl-BE; no override of the default locale", () => {
    expect(/<DefaultLocale>([^<]*)</.exec(MANIFEST)?.[1]).toBe("en-US");
    expect(problemsOf(MANIFEST)).toEqual([]);
  });

  test("an override of the default locale is refused, as the old nl-NL manifest had it", () => {
    const old = MANIFEST.replace(
      "<DefaultLocale>en-US</DefaultLocale>",
      "<DefaultLocale>nl-NL</DefaultLocale>"
    );
    const p = problemsOf(old);
    expect(p).toContainEqual(
      expect.stringMatching(
        /^<Url id="Functions.Metadata.Url"> on line \d+ overrides the default locale nl-NL: its DefaultValue is that locale's; an override for it is not allowed\.$/
      )
    );
    expect(p.filter((x: string) => x.includes("overrides the default locale"))).toHaveLength(10);
  });

  test("a second override of one locale is refused", () => {
    const twice = MANIFEST.replace(
      '<Override Locale="nl-BE" Value="UP – Uitvoeringsplan"/>',
      '<Override Locale="nl-BE" Value="UP – Uitvoeringsplan"/>\n    <Override Locale="NL-be" Value="UP"/>'
    );
    expect(problemsOf(twice)).toContainEqual(
      expect.stringMatching(/^<DisplayName> overrides NL-be twice \(lines \d+ and \d+\)\.$/)
    );
  });
});
