/** Keeps `document_citations` in step with a document's text (called wherever the text is written). */
import type { Insertable, Transaction } from "kysely";
import { parseDocument, referenceKey, type Citation } from "@vanthu/core";
import type { Database } from "@vanthu/db";

export type CitationRow = Insertable<Database["document_citations"]>;

/** The citations of `body` as rows of `documentId`: each cited reference once, not its own. */
export function citationRows(
  documentId: string,
  body: string,
  ownReference: string | null,
  /** The citations of `body` when the caller has parsed it already (an import). */
  citations?: Citation[],
): CitationRow[] {
  const own = ownReference ? referenceKey(ownReference) : null;
  const seen = new Set<string>();
  const rows: CitationRow[] = [];
  for (const c of citations ?? parseDocument(body).citations) {
    const key = referenceKey(c.reference);
    if (key === own || seen.has(key)) continue;
    seen.add(key);
    rows.push({
      document_id: documentId,
      position: rows.length,
      reference: c.reference,
      reference_key: key,
      type_name: c.typeName,
      cited_date: c.date,
      issuer: c.issuer,
    });
  }
  return rows;
}

export async function syncCitations(
  trx: Transaction<Database>,
  documentId: string,
  body: string,
  ownReference: string | null,
  /** The citations of `body` when the caller has parsed it already (an import). */
  citations?: Citation[],
): Promise<number> {
  await trx.deleteFrom("document_citations").where("document_id", "=", documentId).execute();
  const rows = citationRows(documentId, body, ownReference, citations);
  if (rows.length) await trx.insertInto("document_citations").values(rows).execute();
  return rows.length;
}
