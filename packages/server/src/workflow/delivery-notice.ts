/**
 * The issuer learns what its recipients do with a delivered document: when a recipient moves it
 * to 03 (registered), 04 (assigned), 05 (in progress) or 06 (done), the issuing agency gets
 * `delivery.progress` with the recipient's name and the status, about its own original. Called
 * in the transaction of the change.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import { notify } from "./notify.ts";

export async function notifyDeliveryProgress(
  db: Transaction<Database> | Kysely<Database>,
  receivedId: string,
  status: "03" | "04" | "05" | "06",
  at: Date,
): Promise<void> {
  const delivery = await db
    .selectFrom("deliveries")
    .innerJoin("documents", "documents.id", "deliveries.document_id")
    .innerJoin("agencies", "agencies.id", "deliveries.to_agency_id")
    .select([
      "deliveries.document_id",
      "deliveries.from_agency_id",
      "documents.reference",
      "agencies.name as recipient",
    ])
    .where("deliveries.received_id", "=", receivedId)
    .executeTakeFirst();
  if (!delivery) return;
  await notify(db, {
    code: "delivery.progress",
    // The inner join on the original: a delivery from another system has none (exchange/).
    agencyId: delivery.from_agency_id!,
    documentId: delivery.document_id,
    params: { reference: delivery.reference, recipient: delivery.recipient, status },
    at,
  });
}
