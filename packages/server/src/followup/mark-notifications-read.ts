/**
 * Marking the signed-in person's notifications read: those listed, or every unread one meant for
 * them. Their own rows take `read_at`; an agency-wide row gets a `notification_reads` row for
 * them alone (the others still see it unread). Returns how many became read.
 */
import type { AppContext, Actor } from "../context.ts";
import { meantFor } from "./list-notifications.ts";

export async function markNotificationsRead(
  ctx: AppContext,
  actor: Actor,
  ids: string[] | undefined,
): Promise<number> {
  if (ids && !ids.length) return 0;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    let own = trx
      .updateTable("notifications")
      .set({ read_at: now })
      .where("user_id", "=", actor.userId)
      .where("read_at", "is", null)
      .where(meantFor(actor));
    if (ids) own = own.where("id", "in", ids);
    const mine = await own.executeTakeFirst();
    let shared = trx
      .selectFrom("notifications")
      .select((eb) => [
        "notifications.id as notification_id",
        eb.val(actor.userId).as("user_id"),
        eb.val(now).as("read_at"),
      ])
      .where("notifications.user_id", "is", null)
      .where("notifications.read_at", "is", null)
      .where(meantFor(actor));
    if (ids) shared = shared.where("notifications.id", "in", ids);
    const agencyWide = await trx
      .insertInto("notification_reads")
      .columns(["notification_id", "user_id", "read_at"])
      .expression(shared)
      .onConflict((oc) => oc.columns(["notification_id", "user_id"]).doNothing())
      .returning("notification_id")
      .execute();
    return Number(mine.numUpdatedRows) + agencyWide.length;
  });
}
