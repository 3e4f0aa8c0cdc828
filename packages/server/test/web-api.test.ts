/**
 * What the web application and the portal read and write beyond the documents API: the live
 * preview with lint findings, the document view, publishing, registers, agency administration,
 * and the server-rendered portal with its feed. On PGlite and PostgreSQL.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { count, approve, draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

for (const kind of testDatabaseKinds()) {
  describe(`web API and portal on ${kind}`, () => {
    let t: TestApp;
    let clerk: Client;
    let issuedId: string;
    let reference: string;
    before(async () => {
      t = await startTestApp(kind);
      clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post(
        "/api/documents",
        draftFields({ subject: "tổ chức Ngày hội sách điện tử năm 2026" }),
      );
      issuedId = d.body.id;
      await approve(t, clerk, issuedId);
      const issued = await clerk.post(`/api/documents/${issuedId}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      reference = issued.body.reference;
    });
    after(() => t.close());

    test("preview: the ND30 layout and the findings of what is typed, with safe fixes", async () => {
      const r = await clerk.post(
        "/api/documents/preview",
        draftFields({
          paragraphs: ["Đề nghị các các cơ quan thực hiện."],
          recipients: ["- Như trên;"],
        }),
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.match(r.body.html, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      assert.match(r.body.html, /- Như trên;</, "the typed dash and semicolon are not doubled");
      assert.doesNotMatch(r.body.html, /<!doctype/i, "a fragment, not a page");
      const repeated = r.body.findings.find((f: { code: string }) => f.code === "repeated-word");
      assert.ok(repeated, JSON.stringify(r.body.findings));
      assert.equal(repeated.severity, "warning");
      assert.equal(repeated.message, 'Từ "các" bị lặp lại.');
      assert.equal(r.body.text.slice(repeated.fix.start, repeated.fix.end), "các các");
      // An empty subject is allowed while typing; bad fields are not.
      const empty = await clerk.post("/api/documents/preview", draftFields({ subject: "" }));
      assert.equal(empty.status, 200);
      const bad = await clerk.post("/api/documents/preview", draftFields({ unit: "ttb cxb" }));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, "VALIDATION_FAILED");
      assert.equal(bad.body.error.issues[0].path, "unit");
      assert.equal((await t.anonymous().post("/api/documents/preview", draftFields())).status, 401);
    });

    test("view: own documents with findings; a public one without; others not found", async () => {
      const own = await clerk.get(`/api/documents/${issuedId}/view`);
      assert.equal(own.status, 200);
      assert.match(own.body.html, new RegExp(reference.replace("/", "\\/")));
      assert.ok(Array.isArray(own.body.findings));
      const stranger = await t.login("sct-hd.vanthu");
      assert.equal((await stranger.get(`/api/documents/${issuedId}/view`)).status, 404);
      const draft = await clerk.post("/api/documents", draftFields());
      assert.equal((await stranger.get(`/api/documents/${draft.body.id}/view`)).status, 404);
      assert.equal((await t.anonymous().get("/api/documents/not-a-uuid/view")).status, 404);
    });

    test("publish: the clerk or leader of the issuer shows it on the portal, audited", async () => {
      const anon = t.anonymous();
      assert.equal((await anon.get(`/van-ban/${issuedId}`)).status, 404, "not public yet");
      const writer = await t.login("stttt-ls.chuyenvien");
      const denied = await writer.post(`/api/documents/${issuedId}/publish`, { public: true });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.error.code, "PUBLISH_NOT_ALLOWED");
      const stranger = await t.login("sct-hd.vanthu");
      assert.equal(
        (await stranger.post(`/api/documents/${issuedId}/publish`, { public: true })).status,
        404,
      );
      const draft = await clerk.post("/api/documents", draftFields());
      const notIssued = await clerk.post(`/api/documents/${draft.body.id}/publish`, {
        public: true,
      });
      assert.equal(notIssued.status, 409);
      assert.equal(notIssued.body.error.code, "NOT_PUBLISHABLE");
      assert.match(notIssued.body.error.message, /ban hành/);
      const bad = await clerk.post(`/api/documents/${issuedId}/publish`, { public: "yes" });
      assert.equal(bad.status, 400);
      const audits = await count(t, "audit_events");
      const ok = await clerk.post(`/api/documents/${issuedId}/publish`, { public: true });
      assert.deepEqual(ok.body, { id: issuedId, isPublic: true });
      assert.equal(await count(t, "audit_events"), audits + 1);
      const page = await anon.get(`/van-ban/${issuedId}`);
      assert.equal(page.status, 200);
      assert.match(page.raw.toString(), /<article class="van-ban state">/);
      assert.match(page.raw.toString(), /tổ chức Ngày hội sách điện tử năm 2026/);
      const pdf = await anon.get(`/van-ban/${issuedId}/ban-pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.equal(pdf.raw.subarray(0, 5).toString(), "%PDF-");
    });

    test("portal: list, search without diacritics, per agency, Atom feed, unknown pages", async () => {
      const anon = t.anonymous();
      await clerk.post(`/api/documents/${issuedId}/publish`, { public: true });
      const home = (await anon.get("/")).raw.toString();
      assert.match(home, /<html lang="vi">/);
      assert.match(home, /Tổ chức Ngày hội sách điện tử năm 2026/);
      assert.match(home, /type="application\/atom\+xml"/);
      const found = (await anon.get("/?q=ngay%20hoi%20sach%20dien%20tu")).raw.toString();
      assert.match(found, new RegExp(`/van-ban/${issuedId}`));
      assert.match(found, /<mark>/);
      const escaped = (await anon.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")).raw.toString();
      assert.doesNotMatch(escaped, /<script>alert/);
      // A recipient finds its own copy once, not the public original beside it.
      const recipient = await t.login("baolangson.vanthu");
      const mine = (await recipient.get("/api/search?q=ngay%20hoi%20sach%20dien%20tu")).body;
      assert.equal(mine.total, 1, JSON.stringify(mine));
      assert.notEqual(mine.items[0].id, issuedId);
      assert.equal(mine.items[0].reference, reference);
      const agency = await anon.get("/co-quan/stttt-ls");
      assert.equal(agency.status, 200);
      assert.match(agency.raw.toString(), /Tổ chức Ngày hội sách điện tử/);
      assert.equal((await anon.get("/co-quan/khong-co")).status, 404);
      assert.equal((await anon.get("/van-ban/00000000-0000-4000-8000-000000000000")).status, 404);
      const feed = await anon.get("/feed.atom");
      assert.match(String(feed.headers["content-type"]), /application\/atom\+xml/);
      const xml = feed.raw.toString();
      assert.match(
        xml,
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
      );
      assert.match(xml, new RegExp(`<id>urn:uuid:${issuedId}</id>`));
      assert.match(xml, new RegExp(reference.replace("/", "\\/")));
      const agencyFeed = (await anon.get("/co-quan/stttt-ls/feed.atom")).raw.toString();
      assert.match(agencyFeed, new RegExp(issuedId));
      assert.doesNotMatch(
        (await anon.get("/co-quan/sct-hd/feed.atom")).raw.toString(),
        new RegExp(issuedId),
      );
    });

    test("registers: the Phụ lục IV columns of the agency's own books only", async () => {
      const list = await clerk.get("/api/registers");
      const outgoing = list.body.items.find((r: { book: string }) => r.book === "outgoing");
      assert.ok(outgoing, JSON.stringify(list.body));
      assert.equal(outgoing.period, "2026");
      const reg = await clerk.get(`/api/registers/${outgoing.id}`);
      const entry = reg.body.entries.find((e: { reference: string }) => e.reference === reference);
      assert.ok(entry);
      assert.equal(entry.signer, "Hoàng Thị Lan");
      assert.deepEqual(entry.recipients, ["Như trên", "Lãnh đạo Sở"]);
      assert.deepEqual(entry.archive, ["VT", "TTBCXB"]);
      const stranger = await t.login("sct-hd.vanthu");
      assert.equal((await stranger.get(`/api/registers/${outgoing.id}`)).status, 404);
      assert.equal((await clerk.get("/api/registers/nope")).status, 404);
      assert.equal((await t.anonymous().get("/api/registers")).status, 401);
    });

    /** A received document as a clerk imports it: written for the test, in the office's style. */
    const receivedText = (issuerLines: string[], number: string, subject: string, day: string) =>
      [
        ...issuerLines,
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        `Số: ${number}/VP-KGVX`,
        `V/v ${subject}`,
        "",
        `Lạng Sơn, ngày ${day} tháng 11 năm 2026`,
        "",
        "Kính gửi: Báo Lạng Sơn.",
        "",
        `Văn phòng đề nghị Báo Lạng Sơn ${subject}.`,
        "",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, KGVX.",
        "",
        "KT. CHÁNH VĂN PHÒNG",
        "PHÓ CHÁNH VĂN PHÒNG",
        "",
        "Lương Văn Hòa",
      ].join("\n");
    const importReceived = async (c: Client, name: string, text: string) => {
      const r = await c.upload("/api/documents/import", name, Buffer.from(text, "utf8"));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.document as { id: string; issuer: string | null; date: string | null };
    };
    const incomingEntries = async (c: Client) => {
      const list = await c.get("/api/registers");
      const incoming = list.body.items.find((r: { book: string }) => r.book === "incoming");
      assert.ok(incoming, JSON.stringify(list.body));
      return (await c.get(`/api/registers/${incoming.id}`)).body.entries as Array<
        Record<string, unknown>
      >;
    };

    test('bug: the incoming register\'s "Tác giả" said "Văn phòng" for the office of UBND tỉnh Lạng Sơn', async () => {
      const bao = await t.login("baolangson.vanthu");
      const doc = await importReceived(
        bao,
        "vp-ubnd-ngay-hoi.txt",
        receivedText(
          ["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"],
          "3101",
          "đưa tin Ngày hội đọc sách",
          "16",
        ),
      );
      assert.equal(doc.issuer, "Văn phòng UBND tỉnh Lạng Sơn");
      const reg = await bao.post(`/api/documents/${doc.id}/register`, {});
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      const entry = (await incomingEntries(bao)).find((e) => e.documentId === doc.id);
      assert.ok(entry);
      assert.equal(entry.issuer, "Văn phòng UBND tỉnh Lạng Sơn");
      assert.equal(entry.reference, "3101/VP-KGVX");
    });

    test("bug: the register dialog could not set the document type or the date of arrival", async () => {
      const bao = await t.login("baolangson.vanthu");
      const doc = await importReceived(
        bao,
        "vp-ubnd-thong-bao.txt",
        receivedText(
          ["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"],
          "3102",
          "đưa tin kết luận hội nghị",
          "17",
        ),
      );
      assert.equal(doc.date, "2026-11-17");
      const register = (body: Record<string, unknown>) =>
        bao.post(`/api/documents/${doc.id}/register`, body);
      // Refused, each with its code and the field named; none of them takes a number.
      const before = await count(t, "register_entries");
      for (const [body, code, path] of [
        [{ arrivedOn: "2026-11-21" }, "ARRIVAL_IN_FUTURE", "arrivedOn"],
        [{ arrivedOn: "2026-11-16" }, "ARRIVAL_BEFORE_DOCUMENT", "arrivedOn"],
        // Before the date the clerk corrects it to, though after the one read.
        [{ arrivedOn: "2026-11-18", date: "2026-11-19" }, "ARRIVAL_BEFORE_DOCUMENT", "arrivedOn"],
        [{ typeCode: "XYZ" }, "UNKNOWN_DOCUMENT_TYPE", "typeCode"],
      ] as const) {
        const r = await register(body);
        assert.ok(r.status >= 400 && r.status < 500, `${code}: ${r.status}`);
        assert.equal(r.body.error.code, code, JSON.stringify(r.body));
        assert.equal(r.body.error.issues[0].path, path, code);
      }
      assert.equal((await register({ arrivedOn: "2026-02-30" })).status, 400);
      assert.equal(await count(t, "register_entries"), before);
      // The type from core's vocabulary and the day it arrived.
      const reg = await register({ typeCode: "TB", arrivedOn: "2026-11-18" });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      assert.equal(reg.body.arrivedOn, "2026-11-18");
      const opened = (await bao.get(`/api/documents/${doc.id}`)).body;
      assert.equal(opened.typeCode, "TB");
      assert.equal(opened.typeName, "Thông báo");
      assert.equal(opened.register.arrivedOn, "2026-11-18");
      const entry = (await incomingEntries(bao)).find((e) => e.documentId === doc.id);
      assert.ok(entry);
      assert.equal(entry.arrivedOn, "2026-11-18");
      assert.equal(entry.typeName, "Thông báo");
    });

    test("registering: the day of arrival is today in Vietnam unless the clerk gives it", async () => {
      const bao = await t.login("baolangson.vanthu");
      const doc = await importReceived(
        bao,
        "vp-ubnd-khuya.txt",
        receivedText(["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG"], "3103", "đưa tin lễ hội mùa xuân", "19"),
      );
      const saved = t.clock.now;
      // 01:30 on 21/11 in Hà Nội is still 20/11 in UTC.
      t.clock.set("2026-11-20T18:30:00Z");
      try {
        const late = await t.login("baolangson.vanthu");
        const reg = await late.post(`/api/documents/${doc.id}/register`, {});
        assert.equal(reg.status, 200, JSON.stringify(reg.body));
        assert.equal(reg.body.arrivedOn, "2026-11-21");
        const entry = (await incomingEntries(late)).find((e) => e.documentId === doc.id);
        assert.equal(entry?.arrivedOn, "2026-11-21");
      } finally {
        t.clock.now = saved;
      }
    });

    test('bug: the portal list said "Ban Thường vụ" where the document\'s page gives the full name', async () => {
      const anon = t.anonymous();
      const row = await t.ctx.db
        .selectFrom("documents")
        .select(["id"])
        .where("reference", "=", "86/LĐLĐ-TG&NC")
        .where("direction", "=", "outgoing")
        .executeTakeFirstOrThrow();
      const full = "Ban Thường vụ LĐLĐ tỉnh Bắc Giang";
      const home = (await anon.get("/")).raw.toString();
      const item = home.slice(home.indexOf(`/van-ban/${row.id}`));
      const meta = item.slice(item.indexOf('<span class="meta">'), item.indexOf("</span>"));
      assert.match(meta, new RegExp(`· ${full}$`), meta);
      const page = (await anon.get(`/van-ban/${row.id}`)).raw.toString();
      assert.match(page, new RegExp(`<a href="/co-quan/ldld-bg">${full}</a>`));
      const agencyList = (await anon.get("/co-quan/ldld-bg")).raw.toString();
      assert.match(agencyList, new RegExp(`· ${full}</span>`));
      const feed = (await anon.get("/co-quan/ldld-bg/feed.atom")).raw.toString();
      assert.match(feed, new RegExp(`<author><name>${full}</name></author>`));
    });

    test('bug: two agencies named "Sở Thông tin và Truyền thông" were alike in the portal\'s issuer filter', async () => {
      const anon = t.anonymous();
      const home = (await anon.get("/")).raw.toString();
      const options = [...home.matchAll(/<option value="\/co-quan\/[^"]+"[^>]*>([^<]*)</g)].map(
        (m) => m[1]!,
      );
      assert.equal(new Set(options).size, options.length, options.join(" | "));
      assert.ok(
        options.includes("Sở Thông tin và Truyền thông (UBND tỉnh Lạng Sơn)"),
        options.join(" | "),
      );
      assert.ok(options.includes("Sở Thông tin và Truyền thông (UBND tỉnh Hải Dương)"));
      // The agency's page says which one it is, and searching it finds its documents only.
      const hd = (await anon.get("/co-quan/stttt-hd")).raw.toString();
      assert.match(hd, /<h2>Sở Thông tin và Truyền thông \(UBND tỉnh Hải Dương\)<\/h2>/);
      const ls = await t.ctx.db
        .selectFrom("documents")
        .select("id")
        .where("reference", "=", "1184/STTTT-TTBCXB")
        .where("direction", "=", "outgoing")
        .executeTakeFirstOrThrow();
      const both = (await anon.get("/?q=tuyen%20truyen")).raw.toString();
      assert.match(both, new RegExp(`/van-ban/${ls.id}`), "the word is in the Lạng Sơn document");
      const found = (await anon.get("/co-quan/stttt-hd?q=tuyen%20truyen")).raw.toString();
      assert.match(found, /642\/STTTT-TTBCXB/);
      assert.doesNotMatch(found, new RegExp(`/van-ban/${ls.id}`));
    });

    test("admin: users, roles, locking, units and agencies under one's own", async () => {
      const clerkDenied = await clerk.get("/api/admin/users");
      assert.equal(clerkDenied.status, 403);
      const admin = await t.login("stttt-ls.admin");
      const users = await admin.get("/api/admin/users");
      assert.ok(
        users.body.items.some((u: { username: string }) => u.username === "stttt-ls.vanthu"),
      );
      assert.ok(
        users.body.items.every((u: { username: string }) => u.username.startsWith("stttt-ls.")),
      );
      const created = await admin.post("/api/admin/users", {
        username: "stttt-ls.nguyenvana",
        fullName: "Nguyễn Văn A",
        title: "Chuyên viên",
        roles: ["specialist"],
        password: "mat-khau-tam",
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const again = await admin.post("/api/admin/users", {
        username: "stttt-ls.nguyenvana",
        fullName: "Nguyễn Văn A",
        roles: ["specialist"],
        password: "mat-khau-tam",
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, "USER_EXISTS");
      const badRole = await admin.post("/api/admin/users", {
        username: "stttt-ls.b",
        fullName: "B B",
        roles: ["boss"],
        password: "xxxxxx",
      });
      assert.equal(badRole.status, 400);
      assert.equal(badRole.body.error.issues[0].path, "roles.0");
      const newcomer = await t.login("stttt-ls.nguyenvana", "mat-khau-tam");
      assert.ok(newcomer.csrf);
      const roles = await admin.patch(`/api/admin/users/${created.body.id}`, {
        roles: ["specialist", "clerk"],
      });
      assert.equal(roles.status, 200);
      await admin.patch(`/api/admin/users/${created.body.id}`, { disabled: true });
      assert.equal((await newcomer.get("/api/auth/me")).status, 401, "sessions end on locking");
      const me = (await admin.get("/api/auth/me")).body.user.userId;
      const self = await admin.patch(`/api/admin/users/${me}`, { disabled: true });
      assert.equal(self.status, 403);
      const other = await t.login("sct-hd.admin");
      assert.equal(
        (await other.patch(`/api/admin/users/${created.body.id}`, { disabled: false })).status,
        404,
      );
      const unit = await admin.post("/api/admin/units", {
        name: "Phòng Bưu chính, Viễn thông",
        abbreviation: "BCVT",
      });
      assert.equal(unit.status, 201);
      const dupe = await admin.post("/api/admin/units", { name: "Khác", abbreviation: "BCVT" });
      assert.equal(dupe.status, 409);
      assert.equal(dupe.body.error.code, "UNIT_EXISTS");
      const lower = await admin.post("/api/admin/units", { name: "Khác", abbreviation: "bc vt" });
      assert.equal(lower.status, 400);
      const child = await admin.post("/api/admin/agencies", {
        code: "trung-tam-cntt-ls",
        name: "Trung tâm Công nghệ thông tin và Truyền thông",
        abbreviation: "TTCNTT",
        kind: "state",
      });
      assert.equal(child.status, 201, JSON.stringify(child.body));
      const directory = (await clerk.get("/api/agencies")).body.items;
      const added = directory.find((a: { code: string }) => a.code === "trung-tam-cntt-ls");
      const own = (await clerk.get("/api/auth/me")).body.agency;
      assert.equal(added.parentId, own.id);
    });
  });
}
