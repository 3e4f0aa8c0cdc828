/**
 * Recalling an issued document (ND30 Điều 18), both ends. The issuer recalls with a reason: each
 * recipient's copy here is frozen and withdrawn from its lists with a notice, and each other
 * system gets a recall package (BussinessDocType 1). The recipient answers: accepted (15), the
 * copy stays withdrawn; refused (16), it is back. The issuer sees each answer on its deliveries;
 * the recall, its reason and the answers stay in the history (audit) of both.
 */
import type { Actor, AppContext } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { loadDocument } from "../documents/load-document.ts";
import { notify } from "../workflow/notify.ts";
import { senderPeople } from "../handling/delivery-progress.ts";
import { enqueue, statusToSender } from "./outbox.ts";
import { freezeCopy, markRecalled } from "./receive.ts";

export async function recallDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reason: string,
): Promise<{ recipients: number }> {
  if (!hasRole(actor, "clerk")) throw fail("FORBIDDEN", `${actor.username} may not recall`);
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  if (row.direction !== "outgoing" || row.status !== "issued")
    throw fail("NOT_RECALLABLE", `document ${id} is ${row.direction} ${row.status}`);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const deliveries = await trx
      .selectFrom("deliveries")
      .select(["id", "received_id", "to_organ_id", "recall_status", "status"])
      .where("document_id", "=", id)
      .where("status", "!=", "02")
      .forUpdate()
      .execute();
    const open = deliveries.filter((d) => d.recall_status === null || d.recall_status === "16");
    if (!open.length || deliveries.some((d) => d.recall_status === "13"))
      throw fail("NOT_RECALLABLE", `document ${id}: no delivery to recall, or a recall waits`);
    for (const d of open) {
      // A copy here is frozen at once; another system's is asked by a recall package.
      if (d.received_id) await freezeCopy(trx, d.id, d.received_id, reason, now);
      else {
        await markRecalled(trx, d.id, reason, now);
        await enqueue(trx, {
          agencyId: row.agency_id,
          peerOrganId: d.to_organ_id!,
          kind: "document",
          businessType: 1,
          exchangeDocumentId: row.exchange_id,
          documentId: id,
          deliveryId: d.id,
          payload: { reason },
          at: now,
        });
      }
    }
    await recordAudit(trx, {
      actor,
      action: "document.recall",
      entity: "document",
      entityId: id,
      after: { reason, recipients: open.length },
      at: now,
    });
    return { recipients: open.length };
  });
}

export async function answerRecall(
  ctx: AppContext,
  actor: Actor,
  id: string,
  accept: boolean,
  reason: string | null,
): Promise<void> {
  if (!hasRole(actor, "clerk")) throw fail("FORBIDDEN", `${actor.username} may not answer`);
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  const now = ctx.now();
  const code = accept ? "15" : "16";
  await ctx.db.transaction().execute(async (trx) => {
    const d = await trx
      .selectFrom("deliveries")
      .select(["id", "recall_status", "document_id", "from_agency_id", "from_organ_id"])
      .where("received_id", "=", row.id)
      .forUpdate()
      .executeTakeFirst();
    if (!d || d.recall_status !== "13")
      throw fail("NOT_RECALLED", `document ${id} has no recall waiting`);
    await trx
      .updateTable("deliveries")
      .set({ recall_status: code, recall_answer: reason, recall_answered_at: now, updated_at: now })
      .where("id", "=", d.id)
      .execute();
    await trx
      .updateTable("documents")
      .set({ recall_pending: false, withdrawn_at: accept ? now : null, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    if (d.from_organ_id) await statusToSender(trx, d.id, code, now, reason);
    else
      await notify(trx, {
        code: "recall.answered",
        agencyId: d.from_agency_id!,
        userIds: await senderPeople(trx, d.document_id!),
        documentId: d.document_id,
        params: {
          reference: row.reference,
          subject: row.subject,
          recipient: (
            await trx
              .selectFrom("agencies")
              .select("name")
              .where("id", "=", row.agency_id)
              .executeTakeFirstOrThrow()
          ).name,
          answer: accept ? "accepted" : "refused",
          reason,
        },
        at: now,
      });
    await recordAudit(trx, {
      actor,
      action: "document.recall-answer",
      entity: "document",
      entityId: row.id,
      before: { recall: "13" },
      after: { recall: code, reason },
      at: now,
    });
  });
}

/** Refuses a step on a copy its issuer is recalling. */
export function assertNotFrozen(row: { id: string; recall_pending: boolean }): void {
  if (row.recall_pending) throw fail("RECALL_PENDING", `document ${row.id} is being recalled`);
}
