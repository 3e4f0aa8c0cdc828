import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { testDatabaseKinds } from "@vanthu/db";
import { readContent, readTaskPlan, STORED_VERSIONS } from "../src/stored-json.ts";
import { AppError } from "../src/errors.ts";
import { draftFields, startTestApp, type TestApp } from "./helpers.ts";

test("stored JSON of another version or shape is refused by name, not cast", () => {
  const cases: Array<[string, unknown]> = [
    ["no version", { format: "state" }],
    ["a later version", { v: STORED_VERSIONS.content + 1 }],
    ["not an object", "văn bản"],
    ["null", null],
  ];
  for (const [name, json] of cases)
    assert.throws(
      () => readContent(json, "d-1"),
      (e: unknown) =>
        e instanceof AppError && e.code === "STORED_DATA_INVALID" && /d-1/.test(e.message),
      name,
    );
  assert.equal(readTaskPlan(null, "d-1"), null, "no plan edited");
  assert.throws(() => readTaskPlan({ items: [] }, "d-1"), /taskPlan of document d-1/);
});

for (const kind of testDatabaseKinds()) {
  describe(`stored JSON on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("every stored content carries its version and reads back whole", async () => {
      const rows = await t.ctx.db.selectFrom("documents").select(["id", "content"]).execute();
      assert.ok(rows.length >= 5);
      for (const row of rows) {
        const raw = row.content as Record<string, unknown>;
        assert.equal(raw.v, STORED_VERSIONS.content, row.id);
        const { v: _v, ...rest } = raw;
        // Nothing the server wrote is dropped by the schema on the way back.
        assert.deepEqual(readContent(raw, row.id), rest, row.id);
      }
    });

    test("a document whose stored content was changed by hand answers 500 STORED_DATA_INVALID", async () => {
      const writer = await t.login("stttt-ls.chuyenvien");
      const draft = (await writer.post("/api/documents", draftFields())).body;
      await sql`update documents set content = '{"format": "state", "v": 7}'::jsonb where id = ${draft.id}`.execute(
        t.ctx.db,
      );
      const opened = await writer.get(`/api/documents/${draft.id}`);
      assert.equal(opened.status, 500);
      assert.equal(opened.body.error.code, "STORED_DATA_INVALID");
      assert.match(opened.body.error.message, /báo quản trị viên/);
      const health = await t.anonymous().get("/api/health");
      assert.equal(health.status, 200, "the service goes on");
    });
  });
}
