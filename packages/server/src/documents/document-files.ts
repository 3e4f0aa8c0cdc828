/**
 * One stored file of a document, with its bytes: by name (the files API) or by role (the
 * portal's rendered PDF). A delivered copy holds the original's files too, so the caller passes
 * every document id whose files count.
 */
import type { AppContext } from "../context.ts";

export async function findDocumentFile(
  ctx: AppContext,
  holders: string[],
  by: { name: string } | { role: "original" | "rendered" | "attachment" },
): Promise<{ bytes: Buffer; mediaType: string; name: string } | null> {
  let q = ctx.db
    .selectFrom("document_files")
    .innerJoin("files", "files.sha256", "document_files.sha256")
    .select(["files.sha256", "files.media_type", "document_files.name"])
    .where("document_files.document_id", "in", holders);
  q =
    "name" in by
      ? q.where("document_files.name", "=", by.name)
      : q.where("document_files.role", "=", by.role);
  const file = await q.executeTakeFirst();
  const bytes = file ? await ctx.files.get(file.sha256) : null;
  return file && bytes ? { bytes, mediaType: file.media_type, name: file.name } : null;
}
