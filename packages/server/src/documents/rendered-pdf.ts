/**
 * The PDF of an issued document, drawn from its (immutable) content with the issue time as the
 * creation date, so that drawing it again gives the same file. Attached once; attaching is
 * idempotent, so two processes drawing it at once end with one file.
 */
import { layoutDocument } from "@vanthu/core";
import { withDeferredWrites } from "@vanthu/db";
import { renderPdfSync } from "@vanthu/render";
import type { AppContext } from "../context.ts";
import { readContent } from "../stored-json.ts";
import { attachPdf, issuedPdfName } from "../files/attach-pdf.ts";

export async function ensureRenderedPdf(ctx: AppContext, id: string): Promise<void> {
  const row = await ctx.db
    .selectFrom("documents")
    .select(["status", "content", "reference", "subject", "issued_at"])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("document_files")
            .select("name")
            .whereRef("document_id", "=", "documents.id")
            .where("role", "=", "rendered"),
        )
        .as("has_pdf"),
    )
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || row.status !== "issued" || !row.reference || row.has_pdf) return;
  const pdf = renderPdfSync(layoutDocument(readContent(row.content, id)), {
    creationDate: row.issued_at ?? ctx.now(),
    title: row.subject ?? "",
  });
  const stored = await ctx.files.put(pdf);
  const name = issuedPdfName(row.reference);
  // Its two rows in one message: one implicit transaction, one round trip.
  await withDeferredWrites(ctx.db, (db) =>
    attachPdf(db, {
      documentId: id,
      name,
      sha256: stored.sha256,
      size: stored.size,
      role: "rendered",
      idempotent: true,
    }),
  );
}
