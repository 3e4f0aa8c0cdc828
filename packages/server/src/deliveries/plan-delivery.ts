/**
 * The delivery plan of a document: each of its Kính gửi and Nơi nhận lines (and its "Lưu" line)
 * matched to agencies, with its outcome (resolved, internal, unresolved).
 */
import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import {
  resolveRecipients,
  type KnownAgency,
  type NumberingScheme,
  type RecipientPlan,
} from "@vanthu/core";
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
  return (await readDelivery(db, row)).plan;
}

/**
 * What issuing reads of the directory besides the plan, in the plan's statement: the issuing
 * agency (its numbering and codes), the agencies a document can go to and those of other
 * systems, and the clerks of the agencies asked for (those the issue names: they register it).
 */
export interface Directory {
  issuer: {
    id: string;
    abbreviation: string;
    numbering: NumberingScheme;
    term: string | null;
    organ_id: string | null;
  };
  deliverable: Set<string>;
  listed: Map<string, { id: string; organ_id: string; name: string }>;
  /** Clerks of the agencies asked for, by agency (no entry: not asked). */
  clerks: Map<string, string[]>;
}

/** The plan and the directory, in one statement (read at every issue). */
export async function readDelivery(
  db: Db,
  row: DocumentRow,
  clerksOf: readonly string[] = [],
): Promise<{ plan: DeliveryPlan; directory: Directory }> {
  // The agencies here, their former names, the issuer's units, the agencies of other systems (the
  // exchange's directory), the issuer and the clerks asked for.
  const asked = [...new Set(clerksOf)];
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
      jsonObjectFrom(
        eb
          .selectFrom("agencies")
          .select(["id", "abbreviation", "numbering", "term", "organ_id"])
          .where("id", "=", row.agency_id),
      ).as("issuer"),
      jsonArrayFrom(
        eb
          .selectFrom("users")
          .select(["id", "agency_id"])
          .where("agency_id", "in", asked.length ? asked : [row.agency_id])
          .where(sql<boolean>`${asked.length > 0}`)
          .where("disabled", "=", false)
          .where((u) => u(u.val("clerk"), "=", u.fn.any("roles"))),
      ).as("clerks"),
    ])
    .executeTakeFirstOrThrow();
  const { agencies: rows, units, listed } = read;
  if (!read.issuer) throw fail("NOT_FOUND", `agency ${row.agency_id} not found`);
  const clerks = new Map<string, string[]>(asked.map((a) => [a, []]));
  for (const c of read.clerks) clerks.get(c.agency_id)?.push(c.id);
  const directory: Directory = {
    issuer: read.issuer,
    deliverable: new Set(rows.map((a) => a.id)),
    listed: new Map(listed.map((d) => [d.id, d])),
    clerks,
  };
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
  return {
    plan: withAgencies(plan, [
      ...rows,
      ...listed.map((d) => ({ id: d.id, code: d.organ_id, name: d.name })),
    ]),
    directory,
  };
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
