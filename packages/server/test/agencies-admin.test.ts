/**
 * Agency identity and ownership (issue 12, item 8 and the self-demote of item 11): no clone of an
 * agency, only the owning level creates under an agency, the installation admin owns the top
 * level, renames are explicit and kept, and an admin's own id is recognised in any case.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { approve, draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

const agency = (code: string, name: string, extra: Record<string, unknown> = {}) => ({
  code,
  name,
  abbreviation: "TEST",
  kind: "state",
  ...extra,
});

for (const kind of testDatabaseKinds()) {
  describe(`agency identity on ${kind}`, () => {
    let t: TestApp;
    let installer: Client | undefined;
    before(async () => {
      t = await startTestApp(kind);
    });
    /** The demo's installation admin ("admin"), signed in on first use. */
    const asInstaller = async () => (installer ??= await t.login("admin"));
    after(() => t.close());

    const codeOf = async (c: Client) => (await c.get("/api/auth/me")).body.agency;
    const directory = async (c: Client) =>
      (await c.get("/api/agencies")).body.items as Array<{
        id: string;
        code: string;
        name: string;
        parentId: string | null;
        formerNames: string[];
      }>;

    test("a clone of another agency is refused, naming the agency that exists", async () => {
      const admin = await t.login("stttt-ls.admin");
      // The reproduced attack: another agency's admin makes a second "Báo Lạng Sơn", in any
      // spelling, under its own agency.
      for (const name of [
        "Báo Lạng Sơn",
        "BÁO LẠNG SƠN",
        "Bao  Lang Son",
        "Báo Lạng Sơn".normalize("NFD"),
        "Báo\u00a0Lạng\tSơn",
      ]) {
        const res = await admin.post(
          "/api/admin/agencies",
          agency(`clone-${name.length}`, name, { place: "Hà Nội" }),
        );
        assert.equal(res.status, 409, name);
        assert.equal(res.body.error.code, "AGENCY_EXISTS");
        assert.match(res.body.error.message, /“Báo Lạng Sơn” \(mã baolangson, cấp cao nhất\)/);
        assert.equal(res.body.error.issues[0].path, "name");
      }
      // The installation admin cannot make a second one at the top level either.
      const top = await (
        await asInstaller()
      ).post("/api/admin/agencies", agency("bls-2", "Báo  lạng sơn"));
      assert.equal(top.status, 409);
      assert.equal(top.body.error.code, "AGENCY_EXISTS");
      // A code taken: named too.
      const code = await admin.post("/api/admin/agencies", agency("baolangson", "Tạp chí Xứ Lạng"));
      assert.equal(code.status, 409);
      assert.match(
        code.body.error.message,
        /Mã “baolangson” đã được dùng cho cơ quan “Báo Lạng Sơn”/,
      );
      const bls = (await directory(admin)).filter(
        (a) =>
          /lang son/i.test(a.name.normalize("NFD").replace(/\p{M}/gu, "")) && /^b/i.test(a.name),
      );
      assert.deepEqual(
        bls.map((a) => a.code),
        ["baolangson"],
      );
    });

    test("duplicate name under one parent refused; same name under different parents allowed", async () => {
      const ls = await t.login("ubnd-ls.admin");
      const hd = await t.login("ubnd-hd.admin");
      const first = await ls.post("/api/admin/agencies", agency("stp-ls", "Sở Tư pháp"));
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const again = await ls.post("/api/admin/agencies", agency("stp-ls-2", "Sở Tư Pháp"));
      assert.equal(again.status, 409);
      assert.match(again.body.error.message, /trực thuộc “Ủy ban nhân dân tỉnh Lạng Sơn”/);
      // Another province's People's Committee has its own Sở Tư pháp.
      const other = await hd.post("/api/admin/agencies", agency("stp-hd", "Sở Tư pháp"));
      assert.equal(other.status, 201, JSON.stringify(other.body));
      // The installation admin may place one name under two parents in one place.
      const a = await (
        await asInstaller()
      ).post(
        "/api/admin/agencies",
        agency("vp-a", "Văn phòng Đoàn ĐBQH", { parentCode: "ubnd-ls", place: "Lạng Sơn" }),
      );
      const b = await (
        await asInstaller()
      ).post(
        "/api/admin/agencies",
        agency("vp-b", "Văn phòng Đoàn ĐBQH", { parentCode: "tu-ls", place: "Lạng Sơn" }),
      );
      assert.deepEqual([a.status, b.status], [201, 201], JSON.stringify([a.body, b.body]));
      const made = (await directory(ls)).filter((x) => x.code.startsWith("stp-"));
      assert.equal(made.length, 2);
      assert.equal(made.find((x) => x.code === "stp-ls")!.parentId, (await codeOf(ls)).id);
    });

    test("an agency's admin cannot create under an agency it does not own, nor at the top level", async () => {
      const admin = await t.login("stttt-ls.admin");
      const clerk = await t.login("stttt-ls.vanthu");
      const cases: Array<[string, Client, Record<string, unknown>, number, string]> = [
        ["under another agency", admin, { parentCode: "ubnd-ls" }, 403, "AGENCY_NOT_OWNED"],
        ["under a sibling", admin, { parentCode: "stttt-hd" }, 403, "AGENCY_NOT_OWNED"],
        ["under an unknown parent", admin, { parentCode: "khong-co" }, 404, "AGENCY_NOT_FOUND"],
        ["as a clerk", clerk, {}, 403, "FORBIDDEN"],
      ];
      for (const [name, c, extra, status, code] of cases) {
        const res = await c.post(
          "/api/admin/agencies",
          agency("x-" + status, "Trung tâm Mới", extra),
        );
        assert.equal(res.status, status, name);
        assert.equal(res.body.error.code, code, name);
      }
      // Its own agency: allowed, with the first admin of the new agency.
      const own = await admin.post(
        "/api/admin/agencies",
        agency("ttcntt-ls", "Trung tâm Công nghệ thông tin", {
          admin: {
            username: "ttcntt-ls.admin",
            fullName: "Quản trị Trung tâm",
            password: "mat-khau-dai-du",
          },
        }),
      );
      assert.equal(own.status, 201, JSON.stringify(own.body));
      assert.ok(own.body.adminId);
      const child = await t.login("ttcntt-ls.admin", "mat-khau-dai-du");
      assert.equal((await codeOf(child)).code, "ttcntt-ls");
      assert.equal(
        (await codeOf(child)).place,
        "Lạng Sơn",
        "an agency admin's agency is in its place",
      );
    });

    test("a top-level agency only by the installation admin, with its first admin", async () => {
      const res = await (
        await asInstaller()
      ).post(
        "/api/admin/agencies",
        agency("ubnd-cb", "Ủy ban nhân dân tỉnh Cao Bằng", {
          place: "Cao Bằng",
          admin: {
            username: "ubnd-cb.admin",
            fullName: "Quản trị UBND Cao Bằng",
            password: "mat-khau-dai-du",
          },
        }),
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const made = (await directory(await asInstaller())).find((a) => a.code === "ubnd-cb")!;
      assert.equal(made.parentId, null);
      // Its admin creates under it; the installation admin adds a second admin.
      const cb = await t.login("ubnd-cb.admin", "mat-khau-dai-du");
      const sub = await cb.post(
        "/api/admin/agencies",
        agency("stttt-cb", "Sở Thông tin và Truyền thông"),
      );
      assert.equal(sub.status, 201, JSON.stringify(sub.body));
      const second = await (
        await asInstaller()
      ).post("/api/admin/users", {
        agencyCode: "ubnd-cb",
        username: "ubnd-cb.admin2",
        fullName: "Quản trị thứ hai",
        roles: ["admin"],
        password: "mat-khau-dai-du",
      });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      // An agency admin cannot add users to another agency.
      const foreign = await cb.post("/api/admin/users", {
        agencyCode: "ubnd-ls",
        username: "ubnd-ls.ke-gian",
        fullName: "Kẻ gian",
        roles: ["admin"],
        password: "mat-khau-dai-du",
      });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.error.code, "AGENCY_NOT_OWNED");
      // The installation's own pseudo-agency is in no directory.
      assert.ok(
        !(await directory(await asInstaller())).some((a) => a.code === "quan-tri-he-thong"),
      );
    });

    test("the same new name sent five times at once: one agency, four 409s, no 500", async () => {
      const installer = await asInstaller();
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          installer.post("/api/admin/agencies", agency(`song-song-${i}`, "Ban Dân tộc tỉnh")),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.status).sort(),
        [201, 409, 409, 409, 409],
        JSON.stringify(results.map((r) => r.body)),
      );
      assert.ok(results.every((r) => r.status === 201 || r.body.error.code === "AGENCY_EXISTS"));
    });

    test("a rename is kept in the history, and issuing to the new name resolves", async () => {
      const bls = await t.login("baolangson.admin");
      const before = (await directory(bls)).find((a) => a.code === "baolangson")!;
      const missing = await bls.post(`/api/admin/agencies/${before.id}/rename`, {
        name: "Báo Lạng Sơn điện tử",
      });
      assert.equal(missing.status, 400, "a reason is required");
      const foreign = await (
        await t.login("stttt-ls.admin")
      ).post(`/api/admin/agencies/${before.id}/rename`, { name: "Báo X", reason: "thử" });
      assert.equal(foreign.status, 403);
      const taken = await bls.post(`/api/admin/agencies/${before.id}/rename`, {
        name: "Tỉnh ủy Lạng Sơn",
        reason: "thử",
      });
      assert.equal(taken.status, 409);
      assert.equal(taken.body.error.code, "AGENCY_EXISTS");
      const renamed = await bls.post(`/api/admin/agencies/${before.id.toUpperCase()}/rename`, {
        name: "Báo Lạng Sơn điện tử",
        reason: "Quyết định số 12/QĐ-UBND về đổi tên",
        validFrom: "2026-11-15",
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      const history = (await bls.get(`/api/agencies/${before.id}/history`)).body.items;
      assert.equal(history.length, 1);
      assert.equal(history[0].oldName, "Báo Lạng Sơn");
      assert.equal(history[0].newName, "Báo Lạng Sơn điện tử");
      assert.equal(history[0].validFrom, "2026-11-15");
      assert.equal(history[0].by, "Quản trị Báo Lạng Sơn");
      const after = (await directory(bls)).find((a) => a.code === "baolangson")!;
      assert.deepEqual([after.name, after.formerNames], ["Báo Lạng Sơn điện tử", ["Báo Lạng Sơn"]]);

      const clerk = await t.login("stttt-ls.vanthu");
      const draft = await clerk.post(
        "/api/documents",
        draftFields({ addressees: ["Báo Lạng Sơn điện tử"] }),
      );
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const plan = (await clerk.get(`/api/documents/${draft.body.id}/delivery-plan`)).body;
      assert.deepEqual(plan.lines[0].matches, [before.id]);
      await approve(t, clerk, draft.body.id);
      const issued = await clerk.post(`/api/documents/${draft.body.id}/issue`, {
        deliverTo: plan.recipients,
      });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const deliveries = (await clerk.get(`/api/documents/${draft.body.id}/deliveries`)).body.items;
      assert.deepEqual(
        deliveries.map((d: { agency: { code: string } }) => d.agency.code),
        ["baolangson"],
      );
    });

    test("an admin cannot demote or lock themselves by writing their own id in upper case", async () => {
      const admin = await t.login("sct-hd.admin");
      const me = (await admin.get("/api/auth/me")).body.user;
      const cases: Array<[string, Record<string, unknown>]> = [
        ["demote", { roles: ["clerk"] }],
        ["lock", { disabled: true }],
      ];
      for (const id of [
        me.userId,
        me.userId.toUpperCase(),
        me.userId.replace(/[a-f]/, (c: string) => c.toUpperCase()),
      ])
        for (const [name, change] of cases) {
          const res = await admin.patch(`/api/admin/users/${id}`, change);
          assert.equal(res.status, 403, `${name} ${id}`);
          assert.equal(res.body.error.code, "FORBIDDEN");
        }
      const still = (await admin.get("/api/admin/users")).body.items.find(
        (u: { id: string }) => u.id === me.userId,
      );
      assert.deepEqual([still.roles, still.disabled], [["admin"], false]);
      // Another user's id in upper case works as the same id.
      const clerk = (await admin.get("/api/admin/users")).body.items.find(
        (u: { username: string }) => u.username === "sct-hd.vanthu",
      );
      const changed = await admin.patch(`/api/admin/users/${clerk.id.toUpperCase()}`, {
        title: "Văn thư cơ quan",
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
    });

    test("the installation admin writes no documents (its agency is not one)", async () => {
      const installer = await asInstaller();
      const fields = await installer.post("/api/documents", {
        typeCode: "CV",
        subject: "về việc thử của quản trị hệ thống",
        paragraphs: ["Nội dung."],
      });
      assert.equal(fields.status, 403, JSON.stringify(fields.body));
      const text = await installer.post("/api/documents", { text: "CÔNG VĂN\nV/v thử" });
      assert.equal(text.status, 403, JSON.stringify(text.body));
    });
  });
}
