/**
 * Makes PGlite's empty cluster for the installed PGlite (packages/db/src/pglite-template.ts), in
 * a process of its own so that initdb's memory is never the server's. Run by `npm install`
 * (`prepare`) and by `npm start` (`prestart`, with --if-stale: only when PGlite changed).
 *
 *   node --import tsx scripts/pglite-template.ts [--if-stale]
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { makeTemplate } from "../packages/db/src/pglite-template.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = performance.now();
const { path, made } = await makeTemplate({ ifStale: process.argv.includes("--if-stale") });
if (made)
  console.log(
    `pglite-template: ${relative(root, path)} in ${Math.round(performance.now() - started)} ms`,
  );
