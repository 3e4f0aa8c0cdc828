/**
 * The text vectors kept by a trigger (20261209090000_document-vectors.sql): always what the old
 * generated columns' expressions give for the row's text, whether kept (an update that leaves the
 * text), taken from the source (a copy of the same text) or computed (anything else), for rows
 * written before the migration and after it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql, type Kysely } from "kysely";
import { migrate, testDatabaseKinds, type Database } from "@vanthu/db";
import { databaseBefore } from "./migration-fixture.ts";

const MIGRATION = "20261209090000_document-vectors.sql";

/** Whether each of the row's vectors is what its text gives. */
async function vectorsOf(db: Kysely<Database>, id: string) {
  return (
    await sql<{ search: boolean; exact: boolean; words: string }>`SELECT
      search = setweight(to_tsvector('vn', vn_split_codes(coalesce(reference, ''))), 'A') ||
        setweight(to_tsvector('vn', vn_split_codes(coalesce(subject, ''))), 'A') ||
        setweight(to_tsvector('vn', coalesce(issuer_name, '')), 'B') ||
        setweight(to_tsvector('vn', vn_split_codes(left(body, 300000))), 'C') AS search,
      exact = to_tsvector('simple', vn_lower(vn_split_codes(
        coalesce(reference, '') || ' ' || coalesce(subject, '') || ' ' || left(body, 300000))))
        AS exact,
      exact::text AS words
    FROM documents WHERE id = ${id}`.execute(db)
  ).rows[0]!;
}

for (const kind of testDatabaseKinds()) {
  test(`${kind}: text vectors kept, taken from the source or computed, always those of the text`, async () => {
    const h = await databaseBefore(kind, MIGRATION);
    try {
      const agency = (
        await sql<{ id: string }>`INSERT INTO agencies (code, name, abbreviation, kind)
          VALUES ('baolangson', 'Báo Lạng Sơn', 'BLS', 'press') RETURNING id`.execute(h.db)
      ).rows[0]!.id;
      const insert = async (body: string, sourceId: string | null = null) =>
        (
          await sql<{ id: string }>`INSERT INTO documents
            (agency_id, direction, status, content, reference, subject, issuer_name, body, source_id)
            VALUES (${agency}, 'incoming', 'draft', '{}', '12/KH-UBND', 'Phòng, chống thiên tai',
              'UBND tỉnh Lạng Sơn', ${body}, ${sourceId}) RETURNING id`.execute(h.db)
        ).rows[0]!.id;
      const before = await insert("Đưa tin về công tác phòng, chống thiên tai.");
      const wordsBefore = (await vectorsOf(h.db, before)).words;
      await migrate(h.db);

      const cases: Array<{ name: string; id: () => Promise<string>; has?: RegExp; not?: RegExp }> =
        [
          { name: "a row written before the migration", id: async () => before },
          {
            name: "a copy of the same text (taken from its source)",
            id: () => insert("Đưa tin về công tác phòng, chống thiên tai.", before),
            has: /'đưa'/,
          },
          {
            name: "a copy whose text differs from its source's (computed)",
            id: () => insert("Báo cáo kết quả thực hiện.", before),
            has: /'báo'/,
            not: /'đưa'/,
          },
          { name: "a record with no source (computed)", id: () => insert("Hướng dẫn người dân.") },
          {
            name: "an update of the status only (kept)",
            id: async () => {
              await sql`UPDATE documents SET status = 'registered' WHERE id = ${before}`.execute(
                h.db,
              );
              return before;
            },
            has: /'đưa'/,
          },
          {
            name: "an update of the body (computed)",
            id: async () => {
              await sql`UPDATE documents SET body = 'Kiểm tra sạt lở đất.' WHERE id = ${before}`.execute(
                h.db,
              );
              return before;
            },
            has: /'sạt'/,
            not: /'đưa'/,
          },
          {
            name: "vectors written directly (ignored)",
            id: async () => {
              await sql`UPDATE documents SET search = ''::tsvector, exact = ''::tsvector
                WHERE id = ${before}`.execute(h.db);
              return before;
            },
            has: /'sạt'/,
          },
        ];
      for (const c of cases) {
        const v = await vectorsOf(h.db, await c.id());
        assert.deepEqual([v.search, v.exact], [true, true], c.name);
        if (c.has) assert.match(v.words, c.has, c.name);
        if (c.not) assert.doesNotMatch(v.words, c.not, c.name);
      }
      assert.match(wordsBefore, /'đưa'/);
    } finally {
      await h.close();
    }
  });
}
