/**
 * Import cycles inside each package, among the imports that run: `import type` and imports of
 * types alone are erased and cannot cycle at run time; `import()` runs later, so it is not
 * followed either. A cycle makes the order of evaluation decide whether a binding is there yet
 * (http/app.ts and the routes it registered, which imported requireActor back from it).
 *
 *   node --import tsx scripts/import-cycles.ts [packages/server ...]   (every package by default)
 *
 * Prints each cycle and exits 1 if there is one; packages/cli/test/layers.test.ts runs it too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Whether an import or export brings anything that exists at run time. */
function runs(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return false;
    const clause = node.exportClause;
    return !clause || !ts.isNamedExports(clause) || clause.elements.some((e) => !e.isTypeOnly);
  }
  const clause = node.importClause;
  if (!clause) return true; // import "./side-effect.ts"
  if (clause.isTypeOnly) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return true;
  // `import { type A } from` is erased under verbatimModuleSyntax only when it names nothing
  // else; `import {} from` still runs the module.
  return bindings.elements.length === 0 || bindings.elements.some((e) => !e.isTypeOnly);
}

/** The relative imports that run, of each file of a directory, resolved to files. */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const deps: string[] = [];
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const spec = statement.moduleSpecifier;
      if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith(".")) continue;
      if (!runs(statement)) continue;
      const target = resolve(dirname(file), spec.text);
      // Imports name their file (allowImportingTsExtensions); a folder's index, by habit.
      const found = [target, join(target, "index.ts")].find(
        (p) => existsSync(p) && statSync(p).isFile(),
      );
      if (found) deps.push(found);
    }
    graph.set(file, deps);
  }
  return graph;
}

/**
 * The cycles a depth-first walk meets (one per edge back to a file still open: none means there
 * is none), each as its files relative to `dir`, the first repeated last.
 */
export function findImportCycles(dir: string): string[][] {
  const graph = importGraph(dir);
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (!graph.has(dep)) continue;
      if (state.get(dep) === "open")
        cycles.push([...stack.slice(stack.indexOf(dep)), dep].map((f) => relative(dir, f)));
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** Every package's folder. */
export function packageDirs(): string[] {
  const packages = join(ROOT, "packages");
  return readdirSync(packages)
    .map((name) => join(packages, name))
    .filter((dir) => existsSync(join(dir, "src")));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs =
    process.argv.length > 2 ? process.argv.slice(2).map((d) => resolve(d)) : packageDirs();
  let found = 0;
  for (const dir of dirs) {
    for (const cycle of findImportCycles(join(dir, "src"))) {
      found++;
      console.log(`${relative(ROOT, dir)}: ${cycle.join(" -> ")}`);
    }
  }
  console.log(found ? `${found} import cycle(s)` : `no import cycle in ${dirs.length} package(s)`);
  process.exitCode = found ? 1 : 0;
}
