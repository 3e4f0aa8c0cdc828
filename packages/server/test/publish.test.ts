/**
 * Publishing is a permission (clerk, leader, admin), checked wherever a document's public state
 * can change: a new draft, a changed draft, issuing, the publish endpoint; each change audited.
 * On PGlite and PostgreSQL.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { approve, draftFields, startTestApp, type Response, type TestApp } from "./helpers.ts";

const publishEvents = async (t: TestApp, id: string) =>
  (
    await t.ctx.db
      .selectFrom("audit_events")
      .select("action")
      .where("entity_id", "=", id)
      .where("action", "in", ["document.publish", "document.unpublish"])
      .orderBy("at")
      .orderBy("id")
      .execute()
  ).map((e) => e.action);

for (const kind of testDatabaseKinds()) {
  describe(`publishing as a permission on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("a specialist's isPublic is refused on create and on change, by fields or by text", async () => {
      const writer = await t.login("stttt-ls.chuyenvien");
      const cases: Array<[string, () => Promise<Response>]> = [
        ["create, fields", () => writer.post("/api/documents", draftFields({ isPublic: true }))],
        [
          "create, text",
          () => writer.post("/api/documents", { text: "Kính gửi: Báo Lạng Sơn", isPublic: true }),
        ],
      ];
      const own = await writer.post("/api/documents", draftFields({ subject: "dự thảo riêng" }));
      assert.equal(own.status, 201, JSON.stringify(own.body));
      cases.push(
        ["change, fields", () => writer.patch(`/api/documents/${own.body.id}`, { isPublic: true })],
        [
          "change, text",
          () =>
            writer.patch(`/api/documents/${own.body.id}`, { text: "Kính gửi: Sở", isPublic: true }),
        ],
      );
      for (const [name, run] of cases) {
        const res = await run();
        assert.equal(res.status, 403, `${name}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, "PUBLISH_NOT_ALLOWED", name);
        assert.match(res.body.error.message, /công bố/, name);
      }
      const row = await t.ctx.db
        .selectFrom("documents")
        .select(["is_public", "subject"])
        .where("id", "=", own.body.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { is_public: false, subject: "dự thảo riêng" }, "nothing half-written");
      // Saving the form again with the flag unchanged is no change of public state.
      const same = await writer.patch(`/api/documents/${own.body.id}`, {
        isPublic: false,
        subject: "dự thảo riêng, sửa",
      });
      assert.equal(same.status, 200, JSON.stringify(same.body));
      const publish = await writer.post(`/api/documents/${own.body.id}/publish`, { public: true });
      assert.equal(publish.body.error.code, "PUBLISH_NOT_ALLOWED");
    });

    test("the clerk's public draft: audited when marked, when issued, when taken down", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post(
        "/api/documents",
        draftFields({ subject: "zzpublic thông báo lịch tiếp công dân", isPublic: true }),
      );
      assert.equal(d.status, 201, JSON.stringify(d.body));
      assert.deepEqual(await publishEvents(t, d.body.id), ["document.publish"]);
      const anon = t.anonymous();
      assert.equal((await anon.get(`/van-ban/${d.body.id}`)).status, 404, "a draft is not shown");
      assert.equal(
        (await clerk.patch(`/api/documents/${d.body.id}`, { isPublic: false })).status,
        200,
      );
      assert.equal(
        (await clerk.patch(`/api/documents/${d.body.id}`, { isPublic: true })).status,
        200,
      );
      assert.equal(
        (await clerk.patch(`/api/documents/${d.body.id}`, { isPublic: true })).status,
        200,
      );
      assert.deepEqual(await publishEvents(t, d.body.id), [
        "document.publish",
        "document.unpublish",
        "document.publish",
      ]);
      await approve(t, clerk, d.body.id);
      const issued = await clerk.post(`/api/documents/${d.body.id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.equal((await anon.get(`/van-ban/${d.body.id}`)).status, 200);
      assert.match((await anon.get("/feed.atom")).raw.toString(), /zzpublic/);
      assert.equal((await publishEvents(t, d.body.id)).length, 4, "issuing puts it on the portal");
      const down = await clerk.post(`/api/documents/${d.body.id}/publish`, { public: false });
      assert.equal(down.status, 200);
      assert.equal((await publishEvents(t, d.body.id)).at(-1), "document.unpublish");
      assert.doesNotMatch((await anon.get("/feed.atom")).raw.toString(), /zzpublic/);
    });

    test("issuing a draft marked public (as older versions let a specialist do) is a publish, audited", async () => {
      // Written straight into the database, as older versions let a specialist do.
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post("/api/documents", draftFields({ subject: "zzold dự thảo cũ" }));
      const writer = await t.ctx.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", "stttt-ls.chuyenvien")
        .executeTakeFirstOrThrow();
      await t.ctx.db
        .updateTable("documents")
        .set({ is_public: true, created_by: writer.id })
        .where("id", "=", d.body.id)
        .execute();
      // The clerk who issues may publish: issuing publishes it, and says so in the audit.
      await approve(t, clerk, d.body.id);
      assert.equal((await clerk.post(`/api/documents/${d.body.id}/issue`)).status, 200);
      assert.deepEqual(await publishEvents(t, d.body.id), ["document.publish"]);
    });
  });
}
