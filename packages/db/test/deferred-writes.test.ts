/**
 * Deferred writes (deferred-writes.ts): placeholders written in as constants only where they are
 * placeholders, and, on both databases, every kind of value stored exactly as a parameter stores
 * it; writes queued and sent in one statement, reads seeing what was queued before them, and a
 * queued write's error rolling the transaction back.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { CompiledQuery, sql, type Kysely } from "kysely";
import {
  deferredWrites,
  inlineParameters,
  isDeferrable,
  literalOf,
  openTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from "@vanthu/db";

const raw = (text: string, parameters: unknown[] = []) => CompiledQuery.raw(text, parameters);

describe("inlineParameters", () => {
  const cases: Array<[string, string, unknown[], string]> = [
    ["a placeholder", "select $1", ["x"], "select 'x'"],
    [
      "two digits",
      "values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      "values ('1','2','3','4','5','6','7','8','9','10')",
    ],
    ["a quote doubled", "select $1", ["Hội đồng 'A'"], "select 'Hội đồng ''A'''"],
    ["a backslash", "select $1", ["a\\b"], "select E'a\\\\b'"],
    ["null and undefined", "select $1, $2", [null, undefined], "select NULL, NULL"],
    ["a boolean", "select $1", [false], "select 'false'"],
    ["an object as JSON", "select $1", [{ a: "b'c" }], `select '{"a":"b''c"}'`],
    [
      "an array",
      "select $1::text[]",
      [["a", null, 'b"c', "d\\e"]],
      `select E'{"a",NULL,"b\\\\"c","d\\\\\\\\e"}'::text[]`,
    ],
    [
      "a nested array",
      "select $1::int[][]",
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      `select '{{"1","2"},{"3","4"}}'::int[][]`,
    ],
    ["a buffer", "select $1::bytea", [Buffer.from([0, 255])], "select E'\\\\x00ff'::bytea"],
    ["not inside a string", "select '$1', $1", ["x"], "select '$1', 'x'"],
    ["not inside an escaped string", "select E'\\'$1', $1", ["x"], "select E'\\'$1', 'x'"],
    ["not inside a quoted name", 'select 1 as "$1", $1', ["x"], `select 1 as "$1", 'x'`],
    ["not inside a line comment", "select $1 -- $1\n, $1", ["x"], "select 'x' -- $1\n, 'x'"],
    ["a name holding a dollar", "select a$1, $1", ["x"], "select a$1, 'x'"],
    ["a value holding a placeholder", "select $1, $2", ["$2", "y"], "select '$2', 'y'"],
  ];
  for (const [name, text, params, expected] of cases)
    test(name, () => assert.equal(inlineParameters(raw(text, params)), expected));

  // PostgreSQL nests block comments and takes any letter in a dollar quote's tag: refused, not
  // followed (a value written into a comment or a quote it did not see close would be SQL).
  for (const text of [
    "select /* a /* b */ $1 */ 1",
    "select $f$ $1 $f$, $1",
    "select $$ $1 $$",
    "select $ñ$ $1 $ñ$",
  ])
    test(`refused: ${text}`, () =>
      assert.throws(
        () => inlineParameters(raw(text, ["*/ drop table x; /*"])),
        /block comment|dollar-quoted/,
      ));
  test("a placeholder past the parameters is refused", () =>
    assert.throws(() => inlineParameters(raw("select $2", ["x"])), /\$2 of 1/));
  test("a NUL character is refused (no text can hold it)", () =>
    assert.throws(() => literalOf("a\0b"), /NUL/));
});

describe("isDeferrable", () => {
  const cases: Array<[string, boolean]> = [
    ["insert into t values (1)", true],
    ["  UPDATE t set a = 1", true],
    ["delete from t", true],
    ["insert into t values (1) returning id", false],
    ["select 1", false],
    ["with x as (select 1) insert into t select * from x", false],
  ];
  for (const [text, expected] of cases)
    test(text, () => assert.equal(isDeferrable(raw(text)), expected));
});

const VALUES: Array<[string, string, unknown]> = [
  ["text", "text", "Sở Thông tin và Truyền thông: 'trích' \\ \"dẫn\" $1 -- /* */"],
  ["empty text", "text", ""],
  ["an integer", "int", -42],
  ["a bigint", "bigint", 9007199254740993n],
  ["a numeric", "numeric", 3.25],
  ["a boolean", "boolean", true],
  ["a timestamp", "timestamptz", new Date(Date.UTC(2026, 11, 7, 23, 30, 1, 250))],
  ["a date", "date", "2026-02-28"],
  ["a uuid", "uuid", "0b6f2a4e-2f3c-4d5e-8f90-112233445566"],
  [
    "uuids",
    "uuid[]",
    ["0b6f2a4e-2f3c-4d5e-8f90-112233445566", "1b6f2a4e-2f3c-4d5e-8f90-112233445566"],
  ],
  ["texts", "text[]", ["a", null, 'b"c', "d\\e", "{}", "NULL", ""]],
  ["jsonb", "jsonb", JSON.stringify({ a: ["x'y", "z\\w"], b: null, c: "Việt" })],
  ["bytes", "bytea", Buffer.from([0, 1, 92, 39, 255])],
  ["null", "text", null],
];

for (const kind of testDatabaseKinds()) {
  describe(`deferred writes on ${kind}`, () => {
    let h: TestDatabase;
    before(async () => {
      h = await openTestDatabase(kind);
      await sql`create table dw (k text primary key, v text, n int unique)`.execute(h.db);
      await sql`create table dw_values (name text, via text, v text)`.execute(h.db);
    });
    after(() => h.close());

    test("every kind of value is stored as its parameter would be", async () => {
      await h.db.transaction().execute(async (trx) => {
        const w = deferredWrites(trx);
        for (const [name, type, value] of VALUES)
          for (const [via, q] of [
            ["parameter", trx],
            ["deferred", w.db],
          ] as const)
            await sql`insert into dw_values values (${name}, ${via}, (${value}::${sql.raw(type)})::text)`.execute(
              q,
            );
        assert.equal(w.pending, VALUES.length);
        await w.flush();
      });
      const rows = await sql<{ name: string; via: string; v: string | null }>`
        select name, via, v from dw_values`.execute(h.db);
      for (const [name] of VALUES) {
        const of = (via: string) => rows.rows.find((r) => r.name === name && r.via === via);
        assert.ok(of("deferred"), `${name} stored`);
        assert.equal(of("deferred")!.v, of("parameter")!.v, name);
      }
    });

    test("writes are queued, sent as one statement, and a read sees them", async () => {
      await h.db.transaction().execute(async (trx) => {
        const w = deferredWrites(trx);
        // A statement of the query builder (InsertQueryNode), and raw ones.
        const typed = w.db as unknown as Kysely<{ dw: { k: string; v: string; n: number } }>;
        await typed.insertInto("dw").values({ k: "a", v: "1", n: 1 }).execute();
        await sql`insert into dw values ('b', ${"2"}, 2)`.execute(w.db);
        await sql`update dw set v = v || ${"+"} where k = ${"a"}`.execute(w.db);
        assert.equal(w.pending, 3);
        const seen = await sql<{ k: string; v: string }>`select k, v from dw order by k`.execute(
          w.db,
        );
        assert.equal(w.pending, 0);
        assert.deepEqual(
          seen.rows.map((r) => [r.k, r.v]),
          [
            ["a", "1+"],
            ["b", "2"],
          ],
        );
      });
    });

    test("a queued write's error is thrown by the flush and nothing it was sent with stays", async () => {
      await assert.rejects(
        h.db.transaction().execute(async (trx) => {
          const w = deferredWrites(trx);
          await sql`insert into dw values ('c', 'x', 3)`.execute(w.db);
          // The same n as 'a': a unique violation, known only when it is sent.
          await sql`insert into dw values ('d', 'y', 1)`.execute(w.db);
          await w.flush();
        }),
        (e: Error & { code?: string }) => e.code === "23505",
      );
      const left = await sql<{ k: string }>`select k from dw where k in ('c', 'd')`.execute(h.db);
      assert.equal(left.rows.length, 0);
    });
  });
}
