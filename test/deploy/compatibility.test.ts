/*
 * The versioning rule: functions.json changes only compatibly with the release committed in
 * metadata/functions.released.json, and every change of it needs a higher manifest version.
 * The breaking changes below are built by hand from the released metadata; the expected
 * messages name what the released 1.0.0.0 had (CONTRIBUTION: municipality, year, source).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const {
  breakingChanges,
  validateManifest,
  currentMetadata,
} = require("../../scripts/validate-manifest.js");

type Param = { name: string; type?: string; optional?: boolean; dimensionality?: string };
type Fn = { id: string; name: string; description?: string; parameters: Param[]; result?: object };
type Metadata = { en: { functions: Fn[] }; nl: { functions: Fn[] } };

const ROOT = join(__dirname, "..", "..");
const RELEASED = JSON.parse(
  readFileSync(join(ROOT, "metadata", "functions.released.json"), "utf8")
);
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const SINCE = "since the released 1.0.0.0";
/** The manifest as it was at the release: what the version checks start from. */
const AS_RELEASED = MANIFEST.replace(
  /<Version>[^<]*<\/Version>/,
  `<Version>${RELEASED.version}</Version>`
);

/** The released metadata, to change by hand. */
function released(): Metadata {
  return { en: structuredClone(RELEASED.functions), nl: structuredClone(RELEASED.functionsNl) };
}
const fn = (m: Metadata, id: string, lang: "en" | "nl" = "en") =>
  m[lang].functions.find((f) => f.id === id)!;

test("the released copy is version 1.0.0.0 with the 11 functions, in English and Dutch", () => {
  expect(RELEASED.version).toBe("1.0.0.0");
  expect(RELEASED.functions.functions.map((f: Fn) => f.id)).toEqual([
    "CONTRIBUTION",
    "CHANGE",
    "KEY",
    "TOTAL",
    "FTE",
    "STAFFCOST",
    "MATERIALCOST",
    "MUNICIPALITIES",
    "KEYS",
    "ALLOCATE",
    "CHECK",
  ]);
  expect(RELEASED.functionsNl.functions[0].name).toBe("BIJDRAGE");
});

test("the metadata the source generates now is compatible with the release", async () => {
  const now = await currentMetadata();
  expect(breakingChanges(RELEASED, now)).toEqual([]);
});

describe("each breaking change is caught", () => {
  test("a removed parameter", () => {
    const m = released();
    fn(m, "CONTRIBUTION").parameters.pop();
    expect(breakingChanges(RELEASED, m)).toEqual([
      `UP.CONTRIBUTION: its 3rd parameter 'source' was removed ${SINCE}: (municipality, year, source) is now (municipality, year).`,
    ]);
  });

  test("reordered parameters", () => {
    const m = released();
    const p = fn(m, "CHANGE").parameters;
    [p[1], p[2]] = [p[2], p[1]];
    expect(breakingChanges(RELEASED, m)).toEqual([
      `UP.CHANGE: its parameters were reordered ${SINCE}: (municipality, year1, year2, part, source) is now (municipality, year2, year1, part, source).`,
    ]);
  });

  test("a parameter inserted before the released ones, even an optional one", () => {
    const m = released();
    fn(m, "KEY").parameters.splice(0, 0, { name: "plan", type: "any", optional: true });
    expect(breakingChanges(RELEASED, m)).toEqual([
      `UP.KEY: a parameter was inserted before the released ones ${SINCE}: (municipality, year) is now (plan, municipality, year); add new parameters at the end.`,
    ]);
  });

  test("a renamed parameter, in English or in Dutch", () => {
    const m = released();
    fn(m, "TOTAL").parameters[1].name = "component";
    fn(m, "FTE", "nl").parameters[1].name = "rol";
    expect(breakingChanges(RELEASED, m)).toEqual([
      `UP.TOTAL: its 2nd parameter 'part' was renamed 'component' ${SINCE}.`,
      `UP.FTE: the Dutch name of parameter 'role' changed ${SINCE}: 'functie' is now 'rol'.`,
    ]);
  });

  test("a removed function, and a changed id (which is the same)", () => {
    const m = released();
    m.en.functions = m.en.functions.filter((f) => f.id !== "CHECK");
    fn(m, "FTE").id = "STAFF";
    const removed = (id: string) =>
      `UP.${id} was removed ${SINCE} (workbooks store formulas by id: a changed id is a removal).`;
    expect(breakingChanges(RELEASED, m)).toEqual([removed("FTE"), removed("CHECK")]);
  });

  test("reordered functions", () => {
    const m = released();
    const f = m.en.functions;
    [f[0], f[1]] = [f[1], f[0]];
    expect(breakingChanges(RELEASED, m)).toEqual([
      `The functions were reordered ${SINCE}: (CONTRIBUTION, CHANGE, KEY, TOTAL, FTE, STAFFCOST, MATERIALCOST, MUNICIPALITIES, KEYS, ALLOCATE, CHECK) is now (CHANGE, CONTRIBUTION, KEY, TOTAL, FTE, STAFFCOST, MATERIALCOST, MUNICIPALITIES, KEYS, ALLOCATE, CHECK).`,
    ]);
  });

  test("a renamed function, in English or in Dutch", () => {
    const m = released();
    fn(m, "KEY").name = "SHARE";
    fn(m, "TOTAL", "nl").name = "SOM";
    expect(breakingChanges(RELEASED, m)).toEqual([
      `UP.KEY was renamed ${SINCE}: 'KEY' is now 'SHARE'.`,
      `UP.TOTAL's Dutch name changed ${SINCE}: 'TOTAAL' is now 'SOM'.`,
    ]);
  });

  test("a parameter's shape, an optional parameter made required, a new required parameter, a result's shape", () => {
    const m = released();
    fn(m, "ALLOCATE").parameters[1].dimensionality = "scalar";
    fn(m, "KEY").parameters[1].optional = false;
    fn(m, "CONTRIBUTION").parameters.push({ name: "round", type: "boolean" });
    fn(m, "MUNICIPALITIES").result = { type: "string" };
    expect(breakingChanges(RELEASED, m)).toEqual([
      `UP.CONTRIBUTION: the new parameter 'round' is required: formulas written for 1.0.0.0 lack it. Make it optional.`,
      `UP.KEY: parameter 'year' became required ${SINCE}.`,
      `UP.MUNICIPALITIES's result dimensionality changed ${SINCE}: matrix is now scalar.`,
      `UP.ALLOCATE: parameter 'keys' changed its dimensionality ${SINCE}: matrix is now scalar.`,
    ]);
  });

  test("a breaking change fails the manifest check even with a higher version", () => {
    const m = released();
    fn(m, "CONTRIBUTION").parameters.pop();
    const bumped = AS_RELEASED.replace("<Version>1.0.0.0</Version>", "<Version>1.1.0.0</Version>");
    expect(bumped).not.toBe(AS_RELEASED);
    expect(validateManifest(bumped, { metadata: m, released: RELEASED })).toEqual([
      `UP.CONTRIBUTION: its 3rd parameter 'source' was removed ${SINCE}: (municipality, year, source) is now (municipality, year).`,
    ]);
  });
});

describe("compatible changes pass, with a higher version", () => {
  function extended(): Metadata {
    const m = released();
    fn(m, "CONTRIBUTION").parameters.push({ name: "round", type: "boolean", optional: true });
    fn(m, "CONTRIBUTION", "nl").parameters.push({
      name: "afronden",
      type: "boolean",
      optional: true,
    });
    fn(m, "KEY").description = "A clearer description.";
    const added = { id: "SHARE", name: "SHARE", parameters: [], result: { type: "number" } };
    m.en.functions.push(added);
    m.nl.functions.push({ ...added, name: "AANDEEL" });
    return m;
  }

  test("a new optional parameter at the end, a new function, a new description", () => {
    expect(breakingChanges(RELEASED, extended())).toEqual([]);
  });

  test("the same version is refused; a higher one passes", () => {
    const m = extended();
    expect(validateManifest(AS_RELEASED, { metadata: m, released: RELEASED })).toEqual([
      "The functions' metadata (functions.json) changed since version 1.0.0.0: raise <Version> in manifest.xml, then record it with: npm run validate -- --release",
    ]);
    const bumped = AS_RELEASED.replace("<Version>1.0.0.0</Version>", "<Version>1.1.0.0</Version>");
    expect(validateManifest(bumped, { metadata: m, released: RELEASED })).toEqual([]);
  });
});
