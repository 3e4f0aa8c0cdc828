/**
 * A database whose schema is as it was just before one migration, for the tests of what that
 * migration does to the rows already there (an empty PGlite, or a fresh PostgreSQL database).
 */
import { sql } from "kysely";
import {
  createEmptyPostgresDatabase,
  listMigrations,
  openDatabase,
  type DatabaseKind,
} from "@vanthu/db";

export async function databaseBefore(kind: DatabaseKind, migration: string) {
  const h =
    kind === "pglite"
      ? { ...(await openDatabase({ dataDir: "memory://" })), drop: async () => {} }
      : await (async () => {
          const empty = await createEmptyPostgresDatabase();
          return { ...(await openDatabase({ databaseUrl: empty.url })), drop: empty.drop };
        })();
  await sql`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    h.db,
  );
  for (const m of listMigrations().filter((m) => m.name < migration)) {
    await sql.raw(m.sql).execute(h.db);
    await sql`INSERT INTO schema_migrations (name) VALUES (${m.name})`.execute(h.db);
  }
  return h;
}
