/**
 * PGlite's empty cluster, made once and kept: a fresh data directory is loaded from it instead
 * of running initdb in the server's process.
 *
 * Measured (bench/pglite-start.ts, 2 shared cores, node 20): a first `vanthu serve` with the demo
 * world peaked at about 900 MiB of RSS, nearly all of it in `PGlite.create` on an empty
 * directory: PGlite starts a second PostgreSQL instance to run initdb, the cluster is written to
 * that instance's in-memory file system, dumped to a tarball and unpacked into the first instance's
 * directory (several copies of its 42 MB at once), with both instances' WebAssembly heaps and code
 * alive. Loading the same cluster from a gzipped tarball (4.5 MB) needs one instance and one copy.
 *
 * The tarball is made by `scripts/pglite-template.ts` (run by `npm install` and, when stale, by
 * `npm start`) in a process of its own, one per PGlite version (the cluster's format is that of
 * the PostgreSQL inside it). Without it (not made yet, or made by another PGlite) the directory is
 * initialised as before: slower and heavier, never wrong.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

/** Where templates are kept (ignored by git: `dist/`). */
export const TEMPLATE_DIR = fileURLToPath(new URL("../dist/", import.meta.url));

/** The installed PGlite's version: a template is valid for it alone. */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve("@electric-sql/pglite");
  // .../node_modules/@electric-sql/pglite/dist/index.cjs -> the package's package.json
  const pkg = join(main, "..", "..", "package.json");
  return (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
}

export function templatePath(version = pgliteVersion()): string {
  return join(TEMPLATE_DIR, `pglite-${version}-pgdata.tar.gz`);
}

/** The template for the installed PGlite, or null when it has not been made. */
export function readTemplate(): Blob | null {
  const path = templatePath();
  if (!existsSync(path)) return null;
  return new Blob([readFileSync(path)], { type: "application/x-gzip" });
}

/**
 * Makes the template for the installed PGlite (initdb in this process: run it in a process of
 * its own), replacing templates of other versions. Returns its path and whether it was made.
 */
export async function makeTemplate(options: { ifStale?: boolean } = {}): Promise<{
  path: string;
  made: boolean;
}> {
  const path = templatePath();
  if (options.ifStale && existsSync(path)) return { path, made: false };
  const pglite = await PGlite.create("memory://");
  let tarball: Blob;
  try {
    tarball = await pglite.dumpDataDir("gzip");
  } finally {
    await pglite.close();
  }
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, Buffer.from(await tarball.arrayBuffer()));
  renameSync(tmp, path);
  for (const name of readdirSync(TEMPLATE_DIR))
    if (/^pglite-.*-pgdata\.tar\.gz$/.test(name) && join(TEMPLATE_DIR, name) !== path)
      rmSync(join(TEMPLATE_DIR, name), { force: true });
  return { path, made: true };
}
