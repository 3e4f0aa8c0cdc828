/**
 * The app's context on a PostgreSQL server nobody listens on (a closed loopback port: every query
 * fails at once with ECONNREFUSED), for what the app does without its database, or before it
 * asks it. A fresh data directory; `close` ends the pool and removes the directory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "@vanthu/db";
import { ReaderPool } from "@vanthu/extract";
import { loadConfig, type AppContext } from "@vanthu/server";
import { FileStore } from "../src/files/file-store.ts";

export function unreachableDatabase(
  port: number,
  env: Record<string, string> = {},
): { ctx: AppContext; close(): Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), "vanthu-unreachable-"));
  const pool = new pg.Pool({ host: "127.0.0.1", port, connectionTimeoutMillis: 2_000 });
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  return {
    ctx: {
      db,
      dbKind: "postgres",
      config,
      files: new FileStore(join(dataDir, "files")),
      now: () => new Date(),
      sessionSecret: "0123456789abcdef0123456789abcdef",
      reader: new ReaderPool(config.reader),
    },
    close: async () => {
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
