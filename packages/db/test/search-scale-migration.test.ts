/**
 * The search-scale migration on a database that already holds documents: their loose reference
 * key and head vector are computed, and a reference typed loosely finds them through the new key.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { migrate, testDatabaseKinds } from "@vanthu/db";
import { databaseBefore } from "./migration-fixture.ts";

const MIGRATION = "20261208090000_search-scale.sql";

for (const kind of testDatabaseKinds()) {
  test(`${kind}: documents stored before the migration get their loose key and head`, async () => {
    const h = await databaseBefore(kind, MIGRATION);
    try {
      const agency = (
        await sql<{ id: string }>`INSERT INTO agencies (code, name, abbreviation, kind)
          VALUES ('stttt-ls', 'Sở Thông tin và Truyền thông', 'STTTT', 'state') RETURNING id`.execute(
          h.db,
        )
      ).rows[0]!.id;
      const cases: Array<[string | null, string, string | null]> = [
        ["1184/STTTT-TTBCXB", "Về việc phòng, chống lừa đảo trực tuyến", "1184STTTTTTBCXB"],
        ["  0086/LĐLĐ-TG&NC", "Tuyên truyền", "86LĐLĐTG&NC"],
        [null, "Dự thảo", null],
      ];
      for (const [reference, subject] of cases)
        await sql`INSERT INTO documents (agency_id, direction, status, reference, subject, content, body)
          VALUES (${agency}, 'outgoing', 'issued', ${reference}, ${subject}, '{}', 'Nội dung')`.execute(
          h.db,
        );

      await migrate(h.db);

      for (const [reference, subject, loose] of cases) {
        const row = (
          await sql<{ loose: string | null; head: boolean; body: boolean }>`SELECT
            reference_loose AS loose,
            head @@ plainto_tsquery('vn', vn_split_codes(${subject})) AS head,
            head @@ plainto_tsquery('vn', 'noi dung') AS body
            FROM documents WHERE subject = ${subject}`.execute(h.db)
        ).rows[0]!;
        assert.deepEqual(row, { loose, head: true, body: false }, String(reference));
      }
    } finally {
      await h.close();
      await h.drop();
    }
  });
}
