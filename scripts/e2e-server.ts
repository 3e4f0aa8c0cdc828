/**
 * The server the browser story runs against: `vanthu serve` with the demo world, on PGlite in a
 * fresh temporary directory, or (with --postgres) on a fresh PostgreSQL database made from
 * TEST_DATABASE_URL and dropped when the server stops.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTestDatabase } from "@vanthu/db";

const postgres = process.argv.includes("--postgres");
const dataDir = mkdtempSync(join(tmpdir(), "vanthu-e2e-"));
const database = postgres ? await openTestDatabase("postgres") : null;
// The server migrates on its own; only the empty database is needed here.
const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir, DEMO: "1" };
if (database) env.DATABASE_URL = database.url!;
else delete env.DATABASE_URL;

const child = spawn(process.execPath, ["packages/cli/bin/vanthu.js", "serve"], {
  env,
  stdio: "inherit",
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
child.on("exit", (code) => {
  if (!stopping) process.exit(code ?? 1);
});
