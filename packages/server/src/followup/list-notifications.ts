/**
 * The agency's reminders and overdue notices (written by the job loop), newest first: those the
 * reader may see (access.ts `notificationVisibleTo`).
 */
import type { Notification } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { notificationVisibleTo } from "../documents/access.ts";

export async function listNotifications(ctx: AppContext, actor: Actor): Promise<Notification[]> {
  const rows = await ctx.db
    .selectFrom("notifications")
    .select(["id", "kind", "task_id", "period", "message", "created_at", "read_at"])
    .where(notificationVisibleTo(actor))
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    taskId: n.task_id,
    period: n.period,
    message: n.message ?? "",
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at?.toISOString() ?? null,
  }));
}
