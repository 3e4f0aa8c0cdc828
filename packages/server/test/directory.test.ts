/**
 * The exchange's identifiers (issue 17), on PGlite and PostgreSQL: every demo agency has its mã
 * định danh; an agency admin sets their own and its contacts; one identifier names one agency;
 * the installation admin imports the directory of other systems' agencies from CSV, all rows or
 * none, and edits it entry by entry.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { approveAndIssue, draftFields, startTestApp, type TestApp } from "./helpers.ts";

const CSV = `Mã định danh,Tên cơ quan,Địa chỉ,Thư điện tử,Điện thoại,Trang web,Mã cấp trên
000.00.00.H26X,x,,,,,
`;

for (const kind of testDatabaseKinds()) {
  describe(`exchange identifiers and directory on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("demo agencies carry their identifiers; the directory lists them and other systems' agencies", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const agencies = (await clerk.get("/api/agencies")).body.items;
      const so = agencies.find((a: { code: string }) => a.code === "stttt-ls");
      assert.equal(so.organId, "000.00.21.H37");
      assert.ok(agencies.every((a: { organId: string | null }) => a.organId));
      const admin = await t.login("stttt-ls.admin");
      const directory = (await admin.get("/api/admin/directory")).body.items;
      const vpcp = directory.find((e: { organId: string }) => e.organId === "000.00.00.G22");
      assert.equal(vpcp.name, "Văn phòng Chính phủ");
      assert.equal(vpcp.hosted, false);
      const own = directory.find((e: { organId: string }) => e.organId === "000.00.21.H37");
      assert.equal(own.hosted, true);
      assert.equal(own.parentOrganId, "000.00.00.H37");
      assert.equal((await clerk.get("/api/admin/directory")).status, 403);
    });

    test("an agency admin sets their identifier and contacts; a taken or malformed one is refused", async () => {
      const admin = await t.login("stttt-hd.admin");
      const me = (await admin.get("/api/agencies")).body.items.find(
        (a: { code: string }) => a.code === "stttt-hd",
      );
      const url = `/api/admin/agencies/${me.id}/exchange`;
      const saved = await admin.request("PUT", url, {
        organId: " 000.00.22.h26 ",
        address: "Số 1 Đường Thanh Niên, Hải Dương",
        email: "vanthu@stttt.haiduong.gov.vn",
        telephone: "0220 3 000 000",
        website: "https://stttt.haiduong.gov.vn",
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const row = await t.ctx.db
        .selectFrom("agencies")
        .select(["organ_id", "email"])
        .where("id", "=", me.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { organ_id: "000.00.22.H26", email: "vanthu@stttt.haiduong.gov.vn" });
      const cases: Array<[unknown, number, string]> = [
        [{ organId: "000.00.00.H26" }, 409, "ORGAN_ID_TAKEN"], // UBND tỉnh Hải Dương's
        [{ organId: "000.00.00.G22" }, 409, "ORGAN_ID_TAKEN"], // in the directory
        [{ organId: "H26" }, 400, "VALIDATION_FAILED"],
        [{ organId: "000.00.22.H26", email: "không phải thư" }, 400, "VALIDATION_FAILED"],
      ];
      for (const [body, status, code] of cases) {
        const res = await admin.request("PUT", url, body);
        assert.equal(res.status, status, JSON.stringify(body));
        assert.equal(res.body.error.code, code);
      }
      const taken = await admin.request("PUT", url, { organId: "000.00.00.H26" });
      assert.match(taken.body.error.issues[0].message, /Ủy ban nhân dân tỉnh Hải Dương/);
      // Another province's agency is not this admin's.
      const other = (await admin.get("/api/agencies")).body.items.find(
        (a: { code: string }) => a.code === "baolangson",
      );
      const refused = await admin.request("PUT", `/api/admin/agencies/${other.id}/exchange`, {
        organId: "000.00.49.H37",
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, "AGENCY_NOT_OWNED");
      // null: off the exchange.
      assert.equal((await admin.request("PUT", url, { organId: null })).status, 200);
      assert.equal((await admin.request("PUT", url, { organId: "000.00.21.H26" })).status, 200);
    });

    test("the directory from CSV: all rows or none; again unchanged; one changed; a hosted code refused", async () => {
      const installer = await t.login("admin");
      const csv = [
        "Mã định danh;Tên cơ quan;Địa chỉ;Thư điện tử;Điện thoại;Trang web;Mã cấp trên",
        '000.00.00.H14;"Ủy ban nhân dân tỉnh Bắc Giang";"Bắc Giang";;;;',
        "000.00.21.H14;Sở Thông tin và Truyền thông tỉnh Bắc Giang;;stttt@bacgiang.gov.vn;;;000.00.00.H14",
        "000.00.00.G17;Bộ Nội vụ;Hà Nội;;;;",
      ].join("\r\n");
      const first = await installer.post("/api/admin/directory/import", { csv });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual(first.body, { added: 3, updated: 0, unchanged: 0 });
      const again = await installer.post("/api/admin/directory/import", { csv });
      assert.deepEqual(again.body, { added: 0, updated: 0, unchanged: 3 });
      const changed = await installer.post("/api/admin/directory/import", {
        csv: csv.replace("Bộ Nội vụ;Hà Nội", "Bộ Nội vụ;8 Tôn Thất Thuyết, Hà Nội"),
      });
      assert.deepEqual(changed.body, { added: 0, updated: 1, unchanged: 2 });

      const before = await t.ctx.db.selectFrom("directory_entries").select("organ_id").execute();
      const bad = await installer.post("/api/admin/directory/import", {
        csv: `${csv}\nH41;Ủy ban nhân dân tỉnh Nghệ An;;;;;\n000.00.00.H22;X;;thư@;;;\n000.00.00.G17;Bộ Nội vụ;;;;;\n`,
      });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.error.code, "DIRECTORY_INVALID");
      assert.deepEqual(
        bad.body.error.issues.map((i: { path: string }) => i.path),
        ["csv.5", "csv.6", "csv.6", "csv.7"],
      );
      assert.match(bad.body.error.issues[0].message, /^Dòng 5: Mã định danh gồm/);
      assert.match(bad.body.error.issues[3].message, /đã có ở dòng 4/);
      const after = await t.ctx.db.selectFrom("directory_entries").select("organ_id").execute();
      assert.equal(after.length, before.length, "nothing of a refused file is written");

      const noHeader = await installer.post("/api/admin/directory/import", {
        csv: "000.00.00.H14,Bắc Giang",
      });
      assert.equal(noHeader.body.error.code, "DIRECTORY_INVALID");
      const hosted = await installer.post("/api/admin/directory/import", {
        csv: "ma,ten\n000.00.00.H37,Lạng Sơn",
      });
      assert.equal(hosted.status, 409);
      assert.equal(hosted.body.error.code, "ORGAN_ID_TAKEN");
      assert.equal((await installer.post("/api/admin/directory/import", { csv: CSV })).status, 422);
      // Only the installation admin imports.
      const admin = await t.login("stttt-ls.admin");
      assert.equal((await admin.post("/api/admin/directory/import", { csv })).status, 403);
    });

    test("issuing records the exchange's DocumentId; each copy carries it; a second record of it is a duplicate", async () => {
      const so = await t.login("stttt-ls.vanthu");
      const d = await so.post(
        "/api/documents",
        draftFields({ subject: "thử mã văn bản liên thông" }),
      );
      assert.equal(d.status, 201, JSON.stringify(d.body));
      const issued = await approveAndIssue(t, so, d.body.id);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const rows = await t.ctx.db
        .selectFrom("documents")
        .select(["id", "exchange_id", "agency_id"])
        .where((eb) => eb.or([eb("id", "=", d.body.id), eb("source_id", "=", d.body.id)]))
        .execute();
      const expected = `000.00.21.H37,${issued.body.date.replace(/-/g, "/")},${issued.body.reference}`;
      assert.ok(rows.length >= 2);
      assert.ok(
        rows.every((r) => r.exchange_id === expected),
        JSON.stringify(rows),
      );
      // The newspaper registers its copy; a record of the same DocumentId (as a package would
      // bring it) is named as a duplicate, by its DocumentId.
      const bao = await t.login("baolangson.vanthu");
      const baoAgency = (await bao.get("/api/auth/me")).body.agency.id;
      const copy = rows.find((r) => r.agency_id === baoAgency)!;
      assert.equal((await bao.post(`/api/documents/${copy.id}/register`, {})).status, 200);
      const imported = await bao.upload(
        "/api/documents/import",
        "goi-tin.txt",
        new TextEncoder().encode(
          "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nV/v một văn bản khác\n\nNội dung.\n",
        ),
      );
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      await t.ctx.db
        .updateTable("documents")
        .set({ exchange_id: expected })
        .where("id", "=", imported.body.document.id)
        .execute();
      const check = (await bao.get(`/api/documents/${imported.body.document.id}/duplicates`)).body;
      assert.deepEqual(
        check.items.map((i: { id: string; why: string }) => [i.id, i.why]),
        [[copy.id, "exchange"]],
      );
    });

    test("one entry edited, then removed; a hosted code or a malformed one refused", async () => {
      const installer = await t.login("admin");
      const put = await installer.request("PUT", "/api/admin/directory/000.00.00.A80", {
        name: "Ban Cơ yếu Chính phủ",
        website: "https://bcy.gov.vn",
      });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      const entry = (await installer.get("/api/admin/directory")).body.items.find(
        (e: { organId: string }) => e.organId === "000.00.00.A80",
      );
      assert.equal(entry.name, "Ban Cơ yếu Chính phủ");
      assert.equal(
        (await installer.request("PUT", "/api/admin/directory/000.00.00.H37", { name: "X tỉnh" }))
          .body.error.code,
        "ORGAN_ID_TAKEN",
      );
      assert.equal(
        (await installer.request("PUT", "/api/admin/directory/A80", { name: "Ban" })).status,
        400,
      );
      assert.equal(
        (await installer.request("DELETE", "/api/admin/directory/000.00.00.A80")).status,
        200,
      );
      assert.equal(
        (await installer.request("DELETE", "/api/admin/directory/000.00.00.A80")).status,
        404,
      );
      const audit = await t.ctx.db
        .selectFrom("audit_events")
        .select("action")
        .where("entity", "=", "directory")
        .execute();
      assert.ok(
        ["directory.import", "directory.put", "directory.remove"].every((a) =>
          audit.some((e) => e.action === a),
        ),
      );
    });
  });
}
