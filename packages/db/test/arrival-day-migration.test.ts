/**
 * The arrival-day migration on a database that already holds register entries: an incoming entry
 * arrived on the day it was registered, in Vietnam (not the UTC day); an outgoing one has none.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { listMigrations, migrate, openDatabase, testDatabaseKinds } from "@vanthu/db";

const MIGRATION = "20261202160000_arrival-day.sql";

async function rawDatabase(kind: "pglite" | "postgres") {
  if (kind === "pglite")
    return { ...(await openDatabase({ dataDir: "memory://" })), drop: async () => {} };
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `vanthu_test_${randomBytes(6).toString("hex")}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...handle,
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

for (const kind of testDatabaseKinds()) {
  test(`${kind}: entries registered before the arrival day have the day they were registered, in Vietnam`, async () => {
    const h = await rawDatabase(kind);
    try {
      await sql`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
        h.db,
      );
      for (const m of listMigrations().filter((m) => m.name < MIGRATION)) {
        await sql.raw(m.sql).execute(h.db);
        await sql`INSERT INTO schema_migrations (name) VALUES (${m.name})`.execute(h.db);
      }
      const agency = (
        await sql<{ id: string }>`INSERT INTO agencies (code, name, abbreviation, kind)
          VALUES ('baolangson', 'Báo Lạng Sơn', 'BLS', 'press') RETURNING id`.execute(h.db)
      ).rows[0]!.id;
      const entry = async (book: string, number: number, at: string) => {
        const doc = (
          await sql<{ id: string }>`INSERT INTO documents (agency_id, direction, status, content)
            VALUES (${agency}, ${book}, 'registered', '{}') RETURNING id`.execute(h.db)
        ).rows[0]!.id;
        const register = (
          await sql<{ id: string }>`INSERT INTO registers (agency_id, book, period)
            VALUES (${agency}, ${book}, '2026')
            ON CONFLICT (agency_id, book, period, type_code) DO UPDATE SET period = excluded.period
            RETURNING id`.execute(h.db)
        ).rows[0]!.id;
        await sql`INSERT INTO register_entries (register_id, number, document_id, registered_at)
          VALUES (${register}, ${number}, ${doc}, ${at})`.execute(h.db);
      };
      // 01:30 on 21/11 in Hà Nội, 18:30 on 20/11 in UTC.
      await entry("incoming", 1, "2026-11-20T18:30:00Z");
      await entry("incoming", 2, "2026-11-20T16:59:00Z");
      await entry("outgoing", 1, "2026-11-20T18:30:00Z");

      await migrate(h.db);

      const rows = await h.db
        .selectFrom("register_entries")
        .innerJoin("registers", "registers.id", "register_entries.register_id")
        .select(["registers.book", "register_entries.number", "register_entries.arrived_on"])
        .orderBy("registers.book")
        .orderBy("register_entries.number")
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.book, r.number, r.arrived_on]),
        [
          ["incoming", 1, "2026-11-21"],
          ["incoming", 2, "2026-11-20"],
          ["outgoing", 1, null],
        ],
      );
    } finally {
      await h.close();
      await h.drop();
    }
  });
}
