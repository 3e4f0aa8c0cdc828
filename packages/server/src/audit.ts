/** Every write records who did what, when, with the record before and after (append-only). */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@vanthu/db";
import type { Actor } from "./context.ts";

export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  event: {
    actor: Actor | null;
    action: string;
    entity: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      at: event.at,
      actor_id: event.actor?.userId ?? null,
      agency_id: event.actor?.agencyId ?? null,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}
