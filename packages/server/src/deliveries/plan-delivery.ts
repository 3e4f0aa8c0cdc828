/** The delivery plan of a document: its Kính gửi and Nơi nhận lines matched to agencies. */
import { sql, type Kysely, type Transaction } from "kysely";
import { resolveRecipients, type RecipientPlan } from "@vanthu/core";
import type { AgencyRef } from "@vanthu/contract";
import type { Database, DocumentRow } from "@vanthu/db";
import type { AppContext, Actor } from "../context.ts";
import { fail } from "../errors.ts";
import { loadDocument } from "../documents/load-document.ts";
import { readContent } from "../stored-json.ts";

/** The plan with the agencies it names (the contract's DeliveryPlan). */
export interface DeliveryPlan extends RecipientPlan {
  agencies: Record<string, AgencyRef>;
}

/** The plan of one of the actor's own outgoing documents. */
export async function deliveryPlanOf(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<DeliveryPlan> {
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  if (row.direction !== "outgoing")
    throw fail("NOT_DELIVERED", "an incoming document is not delivered by us");
  return planDelivery(ctx.db, row);
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
  const content = readContent(row.content, row.id);
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
