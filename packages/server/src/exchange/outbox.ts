/**
 * The exchange's outbox (issue 17): every package to another system is a row of
 * `exchange_messages` written in the transaction that decides it (issuing, a recall, a status
 * change), never sent there. The exchange loop of every server process takes due rows with
 * FOR UPDATE SKIP LOCKED, builds the package once (kept in the file store, so a retry sends the
 * same bytes under the same message id), sends it through the peer's transport and records the
 * outcome: sent; or a retry with backoff; or, refused by the receiver or failed too often,
 * `failed` with the reason, which the clerk sees with a retry button. A process killed while
 * sending leaves its row locked; after the lease another process takes it again, and the
 * receiver, which keeps one record per message id, stores it once.
 */
import { randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Database, ExchangeMessageRow } from "@vanthu/db";
import type { AppContext } from "../context.ts";
import { peerFor } from "./peers.ts";
import { TRANSPORTS, TransportError, type Transport } from "./transport.ts";
import { buildPackage } from "./build-package.ts";
import { wakeSoon } from "./wake.ts";

/** After this many attempts a package is shown as failed (about a day of backoff). */
export const MAX_ATTEMPTS = 12;

/** Seconds before the n-th retry: 2, 4, 8, ... up to an hour. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 2 ** Math.max(1, attempts));

export interface NewMessage {
  agencyId: string;
  peerOrganId: string;
  kind: "document" | "status";
  businessType?: 0 | 1 | 2 | 3;
  statusCode?: string;
  exchangeDocumentId: string | null;
  documentId?: string | null;
  deliveryId?: string | null;
  payload?: Record<string, unknown>;
  at: Date;
}

/** Puts a package in the outbox, in the caller's transaction. */
export async function enqueue(trx: Transaction<Database>, m: NewMessage): Promise<string> {
  const row = await trx
    .insertInto("exchange_messages")
    .values({
      message_id: randomUUID(),
      direction: "out",
      agency_id: m.agencyId,
      peer_organ_id: m.peerOrganId,
      kind: m.kind,
      business_type: m.businessType ?? null,
      status_code: m.statusCode ?? null,
      exchange_document_id: m.exchangeDocumentId,
      document_id: m.documentId ?? null,
      delivery_id: m.deliveryId ?? null,
      payload: JSON.stringify(m.payload ?? {}),
      state: "pending",
      next_attempt_at: m.at,
      created_at: m.at,
      updated_at: m.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  wakeSoon();
  return row.id;
}

/**
 * A received document moved on (registered, assigned, in progress, done, returned): when it came
 * from another system, the status package goes back to its sender.
 */
export async function statusToSender(
  trx: Transaction<Database>,
  deliveryId: string,
  code: "02" | "03" | "04" | "05" | "06" | "15" | "16",
  at: Date,
  description: string | null = null,
): Promise<void> {
  const d = await trx
    .selectFrom("deliveries")
    .select(["from_organ_id", "to_agency_id", "exchange_document_id", "received_id"])
    .where("id", "=", deliveryId)
    .executeTakeFirst();
  if (!d?.from_organ_id || !d.to_agency_id) return;
  await enqueue(trx, {
    agencyId: d.to_agency_id,
    peerOrganId: d.from_organ_id,
    kind: "status",
    statusCode: code,
    exchangeDocumentId: d.exchange_document_id,
    documentId: d.received_id,
    deliveryId,
    payload: description ? { description } : {},
    at,
  });
}

/** Takes due packages no other process holds; `leaseMs` after a taker died they are due again. */
async function takeDue(ctx: AppContext, worker: string, limit: number) {
  const now = ctx.now();
  const stale = new Date(now.getTime() - ctx.config.exchange.leaseMs);
  return ctx.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("exchange_messages")
      .select("id")
      .where("state", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .where((eb) => eb.or([eb("locked_at", "is", null), eb("locked_at", "<", stale)]))
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!due.length) return [];
    return trx
      .updateTable("exchange_messages")
      .set({ locked_by: worker, locked_at: now, attempts: sql`attempts + 1`, updated_at: now })
      .where(
        "id",
        "in",
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  });
}

/** The package's bytes: built on the first attempt and kept, the same bytes on every retry. */
async function packageOf(ctx: AppContext, m: ExchangeMessageRow): Promise<Uint8Array> {
  if (m.package_sha256) {
    const kept = await ctx.files.get(m.package_sha256);
    if (kept) return kept;
  }
  const bytes = await buildPackage(ctx, m);
  const stored = await ctx.files.put(bytes);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("files")
      .values({ sha256: stored.sha256, size: stored.size, media_type: "application/xml" })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    await trx
      .updateTable("exchange_messages")
      .set({ package_sha256: stored.sha256, package_size: stored.size })
      .where("id", "=", m.id)
      .execute();
  });
  return bytes;
}

async function settle(
  ctx: AppContext,
  m: ExchangeMessageRow,
  worker: string,
  outcome: { sent: true } | { sent: false; code: string; message: string; retryable: boolean },
) {
  const now = ctx.now();
  const mine = (q: ReturnType<typeof ctx.db.updateTable<"exchange_messages">>) =>
    q.where("id", "=", m.id).where("locked_by", "=", worker);
  if (outcome.sent) {
    await mine(ctx.db.updateTable("exchange_messages"))
      .set({
        state: "sent",
        sent_at: now,
        locked_by: null,
        locked_at: null,
        error_code: null,
        error: null,
        updated_at: now,
      })
      .execute();
    return;
  }
  const giveUp = !outcome.retryable || m.attempts >= MAX_ATTEMPTS;
  await mine(ctx.db.updateTable("exchange_messages"))
    .set({
      state: giveUp ? "failed" : "pending",
      next_attempt_at: giveUp ? null : new Date(now.getTime() + backoffSeconds(m.attempts) * 1000),
      locked_by: null,
      locked_at: null,
      error_code: outcome.code,
      error: outcome.message.slice(0, 2000),
      updated_at: now,
    })
    .execute();
}

/** Sends one taken package; never throws for the package's own failure. */
async function sendOne(
  ctx: AppContext,
  m: ExchangeMessageRow,
  worker: string,
  transports: Record<string, Transport>,
) {
  try {
    const peer = await peerFor(ctx, ctx.db, m.peer_organ_id);
    if (!peer)
      throw new TransportError(
        "EXCHANGE_NO_ROUTE",
        `no peer is configured for ${m.peer_organ_id}`,
        true,
      );
    const from = await ctx.db
      .selectFrom("agencies")
      .select("organ_id")
      .where("id", "=", m.agency_id!)
      .executeTakeFirstOrThrow();
    if (!from.organ_id)
      throw new TransportError(
        "EXCHANGE_NO_ORGAN_ID",
        "the sending agency has no identifier",
        true,
      );
    const bytes = await packageOf(ctx, m);
    await transports[peer.transport]!.send(peer, {
      messageId: m.message_id,
      fromOrganId: from.organ_id,
      toOrganId: m.peer_organ_id,
      bytes,
    });
    await settle(ctx, m, worker, { sent: true });
  } catch (e) {
    const t =
      e instanceof TransportError
        ? e
        : new TransportError(
            (e as { code?: string }).code ?? "EXCHANGE_SEND_FAILED",
            (e as Error).message,
            true,
          );
    await settle(ctx, m, worker, {
      sent: false,
      code: t.code,
      message: t.message,
      retryable: t.retryable,
    });
  }
}

/** One pass of the outbox: returns how many packages were tried. */
export async function processOutbox(
  ctx: AppContext,
  worker: string,
  options: { limit?: number; transports?: Record<string, Transport> } = {},
): Promise<number> {
  const taken = await takeDue(ctx, worker, options.limit ?? 20);
  for (const m of taken) await sendOne(ctx, m, worker, options.transports ?? TRANSPORTS);
  return taken.length;
}

/** The clerk's retry of a failed package: due now, its count of attempts started again. */
export async function retryMessage(
  trx: Transaction<Database>,
  id: string,
  at: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable("exchange_messages")
    .set({ state: "pending", attempts: 0, next_attempt_at: at, updated_at: at })
    .where("id", "=", id)
    .where("direction", "=", "out")
    .where("state", "in", ["failed", "pending"])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
