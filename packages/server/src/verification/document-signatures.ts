/**
 * The signatures of a document: those of its PDF (a received original, the issued PDF; a
 * delivered copy's are its original's), verified when first looked at and kept (verify-file.ts).
 */
import type { DocumentRow } from "@vanthu/db";
import type { DocumentSignatures } from "@vanthu/contract";
import type { AppContext } from "../context.ts";
import { verifyStoredFile } from "./verify-file.ts";

/** The PDF a document's signatures are read from: its own first, else its original's. */
export async function documentPdf(
  ctx: AppContext,
  row: Pick<DocumentRow, "id" | "source_id">,
): Promise<{ name: string; sha256: string } | null> {
  const holders = row.source_id ? [row.id, row.source_id] : [row.id];
  const files = await ctx.db
    .selectFrom("document_files")
    .innerJoin("files", "files.sha256", "document_files.sha256")
    .select(["document_files.document_id", "document_files.name", "files.sha256"])
    .where("document_files.document_id", "in", holders)
    .where("document_files.role", "in", ["original", "rendered"])
    .where("files.media_type", "=", "application/pdf")
    .orderBy("document_files.created_at")
    .execute();
  const file = files.find((f) => f.document_id === row.id) ?? files[0];
  return file ? { name: file.name, sha256: file.sha256 } : null;
}

export async function documentSignatures(
  ctx: AppContext,
  row: Pick<DocumentRow, "id" | "source_id">,
): Promise<DocumentSignatures | null> {
  const pdf = await documentPdf(ctx, row);
  if (!pdf) return null;
  const found = await verifyStoredFile(ctx, pdf.sha256);
  return found ? { file: pdf.name, ...found } : null;
}
