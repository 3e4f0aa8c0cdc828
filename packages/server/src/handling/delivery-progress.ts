/**
 * Where a received document stands, sent to its sender: each handling step moves the delivery
 * that brought it (and those of the later records attached to it) by core's state machine
 * (model/delivery-status.ts), under the delivery row's lock, never backwards; the step's time is
 * recorded (registered_at, assigned_at, in_progress_at, done_at), 06 with the result, and the
 * sender is told (`delivery.progress`). A record not delivered through the system has no
 * delivery: its handling is internal only.
 */
import { canMoveDelivery, type DeliveryStatus } from "@vanthu/core";
import type { Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import { notify } from "../workflow/notify.ts";
import { statusToSender } from "../exchange/outbox.ts";

const STAMP = {
  "03": "registered_at",
  "04": "assigned_at",
  "05": "in_progress_at",
  "06": "done_at",
} as const;

/**
 * The people at the sender to tell: who wrote and who issued the original (or, for a forwarded
 * copy, who registered the record forwarded); none found, the agency as a whole.
 */
export async function senderPeople(
  trx: Transaction<Database>,
  documentId: string,
): Promise<string[]> {
  const doc = await trx
    .selectFrom("documents")
    .select(["created_by", "issued_by"])
    .where("id", "=", documentId)
    .executeTakeFirst();
  const registered = await trx
    .selectFrom("register_entries")
    .select("registered_by")
    .where("document_id", "=", documentId)
    .execute();
  return [
    ...new Set(
      [doc?.created_by, doc?.issued_by, ...registered.map((r) => r.registered_by)].filter(
        (u): u is string => !!u,
      ),
    ),
  ];
}

/**
 * Moves the deliveries of these received records to `status` where the state machine allows it
 * (a status already passed is left as it is; 06 again only records the result). Returns how
 * many moved.
 */
export async function sendStatus(
  trx: Transaction<Database>,
  receivedIds: string[],
  status: keyof typeof STAMP,
  at: Date,
  extra: { result?: string } = {},
): Promise<number> {
  if (!receivedIds.length) return 0;
  const deliveries = await trx
    .selectFrom("deliveries")
    .select(["id", "status", "document_id", "from_agency_id", "from_organ_id", "received_id"])
    .where("received_id", "in", receivedIds)
    .orderBy("id")
    .forUpdate()
    .execute();
  let moved = 0;
  for (const d of deliveries) {
    const result = status === "06" && extra.result ? { result: extra.result } : {};
    if (!canMoveDelivery(d.status, status)) {
      if (d.status === status && Object.keys(result).length)
        await trx.updateTable("deliveries").set(result).where("id", "=", d.id).execute();
      continue;
    }
    await trx
      .updateTable("deliveries")
      .set({ status, [STAMP[status]]: at, updated_at: at, ...result })
      .where("id", "=", d.id)
      .execute();
    moved++;
    // From another system: the status goes back to it as a package (exchange/outbox.ts).
    if (d.from_organ_id) {
      await statusToSender(trx, d.id, status, at, status === "06" ? (extra.result ?? null) : null);
      continue;
    }
    const received = await trx
      .selectFrom("documents")
      .innerJoin("agencies", "agencies.id", "documents.agency_id")
      .select(["documents.reference", "documents.subject", "agencies.name"])
      .where("documents.id", "=", d.received_id)
      .executeTakeFirstOrThrow();
    await notify(trx, {
      code: "delivery.progress",
      agencyId: d.from_agency_id!,
      userIds: await senderPeople(trx, d.document_id!),
      documentId: d.document_id,
      params: {
        status: status satisfies DeliveryStatus,
        agency: received.name,
        recipient: received.name,
        reference: received.reference,
        subject: received.subject,
      },
      at,
    });
  }
  return moved;
}

/** The records whose deliveries follow this one's: itself and those attached to it. */
export async function withAttached(
  trx: Transaction<Database>,
  documentId: string,
): Promise<string[]> {
  const attached = await trx
    .selectFrom("documents")
    .select("id")
    .where("attached_to", "=", documentId)
    .execute();
  return [documentId, ...attached.map((a) => a.id)];
}
