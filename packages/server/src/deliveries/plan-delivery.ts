/**
 * The delivery plan of a document: each of its Kính gửi and Nơi nhận lines (and its "Lưu" line)
 * matched to agencies, with its outcome (resolved, internal, unresolved).
 */
import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import { resolveRecipients, type KnownAgency, type RecipientPlan } from "@vanthu/core";
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

type Db = Kysely<Database> | Transaction<Database>;

/** The agencies a document can go to today (the installation's pseudo-agency receives nothing). */
export function deliverableAgencies(db: Db) {
  return db
    .selectFrom("agencies")
    .where("kind", "!=", "installation")
    .where((eb) =>
      eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", sql<string>`current_date`)]),
    );
}

export async function planDelivery(db: Db, row: DocumentRow): Promise<DeliveryPlan> {
  // The agencies here, their former names, the issuer's units and the agencies of other systems
  // (the exchange's directory): one statement, read at every issue.
  const read = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        deliverableAgencies(db).select(["id", "code", "name", "abbreviation", "place"]),
      ).as("agencies"),
      jsonArrayFrom(eb.selectFrom("agency_history").select(["agency_id", "old_name", "at"])).as(
        "history",
      ),
      jsonArrayFrom(
        eb
          .selectFrom("units")
          .select(["name", "abbreviation"])
          .where("agency_id", "=", row.agency_id),
      ).as("units"),
      jsonArrayFrom(eb.selectFrom("directory_entries").select(["id", "organ_id", "name"])).as(
        "listed",
      ),
    ])
    .executeTakeFirstOrThrow();
  const { agencies: rows, units, listed } = read;
  const former = new Map<string, string[]>();
  // Oldest first (an aggregate keeps no order of its own).
  for (const h of read.history.sort((a, b) => Date.parse(String(a.at)) - Date.parse(String(b.at))))
    former.set(h.agency_id, [...(former.get(h.agency_id) ?? []), h.old_name]);
  const agencies: KnownAgency[] = rows.map((a) => ({
    id: a.id,
    name: a.name,
    place: a.place,
    abbreviation: a.abbreviation,
    formerNames: former.get(a.id) ?? [],
  }));
  // Agencies of other systems (the exchange's directory) are named like hosted ones; their
  // deliveries go as edXML packages (deliver-document.ts, exchange/).
  for (const d of listed) agencies.push({ id: d.id, name: d.name, place: null, formerNames: [] });
  const issuer = rows.find((a) => a.id === row.agency_id);
  const content = readContent(row.content, row.id);
  const plan = resolveRecipients({
    addressees: content.addressees,
    recipients: content.recipients,
    archive: content.archive,
    agencies,
    place: issuer?.place ?? null,
    issuerId: row.agency_id,
    units,
  });
  return withAgencies(plan, [
    ...rows,
    ...listed.map((d) => ({ id: d.id, code: d.organ_id, name: d.name })),
  ]);
}

/** The plan with the names of the agencies its lines name (also those a clerk picked by hand). */
export function withAgencies(
  plan: RecipientPlan,
  rows: Array<{ id: string; code: string; name: string }>,
): DeliveryPlan {
  const used = new Set(plan.lines.flatMap((l) => l.matches));
  return {
    ...plan,
    agencies: Object.fromEntries(
      rows
        .filter((a) => used.has(a.id))
        .map((a) => [a.id, { id: a.id, code: a.code, name: a.name }]),
    ),
  };
}
