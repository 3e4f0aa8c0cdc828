/**
 * The agency-identity migration on a database that already holds a clone (the same name twice
 * under one parent): the first keeps its name, the copy is renamed with its code and the rename
 * is in agency_history; the folded key is core's foldKey.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { databaseBefore } from "./migration-fixture.ts";
import { sql } from "kysely";
import { foldKey } from "@vanthu/core";
import { migrate, testDatabaseKinds } from "@vanthu/db";

const MIGRATION = "20261201220000_agency-identity.sql";

for (const kind of testDatabaseKinds()) {
  test(`${kind}: existing duplicate agency names are renamed into the history, keys = foldKey`, async () => {
    const h = await databaseBefore(kind, MIGRATION);
    try {
      const insert = (code: string, name: string, at: string) =>
        sql`INSERT INTO agencies (code, name, abbreviation, kind, created_at)
            VALUES (${code}, ${name}, 'BLS', 'press', ${at})`.execute(h.db);
      await insert("baolangson", "Báo Lạng Sơn", "2026-01-01T00:00:00Z");
      await insert("clone", "BÁO LẠNG  SƠN", "2026-06-01T00:00:00Z");
      await insert("other", "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn", "2026-06-01T00:00:00Z");

      await migrate(h.db);

      const rows = await h.db
        .selectFrom("agencies")
        .select(["code", "name", "name_key"])
        .orderBy("code")
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.code, r.name]),
        [
          ["baolangson", "Báo Lạng Sơn"],
          ["clone", "BÁO LẠNG  SƠN (clone)"],
          ["other", "Đài Phát thanh và Truyền hình tỉnh Lạng Sơn"],
        ],
      );
      const history = await h.db.selectFrom("agency_history").selectAll().execute();
      assert.equal(history.length, 1);
      assert.equal(history[0]!.old_name, "BÁO LẠNG  SƠN");
      assert.equal(history[0]!.old_name_key, "bao lang son");

      // The generated key is core's foldKey, for the shapes names arrive in.
      const names = [
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Uỷ ban Nhân dân TỈNH LẠNG SƠN",
        "Phòng Văn hoá và Thông tin\thuyện  Cao Lộc ",
        "Sở Thông tin và Truyền thông".normalize("NFD"),
        "Đảng ủy Khối Cơ quan - Doanh nghiệp",
        "Liên đoàn Lao động tỉnh Bắc Giang",
      ];
      for (const n of names) {
        const r = await sql<{ k: string }>`SELECT vn_fold_key(${n}) AS k`.execute(h.db);
        assert.equal(r.rows[0]!.k, foldKey(n), n);
      }
    } finally {
      await h.close();
      await h.drop();
    }
  });
}
