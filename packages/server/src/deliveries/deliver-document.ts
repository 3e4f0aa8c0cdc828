/**
 * Delivering an issued document, inside the issuing transaction: each recipient agency gets its
 * own incoming record (a copy pointing to the original) with a delivery in status 01 (arrived).
 * A secret document never leaves its agency through the system (access.ts): it is delivered to
 * nobody here (it goes by hand, sealed), and its copies would not know who is named on it.
 * The receiving agency's clerks get a notification (document.arrived).
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
  if (original.secrecy) return [];
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
    const { receivedId } = await deliverCopy(trx, original, {
      agencyId: r.agencyId,
      kind: r.kind,
      line: lineOf(r.agencyId, r.kind),
      at,
    });
    // The receiving agency's clerks register it (the agency as a whole if it has none).
    await notify(trx, {
      code: "document.arrived",
      agencyId: r.agencyId,
      userIds: await clerksOf(trx, r.agencyId),
      documentId: receivedId,
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

/**
 * One recipient's incoming record (a copy of `source`, citing what it cites) and the delivery that
 * brings it, in status 01. Issuing delivers the original; forwarding (chuyển tiếp) delivers a
 * received record, from the forwarder, with its note: the copy's `source_id` is then the
 * original the forwarded record came from.
 */
export async function deliverCopy(
  trx: Transaction<Database>,
  source: DocumentRow,
  to: {
    agencyId: string;
    kind: Recipient["kind"];
    line: string | null;
    at: Date;
    /** Forwarding: the original (`source`'s own source) and the forwarder's note. */
    forward?: { originalId: string; note: string };
  },
): Promise<{ receivedId: string; deliveryId: string }> {
  const at = to.at;
  const copy = await trx
    .insertInto("documents")
    .values({
      agency_id: to.agencyId,
      direction: "incoming",
      status: "draft",
      format: source.format,
      type_code: source.type_code,
      type_name: source.type_name,
      number: source.number,
      symbol: source.symbol,
      reference: source.reference,
      issuer_name: source.issuer_name,
      place: source.place,
      document_date: source.document_date,
      subject: source.subject,
      content: JSON.stringify(source.content),
      body: source.body,
      signer_name: source.signer_name,
      source_id: to.forward?.originalId ?? source.id,
      exchange_id: source.exchange_id,
      urgency: source.urgency,
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
        .where("document_id", "=", source.id),
    )
    .execute();
  const delivery = await trx
    .insertInto("deliveries")
    .values({
      document_id: source.id,
      from_agency_id: source.agency_id,
      to_agency_id: to.agencyId,
      kind: to.kind,
      line: to.line,
      received_id: copy.id,
      sent_at: at,
      updated_at: at,
      forwarded_from_id: to.forward ? source.id : null,
      note: to.forward?.note ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { receivedId: copy.id, deliveryId: delivery.id };
}
