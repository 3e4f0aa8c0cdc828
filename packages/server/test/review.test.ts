/**
 * A draft's review (trình ký, issue 15 item 2) on both databases: the whole path from a
 * specialist's draft to the clerk's issue, the refusals with their stable codes, two reviewers
 * at once, a deputy acting for the leader away; and urgency and secrecy (item 3) set on a draft,
 * carried to the delivered copies and sorted first in the incoming box.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { testDatabaseKinds } from "@vanthu/db";
import { approve, draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

for (const kind of testDatabaseKinds()) {
  describe(`the review of drafts on ${kind}`, () => {
    let t: TestApp;
    const ids: Record<string, string> = {};
    before(async () => {
      t = await startTestApp(kind);
      for (const u of await t.ctx.db
        .selectFrom("users")
        .select(["id", "username"])
        .where("username", "like", "baolangson.%")
        .execute())
        ids[u.username.replace("baolangson.", "")] = u.id;
    });
    after(() => t.close());

    const steps = async (id: string) =>
      (
        await t.ctx.db
          .selectFrom("review_steps")
          .select(["action", "actor_id", "to_user_id", "on_behalf_of", "note", "version"])
          .where("document_id", "=", id)
          .orderBy("id")
          .execute()
      ).map((s) => `${s.action} v${s.version}`);

    const newDraft = async (c: Client, over: Record<string, unknown> = {}) => {
      const d = await c.post(
        "/api/documents",
        draftFields({ unit: "TKTS", subject: "trả lời về tuyên truyền năm 2026", ...over }),
      );
      assert.equal(d.status, 201, JSON.stringify(d.body));
      return d.body.id as string;
    };

    test("submit -> send back -> edit -> submit -> forward -> approve -> issue", async () => {
      const writer = await t.login("baolangson.chuyenvien");
      const head = await t.login("baolangson.truongphong");
      const leader = await t.login("baolangson.lanhdao");
      const clerk = await t.login("baolangson.vanthu");
      const id = await newDraft(writer);

      // The writer's picker: the head of their unit, then the leaders.
      const picker = await writer.get(`/api/documents/${id}/reviewers`);
      assert.equal(picker.status, 200);
      assert.deepEqual(
        picker.body.items.map((p: { id: string }) => p.id),
        [ids.truongphong, ids.lanhdao, ids.pholanhdao],
      );
      let opened = (await writer.get(`/api/documents/${id}`)).body;
      assert.equal(opened.review.state, "open");
      assert.equal(opened.can.submit, true);
      assert.equal(opened.can.issue, false);

      // Issuing before approval: refused with its code, nothing numbered.
      const early = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(early.status, 409);
      assert.equal(early.body.error.code, "DRAFT_NOT_APPROVED");

      // Sent up to someone who may not review it: another unit's head is no reviewer.
      const other = await writer.post(`/api/documents/${id}/review/submit`, {
        reviewerId: ids.chuyenvien2,
      });
      assert.equal(other.status, 422);
      assert.equal(other.body.error.code, "REVIEWER_NOT_ALLOWED");

      const sent = await writer.post(`/api/documents/${id}/review/submit`, {
        reviewerId: ids.truongphong,
        note: "Kính trình Trưởng phòng.",
      });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal(sent.body.state, "submitted");
      assert.equal(sent.body.reviewer.id, ids.truongphong);
      assert.equal(sent.body.versions.length, 1);

      // Waiting: the writer may not change it, the head may; nobody submits it twice.
      const locked = await writer.patch(`/api/documents/${id}`, { subject: "đổi khi đang trình" });
      assert.equal(locked.status, 409);
      assert.equal(locked.body.error.code, "DRAFT_UNDER_REVIEW");
      const twice = await writer.post(`/api/documents/${id}/review/submit`, {
        reviewerId: ids.truongphong,
      });
      assert.equal(twice.body.error.code, "REVIEW_ALREADY_SUBMITTED");
      // The head may not approve (a leader does): it passes it up or sends it back.
      const notLeader = await head.post(`/api/documents/${id}/review/approve`, {});
      assert.equal(notLeader.status, 403);
      assert.equal(notLeader.body.error.code, "APPROVER_NOT_LEADER");
      const notMine = await leader.post(`/api/documents/${id}/review/send-back`, { note: "x" });
      assert.equal(notMine.status, 403);
      assert.equal(notMine.body.error.code, "NOT_THE_REVIEWER");
      const noComment = await head.post(`/api/documents/${id}/review/send-back`, { note: " " });
      assert.equal(noComment.status, 400);

      const back = await head.post(`/api/documents/${id}/review/send-back`, {
        note: "Bổ sung thời hạn gửi báo cáo.",
      });
      assert.equal(back.status, 200, JSON.stringify(back.body));
      assert.equal(back.body.state, "sent-back");

      // The writer changes it and sends it up again: a second version.
      const edited = await writer.patch(`/api/documents/${id}`, {
        paragraphs: [
          "Thực hiện Kế hoạch số 215-KH/TU ngày 02/10/2026 của Tỉnh ủy, Báo Lạng Sơn báo cáo:",
          "1. Đã đưa tin về công tác phòng, chống thiên tai.",
          "2. Gửi báo cáo trước ngày 15/12/2026./.",
        ],
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const again = await writer.post(`/api/documents/${id}/review/submit`, {
        reviewerId: ids.truongphong,
        note: "Đã bổ sung thời hạn.",
      });
      assert.equal(again.status, 200);
      assert.equal(again.body.version, 2);

      // The head edits it (a third version, by the head), then passes it up to the leader.
      const byHead = await head.patch(`/api/documents/${id}`, {
        subject: "báo cáo kết quả tuyên truyền phòng, chống thiên tai năm 2026",
      });
      assert.equal(byHead.status, 200, JSON.stringify(byHead.body));
      const toHead = await head.post(`/api/documents/${id}/review/forward`, {
        reviewerId: ids.truongphong,
      });
      assert.equal(toHead.body.error.code, "REVIEWER_NOT_ALLOWED");
      const up = await head.post(`/api/documents/${id}/review/forward`, {
        reviewerId: ids.lanhdao,
        note: "Kính trình Tổng Biên tập.",
      });
      assert.equal(up.status, 200, JSON.stringify(up.body));

      const ok = await leader.post(`/api/documents/${id}/review/approve`, { note: "Đồng ý." });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.state, "approved");
      assert.equal(ok.body.approvedBy.id, ids.lanhdao);
      const twiceApproved = await leader.post(`/api/documents/${id}/review/approve`, {});
      assert.equal(twiceApproved.status, 409);
      assert.equal(twiceApproved.body.error.code, "REVIEW_ALREADY_APPROVED");
      assert.deepEqual(await steps(id), [
        "submit v1",
        "send-back v1",
        "submit v2",
        "edit v3",
        "forward v3",
        "approve v3",
      ]);

      // Versions and what changed between them, word by word.
      const versions = (await writer.get(`/api/documents/${id}/versions`)).body.items;
      assert.deepEqual(
        versions.map((v: { version: number; author: { id: string } }) => [v.version, v.author.id]),
        [
          [1, ids.chuyenvien],
          [2, ids.chuyenvien],
          [3, ids.truongphong],
        ],
      );
      const diff = (await writer.get(`/api/documents/${id}/versions/1/diff/2`)).body;
      const inserted = diff.parts
        .filter((p: { op: string }) => p.op === "insert")
        .map((p: { text: string }) => p.text)
        .join("|");
      assert.match(inserted, /15\/12\/2026/);
      assert.ok(diff.inserted > 0 && diff.deleted > 0, JSON.stringify(diff));
      const missing = await writer.get(`/api/documents/${id}/versions/1/diff/9`);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, "VERSION_NOT_FOUND");

      // The document says who drafted, reviewed and approved it, and when.
      opened = (await clerk.get(`/api/documents/${id}`)).body;
      assert.equal(opened.review.draftedBy.id, ids.chuyenvien);
      assert.equal(opened.can.issue, true);
      const issued = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      opened = (await clerk.get(`/api/documents/${id}`)).body;
      assert.equal(opened.review.approvedBy.fullName.length > 0, true);
      assert.equal(
        opened.review.steps.map((s: { action: string }) => s.action).join(","),
        "submit,send-back,submit,edit,forward,approve",
      );
      assert.equal(opened.review.steps[1].note, "Bổ sung thời hạn gửi báo cáo.");
      assert.equal(opened.review.steps[4].to.id, ids.lanhdao);

      // Approving an issued document: its state says no.
      const late = await leader.post(`/api/documents/${id}/review/approve`, {});
      assert.equal(late.status, 409);
      assert.equal(late.body.error.code, "ALREADY_ISSUED");

      // Each person was told: the reviewers on submit, the writer on send-back and approval, and
      // the clerks on approval.
      const told = await t.ctx.db
        .selectFrom("notifications")
        .select(["code", "user_id"])
        .where("document_id", "=", id)
        .orderBy("id")
        .execute();
      assert.deepEqual(
        told.map((n) => `${n.code}>${Object.keys(ids).find((k) => ids[k] === n.user_id)}`).sort(),
        [
          "draft.submitted>truongphong",
          "draft.sent-back>chuyenvien",
          "draft.submitted>truongphong",
          "draft.submitted>lanhdao",
          "draft.approved>chuyenvien",
          // The clerk, who numbers and issues it.
          "draft.approved>vanthu",
        ].sort(),
      );
    });

    test("an approved draft changed by its author is open again; the same text keeps its version", async () => {
      const writer = await t.login("baolangson.chuyenvien");
      const id = await newDraft(writer, { subject: "kế hoạch tuyên truyền tháng 12" });
      await approve(t, writer, id);
      // The same text saved again changes nothing the leader approved.
      const same = await writer.patch(`/api/documents/${id}`, {
        subject: "kế hoạch tuyên truyền tháng 12",
      });
      assert.equal(same.status, 200);
      assert.equal(same.body.id, id);
      let review = (await writer.get(`/api/documents/${id}`)).body.review;
      assert.equal(review.state, "approved");
      await writer.patch(`/api/documents/${id}`, {
        subject: "kế hoạch tuyên truyền tháng 12/2026",
      });
      review = (await writer.get(`/api/documents/${id}`)).body.review;
      assert.equal(review.state, "open");
      assert.equal(review.approvedBy, null);
      const clerk = await t.login("baolangson.vanthu");
      const refused = await clerk.post(`/api/documents/${id}/issue`);
      assert.equal(refused.body.error.code, "DRAFT_NOT_APPROVED");
      // Sent up again: version 2; approved again, issued.
      await approve(t, writer, id);
      review = (await writer.get(`/api/documents/${id}`)).body.review;
      assert.equal(review.version, 2);
      assert.equal((await clerk.post(`/api/documents/${id}/issue`)).status, 200);
    });

    test("two reviewers at once: approve and send back, exactly one wins", async () => {
      const writer = await t.login("baolangson.chuyenvien");
      const leader = await t.login("baolangson.lanhdao");
      for (let round = 0; round < 3; round++) {
        const id = await newDraft(writer, { subject: `trả lời lần ${round}` });
        const sent = await writer.post(`/api/documents/${id}/review/submit`, {
          reviewerId: ids.lanhdao,
        });
        assert.equal(sent.status, 200);
        // The same leader in two windows: one approves while the other sends back.
        const other = await t.login("baolangson.lanhdao");
        const [a, b] = await Promise.all([
          leader.post(`/api/documents/${id}/review/approve`, {}),
          other.post(`/api/documents/${id}/review/send-back`, { note: "Xem lại." }),
        ]);
        const statuses = [a.status, b.status].sort();
        assert.deepEqual(statuses, [200, 409], JSON.stringify([a.body, b.body]));
        const loser = a.status === 409 ? a : b;
        assert.match(loser.body.error.code, /^REVIEW_ALREADY_APPROVED$|^REVIEW_NOT_SUBMITTED$/);
        const done = await t.ctx.db
          .selectFrom("review_steps")
          .select("action")
          .where("document_id", "=", id)
          .where("action", "in", ["approve", "send-back"])
          .execute();
        assert.equal(done.length, 1, "one step recorded");
        const row = await t.ctx.db
          .selectFrom("documents")
          .select("review")
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
        assert.equal(row.review, a.status === 200 ? "approved" : "sent-back");
      }
    });

    test("a deputy acting for the leader away approves in the leader's name", async () => {
      const writer = await t.login("baolangson.chuyenvien");
      const deputy = await t.login("baolangson.pholanhdao");
      const agency = await t.ctx.db
        .selectFrom("agencies")
        .select("id")
        .where("code", "=", "baolangson")
        .executeTakeFirstOrThrow();
      // The delegation H1's admin writes; inserted here directly.
      await t.ctx.db
        .insertInto("delegations")
        .values({
          agency_id: agency.id,
          from_user_id: ids.lanhdao!,
          to_user_id: ids.pholanhdao!,
          starts_on: "2026-11-01",
          ends_on: "2026-11-30",
        })
        .execute();
      const id = await newDraft(writer, { subject: "trả lời khi lãnh đạo đi công tác" });
      await writer.post(`/api/documents/${id}/review/submit`, { reviewerId: ids.lanhdao });
      const opened = (await deputy.get(`/api/documents/${id}`)).body;
      assert.equal(opened.can.approve, true);
      const ok = await deputy.post(`/api/documents/${id}/review/approve`, {});
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const last = ok.body.steps.at(-1);
      assert.equal(last.actor.id, ids.pholanhdao);
      assert.equal(last.onBehalfOf.id, ids.lanhdao);
      await t.ctx.db.deleteFrom("delegations").execute();
    });

    test("urgency and secrecy: set on a draft, printed, carried to the copies, urgent first", async () => {
      const clerk = await t.login("stttt-ls.vanthu");
      const plain = await newDraft(clerk, { subject: "thông báo thường" });
      const urgent = await newDraft(clerk, {
        subject: "chỉ đạo khẩn về phòng, chống bão",
        urgency: "hoa-toc",
        secrecy: null,
      });
      const shown = (await clerk.get(`/api/documents/${urgent}`)).body;
      assert.equal(shown.urgency, "hoa-toc");
      assert.match(shown.text, /\nHỎA TỐC\n/);
      const drafts = await clerk.get("/api/documents?box=drafts&pageSize=100");
      assert.equal(drafts.status, 200, JSON.stringify(drafts.body));
      const list = drafts.body.items;
      assert.equal(list.find((d: { id: string }) => d.id === urgent).urgency, "hoa-toc");
      // Changed on the draft: thượng khẩn, and secret.
      const changed = await clerk.patch(`/api/documents/${urgent}`, {
        urgency: "thuong-khan",
        secrecy: "mat",
      });
      assert.equal(changed.body.urgency, "thuong-khan");
      assert.equal(changed.body.secrecy, "mat");
      // A secret draft names everyone its review passes through as its readers.
      const leaderId = (
        await t.ctx.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", "stttt-ls.lanhdao")
          .executeTakeFirstOrThrow()
      ).id;
      // An urgent letter that is not secret (a secret one is delivered to nobody: access.ts).
      const fast = await newDraft(clerk, {
        subject: "triệu tập họp giao ban hỏa tốc",
        urgency: "thuong-khan",
        secrecy: null,
      });
      for (const id of [urgent, plain, fast]) {
        await approve(t, clerk, id);
        const readers = await t.ctx.db
          .selectFrom("document_readers")
          .select("user_id")
          .where("document_id", "=", id)
          .execute();
        assert.equal(
          readers.some((r) => r.user_id === leaderId),
          id === urgent,
          "the leader is named on the secret draft only",
        );
        const plan = (await clerk.get(`/api/documents/${id}/delivery-plan`)).body.recipients;
        const r = await clerk.post(`/api/documents/${id}/issue`, { deliverTo: plan });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      // The recipient: the urgent copy first among those to register, with its mark; the secret
      // one never arrives through the system.
      const bao = await t.login("baolangson.vanthu");
      const incoming = (await bao.get("/api/documents?box=incoming&status=draft")).body.items;
      assert.equal(incoming[0].subject, "triệu tập họp giao ban hỏa tốc");
      assert.equal(incoming[0].urgency, "thuong-khan");
      assert.ok(
        !incoming.some(
          (d: { subject: string }) => d.subject === "chỉ đạo khẩn về phòng, chống bão",
        ),
      );
      const filtered = (await bao.get("/api/documents?box=incoming&urgency=thuong-khan")).body;
      assert.equal(filtered.total, 1);
      // A text pasted with its marks printed reads them.
      const pasted = await clerk.post("/api/documents", {
        text: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: /STTTT-VP\nV/v họp khẩn\nTỐI MẬT\nKHẨN\n\nLạng Sơn, ngày 20 tháng 11 năm 2026\n\nKính gửi: Báo Lạng Sơn.\n\nĐề nghị dự họp./.\n",
      });
      assert.equal(pasted.status, 201, JSON.stringify(pasted.body));
      assert.equal(pasted.body.urgency, "khan");
      assert.equal(pasted.body.secrecy, "toi-mat");
    });
  });
}
