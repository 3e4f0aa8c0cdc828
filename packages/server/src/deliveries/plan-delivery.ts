/** The delivery plan of a document: its Kính gửi and Nơi nhận lines matched to agencies. */
import { sql, type Kysely, type Transaction } from "kysely";
import { resolveRecipients, type RecipientPlan } from "@vanthu/core";
import type { Database, DocumentRow } from "@vanthu/db";
import type { DocumentContent } from "../documents/document-content.ts";

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface DeliveryPlan extends RecipientPlan {
  agencies: Record<string, AgencyRef>;
}

export async function planDelivery(
  db: Kysely<Database> | Transaction<Database>,
  row: DocumentRow,
): Promise<DeliveryPlan> {
  const agencies = await db
    .selectFrom("agencies")
    .select(["id", "code", "name", "place"])
    // The installation admin's pseudo-agency receives nothing.
    .where("kind", "!=", "installation")
    .where((eb) =>
      eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", sql<string>`current_date`)]),
    )
    .execute();
  const issuer = agencies.find((a) => a.id === row.agency_id);
  const content = row.content as DocumentContent;
  const plan = resolveRecipients({
    addressees: content.addressees,
    recipients: content.recipients,
    agencies,
    place: issuer?.place ?? null,
    issuerId: row.agency_id,
  });
  const used = new Set(plan.lines.flatMap((l) => l.matches));
  return {
    ...plan,
    agencies: Object.fromEntries(
      agencies
        .filter((a) => used.has(a.id))
        .map((a) => [a.id, { id: a.id, code: a.code, name: a.name }]),
    ),
  };
}
