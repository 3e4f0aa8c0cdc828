/**
 * Received documents handled inside the agency (issue #15, item 4), on PGlite and PostgreSQL:
 * the whole path from arrival to done with the statuses 03, 04, 05 and 06 the sender sees, with
 * their times and the reply linked; the duplicate warning and attaching; a paper bút phê and one
 * given under a delegation; the overdue list, reminders and the deadline job; the return seen by
 * the sender; forwarding; impossible steps; two people acting at once.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { sendDeadlineNotices } from "../src/handling/deadline-job.ts";
import { approve, draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

const txt = (s: string) => new TextEncoder().encode(s);

for (const kind of testDatabaseKinds()) {
  describe(`handling received documents on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      // A Friday morning in Vietnam.
      t = await startTestApp(kind, "2026-11-20T09:00:00+07:00");
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
    const agencyId = async (code: string) =>
      (
        await t.ctx.db
          .selectFrom("agencies")
          .select("id")
          .where("code", "=", code)
          .executeTakeFirstOrThrow()
      ).id;
    /** The codes of a person's notifications about a document, oldest first. */
    const bell = async (username: string, documentId?: string) =>
      (
        await t.ctx.db
          .selectFrom("notifications")
          .select(["code", "params", "document_id"])
          .where("user_id", "=", await userId(username))
          .$if(!!documentId, (q) => q.where("document_id", "=", documentId!))
          .orderBy("created_at")
          .execute()
      ).map((n) => n.code ?? "");
    const unitsOf = async (c: Client) => {
      const people = (await c.get("/api/handling/people")).body;
      const by = (abbreviation: string) =>
        people.units.find((u: { abbreviation: string }) => u.abbreviation === abbreviation).id;
      return { TS: by("TS"), TKTS: by("TKTS") };
    };
    /** A directive issued by the Sở (to Báo Lạng Sơn and the Đài); its copy at the newspaper. */
    const issueDirective = async (subject: string, paragraphs?: string[]) => {
      const so = await t.login("stttt-ls.vanthu");
      const d = await so.post(
        "/api/documents",
        draftFields({ subject, ...(paragraphs ? { paragraphs } : {}) }),
      );
      assert.equal(d.status, 201, JSON.stringify(d.body));
      await approve(t, so, d.body.id);
      const issued = await so.post(`/api/documents/${d.body.id}/issue`, {});
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const copy = await t.ctx.db
        .selectFrom("documents")
        .select("id")
        .where("source_id", "=", d.body.id)
        .where("agency_id", "=", await agencyId("baolangson"))
        .executeTakeFirstOrThrow();
      return { so, original: d.body.id as string, copy: copy.id, reference: issued.body.reference };
    };

    test("the whole path: registered, presented, instructed, assigned, handled, replied, done; the sender sees 03-06 and the reply", async () => {
      const admin = await t.login("baolangson.admin");
      // Five working days for anything, two for an urgent one; a day off on Thursday 26/11.
      assert.equal(
        (
          await admin.request("PUT", "/api/admin/deadline-rules", {
            rules: [
              { typeCode: "", urgency: "", workingDays: 5 },
              { typeCode: "", urgency: "khan", workingDays: 2 },
            ],
          })
        ).status,
        200,
      );
      assert.equal(
        (
          await admin.request("PUT", "/api/admin/holidays", {
            holidays: [{ day: "2026-11-26", name: "Ngày nghỉ bù" }],
          })
        ).status,
        200,
      );
      const settings = (await admin.get("/api/admin/deadlines")).body;
      assert.equal(settings.rules.length, 2);
      assert.deepEqual(settings.holidays, [{ day: "2026-11-26", name: "Ngày nghỉ bù" }]);
      const twice = await admin.request("PUT", "/api/admin/deadline-rules", {
        rules: [
          { typeCode: "CV", urgency: "", workingDays: 5 },
          { typeCode: "CV", urgency: "", workingDays: 6 },
        ],
      });
      assert.equal(twice.body.error.code, "DEADLINE_RULE_TWICE");

      const { so, original, copy } = await issueDirective("tuyên truyền chuyển đổi số năm 2026");
      const clerk = await t.login("baolangson.vanthu");
      // The dialog's check: no earlier record; the default deadline counted in working days
      // (Fri 20/11 + 5: Mon 23 .. Fri 27, less Thu 26: Mon 30/11).
      const check = (await clerk.get(`/api/documents/${copy}/duplicates`)).body;
      assert.deepEqual(check.items, []);
      assert.deepEqual(check.deadline, { dueOn: "2026-11-30", source: "rule", workingDays: 5 });
      const urgent = (await clerk.get(`/api/documents/${copy}/duplicates?urgency=khan`)).body;
      assert.equal(urgent.deadline.dueOn, "2026-11-24");

      t.clock.advance(10 * 60_000);
      const reg = await clerk.post(`/api/documents/${copy}/register`, { urgency: "khan" });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      assert.equal(reg.body.dueOn, "2026-11-24");
      const deliveries = async () =>
        (await so.get(`/api/documents/${original}/deliveries`)).body.items.find(
          (d: { agency: { code: string } }) => d.agency.code === "baolangson",
        );
      assert.equal((await deliveries()).status, "03");
      assert.ok((await deliveries()).registeredAt);
      assert.ok((await bell("stttt-ls.vanthu", original)).includes("delivery.progress"));

      // The clerk presents it to the leader.
      let opened = (await clerk.get(`/api/documents/${copy}`)).body;
      assert.equal(opened.can.present, true);
      assert.equal(opened.can.instructOnPaper, true);
      const leaderId = await userId("baolangson.lanhdao");
      t.clock.advance(10 * 60_000);
      const presented = await clerk.post(`/api/documents/${copy}/present`, { leaderId });
      assert.equal(presented.status, 200, JSON.stringify(presented.body));
      assert.deepEqual(presented.body, { step: "presented" });
      assert.deepEqual(await bell("baolangson.lanhdao", copy), ["document.presented"]);

      // The leader's bút phê: Ban Thời sự leads, Ban Thư ký tòa soạn cooperates.
      const leader = await t.login("baolangson.lanhdao");
      opened = (await leader.get(`/api/documents/${copy}`)).body;
      assert.equal(opened.can.instruct, true);
      assert.equal(opened.can.instructOnPaper, false);
      const units = await unitsOf(leader);
      t.clock.advance(60 * 60_000);
      const instructed = await leader.post(`/api/documents/${copy}/instructions`, {
        text: "Giao Ban Thời sự chủ trì, Ban Thư ký tòa soạn phối hợp triển khai.",
        lead: units.TS,
        cooperate: [units.TKTS],
      });
      assert.equal(instructed.status, 201, JSON.stringify(instructed.body));
      assert.equal(instructed.body.dueOn, "2026-11-24", "the deadline set at registration");
      assert.deepEqual(await bell("baolangson.truongphong", copy), ["document.instructed"]);
      // Ban Thư ký tòa soạn has no head: its people are told.
      assert.deepEqual(await bell("baolangson.chuyenvien2", copy), ["document.instructed"]);

      // The head of Ban Thời sự assigns the unit's specialist.
      const head = await t.login("baolangson.truongphong");
      let handling = (await head.get(`/api/documents/${copy}/handling`)).body;
      const tsRow = handling.handlers.find(
        (h: { role: string; unit: { id: string } | null }) =>
          h.role === "lead" && h.unit?.id === units.TS,
      );
      assert.ok(tsRow);
      assert.equal((await head.get(`/api/documents/${copy}`)).body.can.assign, true);
      const specialist = await userId("baolangson.chuyenvien");
      // Not a person of the unit: refused.
      const wrong = await head.post(`/api/documents/${copy}/assignments`, {
        handlerId: tsRow.id,
        userId: await userId("baolangson.chuyenvien2"),
      });
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.error.code, "PERSON_NOT_IN_UNIT");
      t.clock.advance(60 * 60_000);
      const assigned = await head.post(`/api/documents/${copy}/assignments`, {
        handlerId: tsRow.id,
        userId: specialist,
        note: "Đồng chí chuẩn bị tin bài.",
      });
      assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
      assert.equal(assigned.body.step, "assigned");
      assert.equal((await deliveries()).status, "04");
      assert.deepEqual(await bell("baolangson.chuyenvien", copy), ["document.assigned"]);

      // The specialist works on it: in progress (05), a note, a file, the reply.
      const cv = await t.login("baolangson.chuyenvien");
      opened = (await cv.get(`/api/documents/${copy}`)).body;
      assert.equal(opened.can.handle, true);
      assert.equal(opened.can.done, true);
      t.clock.advance(60 * 60_000);
      const started = await cv.post(`/api/documents/${copy}/handling/progress`, {});
      assert.deepEqual(started.body, { step: "in-progress" });
      assert.equal((await deliveries()).status, "05");
      const note = await cv.post(`/api/documents/${copy}/handling/notes`, {
        text: "Đã lên kế hoạch ba tin bài.",
      });
      assert.equal(note.status, 201);
      const file = await cv.upload(
        `/api/documents/${copy}/handling/files`,
        "kế hoạch tin bài.txt",
        txt("Ba tin bài về chuyển đổi số."),
      );
      assert.equal(file.status, 201, JSON.stringify(file.body));
      const back = await cv.get(`/api/documents/${copy}/handling/files/${file.body.id}`);
      assert.equal(back.status, 200);
      assert.equal(back.raw.toString(), "Ba tin bài về chuyển đổi số.");
      const reply = await cv.post(`/api/documents/${copy}/reply`);
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      const draft = (await cv.get(`/api/documents/${reply.body.id}`)).body;
      assert.match(draft.subject, /trả lời/);
      assert.deepEqual(draft.content.addressees, ["Sở Thông tin và Truyền thông tỉnh Lạng Sơn"]);
      // Signed by the leader whose bút phê it carries out (whose account has no title but
      // "Lãnh đạo": the name alone), not by the deputy the agency's list would give.
      assert.equal(draft.content.signature.signerName, "Lãnh đạo Báo Lạng Sơn");
      assert.equal(draft.content.signature.authority, null);
      const edited = await cv.patch(`/api/documents/${reply.body.id}`, {
        paragraphs: [...draft.content.paragraphs, "Báo Lạng Sơn đã đăng ba tin bài./."],
        signature: {
          authority: null,
          authorityTitle: null,
          signerTitle: "TỔNG BIÊN TẬP",
          signerName: "Lãnh Đạo Báo",
        },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      // The clerk issues the reply to the Sở.
      // The leader approves the reply (trình ký), then the clerk issues it.
      t.clock.advance(60 * 60_000);
      await approve(t, clerk, reply.body.id);
      const sentReply = await clerk.post(`/api/documents/${reply.body.id}/issue`, {
        deliverTo: [{ agencyId: await agencyId("stttt-ls"), kind: "action" }],
      });
      assert.equal(sentReply.status, 200, JSON.stringify(sentReply.body));

      // Done, with the result: 06 to the sender with the summary.
      t.clock.advance(60 * 60_000);
      const done = await cv.post(`/api/documents/${copy}/handling/done`, {
        result: "Đã đăng ba tin bài, trả lời Sở bằng công văn.",
      });
      assert.deepEqual(done.body, { step: "done" });
      const d = await deliveries();
      assert.equal(d.status, "06");
      assert.equal(d.result, "Đã đăng ba tin bài, trả lời Sở bằng công văn.");
      // The times of each step, in order.
      const times = [d.sentAt, d.registeredAt, d.assignedAt, d.inProgressAt, d.doneAt];
      assert.ok(times.every(Boolean), JSON.stringify(d));
      assert.deepEqual([...times].sort(), times);
      // The reply, as the Sở's own received copy.
      assert.ok(d.reply, "the reply linked");
      assert.equal(d.reply.reference, sentReply.body.reference);
      const soCopy = (await so.get(`/api/documents/${d.reply.id}`)).body;
      assert.equal(soCopy.direction, "incoming");
      assert.equal(soCopy.agencyId, await agencyId("stttt-ls"));

      handling = (await cv.get(`/api/documents/${copy}/handling`)).body;
      assert.equal(handling.step, "done");
      assert.equal(handling.dueOn, "2026-11-24");
      assert.equal(handling.instructions.length, 1);
      assert.equal(handling.instructions[0].onPaper, false);
      assert.equal(handling.instructions[0].givenBy.id, leaderId);
      const person = handling.handlers.find(
        (h: { user: { id: string } | null }) => h.user?.id === specialist,
      );
      assert.equal(person.parentId, tsRow.id);
      assert.equal(person.status, "done");
      assert.ok(
        handling.handlers.every(
          (h: { status: string; role: string }) => h.role !== "lead" || h.status === "done",
        ),
      );
      assert.deepEqual(
        handling.notes.map((n: { text: string; fileName: string | null }) => n.fileName ?? n.text),
        ["Đồng chí chuẩn bị tin bài.", "Đã lên kế hoạch ba tin bài.", "kế hoạch tin bài.txt"],
      );
      assert.deepEqual(
        handling.replies.map((r: { id: string; status: string }) => [r.id, r.status]),
        [[reply.body.id, "issued"]],
      );
      assert.equal(handling.presented.to.id, leaderId);
      // Done: nothing more to do on it.
      const after = (await cv.get(`/api/documents/${copy}`)).body.can;
      assert.deepEqual([after.handle, after.done, after.assign], [false, false, false]);
      const again = await cv.post(`/api/documents/${copy}/handling/done`, { result: "x" });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, "HANDLING_DONE");

      // The incoming register shows who handles it.
      const registers = (await clerk.get("/api/registers")).body.items;
      const incoming = registers.find((r: { book: string }) => r.book === "incoming");
      const entries = (await clerk.get(`/api/registers/${incoming.id}`)).body.entries;
      const entry = entries.find((e: { documentId: string }) => e.documentId === copy);
      assert.equal(entry.handler, "Ban Thời sự: Chuyên viên Báo Lạng Sơn");
    });

    test("the same directive received twice: the warning names the earlier record; attach or confirm", async () => {
      const { copy } = await issueDirective("phòng, chống tin giả trên mạng xã hội");
      const clerk = await t.login("baolangson.vanthu");
      assert.equal((await clerk.post(`/api/documents/${copy}/register`, {})).status, 200);
      // The same document again, as a file the sender also e-mailed.
      const text = (await clerk.get(`/api/documents/${copy}`)).body.text as string;
      const imported = await clerk.upload("/api/documents/import", "cong-van.txt", txt(text));
      assert.equal(imported.status, 201, JSON.stringify(imported.body));
      const second = imported.body.document.id;
      const check = (await clerk.get(`/api/documents/${second}/duplicates`)).body;
      assert.deepEqual(
        check.items.map((i: { id: string; why: string }) => [i.id, i.why]),
        [[copy, "reference"]],
      );
      assert.equal(typeof check.items[0].number, "number");
      const refused = await clerk.post(`/api/documents/${second}/register`, {});
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, "DUPLICATE_DOCUMENT");
      assert.deepEqual(
        refused.body.error.issues.map((i: { path: string }) => i.path),
        [`duplicates.${copy}`],
      );
      // A third copy, the clerk confirms: registered anyway.
      const third = await clerk.upload(
        "/api/documents/import",
        "cong-van-ban-sao.txt",
        txt(`${text}\n`),
      );
      assert.equal(third.status, 201, JSON.stringify(third.body));
      const confirmed = await clerk.post(`/api/documents/${third.body.document.id}/register`, {
        confirmDuplicate: true,
      });
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      // The second is attached instead: out of the waiting list, its file on the earlier record.
      assert.equal((await clerk.get(`/api/documents/${second}`)).body.can.attach, true);
      const attached = await clerk.post(`/api/documents/${second}/attach`, { toId: copy });
      assert.equal(attached.status, 200, JSON.stringify(attached.body));
      const waiting = (await clerk.get("/api/documents?box=incoming&status=draft")).body.items;
      assert.ok(!waiting.some((w: { id: string }) => w.id === second));
      const earlier = (await clerk.get(`/api/documents/${copy}`)).body;
      assert.ok(earlier.files.some((f: { name: string }) => f.name === "cong-van.txt"));
      const file = await clerk.get(`/api/documents/${copy}/files/cong-van.txt`);
      assert.equal(file.status, 200);
      const handling = (await clerk.get(`/api/documents/${copy}/handling`)).body;
      assert.deepEqual(
        handling.attached.map((a: { id: string; files: string[] }) => [a.id, a.files]),
        [[second, ["cong-van.txt"]]],
      );
      const twice = await clerk.post(`/api/documents/${second}/attach`, { toId: copy });
      assert.equal(twice.body.error.code, "ALREADY_ATTACHED");
      const registerAttached = await clerk.post(`/api/documents/${second}/register`, {
        confirmDuplicate: true,
      });
      assert.equal(registerAttached.status, 409);
    });

    test("a paper bút phê entered by the clerk; one given by a deputy under a delegation", async () => {
      const { copy } = await issueDirective("tuyên truyền bầu cử đại biểu Quốc hội");
      const clerk = await t.login("baolangson.vanthu");
      assert.equal((await clerk.post(`/api/documents/${copy}/register`, {})).status, 200);
      const units = await unitsOf(clerk);
      const body = { text: "Ban Thời sự chủ trì.", lead: units.TS, inform: [units.TKTS] };
      // A clerk must name the leader who wrote it; a specialist may not at all.
      const unnamed = await clerk.post(`/api/documents/${copy}/instructions`, body);
      assert.equal(unnamed.status, 403);
      assert.equal(unnamed.body.error.code, "NOT_A_LEADER");
      const cv = await t.login("baolangson.chuyenvien");
      const specialist = await cv.post(`/api/documents/${copy}/instructions`, {
        ...body,
        givenBy: await userId("baolangson.lanhdao"),
      });
      // The specialist was given nothing of it: the document is not theirs to see (access.ts).
      assert.equal(specialist.body.error.code, "DOCUMENT_NOT_FOUND");
      const notLeader = await clerk.post(`/api/documents/${copy}/instructions`, {
        ...body,
        givenBy: await userId("baolangson.chuyenvien"),
      });
      assert.equal(notLeader.body.error.code, "NOT_A_LEADER");
      const paper = await clerk.post(`/api/documents/${copy}/instructions`, {
        ...body,
        givenBy: await userId("baolangson.lanhdao"),
        dueOn: "2026-12-15",
      });
      assert.equal(paper.status, 201, JSON.stringify(paper.body));
      const handling = (await clerk.get(`/api/documents/${copy}/handling`)).body;
      const [i] = handling.instructions;
      assert.equal(i.onPaper, true);
      assert.equal(i.enteredBy.id, await userId("baolangson.vanthu"));
      assert.equal(i.givenBy.id, await userId("baolangson.lanhdao"));
      assert.equal(handling.dueOn, "2026-12-15");
      const inform = handling.handlers.find((h: { role: string }) => h.role === "inform");
      assert.equal(inform.dueOn, null);

      // The leader away hands instructions to the head of Ban Thời sự (a specialist) for a week.
      const next = await issueDirective("kiểm tra công tác văn thư, lưu trữ");
      assert.equal((await clerk.post(`/api/documents/${next.copy}/register`, {})).status, 200);
      await t.ctx.db
        .insertInto("delegations")
        .values({
          agency_id: await agencyId("baolangson"),
          from_user_id: await userId("baolangson.lanhdao"),
          to_user_id: await userId("baolangson.truongphong"),
          starts_on: "2026-11-19",
          ends_on: "2026-11-27",
        })
        .execute();
      const deputy = await t.login("baolangson.truongphong");
      assert.equal((await deputy.get(`/api/documents/${next.copy}`)).body.can.instruct, true);
      const given = await deputy.post(`/api/documents/${next.copy}/instructions`, body);
      assert.equal(given.status, 201, JSON.stringify(given.body));
      const [d] = (await deputy.get(`/api/documents/${next.copy}/handling`)).body.instructions;
      assert.equal(d.onPaper, false);
      assert.equal(d.givenBy.id, await userId("baolangson.truongphong"));
      assert.equal(d.onBehalfOf.id, await userId("baolangson.lanhdao"));
    });

    test("late work: the follow-up list, reminders counted, the deadline job once each", async () => {
      const { copy } = await issueDirective("báo cáo tình hình an toàn thông tin");
      let clerk = await t.login("baolangson.vanthu");
      const units = await unitsOf(clerk);
      const cvId = await userId("baolangson.chuyenvien");
      // Passed at once to the specialist of Ban Thời sự, due the next working day.
      const reg = await clerk.post(`/api/documents/${copy}/register`, {
        dueOn: "2026-11-23",
        handlerUnitId: units.TS,
        handlerUserId: cvId,
      });
      assert.equal(reg.status, 200, JSON.stringify(reg.body));
      assert.ok((await bell("baolangson.chuyenvien", copy)).includes("document.assigned"));
      const early = await clerk.post(`/api/documents/${copy}/register`, {});
      assert.equal(early.body.error.code, "ALREADY_REGISTERED");

      // Near: the job tells the specialist once.
      assert.ok((await sendDeadlineNotices(t.ctx)) >= 1);
      assert.deepEqual(
        (await bell("baolangson.chuyenvien", copy)).filter((c) => c.startsWith("deadline")),
        ["deadline.near"],
      );
      let cv = await t.login("baolangson.chuyenvien");
      assert.equal((await cv.get("/api/handling/overdue")).body.error.code, "NOT_FOLLOW_UP");
      assert.deepEqual(
        (await clerk.get("/api/handling/overdue")).body.items.filter(
          (i: { document: { id: string } }) => i.document.id === copy,
        ),
        [],
      );

      // Tuesday 24/11: a working day late (signed in again: the sessions of Friday have ended).
      t.clock.set("2026-11-24T09:00:00+07:00");
      clerk = await t.login("baolangson.vanthu");
      cv = await t.login("baolangson.chuyenvien");
      const list = (await clerk.get("/api/handling/overdue")).body;
      assert.ok(list.items, JSON.stringify(list));
      const late = list.items.find((i: { document: { id: string } }) => i.document.id === copy);
      assert.ok(late, JSON.stringify(list));
      assert.equal(late.dueOn, "2026-11-23");
      assert.equal(late.daysLate, 1);
      assert.deepEqual(
        late.handlers.map((h: { user: { id: string } | null }) => h.user?.id),
        [cvId],
      );
      const handling = (await cv.get(`/api/documents/${copy}/handling`)).body;
      assert.equal(handling.overdue, true);
      assert.equal(handling.daysLate, 1);
      // The leader sees it too.
      const leader = await t.login("baolangson.lanhdao");
      assert.equal((await leader.get("/api/handling/overdue")).status, 200);

      const sent = await t.ctx.db.selectFrom("notifications").select("id").execute();
      assert.ok((await sendDeadlineNotices(t.ctx)) >= 2);
      assert.equal(await sendDeadlineNotices(t.ctx), 0, "nothing sent twice");
      assert.deepEqual(
        (await bell("baolangson.chuyenvien", copy)).filter((c) => c.startsWith("deadline")),
        ["deadline.near", "deadline.overdue"],
      );
      assert.deepEqual(
        (await bell("baolangson.vanthu", copy)).filter((c) => c.startsWith("deadline")),
        ["deadline.overdue"],
        "the follow-up clerk",
      );
      // Days travel as ISO days, formatted by the reader's catalogue (a formatted "23/11/2026"
      // was read as ISO again by the bell: "hạn 26//2/20/1").
      const dues = (
        await t.ctx.db
          .selectFrom("notifications")
          .select("params")
          .where("document_id", "=", copy)
          .execute()
      )
        .map((n) => (n.params as { due?: string | null }).due)
        .filter((d) => d != null);
      assert.ok(dues.length >= 3, JSON.stringify(dues));
      for (const d of dues) assert.match(d!, /^\d{4}-\d\d-\d\d$/);
      assert.ok(
        (await t.ctx.db.selectFrom("notifications").select("id").execute()).length > sent.length,
      );

      // Reminders: one nhắc nhở, then a phê bình; counted per person.
      assert.equal(
        (await cv.post(`/api/documents/${copy}/reminders`, { kind: "nhac-nho" })).body.error.code,
        "NOT_FOLLOW_UP",
      );
      const r1 = await clerk.post(`/api/documents/${copy}/reminders`, {
        kind: "nhac-nho",
        note: "Đề nghị hoàn thành trong hôm nay.",
      });
      assert.equal(r1.status, 201, JSON.stringify(r1.body));
      assert.deepEqual(r1.body, { reminded: 1 });
      const r2 = await leader.post(`/api/documents/${copy}/reminders`, { kind: "phe-binh" });
      assert.equal(r2.status, 201);
      assert.deepEqual(
        (await bell("baolangson.chuyenvien", copy)).filter((c) => c === "reminder.sent"),
        ["reminder.sent", "reminder.sent"],
      );
      const counted = (await clerk.get("/api/handling/overdue")).body;
      const item = counted.items.find((i: { document: { id: string } }) => i.document.id === copy);
      assert.deepEqual(item.reminders, { nhacNho: 1, pheBinh: 1 });
      const mine = counted.counts.find((c: { user: { id: string } | null }) => c.user?.id === cvId);
      assert.deepEqual([mine.nhacNho, mine.pheBinh], [1, 1]);
      assert.equal((await cv.get(`/api/documents/${copy}/handling`)).body.reminders.length, 2);

      // Done late: off the list.
      assert.equal(
        (await cv.post(`/api/documents/${copy}/handling/done`, { result: "Đã báo cáo." })).status,
        200,
      );
      const afterDone = (await clerk.get("/api/handling/overdue")).body.items;
      assert.ok(!afterDone.some((i: { document: { id: string } }) => i.document.id === copy));
    });

    test("impossible steps are refused with their codes", async () => {
      const { copy } = await issueDirective("hướng dẫn tuyên truyền lễ hội xuân");
      const clerk = await t.login("baolangson.vanthu");
      const head = await t.login("baolangson.truongphong");
      const cv = await t.login("baolangson.chuyenvien");
      const leader = await t.login("baolangson.lanhdao");
      const units = await unitsOf(clerk);
      // Not registered yet.
      const early = await clerk.post(`/api/documents/${copy}/present`, {
        leaderId: await userId("baolangson.lanhdao"),
      });
      assert.equal(early.body.error.code, "NOT_REGISTERED");
      assert.equal((await clerk.post(`/api/documents/${copy}/register`, {})).status, 200);
      const presentNotLeader = await clerk.post(`/api/documents/${copy}/present`, {
        leaderId: await userId("baolangson.chuyenvien"),
      });
      assert.equal(presentNotLeader.status, 400);
      // Done or in progress before anyone was assigned.
      // A specialist given nothing of it does not see it at all (access.ts); the leader does.
      const unseen = await cv.post(`/api/documents/${copy}/handling/done`, { result: "x" });
      assert.equal(unseen.status, 404);
      assert.equal(unseen.body.error.code, "DOCUMENT_NOT_FOUND");
      const done = await leader.post(`/api/documents/${copy}/handling/done`, { result: "x" });
      assert.equal(done.status, 409);
      assert.equal(done.body.error.code, "NOT_ASSIGNED");
      const note = await leader.post(`/api/documents/${copy}/handling/notes`, { text: "x" });
      assert.equal(note.body.error.code, "NOT_INSTRUCTED");
      const i1 = await leader.post(`/api/documents/${copy}/instructions`, {
        text: "Ban Thời sự chủ trì.",
        lead: units.TS,
        cooperate: [units.TS],
      });
      assert.equal(i1.status, 400, "a unit named twice");
      const closed = await leader.post(`/api/documents/${copy}/instructions`, {
        text: "Ban Thời sự chủ trì.",
        lead: await agencyId("baolangson"),
      });
      assert.equal(closed.body.error.code, "UNIT_NOT_IN_AGENCY");
      const early2 = await leader.post(`/api/documents/${copy}/instructions`, {
        text: "Ban Thời sự chủ trì.",
        lead: units.TS,
        dueOn: "2026-11-01",
      });
      assert.equal(early2.body.error.code, "DUE_BEFORE_ARRIVAL");
      assert.equal(
        (
          await leader.post(`/api/documents/${copy}/instructions`, {
            text: "Ban Thời sự chủ trì.",
            lead: units.TS,
          })
        ).status,
        201,
      );
      const twice = await leader.post(`/api/documents/${copy}/instructions`, {
        text: "Lại.",
        lead: units.TS,
      });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, "ALREADY_INSTRUCTED");
      // In the handling flow the clerk no longer moves the sender's status by hand.
      const byHand = await clerk.post(`/api/documents/${copy}/progress`, { status: "06" });
      assert.equal(byHand.status, 409, JSON.stringify(byHand.body));
      assert.equal(byHand.body.error.code, "INVALID_STATUS_CHANGE");
      assert.match(byHand.body.error.issues[0].message, /xử lý trong hệ thống/);
      assert.deepEqual((await clerk.get(`/api/documents/${copy}`)).body.can.progress, []);
      const handlers = (await head.get(`/api/documents/${copy}/handling`)).body.handlers;
      // Only the unit's head assigns from the unit's row.
      const byOther = await cv.post(`/api/documents/${copy}/assignments`, {
        handlerId: handlers[0].id,
        userId: await userId("baolangson.chuyenvien"),
      });
      assert.equal(byOther.status, 403);
      assert.equal(byOther.body.error.code, "NOT_A_HANDLER");
      const start = await cv.post(`/api/documents/${copy}/handling/progress`, {});
      assert.equal(start.body.error.code, "NOT_ASSIGNED");

      // A returned document: nothing can be done with it.
      const ptth = await t.login("ptth-ls.vanthu");
      const ptthCopy = (await ptth.get("/api/documents?box=incoming")).body.items[0].id;
      assert.equal(
        (await ptth.post(`/api/documents/${ptthCopy}/return`, { reason: "không thuộc lĩnh vực" }))
          .status,
        200,
      );
      const onReturned = await ptth.post(`/api/documents/${ptthCopy}/present`, {
        leaderId: await userId("ptth-ls.lanhdao"),
      });
      assert.equal(onReturned.status, 409);
      assert.equal(onReturned.body.error.code, "DOCUMENT_RETURNED");
      const ptthLeader = await t.login("ptth-ls.lanhdao");
      const assignReturned = await ptthLeader.post(`/api/documents/${ptthCopy}/instructions`, {
        text: "x",
        lead: units.TS,
      });
      assert.equal(assignReturned.body.error.code, "DOCUMENT_RETURNED");
      const fwd = await ptth.post(`/api/documents/${ptthCopy}/forward`, {
        agencyId: await agencyId("vhtt-tpls"),
        note: "x",
      });
      assert.equal(fwd.body.error.code, "DOCUMENT_RETURNED");
      // Another agency's document: not found.
      const other = await ptth.post(`/api/documents/${copy}/handling/notes`, { text: "x" });
      assert.equal(other.status, 404);
    });

    test("a return reaches the sender: notified with the reason, on the dashboard and in the consolidated report", async () => {
      const { so, original } = await issueDirective("tổ chức hội báo xuân");
      const ptth = await t.login("ptth-ls.vanthu");
      const mine = await t.ctx.db
        .selectFrom("documents")
        .select("id")
        .where("source_id", "=", original)
        .where("agency_id", "=", await agencyId("ptth-ls"))
        .executeTakeFirstOrThrow();
      const returned = await ptth.post(`/api/documents/${mine.id}/return`, {
        reason: "Văn bản không gửi cho Đài",
      });
      assert.equal(returned.status, 200);
      const notes = await t.ctx.db
        .selectFrom("notifications")
        .select(["code", "params", "user_id"])
        .where("document_id", "=", original)
        .where("code", "=", "document.returned")
        .execute();
      assert.equal(notes.length, 1);
      assert.equal(notes[0]!.user_id, await userId("stttt-ls.vanthu"));
      assert.equal(notes[0]!.params.reason, "Văn bản không gửi cho Đài");
      const delivery = (await so.get(`/api/documents/${original}/deliveries`)).body.items.find(
        (d: { agency: { code: string } }) => d.agency.code === "ptth-ls",
      );
      assert.equal(delivery.status, "02");
      assert.equal(delivery.returnReason, "Văn bản không gửi cho Đài");
      const board = (await so.get(`/api/documents/${original}/dashboard`)).body;
      const r = board.recipients.find((x: { code: string }) => x.code === "ptth-ls");
      assert.equal(r.returnReason, "Văn bản không gửi cho Đài");
      assert.ok(r.returnedAt);
      assert.ok(!board.notReported.some((n: { code: string }) => n.code === "ptth-ls"));
      const cells = board.cells.filter((c: { agencyId: string }) => c.agencyId === r.agencyId);
      assert.ok(cells.length && cells.every((c: { status: string }) => c.status === "returned"));
      const report = await so.post(`/api/documents/${original}/consolidated-report`);
      assert.equal(report.status, 201, JSON.stringify(report.body));
      const text = (await so.get(`/api/documents/${report.body.id}`)).body.text as string;
      assert.match(text, /đã trả lại văn bản/);
      assert.match(
        text,
        /Đài Phát thanh và Truyền hình tỉnh Lạng Sơn \(lý do: Văn bản không gửi cho Đài\)/,
      );
    });

    test("forwarding a received document to another agency, with a note", async () => {
      const { copy, original } = await issueDirective("tuyên truyền an toàn giao thông");
      const clerk = await t.login("baolangson.vanthu");
      const early = await clerk.post(`/api/documents/${copy}/forward`, {
        agencyId: await agencyId("vhtt-tpls"),
        note: "Chuyển để thực hiện",
      });
      assert.equal(early.body.error.code, "NOT_REGISTERED");
      assert.equal((await clerk.post(`/api/documents/${copy}/register`, {})).status, 200);
      const tpls = await agencyId("vhtt-tpls");
      const fwd = await clerk.post(`/api/documents/${copy}/forward`, {
        agencyId: tpls,
        note: "Chuyển Phòng Văn hóa và Thông tin thành phố để thực hiện.",
      });
      assert.equal(fwd.status, 201, JSON.stringify(fwd.body));
      assert.equal(fwd.body.agency.code, "vhtt-tpls");
      const again = await clerk.post(`/api/documents/${copy}/forward`, {
        agencyId: tpls,
        note: "x",
      });
      assert.equal(again.body.error.code, "ALREADY_FORWARDED");
      const toSender = await clerk.post(`/api/documents/${copy}/forward`, {
        agencyId: await agencyId("stttt-ls"),
        note: "x",
      });
      assert.equal(toSender.body.error.code, "ALREADY_FORWARDED");
      const self = await clerk.post(`/api/documents/${copy}/forward`, {
        agencyId: await agencyId("baolangson"),
        note: "x",
      });
      assert.equal(self.body.error.code, "AGENCY_NOT_FOUND");

      const city = await t.login("vhtt-tpls.vanthu");
      const box = (await city.get("/api/documents?box=incoming")).body.items;
      const received = box.find((b: { subject: string }) => /an toàn giao thông/.test(b.subject));
      assert.ok(received, JSON.stringify(box));
      const opened = (await city.get(`/api/documents/${received.id}`)).body;
      assert.equal(opened.sourceId, original);
      assert.ok(opened.files.some((f: { role: string }) => f.role === "rendered"));
      assert.ok((await bell("vhtt-tpls.vanthu", received.id)).includes("document.arrived"));
      assert.equal((await city.post(`/api/documents/${received.id}/register`, {})).status, 200);
      // The forwarder sees it arrive and be registered there.
      const h = (await clerk.get(`/api/documents/${copy}/handling`)).body;
      assert.deepEqual(
        h.forwards.map((f: { agency: { code: string }; status: string; note: string }) => [
          f.agency.code,
          f.status,
        ]),
        [["vhtt-tpls", "03"]],
      );
      const statuses = (await clerk.get(`/api/documents/${copy}/deliveries`)).body.items;
      assert.deepEqual(
        statuses.map((s: { agency: { code: string }; status: string }) => [
          s.agency.code,
          s.status,
        ]),
        [["vhtt-tpls", "03"]],
      );
      assert.ok((await bell("baolangson.vanthu", copy)).includes("delivery.progress"));
    });

    test("two people at once: two heads assign, two leaders instruct: exactly one wins each time", async () => {
      const { copy } = await issueDirective("tổ chức cuộc thi viết về ngành");
      const clerk = await t.login("baolangson.vanthu");
      assert.equal((await clerk.post(`/api/documents/${copy}/register`, {})).status, 200);
      const units = await unitsOf(clerk);
      const [a, b] = [await t.login("baolangson.lanhdao"), await t.login("baolangson.pholanhdao")];
      const body = { text: "Ban Thời sự chủ trì.", lead: units.TS };
      const instructed = await Promise.all([
        a.post(`/api/documents/${copy}/instructions`, body),
        b.post(`/api/documents/${copy}/instructions`, body),
      ]);
      assert.deepEqual(instructed.map((r) => r.status).sort(), [201, 409]);
      assert.equal(instructed.find((r) => r.status === 409)!.body.error.code, "ALREADY_INSTRUCTED");
      const rows = await t.ctx.db
        .selectFrom("instructions")
        .select("id")
        .where("document_id", "=", copy)
        .execute();
      assert.equal(rows.length, 1);

      // A second head of Ban Thời sự; both pass the unit's row on at once.
      await t.ctx.db
        .updateTable("users")
        .set({ unit_id: units.TS, unit_head: true })
        .where("id", "=", await userId("baolangson.chuyenvien2"))
        .execute();
      const [h1, h2] = [
        await t.login("baolangson.truongphong"),
        await t.login("baolangson.chuyenvien2"),
      ];
      const unitRow = (await h1.get(`/api/documents/${copy}/handling`)).body.handlers.find(
        (h: { role: string }) => h.role === "lead",
      );
      const cvId = await userId("baolangson.chuyenvien");
      const assigned = await Promise.all([
        h1.post(`/api/documents/${copy}/assignments`, { handlerId: unitRow.id, userId: cvId }),
        h2.post(`/api/documents/${copy}/assignments`, { handlerId: unitRow.id, userId: cvId }),
      ]);
      assert.deepEqual(
        assigned.map((r) => r.status).sort(),
        [201, 409],
        JSON.stringify(assigned.map((r) => r.body)),
      );
      assert.equal(assigned.find((r) => r.status === 409)!.body.error.code, "ALREADY_ASSIGNED");
      const people = await t.ctx.db
        .selectFrom("handlers")
        .select("id")
        .where("parent_id", "=", unitRow.id)
        .execute();
      assert.equal(people.length, 1);
      // Passed further down by the specialist, to the second one of the unit.
      const cv = await t.login("baolangson.chuyenvien");
      const down = await cv.post(`/api/documents/${copy}/assignments`, {
        handlerId: people[0]!.id,
        userId: await userId("baolangson.chuyenvien2"),
      });
      assert.equal(down.status, 201, JSON.stringify(down.body));
      await t.ctx.db
        .updateTable("users")
        .set({ unit_id: units.TKTS, unit_head: false })
        .where("id", "=", await userId("baolangson.chuyenvien2"))
        .execute();
    });
  });
}
