import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { testDatabaseKinds } from "@vanthu/db";
import { ERRORS } from "../src/error-codes.ts";
import { count, approve, draftFields, startTestApp, type TestApp } from "./helpers.ts";

/**
 * The Word 97-2003 fixture with its FIB's fEncrypted flag set, as Word writes a .doc protected
 * by a password.
 */
function encryptedDoc(): Uint8Array {
  const bytes = new Uint8Array(
    readFileSync(new URL("../../extract/test/fixtures/cong-van.doc", import.meta.url)),
  );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fib = 512;
  while (!(bytes[fib] === 0xec && bytes[fib + 1] === 0xa5)) fib += 512;
  view.setUint16(fib + 0x0a, view.getUint16(fib + 0x0a, true) | 0x0100, true);
  return bytes;
}

for (const kind of testDatabaseKinds()) {
  describe(`API on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("health names the database; the OpenAPI description lists the routes", async () => {
      const health = await t.anonymous().get("/api/health");
      assert.deepEqual(health.body, { status: "ok", database: kind, demo: true });
      const docs = await t.anonymous().get("/api/docs");
      assert.equal(docs.body.openapi, "3.1.0");
      for (const path of [
        "/api/auth/login",
        "/api/documents",
        "/api/documents/{id}",
        "/api/documents/{id}/issue",
        "/api/documents/import",
        "/api/documents/{id}/files/{name}",
      ])
        assert.ok(docs.body.paths[path], path);
    });

    test("login: wrong password, unknown user, throttling per user name, then success", async () => {
      const anon = t.anonymous();
      const wrong = await anon.post("/api/auth/login", {
        username: "ldld-bg.vanthu",
        password: "x",
      });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.error.code, "INVALID_CREDENTIALS");
      assert.match(wrong.body.error.message, /mật khẩu không đúng/);
      const unknown = await anon.post("/api/auth/login", {
        username: "nobody.here",
        password: "x",
      });
      assert.equal(unknown.body.error.code, "INVALID_CREDENTIALS");
      for (let i = 0; i < 4; i++)
        await anon.post("/api/auth/login", { username: "ldld-bg.vanthu", password: "x" });
      const throttled = await anon.post("/api/auth/login", {
        username: "ldld-bg.vanthu",
        password: "demo",
      });
      assert.equal(throttled.status, 429);
      assert.equal(throttled.body.error.code, "TOO_MANY_ATTEMPTS");
      t.clock.advance(16 * 60_000);
      const ok = await anon.post("/api/auth/login", {
        username: "ldld-bg.vanthu",
        password: "demo",
      });
      assert.equal(ok.status, 200);
      assert.ok(ok.body.csrfToken);
      assert.match(String(ok.headers["set-cookie"]), /HttpOnly; SameSite=Lax/);
    });

    test("a session expires; logging out ends it", async () => {
      const c = await t.login("ldld-bg.chuyenvien");
      assert.equal((await c.get("/api/auth/me")).status, 200);
      t.clock.advance(13 * 3600_000);
      const expired = await c.get("/api/auth/me");
      assert.equal(expired.status, 401);
      assert.equal(expired.body.error.code, "UNAUTHENTICATED");
      const d = await t.login("ldld-bg.chuyenvien");
      await d.post("/api/auth/logout");
      assert.equal((await d.get("/api/auth/me")).status, 401);
    });

    test("writes carried by the cookie need the CSRF token", async () => {
      const c = await t.login("stttt-ls.chuyenvien");
      const before = await count(t, "documents");
      const res = await c.request("POST", "/api/documents", draftFields(), {
        "x-csrf-token": "forged",
      });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, "CSRF_FAILED");
      assert.equal(await count(t, "documents"), before);
    });

    test("bug: a document issued at 01:10 in Vietnam is dated that day, not the UTC one", async () => {
      // 01:10 on 01/01/2030 in Hà Nội, still 2029 in UTC: the day and the register's year are Vietnam's.
      t.clock.set("2029-12-31T18:10:00Z");
      const writer = await t.login("stttt-ls.chuyenvien");
      const created = await writer.post("/api/documents", draftFields());
      const clerk = await t.login("stttt-ls.vanthu");
      await approve(t, clerk, created.body.id);
      const issued = await clerk.post(`/api/documents/${created.body.id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.equal(issued.body.date, "2030-01-01");
      assert.match(issued.body.reference, /^01\//);
      const me = await clerk.get("/api/auth/me");
      assert.equal(me.body.timeZone, "Asia/Ho_Chi_Minh");
    });

    test("a draft from fields, issued by the clerk: 01 of the year, then immutable", async () => {
      t.clock.set("2026-11-20T09:00:00+07:00");
      const writer = await t.login("stttt-ls.chuyenvien");
      const created = await writer.post("/api/documents", draftFields());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.status, "draft");
      assert.equal(created.body.reference, null);
      assert.match(created.body.text, /V\/v tuyên truyền phòng, chống thiên tai năm 2026/);
      const id = created.body.id;
      const notAllowed = await writer.post(`/api/documents/${id}/issue`);
      assert.equal(notAllowed.status, 403);
      assert.equal(notAllowed.body.error.code, "FORBIDDEN");

      const clerk = await t.login("stttt-ls.vanthu");
      await approve(t, clerk, id);
      const issued = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.deepEqual(issued.body, {
        number: "01",
        reference: "01/STTTT-TTBCXB",
        date: "2026-11-20",
        unresolved: [],
      });
      const again = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, "ALREADY_ISSUED");
      const patch = await writer.patch(`/api/documents/${id}`, { subject: "khác" });
      assert.equal(patch.status, 409);
      const doc = await clerk.get(`/api/documents/${id}`);
      assert.equal(doc.body.reference, "01/STTTT-TTBCXB");
      assert.match(doc.body.text, /Số: 01\/STTTT-TTBCXB/);
      assert.match(doc.body.text, /Lạng Sơn, ngày 20 tháng 11 năm 2026/);
      assert.deepEqual(doc.body.register, {
        book: "outgoing",
        period: "2026",
        number: 1,
        // An instant as ISO text, named in camelCase like every field (no raw column).
        registeredAt: "2026-11-20T02:00:00.000Z",
        // Only a received document has a day of arrival.
        arrivedOn: null,
      });
      const pdf = doc.body.files.find((f: { role: string }) => f.role === "rendered");
      const file = await clerk.get(`/api/documents/${id}/files/${encodeURIComponent(pdf.name)}`);
      assert.equal(file.status, 200);
      assert.equal(file.headers["content-type"], "application/pdf");
      assert.equal(file.raw.subarray(0, 5).toString(), "%PDF-");
      const audit = await t.ctx.db
        .selectFrom("audit_events")
        .select(["action", "actor_id"])
        .where("entity_id", "=", id)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ["document.create", "document.review.submit", "document.review.approve", "document.issue"],
      );
    });

    test("numbers follow on, and start again at 01 on 1 January", async () => {
      t.clock.set("2026-12-31T16:59:00Z"); // 23:59 in Hà Nội
      const clerk = await t.login("stttt-ls.vanthu");
      const issue = async () => {
        const d = await clerk.post("/api/documents", draftFields());
        await approve(t, clerk, d.body.id);
        return (await clerk.post(`/api/documents/${d.body.id}/issue`)).body;
      };
      const last = await issue();
      assert.equal(last.date, "2026-12-31");
      assert.ok(Number(last.number) >= 2);
      t.clock.set("2026-12-31T17:01:00Z"); // 00:01 on 1 January in Hà Nội
      const first = await issue();
      assert.deepEqual([first.number, first.date], ["01", "2027-01-01"]);
      assert.equal((await issue()).number, "02");
      t.clock.set("2026-11-20T09:00:00+07:00");
    });

    test("a correction is a new document pointing to the issued one", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post("/api/documents", draftFields());
      const draftOnly = await clerk.post("/api/documents", draftFields({ correctsId: d.body.id }));
      assert.equal(draftOnly.status, 400);
      assert.equal(draftOnly.body.error.issues[0].path, "correctsId");
      await approve(t, clerk, d.body.id);
      await clerk.post(`/api/documents/${d.body.id}/issue`);
      const fix = await clerk.post(
        "/api/documents",
        draftFields({
          correctsId: d.body.id,
          subject: "đính chính Công văn về phòng, chống thiên tai",
        }),
      );
      assert.equal(fix.status, 201, JSON.stringify(fix.body));
      assert.equal(fix.body.correctsId, d.body.id);
      const other = await t.login("sct-hd.vanthu");
      const foreign = await other.post("/api/documents", draftFields({ correctsId: d.body.id }));
      assert.equal(foreign.status, 404);
      const original = await clerk.get(`/api/documents/${d.body.id}`);
      assert.equal(original.body.status, "issued", "the issued document itself never changes");
    });

    test("a Party body numbers per type within its term", async () => {
      const clerk = await t.login("tu-ls.vanthu");
      const plan = { ...draftFields({ typeCode: "KH", unit: null }), addressees: [] };
      const a = await clerk.post("/api/documents", plan);
      const b = await clerk.post("/api/documents", { ...plan, typeCode: "TB" });
      const c = await clerk.post("/api/documents", plan);
      const refs = [];
      for (const d of [a, b, c]) {
        await approve(t, clerk, d.body.id);
        refs.push((await clerk.post(`/api/documents/${d.body.id}/issue`)).body.reference);
      }
      assert.deepEqual(refs, ["01-KH/TU", "01-TB/TU", "02-KH/TU"]);
    });

    test("an incomplete draft is refused with every missing field", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post("/api/documents", {
        ...draftFields({ paragraphs: [], signature: undefined }),
      });
      await approve(t, clerk, d.body.id);
      const res = await clerk.post(`/api/documents/${d.body.id}/issue`);
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, "MISSING_FIELDS");
      assert.deepEqual(
        res.body.error.issues.map((i: { path: string }) => i.path),
        ["paragraphs", "signature.signerName"],
      );
      const doc = await clerk.get(`/api/documents/${d.body.id}`);
      assert.equal(doc.body.status, "draft", "nothing changed");
    });

    test("bug: linter flags a template placeholder left in: issuing refuses it, by field", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post(
        "/api/documents",
        draftFields({
          subject: "[trích yếu nội dung công văn]",
          paragraphs: [
            "Thực hiện [văn bản cấp trên], Sở đề nghị các cơ quan báo cáo trước ngày ... tháng ... năm 2026./.",
          ],
          recipients: ["Như trên", "…………"],
        }),
      );
      const preview = await clerk.post(
        "/api/documents/preview",
        draftFields({ subject: "[Tên cơ quan]" }),
      );
      const placeholder = preview.body.findings.find(
        (f: { code: string }) => f.code === "placeholder",
      );
      assert.deepEqual(
        [placeholder?.severity, placeholder?.field, placeholder?.fieldItem],
        ["error", "subject", { index: 0, start: 0, end: 13 }],
      );
      await approve(t, clerk, d.body.id);
      const res = await clerk.post(`/api/documents/${d.body.id}/issue`);
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, "MISSING_FIELDS");
      assert.deepEqual(
        res.body.error.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
        [
          [
            "subject",
            'Trích yếu: còn chỗ để trống của mẫu "[trích yếu nội dung công văn]", cần thay bằng nội dung của văn bản.',
          ],
          [
            "paragraphs",
            'Nội dung, đoạn 1: còn chỗ để trống của mẫu "[văn bản cấp trên]", cần thay bằng nội dung của văn bản.',
          ],
          [
            "paragraphs",
            'Nội dung, đoạn 1: ngày, tháng còn để trống ("ngày ... tháng ... năm"), cần ghi ngày cụ thể.',
          ],
          ["recipients", 'Nơi nhận, dòng 2: còn chỗ để trống "…………" chưa điền.'],
        ],
      );
      const doc = await clerk.get(`/api/documents/${d.body.id}`);
      assert.equal(doc.body.status, "draft", "nothing changed");
    });

    test("bad bodies: clear 400s, every problem with its path, nothing written", async () => {
      const c = await t.login("stttt-ls.chuyenvien");
      const before = await count(t, "documents");
      const audits = await count(t, "audit_events");
      const malformed = await c.request("POST", "/api/documents", '{"subject": "x",', {
        "content-type": "application/json",
      });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error.code, "MALFORMED_JSON");
      assert.match(malformed.body.error.message, /JSON/);
      const types = await c.post("/api/documents", draftFields({ subject: 12, addressees: "Báo" }));
      assert.equal(types.status, 400);
      assert.equal(types.body.error.code, "VALIDATION_FAILED");
      assert.deepEqual(types.body.error.issues.map((i: { path: string }) => i.path).sort(), [
        "addressees",
        "subject",
      ]);
      const unknown = await c.post("/api/documents", draftFields({ secretNumber: "99" }));
      assert.equal(unknown.status, 400);
      assert.deepEqual(unknown.body.error.issues, [
        { path: "secretNumber", message: "Trường không được hỗ trợ." },
      ]);
      const array = await c.post("/api/documents", [1, 2]);
      assert.equal(array.status, 400);
      const text = await c.post("/api/documents", { text: "" });
      assert.equal(text.status, 400);
      const query = await c.get("/api/documents?box=trash&page=0");
      assert.equal(query.status, 400);
      assert.deepEqual(query.body.error.issues.map((i: { path: string }) => i.path).sort(), [
        "box",
        "page",
      ]);
      assert.equal(await count(t, "documents"), before);
      assert.equal(await count(t, "audit_events"), audits);
    });

    test("an agency never sees another's document by id; the public sees public documents", async () => {
      const mine = await t.login("stttt-ls.vanthu");
      const draft = await mine.post("/api/documents", draftFields());
      const other = await t.login("sct-hd.vanthu");
      for (const url of [`/api/documents/${draft.body.id}`, "/api/documents/not-a-uuid"]) {
        const res = await other.get(url);
        assert.equal(res.status, 404, url);
        assert.equal(res.body.error.code, "DOCUMENT_NOT_FOUND");
      }
      const steal = await other.post(`/api/documents/${draft.body.id}/issue`);
      assert.equal(steal.status, 404);
      const edit = await other.patch(`/api/documents/${draft.body.id}`, { subject: "x" });
      assert.equal(edit.status, 404);
      // The demo's issued documents are public; drafts never are.
      const list = await mine.get("/api/documents?box=outgoing&q=lua%20dao");
      const publicId = list.body.items[0].id;
      const anon = t.anonymous();
      assert.equal((await anon.get(`/api/documents/${publicId}`)).status, 200);
      assert.equal((await anon.get(`/api/documents/${draft.body.id}`)).status, 404);
      assert.equal((await anon.get("/api/documents")).status, 401);
    });

    test("boxes: filters without diacritics, type, dates, paging", async () => {
      const c = await t.login("stttt-ls.vanthu");
      for (let i = 0; i < 2; i++) {
        const d = await c.post("/api/documents", draftFields());
        await approve(t, c, d.body.id);
        await c.post(`/api/documents/${d.body.id}/issue`);
      }
      const found = await c.get("/api/documents?box=outgoing&q=" + encodeURIComponent("lừa đảo"));
      const folded = await c.get("/api/documents?box=outgoing&q=lua%20dao");
      assert.equal(found.body.total, 1);
      assert.deepEqual(folded.body.items, found.body.items);
      assert.equal(folded.body.items[0].reference, "1184/STTTT-TTBCXB");
      const byDate = await c.get("/api/documents?box=outgoing&from=2025-01-01&to=2025-12-31");
      assert.deepEqual(
        byDate.body.items.map((d: { reference: string }) => d.reference),
        ["1184/STTTT-TTBCXB"],
      );
      const all = await c.get("/api/documents?box=outgoing&pageSize=2");
      assert.equal(all.body.items.length, 2);
      assert.ok(all.body.total > 2);
      const page2 = await c.get("/api/documents?box=outgoing&pageSize=2&page=2");
      assert.notDeepEqual(page2.body.items, all.body.items);
      const dates = all.body.items.map((d: { date: string }) => d.date);
      assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
      const drafts = await c.get("/api/documents?box=drafts&type=CV");
      assert.ok(drafts.body.items.every((d: { status: string }) => d.status === "draft"));
      // The incoming box: what is still to register, by status.
      const recipient = await t.login("ptth-ls.vanthu");
      const toRegister = await recipient.get("/api/documents?box=incoming&status=draft");
      assert.ok(toRegister.body.total >= 2, JSON.stringify(toRegister.body));
      assert.ok(toRegister.body.items.every((d: { status: string }) => d.status === "draft"));
      // Not the one dated 01/01/2027 (issued above with the clock on New Year's night, before it
      // was set back): a document cannot arrive before its date.
      const first = toRegister.body.items.find((d: { date: string }) => d.date <= "2026-11-20").id;
      const reg = await recipient.post(`/api/documents/${first}/register`, {});
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      const after = await recipient.get("/api/documents?box=incoming&status=draft");
      assert.equal(after.body.total, toRegister.body.total - 1);
      const registered = await recipient.get("/api/documents?box=incoming&status=registered");
      assert.ok(registered.body.items.some((d: { id: string }) => d.id === first));
      const bad = await recipient.get("/api/documents?box=incoming&status=lost");
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.issues[0].path, "status");
    });

    test("import: parsed, kept for confirmation, registered with the next incoming number; once", async () => {
      const clerk = await t.login("baolangson.vanthu");
      const text = (
        await (await t.login("stttt-ls.vanthu")).get("/api/documents?box=outgoing&q=lua%20dao")
      ).body.items[0];
      const source = await (await t.login("stttt-ls.vanthu")).get(`/api/documents/${text.id}`);
      const bytes = Buffer.from(source.body.text, "utf8");
      const imported = await clerk.upload("/api/documents/import", "cong-van-1184.txt", bytes);
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      const doc = imported.body.document;
      assert.equal(doc.direction, "incoming");
      assert.equal(doc.status, "draft");
      assert.equal(doc.reference, "1184/STTTT-TTBCXB");
      assert.equal(doc.date, "2025-08-14");
      const twice = await clerk.upload("/api/documents/import", "lan-hai.txt", bytes);
      assert.equal(twice.status, 200);
      assert.equal(twice.body.duplicate, true);
      assert.equal(twice.body.document.id, doc.id);
      const reg = await clerk.post(`/api/documents/${doc.id}/register`, {
        subject: "tuyên truyền phòng, chống lừa đảo trên không gian mạng",
      });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      // The demo world registered 1650/UBND-KGVX at Báo Lạng Sơn this year: 01 is taken.
      assert.equal(reg.body.number, 2);
      const again = await clerk.post(`/api/documents/${doc.id}/register`, {});
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, "ALREADY_REGISTERED");
      const incoming = await clerk.get("/api/documents?box=incoming");
      assert.equal(
        incoming.body.items.find((d: { id: string }) => d.id === doc.id).status,
        "registered",
      );
      const original = await clerk.get(`/api/documents/${doc.id}/files/cong-van-1184.txt`);
      assert.equal(original.raw.toString("utf8"), source.body.text);
    });

    test("bug: drafts could not be deleted: a draft is, after an audit line; issued, registered and delivered documents are not", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const draft = (await clerk.post("/api/documents", draftFields())).body;
      const gone = await clerk.request("DELETE", `/api/documents/${draft.id}`);
      assert.equal(gone.status, 200, JSON.stringify(gone.body));
      assert.equal((await clerk.get(`/api/documents/${draft.id}`)).status, 404);
      const audit = await t.ctx.db
        .selectFrom("audit_events")
        .select("action")
        .where("entity_id", "=", draft.id)
        .where("action", "=", "document.delete")
        .execute();
      assert.equal(audit.length, 1, "audited");
      // Another agency's draft is not found; an issued document stays.
      const other = (await clerk.post("/api/documents", draftFields())).body;
      const stranger = await t.login("baolangson.vanthu");
      assert.equal((await stranger.request("DELETE", `/api/documents/${other.id}`)).status, 404);
      const issued = (await clerk.get("/api/documents?box=outgoing&q=lua%20dao")).body.items[0];
      const kept = await clerk.request("DELETE", `/api/documents/${issued.id}`);
      assert.equal(kept.status, 409);
      assert.equal(kept.body.error.code, "ALREADY_ISSUED");
    });

    test("bug: 30 tháng 02 pasted into a draft gave a 500: a 400 that names the date", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const text = [
        "UBND TỈNH LẠNG SƠN",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Số: /STTTT-VP",
        "V/v rà soát thiết bị",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 30 tháng 02 năm 2026",
        "",
        "Kính gửi: Các phòng chuyên môn",
        "",
        "Sở đề nghị các phòng rà soát thiết bị./.",
      ].join("\n");
      const res = await clerk.post("/api/documents", { text });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, "INVALID_DATE");
      assert.match(res.body.error.issues[0].message, /30\/02\/2026 không có thật/);
    });

    test("bug: 30 tháng 02 in an imported document gave a 500: it is stored without a date", async () => {
      const clerk = await t.login("baolangson.vanthu");
      const text = [
        "UBND TỈNH LẠNG SƠN",
        "SỞ NỘI VỤ",
        "Số: 77/SNV-VP",
        "V/v rà soát hồ sơ viên chức",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 30 tháng 02 năm 2026",
        "",
        "Kính gửi: Các cơ quan, đơn vị",
        "",
        "Sở Nội vụ đề nghị các cơ quan rà soát hồ sơ viên chức./.",
        "",
        "GIÁM ĐỐC",
        "",
        "Hoàng Văn Khải",
      ].join("\n");
      const res = await clerk.upload("/api/documents/import", "ngay-sai.txt", Buffer.from(text));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.document.reference, "77/SNV-VP");
      assert.equal(res.body.document.date, null);
      const shown = await clerk.get(`/api/documents/${res.body.document.id}`);
      assert.equal(shown.status, 200);
      assert.equal(shown.body.date, null);
    });

    test("bad uploads: a clear 4xx each, and nothing half-written", async () => {
      const clerk = await t.login("ptth-ls.vanthu");
      const before = await Promise.all(
        (["documents", "files", "document_files", "audit_events"] as const).map((x) => count(t, x)),
      );
      const cases: Array<[string, Uint8Array, number, string]> = [
        ["virus.exe", Buffer.from("MZ\x90\x00"), 415, "UNSUPPORTED_FILE_TYPE"],
        ["cong-van.pdf", Buffer.from("this is not a pdf at all"), 422, "CORRUPT_FILE"],
        ["cong-van.pdf", Buffer.from("%PDF-1.7\n garbage garbage"), 422, "CORRUPT_FILE"],
        ["cong-van.docx", Buffer.from("PK\x03\x04 not really a zip"), 422, "CORRUPT_FILE"],
        ["trong.txt", Buffer.alloc(0), 400, "EMPTY_FILE"],
        ["lon.txt", Buffer.alloc(1024 * 1024 + 10, 0x61), 413, "PAYLOAD_TOO_LARGE"],
        ["anh.txt", Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0, 0, 7, 8]), 422, "CORRUPT_FILE"],
      ];
      for (const [name, bytes, status, code] of cases) {
        const res = await clerk.upload("/api/documents/import", name, bytes);
        assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, code, name);
        assert.ok(res.body.error.message.length > 10, "a message for people");
      }
      const notMultipart = await clerk.post("/api/documents/import", { file: "x" });
      assert.equal(notMultipart.status, 415);
      const after = await Promise.all(
        (["documents", "files", "document_files", "audit_events"] as const).map((x) => count(t, x)),
      );
      assert.deepEqual(after, before);
    });

    test('bug: an empty or encrypted upload told the clerk "lỗi hệ thống, báo quản trị": a 4xx that says what is wrong', async () => {
      const clerk = await t.login("baolangson.vanthu");
      const cases: Array<[string, Uint8Array, number, keyof typeof ERRORS, RegExp]> = [
        ["trong.txt", new Uint8Array(0), 400, "EMPTY_FILE", /trống/],
        ["trong.pdf", new Uint8Array(0), 400, "EMPTY_FILE", /trống/],
        ["mat-khau.doc", encryptedDoc(), 422, "FILE_ENCRYPTED", /mật khẩu/],
      ];
      for (const [name, bytes, status, code, says] of cases) {
        const res = await clerk.upload("/api/documents/import", name, bytes);
        assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, code, name);
        assert.equal(res.body.error.message, ERRORS[code].vi, name);
        assert.match(res.body.error.message, says, name);
        assert.notEqual(res.body.error.message, ERRORS.INTERNAL.vi, name);
      }
    });
  });
}
