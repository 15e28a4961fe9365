import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import { resolve } from "node:path";
import * as UP from "../../src/functions/functions";
import { ExcelError, installCustomFunctions } from "./support";

/*
 * The UP.* functions in HyperFormula, registered the way Excel registers them: from the
 * functions.json that the build generates from src/functions/functions.ts (ids, parameters,
 * optional and range arguments, streaming) and the associate list (id → exported function).
 */

interface ParamMeta {
  name: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  parameters: ParamMeta[];
  options?: { stream?: boolean };
  result?: { dimensionality?: string };
}

type Impl = (...args: unknown[]) => unknown;

/** Excel's values for ours: ranges as 2-D arrays with null for empty cells. */
function toExcel(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) {
    return value.rawData().map((row) => row.map((v) => (v === EmptyValue ? null : v)));
  }
  return value === EmptyValue ? null : value;
}

function toHyperFormula(result: unknown): unknown {
  if (result instanceof ExcelError) {
    const type = result.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE;
    return new CellError(type, result.message);
  }
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as (string | number)[][]);
  return result;
}

/** Calls a function as Excel would: streaming ones get an invocation and answer through it. */
function invoke(fn: Impl, meta: FunctionMeta, args: unknown[]): unknown {
  const padded = meta.parameters.map((_, i) => args[i]);
  try {
    if (!meta.options?.stream) return fn(...padded);
    const results: unknown[] = [];
    fn(...padded, { setResult: (v: unknown) => results.push(v) });
    if (results.length === 0) return new ExcelError("#N/A", "no answer yet");
    return results[results.length - 1];
  } catch (e) {
    if (e instanceof ExcelError) return e;
    throw e;
  }
}

export interface Registered {
  metadata: FunctionMeta[];
  names: string[];
}

/** Generates the metadata from the JSDoc and registers every function with HyperFormula. */
export async function registerUpFunctions(): Promise<Registered> {
  installCustomFunctions();
  // HyperFormula evaluates synchronously; in Excel UP.SETTLEMENT's and UP.CHECK's first calls wait for their code.
  await UP.loadOnFirstCallCode();
  const input = resolve(__dirname, "../../src/functions/functions.ts");
  const generated = await generateCustomFunctionsMetadata([input], true);
  if (generated.errors.length > 0) throw new Error(generated.errors.join("\n"));
  const metadata: FunctionMeta[] = JSON.parse(generated.metadataJson).functions;
  const exported = UP as unknown as Record<string, Impl>;
  const byId = new Map(generated.associate.map((a) => [a.id, exported[a.functionName]]));

  const implemented: ImplementedFunctions = {};
  const methods: Record<string, unknown> = {};
  for (const meta of metadata) {
    const fn = byId.get(meta.id);
    if (!fn) throw new Error(`No exported function for ${meta.id}`);
    const hfName = `UP.${meta.name}`;
    const method = `up_${meta.id}`;
    implemented[hfName] = {
      method,
      parameters: meta.parameters.map((p) => ({
        argumentType:
          p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY,
        optionalArg: p.optional === true,
      })),
      ...(meta.result?.dimensionality === "matrix"
        ? { sizeOfResultArrayMethod: `${method}_size` }
        : {}),
    };
    methods[method] = function (this: FunctionPlugin, ast: never, state: never) {
      return this.runFunction(
        (ast as { args: never[] }).args,
        state,
        this.metadata(hfName),
        (...args: unknown[]) =>
          toHyperFormula(invoke(fn, meta, args.map(toExcel))) as ReturnType<
            FunctionPlugin["evaluateAst"]
          >
      );
    };
    // A spilled result's size must be known before evaluation: a range argument gives it
    // (one key per row of the components; one amount per key), otherwise the answer itself.
    methods[`${method}_size`] = function (this: FunctionPlugin, ast: never, state: never) {
      const args = (ast as { args: never[] }).args;
      const rangeAt = meta.parameters.findIndex((p) => p.dimensionality === "matrix");
      if (rangeAt >= 0 && args[rangeAt] !== undefined) {
        const size = this.arraySizeForAst(args[rangeAt], state);
        // A fresh size: the argument's own is marked as a reference, which does not spill.
        return new ArraySize(meta.id === "KEYS" ? 1 : size.width, size.height);
      }
      const answer = invoke(fn, meta, []);
      return Array.isArray(answer)
        ? new ArraySize(answer[0]?.length ?? 1, answer.length)
        : ArraySize.scalar();
    };
  }

  class UpPlugin extends FunctionPlugin {
    static implementedFunctions = implemented;
  }
  Object.assign(UpPlugin.prototype, methods);

  const names = Object.keys(implemented);
  const translation = Object.fromEntries(names.map((n) => [n, n]));
  HyperFormula.registerFunctionPlugin(UpPlugin, { enGB: translation });
  return { metadata, names };
}
