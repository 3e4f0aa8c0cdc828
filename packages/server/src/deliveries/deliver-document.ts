/**
 * Delivering an issued document, inside the issuing transaction: each recipient agency gets its
 * own incoming record (a copy pointing to the original) with a delivery in status 01 (arrived).
 * A secret document never leaves its agency through the system (access.ts): it is delivered to
 * nobody here (it goes by hand, sealed), and its copies would not know who is named on it.
 * The receiving agency's clerks get a notification (document.arrived).
 */
import { randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Database, DocumentRow } from "@vanthu/db";
import { fail } from "../errors.ts";
import { deliverableAgencies, type DeliveryPlan, type Directory } from "./plan-delivery.ts";
import { clerksOfMany, notifyMany } from "../workflow/notify.ts";
import { enqueue } from "../exchange/outbox.ts";

export interface Recipient {
  agencyId: string;
  kind: "action" | "copy";
  /** An agency of another system (the directory's id): no record, tasks or notices here. */
  external?: boolean;
}

/**
 * Who a document goes to, read before its number is taken (nothing here needs the number, and
 * the register stays locked only for what does): the agencies of this installation with their
 * clerks and, for a new version, their copy of the old one; the agencies of other systems.
 */
export interface PreparedDelivery {
  recipients: Recipient[];
  here: Array<{
    agencyId: string;
    kind: Recipient["kind"];
    line: string | null;
    clerks: string[];
    replacesId: string | null;
  }>;
  external: Array<{
    id: string;
    organ_id: string;
    name: string;
    kind: Recipient["kind"];
    line: string | null;
  }>;
}

export async function prepareDelivery(
  trx: Transaction<Database>,
  original: Pick<DocumentRow, "agency_id" | "secrecy" | "corrects_id">,
  recipients: Recipient[],
  plan: DeliveryPlan,
  /** Read with the plan (readDelivery): what is in it is not read again. */
  directory?: Directory,
): Promise<PreparedDelivery> {
  const none: PreparedDelivery = { recipients: [], here: [], external: [] };
  if (original.secrecy) return none;
  const unique = new Map<string, Recipient>();
  for (const r of recipients)
    if (r.agencyId !== original.agency_id && unique.get(r.agencyId)?.kind !== "action")
      unique.set(r.agencyId, r);
  if (!unique.size) return none;
  // Only agencies a document can go to: not the installation's pseudo-agency, not a closed one.
  const knownIds = directory
    ? new Set([...unique.keys()].filter((id) => directory.deliverable.has(id)))
    : new Set(
        (
          await deliverableAgencies(trx)
            .select("id")
            .where("id", "in", [...unique.keys()])
            .execute()
        ).map((k) => k.id),
      );
  const notHere = [...unique.keys()].filter((id) => !knownIds.has(id));
  // Agencies of other systems: a delivery each, and a package in the outbox (exchange/).
  const external = !notHere.length
    ? []
    : directory
      ? notHere.flatMap((id) => directory.listed.get(id) ?? [])
      : await trx
          .selectFrom("directory_entries")
          .select(["id", "organ_id", "name"])
          .where("id", "in", notHere)
          .execute();
  const missing = notHere.filter((id) => !external.some((e) => e.id === id));
  if (missing.length)
    throw fail(
      "VALIDATION_FAILED",
      `unknown recipients ${missing.join(", ")}`,
      missing.map((id) => ({ path: "deliverTo", message: `Không có cơ quan ${id}.` })),
    );
  // The issuing agency needs its own identifier, or nothing could be addressed back to it.
  if (external.length) {
    const issuer =
      directory?.issuer ??
      (await trx
        .selectFrom("agencies")
        .select("organ_id")
        .where("id", "=", original.agency_id)
        .executeTakeFirstOrThrow());
    if (!issuer.organ_id)
      throw fail("EXCHANGE_NO_ORGAN_ID", `agency ${original.agency_id} has no organ id`, [
        { path: "deliverTo", message: external.map((t) => t.name).join("; ") },
      ]);
  }
  // The line it goes under, as written ("UBND tỉnh (để b/c)"): an addressee's line first.
  const lineOf = (agencyId: string, kind: Recipient["kind"]) =>
    (
      plan.lines.find((l) => l.kind === kind && l.matches.includes(agencyId)) ??
      plan.lines.find((l) => l.matches.includes(agencyId))
    )?.written ?? null;
  const hereIds = [...unique.keys()].filter((id) => knownIds.has(id));
  // The receiving agency's clerks register it (the agency as a whole if it has none); those
  // read with the plan are not read again.
  const unread = hereIds.filter((id) => !directory?.clerks.has(id));
  const clerks = new Map([
    ...(directory?.clerks ?? []),
    ...(unread.length ? await clerksOfMany(trx, unread) : []),
  ]);
  // A new version: each recipient's copy follows its copy of the old one.
  const replaces = new Map<string, string | null>();
  if (original.corrects_id && hereIds.length)
    for (const d of await trx
      .selectFrom("deliveries")
      .select(["to_agency_id", "received_id"])
      .where("document_id", "=", original.corrects_id)
      .where("to_agency_id", "in", hereIds)
      .execute())
      if (d.to_agency_id && !replaces.has(d.to_agency_id))
        replaces.set(d.to_agency_id, d.received_id);
  return {
    recipients: [...unique.values()].map((r) =>
      knownIds.has(r.agencyId) ? r : { ...r, external: true },
    ),
    here: hereIds.map((agencyId) => {
      const kind = unique.get(agencyId)!.kind;
      return {
        agencyId,
        kind,
        line: lineOf(agencyId, kind),
        clerks: clerks.get(agencyId) ?? [],
        replacesId: replaces.get(agencyId) ?? null,
      };
    }),
    external: external.map((e) => ({
      ...e,
      kind: unique.get(e.id)!.kind,
      line: lineOf(e.id, unique.get(e.id)!.kind),
    })),
  };
}

/**
 * Delivers the issued `original` as prepared: the copies, their citations and deliveries, and
 * the arrival notices, each kind of row in one statement whatever the number of recipients.
 */
export async function deliverDocument(
  trx: Transaction<Database>,
  original: DocumentRow,
  prepared: PreparedDelivery,
  at: Date,
): Promise<Recipient[]> {
  if (!prepared.recipients.length) return [];
  if (prepared.external.length) await deliverExternal(trx, original, prepared.external, at);
  if (prepared.here.length) {
    const copies = await deliverCopies(
      trx,
      original,
      prepared.here.map((r) => ({ ...r, at })),
    );
    await notifyMany(
      trx,
      prepared.here.map((r, i) => ({
        code: "document.arrived" as const,
        agencyId: r.agencyId,
        userIds: r.clerks,
        documentId: copies[i]!.receivedId,
        params: {
          reference: original.reference,
          subject: original.subject,
          issuer: original.issuer_name,
        },
        at,
      })),
    );
  }
  return prepared.recipients;
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
  to: CopyTarget,
): Promise<{ receivedId: string; deliveryId: string }> {
  // A new version: the recipient's copy follows its copy of the old one.
  const replacesId =
    source.corrects_id && !to.forward
      ? ((
          await trx
            .selectFrom("deliveries")
            .select("received_id")
            .where("document_id", "=", source.corrects_id)
            .where("to_agency_id", "=", to.agencyId)
            .executeTakeFirst()
        )?.received_id ?? null)
      : null;
  return (await deliverCopies(trx, source, [{ ...to, replacesId }]))[0]!;
}

export interface CopyTarget {
  agencyId: string;
  kind: Recipient["kind"];
  line: string | null;
  at: Date;
  /** Forwarding: the original (`source`'s own source) and the forwarder's note. */
  forward?: { originalId: string; note: string };
  /** A new version's copy: the recipient's copy of the old one (issuing reads it beforehand). */
  replacesId?: string | null;
}

/**
 * The copies of `source` for many recipients (`deliverCopy`'s rows), in three statements whatever
 * their number: the records, drawn in the database from `source`'s row (its text is not sent
 * again for each), their citations (what `source` cites), and the deliveries. The ids are made
 * here, so that the three need no answer from each other.
 */
export async function deliverCopies(
  trx: Transaction<Database>,
  source: DocumentRow,
  to: readonly CopyTarget[],
): Promise<Array<{ receivedId: string; deliveryId: string }>> {
  if (!to.length) return [];
  const made = to.map(() => ({ receivedId: randomUUID(), deliveryId: randomUUID() }));
  const replacing = !!source.corrects_id;
  await sql`
    insert into documents (
      id, agency_id, direction, status, format, type_code, type_name, number, symbol, reference,
      issuer_name, place, document_date, subject, content, body, signer_name, source_id,
      exchange_id, urgency, replaces_id, replace_kind, created_at, updated_at)
    select
      r.id, r.agency_id, 'incoming', 'draft', s.format, s.type_code, s.type_name, s.number,
      s.symbol, s.reference, s.issuer_name, s.place, s.document_date, s.subject, s.content, s.body,
      s.signer_name, r.source_id, s.exchange_id, s.urgency, r.replaces_id,
      case when r.replace_kind then 'replace' end, r.at, r.at
    from documents s,
      unnest(${made.map((m) => m.receivedId)}::uuid[], ${to.map((t) => t.agencyId)}::uuid[],
        ${to.map((t) => t.forward?.originalId ?? source.id)}::uuid[],
        ${to.map((t) => t.replacesId ?? null)}::uuid[],
        ${to.map((t) => replacing && !t.forward)}::boolean[],
        ${to.map((t) => t.at.toISOString())}::timestamptz[])
        as r(id, agency_id, source_id, replaces_id, replace_kind, at)
    where s.id = ${source.id}`.execute(trx);
  // Each copy cites what the original cites.
  await sql`
    insert into document_citations
      (document_id, position, reference, reference_key, type_name, cited_date, issuer)
    select r.id, c.position, c.reference, c.reference_key, c.type_name, c.cited_date, c.issuer
    from document_citations c, unnest(${made.map((m) => m.receivedId)}::uuid[]) as r(id)
    where c.document_id = ${source.id}`.execute(trx);
  await trx
    .insertInto("deliveries")
    .values(
      to.map((t, i) => ({
        id: made[i]!.deliveryId,
        document_id: source.id,
        from_agency_id: source.agency_id,
        to_agency_id: t.agencyId,
        kind: t.kind,
        line: t.line,
        received_id: made[i]!.receivedId,
        sent_at: t.at,
        updated_at: t.at,
        forwarded_from_id: t.forward ? source.id : null,
        note: t.forward?.note ?? null,
      })),
    )
    .execute();
  return made;
}
