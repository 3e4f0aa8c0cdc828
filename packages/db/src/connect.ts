/**
 * Opening the database: PGlite (PostgreSQL in WebAssembly, embedded, data in a directory) by
 * default, PostgreSQL when a connection string is given. Both are reached through Kysely over a
 * node-postgres pool, so every query is the same on both.
 *
 * Inside a transaction, use only the transaction handle: PGlite's pool has one connection, and a
 * query on the outer handle waits for the transaction forever.
 */
import { mkdirSync } from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import type { Database } from "./schema.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

// Dates (SQL date) stay strings "YYYY-MM-DD": no time zone ever shifts a document's day.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint counts fit in a number here (file sizes, ids of audit events).
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface OpenOptions {
  /** postgres://... ; when absent, PGlite. */
  databaseUrl?: string;
  /** PGlite's data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    // Fail now with a clear error rather than at the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { unaccent } });
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
