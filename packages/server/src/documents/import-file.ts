/**
 * What every import of a received file does, whether it runs inside the request (the single-file
 * route) or as an item of an import batch in a worker: the checks before the file is stored
 * (extension and content agree, not empty, not too large), the reading in the reader pool and
 * the parse contract of the file (`parseExtracted`: one result per document the file holds), and
 * the records: one incoming draft per document, the n-th document of the file being part n, each
 * written with ON CONFLICT DO NOTHING on (agency, file hash, part) so that a file is imported
 * once per agency however many times it is sent or taken.
 */
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { detectFormat, parseExtracted, type ExtractedText, type ParsedFile } from "@vanthu/extract";
import { normalizeText } from "@vanthu/core";
import type { Database, ImportedPart } from "@vanthu/db";
import type { Actor, AppContext } from "../context.ts";
import { fail } from "../errors.ts";
import type { ErrorCode } from "../error-codes.ts";
import { recordAudit } from "../audit.ts";
import { columnsOf, contentFromParsed } from "./document-content.ts";
import { syncCitations } from "../links/sync-citations.ts";

export type ImportKind = "text" | "docx" | "doc" | "pdf" | "image";

export const IMPORT_EXTENSIONS: Record<string, ImportKind> = {
  txt: "text",
  md: "text",
  docx: "docx",
  doc: "doc",
  pdf: "pdf",
  // Scans as images, read by text recognition (OCR).
  png: "image",
  jpg: "image",
  jpeg: "image",
  tif: "image",
  tiff: "image",
};
const MEDIA: Record<ImportKind, string> = {
  text: "text/plain; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  pdf: "application/pdf",
  image: "application/octet-stream",
};

const IMAGE_MEDIA: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
};

/** Extraction problems and the API's codes for them. */
const EXTRACT_CODES: Record<string, ErrorCode> = {
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
  // Images and scans read by OCR (an image the recogniser cannot read is not readable either).
  UNREADABLE_IMAGE: "CORRUPT_FILE",
  OCR_FAILED: "FILE_NOT_READABLE",
  OCR_DISABLED: "FILE_NOT_READABLE",
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

/** A file name as stored: NFC, no separators, at most 200 characters (the end kept). */
export function storedName(fileName: string): string {
  return fileName.normalize("NFC").replace(/[/\\]/g, "_").slice(-200) || "document";
}

export interface CheckedFile {
  name: string;
  kind: ImportKind;
  mediaType: string;
}

/** The checks made before a file is stored or read; an AppError names what is wrong. */
export function checkImportFile(
  ctx: Pick<AppContext, "config">,
  fileName: string,
  bytes: Uint8Array,
  truncated = false,
): CheckedFile {
  const name = storedName(fileName);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const expected = IMPORT_EXTENSIONS[ext];
  const where = [{ path: "file", message: name }];
  if (!expected) throw fail("UNSUPPORTED_FILE_TYPE", `extension .${ext}`, where);
  if (truncated || bytes.length > ctx.config.maxUploadBytes)
    throw fail("PAYLOAD_TOO_LARGE", "upload too large", where);
  if (bytes.length === 0) throw fail("EMPTY_FILE", "empty upload", where);
  const found = detectFormat(bytes, name);
  if (found !== expected)
    throw fail("CORRUPT_FILE", `.${ext} file whose content is ${found}`, where);
  const mediaType = expected === "image" ? IMAGE_MEDIA[ext]! : MEDIA[expected];
  return { name, kind: expected, mediaType };
}

/**
 * The file's hash, a megabyte at a time with other requests served in between: a 19 MB upload
 * hashed at once held the event loop 40–60 ms.
 */
export async function sha256InSlices(bytes: Uint8Array): Promise<string> {
  const hash = createHash("sha256");
  const slice = 1024 * 1024;
  for (let at = 0; at < bytes.length; at += slice) {
    if (at) await new Promise((resolve) => setImmediate(resolve));
    hash.update(bytes.subarray(at, at + slice));
  }
  return hash.digest("hex");
}

export interface ReadFile {
  extracted: ExtractedText;
  parsed: ParsedFile;
}

/**
 * Reads the file in the reader pool (a hostile file costs a reader, not this event loop) and
 * parses it into one result per document. A fatal note becomes an AppError with the API's code.
 */
export async function readImportFile(
  ctx: Pick<AppContext, "reader">,
  bytes: Uint8Array,
  name: string,
): Promise<ReadFile> {
  const extracted = await ctx.reader.extractText(bytes, name);
  const fatal = extracted.notes.find((n) => n.fatal);
  if (fatal)
    throw fail(EXTRACT_CODES[fatal.code] ?? "CORRUPT_FILE", `${fatal.code}: ${fatal.message}`, [
      { path: "file", message: name },
    ]);
  // The parse runs here, between other requests: one document at a time, back to the event loop
  // between them (parseExtracted itself is synchronous; a file of many documents is long).
  await new Promise((resolve) => setImmediate(resolve));
  return { extracted, parsed: parseExtracted(extracted) };
}

/** The documents an agency already holds from a file, by part. */
export async function findImported(
  db: AppContext["db"] | Transaction<Database>,
  agencyId: string,
  sha256: string,
): Promise<Array<{ id: string; part: number }>> {
  const rows = await db
    .selectFrom("documents")
    .select(["id", "content_part"])
    .where("agency_id", "=", agencyId)
    .where("content_sha256", "=", sha256)
    .orderBy("content_part")
    .execute();
  return rows.map((r) => ({ id: r.id, part: r.content_part }));
}

/** The notes of a reading, as the API and the batch items give them. */
export function readNotes(read: ReadFile): Array<{ code: string; message: string }> {
  return read.parsed.notes.map((n) => ({ code: n.code, message: n.message }));
}

/**
 * In the caller's transaction: the file's row, then one incoming draft per document of the file
 * (kept if already there), its original file, its citations and the audit. Returns every part,
 * new or found.
 */
export async function saveImportedDocuments(
  trx: Transaction<Database>,
  actor: Actor,
  file: { name: string; sha256: string; size: number; mediaType: string },
  read: ReadFile,
  now: Date,
  audit: Record<string, unknown> = {},
): Promise<ImportedPart[]> {
  await trx
    .insertInto("files")
    .values({ sha256: file.sha256, size: file.size, media_type: file.mediaType })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
  const parts: ImportedPart[] = [];
  const documents = read.parsed.documents;
  for (const [part, doc] of documents.entries()) {
    const body = normalizeText(read.extracted.text.slice(doc.range[0], doc.range[1]));
    const row = await trx
      .insertInto("documents")
      .values({
        ...columnsOf(contentFromParsed(doc), body),
        reference: doc.reference,
        agency_id: actor.agencyId,
        direction: "incoming",
        status: "draft",
        content_sha256: file.sha256,
        content_part: part,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(["agency_id", "content_sha256", "content_part"])
          .where("content_sha256", "is not", null)
          .doNothing(),
      )
      .returning("id")
      .executeTakeFirst();
    const pages = doc.pages ?? null;
    if (!row) {
      // Imported already (by someone else at the same moment, or an earlier taking of this item).
      const had = await trx
        .selectFrom("documents")
        .select("id")
        .where("agency_id", "=", actor.agencyId)
        .where("content_sha256", "=", file.sha256)
        .where("content_part", "=", part)
        .executeTakeFirstOrThrow();
      parts.push({ id: had.id, part, created: false, pages });
      continue;
    }
    await trx
      .insertInto("document_files")
      .values({
        document_id: row.id,
        name: file.name,
        sha256: file.sha256,
        role: "original",
        created_at: now,
      })
      .execute();
    await syncCitations(trx, row.id, body, doc.reference, doc.citations);
    await recordAudit(trx, {
      actor,
      action: "document.import",
      entity: "document",
      entityId: row.id,
      after: {
        file: file.name,
        sha256: file.sha256,
        ...(documents.length > 1 ? { part, of: documents.length, pages } : {}),
        reference: doc.reference,
        subject: doc.subject,
        ...audit,
      },
      at: now,
    });
    parts.push({ id: row.id, part, created: true, pages });
  }
  return parts;
}
