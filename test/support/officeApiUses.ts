import { dirname, join, relative } from "node:path";
import ts from "typescript";

/*
 * Every member of Office.js (the globals Office, Excel, OfficeRuntime, CustomFunctions) that
 * the shipped code uses, with the requirement set Microsoft's typings (@types/office-js) give
 * it: `[Api set: ExcelApi 1.18]`, or for the common API `**Requirement set**: … | SharedRuntime 1.1`.
 * The program is what webpack ships: tsconfig.shipped.json, from runtime.ts through every import.
 */

const ROOT = join(__dirname, "..", "..");

export interface ApiUse {
  /** Fully qualified, e.g. `Excel.Range.select`. */
  api: string;
  /** The requirement sets its documentation names, e.g. ["ExcelApi 1.18"]; [] when none. */
  sets: string[];
  /** Where it is used, `src/excel/write/select.ts:17`. */
  at: string;
}

const TYPINGS =
  /[\\/]node_modules[\\/]@types[\\/](office-js|office-runtime|custom-functions-runtime)[\\/]/;

/** The sets a declaration's comment names. */
function setsOf(decl: ts.Declaration): string[] {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  const comment = ranges.map((r) => text.slice(r.pos, r.end)).join("\n");
  const sets = new Set<string>();
  for (const m of comment.matchAll(/\[\s*Api set:\s*([^\]]+)\]/g)) {
    // "ExcelApi 1.1 for reading visibility; 1.2 for setting it." — the first set is the floor.
    const first = /^([A-Za-z]+ \d+\.\d+)/.exec(m[1].trim());
    if (first) sets.add(first[1]);
  }
  const req = /\*\*Requirement sets?\*\*:([\s\S]*?)(?:\n\s*\*\s*\n\s*\*\s*[A-Z*]|\*\/)/.exec(
    comment
  );
  if (req) {
    for (const m of req[1].matchAll(/\{@link [^|}]+\|\s*([^}]+)\}/g)) sets.add(m[1].trim());
  }
  return [...sets];
}

function declarationOf(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol;
}

export function officeApiUses(): ApiUse[] {
  const configFile = join(ROOT, "tsconfig.shipped.json");
  const config = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configFile));
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(join(ROOT, "src"))) continue;
    const visit = (node: ts.Node): void => {
      const name = ts.isPropertyAccessExpression(node)
        ? node.name
        : ts.isQualifiedName(node)
          ? node.right
          : ts.isIdentifier(node) &&
              ts.isCallExpression(node.parent) &&
              node.parent.expression === node
            ? node
            : undefined;
      if (name) {
        const symbol = declarationOf(checker, name);
        const decls = symbol?.declarations?.filter((d) => TYPINGS.test(d.getSourceFile().fileName));
        // Members of anonymous types (a callback's `info` argument) are named by what they belong to.
        const anonymous = symbol ? checker.getFullyQualifiedName(symbol).startsWith("__") : false;
        if (symbol && decls && decls.length > 0 && !anonymous) {
          const sets = new Set<string>();
          for (const d of decls) {
            setsOf(d).forEach((s) => sets.add(s));
            // An enum member carries its enum's set.
            if (ts.isEnumMember(d)) setsOf(d.parent).forEach((s) => sets.add(s));
          }
          const { line } = file.getLineAndCharacterOfPosition(name.getStart());
          uses.push({
            api: checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, ""),
            sets: [...sets].sort(),
            at: `${relative(ROOT, file.fileName)}:${line + 1}`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}
