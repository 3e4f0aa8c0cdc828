/**
 * Builds the vanthu command into packages/cli/dist, as JavaScript, so that `vanthu` starts
 * without compiling TypeScript: the command (main.js, and one chunk per command, loaded when that
 * command runs), the parse threads (parse-thread.js) and the reader worker (reader-worker.js),
 * each a separate entry because each starts from a file of its own. esbuild bundles the workspace's
 * sources; every npm package (PGlite and its wasm, pdfjs, mammoth, argon2's native module, ...)
 * stays outside the bundle, found by Node from node_modules as from the sources.
 *
 * Run by `npm install` / `npm ci` (`prepare`) and, with --if-stale, by `npm start`. bin/vanthu.js
 * runs the build only while it matches the sources (bin/build-state.js); after an edit it runs
 * the sources through tsx until the next build, so edited code never runs stale.
 *
 *   node --import tsx scripts/build-cli.ts [--if-stale] [--out DIR]
 */
import { readFile, stat } from "node:fs/promises";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Esbuild from "esbuild";
import type { Metafile, Plugin } from "esbuild";
import { buildState, MANIFEST, sha256 } from "../packages/cli/bin/build-state.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const packages = join(root, "packages");
const outArg = process.argv.indexOf("--out");
/**
 * Where the build goes; another directory (tests) must sit beside packages/cli/dist, as deep:
 * the sources' own paths are written relative to it.
 */
const dist = outArg >= 0 ? resolve(process.argv[outArg + 1] ?? "") : join(packages, "cli", "dist");
const posix = (path: string): string => path.split(sep).join("/");
/** "pdfjs-dist" of "pdfjs-dist/legacy/build/pdf.mjs", "@scope/name" of "@scope/name/sub". */
function packageName(path: string): string {
  const parts = path.split("/");
  return path.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/**
 * npm packages the server and the database need and `--version`, parse, lint, render and demo
 * must not load: each one costs start-up time (PGlite alone a few hundred ms).
 */
const SERVER_ONLY = ["@electric-sql/pglite", "fastify", "kysely", "pg", "@node-rs/argon2"];
const LIGHT_COMMANDS = [
  "main",
  "parse",
  "lint",
  "render",
  "demo",
  "verify",
  "edxml",
  "parse-thread",
];

if (process.argv.includes("--if-stale") && buildState(`${dist}${sep}`).fresh) process.exit(0);

let esbuild: typeof Esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.warn("build-cli: esbuild is not installed; vanthu runs from its TypeScript sources.");
  process.exit(0);
}

/**
 * npm packages bundled all the same: pure JavaScript, spread over many files whose loading cost
 * more than the work (zod: 60 files, 60–100 ms of the start of `vanthu parse`, which reads its
 * limits through the server's configuration schema).
 */
const BUNDLED = ["zod"];

/**
 * Workspace packages are bundled from their sources, and BUNDLED; any other bare import is left
 * to Node. In a
 * workspace source, `import.meta.url` becomes the URL of that source file (computed from the
 * bundle's own URL, so the build moves with the repository): the paths the sources find relative
 * to themselves (migrations, the demo world, the web build, examples) stay right.
 */
const workspace: Plugin = {
  name: "vanthu-workspace",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@vanthu/") || BUNDLED.includes(packageName(args.path))
        ? undefined
        : { external: true },
    );
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
      if (!args.path.startsWith(packages) || args.path.includes(`${sep}node_modules${sep}`))
        return undefined;
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const here = JSON.stringify(posix(relative(dist, args.path)));
      const ext = extname(args.path).replace(/^\.[cm]?/, "");
      return {
        contents: text.replace(/\bimport\.meta\.url\b/g, `new URL(${here}, import.meta.url).href`),
        loader: ext === "ts" || ext === "tsx" || ext === "jsx" ? ext : "js",
      };
    });
  },
};

const started = performance.now();
const startedAt = Date.now();
const out = `${dist}.tmp-${process.pid}`;
rmSync(out, { recursive: true, force: true });
// Whatever happens, no half-made build is left behind (after success `out` is the build).
process.on("exit", () => rmSync(out, { recursive: true, force: true }));
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: [
    { in: "packages/cli/src/main.ts", out: "main" },
    { in: "packages/cli/src/parse-thread.ts", out: "parse-thread" },
    { in: "packages/extract/src/reader-worker.ts", out: "reader-worker" },
    // edXML's task module for the reader (packages/edxml/src/isolated.ts names it).
    { in: "packages/edxml/src/reader-task.ts", out: "edxml-reader-task" },
  ],
  outdir: out,
  // Flat: every chunk sits where the sources' import.meta.url rewriting expects it.
  chunkNames: "[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.11",
  sourcemap: "linked",
  sourcesContent: false,
  metafile: true,
  logLevel: "warning",
  plugins: [workspace],
});

const metafile: Metafile = result.metafile;
const outputs = Object.entries(metafile.outputs);

/** Every npm package a built file imports must be found by Node from the build's directory. */
const external = new Set(
  outputs.flatMap(([, o]) =>
    o.imports.filter((i) => i.external && !i.path.startsWith("node:")).map((i) => i.path),
  ),
);
const missing = [...external].map(packageName).filter((name) => {
  for (let dir = dist; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules", name))) return false;
    if (dirname(dir) === dir) return true;
  }
});
if (missing.length) {
  console.error(`build-cli: not found from ${dist}: ${[...new Set(missing)].join(", ")}`);
  process.exit(1);
}

/** What a built file loads as soon as it is imported: its static imports, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of metafile.outputs[file]?.imports ?? [])
    if (i.kind === "import-statement") {
      if (i.external) seen.add(i.path);
      else staticClosure(i.path, seen);
    }
  return seen;
}
const commandOf = (entry: string | undefined): string | undefined =>
  /^packages\/cli\/src\/(?:commands\/)?([\w-]+)\.ts$/.exec(entry ?? "")?.[1];
const heavy: string[] = [];
for (const [file, o] of outputs) {
  const command = commandOf(o.entryPoint);
  if (!command || !LIGHT_COMMANDS.includes(command)) continue;
  const loads = [...staticClosure(file)].filter((p) => SERVER_ONLY.includes(packageName(p)));
  if (loads.length) heavy.push(`${command}: ${loads.join(", ")}`);
}
if (heavy.length) {
  console.error(
    `build-cli: commands that must start light would load the server:\n  ${heavy.join("\n  ")}`,
  );
  process.exit(1);
}

// The build's inputs, for bin/build-state.js: what esbuild read, and what decided how.
const bundledPackages = Object.keys(metafile.inputs)
  .map((p) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+\/)/.exec(p)?.[1])
  .filter((p): p is string => !!p)
  .map((p) => `${p}package.json`);
const inputs = [
  ...Object.keys(metafile.inputs).filter((p) => !p.includes("node_modules/")),
  ...bundledPackages,
  "package.json",
  "tsconfig.json",
  "scripts/build-cli.ts",
  ...["core", "contract", "extract", "render", "edxml", "db", "server", "cli"].map(
    (p) => `packages/${p}/package.json`,
  ),
];
const manifest: { inputs: Record<string, { size: number; mtimeMs: number; sha256: string }> } = {
  inputs: {},
};
for (const path of [...new Set(inputs)].sort()) {
  const file = join(root, path);
  const info = await stat(file);
  // Edited while the build ran: the bundle may hold the file as it was, so it never matches.
  const edited = info.mtimeMs >= startedAt;
  manifest.inputs[posix(relative(dist, file))] = {
    size: info.size,
    mtimeMs: edited ? -1 : info.mtimeMs,
    sha256: edited ? "edited during the build" : sha256(file),
  };
}
writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
// The new build replaces the old one; a command starting in between finds no build.json and
// runs from the sources.
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);
const files = outputs.filter(([f]) => f.endsWith(".js")).length;
console.log(
  `build-cli: ${relative(root, dist)}, ${files} files from ${Object.keys(manifest.inputs).length} inputs in ${Math.round(performance.now() - started)} ms`,
);
