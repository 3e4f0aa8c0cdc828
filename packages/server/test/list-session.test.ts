/**
 * The list checks the session in its own statement (auth/sessions.ts): one statement per request
 * once the process has read the session, and whatever ended or changed the session elsewhere (a
 * row deleted by another process, a person disabled or given other roles) is seen by the next
 * list as it would be by a fresh read.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { statements } from "./statements.ts";
import { approveAndIssue, draftFields, startTestApp, type TestApp } from "./helpers.ts";

const seen = statements;

for (const kind of testDatabaseKinds()) {
  describe(`the list's session in its statement on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post("/api/documents", draftFields());
      assert.equal(d.status, 201);
      await approveAndIssue(t, clerk, d.body.id);
    });
    after(() => t.close());

    const user = (username: string) =>
      t.ctx.db.updateTable("users").where("username", "=", username);

    test("a list the process has read the session for is one statement", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const first = await clerk.get("/api/documents?box=outgoing");
      assert.equal(first.status, 200);
      assert.ok(first.body.items.length > 0);
      seen.length = 0;
      const again = await clerk.get("/api/documents?box=outgoing");
      assert.deepEqual(again.body, first.body);
      assert.equal(seen.length, 1, seen.join("\n"));
      seen.length = 0;
      // Not the list: the session is read as before.
      assert.equal((await clerk.get("/api/auth/me")).status, 200);
      assert.ok(
        seen.some((s) => /from "sessions"/i.test(s)),
        seen.join("\n"),
      );
    });

    test("an empty page reads the session again, and is empty", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      await clerk.get("/api/documents");
      seen.length = 0;
      const r = await clerk.get("/api/documents?box=drafts&q=khongcotudaynhu");
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 0);
      assert.equal(seen.length, 2, seen.join("\n"));
    });

    test("a session ended by another process is refused at the next list", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      assert.equal((await clerk.get("/api/documents?box=outgoing")).status, 200);
      await t.ctx.db.deleteFrom("sessions").execute();
      const r = await clerk.get("/api/documents?box=outgoing");
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, "UNAUTHENTICATED");
    });

    test("a person disabled since is refused", async () => {
      const leader = await t.login("stttt-ls.lanhdao");
      assert.equal((await leader.get("/api/documents?box=outgoing")).status, 200);
      await user("stttt-ls.lanhdao").set({ disabled: true }).execute();
      try {
        assert.equal((await leader.get("/api/documents?box=outgoing")).status, 401);
      } finally {
        await user("stttt-ls.lanhdao").set({ disabled: false }).execute();
      }
    });

    test("a person whose roles changed is listed as they are now", async () => {
      // The clerk of a recipient sees what arrived; as a specialist, only what is theirs.
      const clerk = await t.login("baolangson.vanthu");
      const before = await clerk.get("/api/documents?box=incoming");
      assert.equal(before.status, 200);
      await user("baolangson.vanthu")
        .set({ roles: ["specialist"] })
        .execute();
      try {
        // As a fresh session of the person as they are now sees it.
        const fresh = await (await t.login("baolangson.vanthu")).get("/api/documents?box=incoming");
        assert.notDeepEqual(fresh.body, before.body);
        assert.deepEqual((await clerk.get("/api/documents?box=incoming")).body, fresh.body);
      } finally {
        await user("baolangson.vanthu")
          .set({ roles: ["clerk"] })
          .execute();
      }
      assert.deepEqual((await clerk.get("/api/documents?box=incoming")).body, before.body);
    });
  });
}
