/**
 * Forward-only migrations: the .sql files of `migrations/`, in the order of their names, each in
 * its own transaction with its record in `schema_migrations`. Several server processes may start
 * at once: an advisory lock lets one run them while the others wait.
 */
import { readdirSync, readFileSync } from "node:fs";
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.ts";

const MIGRATIONS = new URL("./migrations/", import.meta.url);
/** An arbitrary constant naming vanthu's migration lock. */
const LOCK = 7_130_522;

export function listMigrations(): Array<{ name: string; sql: string }> {
  return readdirSync(MIGRATIONS)
    .filter((n) => /^\d{14}_[a-z0-9-]+\.sql$/.test(n))
    .sort()
    .map((name) => ({ name, sql: readFileSync(new URL(name, MIGRATIONS), "utf8") }));
}

/** Applies the migrations not yet applied; returns their names. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    const done = new Set(
      (await trx.selectFrom("schema_migrations").select("name").execute()).map((r) => r.name),
    );
    for (const m of listMigrations()) {
      if (done.has(m.name)) continue;
      await sql.raw(m.sql).execute(trx);
      await trx.insertInto("schema_migrations").values({ name: m.name }).execute();
      applied.push(m.name);
    }
  });
  return applied;
}
