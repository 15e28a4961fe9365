import { runInNewContext } from "node:vm";
const loader = require("../../scripts/es2021-loader.js");

/** The loader as webpack calls it, with `this` the loader context. */
function load(source: string): { output: string; errors: Error[] } {
  const errors: Error[] = [];
  const output = loader.call(
    { resourcePath: "dep.js", emitError: (e: Error) => errors.push(e) },
    source
  );
  return { output, errors };
}

describe("scripts/es2021-loader.js: dependencies down to what Safari 14 parses", () => {
  test("a module that parses as ES2021 passes untouched", () => {
    const source = "export const f = (a) => a?.b ?? 1; let x = 1; x ||= 2;";
    expect(load(source).output).toBe(source);
  });

  test("class fields, static blocks and private members become ES2021 that behaves the same", () => {
    const source = [
      "class Counter {",
      "  static created = 0;",
      "  static { Counter.created = 10; }",
      "  #count = 1;",
      "  label = 'n';",
      "  #bump() { this.#count++; }",
      "  next() { this.#bump(); Counter.created++; return `${this.label}${this.#count}`; }",
      "}",
      "result = [new Counter().next(), new Counter().next(), Counter.created];",
    ].join("\n");
    expect(loader.parses(source, "script")).toBe(false);
    const { output, errors } = load(source);
    expect(errors).toEqual([]);
    expect(loader.parses(output, "script")).toBe(true);
    const original: { result?: unknown } = {};
    runInNewContext(source, original);
    const transpiled: { result?: unknown } = {};
    runInNewContext(output, transpiled);
    expect(transpiled.result).toEqual(["n2", "n2", 12]);
    expect(transpiled.result).toEqual(original.result);
  });

  test("ES modules keep their imports and exports", () => {
    const { output } = load("import a from 'a';\nexport class B { static { this.c = a; } }");
    expect(output).toMatch(/import a from 'a'/);
    expect(output).toMatch(/export class B/);
    expect(loader.parses(output, "module")).toBe(true);
  });
});
