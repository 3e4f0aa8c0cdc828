/**
 * Việc của tôi: each person's groups, filled from states written straight into the tables
 * where the flows that make them (review, presenting, instructions, assignment) belong to other
 * parts of the work: a submitted draft, a sent-back one, a presented document, handlers rows.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { testDatabaseKinds } from "@vanthu/db";
import { approve, draftFields, startTestApp, type Client, type TestApp } from "./helpers.ts";

interface Row {
  documentId: string;
  taskId: string | null;
  reference: string | null;
  subject: string | null;
  urgency: string | null;
  due: string | null;
  next: string;
  from: string | null;
  at: string | null;
}
interface Group {
  group: string;
  count: number;
  items: Row[];
}

const work = async (c: Client): Promise<Record<string, Group>> => {
  const r = await c.get("/api/my-work");
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.today, "2026-12-10");
  return Object.fromEntries((r.body.groups as Group[]).map((g) => [g.group, g]));
};
const ids = (g: Group | undefined) => (g?.items ?? []).map((i) => i.documentId);

for (const kind of testDatabaseKinds()) {
  describe(`my work on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, "2026-12-10T09:00:00+07:00");
    });
    after(() => t.close());

    const user = (username: string) =>
      t.ctx.db
        .selectFrom("users")
        .select(["id", "unit_id", "full_name"])
        .where("username", "=", username)
        .executeTakeFirstOrThrow();

    test("each person finds what waits for them, and only that", async () => {
      const db = t.ctx.db;
      const specialist = await t.login("baolangson.chuyenvien");
      const head = await t.login("baolangson.truongphong");
      const leader = await t.login("baolangson.lanhdao");
      const clerk = await t.login("baolangson.vanthu");
      const other = await t.login("baolangson.chuyenvien2");
      const stranger = await t.login("ptth-ls.chuyenvien");
      const [drafter, headUser, leaderUser] = await Promise.all([
        user("baolangson.chuyenvien"),
        user("baolangson.truongphong"),
        user("baolangson.lanhdao"),
      ]);

      // A draft sent up to the unit head, and one sent back to its author.
      const up = (await specialist.post("/api/documents", draftFields({ subject: "xin duyệt" })))
        .body;
      const back = (await specialist.post("/api/documents", draftFields({ subject: "sửa lại" })))
        .body;
      await db
        .updateTable("documents")
        .set({ review: "submitted", reviewer_id: headUser.id, urgency: "khan" })
        .where("id", "=", up.id)
        .execute();
      await db
        .updateTable("documents")
        .set({ review: "sent-back", reviewer_id: headUser.id })
        .where("id", "=", back.id)
        .execute();
      let h = await work(head);
      assert.deepEqual(ids(h.approve), [up.id]);
      assert.equal(h.approve!.items[0]!.next, "approve");
      assert.equal(h.approve!.items[0]!.from, drafter.full_name);
      assert.equal(h.approve!.items[0]!.urgency, "khan");
      const s = await work(specialist);
      assert.deepEqual(ids(s.sentBack), [back.id]);
      assert.equal(s.sentBack!.items[0]!.from, headUser.full_name);
      assert.equal(s.sentBack!.items[0]!.next, "revise");
      assert.equal(s.approve, undefined, "a specialist approves nothing");
      assert.equal(s.register, undefined, "nor registers");
      assert.equal(s.issue, undefined, "nor issues");

      // Approved: the clerk numbers and issues it, and it has left the approver's group.
      await db
        .updateTable("documents")
        .set({ review: "approved", approved_by: headUser.id, approved_at: new Date() })
        .where("id", "=", up.id)
        .execute();
      assert.deepEqual(ids((await work(clerk)).issue), [up.id]);
      assert.equal((await work(clerk)).issue!.items[0]!.next, "issue");
      assert.equal((await work(clerk)).issue!.items[0]!.from, headUser.full_name);
      assert.deepEqual(ids((await work(head)).approve), []);
      assert.equal((await work(leader)).issue, undefined, "the leader does not number");
      await db
        .updateTable("documents")
        .set({ review: "submitted", approved_by: null, approved_at: null })
        .where("id", "=", up.id)
        .execute();

      // A directive arrives: the clerk registers it, then presents it.
      const so = await t.login("stttt-ls.vanthu");
      const directive = (await so.get("/api/documents?box=drafts")).body.items[0];
      const recipients = (await so.get(`/api/documents/${directive.id}/delivery-plan`)).body
        .recipients;
      await approve(t, so, directive.id);
      assert.equal(
        (await so.post(`/api/documents/${directive.id}/issue`, { deliverTo: recipients })).status,
        200,
      );
      // The demo world's letters wait too (06 delivered, and its copy imported by hand).
      const copy = (await clerk.get("/api/documents?box=incoming")).body.items.find(
        (d: { subject: string }) => d.subject === directive.subject,
      );
      let c = await work(clerk);
      assert.ok(ids(c.register).includes(copy.id));
      assert.equal(c.register!.items[0]!.from, "Sở Thông tin và Truyền thông tỉnh Lạng Sơn");
      assert.equal(c.present!.count, 0);
      assert.equal((await clerk.post(`/api/documents/${copy.id}/register`, {})).status, 200);
      c = await work(clerk);
      assert.ok(!ids(c.register).includes(copy.id));
      assert.deepEqual(ids(c.present), [copy.id]);
      assert.equal(c.present!.items[0]!.next, "present");
      // The reports the agency owes on it.
      assert.ok(c.reports!.count >= 1);
      assert.ok(c.reports!.items.every((i) => i.next === "report" && i.taskId));

      // Presented to the leader (the handling flow's state, written here).
      await db
        .updateTable("documents")
        .set({ handling: "presented", presented_to: leaderUser.id, due_on: "2026-12-08" })
        .where("id", "=", copy.id)
        .execute();
      const l = await work(leader);
      assert.deepEqual(ids(l.instruct), [copy.id]);
      assert.equal(l.instruct!.items[0]!.due, "2026-12-08");
      // Leaders see everything late in the agency, and so does the follow-up clerk.
      // (with the demo world's 1650/UBND-KGVX, due 20/11 and still not done).
      assert.ok(ids(l.overdue).includes(copy.id));
      assert.equal(l.overdue!.items.find((i) => i.documentId === copy.id)!.next, "follow-up");
      assert.ok(ids((await work(clerk)).overdue).includes(copy.id));
      assert.equal((await work(clerk)).present!.count, 0);

      // Instructed: the unit leads; its head assigns it, then the specialist handles it.
      const lead = await db
        .insertInto("handlers")
        .values({
          document_id: copy.id,
          unit_id: headUser.unit_id,
          role: "lead",
          assigned_by: leaderUser.id,
          assigned_at: t.ctx.now(),
          due_on: "2026-12-20",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .updateTable("documents")
        .set({ handling: "instructed" })
        .where("id", "=", copy.id)
        .execute();
      h = await work(head);
      assert.deepEqual(ids(h.assign), [copy.id]);
      assert.equal(h.assign!.items[0]!.from, leaderUser.full_name);
      assert.equal(h.assign!.items[0]!.due, "2026-12-20");
      assert.equal((await work(leader)).instruct!.count, 0);
      assert.equal((await work(specialist)).assign, undefined, "not a unit head");
      await db
        .insertInto("handlers")
        .values({
          document_id: copy.id,
          parent_id: lead.id,
          user_id: drafter.id,
          role: "lead",
          assigned_by: headUser.id,
          assigned_at: t.ctx.now(),
          due_on: "2026-12-09",
        })
        .execute();
      assert.equal((await work(head)).assign!.count, 0, "given to someone");
      const mine = await work(specialist);
      // Beside the demo world's 1650/UBND-KGVX, assigned to the same specialist and late.
      const row = (g: Group | undefined) => g!.items.find((i) => i.documentId === copy.id)!;
      assert.ok(ids(mine.handle).includes(copy.id));
      assert.equal(row(mine.handle).from, headUser.full_name);
      // Past the person's own deadline (09/12), though the unit's is the 20th.
      assert.ok(ids(mine.overdue).includes(copy.id));
      assert.equal(row(mine.overdue).next, "handle");

      // Nobody else's work: the other unit's specialist, another agency.
      const o = await work(other);
      for (const g of Object.values(o))
        if (g.group !== "reports") assert.equal(g.count, 0, g.group);
      for (const g of Object.values(await work(stranger)))
        if (g.group !== "reports") assert.equal(g.count, 0, `stranger ${g.group}`);

      // Done: off every list.
      await db
        .updateTable("handlers")
        .set({ status: "done", done_at: t.ctx.now() })
        .where("document_id", "=", copy.id)
        .execute();
      await db
        .updateTable("documents")
        .set({ handling: "done" })
        .where("id", "=", copy.id)
        .execute();
      // (the demo world's late letter stays on them)
      assert.ok(!ids((await work(specialist)).handle).includes(copy.id));
      assert.ok(!ids((await work(specialist)).overdue).includes(copy.id));
      assert.ok(!ids((await work(leader)).overdue).includes(copy.id));
    });

    test("bounded: the first rows, most urgent first, with the count of all", async () => {
      const db = t.ctx.db;
      const headUser = await user("baolangson.truongphong");
      const [sample] = await db
        .selectFrom("documents")
        .select("id")
        .where("review", "=", "submitted")
        .where("reviewer_id", "=", headUser.id)
        .execute();
      assert.ok(sample);
      await sql`INSERT INTO documents (agency_id, direction, status, format, content, subject,
          created_by, review, reviewer_id, created_at, updated_at)
        SELECT agency_id, direction, status, format, content, subject || ' ' || g, created_by,
          'submitted', reviewer_id, created_at, updated_at
        FROM documents, generate_series(1, 30) g WHERE id = ${sample.id}`.execute(db);
      const urgent = await db
        .selectFrom("documents")
        .select("id")
        .where("subject", "=", "xin duyệt 17")
        .executeTakeFirstOrThrow();
      await db
        .updateTable("documents")
        .set({ urgency: "hoa-toc" })
        .where("id", "=", urgent.id)
        .execute();
      const head = await t.login("baolangson.truongphong");
      const g = (await work(head)).approve!;
      assert.equal(g.count, 31);
      assert.equal(g.items.length, 20);
      assert.equal(g.items[0]!.documentId, urgent.id);
      assert.equal(g.items[1]!.urgency, "khan");
    });
  });
}
