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
    .innerJoin("agencies", "agencies.id", "deliveries.to_agency_id")
    .select([
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
    .orderBy("agencies.name")
    .execute();
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
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
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
  }));
}
