// An ESLint rule of this repository: a relative import never leaves its package. Another package
// is reached through its index (@vanthu/name), where the layer rules of eslint.config.js see it;
// `../../core/src/...` from server went around them. Tests may still share another package's
// test fixtures (`../../extract/test/bomb-files.ts`), never its sources.
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

const PACKAGES = resolve(import.meta.dirname, "../../packages");

/** The package a path lies in ("server") and its first folder there ("src"), or null. */
function placeOf(path) {
  const rel = relative(PACKAGES, path);
  if (!rel || rel.startsWith("..") || isAbsolute(rel)) return null;
  const [name, part] = rel.split(sep);
  return { name, part };
}

export const ownPackage = {
  meta: {
    type: "problem",
    docs: { description: "A relative import stays inside its package." },
    schema: [],
    messages: {
      otherPackage:
        'The relative import "{{source}}" leaves packages/{{own}}: import @vanthu/{{other}} through its index.',
      outside:
        'The relative import "{{source}}" leaves packages/{{own}}: a package imports only its own files and other packages by name.',
    },
  },
  create(context) {
    const file = context.filename;
    const own = placeOf(file);
    if (!own) return {};
    const check = (node) => {
      const source = node?.type === "Literal" ? node.value : null;
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = placeOf(resolve(dirname(file), source));
      if (target?.name === own.name) return;
      // Outside src (tests, fixtures): another package's test files, not its sources.
      if (own.part !== "src" && (!target || target.part !== "src")) return;
      context.report({
        node,
        messageId: target ? "otherPackage" : "outside",
        data: { source, own: own.name, other: target?.name ?? "" },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal ?? node.source),
    };
  },
};

export default { rules: { "own-package": ownPackage } };
