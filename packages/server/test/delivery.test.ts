import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import {
  count,
  approve,
  draftFields,
  giveTo,
  startTestApp,
  type Client,
  type TestApp,
} from "./helpers.ts";

for (const kind of testDatabaseKinds()) {
  describe(`delivery on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    const incomingOf = async (c: Client) => (await c.get("/api/documents?box=incoming")).body.items;

    test("the demo directive: plan, confirmation of the group, delivery, each recipient's own steps", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const draft = (await clerk.get("/api/documents?box=drafts")).body.items[0];
      assert.match(draft.subject, /quý IV năm 2026/);

      const plan = (await clerk.get(`/api/documents/${draft.id}/delivery-plan`)).body;
      assert.equal(plan.needsConfirmation, true);
      const names = (ids: string[]) => ids.map((i: string) => plan.agencies[i].name).sort();
      const [bao, dai, group] = plan.lines;
      assert.deepEqual(names(bao.matches), ["Báo Lạng Sơn"]);
      assert.deepEqual(names(dai.matches), ["Đài Phát thanh và Truyền hình tỉnh Lạng Sơn"]);
      assert.equal(group.group, true);
      assert.deepEqual(names(group.matches), [
        "Phòng Văn hóa và Thông tin huyện Cao Lộc",
        "Phòng Văn hóa và Thông tin huyện Chi Lăng",
        "Phòng Văn hóa và Thông tin thành phố Lạng Sơn",
      ]);

      const entries = await count(t, "register_entries");
      await approve(t, clerk, draft.id);
      const unconfirmed = await clerk.post(`/api/documents/${draft.id}/issue`);
      assert.equal(unconfirmed.status, 422);
      assert.equal(unconfirmed.body.error.code, "DELIVERY_UNCONFIRMED");
      assert.match(
        unconfirmed.body.error.issues[0].message,
        /Phòng Văn hóa và Thông tin các huyện/,
      );
      assert.equal(await count(t, "register_entries"), entries, "no number taken");

      // The clerk leaves Chi Lăng out (say it already has the plan) and confirms.
      const chiLang = group.matches.find((i: string) => /Chi Lăng/.test(plan.agencies[i].name));
      const deliverTo = plan.recipients.filter((r: { agencyId: string }) => r.agencyId !== chiLang);
      await approve(t, clerk, draft.id);
      const issued = await clerk.post(`/api/documents/${draft.id}/issue`, { deliverTo });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.equal(issued.body.number, "01");

      const statuses = async () =>
        Object.fromEntries(
          (await clerk.get(`/api/documents/${draft.id}/deliveries`)).body.items.map(
            (d: { agency: { code: string }; status: string }) => [d.agency.code, d.status],
          ),
        );
      assert.deepEqual(await statuses(), {
        baolangson: "01",
        "ptth-ls": "01",
        "vhtt-caoloc": "01",
        "vhtt-tpls": "01",
      });

      // Báo Lạng Sơn: in its incoming box, with the PDF, registered under its own number.
      const bao1 = await t.login("baolangson.vanthu");
      const [copy] = await incomingOf(bao1);
      assert.equal(copy.reference, "01/STTTT-TTBCXB");
      assert.equal(copy.status, "draft");
      const detail = (await bao1.get(`/api/documents/${copy.id}`)).body;
      assert.equal(detail.sourceId, draft.id);
      const pdf = detail.files.find((f: { role: string }) => f.role === "rendered");
      const file = await bao1.get(
        `/api/documents/${copy.id}/files/${encodeURIComponent(pdf.name)}`,
      );
      assert.equal(file.status, 200);
      assert.equal(file.raw.subarray(0, 5).toString(), "%PDF-");
      // What each reader may do is presented with the document (the web shows only that).
      assert.deepEqual(detail.can, {
        edit: false,
        delete: false,
        issue: false,
        publish: false,
        register: true,
        return: true,
        followOn: false,
        editTasks: false,
        progress: [],
        dashboard: false,
        present: false,
        instruct: false,
        instructOnPaper: false,
        assign: false,
        handle: false,
        done: false,
        remind: false,
        forwardOut: false,
        attach: true,
        submit: false,
        forward: false,
        approve: false,
        sendBack: false,
        reviewEdit: false,
      });
      // A specialist sees a received record once it is given to their unit or them.
      const specialist = await t.login("baolangson.chuyenvien");
      assert.equal((await specialist.get(`/api/documents/${copy.id}`)).status, 404);
      await giveTo(t, copy.id, "baolangson.chuyenvien");
      const seen = (await specialist.get(`/api/documents/${copy.id}`)).body;
      assert.equal(seen.can.register, false, "registering is the clerk's");
      const reg = await bao1.post(`/api/documents/${copy.id}/register`, {});
      // The demo world registered 1650/UBND-KGVX at Báo Lạng Sơn this year: 01 is taken.
      assert.equal(reg.body.number, 2);
      const registered = (await bao1.get(`/api/documents/${copy.id}`)).body;
      assert.deepEqual(registered.can.progress, ["04", "05", "06"]);
      assert.equal(registered.can.followOn, true);
      assert.equal(registered.can.register, false);
      const issuer = (await clerk.get(`/api/documents/${draft.id}`)).body;
      assert.equal(issuer.can.publish, true);
      assert.equal(issuer.can.dashboard, true);
      assert.equal(issuer.can.edit, false, "an issued document is not edited");
      // Three steps sent at once (two tabs, a double click): each is checked against the status
      // as the one before it left it, so the status ends on "done" and never goes back.
      const race = await Promise.all(
        ["06", "05", "04"].map((status) =>
          bao1.post(`/api/documents/${copy.id}/progress`, { status }),
        ),
      );
      assert.ok(
        race.every((r) => r.status === 200 || r.body.error?.code === "INVALID_STATUS_CHANGE"),
        JSON.stringify(race.map((r) => r.body)),
      );
      assert.equal(race[0]!.status, 200, "the last step is always allowed from where it stood");
      const steps = await t.ctx.db
        .selectFrom("audit_events")
        .select(["after"])
        .where("action", "=", "delivery.progress")
        .orderBy("at")
        .orderBy("id")
        .execute();
      const moved = steps.map((e) => (e.after as { status: string }).status);
      assert.deepEqual(moved, [...moved].sort(), `steps in order: ${moved.join(" ")}`);
      assert.equal(moved.at(-1), "06");

      // The radio station returns it: not its business.
      const dai1 = await t.login("ptth-ls.vanthu");
      const [daiCopy] = await incomingOf(dai1);
      const short = await dai1.post(`/api/documents/${daiCopy.id}/return`, { reason: "" });
      assert.equal(short.status, 400);
      const returned = await dai1.post(`/api/documents/${daiCopy.id}/return`, {
        reason: "Gửi nhầm: đề nghị gửi Phòng Nội dung.",
      });
      assert.equal(returned.status, 200);
      const twice = await dai1.post(`/api/documents/${daiCopy.id}/return`, { reason: "lần hai" });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, "INVALID_STATUS_CHANGE");

      // The city office registers it and carries it out; steps only go forward.
      const tp = await t.login("vhtt-tpls.vanthu");
      const [tpCopy] = await incomingOf(tp);
      const early = await tp.post(`/api/documents/${tpCopy.id}/progress`, { status: "04" });
      assert.equal(early.status, 409, "not registered yet");
      await tp.post(`/api/documents/${tpCopy.id}/register`, {});
      for (const status of ["04", "05", "06"])
        assert.equal(
          (await tp.post(`/api/documents/${tpCopy.id}/progress`, { status })).status,
          200,
        );
      const back = await tp.post(`/api/documents/${tpCopy.id}/progress`, { status: "05" });
      assert.equal(back.status, 409);

      assert.deepEqual(await statuses(), {
        baolangson: "06",
        "ptth-ls": "02",
        "vhtt-caoloc": "01",
        "vhtt-tpls": "06",
      });
      const items = (await clerk.get(`/api/documents/${draft.id}/deliveries`)).body.items;
      const dai2 = items.find((d: { agency: { code: string } }) => d.agency.code === "ptth-ls");
      assert.equal(dai2.returnReason, "Gửi nhầm: đề nghị gửi Phòng Nội dung.");
      assert.ok(items.find((d: { status: string }) => d.status === "06").doneAt);

      // Left out, and outside the chain: nothing.
      const chilang = await t.login("vhtt-chilang.vanthu");
      assert.deepEqual(await incomingOf(chilang), []);
      const outsider = await t.login("ldld-bg.vanthu");
      for (const url of [
        `/api/documents/${draft.id}`,
        `/api/documents/${copy.id}`,
        `/api/documents/${draft.id}/deliveries`,
      ])
        assert.equal((await outsider.get(url)).status, 404, url);
      assert.equal(
        (await outsider.post(`/api/documents/${tpCopy.id}/progress`, { status: "06" })).status,
        404,
      );
      // A recipient cannot act on the issuer's record, nor on another recipient's copy.
      assert.equal((await bao1.get(`/api/documents/${draft.id}/deliveries`)).status, 404);
      assert.equal(
        (await bao1.post(`/api/documents/${tpCopy.id}/progress`, { status: "06" })).status,
        404,
      );
    });

    test('bug: "UBND tỉnh (để b/c)" in Nơi nhận is delivered', async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post(
        "/api/documents",
        draftFields({ recipients: ["Như trên", "UBND tỉnh (để b/c)", "Lãnh đạo Sở"] }),
      );
      assert.equal(d.status, 201, JSON.stringify(d.body));
      await approve(t, clerk, d.body.id);
      const issued = await clerk.post(`/api/documents/${d.body.id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const items = (await clerk.get(`/api/documents/${d.body.id}/deliveries`)).body.items;
      const ubnd = items.find((i: { agency: { code: string } }) => i.agency.code === "ubnd-ls");
      assert.ok(
        ubnd,
        `delivered to ${items.map((i: { agency: { code: string } }) => i.agency.code)}`,
      );
      assert.equal(ubnd.kind, "copy");
      const ubndClerk = await t.login("ubnd-ls.vanthu");
      const received = (await ubndClerk.get("/api/documents?box=incoming")).body.items;
      assert.ok(received.some((r: { reference: string }) => r.reference === issued.body.reference));
    });

    test("the plan lists every line with its outcome; the clerk's picks by hand are delivered, lines left undecided reported", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const ids: Record<string, string> = Object.fromEntries(
        (await clerk.get("/api/agencies")).body.items.map((a: { code: string; id: string }) => [
          a.code,
          a.id,
        ]),
      );
      const d = await clerk.post(
        "/api/documents",
        draftFields({
          addressees: ["Báo Lạng Sơn", "Các sở, ban, ngành tỉnh"],
          recipients: [
            "Như trên",
            "UBND tỉnh (để b/c)",
            "Hội Nhà báo tỉnh (để phối hợp)",
            "Cổng TTĐT tỉnh",
            "Giám đốc, các PGĐ Sở",
            "Phòng TTBCXB",
          ],
        }),
      );
      assert.equal(d.status, 201, JSON.stringify(d.body));
      const plan = (await clerk.get(`/api/documents/${d.body.id}/delivery-plan`)).body;
      assert.deepEqual(
        plan.lines.map((l: { written: string; outcome: string; internal: string | null }) => [
          l.written,
          l.outcome,
          l.internal,
        ]),
        [
          ["Báo Lạng Sơn", "resolved", null],
          ["Các sở, ban, ngành tỉnh", "unresolved", null],
          ["Như trên", "internal", "as-above"],
          ["UBND tỉnh (để b/c)", "resolved", null],
          ["Hội Nhà báo tỉnh (để phối hợp)", "unresolved", null],
          ["Cổng TTĐT tỉnh", "unresolved", null],
          ["Giám đốc, các PGĐ Sở", "internal", "own"],
          ["Phòng TTBCXB", "internal", "own"],
          ["Lưu: VT, TTBCXB", "internal", "archive"],
        ],
      );
      assert.deepEqual(plan.lines[3].matches, [ids["ubnd-ls"]]);
      assert.equal(plan.lines[3].note, "để b/c");
      assert.equal(plan.agencies[ids["ubnd-ls"]!].name, "Ủy ban nhân dân tỉnh Lạng Sơn");
      assert.deepEqual(plan.unresolved, [
        "Các sở, ban, ngành tỉnh",
        "Hội Nhà báo tỉnh (để phối hợp)",
        "Cổng TTĐT tỉnh",
      ]);
      assert.equal(plan.needsConfirmation, false);

      const entries = await count(t, "register_entries");
      // A decision on a line the draft no longer has: the clerk looks again; no number taken.
      await approve(t, clerk, d.body.id);
      const stale = await clerk.post(`/api/documents/${d.body.id}/issue`, {
        lines: [{ kind: "copy", line: "Sở Nội vụ", agencyIds: [ids["ubnd-ls"]] }],
      });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      assert.equal(stale.body.error.code, "DELIVERY_LINES_CHANGED");
      assert.match(stale.body.error.issues[0].message, /Sở Nội vụ/);
      // The installation's pseudo-agency receives nothing, even picked by hand.
      const installation = await t.ctx.db
        .selectFrom("agencies")
        .select("id")
        .where("kind", "=", "installation")
        .executeTakeFirstOrThrow();
      await approve(t, clerk, d.body.id);
      const pseudo = await clerk.post(`/api/documents/${d.body.id}/issue`, {
        lines: [{ kind: "action", line: "Các sở, ban, ngành tỉnh", agencyIds: [installation.id] }],
      });
      assert.equal(pseudo.status, 400, JSON.stringify(pseudo.body));
      assert.equal(pseudo.body.error.code, "VALIDATION_FAILED");
      assert.equal(await count(t, "register_entries"), entries, "no number taken");

      await approve(t, clerk, d.body.id);
      const issued = await clerk.post(`/api/documents/${d.body.id}/issue`, {
        lines: [
          {
            kind: "action",
            line: "Các sở, ban, ngành tỉnh",
            agencyIds: [ids["ptth-ls"], ids["tu-ls"], ids["stttt-ls"]],
          },
          { kind: "copy", line: "Hội Nhà báo tỉnh (để phối hợp)", agencyIds: [] },
        ],
      });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.deepEqual(issued.body.unresolved, ["Cổng TTĐT tỉnh"], "left undecided: told");
      const items = (await clerk.get(`/api/documents/${d.body.id}/deliveries`)).body.items;
      assert.deepEqual(
        items
          .map((i: { agency: { code: string }; kind: string; line: string }) => [
            i.agency.code,
            i.kind,
            i.line,
          ])
          .sort(),
        [
          ["baolangson", "action", "Báo Lạng Sơn"],
          ["ptth-ls", "action", "Các sở, ban, ngành tỉnh"],
          ["tu-ls", "action", "Các sở, ban, ngành tỉnh"],
          ["ubnd-ls", "copy", "UBND tỉnh (để b/c)"],
        ],
        "picked by hand under their line; the issuer never receives",
      );
      const audit = await t.ctx.db
        .selectFrom("audit_events")
        .select("after")
        .where("action", "=", "document.issue")
        .where("entity_id", "=", d.body.id)
        .executeTakeFirstOrThrow();
      const after = audit.after as { unresolved: string[]; declined: string[]; delivered: number };
      assert.deepEqual(
        [after.delivered, after.declined, after.unresolved],
        [4, ["Hội Nhà báo tỉnh (để phối hợp)"], ["Cổng TTĐT tỉnh"]],
      );
      // Tasks go to the agencies picked for a Kính gửi line as to any addressee.
      const tasks = await t.ctx.db
        .selectFrom("tasks")
        .select("assignee_agency_id")
        .distinct()
        .where("document_id", "=", d.body.id)
        .execute();
      assert.deepEqual(
        tasks.map((r) => r.assignee_agency_id).sort(),
        [ids["baolangson"], ids["ptth-ls"], ids["tu-ls"]].sort(),
      );
    });

    test("plain addressees are delivered without confirmation; an imported document has no delivery", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const d = await clerk.post("/api/documents", draftFields());
      await approve(t, clerk, d.body.id);
      const issued = await clerk.post(`/api/documents/${d.body.id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const items = (await clerk.get(`/api/documents/${d.body.id}/deliveries`)).body.items;
      assert.deepEqual(items.map((i: { agency: { code: string } }) => i.agency.code).sort(), [
        "baolangson",
        "ptth-ls",
      ]);
      const other = await t.login("sct-hd.vanthu");
      const imp = await other.upload(
        "/api/documents/import",
        "cv.txt",
        Buffer.from((await clerk.get(`/api/documents/${d.body.id}`)).body.text),
      );
      const ret = await other.post(`/api/documents/${imp.body.document.id}/return`, {
        reason: "không phải của tôi",
      });
      assert.equal(ret.status, 409);
      assert.equal(ret.body.error.code, "NOT_DELIVERED");
    });

    test("bug: concurrent delivery updates could move a status backwards: each step is checked against the locked row", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const recipients = await Promise.all(
        ["baolangson", "ptth-ls"].map((code) => t.login(`${code}.vanthu`)),
      );
      // Three documents to two recipients: six registered copies to move on at once.
      const documents: string[] = [];
      const copies: Array<[Client, string]> = [];
      for (const n of [1, 2, 3]) {
        const subject = `tổng hợp số liệu tuyên truyền cải cách hành chính đợt ${n}`;
        const d = await clerk.post("/api/documents", draftFields({ subject }));
        await approve(t, clerk, d.body.id);
        assert.equal((await clerk.post(`/api/documents/${d.body.id}/issue`)).status, 200);
        documents.push(d.body.id);
        for (const c of recipients) {
          const copy = (await incomingOf(c)).find(
            (i: { subject: string }) => i.subject === subject,
          );
          assert.equal((await c.post(`/api/documents/${copy.id}/register`, {})).status, 200);
          copies.push([c, copy.id]);
        }
      }
      // Every step of every copy sent at once (two tabs, a double click), the last step first.
      const race = await Promise.all(
        copies.flatMap(([c, id]) =>
          ["06", "05", "04"].map((status) => c.post(`/api/documents/${id}/progress`, { status })),
        ),
      );
      assert.ok(
        race.every((r) => r.status === 200 || r.body.error?.code === "INVALID_STATUS_CHANGE"),
        JSON.stringify(race.map((r) => r.body)),
      );
      for (const id of documents) {
        const items = (await clerk.get(`/api/documents/${id}/deliveries`)).body.items;
        for (const item of items as Array<{
          id: string;
          status: string;
          agency: { code: string };
        }>) {
          assert.equal(item.status, "06", `${item.agency.code}: done, and it stays done`);
          const steps = await t.ctx.db
            .selectFrom("audit_events")
            .select(["before", "after"])
            .where("action", "=", "delivery.progress")
            .where("entity_id", "=", item.id)
            .orderBy("at")
            .orderBy("id")
            .execute();
          const moves = steps.map(
            (e) =>
              `${(e.before as { status: string }).status}->${(e.after as { status: string }).status}`,
          );
          for (const move of moves)
            assert.ok(move.slice(0, 2) < move.slice(4), `${item.agency.code}: ${moves.join(" ")}`);
        }
      }
    });
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`links and cascade on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t.close());

    test("citations link to documents in the system; cited-by; unresolved ones listed", async () => {
      const sct = await t.login("sct-hd.vanthu");
      const own = (await sct.get("/api/documents?box=outgoing")).body.items[0];
      assert.equal(own.reference, "918/SCT-VP");
      const l = (await sct.get(`/api/documents/${own.id}/links`)).body;
      assert.equal(l.cites.length, 1);
      assert.equal(l.cites[0].reference, "642/STTTT-TTBCXB");
      // The issuer on its own: the header's "Sở Thông tin và Truyền thông" under UBND tỉnh Hải Dương.
      assert.equal(l.cites[0].document.issuer, "Sở Thông tin và Truyền thông tỉnh Hải Dương");
      assert.deepEqual(l.unresolved, []);
      const parent = (await t.anonymous().get(`/api/documents/${l.cites[0].document.id}/links`))
        .body;
      assert.deepEqual(
        parent.unresolved,
        ["1890/BTTTT-TTCS"],
        "the ministry's letter is not in the system",
      );
      assert.deepEqual(
        parent.citedBy.map((d: { reference: string }) => d.reference),
        ["918/SCT-VP"],
      );
    });

    test("a district office passes the directive on to two commune stations; the chain is one tree", async () => {
      const so = await t.login("stttt-ls.vanthu");
      const directive = await so.post(
        "/api/documents",
        draftFields({
          addressees: ["Phòng Văn hóa và Thông tin thành phố Lạng Sơn", "Báo Lạng Sơn"],
        }),
      );
      await approve(t, so, directive.body.id);
      const issued = await so.post(`/api/documents/${directive.body.id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));

      const office = await t.login("vhtt-tpls.vanthu");
      const copy = (await office.get("/api/documents?box=incoming")).body.items[0];
      await office.post(`/api/documents/${copy.id}/register`, {});
      const follow = await office.post(`/api/documents/${copy.id}/follow-on`);
      assert.equal(follow.status, 201, JSON.stringify(follow.body));
      assert.match(
        follow.body.paragraphs[0],
        new RegExp(
          `^Thực hiện Công văn số ${issued.body.reference} ngày \\d+/11/2026 của Sở Thông tin và Truyền thông tỉnh Lạng Sơn về việc tuyên truyền phòng, chống thiên tai năm 2026, Phòng Văn hóa và Thông tin thành phố Lạng Sơn đề nghị`,
        ),
      );
      assert.deepEqual(follow.body.paragraphs.slice(1), [
        "1. Đưa tin về công tác phòng, chống thiên tai.",
        "2. Báo cáo kết quả về Sở khi có yêu cầu.",
      ]);
      const patched = await office.patch(`/api/documents/${follow.body.id}`, {
        addressees: ["Đài Truyền thanh xã Mai Pha", "Đài Truyền thanh xã Hoàng Đồng"],
        paragraphs: [
          ...follow.body.paragraphs,
          "3. Phát lại các tin trên hệ thống loa truyền thanh ít nhất 03 lần mỗi tuần./.",
        ],
        signature: { signerTitle: "TRƯỞNG PHÒNG", signerName: "Lý Văn Sơn" },
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      const leader = await t.login("vhtt-tpls.lanhdao");
      await approve(t, leader, follow.body.id);
      const second = await leader.post(`/api/documents/${follow.body.id}/issue`);
      assert.equal(second.status, 200, JSON.stringify(second.body));
      assert.equal(second.body.reference, "01/VHTT");

      // The follow-on cites the directive: linked to the office's own copy.
      const l = (await office.get(`/api/documents/${follow.body.id}/links`)).body;
      assert.equal(l.cites[0].document.id, copy.id);

      const station = await t.login("dtt-maipha.vanthu");
      const stationCopy = (await station.get("/api/documents?box=incoming")).body.items[0];
      assert.equal(stationCopy.reference, "01/VHTT");
      const tree = (await station.get(`/api/documents/${stationCopy.id}/chain`)).body;
      assert.equal(tree.document.reference, issued.body.reference);
      assert.equal(tree.agency, "Sở Thông tin và Truyền thông");
      assert.equal(tree.children.length, 1);
      assert.equal(tree.children[0].document.reference, "01/VHTT");
      assert.equal(tree.children[0].agency, "Phòng Văn hóa và Thông tin thành phố Lạng Sơn");
      assert.equal(tree.children[0].document.id, stationCopy.id, "the station's own record");
      const fromTop = (await so.get(`/api/documents/${directive.body.id}/chain`)).body;
      type Node = { document: { reference: string }; agency: string; children: Node[] };
      const shape = (n: Node): unknown => [n.document.reference, n.agency, n.children.map(shape)];
      assert.deepEqual(shape(fromTop), shape(tree), "the same tree from any place in it");
      assert.equal(fromTop.document.id, directive.body.id);

      const outsider = await t.login("ldld-bg.vanthu");
      assert.equal((await outsider.get(`/api/documents/${directive.body.id}/chain`)).status, 404);
      const press = await t.login("baolangson.vanthu");
      const pressCopy = (await press.get("/api/documents?box=incoming")).body.items[0];
      assert.equal(
        (await press.get(`/api/documents/${pressCopy.id}/chain`)).status,
        200,
        "a recipient is in the chain",
      );
      // A recipient's follow-on draft is its own: no other agency in the tree sees it.
      const draft = await press.post(`/api/documents/${pressCopy.id}/follow-on`);
      assert.equal(draft.status, 201);
      const seenBy = async (c: typeof so, id: string) =>
        JSON.stringify((await c.get(`/api/documents/${id}/chain`)).body);
      assert.match(await seenBy(press, pressCopy.id), new RegExp(draft.body.id));
      for (const [c, id] of [
        [so, directive.body.id],
        [office, copy.id],
        [station, stationCopy.id],
      ] as const)
        assert.doesNotMatch(await seenBy(c, id), new RegExp(draft.body.id));
      const notReceived = await so.post(`/api/documents/${directive.body.id}/follow-on`);
      assert.equal(notReceived.status, 400, "one carries out what one received");
    });
  });
}
