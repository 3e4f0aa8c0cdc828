/**
 * What a recipient does with a delivered document: return it (02, with a reason, before
 * registering it), or move it on once registered: assigned (04), in progress (05), done (06).
 * Statuses only move forward; each step records its time.
 */
import { canMoveDelivery, type ProgressStatus, mayAct } from "@vanthu/core";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "../documents/load-document.ts";
import { notify } from "../workflow/notify.ts";
import { senderPeople } from "../handling/delivery-progress.ts";
import { notifyDeliveryProgress } from "../workflow/delivery-notice.ts";
import { statusToSender } from "../exchange/outbox.ts";
import { assertNotFrozen } from "../exchange/recall.ts";

const STAMP = { "04": "assigned_at", "05": "in_progress_at", "06": "done_at" } as const;

/** The delivery of the reader's own received document, read (and row-locked when `trx`). */
async function deliveryOf(ctx: AppContext, actor: Actor, id: string) {
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  // A copy its issuer is recalling moves no further until the recall is answered.
  assertNotFrozen(row);
  const delivery = await ctx.db
    .selectFrom("deliveries")
    .select("id")
    .where("received_id", "=", row.id)
    .executeTakeFirst();
  if (!delivery) throw fail("NOT_DELIVERED", `document ${id} was not delivered through vanthu`);
  return { row, deliveryId: delivery.id };
}

/**
 * The delivery's status as it is now, locked until the transaction ends: two changes at once
 * are checked one after the other, so neither moves the status backwards.
 */
async function lockedStatus(trx: Transaction<Database> | Kysely<Database>, deliveryId: string) {
  const locked = await trx
    .selectFrom("deliveries")
    .select("status")
    .where("id", "=", deliveryId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return locked.status;
}

export async function returnDelivered(ctx: AppContext, actor: Actor, id: string, reason: string) {
  if (!mayAct(actor.roles, "progress"))
    throw fail("FORBIDDEN", `${actor.username} may not return documents`);
  const { row, deliveryId } = await deliveryOf(ctx, actor, id);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const status = await lockedStatus(trx, deliveryId);
    const doc = await trx
      .selectFrom("documents")
      .select("status")
      .where("id", "=", row.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!canMoveDelivery(status, "02") || doc.status !== "draft")
      throw fail("INVALID_STATUS_CHANGE", `delivery ${deliveryId} is ${status}`);
    await trx
      .updateTable("deliveries")
      .set({ status: "02", returned_at: now, return_reason: reason, updated_at: now })
      .where("id", "=", deliveryId)
      .execute();
    await trx
      .updateTable("documents")
      .set({ status: "returned", updated_at: now })
      .where("id", "=", row.id)
      .execute();
    // From another system: 02 goes back to it with the reason (exchange/outbox.ts).
    const external = await trx
      .selectFrom("deliveries")
      .select("from_organ_id")
      .where("id", "=", deliveryId)
      .executeTakeFirstOrThrow();
    if (external.from_organ_id) await statusToSender(trx, deliveryId, "02", now, reason);
    // The sender is told, with the reason (its document page, dashboard and report show it).
    const sent = await trx
      .selectFrom("deliveries")
      .innerJoin("agencies", "agencies.id", "deliveries.to_agency_id")
      .select(["deliveries.document_id", "deliveries.from_agency_id", "agencies.name"])
      .where("deliveries.id", "=", deliveryId)
      .where("deliveries.from_agency_id", "is not", null)
      .executeTakeFirst();
    if (sent)
      await notify(trx, {
        code: "document.returned",
        agencyId: sent.from_agency_id!,
        userIds: await senderPeople(trx, sent.document_id!),
        documentId: sent.document_id,
        params: {
          agency: sent.name,
          recipient: sent.name,
          reason,
          reference: row.reference,
          subject: row.subject,
        },
        at: now,
      });
    await recordAudit(trx, {
      actor,
      action: "delivery.return",
      entity: "delivery",
      entityId: deliveryId,
      before: { status },
      after: { status: "02", reason },
      at: now,
    });
  });
}

export async function progressDelivered(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: ProgressStatus,
) {
  const { row, deliveryId } = await deliveryOf(ctx, actor, id);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockedStatus(trx, deliveryId);
    // A record in the handling flow moves by its steps (present, instruct, assign, start, done).
    const { handling } = await trx
      .selectFrom("documents")
      .select("handling")
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    if (handling !== null)
      throw fail("INVALID_STATUS_CHANGE", `document ${row.id} is handled in the system`, [
        {
          path: "status",
          message:
            "Văn bản đang được xử lý trong hệ thống: tình trạng gửi nơi gửi theo các bước trình, bút phê, phân công và hoàn thành.",
        },
      ]);
    if (!canMoveDelivery(before, status))
      throw fail("INVALID_STATUS_CHANGE", `delivery ${deliveryId}: ${before} -> ${status}`);
    await trx
      .updateTable("deliveries")
      .set({ status, [STAMP[status]]: now, updated_at: now })
      .where("id", "=", deliveryId)
      .execute();
    await notifyDeliveryProgress(trx, row.id, status, now);
    await statusToSender(trx, deliveryId, status, now);
    await recordAudit(trx, {
      actor,
      action: "delivery.progress",
      entity: "delivery",
      entityId: deliveryId,
      before: { status: before },
      after: { status },
      at: now,
    });
  });
}
