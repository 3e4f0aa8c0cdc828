/**
 * Follow-through: task plans, tasks, reports and their files, the dashboard, the consolidated
 * report, notifications (wiring only).
 */
import type { AppContext } from "../context.ts";
import type { RouteTable } from "../http/route.ts";
import { readUpload, sendFile } from "../http/files.ts";
import { loadDocument } from "../documents/load-document.ts";
import { taskPlanOf } from "./tasks.ts";
import { saveTaskPlan } from "./save-task-plan.ts";
import { updateTask } from "./update-task.ts";
import { submitReport } from "./reports.ts";
import { dashboard, owedBy } from "./dashboard.ts";
import { createConsolidatedReport } from "./consolidated-report.ts";
import { attachReportFile, readReportFile } from "./report-files.ts";
import { listNotifications } from "./list-notifications.ts";
import { markNotificationsRead } from "./mark-notifications-read.ts";

export function followupRoutes(ctx: AppContext): RouteTable {
  return {
    "GET /api/documents/:id/task-plan": async ({ actor, params }) =>
      taskPlanOf(await loadDocument(ctx.db, actor, params.id, { own: true })),

    "PUT /api/documents/:id/task-plan": async ({ actor, params, body }) =>
      saveTaskPlan(ctx, actor, params.id, body),

    "GET /api/tasks": async ({ actor }) => owedBy(ctx, actor),

    "PATCH /api/tasks/:id": async ({ actor, params, body }) => {
      await updateTask(ctx, actor, params.id, body);
      return { ok: true };
    },

    "POST /api/tasks/:id/reports": async ({ actor, params, body }) =>
      submitReport(ctx, actor, params.id, body),

    "POST /api/reports/:id/files": async ({ actor, params, request }) =>
      attachReportFile(ctx, actor, params.id, await readUpload(request)),

    "GET /api/reports/:id/files/:name": async ({ actor, params, reply }) =>
      sendFile(reply, await readReportFile(ctx, actor, params.id, params.name)),

    "GET /api/documents/:id/dashboard": async ({ actor, params }) =>
      dashboard(ctx, actor, params.id),

    "POST /api/documents/:id/consolidated-report": async ({ actor, params }) =>
      createConsolidatedReport(ctx, actor, params.id),

    "GET /api/notifications": async ({ actor }) => listNotifications(ctx, actor),

    "POST /api/notifications/read": async ({ actor, body }) => ({
      read: await markNotificationsRead(ctx, actor, body.ids),
    }),
  };
}
