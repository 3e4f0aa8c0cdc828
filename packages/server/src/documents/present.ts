/** A document row as the API shows it (the contract's DocumentSummary and DocumentDetail). */
import type { DocumentDetail, DocumentSummary } from "@vanthu/contract";
import type { DocumentRow } from "@vanthu/db";
import { readContent } from "../stored-json.ts";

export function summary(
  row: Pick<
    DocumentRow,
    | "id"
    | "direction"
    | "status"
    | "reference"
    | "type_code"
    | "type_name"
    | "subject"
    | "issuer_name"
    | "document_date"
    | "is_public"
    | "created_at"
    | "urgency"
    | "secrecy"
  >,
): DocumentSummary {
  return {
    id: row.id,
    direction: row.direction,
    status: row.status,
    reference: row.reference,
    typeCode: row.type_code,
    typeName: row.type_name,
    subject: row.subject,
    issuer: row.issuer_name,
    date: row.document_date,
    isPublic: row.is_public,
    createdAt: row.created_at.toISOString(),
    urgency: row.urgency,
    secrecy: row.secrecy,
  };
}

export function detail(row: DocumentRow): DocumentDetail {
  return {
    ...summary(row),
    agencyId: row.agency_id,
    format: row.format,
    number: row.number,
    symbol: row.symbol,
    place: row.place,
    signerName: row.signer_name,
    content: readContent(row.content, row.id),
    text: row.body,
    correctsId: row.corrects_id,
    sourceId: row.source_id,
    parentId: row.parent_id,
    issuedAt: row.issued_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}
