/**
 * Passwords (issue 12, item 10): the policy in one table; changing one's own password ends the
 * other sessions; an agency admin resets a user's (given or generated) and ends all of them, for
 * their own agency only; every place that sets a password applies the policy. Both databases.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { createUser } from "@vanthu/server";
import { startTestApp, type TestApp } from "./helpers.ts";
import { passwordProblems, type PasswordProblem } from "../src/auth/password-policy.ts";
import { resetPassword } from "../src/auth/reset-password.ts";

describe("password policy", () => {
  const cases: Array<{ id: string; password: string; username?: string; want: PasswordProblem[] }> =
    [
      { id: "short digits", password: "1234", want: ["TOO_SHORT", "COMMON"] },
      { id: "demo", password: "demo", want: ["TOO_SHORT", "COMMON"] },
      { id: "ten digits in a row", password: "1234567890", want: ["COMMON"] },
      { id: "mật khẩu with diacritics", password: "MậtKhẩu123", want: ["COMMON"] },
      { id: "matkhau dressed up", password: "Matkhau@2026", want: ["COMMON"] },
      { id: "admin@123 dressed up", password: "Admin@123456", want: ["COMMON"] },
      { id: "vanthu plus digits", password: "vanthu2026!!", want: ["COMMON"] },
      { id: "anh yêu em spaced", password: "anh yêu em 123", want: ["COMMON"] },
      { id: "keyboard walk", password: "qwertyuiop", want: ["COMMON"] },
      { id: "Password1234", password: "Password1234", want: ["COMMON"] },
      { id: "one character", password: "aaaaaaaaaaaa", want: ["TOO_SIMPLE"] },
      { id: "two characters", password: "abababababab", want: ["TOO_SIMPLE"] },
      {
        id: "the user name inside",
        password: "stttt-ls.vanthu!x",
        username: "stttt-ls.vanthu",
        want: ["HAS_USERNAME"],
      },
      {
        id: "a part of the user name",
        password: "Nguyenvana#Xyz",
        username: "stttt-ls.nguyenvana",
        want: ["HAS_USERNAME"],
      },
      { id: "too long", password: "Lạng Sơn xứ Lạng ".repeat(13), want: ["TOO_LONG"] },
      { id: "a passphrase", password: "sông Kỳ Cùng mùa nước", want: [] },
      { id: "random", password: "k7#Vq2!mZp", username: "stttt-ls.admin", want: [] },
      { id: "the e2e's temporary one", password: "mat-khau-tam", want: [] },
    ];
  for (const c of cases)
    test(c.id, () => assert.deepEqual(passwordProblems(c.password, c.username), c.want));
});

for (const kind of testDatabaseKinds()) {
  describe(`passwords on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const userId = async (username: string) =>
      (
        await t.ctx.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", username)
          .executeTakeFirstOrThrow()
      ).id;
    const audited = async (action: string, entityId: string) =>
      t.ctx.db
        .selectFrom("audit_events")
        .selectAll()
        .where("action", "=", action)
        .where("entity_id", "=", entityId)
        .execute();

    test("changing one's password ends the other sessions, keeps this one, is audited", async () => {
      const here = await t.login("stttt-ls.vanthu");
      const phone = await t.login("stttt-ls.vanthu");
      const weak = await here.post("/api/auth/password", {
        currentPassword: "demo",
        newPassword: "matkhau123",
      });
      assert.equal(weak.status, 422);
      assert.equal(weak.body.error.code, "WEAK_PASSWORD");
      assert.equal(weak.body.error.issues[0].path, "newPassword");
      const wrong = await here.post("/api/auth/password", {
        currentPassword: "not-it",
        newPassword: "sông Kỳ Cùng mùa nước",
      });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.error.code, "WRONG_CURRENT_PASSWORD");
      assert.equal((await phone.get("/api/auth/me")).status, 200, "nothing changed yet");

      const ok = await here.post("/api/auth/password", {
        currentPassword: "demo",
        newPassword: "sông Kỳ Cùng mùa nước",
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.sessionsEnded, 1);
      assert.equal((await here.get("/api/auth/me")).status, 200, "this session stays");
      assert.equal((await phone.get("/api/auth/me")).status, 401, "the other one ends");
      await assert.rejects(t.login("stttt-ls.vanthu", "demo"));
      await t.login("stttt-ls.vanthu", "sông Kỳ Cùng mùa nước");
      const events = await audited("user.password.change", await userId("stttt-ls.vanthu"));
      assert.equal(events.length, 1);
      assert.doesNotMatch(JSON.stringify(events[0]), /sông/);
    });

    test("an admin resets a password: given or generated, every session ends, audited", async () => {
      const admin = await t.login("stttt-ls.admin");
      const victim = await t.login("stttt-ls.chuyenvien");
      const id = await userId("stttt-ls.chuyenvien");
      const weak = await admin.post(`/api/admin/users/${id}/password`, { password: "12345678" });
      assert.equal(weak.status, 422);
      assert.equal((await victim.get("/api/auth/me")).status, 200);

      const generated = await admin.post(`/api/admin/users/${id}/password`, {});
      assert.equal(generated.status, 200, JSON.stringify(generated.body));
      assert.match(generated.body.password, /^[A-Za-z0-9_-]{16}$/);
      assert.equal((await victim.get("/api/auth/me")).status, 401);
      await t.login("stttt-ls.chuyenvien", generated.body.password);

      const given = await admin.post(`/api/admin/users/${id}/password`, {
        password: "đèo Mẫu Sơn lộng gió",
      });
      assert.equal(given.status, 200);
      assert.equal(given.body.password, null, "a given password is not sent back");
      await t.login("stttt-ls.chuyenvien", "đèo Mẫu Sơn lộng gió");
      const events = await audited("user.password.reset", id);
      assert.equal(events.length, 2);
      assert.doesNotMatch(JSON.stringify(events), /Mẫu Sơn|password":"/);
    });

    test("a reset by another agency's admin or by a non-admin is refused", async () => {
      const id = await userId("stttt-ls.lanhdao");
      const stranger = await t.login("ldld-bg.admin");
      const res = await stranger.post(`/api/admin/users/${id}/password`, {});
      assert.equal(res.status, 404);
      const clerk = await t.login("stttt-ls.lanhdao");
      assert.equal((await clerk.post(`/api/admin/users/${id}/password`, {})).status, 403);
      assert.equal((await stranger.post(`/api/admin/users/not-a-uuid/password`, {})).status, 404);
      await t.login("stttt-ls.lanhdao", "demo");
    });

    test("an admin cannot reset their own password past the current-password check", async () => {
      const id = await userId("stttt-ls.admin");
      const admin = await t.login("stttt-ls.admin");
      for (const given of [id, id.toUpperCase()]) {
        const res = await admin.post(`/api/admin/users/${given}/password`, {
          password: "một ngày mới bắt đầu",
        });
        assert.equal(res.status, 403, JSON.stringify(res.body));
      }
      assert.equal((await admin.get("/api/auth/me")).status, 200, "still signed in");
      await t.login("stttt-ls.admin", "demo");
    });

    test("creating a user applies the policy (admin API and the CLI's use case)", async () => {
      const admin = await t.login("stttt-ls.admin");
      const res = await admin.post("/api/admin/users", {
        username: "stttt-ls.weak",
        fullName: "Người Yếu",
        roles: ["specialist"],
        password: "1234",
      });
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, "WEAK_PASSWORD");
      assert.deepEqual(
        res.body.error.issues.map((i: { path: string }) => i.path),
        ["password", "password"],
        "too short and too common",
      );
      await assert.rejects(
        createUser(
          t.ctx.db,
          null,
          {
            agencyCode: "stttt-ls",
            username: "stttt-ls.cli",
            fullName: "Qua Dòng Lệnh",
            roles: ["clerk"],
            password: "admin@123",
          },
          t.clock.now,
        ),
        (e: Error & { code?: string }) => e.code === "WEAK_PASSWORD",
      );
    });

    test("the CLI's reset by user name ends every session", async () => {
      const s = await t.login("stttt-ls.admin");
      const r = await resetPassword(t.ctx, null, { username: "stttt-ls.admin" }, {});
      assert.ok(r.password && r.sessionsEnded >= 1);
      assert.equal((await s.get("/api/auth/me")).status, 401);
      await t.login("stttt-ls.admin", r.password);
      await assert.rejects(
        resetPassword(t.ctx, null, { username: "nobody.here" }, {}),
        (e: Error & { code?: string }) => e.code === "NOT_FOUND",
      );
    });
  });
}
