/**
 * The API contract (@vanthu/contract) against the running app, on PGlite and PostgreSQL:
 *
 * - every /api route the app registers is in the OpenAPI document, each with its summary, its
 *   path parameters, a success response with a schema (JSON, resolved in the components, or
 *   bytes), its request body when it takes one; and the document names no route the app lacks;
 * - every route of the document is called at least once with a valid request, in the order a
 *   clerk's day goes (write, issue, deliver, register, report, follow on, administer), and must
 *   answer its declared success status with a body its reply schema accepts (checked here, and by
 *   the app itself, which checks every reply in the tests: `TestApp.contractViolations`).
 *
 * A route added to the contract without a call here fails the second test by name.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { testDatabaseKinds } from "@vanthu/db";
import { createDevelopmentPki } from "@vanthu/signatures";
import { sealImage, signatureImage } from "../../signatures/test/sign-fixtures.ts";
import {
  endpoints,
  fillPath,
  pathParams,
  splitKey,
  type ApiReply,
  type EndpointKey,
  type EndpointSpec,
} from "@vanthu/contract";
import { createHash } from "node:crypto";
import { organ, statusFor, writeEdxmlStatus } from "@vanthu/edxml";
import { EXCHANGE_HEADERS, requestSignature } from "@vanthu/server";
import { draftFields, startTestApp, type Client, type Response, type TestApp } from "./helpers.ts";

interface Operation {
  summary?: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: unknown[];
}
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** "get", "/api/documents/{id}" -> "GET /api/documents/:id" (the contract's key). */
const keyOf = (method: string, path: string) =>
  `${method.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ":$1")}`;

const txt = (s: string) => Buffer.from(s, "utf8");

for (const kind of testDatabaseKinds()) {
  describe(`the API contract on ${kind}`, () => {
    let t: TestApp;
    let doc: OpenApi;
    before(async () => {
      t = await startTestApp(kind);
      doc = (await t.anonymous().get("/api/docs")).body as OpenApi;
    });
    after(() => t.close());

    test("every route has a summary, a schema and a response; the document has no other", () => {
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => keyOf(method, path)),
      );
      const registered = t.app.routeList
        .filter((r) => r.url.startsWith("/api/") && r.method !== "HEAD")
        .map((r) => `${r.method} ${r.url}`);
      assert.deepEqual([...documented].sort(), [...registered].sort());
      assert.deepEqual([...documented].sort(), Object.keys(endpoints).sort());
      assert.ok(documented.length > 40, String(documented.length));

      for (const [path, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) {
          const key = keyOf(method, path);
          const spec: EndpointSpec = endpoints[key as EndpointKey];
          assert.ok(op.summary && op.summary.length > 10, `${key}: a summary`);
          assert.deepEqual(
            (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
            pathParams(splitKey(key).path),
            `${key}: its path parameters`,
          );
          const success = Object.entries(op.responses).filter(([status]) => status < "300");
          assert.ok(success.length, `${key}: a success response`);
          for (const [status, response] of Object.entries(op.responses)) {
            const content = Object.entries(response.content ?? {});
            assert.ok(content.length, `${key} ${status}: a content`);
            for (const [type, media] of content) {
              if (type !== "application/json") continue;
              const ref = media.schema?.$ref ?? "";
              const name = ref.replace("#/components/schemas/", "");
              assert.ok(doc.components.schemas[name], `${key} ${status}: schema ${ref}`);
            }
          }
          if (spec.body || spec.upload) assert.ok(op.requestBody, `${key}: its request body`);
          if (spec.auth === "session") assert.ok(op.security, `${key}: the session it needs`);
          assert.ok(
            "kind" in spec.reply || spec.reply instanceof z.ZodType,
            `${key}: a reply schema`,
          );
        }
      // Every $ref of the components resolves too (the shared schemas, the recursive tree).
      const refs = JSON.stringify(doc.components).matchAll(
        /"\$ref":"#\/components\/schemas\/([^"]+)"/g,
      );
      for (const [, name] of refs) assert.ok(doc.components.schemas[name!], name);
    });

    test("every route of the document answers a valid request with its declared reply", async () => {
      const called = new Set<string>();
      /** Calls route `key` and checks its status and reply against the contract. */
      async function call<K extends EndpointKey>(
        client: Client,
        key: K,
        params: Record<string, string> = {},
        init: {
          body?: unknown;
          query?: string;
          files?: Array<{ name: string; bytes: Buffer }>;
          /** A body sent as it is, with its own headers (the exchange inbox's multipart). */
          raw?: { body: Buffer; headers: Record<string, string> };
        } = {},
      ): Promise<ApiReply<K>> {
        const spec: EndpointSpec = endpoints[key];
        const { method, path } = splitKey(key);
        const url = fillPath(path, params) + (init.query ?? "");
        const res: Response = init.raw
          ? await client.request(method, url, init.raw.body, init.raw.headers)
          : init.files
            ? await client.uploadMany(
                url,
                init.files,
                spec.upload === "many" ? { label: "thử" } : {},
              )
            : await client.request(method, url, init.body);
        const expected = [spec.status ?? 200, ...Object.keys(spec.otherStatuses ?? {}).map(Number)];
        assert.ok(
          expected.includes(res.status),
          `${key}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 500)}`,
        );
        if ("kind" in spec.reply) assert.ok(res.raw.length > 0, `${key}: the file's bytes`);
        else {
          const r = spec.reply.safeParse(res.body);
          assert.ok(r.success, `${key}: ${r.success ? "" : z.prettifyError(r.error)}`);
        }
        called.add(key);
        return res.body as ApiReply<K>;
      }

      const anonymous = t.anonymous();
      await call(anonymous, "GET /api/health");
      await call(anonymous, "GET /api/docs");
      await call(
        anonymous,
        "POST /api/auth/login",
        {},
        {
          body: { username: "stttt-ls.chuyenvien", password: "demo" },
        },
      );

      // The issuer writes, plans and issues a directive.
      const so = await t.login("stttt-ls.vanthu");
      await call(so, "GET /api/auth/me");
      const draft = await call(
        so,
        "POST /api/documents",
        {},
        {
          body: draftFields({
            subject: "kiểm thử hợp đồng giao diện lập trình",
            recipients: ["Như trên", "UBND tỉnh (để b/c)", "Hội Nhà báo tỉnh (để phối hợp)"],
          }),
        },
      );
      const id = { id: draft.id };
      await call(so, "POST /api/documents/preview", {}, { body: draftFields() });
      await call(so, "PATCH /api/documents/:id", id, {
        body: { subject: "kiểm thử hợp đồng giao diện lập trình năm 2026" },
      });
      await call(so, "GET /api/documents", {}, { query: "?box=drafts&pageSize=5" });
      const scrap = await call(so, "POST /api/documents", {}, { body: draftFields() });
      await call(so, "DELETE /api/documents/:id", { id: scrap.id });
      const plan = await call(so, "GET /api/documents/:id/task-plan", id);
      assert.ok(plan.items.length, "the numbered items are tasks");
      await call(so, "PUT /api/documents/:id/task-plan", id, {
        body: { items: plan.items, cycles: ["quarterly"], due: null },
      });
      const delivery = await call(so, "GET /api/documents/:id/delivery-plan", id);
      assert.deepEqual(delivery.unresolved, ["Hội Nhà báo tỉnh (để phối hợp)"]);
      // Sent up to the deputy, sent back, changed, sent up again, passed on to the leader, who
      // approves it; the versions and the diff between them.
      const reviewers = await call(so, "GET /api/documents/:id/reviewers", id);
      const byTitle = (list: typeof reviewers, title: string) =>
        list.items.find((p) => p.title === title)!.id;
      const deputy = await t.login("stttt-ls.pholanhdao");
      const head = await t.login("stttt-ls.lanhdao");
      await call(so, "POST /api/documents/:id/review/submit", id, {
        body: { reviewerId: byTitle(reviewers, "Phó Lãnh đạo"), note: "Kính trình." },
      });
      await call(deputy, "POST /api/documents/:id/review/send-back", id, {
        body: { note: "Bổ sung thời hạn báo cáo." },
      });
      await call(so, "PATCH /api/documents/:id", id, {
        body: { subject: "kiểm thử hợp đồng giao diện lập trình năm 2026, có thời hạn" },
      });
      await call(so, "POST /api/documents/:id/review/submit", id, {
        body: { reviewerId: byTitle(reviewers, "Phó Lãnh đạo") },
      });
      const upward = await call(deputy, "GET /api/documents/:id/reviewers", id, {
        query: "?for=forward",
      });
      await call(deputy, "POST /api/documents/:id/review/forward", id, {
        body: { reviewerId: byTitle(upward, "Lãnh đạo"), note: "Kính trình Giám đốc." },
      });
      await call(head, "POST /api/documents/:id/review/approve", id, { body: {} });
      const versions = await call(so, "GET /api/documents/:id/versions", id);
      assert.equal(versions.items.length, 2);
      const diff = await call(so, "GET /api/documents/:id/versions/:from/diff/:to", {
        ...id,
        from: "1",
        to: "2",
      });
      assert.ok(diff.inserted > 0, JSON.stringify(diff));
      const issued = await call(so, "POST /api/documents/:id/issue", id, {
        // The clerk says the line not found is not delivered through the system.
        body: { lines: [{ kind: "copy", line: "Hội Nhà báo tỉnh (để phối hợp)", agencyIds: [] }] },
      });
      assert.deepEqual(issued.unresolved, []);
      const opened = await call(so, "GET /api/documents/:id", id);
      const pdf = opened.files.find((f) => f.role === "rendered");
      assert.ok(pdf, JSON.stringify(opened.files));
      await call(so, "GET /api/documents/:id/files/:name", { ...id, name: pdf.name });
      await call(so, "GET /api/documents/:id/view", id);
      await call(so, "POST /api/documents/:id/publish", id, { body: { public: true } });
      await call(so, "GET /api/documents/:id/deliveries", id);
      await call(so, "GET /api/documents/:id/links", id);
      await call(anonymous, "GET /api/search", {}, { query: "?q=kiem%20thu%20hop%20dong" });

      // A recipient registers its copy, moves it on, reports, writes a follow-on.
      const copyOf = async (client: Client) => {
        const box = (await client.get("/api/documents?box=incoming"))
          .body as ApiReply<"GET /api/documents">;
        const copy = box.items.find((d) => d.reference === issued.reference);
        assert.ok(copy, `${issued.reference} delivered`);
        return { id: copy.id };
      };
      const bao = await t.login("baolangson.vanthu");
      const baoCopy = await copyOf(bao);
      await call(bao, "POST /api/documents/:id/register", baoCopy, { body: {} });
      await call(bao, "POST /api/documents/:id/progress", baoCopy, { body: { status: "04" } });
      // The forms of the received copy (issue 15, item 7).
      await call(bao, "GET /api/forms/handling-slip/:id", baoCopy);
      await call(bao, "GET /api/forms/handling-slip/:id/pdf", baoCopy);
      const period = { query: "?from=2026-11-01&to=2026-11-30" };
      const followUp = await call(bao, "GET /api/forms/follow-up-register", {}, period);
      assert.ok(followUp.entries.some((e) => e.documentId === baoCopy.id));
      const figures = await call(bao, "GET /api/forms/handling-report", {}, period);
      assert.ok(figures.total.incoming.received >= 1);
      const owed = await call(bao, "GET /api/tasks");
      const task = owed.items.find((i) => i.document.id === baoCopy.id);
      assert.ok(task?.periods.length, JSON.stringify(owed.items));
      const report = await call(
        bao,
        "POST /api/tasks/:id/reports",
        { id: task.taskId },
        {
          body: {
            period: task.periods[0]!.label,
            figures: { articles: 3 },
            narrative: "Đã đưa tin.",
          },
        },
      );
      const file = await call(
        bao,
        "POST /api/reports/:id/files",
        { id: report.id },
        {
          files: [{ name: "anh-bao-cao.txt", bytes: txt("Ba tin bài đã đăng.") }],
        },
      );
      await call(so, "GET /api/reports/:id/files/:name", { id: report.id, name: file.name });
      await call(so, "PATCH /api/tasks/:id", { id: task.taskId }, { body: { title: "Đưa tin" } });
      await call(so, "GET /api/documents/:id/dashboard", id);
      await call(so, "POST /api/documents/:id/consolidated-report", id);
      await call(bao, "POST /api/documents/:id/follow-on", baoCopy);
      await call(bao, "GET /api/documents/:id/chain", baoCopy);
      // The newspaper handles its copy inside: deadlines, bút phê, assignment, work, reply, done.
      const baoAdmin = await t.login("baolangson.admin");
      await call(baoAdmin, "GET /api/admin/deadlines");
      await call(
        baoAdmin,
        "PUT /api/admin/deadline-rules",
        {},
        {
          body: { rules: [{ typeCode: "", urgency: "", workingDays: 10 }] },
        },
      );
      await call(
        baoAdmin,
        "PUT /api/admin/holidays",
        {},
        {
          body: { holidays: [{ day: "2027-01-01", name: "Tết Dương lịch" }] },
        },
      );
      await call(bao, "GET /api/documents/:id/duplicates", baoCopy, { query: "?urgency=khan" });
      const people = await call(bao, "GET /api/handling/people");
      const usernames = Object.fromEntries(
        (await t.ctx.db.selectFrom("users").select(["id", "username"]).execute()).map((u) => [
          u.id,
          u.username,
        ]),
      );
      const personId = (username: string) =>
        people.people.find((p) => usernames[p.id] === username)!.id;
      const unitTS = people.units.find((u) => u.abbreviation === "TS")!.id;
      await call(bao, "POST /api/documents/:id/present", baoCopy, {
        body: { leaderId: personId("baolangson.lanhdao") },
      });
      const baoLeader = await t.login("baolangson.lanhdao");
      await call(baoLeader, "POST /api/documents/:id/instructions", baoCopy, {
        body: { text: "Ban Thời sự chủ trì thực hiện.", lead: unitTS, dueOn: "2026-12-31" },
      });
      const baoHead = await t.login("baolangson.truongphong");
      const handling = await call(baoHead, "GET /api/documents/:id/handling", baoCopy);
      await call(baoHead, "POST /api/documents/:id/assignments", baoCopy, {
        body: { handlerId: handling.handlers[0]!.id, userId: personId("baolangson.chuyenvien") },
      });
      const baoSpecialist = await t.login("baolangson.chuyenvien");
      await call(baoSpecialist, "POST /api/documents/:id/handling/progress", baoCopy, {
        body: {},
      });
      await call(baoSpecialist, "POST /api/documents/:id/handling/notes", baoCopy, {
        body: { text: "Đã phân công phóng viên." },
      });
      const noteFile = await call(
        baoSpecialist,
        "POST /api/documents/:id/handling/files",
        baoCopy,
        {
          files: [{ name: "ke-hoach.txt", bytes: txt("Kế hoạch tin bài.") }],
        },
      );
      await call(baoSpecialist, "GET /api/documents/:id/handling/files/:noteId", {
        ...baoCopy,
        noteId: noteFile.id,
      });
      await call(baoSpecialist, "POST /api/documents/:id/reply", baoCopy);
      await call(bao, "POST /api/documents/:id/reminders", baoCopy, { body: { kind: "nhac-nho" } });
      await call(bao, "GET /api/handling/overdue");
      await call(baoSpecialist, "POST /api/documents/:id/handling/done", baoCopy, {
        body: { result: "Đã đăng tin." },
      });
      const tpls = await t.ctx.db
        .selectFrom("agencies")
        .select("id")
        .where("code", "=", "vhtt-tpls")
        .executeTakeFirstOrThrow();
      await call(bao, "POST /api/documents/:id/forward", baoCopy, {
        body: { agencyId: tpls.id, note: "Chuyển để phối hợp đưa tin." },
      });
      await call(bao, "GET /api/notifications");
      await call(bao, "POST /api/notifications/read", {}, { body: {} });
      await call(bao, "GET /api/my-work");
      // Another returns its copy as misaddressed.
      const ptth = await t.login("ptth-ls.vanthu");
      await call(ptth, "POST /api/documents/:id/return", await copyOf(ptth), {
        body: { reason: "gửi nhầm cơ quan" },
      });

      // Received files: one inside the request, then a batch read in the background.
      const letter = txt(opened.text);
      const again = await call(
        bao,
        "POST /api/documents/import",
        {},
        {
          files: [{ name: "cong-van-den.txt", bytes: letter }],
        },
      );
      // The same directive, received a second time: attached to the registered copy.
      await call(
        bao,
        "POST /api/documents/:id/attach",
        { id: again.document.id },
        {
          body: { toId: baoCopy.id },
        },
      );
      const batch = await call(
        bao,
        "POST /api/imports",
        {},
        {
          files: [{ name: "lo/cong-van-den.txt", bytes: letter }],
        },
      );
      await call(
        bao,
        "POST /api/imports/:id/files",
        { id: batch.id },
        {
          files: [{ name: "lo/ghi-chu.txt", bytes: txt("Kính gửi: Báo Lạng Sơn") }],
        },
      );
      await call(bao, "GET /api/imports");
      await call(bao, "GET /api/imports/:id", { id: batch.id });

      const registers = await call(so, "GET /api/registers");
      await call(so, "GET /api/registers/:id", { id: registers.items[0]!.id });
      await call(so, "GET /api/agencies");

      // The agency admin: users, units, an agency under its own, renamed.
      const admin = await t.login("stttt-ls.admin");
      await call(admin, "GET /api/admin/users");
      const user = await call(
        admin,
        "POST /api/admin/users",
        {},
        {
          body: {
            username: "thu.hopdong",
            fullName: "Người Thử Hợp Đồng",
            password: "Mat-khau-thu-hop-dong-2026",
            roles: ["specialist"],
          },
        },
      );
      await call(admin, "PATCH /api/admin/users/:id", user, { body: { title: "Chuyên viên" } });
      const reset = await call(admin, "POST /api/admin/users/:id/password", user, { body: {} });
      assert.ok(reset.password, "a generated password, shown once");
      await call(admin, "GET /api/admin/units");
      const unit = await call(
        admin,
        "POST /api/admin/units",
        {},
        {
          body: { name: "Phòng Thử nghiệm", abbreviation: "PTN" },
        },
      );
      await call(admin, "PATCH /api/admin/users/:id", user, {
        body: { unitId: unit.id, unitHead: true, followsUp: true, email: "thu@example.vn" },
      });
      await call(admin, "PATCH /api/admin/units/:id", unit, {
        body: { name: "Phòng Thử nghiệm và Kiểm định" },
      });
      await call(admin, "POST /api/admin/units/:id/close", unit);
      await call(admin, "GET /api/people");
      // The installation admin: the roots signatures are checked against.
      const installer = await t.login("admin");
      const { rootPem } = await createDevelopmentPki({ name: "Contract Test Root CA" });
      const [anchor] = (
        await call(installer, "POST /api/admin/trust-anchors", {}, { body: { data: rootPem } })
      ).items;
      await call(installer, "GET /api/admin/trust-anchors");
      await call(installer, "DELETE /api/admin/trust-anchors/:fingerprint", {
        fingerprint: anchor!.sha256,
      });
      // A leader away delegates to the deputy, and takes it back.
      const leader = await t.login("stttt-ls.lanhdao");
      const deputyPerson = (await call(leader, "GET /api/people")).items.find((p) =>
        p.fullName.startsWith("Phó Lãnh đạo"),
      )!;
      const delegation = await call(
        leader,
        "POST /api/delegations",
        {},
        {
          body: {
            toUserId: deputyPerson.id,
            startsOn: "2026-11-23",
            endsOn: "2026-11-27",
            note: "đi công tác",
          },
        },
      );
      await call(leader, "GET /api/delegations");
      await call(leader, "POST /api/delegations/:id/revoke", delegation);
      // Signing: the agency's PKCS#12 and seal, the leader's PKCS#12 and signature image.
      const pki = await createDevelopmentPki({ now: t.clock.now });
      const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
      const leaderPerson = {
        id: (await call(leader, "GET /api/people")).items.find((p) =>
          p.fullName.startsWith("Lãnh đạo"),
        )!.id,
      };
      const p12 = async (name: string) =>
        b64((await pki.agency({ name, password: "mật khẩu" })).p12);
      await call(
        admin,
        "POST /api/admin/signing/agency",
        {},
        {
          body: { kind: "pkcs12", p12: await p12("Sở TTTT"), password: "mật khẩu" },
        },
      );
      await call(admin, "POST /api/admin/signing/seal", {}, { body: { png: b64(sealImage()) } });
      await call(admin, "POST /api/admin/users/:id/signer", leaderPerson, {
        body: { kind: "pkcs12", p12: await p12("Lãnh đạo"), password: "mật khẩu" },
      });
      await call(admin, "POST /api/admin/users/:id/signature-image", leaderPerson, {
        body: { png: b64(signatureImage()) },
      });
      await call(admin, "GET /api/admin/signing");
      await call(leader, "GET /api/signing/me");
      await call(admin, "DELETE /api/admin/users/:id/signer", leaderPerson);
      await call(admin, "DELETE /api/admin/signing/agency");
      const agency = await call(
        admin,
        "POST /api/admin/agencies",
        {},
        {
          body: {
            code: "ttth-ls",
            name: "Trung tâm Thử nghiệm",
            abbreviation: "TTTN",
            kind: "state",
          },
        },
      );
      await call(admin, "POST /api/admin/agencies/:id/rename", agency, {
        body: { name: "Trung tâm Thử nghiệm số", reason: "đổi tên theo quyết định mới" },
      });
      await call(admin, "GET /api/agencies/:id/history", agency);
      // The exchange: the new agency's identifier; the directory, imported and edited.
      await call(admin, "PUT /api/admin/agencies/:id/exchange", agency, {
        body: { organId: "000.00.51.H37", email: "tttn@langson.gov.vn" },
      });
      await call(admin, "GET /api/admin/directory");
      await call(
        installer,
        "POST /api/admin/directory/import",
        {},
        {
          body: { csv: "Mã định danh,Tên cơ quan\n000.00.00.H14,Ủy ban nhân dân tỉnh Bắc Giang" },
        },
      );
      await call(
        installer,
        "PUT /api/admin/directory/:organId",
        { organId: "000.00.00.G17" },
        {
          body: { name: "Bộ Nội vụ" },
        },
      );
      await call(installer, "DELETE /api/admin/directory/:organId", { organId: "000.00.00.G17" });

      // The new user changes the password given, then signs out.
      const newcomer = await t.login("thu.hopdong", reset.password);
      await call(
        newcomer,
        "POST /api/auth/password",
        {},
        {
          body: { currentPassword: reset.password, newPassword: "Mat-khau-moi-cua-toi-2026" },
        },
      );
      await call(newcomer, "POST /api/auth/logout");

      // The exchange (issue 17): a peer, a status package through the inbox, the log, a retry,
      // the recall of the directive and the newspaper's answer.
      const secret = "contract-test-shared-secret-0001";
      await call(
        installer,
        "PUT /api/admin/exchange/peers/:organId",
        { organId: "000.00.00.G22" },
        { body: { transport: "http", address: "http://127.0.0.1:9/api/exchange/inbox", secret } },
      );
      await call(installer, "GET /api/admin/exchange/peers");
      const status = new TextEncoder().encode(
        writeEdxmlStatus(
          statusFor({
            documentId: "000.00.00.G22,2026/11/20,12/VPCP-TH",
            code: "03",
            from: organ("000.00.00.G22", "Văn phòng Chính phủ"),
            to: "000.00.21.H37",
            now: t.clock.now,
          }),
        ),
      );
      const boundary = "----vanthu-contract";
      const multipart = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.edxml"\r\nContent-Type: application/xml\r\n\r\n`,
        ),
        Buffer.from(status),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const messageId = "contract-status-1";
      await call(
        anonymous,
        "POST /api/exchange/inbox",
        {},
        {
          raw: {
            body: multipart,
            headers: {
              "content-type": `multipart/form-data; boundary=${boundary}`,
              [EXCHANGE_HEADERS.from]: "000.00.00.G22",
              [EXCHANGE_HEADERS.to]: "000.00.21.H37",
              [EXCHANGE_HEADERS.messageId]: messageId,
              [EXCHANGE_HEADERS.signature]: requestSignature(Buffer.from(secret), {
                messageId,
                fromOrganId: "000.00.00.G22",
                toOrganId: "000.00.21.H37",
                sha256: createHash("sha256").update(status).digest("hex"),
              }),
            },
          },
        },
      );
      const failed = await t.ctx.db
        .insertInto("exchange_messages")
        .values({
          message_id: "contract-failed-1",
          direction: "out",
          agency_id: (await so.get("/api/auth/me")).body.agency.id,
          peer_organ_id: "000.00.00.G22",
          kind: "status",
          status_code: "03",
          exchange_document_id: "000.00.00.G22,2026/11/20,12/VPCP-TH",
          state: "failed",
          error_code: "EXCHANGE_UNREACHABLE",
          created_at: t.clock.now,
          updated_at: t.clock.now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const log = await call(so, "GET /api/exchange/messages", {}, { query: "?state=failed" });
      assert.ok(log.items.some((m) => m.id === failed.id));
      await call(so, "POST /api/exchange/messages/:id/retry", { id: failed.id });
      await call(installer, "DELETE /api/admin/exchange/peers/:organId", {
        organId: "000.00.00.G22",
      });
      await call(so, "POST /api/documents/:id/recall", id, {
        body: { reason: "Văn bản cần sửa nội dung." },
      });
      await call(bao, "POST /api/documents/:id/recall-answer", baoCopy, {
        body: { accept: false, reason: "Đã triển khai." },
      });

      const keys = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => keyOf(method, path)),
      );
      assert.deepEqual(
        keys.filter((k) => !called.has(k)),
        [],
        "routes of the document never called here",
      );
      assert.deepEqual(t.contractViolations, []);
    });
  });
}
