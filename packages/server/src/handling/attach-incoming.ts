/**
 * Attaching a received record to the earlier record of the same document instead of registering
 * it twice (the register dialog's "Đính kèm vào văn bản đã có"): it leaves the waiting list, its
 * files are listed on the earlier record, and a delivered copy tells its sender it was received
 * and registered (03, under the earlier number); later steps of the earlier record are sent to
 * it too (delivery-progress.ts `withAttached`).
 */
import { deliveryStatusOf, mayAct } from "@vanthu/core";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "../documents/load-document.ts";
import { sendStatus } from "./delivery-progress.ts";

export async function attachIncoming(
  ctx: AppContext,
  actor: Actor,
  id: string,
  toId: string,
): Promise<{ id: string; attachedTo: string }> {
  if (!mayAct(actor.roles, "register"))
    throw fail("FORBIDDEN", `${actor.username} may not register documents`);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    // The earlier record first, then this one: always in this order, so two attachments at once
    // wait for each other instead of deadlocking.
    const target = await loadDocument(trx, actor, toId, { forUpdate: true, own: true });
    const row = await loadDocument(trx, actor, id, { forUpdate: true, own: true });
    if (row.direction !== "incoming") throw fail("NOT_A_DRAFT", `document ${id} is not incoming`);
    if (row.attached_to) throw fail("ALREADY_ATTACHED", `document ${id} is attached`);
    if (row.status !== "draft") throw fail("ALREADY_REGISTERED", `document ${id} is ${row.status}`);
    if (
      target.id === row.id ||
      target.direction !== "incoming" ||
      target.status !== "registered" ||
      target.attached_to
    )
      throw fail("NOT_REGISTERED", `document ${toId} is not a registered record`, [
        { path: "toId", message: "Chỉ đính kèm vào văn bản đến đã vào sổ." },
      ]);
    await trx
      .updateTable("documents")
      .set({ attached_to: target.id, updated_at: now })
      .where("id", "=", id)
      .execute();
    // Received and registered, under the earlier record; and as far on as that one is.
    await sendStatus(trx, [id], "03", now);
    const status = deliveryStatusOf(target.handling);
    if (status) {
      const result = await trx
        .selectFrom("deliveries")
        .select("result")
        .where("received_id", "=", target.id)
        .executeTakeFirst();
      await sendStatus(trx, [id], status, now, result?.result ? { result: result.result } : {});
    }
    await recordAudit(trx, {
      actor,
      action: "document.attach",
      entity: "document",
      entityId: id,
      before: { status: row.status },
      after: { attachedTo: target.id },
      at: now,
    });
    return { id, attachedTo: target.id };
  });
}
