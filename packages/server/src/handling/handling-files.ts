/**
 * Files added while handling a received document (a photo of the paper, a draft answer, a
 * table): checked as report files are (followup/report-files.ts `acceptedFile`), written to the
 * file store before the transaction that records them as a note (files/file-store.ts); read back
 * by the agency that holds the document.
 */
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import { isUuid } from "../documents/access.ts";
import { loadDocument } from "../documents/load-document.ts";
import { acceptedFile } from "../followup/report-files.ts";
import { addHandlingNote } from "./work-on-document.ts";

export async function attachHandlingFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  file: { bytes: Uint8Array; fileName: string },
): Promise<{ id: string; name: string; size: number }> {
  // Not the agency's document: "not found" before anything is stored.
  await loadDocument(ctx.db, actor, id, { own: true });
  const { name, type } = acceptedFile(ctx, file);
  const stored = await ctx.files.put(file.bytes);
  const note = await addHandlingNote(ctx, actor, id, {
    text: "",
    file: { name, sha256: stored.sha256, size: stored.size, mediaType: type.media },
  });
  return { id: note.id, name, size: stored.size };
}

export async function readHandlingFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  noteId: string,
): Promise<{ bytes: Buffer; mediaType: string; name: string }> {
  const doc = await loadDocument(ctx.db, actor, id, { own: true });
  const row = isUuid(noteId)
    ? await ctx.db
        .selectFrom("handling_notes")
        .innerJoin("files", "files.sha256", "handling_notes.file_sha256")
        .select(["files.sha256", "files.media_type", "handling_notes.file_name"])
        .where("handling_notes.id", "=", noteId)
        .where("handling_notes.document_id", "=", doc.id)
        .executeTakeFirst()
    : undefined;
  const bytes = row ? await ctx.files.get(row.sha256) : null;
  if (!row || !bytes) throw fail("FILE_NOT_FOUND", `no file ${noteId} on ${id}`);
  return { bytes, mediaType: row.media_type, name: row.file_name ?? "tep" };
}
