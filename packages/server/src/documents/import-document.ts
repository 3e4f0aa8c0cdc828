/**
 * Importing a received document (.txt, .md, .docx, .pdf): the file is checked (its name's
 * extension and its content must agree), its text extracted and parsed, and it is kept as an
 * incoming document waiting for the clerk to confirm the parsed fields and register it. The same
 * file imported twice into one agency is one document.
 */
import { createHash } from "node:crypto";
import { detectFormat } from "@vanthu/extract";
import { normalizeText, parseDocument } from "@vanthu/core";
import type { AppContext, Actor } from "../context.ts";
import { hasRole } from "../context.ts";
import { fail } from "../errors.ts";
import { recordAudit } from "../audit.ts";
import { columnsOf, contentFromParsed } from "./document-content.ts";
import { syncCitations } from "../links/sync-citations.ts";

const EXTENSIONS: Record<string, "text" | "docx" | "pdf"> = {
  txt: "text",
  md: "text",
  docx: "docx",
  pdf: "pdf",
};
const MEDIA: Record<string, string> = {
  text: "text/plain; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/** Extraction problems and the API's codes for them. */
const EXTRACT_CODES: Record<string, string> = {
  EMPTY_FILE: "EMPTY_FILE",
  FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_FORMAT_DOC: "UNSUPPORTED_FILE_TYPE",
  UNSUPPORTED_FORMAT: "UNSUPPORTED_FILE_TYPE",
  BINARY_CONTENT: "CORRUPT_FILE",
  UNREADABLE_PDF: "CORRUPT_FILE",
  UNREADABLE_DOCX: "CORRUPT_FILE",
  UNREADABLE_DOC: "CORRUPT_FILE",
  DOC_ENCRYPTED: "FILE_ENCRYPTED",
  PDF_ENCRYPTED: "FILE_ENCRYPTED",
  PDF_NO_TEXT_LAYER: "FILE_NOT_READABLE",
  NO_TEXT: "FILE_NOT_READABLE",
  LEGACY_ENCODING_VNI: "LEGACY_ENCODING_VNI",
  // Over a limit (413): refused before the costly part, nothing reaches the database.
  FILE_TOO_COMPLEX: "FILE_TOO_COMPLEX",
  PDF_TOO_MANY_PAGES: "PDF_TOO_MANY_PAGES",
  TEXT_TOO_LONG: "TEXT_TOO_LONG",
  // The reader's worker ran out of time or memory (422), or the reader is full (503).
  READ_TIMEOUT: "READ_TIMEOUT",
  READ_OUT_OF_MEMORY: "READ_OUT_OF_MEMORY",
  READER_BUSY: "READER_BUSY",
  READER_CLOSED: "READER_BUSY",
};

/**
 * The file's hash, a megabyte at a time with other requests served in between: a 19 MB upload
 * hashed at once held the event loop 40–60 ms.
 */
async function sha256InSlices(bytes: Uint8Array): Promise<string> {
  const hash = createHash("sha256");
  const slice = 1024 * 1024;
  for (let at = 0; at < bytes.length; at += slice) {
    if (at) await new Promise((resolve) => setImmediate(resolve));
    hash.update(bytes.subarray(at, at + slice));
  }
  return hash.digest("hex");
}

export interface ImportResult {
  id: string;
  duplicate: boolean;
  notes: Array<{ code: string; message: string }>;
}

export async function importDocument(
  ctx: AppContext,
  actor: Actor,
  file: { bytes: Uint8Array; fileName: string },
): Promise<ImportResult> {
  if (!hasRole(actor, "clerk"))
    throw fail("FORBIDDEN", `${actor.username} may not register documents`);
  const name = file.fileName.normalize("NFC").replace(/[/\\]/g, "_").slice(-200) || "document";
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const expected = EXTENSIONS[ext];
  const where = [{ path: "file", message: name }];
  if (!expected) throw fail("UNSUPPORTED_FILE_TYPE", `extension .${ext}`, where);
  if (file.bytes.length === 0) throw fail("EMPTY_FILE", "empty upload", where);
  if (file.bytes.length > ctx.config.maxUploadBytes)
    throw fail("PAYLOAD_TOO_LARGE", "upload too large", where);
  const found = detectFormat(file.bytes, name);
  if (found !== expected)
    throw fail("CORRUPT_FILE", `.${ext} file whose content is ${found}`, where);

  const sha256 = await sha256InSlices(file.bytes);
  const existing = await ctx.db
    .selectFrom("documents")
    .select("id")
    .where("agency_id", "=", actor.agencyId)
    .where("content_sha256", "=", sha256)
    .executeTakeFirst();
  if (existing) return { id: existing.id, duplicate: true, notes: [] };

  // In a worker of the reader pool: a hostile file costs that worker, not this event loop.
  const extracted = await ctx.reader.extractText(file.bytes, name);
  const fatal = extracted.notes.find((n) => n.fatal);
  if (fatal) throw fail(EXTRACT_CODES[fatal.code] ?? "CORRUPT_FILE", fatal.message, where);
  const parsed = parseDocument(extracted.text);
  const content = contentFromParsed(parsed);
  const now = ctx.now();
  const stored = await ctx.files.put(file.bytes);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("files")
      .values({ sha256, size: stored.size, media_type: MEDIA[expected]! })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    const row = await trx
      .insertInto("documents")
      .values({
        ...columnsOf(content, normalizeText(extracted.text)),
        reference: parsed.reference,
        agency_id: actor.agencyId,
        direction: "incoming",
        status: "draft",
        content_sha256: sha256,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(["agency_id", "content_sha256"])
          .where("content_sha256", "is not", null)
          .doNothing(),
      )
      .returning("id")
      .executeTakeFirst();
    if (!row) return null;
    await trx
      .insertInto("document_files")
      .values({ document_id: row.id, name, sha256, role: "original", created_at: now })
      .execute();
    await syncCitations(trx, row.id, normalizeText(extracted.text), parsed.reference);
    await recordAudit(trx, {
      actor,
      action: "document.import",
      entity: "document",
      entityId: row.id,
      after: { file: name, sha256, reference: parsed.reference, subject: parsed.subject },
      at: now,
    });
    return row.id;
  });
  if (!id) {
    // Imported by someone else at the same moment.
    const again = await ctx.db
      .selectFrom("documents")
      .select("id")
      .where("agency_id", "=", actor.agencyId)
      .where("content_sha256", "=", sha256)
      .executeTakeFirstOrThrow();
    return { id: again.id, duplicate: true, notes: [] };
  }
  return {
    id,
    duplicate: false,
    notes: [
      ...extracted.notes.map((n) => ({ code: n.code, message: n.message })),
      ...parsed.notes.map((n) => ({ code: n.code, message: n.message })),
    ],
  };
}
