/** Uploads and downloads, the same for every route that takes or gives a file. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { fail } from "../errors.ts";

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
  return { bytes: await part.toBuffer(), fileName: part.filename };
}

/** A stored file as an attachment, its type as recorded, never sniffed by the browser. */
export function sendFile(
  reply: FastifyReply,
  file: { bytes: Buffer; mediaType: string; name: string },
): FastifyReply {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header("x-content-type-options", "nosniff")
    .send(file.bytes);
}
