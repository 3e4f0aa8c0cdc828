/**
 * Seed 000's story, played through the API with an injected clock: Sở TT&TT Lạng Sơn issues its
 * quarterly directive to the newspaper, the radio/TV station and the district culture offices;
 * each registers it; the city office passes it on to two commune radio stations; they report;
 * the dashboard shows every cell; the consolidated report sums the figures and names who did not
 * report; reminders and late reports follow the calendar.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { runDueJobs, scheduleRecurring } from "../src/followup/jobs.ts";
import { issueDirective } from "./followup-fixture.ts";
import { approve, giveTo, startTestApp, type TestApp } from "./helpers.ts";

for (const kind of testDatabaseKinds()) {
  describe(`follow-through on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-11-20T09:00:00+07:00");
    });
    after(() => t.close());

    test("the whole story: directive, cascade, reports, dashboard, consolidated report, reminders", async () => {
      const at = (iso: string) => t.clock.set(`${iso}T09:00:00+07:00`);
      at("2026-11-20");
      const so = await t.login("stttt-ls.vanthu");
      const draft = (await so.get("/api/documents?box=drafts")).body.items[0];

      // The tasks read from the text, edited before issuing.
      const plan = (await so.get(`/api/documents/${draft.id}/task-plan`)).body;
      assert.deepEqual(
        plan.items.map((i: { label: string }) => i.label),
        ["1", "2", "3"],
      );
      assert.deepEqual(plan.cycles, ["on-request", "quarterly", "half-yearly", "yearly"]);
      assert.equal(plan.due, null);
      const edited = { ...plan, cycles: ["quarterly", "yearly"] };
      assert.equal(
        (await so.request("PUT", `/api/documents/${draft.id}/task-plan`, edited)).status,
        200,
      );
      const bad = await so.request("PUT", `/api/documents/${draft.id}/task-plan`, {
        ...plan,
        cycles: ["weekly"],
      });
      assert.equal(bad.status, 400);
      // "Một lần" with "Hằng quý" is no plan: refused with the field named.
      const both = await so.request("PUT", `/api/documents/${draft.id}/task-plan`, {
        ...plan,
        cycles: ["once", "quarterly"],
      });
      assert.equal(both.status, 400);
      assert.equal(both.body.error.issues[0].path, "cycles");

      const recipients = (await so.get(`/api/documents/${draft.id}/delivery-plan`)).body.recipients;
      await approve(t, so, draft.id);
      const issued = await so.post(`/api/documents/${draft.id}/issue`, { deliverTo: recipients });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));

      // Every addressee registers it and finds its three tasks.
      const codes = ["baolangson", "ptth-ls", "vhtt-tpls", "vhtt-caoloc", "vhtt-chilang"];
      const taskIds: Record<string, Record<string, string>> = {};
      for (const code of codes) {
        const c = await t.login(`${code}.vanthu`);
        const [copy] = (await c.get("/api/documents?box=incoming")).body.items;
        assert.equal((await c.post(`/api/documents/${copy.id}/register`, {})).status, 200);
        // Given to the agency's specialist, who reports on it.
        await giveTo(t, copy.id, `${code}.chuyenvien`);
        const owed = (await c.get("/api/tasks")).body;
        // Items 1 and 2 are for everyone; item 3 is headed by the district offices' line.
        assert.equal(owed.items.length, code.startsWith("vhtt-") ? 3 : 2, code);
        // In the order the document numbers them (they were listed 3, 2, 1).
        assert.deepEqual(
          owed.items.map((i: { label: string }) => i.label),
          code.startsWith("vhtt-") ? ["1", "2", "3"] : ["1", "2"],
          `${code}: order`,
        );
        assert.deepEqual(owed.items[0].cycles, ["quarterly", "yearly"]);
        taskIds[code] = Object.fromEntries(
          owed.items.map((i: { label: string; taskId: string }) => [i.label, i.taskId]),
        );
      }

      // The city office passes it on to two commune stations, with its own deadline.
      const office = await t.login("vhtt-tpls.vanthu");
      const [officeCopy] = (await office.get("/api/documents?box=incoming")).body.items;
      const follow = (await office.post(`/api/documents/${officeCopy.id}/follow-on`)).body;
      await office.patch(`/api/documents/${follow.id}`, {
        addressees: ["Đài Truyền thanh xã Mai Pha", "Đài Truyền thanh xã Hoàng Đồng"],
        paragraphs: [
          ...follow.paragraphs,
          "Các đài báo cáo kết quả về Phòng trước ngày 20/12/2026./.",
        ],
        signature: { signerTitle: "TRƯỞNG PHÒNG", signerName: "Lý Văn Sơn" },
      });
      const officePlan = (await office.get(`/api/documents/${follow.id}/task-plan`)).body;
      assert.deepEqual([officePlan.cycles, officePlan.due], [["once"], "2026-12-20"]);
      await approve(t, office, follow.id);
      assert.equal((await office.post(`/api/documents/${follow.id}/issue`)).status, 200);
      for (const [code, people] of [
        ["dtt-maipha", 1200],
        ["dtt-hoangdong", 800],
      ] as const) {
        const c = await t.login(`${code}.vanthu`);
        const [copy] = (await c.get("/api/documents?box=incoming")).body.items;
        await c.post(`/api/documents/${copy.id}/register`, {});
        const [task] = (await c.get("/api/tasks")).body.items;
        const r = await c.post(`/api/tasks/${task.taskId}/reports`, {
          period: "once",
          figures: { broadcasts: 12, people },
          narrative: "Phát trên loa truyền thanh.",
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }

      // Reports on the quarter, in December.
      at("2026-12-10");
      const report = async (code: string, label: string, figures: Record<string, number>) => {
        const c = await t.login(`${code}.chuyenvien`);
        const r = await c.post(`/api/tasks/${taskIds[code]![label]}/reports`, {
          period: "2026-Q4",
          figures,
          narrative: `Kết quả nhiệm vụ ${label}.`,
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body;
      };
      await report("baolangson", "1", { articles: 3 });
      await report("baolangson", "2", { articles: 2 });
      await report("ptth-ls", "1", { broadcasts: 4, minutes: 60 });
      await report("ptth-ls", "2", { broadcasts: 2, minutes: 15 });
      await report("vhtt-tpls", "3", { events: 2, people: 300 });
      const caoloc = await report("vhtt-caoloc", "1", { articles: 1, tin_tieng_dan_toc: 5 });
      assert.equal(caoloc.late, false);

      // A photo of the event goes with the city office's report; a fake one does not.
      const tpls = await t.login("vhtt-tpls.chuyenvien");
      const tplsReport = (await tpls.get("/api/tasks")).body.items.find(
        (i: { label: string }) => i.label === "3",
      );
      const board0 = (await so.get(`/api/documents/${draft.id}/dashboard`)).status;
      assert.equal(board0, 401, "the Sở's session of 20 November has expired");
      const reportId = (
        await t.ctx.db
          .selectFrom("reports")
          .select("id")
          .where("task_id", "=", tplsReport.taskId)
          .executeTakeFirstOrThrow()
      ).id;
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
      const photo = await tpls.upload(`/api/reports/${reportId}/files`, "hoi-nghi.jpg", jpeg);
      assert.equal(photo.status, 201, JSON.stringify(photo.body));
      const fake = await tpls.upload(
        `/api/reports/${reportId}/files`,
        "anh.jpg",
        Buffer.from("not a photo"),
      );
      assert.equal(fake.status, 422);
      const exe = await tpls.upload(`/api/reports/${reportId}/files`, "x.exe", jpeg);
      assert.equal(exe.status, 415);
      const stranger = await t.login("baolangson.vanthu");
      assert.equal(
        (await stranger.upload(`/api/reports/${reportId}/files`, "b.jpg", jpeg)).status,
        404,
      );
      assert.equal((await stranger.get(`/api/reports/${reportId}/files/hoi-nghi.jpg`)).status, 404);

      // Boundaries.
      const bao = await t.login("baolangson.vanthu");
      const foreign = await bao.post(`/api/tasks/${taskIds["ptth-ls"]!["1"]}/reports`, {
        period: "2026-Q4",
        figures: { articles: 99 },
      });
      assert.equal(foreign.status, 404, "a report for another agency");
      const wrongPeriod = await bao.post(`/api/tasks/${taskIds.baolangson!["1"]}/reports`, {
        period: "2027-Q3",
        figures: {},
      });
      assert.equal(wrongPeriod.status, 400);
      const negative = await bao.post(`/api/tasks/${taskIds.baolangson!["1"]}/reports`, {
        period: "2026-Q4",
        figures: { articles: -1 },
      });
      assert.equal(negative.status, 400);
      const recipientEdit = await bao.patch(`/api/tasks/${taskIds.baolangson!["1"]}`, {
        due: "2027-06-30",
      });
      assert.equal(recipientEdit.status, 403, "a recipient cannot edit the issuer's tasks");
      const outsider = await t.login("ldld-bg.vanthu");
      assert.equal(
        (await outsider.patch(`/api/tasks/${taskIds.baolangson!["1"]}`, { due: null })).status,
        404,
      );
      assert.equal((await outsider.get(`/api/documents/${draft.id}/dashboard`)).status, 404);
      assert.equal((await bao.get(`/api/documents/${draft.id}/dashboard`)).status, 404);
      assert.deepEqual((await outsider.get("/api/tasks")).body.items, []);

      // The dashboard, mid-December: every cell; totals; the cascade; who has not reported.
      at("2026-12-15");
      const so2 = await t.login("stttt-ls.vanthu");
      const board = (await so2.get(`/api/documents/${draft.id}/dashboard`)).body;
      assert.equal(board.cells.length, 13, "5 recipients x items 1-2, and the 3 offices x item 3");
      assert.deepEqual(board.totals.byItem, {
        "1": { articles: 4, broadcasts: 4, minutes: 60, tin_tieng_dan_toc: 5 },
        "2": { articles: 2, broadcasts: 2, minutes: 15 },
        "3": { events: 2, people: 300 },
      });
      assert.deepEqual(board.totals.all, {
        articles: 6,
        broadcasts: 6,
        minutes: 75,
        tin_tieng_dan_toc: 5,
        events: 2,
        people: 300,
      });
      assert.deepEqual(board.totals.cascade.people, 300 + 1200 + 800);
      assert.equal(board.cascade.length, 1);
      assert.equal(board.cascade[0].agency, "Phòng Văn hóa và Thông tin thành phố Lạng Sơn");
      assert.deepEqual(
        board.notReported.map((n: { code: string }) => n.code),
        ["vhtt-chilang"],
      );
      assert.equal(board.overdue, 0, "the quarter is not over");
      const cell = (code: string, label: string) =>
        board.cells.find(
          (c: { agencyId: string; label: string }) =>
            c.label === label &&
            board.recipients.find((r: { code: string }) => r.code === code).agencyId === c.agencyId,
        );
      assert.equal(cell("ptth-ls", "2").status, "reported");
      assert.equal(cell("vhtt-chilang", "1").status, "pending");
      assert.deepEqual(cell("vhtt-tpls", "3").reports[0].files, ["hoi-nghi.jpg"]);
      const seen = await so2.get(
        `/api/reports/${cell("vhtt-tpls", "3").reports[0].id}/files/hoi-nghi.jpg`,
      );
      assert.equal(seen.status, 200, "the issuer reads the report's files");
      assert.equal(seen.headers["content-type"], "image/jpeg");

      // The consolidated report, as a draft.
      const bc = await so2.post(`/api/documents/${draft.id}/consolidated-report`);
      assert.equal(bc.status, 201, JSON.stringify(bc.body));
      const bcDoc = (await so2.get(`/api/documents/${bc.body.id}`)).body;
      assert.equal(bcDoc.typeCode, "BC");
      assert.equal(bcDoc.status, "draft");
      assert.match(
        bcDoc.subject,
        /^Kết quả thực hiện Công văn số 01\/STTTT-TTBCXB ngày 20 tháng 11 năm 2026/,
      );
      const text: string = bcDoc.text;
      assert.match(text, /^Số: \/BC-STTTT$/m, "the draft's symbol before its number");
      assert.match(text, /có 4\/5 cơ quan, đơn vị báo cáo kết quả/);
      // Dates as ND30 writes them, never "ngày 2/12/2026".
      assert.match(text, /đến ngày \d{2} tháng (?:0[12]|[3-9]|1[0-2]) năm \d{4} có/);
      assert.doesNotMatch(text, /ngày \d{1,2}\/\d{1,2}\/\d{4} của Sở/);
      // Totals per task under the report form's names; an agency's own key as it is.
      assert.match(
        text,
        /- Nhiệm vụ 1\. Tuyên truyền chuyển đổi số và dịch vụ công trực tuyến: Số tin, bài: 4; Số chương trình phát sóng: 4; Thời lượng phát sóng \(phút\): 60; tin_tieng_dan_toc: 5\./,
      );
      // Each recipient's reports, narrative and figures, and its sum.
      assert.match(
        text,
        /\d\. Đài Phát thanh và Truyền hình tỉnh Lạng Sơn\n\na\) Nhiệm vụ 1\. [^\n]+ \(Quý IV\/2026\):\n\nKết quả nhiệm vụ 1\.\n\nSố liệu: Số chương trình phát sóng: 4; Thời lượng phát sóng \(phút\): 60\.\n[\s\S]*?- Cộng: Số chương trình phát sóng: 6; Thời lượng phát sóng \(phút\): 75\./,
      );
      assert.match(
        text,
        /Phòng Văn hóa và Thông tin thành phố Lạng Sơn\n[\s\S]*?Tài liệu kèm theo: hoi-nghi\.jpg\./,
      );
      // Down the cascade: the commune stations' listeners with the city office's attendance.
      assert.match(text, /- Tính cả các văn bản triển khai: [^\n]*Số lượt người tham dự: 2\.300/);
      assert.match(text, /\nKT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nHoàng Thị Lan\n$/);
      assert.match(text, /CHƯA BÁO CÁO\n+- Phòng Văn hóa và Thông tin huyện Chi Lăng\./);

      // Reminders three days before the quarter's end, once, whichever process runs them.
      at("2026-12-29");
      await scheduleRecurring(t.ctx);
      await scheduleRecurring(t.ctx);
      const ran = await Promise.all([runDueJobs(t.ctx, "a"), runDueJobs(t.ctx, "b")]);
      // Four recurring jobs (reminders, the purge of old login records, the file sweep, the
      // handling deadlines), each taken by one runner.
      assert.equal(ran[0] + ran[1], 4, "each recurring job taken by one runner");
      const chilang = await t.login("vhtt-chilang.vanthu");
      type Note = {
        id: string;
        code: string | null;
        params: Record<string, string | null>;
        taskId: string | null;
        message: string | null;
        readAt: string | null;
      };
      const deadlines = async (who: typeof chilang, code = "deadline.near") =>
        ((await who.get("/api/notifications")).body.items as Note[]).filter((n) => n.code === code);
      const notes = await deadlines(chilang);
      // Three items, each due for the quarter and for the year on 31 December: codes with their
      // parameters (the catalogue writes the sentence), to the agency as a whole.
      assert.deepEqual(
        notes.map((n) => `${n.params.item} ${n.params.period} ${n.params.due}`).sort(),
        [
          "1 2026 2026-12-31",
          "1 2026-Q4 2026-12-31",
          "2 2026 2026-12-31",
          "2 2026-Q4 2026-12-31",
          "3 2026 2026-12-31",
          "3 2026-Q4 2026-12-31",
        ],
      );
      assert.ok(notes.every((n) => n.message === null && n.taskId && n.params.reference));
      t.clock.advance(61 * 60_000);
      await runDueJobs(t.ctx, "a");
      assert.equal((await deadlines(chilang)).length, 6, "not twice");
      // Reading them: one, then the rest; never another agency's.
      const first = notes[0]!.id;
      const so1 = await t.login("stttt-ls.vanthu");
      assert.deepEqual((await so1.post("/api/notifications/read", { ids: [first] })).body, {
        read: 0,
      });
      assert.deepEqual((await chilang.post("/api/notifications/read", { ids: [first] })).body, {
        read: 1,
      });
      assert.equal((await chilang.post("/api/notifications/read", { ids: ["x"] })).status, 400);
      const before = (await chilang.get("/api/notifications")).body.unread;
      assert.ok(before >= 5);
      assert.deepEqual((await chilang.post("/api/notifications/read", {})).body, { read: before });
      assert.equal((await chilang.get("/api/notifications")).body.unread, 0);
      assert.equal((await deadlines(chilang)).filter((n) => !n.readAt).length, 0);

      // After the quarter: overdue cells, overdue notices, and a late report.
      at("2027-01-05");
      const so3 = await t.login("stttt-ls.vanthu");
      const later = (await so3.get(`/api/documents/${draft.id}/dashboard`)).body;
      assert.equal(later.overdue, 13, "nobody has sent the year's report");
      const missing = (code: string, label: string) =>
        later.cells.find(
          (c: { agencyId: string; label: string }) =>
            c.label === label &&
            later.recipients.find((r: { code: string }) => r.code === code).agencyId === c.agencyId,
        ).missing;
      assert.deepEqual(missing("ptth-ls", "1"), ["2026"]);
      assert.deepEqual(missing("vhtt-chilang", "1"), ["2026-Q4", "2026"]);
      // Each cell also lists every period opened so far, due or not (the completion chart).
      const chilangCell = later.cells.find(
        (c: { agencyId: string; label: string }) =>
          c.label === "1" &&
          later.recipients.find((r: { code: string }) => r.code === "vhtt-chilang").agencyId ===
            c.agencyId,
      );
      assert.deepEqual([...chilangCell.periods].sort(), ["2026", "2026-Q4", "2027", "2027-Q1"]);
      await runDueJobs(t.ctx, "a");
      const chilang2 = await t.login("vhtt-chilang.vanthu");
      const overdue = await deadlines(chilang2, "deadline.overdue");
      assert.equal(overdue.length, 6);
      const late = await report("vhtt-chilang", "1", { articles: 1 });
      assert.equal(late.late, true);
      // Everyone has now reported something: the report names nobody.
      const bc2 = (await so3.post(`/api/documents/${draft.id}/consolidated-report`)).body;
      assert.deepEqual(bc2.notReported, []);
      assert.match(
        (await so3.get(`/api/documents/${bc2.id}`)).body.text,
        /Các cơ quan, đơn vị đều đã báo cáo\./,
      );
      const owed = (await chilang2.get("/api/tasks")).body;
      assert.deepEqual(
        owed.items.map((i: { label: string; overdue: string[] }) => [i.label, i.overdue]).sort(),
        [
          ["1", ["2026"]],
          ["2", ["2026-Q4", "2026"]],
          ["3", ["2026-Q4", "2026"]],
        ],
      );
    });
  });

  describe(`a recipient's tasks on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-11-20T09:00:00+07:00");
    });
    after(() => t.close());

    test("bug: tasks were listed 3, 2, 1: in the order the document numbers them", async () => {
      // The tasks of one directive are made in one transaction, all at the same instant.
      await issueDirective(t, ["vhtt-tpls", "baolangson"]);
      const want: Array<[string, string[]]> = [
        ["vhtt-tpls", ["1", "2", "3"]],
        ["baolangson", ["1", "2"]],
      ];
      for (const [code, labels] of want) {
        const owed = (await (await t.login(`${code}.vanthu`)).get("/api/tasks")).body;
        assert.deepEqual(
          owed.items.map((i: { label: string }) => i.label),
          labels,
          code,
        );
      }
    });
  });
}
