/**
 * A fresh, migrated database for one test file: PGlite in memory always; PostgreSQL when
 * TEST_DATABASE_URL is set (a new database created from it, dropped at the end).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DatabaseHandle, type DatabaseKind } from "./connect.ts";
import { migrate } from "./migrate.ts";

export interface TestDatabase extends DatabaseHandle {
  /** The connection string of the fresh PostgreSQL database (for other processes). */
  url: string | null;
}

/** The kinds to run integration tests on: PGlite always, PostgreSQL when configured. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface EmptyPostgresDatabase {
  /** Its connection string. */
  url: string;
  /** Drops it, connections and all. */
  drop(): Promise<void>;
}

/** A new, empty (not migrated) PostgreSQL database on the server TEST_DATABASE_URL names. */
export async function createEmptyPostgresDatabase(): Promise<EmptyPostgresDatabase> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `vanthu_test_${randomBytes(6).toString("hex")}`;
  const query = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    await migrate(handle.db);
    return { ...handle, url: null };
  }
  const empty = await createEmptyPostgresDatabase();
  const handle = await openDatabase({ databaseUrl: empty.url });
  await migrate(handle.db);
  return {
    ...handle,
    url: empty.url,
    close: async () => {
      await handle.close();
      await empty.drop();
    },
  };
}
