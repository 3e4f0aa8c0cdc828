/**
 * What a recipient does with a delivered document: return it (02, with a reason, before
 * registering it), or move it on once registered: assigned (04), in progress (05), done (06).
 * Statuses only move forward; each step records its time.
 */
import { z } from "zod";
import type { AppContext, Actor } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "../documents/load-document.ts";

export const returnSchema = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export const progressSchema = z.strictObject({ status: z.enum(["04", "05", "06"]) });

const STAMP = { "04": "assigned_at", "05": "in_progress_at", "06": "done_at" } as const;

async function deliveryOf(ctx: AppContext, actor: Actor, id: string) {
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  const delivery = await ctx.db
    .selectFrom("deliveries")
    .selectAll()
    .where("received_id", "=", row.id)
    .executeTakeFirst();
  if (!delivery) throw fail("NOT_DELIVERED", `document ${id} was not delivered through vanthu`);
  return { row, delivery };
}

export async function returnDelivered(ctx: AppContext, actor: Actor, id: string, reason: string) {
  if (!hasRole(actor, "clerk"))
    throw fail("FORBIDDEN", `${actor.username} may not return documents`);
  const { row, delivery } = await deliveryOf(ctx, actor, id);
  if (delivery.status !== "01" || row.status !== "draft")
    throw fail("INVALID_STATUS_CHANGE", `delivery ${delivery.id} is ${delivery.status}`);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("deliveries")
      .set({ status: "02", returned_at: now, return_reason: reason, updated_at: now })
      .where("id", "=", delivery.id)
      .where("status", "=", "01")
      .execute();
    await trx
      .updateTable("documents")
      .set({ status: "returned", updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "delivery.return",
      entity: "delivery",
      entityId: delivery.id,
      before: { status: delivery.status },
      after: { status: "02", reason },
      at: now,
    });
  });
}

export async function progressDelivered(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: "04" | "05" | "06",
) {
  const { delivery } = await deliveryOf(ctx, actor, id);
  if (!(delivery.status >= "03" && delivery.status < status))
    throw fail("INVALID_STATUS_CHANGE", `delivery ${delivery.id}: ${delivery.status} -> ${status}`);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("deliveries")
      .set({ status, [STAMP[status]]: now, updated_at: now })
      .where("id", "=", delivery.id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "delivery.progress",
      entity: "delivery",
      entityId: delivery.id,
      before: { status: delivery.status },
      after: { status },
      at: now,
    });
  });
}
