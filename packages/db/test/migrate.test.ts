import { test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { migrate, openTestDatabase, testDatabaseKinds } from "@vanthu/db";

for (const kind of testDatabaseKinds()) {
  test(`${kind}: migrations apply once, and Vietnamese search folds diacritics`, async () => {
    const h = await openTestDatabase(kind);
    try {
      assert.deepEqual(await migrate(h.db), [], "second run applies nothing");
      const agency = await h.db
        .insertInto("agencies")
        .values({
          code: "stttt-ls",
          name: "Sở Thông tin và Truyền thông",
          abbreviation: "STTTT",
          kind: "state",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await h.db
        .insertInto("documents")
        .values({
          agency_id: agency.id,
          direction: "outgoing",
          status: "draft",
          subject: "TUYÊN TRUYỀN phòng, chống dịch bệnh; Đảng bộ",
          content: JSON.stringify({}),
          body: "Đề nghị các cơ quan đẩy mạnh tuyên truyền.",
        })
        .execute();
      for (const q of ["tuyen truyen", "TUYÊN TRUYỀN", "dang bo", "đảng bộ", "day manh"]) {
        const found = await h.db
          .selectFrom("documents")
          .select("id")
          .where(sql<boolean>`search @@ websearch_to_tsquery('vn', ${q})`)
          .execute();
        assert.equal(found.length, 1, q);
      }
      const none = await h.db
        .selectFrom("documents")
        .select("id")
        .where(sql<boolean>`search @@ websearch_to_tsquery('vn', 'bao chi')`)
        .execute();
      assert.equal(none.length, 0);
    } finally {
      await h.close();
    }
  });
}
