/**
 * Duplicates of a received record (ND30: one document, one entry in the register): the agency's
 * earlier registered records with the same reference (reference_key), the same issuer (folded)
 * and the same date, or the same original received twice (delivered and forwarded: the same
 * `source_id`), or the same file imported twice (`content_sha256`), or the same exchange
 * DocumentId (`exchange_id`: the same document through the exchange and another route). The register dialog asks
 * before the clerk presses the button; registering checks again under the record's lock.
 */
import { defaultDeadline, foldKey, referenceKey } from "@vanthu/core";
import type { ApiReply, Duplicate, DuplicatesQuery } from "@vanthu/contract";
import type { DocumentRow } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { localDate } from "../context.ts";
import { fail } from "../errors.ts";
import { loadDocument } from "../documents/load-document.ts";
import { deadlineContext } from "./deadline-settings.ts";
import type { Db } from "./handling-rules.ts";

export interface DuplicateFields {
  reference: string | null;
  issuer: string | null;
  date: string | null;
}

export async function findDuplicates(
  db: Db,
  row: DocumentRow,
  fields: DuplicateFields,
): Promise<Duplicate[]> {
  const key = fields.reference ? referenceKey(fields.reference) : null;
  const byReference = !!key && !!fields.date;
  if (!byReference && !row.source_id && !row.content_sha256 && !row.exchange_id) return [];
  const rows = await db
    .selectFrom("documents")
    .leftJoin("register_entries", "register_entries.document_id", "documents.id")
    .select([
      "documents.id",
      "documents.reference",
      "documents.reference_key",
      "documents.issuer_name",
      "documents.document_date",
      "documents.subject",
      "documents.source_id",
      "documents.content_sha256",
      "documents.exchange_id",
      "register_entries.number",
      "register_entries.registered_at",
    ])
    .where("documents.agency_id", "=", row.agency_id)
    .where("documents.direction", "=", "incoming")
    .where("documents.status", "=", "registered")
    .where("documents.attached_to", "is", null)
    .where("documents.id", "!=", row.id)
    .where((eb) =>
      eb.or([
        ...(byReference
          ? [
              eb.and([
                eb("documents.reference_key", "=", key),
                eb("documents.document_date", "=", fields.date),
              ]),
            ]
          : []),
        ...(row.source_id ? [eb("documents.source_id", "=", row.source_id)] : []),
        ...(row.content_sha256 ? [eb("documents.content_sha256", "=", row.content_sha256)] : []),
        ...(row.exchange_id ? [eb("documents.exchange_id", "=", row.exchange_id)] : []),
      ]),
    )
    .orderBy("register_entries.registered_at")
    .limit(20)
    .execute();
  const issuer = fields.issuer ? foldKey(fields.issuer) : null;
  return rows.flatMap((r): Duplicate[] => {
    const why: Duplicate["why"] | null =
      row.source_id && r.source_id === row.source_id
        ? "source"
        : row.content_sha256 && r.content_sha256 === row.content_sha256
          ? "file"
          : row.exchange_id && r.exchange_id === row.exchange_id
            ? "exchange"
            : // The same reference and date, from the same issuer when both name one.
              byReference &&
                r.reference_key === key &&
                r.document_date === fields.date &&
                (!issuer || !r.issuer_name || foldKey(r.issuer_name) === issuer)
              ? "reference"
              : null;
    if (!why) return [];
    return [
      {
        id: r.id,
        reference: r.reference,
        issuer: r.issuer_name,
        date: r.document_date,
        subject: r.subject,
        number: r.number,
        registeredAt: r.registered_at?.toISOString() ?? null,
        why,
      },
    ];
  });
}

/** The register dialog's check: the duplicates of the fields as typed, and the default deadline. */
export async function registrationCheck(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: DuplicatesQuery,
): Promise<ApiReply<"GET /api/documents/:id/duplicates">> {
  const row = await loadDocument(ctx.db, actor, id, { own: true });
  if (row.direction !== "incoming") throw fail("NOT_A_DRAFT", `document ${id} is not incoming`);
  const items = await findDuplicates(ctx.db, row, {
    reference: query.reference || row.reference,
    issuer: query.issuer || row.issuer_name,
    date: query.date ?? row.document_date,
  });
  const { rules, holidays } = await deadlineContext(ctx.db, actor.agencyId);
  const deadline = defaultDeadline({
    arrivedOn: query.arrivedOn ?? localDate(ctx, ctx.now()),
    typeCode: query.typeCode || row.type_code,
    urgency: query.urgency ?? row.urgency,
    text: row.body,
    rules,
    holidays,
  });
  return {
    items,
    deadline: deadline
      ? { dueOn: deadline.due, source: deadline.source, workingDays: deadline.workingDays }
      : null,
    urgency: row.urgency,
  };
}
