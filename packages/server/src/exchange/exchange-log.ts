/**
 * The exchange log an agency reads: every package it sent or received, newest first, with its
 * state and why one failed; and the retry of a failed one.
 */
import type { ExchangeMessage } from "@vanthu/contract";
import type { z } from "zod";
import type { exchangeLogQuery } from "@vanthu/contract";
import type { Actor, AppContext } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { isUuid } from "../documents/access.ts";
import { retryMessage } from "./outbox.ts";

type LogQuery = z.output<typeof exchangeLogQuery>;

export async function listExchangeLog(
  ctx: AppContext,
  actor: Actor,
  q: LogQuery,
): Promise<{ items: ExchangeMessage[]; total: number }> {
  const installer = hasRole(actor, "installer");
  let base = ctx.db
    .selectFrom("exchange_messages as m")
    .leftJoin("documents as d", "d.id", "m.document_id")
    .leftJoin("directory_entries as e", "e.organ_id", "m.peer_organ_id");
  // The installation admin sees every package, the refused ones that named no agency too.
  if (!installer) base = base.where("m.agency_id", "=", actor.agencyId);
  if (q.direction) base = base.where("m.direction", "=", q.direction);
  if (q.state) base = base.where("m.state", "=", q.state);
  if (q.documentId) base = base.where("m.document_id", "=", q.documentId);
  const { total } = await base
    .select((eb) => eb.fn.countAll<string>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await base
    .select([
      "m.id",
      "m.message_id",
      "m.direction",
      "m.peer_organ_id",
      "e.name as peer_name",
      "m.kind",
      "m.business_type",
      "m.status_code",
      "m.exchange_document_id",
      "m.document_id",
      "d.reference",
      "d.subject",
      "m.state",
      "m.attempts",
      "m.next_attempt_at",
      "m.error_code",
      "m.error",
      "m.package_size",
      "m.created_at",
      "m.sent_at",
    ])
    .orderBy("m.created_at", "desc")
    .orderBy("m.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      messageId: r.message_id,
      direction: r.direction,
      peerOrganId: r.peer_organ_id,
      peerName: r.peer_name,
      kind: r.kind,
      businessType: r.business_type,
      statusCode: r.status_code,
      exchangeDocumentId: r.exchange_document_id,
      documentId: r.document_id,
      reference: r.reference,
      subject: r.subject,
      state: r.state,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
      errorCode: r.error_code,
      error: r.error,
      packageSize: r.package_size,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    })),
  };
}

export async function retryExchangeMessage(ctx: AppContext, actor: Actor, id: string) {
  if (!isUuid(id)) throw fail("EXCHANGE_MESSAGE_NOT_FOUND", `not an id: ${id}`);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const own = await trx
      .selectFrom("exchange_messages")
      .select(["id", "state", "error_code"])
      .where("id", "=", id)
      .where("agency_id", "=", actor.agencyId)
      .forUpdate()
      .executeTakeFirst();
    if (!own || !(await retryMessage(trx, id, now)))
      throw fail("EXCHANGE_MESSAGE_NOT_FOUND", `no package ${id} to send again`);
    await recordAudit(trx, {
      actor,
      action: "exchange.retry",
      entity: "exchange_message",
      entityId: id,
      before: { state: own.state, error: own.error_code },
      after: { state: "pending" },
      at: now,
    });
  });
}
