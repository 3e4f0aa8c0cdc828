/**
 * Opening the database: PGlite (PostgreSQL in WebAssembly, embedded, data in a directory) by
 * default, PostgreSQL when a connection string is given. Both are reached through Kysely over a
 * node-postgres pool, so every query is the same on both.
 *
 * Inside a transaction, use only the transaction handle: PGlite's pool has one connection, and a
 * query on the outer handle waits for the transaction forever.
 *
 * A PostgreSQL connection can be lost at any time (restart, failover, pg_terminate_backend, a
 * network cut). node-postgres then emits 'error' on the client, idle or checked out, and an
 * 'error' nobody listens to ends the process: measured, one terminated backend killed its server.
 * So every client and the pool have a listener that only logs; the query that was running fails
 * on its own, the broken client is dropped on release, and the next checkout connects afresh.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { readTemplate, templatePath } from "./pglite-template.ts";
import { PGliteThread } from "./pglite-thread.ts";
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

/** Where lost connections are reported: pino's shape (Fastify's logger fits). */
export interface DatabaseLogger {
  warn(details: { err: Error }, message: string): void;
}

const consoleLogger: DatabaseLogger = {
  warn: (details, message) => console.warn(`${message}: ${details.err.message}`),
};

/**
 * How long a checkout may wait for a connection (a new one, or a free one from a busy pool): during
 * an outage a request fails after this instead of hanging, and the server answers 503.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * PGlite's shared buffers. PostgreSQL's default (128MB) is all resident from the start in PGlite
 * (its shared memory is the WebAssembly heap): 100 MiB more RSS, measured, for a cache the
 * operating system's page cache already gives (PGlite reads its files through Node's fs).
 */
export const PGLITE_SHARED_BUFFERS = "32MB";

export interface OpenOptions {
  /** postgres://... ; when absent, PGlite. */
  databaseUrl?: string;
  /** PGlite's data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Lost PostgreSQL connections are logged here (never fatal); console.warn by default. */
  logger?: DatabaseLogger;
  /** PostgreSQL's connection timeout, CONNECT_TIMEOUT_MS by default. */
  connectTimeoutMs?: number;
  /**
   * PGlite in a worker thread (pglite-thread.ts), off the caller's event loop: the default, unless
   * VANTHU_PGLITE_THREAD=0. False: in this thread.
   */
  thread?: boolean;
}

function listenForLostConnections(pool: pg.Pool, logger: DatabaseLogger): void {
  // An idle client's error reaches both its own listener and the pool's: log it once.
  const logged = new WeakSet<Error>();
  const log = (err: Error, message: string) => {
    if (logged.has(err)) return;
    logged.add(err);
    logger.warn({ err }, message);
  };
  pool.on("error", (err) => log(err, "database connection lost (idle)"));
  pool.on("connect", (client) => {
    client.on("error", (err) => log(err, "database connection lost"));
  });
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
      // A peer that vanished without closing (a dead host, a dropped route) is noticed by TCP
      // keepalive instead of a query waiting forever on a silent socket.
      keepAlive: true,
      // Admins find the service's connections in pg_stat_activity by this name.
      application_name: "vanthu",
    });
    listenForLostConnections(pool, options.logger ?? consoleLogger);
    // Fail now with a clear error rather than at the first request.
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // A new cluster comes from the template when there is one (pglite-template.ts: initdb in this
  // process more than doubled the first start's peak memory).
  const fresh = dataDir.startsWith("memory://") || !existsSync(join(dataDir, "PG_VERSION"));
  const startParams = [
    ...PGlite.defaultStartParams,
    "-c",
    `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
  ];
  if (options.thread ?? process.env.VANTHU_PGLITE_THREAD !== "0") {
    const template = templatePath();
    const thread = new PGliteThread({
      dataDir,
      startParams,
      templatePath: fresh && existsSync(template) ? template : null,
    });
    await thread.waitReady;
    return pgliteHandle(thread as unknown as PGlite, () => thread.close());
  }
  const template = fresh ? readTemplate() : null;
  const pglite = await PGlite.create(dataDir, {
    extensions: { unaccent },
    startParams,
    ...(template ? { loadDataDir: template } : {}),
  });
  return pgliteHandle(pglite, () => pglite.close());
}

function pgliteHandle(pglite: PGlite, close: () => Promise<void>): DatabaseHandle {
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      await close();
    },
  };
}
