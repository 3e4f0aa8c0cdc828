/**
 * The arrival-day migration on a database that already holds register entries: an incoming entry
 * arrived on the day it was registered, in Vietnam (not the UTC day); an outgoing one has none.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { databaseBefore } from "./migration-fixture.ts";
import { sql } from "kysely";
import { migrate, testDatabaseKinds } from "@vanthu/db";

const MIGRATION = "20261202160000_arrival-day.sql";

for (const kind of testDatabaseKinds()) {
  test(`${kind}: entries registered before the arrival day have the day they were registered, in Vietnam`, async () => {
    const h = await databaseBefore(kind, MIGRATION);
    try {
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
