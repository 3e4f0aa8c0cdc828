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
import { enqueue } from "../exchange/outbox.ts";

export interface Recipient {
  agencyId: string;
  kind: "action" | "copy";
  /** An agency of another system (the directory's id): no record, tasks or notices here. */
  external?: boolean;
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
  const notHere = [...unique.keys()].filter((id) => !known.some((k) => k.id === id));
  // Agencies of other systems: a delivery each, and a package in the outbox (exchange/).
  const external = notHere.length
    ? await trx
        .selectFrom("directory_entries")
        .select(["id", "organ_id", "name"])
        .where("id", "in", notHere)
        .execute()
    : [];
  const missing = notHere.filter((id) => !external.some((e) => e.id === id));
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
  if (external.length)
    await deliverExternal(
      trx,
      original,
      external.map((e) => ({
        ...e,
        kind: unique.get(e.id)!.kind,
        line: lineOf(e.id, unique.get(e.id)!.kind),
      })),
      at,
    );
  for (const r of unique.values()) {
    if (external.some((e) => e.id === r.agencyId)) continue;
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
  return [...unique.values()].map((r) =>
    external.some((e) => e.id === r.agencyId) ? { ...r, external: true } : r,
  );
}

/**
 * Deliveries to agencies of other systems: named by their identifier (no record here), each with
 * a package in the outbox that the exchange loop sends after the commit. The issuing agency needs
 * its own identifier, or nothing could be addressed back to it.
 */
async function deliverExternal(
  trx: Transaction<Database>,
  original: DocumentRow,
  to: Array<{ organ_id: string; name: string; kind: Recipient["kind"]; line: string | null }>,
  at: Date,
): Promise<void> {
  const issuer = await trx
    .selectFrom("agencies")
    .select("organ_id")
    .where("id", "=", original.agency_id)
    .executeTakeFirstOrThrow();
  if (!issuer.organ_id || !original.exchange_id)
    throw fail("EXCHANGE_NO_ORGAN_ID", `agency ${original.agency_id} has no organ id`, [
      { path: "deliverTo", message: to.map((t) => t.name).join("; ") },
    ]);
  for (const t of to) {
    const delivery = await trx
      .insertInto("deliveries")
      .values({
        document_id: original.id,
        from_agency_id: original.agency_id,
        to_organ_id: t.organ_id,
        external_name: t.name,
        kind: t.kind,
        line: t.line,
        exchange_document_id: original.exchange_id,
        status: "00",
        sent_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await enqueue(trx, {
      agencyId: original.agency_id,
      peerOrganId: t.organ_id,
      kind: "document",
      // A document that corrects or replaces an issued one (corrects_id) replaces it (3).
      businessType: original.corrects_id ? 3 : 0,
      exchangeDocumentId: original.exchange_id,
      documentId: original.id,
      deliveryId: delivery.id,
      payload: original.corrects_id ? { replaces: await replacedExchangeId(trx, original) } : {},
      at,
    });
  }
}

/** The DocumentId of the document a new one corrects or replaces. */
async function replacedExchangeId(trx: Transaction<Database>, doc: DocumentRow) {
  const old = await trx
    .selectFrom("documents")
    .select("exchange_id")
    .where("id", "=", doc.corrects_id!)
    .executeTakeFirst();
  return old?.exchange_id ?? undefined;
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
      // A new version: the recipient's copy follows its copy of the old one.
      ...(source.corrects_id && !to.forward
        ? {
            replaces_id:
              (
                await trx
                  .selectFrom("deliveries")
                  .select("received_id")
                  .where("document_id", "=", source.corrects_id)
                  .where("to_agency_id", "=", to.agencyId)
                  .executeTakeFirst()
              )?.received_id ?? null,
            replace_kind: "replace" as const,
          }
        : {}),
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
