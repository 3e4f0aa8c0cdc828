/**
 * A PDF kept in the file store, attached to a document in the caller's transaction: its `files`
 * row (once per content) and its `document_files` row. The issued PDF, drawn or signed, and the
 * leader's signed draft go through here.
 */
import type { Transaction } from "kysely";
import type { Database, DocumentFileTable } from "@vanthu/db";

/** The issued PDF's file name: the reference with its slashes made safe ("01_STTTT-VP.pdf"). */
export const issuedPdfName = (reference: string) => `${reference.replace(/[/\\]/g, "_")}.pdf`;

export async function attachPdf(
  trx: Transaction<Database>,
  file: {
    documentId: string;
    name: string;
    sha256: string;
    size: number;
    role: DocumentFileTable["role"];
    /** Where the blanks and the signature block are (a signed draft), as JSON. */
    placements?: string;
    /** Another process may attach the same name at once: the first one stays. */
    idempotent?: boolean;
  },
): Promise<void> {
  await trx
    .insertInto("files")
    .values({ sha256: file.sha256, size: file.size, media_type: "application/pdf" })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  const q = trx.insertInto("document_files").values({
    document_id: file.documentId,
    name: file.name,
    sha256: file.sha256,
    role: file.role,
    ...(file.placements !== undefined ? { placements: file.placements } : {}),
  });
  await (
    file.idempotent ? q.onConflict((oc) => oc.columns(["document_id", "name"]).doNothing()) : q
  ).execute();
}
