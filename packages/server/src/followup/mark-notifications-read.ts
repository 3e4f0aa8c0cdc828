/**
 * Marking the reader's notifications read (those they may see): those listed, or every unread
 * one. Returns how many.
 */
import type { AppContext, Actor } from "../context.ts";
import { notificationVisibleTo } from "../documents/access.ts";

export async function markNotificationsRead(
  ctx: AppContext,
  actor: Actor,
  ids: string[] | undefined,
): Promise<number> {
  if (ids && !ids.length) return 0;
  let q = ctx.db
    .updateTable("notifications")
    .set({ read_at: ctx.now() })
    .where(notificationVisibleTo(actor))
    .where("read_at", "is", null);
  if (ids) q = q.where("id", "in", ids);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
