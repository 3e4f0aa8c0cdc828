/**
 * vn_lower without translate() where the database's lower() maps the Vietnamese capitals itself
 * (20261210090000_vn-lower.sql): the same text out for every text in, before and after, so that
 * the exact vectors stored before it still match the phrases asked after it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql, type Kysely } from "kysely";
import { migrate, testDatabaseKinds, type Database } from "@vanthu/db";
import { databaseBefore } from "./migration-fixture.ts";

const MIGRATION = "20261210090000_vn-lower.sql";

const TEXTS = [
  "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
  "Sở Thông tin và Truyền thông",
  "ĐẢNG CỘNG SẢN VIỆT NAM",
  "QUYẾT ĐỊNH Về việc ban hành Quy chế",
  "Số: 1184/STTTT-TTBCXB",
  "HÒA HOÀ THỦY THUỶ", // old and new tone placement, as written
  "Ỳ Ý Ỷ Ỹ Ỵ Ư Ơ Ă Â Ê Ô Đ",
  "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ",
  "E\u0301 decomposed, ÑANDÚ, ΣΟΦΙΑ, Straße",
  "",
];

async function lowered(db: Kysely<Database>): Promise<string[]> {
  const out: string[] = [];
  for (const t of TEXTS)
    out.push((await sql<{ l: string }>`SELECT vn_lower(${t}) AS l`.execute(db)).rows[0]!.l);
  return out;
}

for (const kind of testDatabaseKinds()) {
  test(`${kind}: vn_lower gives the same text before and after its migration`, async () => {
    const h = await databaseBefore(kind, MIGRATION);
    try {
      const before = await lowered(h.db);
      assert.equal(before[7], TEXTS[7]!.toLowerCase(), "the capitals are mapped");
      await migrate(h.db);
      assert.deepEqual(await lowered(h.db), before);
    } finally {
      await h.close();
      await h.drop();
    }
  });
}
