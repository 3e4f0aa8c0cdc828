/** Follow-through: task plans, tasks, reports, the dashboard, the consolidated report, notifications. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import type { OpenApiRegistry } from "../http/openapi.ts";
import { requireActor } from "../http/require-actor.ts";
import { readUpload, sendFile } from "../http/files.ts";
import { isUuid } from "../documents/access.ts";
import { validate } from "../validate.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "../documents/load-document.ts";
import { taskChangeSchema, taskPlanOf, taskPlanSchema } from "./tasks.ts";
import { reportSchema, submitReport } from "./reports.ts";
import { dashboard, owedBy } from "./dashboard.ts";
import { createConsolidatedReport } from "./consolidated-report.ts";
import { attachReportFile, readReportFile } from "./report-files.ts";

export function registerFollowupRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  api: OpenApiRegistry,
) {
  app.get("/api/documents/:id/task-plan", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const row = await loadDocument(ctx.db, actor, id, { own: true });
    return taskPlanOf(row);
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/task-plan",
    summary:
      "The tasks the document will give each addressee: items, reporting cycles, deadline (read from the text unless edited)",
    tag: "follow-through",
    auth: "session",
    responses: { 200: "{items,cycles,due}", 404: "Not found" },
  });

  app.put("/api/documents/:id/task-plan", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const plan = validate(taskPlanSchema, request.body);
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const row = await loadDocument(trx, actor, id, { own: true, forUpdate: true });
      if (row.status !== "draft" || row.direction !== "outgoing")
        throw fail(
          row.status === "issued" ? "ALREADY_ISSUED" : "NOT_A_DRAFT",
          `document ${id} is ${row.status}`,
        );
      await trx
        .updateTable("documents")
        .set({ task_plan: JSON.stringify(plan), updated_at: now })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        actor,
        action: "document.task-plan",
        entity: "document",
        entityId: id,
        before: row.task_plan,
        after: plan,
        at: now,
      });
    });
    return plan;
  });
  api.add({
    method: "PUT",
    url: "/api/documents/:id/task-plan",
    summary: "Edit the tasks before issuing",
    tag: "follow-through",
    auth: "session",
    body: taskPlanSchema,
    responses: { 200: "The plan", 409: "Already issued" },
  });

  app.get("/api/tasks", async (request) => owedBy(ctx, requireActor(request)));
  api.add({
    method: "GET",
    url: "/api/tasks",
    summary: "What the signed-in agency owes: its tasks, the periods reported and those overdue",
    tag: "follow-through",
    auth: "session",
    responses: { 200: "{today,items,overdue}" },
  });

  app.patch("/api/tasks/:id", async (request) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const change = validate(taskChangeSchema, request.body);
    const task = isUuid(id)
      ? await ctx.db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst()
      : undefined;
    if (
      !task ||
      (task.issuer_agency_id !== actor.agencyId && task.assignee_agency_id !== actor.agencyId)
    )
      throw fail("TASK_NOT_FOUND", `task ${id}`);
    if (
      task.issuer_agency_id !== actor.agencyId ||
      !hasRole(actor, "clerk", "leader", "specialist")
    )
      throw fail("FORBIDDEN", "only the issuer sets a task's cycles and deadline");
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("tasks")
        .set({
          ...(change.cycles ? { cycles: change.cycles } : {}),
          ...(change.due !== undefined ? { due_date: change.due } : {}),
          ...(change.title ? { title: change.title } : {}),
          updated_at: now,
        })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        actor,
        action: "task.update",
        entity: "task",
        entityId: id,
        before: { cycles: task.cycles, due: task.due_date, title: task.title },
        after: change,
        at: now,
      });
    });
    return { ok: true };
  });
  api.add({
    method: "PATCH",
    url: "/api/tasks/:id",
    summary: "The issuer changes a task's cycles, deadline or title",
    tag: "follow-through",
    auth: "session",
    body: taskChangeSchema,
    responses: { 200: "Changed", 403: "Not the issuer", 404: "Not found" },
  });

  app.post("/api/tasks/:id/reports", async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const result = await submitReport(ctx, actor, id, validate(reportSchema, request.body));
    return reply.status(201).send(result);
  });
  api.add({
    method: "POST",
    url: "/api/tasks/:id/reports",
    summary:
      "The assignee reports a period: figures (articles, broadcasts, minutes, events, people, or the agency's own), narrative",
    tag: "follow-through",
    auth: "session",
    body: reportSchema,
    responses: {
      201: "{id,period,late}",
      400: "Bad period or figures",
      404: "Not this agency's task",
    },
  });

  app.post("/api/reports/:id/files", async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    const file = await readUpload(request);
    return reply.status(201).send(await attachReportFile(ctx, actor, id, file));
  });
  api.add({
    method: "POST",
    url: "/api/reports/:id/files",
    summary: "Attach a file to a report (photo, PDF, Word, Excel, text)",
    tag: "follow-through",
    auth: "session",
    multipart: true,
    responses: {
      201: "{name,size,mediaType}",
      403: "Not the reporter",
      415: "Type not accepted",
      422: "Not what its name says",
    },
  });

  app.get("/api/reports/:id/files/:name", async (request, reply) => {
    const actor = requireActor(request);
    const { id, name } = request.params as { id: string; name: string };
    return sendFile(reply, await readReportFile(ctx, actor, id, name));
  });
  api.add({
    method: "GET",
    url: "/api/reports/:id/files/:name",
    summary: "A file of a report (the reporter and the issuer)",
    tag: "follow-through",
    auth: "session",
    responses: { 200: "The bytes", 404: "Not found" },
  });

  app.get("/api/documents/:id/dashboard", async (request) => {
    const { id } = request.params as { id: string };
    return dashboard(ctx, requireActor(request), id);
  });
  api.add({
    method: "GET",
    url: "/api/documents/:id/dashboard",
    summary:
      "The issuer's grid: recipients x items with reports, due and missing periods; totals per item, recipient and down the cascade",
    tag: "follow-through",
    auth: "session",
    responses: { 200: "The dashboard", 404: "Not the issuer's directive" },
  });

  app.post("/api/documents/:id/consolidated-report", async (request, reply) => {
    const actor = requireActor(request);
    const { id } = request.params as { id: string };
    return reply.status(201).send(await createConsolidatedReport(ctx, actor, id));
  });
  api.add({
    method: "POST",
    url: "/api/documents/:id/consolidated-report",
    summary: "A Báo cáo draft summing the reports on a directive and naming who has not reported",
    tag: "follow-through",
    auth: "session",
    responses: { 201: "{id,notReported,totals}", 404: "Not the issuer's directive" },
  });

  app.get("/api/notifications", async (request) => {
    const actor = requireActor(request);
    const items = await ctx.db
      .selectFrom("notifications")
      .select(["id", "kind", "task_id", "period", "message", "created_at", "read_at"])
      .where("agency_id", "=", actor.agencyId)
      .orderBy("created_at", "desc")
      .limit(100)
      .execute();
    return { items };
  });
  api.add({
    method: "GET",
    url: "/api/notifications",
    summary: "The agency's reminders and overdue notices, newest first",
    tag: "follow-through",
    auth: "session",
    responses: { 200: "{items}" },
  });

  app.post("/api/notifications/read", async (request) => {
    const actor = requireActor(request);
    const { ids } = validate(notificationsReadSchema, request.body ?? {});
    if (ids && !ids.length) return { read: 0 };
    let q = ctx.db
      .updateTable("notifications")
      .set({ read_at: ctx.now() })
      .where("agency_id", "=", actor.agencyId)
      .where("read_at", "is", null);
    if (ids) q = q.where("id", "in", ids);
    const result = await q.executeTakeFirst();
    return { read: Number(result.numUpdatedRows) };
  });
  api.add({
    method: "POST",
    url: "/api/notifications/read",
    summary: "Mark the agency's notifications read: those listed in ids, or all",
    tag: "follow-through",
    auth: "session",
    body: notificationsReadSchema,
    responses: { 200: "{read}", 400: "Bad ids" },
  });
}

export const notificationsReadSchema = z.strictObject({
  ids: z.array(z.uuid()).max(500).optional(),
});
