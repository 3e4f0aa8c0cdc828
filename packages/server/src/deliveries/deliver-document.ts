/**
 * Delivering an issued document, inside the issuing transaction: each recipient agency gets its
 * own incoming record (a copy pointing to the original) with a delivery in status 01 (arrived),
 * and its clerks a notification (document.arrived).
 */
import type { Transaction } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import { fail } from "../errors.ts";
import { deliverableAgencies, type DeliveryPlan } from "./plan-delivery.ts";
import { clerksOf, notify } from "../workflow/notify.ts";

export interface Recipient {
  agencyId: string;
  kind: "action" | "copy";
}

export async function deliverDocument(
  trx: Transaction<Database>,
  original: DocumentRow,
  recipients: Recipient[],
  plan: DeliveryPlan,
  at: Date,
): Promise<Recipient[]> {
  const unique = new Map<string, Recipient>();
  for (const r of recipients)
    if (r.agencyId !== original.agency_id && unique.get(r.agencyId)?.kind !== "action")
      unique.set(r.agencyId, r);
  if (!unique.size) return [];
  // Only agencies a document can go to: not the installation's pseudo-agency, not a closed one.
  const known = await deliverableAgencies(trx)
    .select("id")
    .where("id", "in", [...unique.keys()])
    .execute();
  const missing = [...unique.keys()].filter((id) => !known.some((k) => k.id === id));
  if (missing.length)
    throw fail(
      "VALIDATION_FAILED",
      `unknown recipients ${missing.join(", ")}`,
      missing.map((id) => ({ path: "deliverTo", message: `Không có cơ quan ${id}.` })),
    );
  // The line it goes under, as written ("UBND tỉnh (để b/c)"): an addressee's line first.
  const lineOf = (agencyId: string, kind: Recipient["kind"]) =>
    (
      plan.lines.find((l) => l.kind === kind && l.matches.includes(agencyId)) ??
      plan.lines.find((l) => l.matches.includes(agencyId))
    )?.written ?? null;
  for (const r of unique.values()) {
    const copy = await trx
      .insertInto("documents")
      .values({
        agency_id: r.agencyId,
        direction: "incoming",
        status: "draft",
        format: original.format,
        type_code: original.type_code,
        type_name: original.type_name,
        number: original.number,
        symbol: original.symbol,
        reference: original.reference,
        issuer_name: original.issuer_name,
        place: original.place,
        document_date: original.document_date,
        subject: original.subject,
        content: JSON.stringify(original.content),
        body: original.body,
        signer_name: original.signer_name,
        source_id: original.id,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The copy cites what the original cites.
    await trx
      .insertInto("document_citations")
      .columns([
        "document_id",
        "position",
        "reference",
        "reference_key",
        "type_name",
        "cited_date",
        "issuer",
      ])
      .expression((eb) =>
        eb
          .selectFrom("document_citations")
          .select([
            eb.val(copy.id).as("document_id"),
            "position",
            "reference",
            "reference_key",
            "type_name",
            "cited_date",
            "issuer",
          ])
          .where("document_id", "=", original.id),
      )
      .execute();
    await trx
      .insertInto("deliveries")
      .values({
        document_id: original.id,
        from_agency_id: original.agency_id,
        to_agency_id: r.agencyId,
        kind: r.kind,
        line: lineOf(r.agencyId, r.kind),
        received_id: copy.id,
        sent_at: at,
        updated_at: at,
      })
      .execute();
    // The receiving agency's clerks register it (the agency as a whole if it has none).
    await notify(trx, {
      code: "document.arrived",
      agencyId: r.agencyId,
      userIds: await clerksOf(trx, r.agencyId),
      documentId: copy.id,
      params: {
        reference: original.reference,
        subject: original.subject,
        issuer: original.issuer_name,
      },
      at,
    });
  }
  return [...unique.values()];
}
