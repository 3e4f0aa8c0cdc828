/**
 * Notifications from real events, as codes with parameters, for the right people: an arrival to
 * the receiving clerks, registration and progress to the issuer, a report received to the
 * issuer; read state per person for agency-wide rows; older rows rewritten to codes.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { testDatabaseKinds } from "@vanthu/db";
import { approve, startTestApp, type Client, type TestApp } from "./helpers.ts";

interface Note {
  id: string;
  code: string | null;
  params: Record<string, string | null>;
  documentId: string | null;
  taskId: string | null;
  message: string | null;
  readAt: string | null;
}
const notes = async (c: Client, code?: string): Promise<Note[]> => {
  const r = await c.get("/api/notifications");
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return (r.body.items as Note[]).filter((n) => !code || n.code === code);
};

for (const kind of testDatabaseKinds()) {
  describe(`notifications on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-12-10T09:00:00+07:00");
    });
    after(() => t.close());

    test("arrival, registration, progress and a report reach the right people", async () => {
      const so = await t.login("stttt-ls.vanthu");
      const draft = (await so.get("/api/documents?box=drafts")).body.items[0];
      const recipients = (await so.get(`/api/documents/${draft.id}/delivery-plan`)).body.recipients;
      await approve(t, so, draft.id);
      const issued = await so.post(`/api/documents/${draft.id}/issue`, { deliverTo: recipients });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      const reference = issued.body.reference as string;

      // The newspaper's clerk is told it arrived, about the newspaper's own copy.
      const bao = await t.login("baolangson.vanthu");
      const [copy] = (await bao.get("/api/documents?box=incoming")).body.items;
      const [arrived] = await notes(bao, "document.arrived");
      assert.ok(arrived, "the clerk has the arrival");
      assert.equal(arrived.documentId, copy.id);
      assert.equal(arrived.message, null);
      assert.equal(arrived.params.reference, reference);
      assert.equal(arrived.params.issuer, "Sở Thông tin và Truyền thông tỉnh Lạng Sơn");
      assert.match(arrived.params.subject!, /quý IV năm 2026/);
      // Addressed to the clerks: the specialist's bell stays quiet.
      const baoSpecialist = await t.login("baolangson.chuyenvien");
      assert.deepEqual(await notes(baoSpecialist, "document.arrived"), []);
      // Nor does another agency hear of it.
      // (the demo world's 1650/UBND-KGVX arrived there: not this one).
      assert.deepEqual(
        (await notes(so, "document.arrived")).filter((n) => n.documentId === copy.id),
        [],
      );

      // Registering sends 03 to the issuer; progress 04 and 05 follow.
      assert.equal((await bao.post(`/api/documents/${copy.id}/register`, {})).status, 200);
      for (const status of ["04", "05"])
        assert.equal(
          (await bao.post(`/api/documents/${copy.id}/progress`, { status })).status,
          200,
        );
      const progress = (await notes(so, "delivery.progress")).filter(
        (n) => n.params.recipient === "Báo Lạng Sơn",
      );
      assert.deepEqual(progress.map((n) => n.params.status).sort(), ["03", "04", "05"]);
      assert.ok(
        progress.every((n) => n.documentId === draft.id && n.params.reference === reference),
      );
      // A refused step tells nobody anything.
      const before = (await notes(so, "delivery.progress")).length;
      assert.equal(
        (await bao.post(`/api/documents/${copy.id}/progress`, { status: "04" })).status,
        409,
      );
      assert.equal((await notes(so, "delivery.progress")).length, before);

      // A report reaches the issuer, once per task and period.
      const [task] = (await bao.get("/api/tasks")).body.items;
      const send = () =>
        bao.post(`/api/tasks/${task.taskId}/reports`, {
          period: "2026-Q4",
          figures: { articles: 2 },
          narrative: "Đã đăng hai tin.",
        });
      assert.equal((await send()).status, 201);
      assert.equal((await send()).status, 201, "a corrected report");
      const received = await notes(so, "report.received");
      assert.equal(received.length, 1);
      assert.deepEqual(received[0]!.params, {
        reference,
        item: task.label,
        period: "2026-Q4",
        recipient: "Báo Lạng Sơn",
      });
      assert.equal(received[0]!.taskId, task.taskId);
      assert.equal(received[0]!.documentId, draft.id);

      // Agency-wide rows are read by each person for themselves.
      const leader = await t.login("stttt-ls.lanhdao");
      const unreadOf = async (c: Client) => (await c.get("/api/notifications")).body.unread;
      const all = await unreadOf(so);
      assert.ok(all >= 4);
      // The leader has the agency-wide rows too; the clerk also those addressed to the clerks
      // (the handling flow tells the people who sent the document: handling/delivery-progress.ts).
      const leaderAll = await unreadOf(leader);
      assert.ok(leaderAll >= 1 && leaderAll <= all);
      assert.deepEqual(
        (await so.post("/api/notifications/read", { ids: [received[0]!.id] })).body,
        {
          read: 1,
        },
      );
      assert.deepEqual(
        (await so.post("/api/notifications/read", { ids: [received[0]!.id] })).body,
        {
          read: 0,
        },
      );
      assert.equal(await unreadOf(so), all - 1);
      assert.deepEqual((await so.post("/api/notifications/read", {})).body, { read: all - 1 });
      assert.equal(await unreadOf(so), 0);
      assert.ok((await notes(so)).every((n) => n.readAt));
      assert.equal(await unreadOf(leader), leaderAll, "the leader has read nothing yet");
      assert.ok((await notes(leader)).every((n) => !n.readAt));
      // The clerk's own rows (addressed to them) take read_at.
      assert.deepEqual((await bao.post("/api/notifications/read", { ids: [arrived.id] })).body, {
        read: 1,
      });
      assert.ok((await notes(bao, "document.arrived"))[0]!.readAt);
      // Ids of another agency's rows mark nothing.
      assert.deepEqual(
        (await bao.post("/api/notifications/read", { ids: [received[0]!.id] })).body,
        {
          read: 0,
        },
      );
    });

    test("rows written before codes take their code; the job does not write them again", async () => {
      const agency = await t.ctx.db
        .selectFrom("agencies")
        .select("id")
        .where("code", "=", "baolangson")
        .executeTakeFirstOrThrow();
      const task = await t.ctx.db
        .selectFrom("tasks")
        .innerJoin("documents", "documents.id", "tasks.document_id")
        .select(["tasks.id", "tasks.item_label", "documents.reference"])
        .where("tasks.assignee_agency_id", "=", agency.id)
        .orderBy("tasks.item_label")
        .executeTakeFirstOrThrow();
      const message = "Sắp đến hạn báo cáo kỳ Năm 2026 (hạn 31/12/2026) nhiệm vụ 1.";
      await t.ctx.db
        .insertInto("notifications")
        .values({
          agency_id: agency.id,
          kind: "reminder",
          task_id: task.id,
          period: "2026",
          message,
          created_at: new Date("2026-12-01T02:00:00Z"),
        })
        .execute();
      const migration = readFileSync(
        new URL("../../db/src/migrations/20261203160000_notification-reads.sql", import.meta.url),
        "utf8",
      );
      await sql.raw(migration.slice(0, migration.indexOf("CREATE TABLE"))).execute(t.ctx.db);
      const bao = await t.login("baolangson.vanthu");
      const old = (await notes(bao)).find((n) => n.message === message);
      assert.ok(old);
      assert.equal(old.code, "deadline.near");
      assert.deepEqual(old.params, {
        reference: task.reference,
        subject: old.params.subject,
        issuer: null,
        item: task.item_label,
        period: "2026",
        due: null,
        once: null,
      });
      // The job's own notice for that task and period is the same row, not a second one.
      const { notify } = await import("../src/workflow/notify.ts");
      const written = await notify(t.ctx.db, {
        code: "deadline.near",
        agencyId: agency.id,
        taskId: task.id,
        period: "2026",
        params: { reference: null, subject: null, item: "1", period: "2026", due: "2026-12-31" },
        at: t.ctx.now(),
      });
      assert.equal(written, 0);
    });
  });
}
