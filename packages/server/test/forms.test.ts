/**
 * The forms and reports of issue 15 item 7, on PGlite and PostgreSQL: the instruction slip
 * (Phiếu giải quyết văn bản đến) as data, HTML and PDF; the follow-up register (Sổ theo dõi giải
 * quyết văn bản đến); the handling report per unit and per person, each figure checked; who
 * sees what; the refusals.
 *
 * The newspaper (Báo Lạng Sơn) receives six letters, registered through the API; the handling
 * states (instructions, handlers with deadlines and done times, notes, reminders, review steps)
 * are written straight into the tables of migration 20261203090000_workflow.sql, as the handling
 * use cases write them. Today is 10/12/2026 in Vietnam; the period is December 2026.
 *
 *   letter  arrived  due    lead (unit, person)               state on 10/12
 *   A       01/12    08/12  Ban Thời sự done 05/12, CV done   on time
 *   B       02/12    08/12  Ban Thời sự done 09/12 00:30 (VN)  late (08/12 in UTC: on time)
 *   C       03/12    09/12  Ban Thời sự, CV, waiting          overdue (a reminder)
 *   D       04/12    20/12  Ban Thư ký tòa soạn, CV2          open
 *   F       05/12    none   nobody yet                        open
 *   E       15/11    -      outside the period                -
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import type { ApiReply } from "@vanthu/contract";
import { draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

const txt = (s: string) => new TextEncoder().encode(s);

const letter = (n: number, day: string) => `UBND TỈNH LẠNG SƠN
SỞ THÔNG TIN VÀ TRUYỀN THÔNG
Số: 9${n}/STTTT-TTBCXB
V/v đưa tin thử phiếu giải quyết số ${n}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lạng Sơn, ngày ${day} tháng 11 năm 2026

Kính gửi: Báo Lạng Sơn.

Sở Thông tin và Truyền thông đề nghị Báo Lạng Sơn đưa tin về nội dung thử số ${n}./.

Nơi nhận:
- Như trên;
- Lưu: VT, TTBCXB.
GIÁM ĐỐC

Nguyễn Văn An
`;

const PERIOD = "?from=2026-12-01&to=2026-12-31";
const at = (iso: string) => new Date(iso);

type Report = ApiReply<"GET /api/forms/handling-report">;
type Register = ApiReply<"GET /api/forms/follow-up-register">;
type Slip = ApiReply<"GET /api/forms/handling-slip/:id">;

const figures = (
  received: number,
  onTime: number,
  late: number,
  overdue: number,
  open: number,
) => ({
  received,
  onTime,
  late,
  overdue,
  open,
});
const drafting = (written: number, submitted: number, approved: number, issued: number) => ({
  written,
  submitted,
  approved,
  issued,
});

for (const kind of testDatabaseKinds()) {
  describe(`forms and reports on ${kind}`, () => {
    let t: TestApp;
    let clerk: Client;
    let leader: Client;
    const doc: Record<string, string> = {};
    let draftOwn = "";

    before(async () => {
      // The demo world is made in November: none of its records fall in December.
      t = await startTestApp(kind, "2026-11-01T09:00:00+07:00");
      t.clock.set("2026-12-10T09:00:00+07:00");
      clerk = await t.login("baolangson.vanthu");
      leader = await t.login("baolangson.lanhdao");
      const arrivals: Array<[string, number, string, string]> = [
        ["A", 1, "20", "2026-12-01"],
        ["B", 2, "20", "2026-12-02"],
        ["C", 3, "20", "2026-12-03"],
        ["D", 4, "20", "2026-12-04"],
        ["F", 5, "20", "2026-12-05"],
        ["E", 6, "10", "2026-11-15"],
      ];
      for (const [name, n, day, arrivedOn] of arrivals) {
        const imported = await clerk.upload(
          `/api/documents/import`,
          `den-${n}.txt`,
          txt(letter(n, day)),
        );
        assert.equal(imported.status, 201, JSON.stringify(imported.body));
        doc[name] = imported.body.document.id;
        const registered = await clerk.post(`/api/documents/${doc[name]}/register`, { arrivedOn });
        assert.equal(registered.status, 200, JSON.stringify(registered.body));
      }

      const db = t.ctx.db;
      const users = await db
        .selectFrom("users")
        .innerJoin("agencies", "agencies.id", "users.agency_id")
        .select(["users.id", "users.username"])
        .where("agencies.code", "=", "baolangson")
        .execute();
      const u = (suffix: string) => users.find((r) => r.username === `baolangson.${suffix}`)!.id;
      const units = await db
        .selectFrom("units")
        .innerJoin("agencies", "agencies.id", "units.agency_id")
        .select(["units.id", "units.abbreviation"])
        .where("agencies.code", "=", "baolangson")
        .execute();
      const ts = units.find((r) => r.abbreviation === "TS")!.id;
      const tkts = units.find((r) => r.abbreviation === "TKTS")!.id;

      const due: Record<string, string | null> = {
        A: "2026-12-08",
        B: "2026-12-08",
        C: "2026-12-09",
        D: "2026-12-20",
      };
      for (const [name, dueOn] of Object.entries(due))
        await db
          .updateTable("documents")
          .set({ due_on: dueOn })
          .where("id", "=", doc[name]!)
          .execute();
      await db
        .updateTable("documents")
        .set({ handling: "done" })
        .where("id", "in", [doc.A!, doc.B!])
        .execute();

      const instruct = async (
        name: string,
        text: string,
        extra: { on_paper?: boolean; given_by?: string; on_behalf_of?: string | null } = {},
      ) =>
        (
          await db
            .insertInto("instructions")
            .values({
              document_id: doc[name]!,
              text,
              due_on: due[name] ?? null,
              given_by: extra.given_by ?? u("lanhdao"),
              entered_by: extra.on_paper ? u("vanthu") : (extra.given_by ?? u("lanhdao")),
              on_paper: extra.on_paper ?? false,
              on_behalf_of: extra.on_behalf_of ?? null,
              at: at("2026-12-04T08:15:00+07:00"),
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      const handler = async (values: {
        document: string;
        instruction?: string | null;
        parent?: string | null;
        unit?: string | null;
        user?: string | null;
        role: "lead" | "cooperate" | "inform";
        by?: string;
        status?: "waiting" | "in-progress" | "done";
        doneAt?: string;
        result?: string;
      }) =>
        (
          await db
            .insertInto("handlers")
            .values({
              document_id: doc[values.document]!,
              instruction_id: values.instruction ?? null,
              parent_id: values.parent ?? null,
              unit_id: values.unit ?? null,
              user_id: values.user ?? null,
              role: values.role,
              assigned_by: values.by ?? null,
              assigned_at: at("2026-12-04T09:00:00+07:00"),
              due_on: null,
              status: values.status ?? "waiting",
              done_at: values.doneAt ? at(values.doneAt) : null,
              result: values.result ?? null,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;

      // A: on paper, lead and cooperating units; the unit head passes it to the specialist.
      const iA = await instruct("A", "Giao Ban Thời sự chủ trì <đưa tin> & báo cáo kết quả.", {
        on_paper: true,
      });
      const aLead = await handler({
        document: "A",
        instruction: iA,
        unit: ts,
        role: "lead",
        by: u("lanhdao"),
        status: "done",
        doneAt: "2026-12-05T16:00:00+07:00",
        result: "Đã đăng ba tin",
      });
      await handler({
        document: "A",
        instruction: iA,
        unit: tkts,
        role: "cooperate",
        by: u("lanhdao"),
      });
      await handler({
        document: "A",
        parent: aLead,
        unit: ts,
        user: u("chuyenvien"),
        role: "lead",
        by: u("truongphong"),
        status: "done",
        doneAt: "2026-12-05T15:00:00+07:00",
        result: "Viết và đăng ba tin",
      });
      await db
        .insertInto("handling_notes")
        .values({
          document_id: doc.A!,
          author_id: u("chuyenvien"),
          text: "Đã liên hệ Sở để lấy số liệu",
          file_name: "so-lieu.txt",
          at: at("2026-12-05T10:00:00+07:00"),
        })
        .execute();

      // B: the deputy instructs for the leader away; done 00:30 on 09/12 in Vietnam.
      const iB = await instruct("B", "Ban Thời sự xử lý.", {
        given_by: u("pholanhdao"),
        on_behalf_of: u("lanhdao"),
      });
      const bLead = await handler({
        document: "B",
        instruction: iB,
        unit: ts,
        role: "lead",
        status: "done",
        doneAt: "2026-12-09T00:30:00+07:00",
      });
      await handler({
        document: "B",
        parent: bLead,
        user: u("chuyenvien"),
        role: "lead",
        by: u("truongphong"),
        status: "done",
        doneAt: "2026-12-09T00:30:00+07:00",
      });

      // C: overdue, reminded once; the second unit only for information.
      const iC = await instruct("C", "Ban Thời sự chủ trì.");
      const cLead = await handler({ document: "C", instruction: iC, unit: ts, role: "lead" });
      await handler({ document: "C", instruction: iC, unit: tkts, role: "inform" });
      await handler({
        document: "C",
        parent: cLead,
        user: u("chuyenvien"),
        role: "lead",
        by: u("truongphong"),
        status: "in-progress",
      });
      await db
        .insertInto("reminders")
        .values({
          document_id: doc.C!,
          kind: "nhac-nho",
          sent_by: u("vanthu"),
          at: at("2026-12-10T08:00:00+07:00"),
        })
        .execute();

      // D: open, with the second unit and its specialist.
      const iD = await instruct("D", "Ban Thư ký tòa soạn chủ trì.");
      const dLead = await handler({ document: "D", instruction: iD, unit: tkts, role: "lead" });
      await handler({ document: "D", parent: dLead, user: u("chuyenvien2"), role: "lead" });

      // Outgoing: two drafts of the specialist (one approved and issued), one of the unit head.
      const specialist = await t.login("baolangson.chuyenvien");
      const head = await t.login("baolangson.truongphong");
      const d1 = await specialist.post("/api/documents", draftFields({ subject: "thử một" }));
      const d2 = await specialist.post("/api/documents", draftFields({ subject: "thử hai" }));
      const d3 = await head.post("/api/documents", draftFields({ subject: "thử ba" }));
      for (const d of [d1, d2, d3]) assert.equal(d.status, 201, JSON.stringify(d.body));
      draftOwn = d1.body.id;
      for (const d of [d1, d2])
        await db
          .insertInto("review_steps")
          .values({
            document_id: d.body.id,
            version: 1,
            action: "submit",
            actor_id: u("chuyenvien"),
            to_user_id: u("truongphong"),
            at: at("2026-12-10T09:00:00+07:00"),
          })
          .execute();
      await db
        .updateTable("documents")
        .set({
          review: "approved",
          approved_by: u("lanhdao"),
          approved_at: at("2026-12-10T09:00:00+07:00"),
          status: "issued",
          issued_at: at("2026-12-10T09:00:00+07:00"),
        })
        .where("id", "=", d2.body.id)
        .execute();
    });
    after(() => t.close());

    test("the handling report: every figure, per unit and per person", async () => {
      for (const reader of [leader, clerk]) {
        const res = await reader.get(`/api/forms/handling-report${PERIOD}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        const r = res.body as Report;
        assert.equal(r.scope, "agency");
        assert.equal(r.asOf, "2026-12-10");
        assert.deepEqual(r.total, {
          incoming: figures(5, 1, 1, 1, 2),
          outgoing: drafting(3, 2, 1, 1),
        });
        const unit = (name: string) => r.units.find((x) => x.name === name);
        assert.deepEqual(
          r.units.map((x) => x.name),
          ["Ban Thời sự", "Ban Thư ký tòa soạn"],
        );
        // Ban Thời sự: A on time, B late, C overdue; outgoing of its two people.
        assert.deepEqual(unit("Ban Thời sự")!.incoming, figures(3, 1, 1, 1, 0));
        assert.deepEqual(unit("Ban Thời sự")!.outgoing, drafting(3, 2, 1, 1));
        // Ban Thư ký tòa soạn: cooperating on A (past A's deadline) and leading D; C is for
        // information only.
        assert.deepEqual(unit("Ban Thư ký tòa soạn")!.incoming, figures(2, 0, 0, 1, 1));
        const person = (name: string) => r.people.find((x) => x.name === name);
        assert.deepEqual(person("Chuyên viên Báo Lạng Sơn")!.incoming, figures(3, 1, 1, 1, 0));
        assert.deepEqual(person("Chuyên viên Báo Lạng Sơn")!.outgoing, drafting(2, 2, 1, 1));
        assert.equal(person("Chuyên viên Báo Lạng Sơn")!.unit, "Ban Thời sự");
        assert.deepEqual(person("Chuyên viên TKTS")!.incoming, figures(1, 0, 0, 0, 1));
        assert.deepEqual(person("Trưởng ban TS")!.outgoing, drafting(1, 0, 0, 0));
        assert.deepEqual(person("Trưởng ban TS")!.incoming, figures(0, 0, 0, 0, 0));
        assert.deepEqual(r.people.map((x) => x.name).sort(), [
          "Chuyên viên Báo Lạng Sơn",
          "Chuyên viên TKTS",
          "Trưởng ban TS",
        ]);
      }
    });

    test("the report follows the calendar: later, C and A's cooperation stay overdue, D too", async () => {
      t.clock.set("2026-12-21T09:00:00+07:00");
      try {
        // A session of that day (the one of 10/12 has ended).
        const leader = await t.login("baolangson.lanhdao");
        const r = (await leader.get(`/api/forms/handling-report${PERIOD}`)).body as Report;
        assert.equal(r.asOf, "2026-12-21");
        // F's default deadline (18/12, the demo agencies' 10 working days) has passed too.
        assert.deepEqual(r.total.incoming, figures(5, 1, 1, 3, 0));
        // A period holding none of it.
        const empty = (await leader.get("/api/forms/handling-report?from=2026-10-01&to=2026-10-31"))
          .body as Report;
        assert.deepEqual(empty.total.incoming, figures(0, 0, 0, 0, 0));
        assert.deepEqual(empty.total.outgoing, drafting(0, 0, 0, 0));
        assert.ok(empty.units.every((x) => x.incoming.received === 0));
        assert.deepEqual(empty.people, []);
        // November: E (its default deadline has passed by 21/12), and the demo world's
        // 1650/UBND-KGVX (arrived 11/11, due 20/11, not done).
        const november = (
          await leader.get("/api/forms/handling-report?from=2026-11-01&to=2026-11-30")
        ).body as Report;
        assert.deepEqual(november.total.incoming, figures(2, 0, 0, 2, 0));
      } finally {
        // Back to 10/12, with sessions of that day (the day moved on ended the earlier ones).
        t.clock.set("2026-12-10T09:00:00+07:00");
        clerk = await t.login("baolangson.vanthu");
        leader = await t.login("baolangson.lanhdao");
      }
    });

    test("a unit head sees their unit, a specialist themselves, an admin nothing", async () => {
      const head = (
        await (await t.login("baolangson.truongphong")).get(`/api/forms/handling-report${PERIOD}`)
      ).body as Report;
      assert.equal(head.scope, "unit");
      assert.deepEqual(
        head.units.map((x) => x.name),
        ["Ban Thời sự"],
      );
      assert.deepEqual(head.total.incoming, figures(3, 1, 1, 1, 0));
      assert.deepEqual(head.people.map((x) => x.name).sort(), [
        "Chuyên viên Báo Lạng Sơn",
        "Trưởng ban TS",
      ]);
      const own = (
        await (await t.login("baolangson.chuyenvien2")).get(`/api/forms/handling-report${PERIOD}`)
      ).body as Report;
      assert.equal(own.scope, "self");
      assert.deepEqual(own.units, []);
      assert.deepEqual(
        own.people.map((x) => x.name),
        ["Chuyên viên TKTS"],
      );
      assert.deepEqual(own.total.incoming, figures(1, 0, 0, 0, 1));
      const admin = await (
        await t.login("baolangson.admin")
      ).get(`/api/forms/handling-report${PERIOD}`);
      assert.equal(admin.status, 403);
      assert.equal(admin.body.error.code, "FORBIDDEN");
      // Another agency counts nothing of the newspaper's.
      const other = (
        await (await t.login("stttt-ls.lanhdao")).get(`/api/forms/handling-report${PERIOD}`)
      ).body as Report;
      assert.deepEqual(other.total.incoming, figures(0, 0, 0, 0, 0));
      assert.ok(!other.units.some((x) => x.name === "Ban Thời sự"));
      assert.ok(!JSON.stringify(other).includes("Báo Lạng Sơn"));
    });

    test("the follow-up register: number order, lead, deadline, progress, reminders", async () => {
      const res = await leader.get(`/api/forms/follow-up-register${PERIOD}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const r = res.body as Register;
      assert.equal(r.truncated, false);
      assert.deepEqual(
        r.entries.map((e) => [e.documentId, e.arrivedOn, e.dueOn, e.progress, e.doneOn]),
        [
          [doc.A, "2026-12-01", "2026-12-08", "on-time", "2026-12-05"],
          [doc.B, "2026-12-02", "2026-12-08", "late", "2026-12-09"],
          [doc.C, "2026-12-03", "2026-12-09", "overdue", null],
          [doc.D, "2026-12-04", "2026-12-20", "open", null],
          // F was registered without a deadline: the demo agencies' rule gives 10 working days.
          [doc.F, "2026-12-05", "2026-12-18", "open", null],
        ],
      );
      const numbers = r.entries.map((e) => e.number);
      assert.deepEqual(
        numbers,
        [...numbers].sort((a, b) => a - b),
      );
      const [a, , c, d, f] = r.entries;
      assert.equal(a!.reference, "91/STTTT-TTBCXB");
      assert.equal(a!.date, "2026-11-20");
      assert.match(a!.subject ?? "", /thử phiếu giải quyết số 1/);
      assert.deepEqual(a!.lead, [{ unit: "Ban Thời sự", people: ["Chuyên viên Báo Lạng Sơn"] }]);
      assert.deepEqual(d!.lead, [{ unit: "Ban Thư ký tòa soạn", people: ["Chuyên viên TKTS"] }]);
      assert.deepEqual(f!.lead, []);
      assert.deepEqual(c!.reminders, { nhacNho: 1, pheBinh: 0 });
      assert.deepEqual(a!.reminders, { nhacNho: 0, pheBinh: 0 });
      // Another agency's register holds none of it.
      const other = (
        await (await t.login("stttt-ls.vanthu")).get(`/api/forms/follow-up-register${PERIOD}`)
      ).body as Register;
      assert.ok(!other.entries.some((e) => Object.values(doc).includes(e.documentId)));
    });

    test("the slip: the bút phê, the assignment, the notes and the result, as HTML and PDF", async () => {
      const res = await leader.get(`/api/forms/handling-slip/${doc.A}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const s = res.body as Slip;
      assert.equal(s.agency.name, "Báo Lạng Sơn");
      assert.equal(s.document.reference, "91/STTTT-TTBCXB");
      assert.equal(s.document.arrivedOn, "2026-12-01");
      assert.ok(s.document.incomingNumber! > 0);
      assert.equal(s.instructions.length, 1);
      const i = s.instructions[0]!;
      assert.equal(i.text, "Giao Ban Thời sự chủ trì <đưa tin> & báo cáo kết quả.");
      assert.deepEqual(
        [i.lead, i.cooperate, i.inform],
        [["Ban Thời sự"], ["Ban Thư ký tòa soạn"], []],
      );
      assert.equal(i.onPaper, true);
      assert.equal(i.givenBy, "Lãnh đạo Báo Lạng Sơn");
      assert.equal(i.enteredBy, "Văn thư Báo Lạng Sơn");
      assert.deepEqual(
        s.assignments.map((x) => [x.by, x.to, x.role, x.status]),
        [["Trưởng ban TS", "Chuyên viên Báo Lạng Sơn (Ban Thời sự)", "lead", "done"]],
      );
      assert.deepEqual(
        s.notes.map((n) => [n.author, n.text, n.fileName]),
        [["Chuyên viên Báo Lạng Sơn", "Đã liên hệ Sở để lấy số liệu", "so-lieu.txt"]],
      );
      assert.equal(s.progress, "on-time");
      assert.equal(s.doneOn, "2026-12-05");
      // The page: escaped, with every part of the slip.
      assert.ok(s.html.includes("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN"), s.html);
      assert.ok(s.html.includes("Giao Ban Thời sự chủ trì &lt;đưa tin&gt; &amp; báo cáo kết quả."));
      assert.ok(!s.html.includes("<đưa tin>"));
      assert.ok(s.html.includes("Đơn vị, người chủ trì: Ban Thời sự."));
      assert.ok(s.html.includes("Đơn vị, người phối hợp: Ban Thư ký tòa soạn."));
      assert.ok(
        s.html.includes("08:15 ngày 04/12/2026 (bút phê trên giấy, do Văn thư Báo Lạng Sơn nhập)"),
      );
      assert.ok(s.html.includes("Ngày đến: 01/12/2026"));
      assert.ok(s.html.includes("Đã liên hệ Sở để lấy số liệu (tệp: so-lieu.txt)"));
      assert.ok(s.html.includes("Viết và đăng ba tin"));
      assert.ok(s.html.includes("Ngày hoàn thành: 05/12/2026."));

      // The deputy's, for the leader away; done late.
      const b = (await clerk.get(`/api/forms/handling-slip/${doc.B}`)).body as Slip;
      assert.equal(b.instructions[0]!.onBehalfOf, "Lãnh đạo Báo Lạng Sơn");
      assert.ok(b.html.includes("(thay Lãnh đạo Báo Lạng Sơn theo ủy quyền)"), b.html);
      assert.equal(b.progress, "late");
      // Nothing yet: the slip still prints, with its blanks.
      const f = (await clerk.get(`/api/forms/handling-slip/${doc.F}`)).body as Slip;
      assert.deepEqual([f.instructions, f.assignments, f.notes, f.results], [[], [], [], []]);
      assert.ok(f.html.includes("Chưa có ý kiến chỉ đạo."));

      const pdf = await leader.get(`/api/forms/handling-slip/${doc.A}/pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.equal(pdf.raw.subarray(0, 5).toString("latin1"), "%PDF-");
      assert.match(String(pdf.headers["content-disposition"]), /phieu-giai-quyet-so-den-\d+\.pdf/);
    });

    test("refusals: another agency's document, not a received one, bad periods, no session", async () => {
      const other = await t.login("stttt-ls.vanthu");
      for (const url of [
        `/api/forms/handling-slip/${doc.A}`,
        `/api/forms/handling-slip/${doc.A}/pdf`,
        "/api/forms/handling-slip/khong-phai-id",
        "/api/forms/handling-slip/00000000-0000-4000-8000-000000000000",
      ]) {
        const res = await other.get(url);
        assert.equal(res.status, 404, url);
        assert.equal(res.body.error.code, "DOCUMENT_NOT_FOUND", url);
      }
      const outgoing = await leader.get(`/api/forms/handling-slip/${draftOwn}`);
      assert.equal(outgoing.status, 409);
      assert.equal(outgoing.body.error.code, "SLIP_NOT_RECEIVED");
      for (const q of [
        "?from=2026-12-31&to=2026-12-01",
        "?from=2026-02-30&to=2026-03-01",
        "?from=2026-12-01",
        "",
        "?from=2026-12-01&to=2026-12-31&x=1",
      ])
        for (const path of ["/api/forms/handling-report", "/api/forms/follow-up-register"]) {
          const res = await leader.get(path + q);
          assert.equal(res.status, 400, `${path}${q}: ${JSON.stringify(res.body)}`);
          assert.equal(res.body.error.code, "VALIDATION_FAILED");
        }
      const reversed = await leader.get("/api/forms/handling-report?from=2026-12-31&to=2026-12-01");
      assert.deepEqual(
        reversed.body.error.issues.map((i: { path: string }) => i.path),
        ["to"],
      );
      for (const url of [
        `/api/forms/handling-slip/${doc.A}`,
        `/api/forms/follow-up-register${PERIOD}`,
        `/api/forms/handling-report${PERIOD}`,
      ])
        assert.equal((await t.anonymous().get(url)).status, 401, url);
    });
  });
}
