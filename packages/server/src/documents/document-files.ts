/**
 * One stored file of a document, with its bytes: by name (the files API) or by role (the
 * portal's rendered PDF). A delivered copy holds the original's files too, so the caller passes
 * every document id whose files count.
 */
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { loadDocument } from "./load-document.ts";
import { fileHolders } from "../handling/read-handling.ts";

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

/** A file of a document the reader may see, by name (its copy's files are the original's). */
export async function readDocumentFile(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  name: string,
): Promise<{ bytes: Buffer; mediaType: string; name: string }> {
  const row = await loadDocument(ctx.db, actor, id);
  // The files of the later records attached to it are listed on it (their own agency's only).
  const holders =
    actor && row.agency_id === actor.agencyId
      ? await fileHolders(ctx, row)
      : row.source_id
        ? [id, row.source_id]
        : [id];
  const file = await findDocumentFile(ctx, holders, { name });
  if (!file) throw fail("FILE_NOT_FOUND", `no file ${name} on ${id}`);
  return file;
}
