/**
 * The issuer's view of an issued document (or a forwarder's of a forwarded record): each
 * recipient's status (01 arrived ... 06 done) and times, the result it gave with 06, and its reply
 * as the issuer's own received copy of it.
 */
import type { Delivery } from "@vanthu/contract";
import type { AppContext, Actor } from "../context.ts";
import { loadDocument } from "../documents/load-document.ts";

const iso = (at: Date | null) => at?.toISOString() ?? null;

export async function listDeliveries(
  ctx: AppContext,
  actor: Actor,
  documentId: string,
): Promise<Delivery[]> {
  await loadDocument(ctx.db, actor, documentId, { own: true });
  const rows = await ctx.db
    .selectFrom("deliveries")
    .leftJoin("agencies", "agencies.id", "deliveries.to_agency_id")
    .leftJoin("directory_entries", "directory_entries.organ_id", "deliveries.to_organ_id")
    .select([
      "deliveries.to_organ_id",
      "deliveries.external_name",
      "directory_entries.id as entry_id",
      "deliveries.recall_status",
      "deliveries.recall_reason",
      "deliveries.recall_answer",
      "deliveries.recalled_at",
      "deliveries.recall_answered_at",
      "deliveries.id",
      "deliveries.kind",
      "deliveries.line",
      "deliveries.status",
      "deliveries.sent_at",
      "deliveries.returned_at",
      "deliveries.return_reason",
      "deliveries.registered_at",
      "deliveries.assigned_at",
      "deliveries.in_progress_at",
      "deliveries.done_at",
      "deliveries.result",
      "deliveries.reply_id",
      "agencies.id as agency_id",
      "agencies.code as agency_code",
      "agencies.name as agency_name",
    ])
    .where("deliveries.document_id", "=", documentId)
    .where("deliveries.from_agency_id", "=", actor.agencyId)
    .orderBy((eb) => eb.fn.coalesce("agencies.name", "deliveries.external_name"))
    .execute();
  // Each external delivery's last package (exchange/outbox.ts).
  const external = rows.filter((r) => r.to_organ_id).map((r) => r.id);
  const packages = external.length
    ? await ctx.db
        .selectFrom("exchange_messages")
        .select(["id", "delivery_id", "state", "error_code", "error", "created_at"])
        .where("delivery_id", "in", external)
        .where("direction", "=", "out")
        .orderBy("created_at", "desc")
        .execute()
    : [];
  // The replies, as they reached the issuer: its own received copies.
  const replyIds = rows.flatMap((r) => (r.reply_id ? [r.reply_id] : []));
  const replies = replyIds.length
    ? await ctx.db
        .selectFrom("deliveries")
        .innerJoin("documents", "documents.id", "deliveries.received_id")
        .select(["deliveries.document_id", "documents.id", "documents.reference"])
        .where("deliveries.document_id", "in", replyIds)
        .where("deliveries.to_agency_id", "=", actor.agencyId)
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    agency: r.to_organ_id
      ? { id: r.entry_id ?? r.id, code: r.to_organ_id, name: r.external_name ?? r.to_organ_id }
      : { id: r.agency_id!, code: r.agency_code!, name: r.agency_name! },
    kind: r.kind,
    line: r.line,
    status: r.status,
    sentAt: r.sent_at.toISOString(),
    returnedAt: iso(r.returned_at),
    returnReason: r.return_reason,
    registeredAt: iso(r.registered_at),
    assignedAt: iso(r.assigned_at),
    inProgressAt: iso(r.in_progress_at),
    doneAt: iso(r.done_at),
    result: r.result,
    reply: (() => {
      const copy = replies.find((c) => c.document_id === r.reply_id);
      return copy ? { id: copy.id, reference: copy.reference } : null;
    })(),
    exchange: r.to_organ_id
      ? (() => {
          const last = packages.find((p) => p.delivery_id === r.id);
          return {
            organId: r.to_organ_id,
            messageId: last?.id ?? null,
            state: last?.state ?? null,
            errorCode: last?.error_code ?? null,
            error: last?.error ?? null,
          };
        })()
      : null,
    recall: r.recall_status
      ? {
          status: r.recall_status,
          reason: r.recall_reason,
          answer: r.recall_answer,
          recalledAt: iso(r.recalled_at),
          answeredAt: iso(r.recall_answered_at),
        }
      : null,
  }));
}
