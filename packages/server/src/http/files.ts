/** Uploads and downloads, the same for every route that takes or gives a file. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { fail } from "../errors.ts";
import { assertNoNul } from "./edge-input.ts";

/** The one file of a multipart/form-data request, in its field "file". */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart())
    throw fail("UNSUPPORTED_MEDIA_TYPE", "multipart/form-data expected", [
      { path: "(body)", message: "Gửi tệp dưới dạng multipart/form-data, trường “file”." },
    ]);
  const part = await request.file();
  if (!part || part.fieldname !== "file")
    throw fail("VALIDATION_FAILED", "no file part", [
      { path: "file", message: "Thiếu tệp (trường “file”)." },
    ]);
  // The edge check cannot see inside a multipart body before this point.
  assertNoNul(part.filename, "file");
  for (const [name, field] of Object.entries(part.fields)) {
    assertNoNul(name, name);
    for (const f of [field].flat())
      if (f && f.type === "field" && typeof f.value === "string") assertNoNul(f.value, name);
  }
  return { bytes: await part.toBuffer(), fileName: part.filename };
}

/** One file of a multipart request with many: its path as sent and whether it was cut at the limit. */
export interface UploadedFile {
  path: string;
  bytes: Buffer;
  /** Longer than the size limit: only the start was read (the rest was skipped). */
  truncated: boolean;
}

/**
 * The files of a multipart/form-data request with many (each in a field "file"), one at a time
 * as they arrive, so that a folder is never held in memory at once; the path of each as the
 * client sent it (a folder's relative path is kept). Fields before the files land in `fields`.
 * More than `maxFiles` files is IMPORT_TOO_MANY_FILES (the earlier ones have been yielded).
 */
export async function* readUploads(
  request: FastifyRequest,
  limits: { maxFiles: number; maxBytes: number },
  fields: Record<string, string> = {},
): AsyncGenerator<UploadedFile> {
  if (!request.isMultipart())
    throw fail("UNSUPPORTED_MEDIA_TYPE", "multipart/form-data expected", [
      { path: "(body)", message: "Gửi tệp dưới dạng multipart/form-data, trường “file”." },
    ]);
  const parts = request.parts({
    limits: {
      files: limits.maxFiles,
      parts: limits.maxFiles + 10,
      fields: 10,
      fileSize: limits.maxBytes,
    },
    preservePath: true,
    // A file over the limit is one refused item, not a refused request.
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest["parts"]>[0]);
  try {
    for await (const part of parts) {
      assertNoNul(part.fieldname, part.fieldname);
      if (part.type === "field") {
        if (typeof part.value === "string") assertNoNul(part.value, part.fieldname);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      assertNoNul(part.filename, "file");
      if (part.fieldname !== "file") {
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      yield {
        path: part.filename,
        bytes: Buffer.concat(chunks),
        truncated: part.file.truncated,
      };
    }
  } catch (e) {
    if ((e as { code?: string }).code === "FST_FILES_LIMIT")
      throw fail("IMPORT_TOO_MANY_FILES", `more than ${limits.maxFiles} files in one request`, [
        { path: "file", message: `Tối đa ${limits.maxFiles} tệp mỗi lần tải lên.` },
      ]);
    throw e;
  }
}

/**
 * Content-Disposition for any stored name (up to 200 characters, Vietnamese): RFC 8187's
 * `filename*` in UTF-8, with the characters it does not allow bare (' ( ) *) encoded too, and an
 * ASCII `filename` for old clients.
 */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A stored file as an attachment, its type as recorded, never sniffed by the browser. */
export function sendFile(
  reply: FastifyReply,
  file: { bytes: Buffer; mediaType: string; name: string },
): FastifyReply {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", contentDisposition(file.name))
    .header("x-content-type-options", "nosniff")
    .send(file.bytes);
}
