/**
 * PGlite in its worker thread (pglite-thread.ts) answers as PGlite in the caller's thread does:
 * results, errors with their SQLSTATE, transactions, large results, many queries at once; the
 * caller's event loop runs while a statement works; a thread that has ended fails the queries
 * after it with a clear error instead of hanging.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { migrate, openDatabase, type DatabaseHandle } from "@vanthu/db";
import { PGlite } from "@electric-sql/pglite";
import { PGliteThread } from "../src/pglite-thread.ts";

/** The same table of cases on both ways of running PGlite. */
for (const thread of [true, false]) {
  describe(`PGlite ${thread ? "in its thread" : "in the caller's thread"}`, () => {
    let h: DatabaseHandle;
    before(async () => {
      h = await openDatabase({ dataDir: "memory://", thread });
      await migrate(h.db);
    });
    after(() => h.close());

    const cases: Array<{ name: string; sql: string; rows?: unknown[]; code?: string }> = [
      { name: "a value", sql: "SELECT 1 + 1 AS n", rows: [{ n: 2 }] },
      {
        name: "Vietnamese text, the database's functions",
        sql: "SELECT vn_lower('ĐẦU TƯ CÔNG') AS l, vn_split_codes('1184/STTTT-TTBCXB') AS c",
        rows: [{ l: "đầu tư công", c: "1184 STTTT TTBCXB" }],
      },
      { name: "no rows", sql: "SELECT 1 AS n WHERE false", rows: [] },
      { name: "an unknown table", sql: "SELECT * FROM nowhere", code: "42P01" },
      { name: "a syntax error", sql: "SELEC 1", code: "42601" },
      { name: "a division by zero", sql: "SELECT 1 / 0 AS n", code: "22012" },
    ];
    for (const c of cases)
      test(c.name, async () => {
        if (c.code)
          await assert.rejects(sql.raw(c.sql).execute(h.db), (e: { code?: string }) => {
            assert.equal(e.code, c.code);
            return true;
          });
        else assert.deepEqual((await sql.raw(c.sql).execute(h.db)).rows, c.rows);
      });

    test("parameters, and the connection still good after an error", async () => {
      await assert.rejects(sql`SELECT ${"x"}::int`.execute(h.db));
      const r = await sql<{ s: string; d: string }>`SELECT ${"Lạng Sơn"}::text AS s,
        ${"2026-12-07"}::date AS d`.execute(h.db);
      assert.deepEqual(r.rows, [{ s: "Lạng Sơn", d: "2026-12-07" }]);
    });

    test("a transaction commits, or rolls back whole", async () => {
      await sql`CREATE TABLE t_items (n int PRIMARY KEY)`.execute(h.db);
      await h.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO t_items VALUES (1), (2)`.execute(trx);
      });
      await assert.rejects(
        h.db.transaction().execute(async (trx) => {
          await sql`INSERT INTO t_items VALUES (3)`.execute(trx);
          await sql`INSERT INTO t_items VALUES (1)`.execute(trx);
        }),
        (e: { code?: string }) => e.code === "23505",
      );
      const r = await sql<{ n: number }>`SELECT n FROM t_items ORDER BY n`.execute(h.db);
      assert.deepEqual(
        r.rows.map((x) => x.n),
        [1, 2],
      );
    });

    test("a large result, and many queries at once, each its own answer", async () => {
      const big = await sql<{
        s: string;
      }>`SELECT repeat('ư', 500) || g AS s FROM generate_series(1, 20000) g`.execute(h.db);
      assert.equal(big.rows.length, 20000);
      assert.equal(big.rows[19999]!.s, `${"ư".repeat(500)}20000`);
      const many = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          sql<{ i: number }>`SELECT ${i}::int AS i`.execute(h.db),
        ),
      );
      assert.deepEqual(
        many.map((r) => r.rows[0]!.i),
        Array.from({ length: 100 }, (_, i) => i),
      );
    });

    test("the caller's event loop while a statement works", async (t) => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      try {
        await sql`SELECT sum(g) FROM generate_series(1, 3000000) g`.execute(h.db);
      } finally {
        clearInterval(timer);
      }
      t.diagnostic(`${ticks} ticks of a 5 ms timer during one statement`);
      // In its thread the loop is free throughout; in the caller's it is blocked (a tick or two
      // between the statement's messages).
      if (thread) assert.ok(ticks >= 5, `only ${ticks} ticks`);
    });
  });
}

test("a thread that has ended fails what is sent to it with DATABASE_THREAD_ENDED", async () => {
  const thread = new PGliteThread({
    dataDir: "memory://",
    startParams: PGlite.defaultStartParams,
    templatePath: null,
  });
  await thread.waitReady;
  // A simple query, as node-postgres writes it: 'Q', its length, the text and a zero byte.
  const text = Buffer.from("SELECT 1\0");
  const query = Buffer.concat([Buffer.from("Q"), Buffer.alloc(4), text]);
  query.writeInt32BE(4 + text.length, 1);
  const answer = await thread.execProtocolStream(query);
  assert.deepEqual(
    answer.map((m) => m.name),
    ["rowDescription", "dataRow", "commandComplete", "readyForQuery"],
  );
  await thread.close();
  await assert.rejects(thread.execProtocolStream(query), { code: "DATABASE_THREAD_ENDED" });
});
