/**
 * The layer rules catch what they are for (eslint.config.js, run on small sources that are not on
 * disk, under the paths they would have), and no package has an import cycle.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { findImportCycles, packageDirs } from "../../../scripts/import-cycles.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The import rules that fire on `code` as the file `path`: "rule: message". */
async function importProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages
    .filter((m) => /restricted-imports|own-package/.test(m.ruleId ?? ""))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const caught = async (path: string, code: string, rule: RegExp) => {
  const problems = await importProblems(path, code);
  assert.equal(problems.length, 1, `${path}: ${code}\n${problems.join("\n")}`);
  assert.match(problems[0]!, rule, `${path}: ${code}`);
};
const passes = async (path: string, code: string) =>
  assert.deepEqual(await importProblems(path, code), [], `${path}: ${code}`);

test("a relative import that leaves its package is an error", async () => {
  const rule = /^vanthu\/own-package: .*leaves packages\/server: import @vanthu\/core/;
  await caught(
    "packages/server/src/x.ts",
    'import { foldKey } from "../../core/src/index.ts";',
    rule,
  );
  await caught(
    "packages/server/src/http/x.ts",
    'export * from "../../../core/src/index.ts";',
    rule,
  );
  await caught(
    "packages/server/src/x.ts",
    'export const load = () => import("../../core/src/index.ts");',
    rule,
  );
  // A type import is no way around it.
  await caught(
    "packages/server/src/x.ts",
    'import type { ParsedDocument } from "../../core/src/index.ts";',
    rule,
  );
  await caught(
    "packages/core/src/x.ts",
    'import { x } from "../../../scripts/import-cycles.ts";',
    /leaves packages\/core: a package imports only its own files/,
  );
  // A test reaches another package through its index too; its test fixtures it may share.
  await caught(
    "packages/server/test/x.test.ts",
    'import { readImportFile } from "../../server/src/index.ts"; import { fail } from "../../db/src/x.ts";',
    /leaves packages\/server: import @vanthu\/db/,
  );
  await passes(
    "packages/server/test/x.test.ts",
    'import { manyPagePdf } from "../../extract/test/bomb-files.ts";',
  );
  // Inside the package, however far up.
  await passes("packages/server/src/http/x.ts", 'import { fail } from "../errors.ts";');
  await passes("packages/server/src/a/b/x.ts", 'import { fail } from "../../errors.ts";');
});

test("web runs core only, and takes only types from the server", async () => {
  const web = "packages/web/src/pages/X.tsx";
  await passes(web, 'import { foldKey } from "@vanthu/core";');
  await passes(web, 'import type { ErrorCode } from "@vanthu/server";');
  await passes(web, 'import { type ErrorCode } from "@vanthu/server";');
  await passes(web, 'import { api } from "../api.ts";');
  await caught(web, 'import { ERRORS } from "@vanthu/server";', /only types from the server/);
  for (const pkg of ["db", "extract", "render", "signatures", "edxml", "cli"]) {
    await caught(web, `import { x } from "@vanthu/${pkg}";`, /web runs core only/);
    await caught(web, `import type { X } from "@vanthu/${pkg}";`, /web runs core only/);
  }
  await caught(web, 'import { x } from "@vanthu/core/src/x.ts";', /through its index/);
  await caught(
    web,
    'import type { ErrorCode } from "../../../server/src/error-codes.ts";',
    /vanthu\/own-package: .*leaves packages\/web: import @vanthu\/server/,
  );
});

test("the packages below keep their rules, type imports included", async () => {
  await caught(
    "packages/core/src/x.ts",
    'import type { Database } from "@vanthu/db";',
    /core depends on no other package/,
  );
  await caught(
    "packages/extract/src/x.ts",
    'import { fail } from "@vanthu/server";',
    /extract sits below/,
  );
  await caught(
    "packages/signatures/src/sign/x.ts",
    'import { x } from "@vanthu/server";',
    /signatures sits below/,
  );
  await passes("packages/signatures/src/sign/x.ts", 'import { PdfFile } from "@vanthu/extract";');
  await caught(
    "packages/extract/src/x.ts",
    'import { verifyPdf } from "@vanthu/signatures";',
    /extract sits below/,
  );
  await passes("packages/signatures/src/verify/x.ts", 'import { latin1 } from "@vanthu/extract";');
  await caught(
    "packages/signatures/src/verify/x.ts",
    'import { x } from "@vanthu/server";',
    /signatures sits below/,
  );
  await passes("packages/cli/src/commands/x.ts", 'import { verifyPdf } from "@vanthu/signatures";');
  // edXML (issue 17) uses core, extract and signatures; server and cli use it.
  await passes("packages/edxml/src/x.ts", 'import { readZipDirectory } from "@vanthu/extract";');
  await passes("packages/edxml/src/x.ts", 'import { foldKey } from "@vanthu/core";');
  await caught(
    "packages/edxml/src/x.ts",
    'import { x } from "@vanthu/server";',
    /edxml sits below server and cli/,
  );
  await caught(
    "packages/signatures/src/x.ts",
    'import { readEdxml } from "@vanthu/edxml";',
    /signatures sits below/,
  );
  await caught(
    "packages/extract/src/x.ts",
    'import { x } from "@vanthu/edxml";',
    /extract sits below/,
  );
  await passes("packages/cli/src/commands/x.ts", 'import { readEdxml } from "@vanthu/edxml";');
  await passes("packages/server/src/x.ts", 'import { readEdxml } from "@vanthu/edxml";');
  await caught("packages/server/src/x.ts", 'import { x } from "@vanthu/cli";', /server sits below/);
  await passes("packages/server/src/x.ts", 'import { foldKey } from "@vanthu/core";');
});

test("no package has an import cycle", () => {
  const cycles = packageDirs().flatMap((dir) =>
    findImportCycles(join(dir, "src")).map((c) => `${relative(ROOT, dir)}: ${c.join(" -> ")}`),
  );
  assert.ok(packageDirs().length >= 7);
  assert.deepEqual(cycles, []);
});

test("the cycle check finds a cycle of imports that run, not one of types", () => {
  const dir = mkdtempSync(join(tmpdir(), "vanthu-cycles-"));
  try {
    writeFileSync(join(dir, "app.ts"), 'import { a } from "./routes.ts";\nexport const b = a;\n');
    writeFileSync(join(dir, "routes.ts"), 'import { b } from "./app.ts";\nexport const a = 1;\n');
    writeFileSync(
      join(dir, "model.ts"),
      'import type { V } from "./view.ts";\nexport type M = V;\n',
    );
    writeFileSync(
      join(dir, "view.ts"),
      'import { type M } from "./model.ts";\nexport type V = M;\nexport { type M as N } from "./model.ts";\n',
    );
    assert.deepEqual(findImportCycles(dir), [["app.ts", "routes.ts", "app.ts"]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
