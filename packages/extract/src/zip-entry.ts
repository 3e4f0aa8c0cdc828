/**
 * One part of a zip archive, unpacked with a hard cap on its output. The archive's directory has
 * been checked against the limits first (checkDocxArchive); this cap catches an entry that lies
 * about its size: inflating stops at the declared size, so a part can never unpack to more than
 * the directory said and the limits allowed.
 */
import { inflateRawSync } from "node:zlib";
import type { ZipEntry } from "./zip-directory.ts";

const LOCAL = 0x04034b50;

export class ZipEntryError extends Error {
  constructor(
    readonly code: "UNREADABLE_DOCX" | "FILE_TOO_COMPLEX",
    message: string,
  ) {
    super(message);
    this.name = "ZipEntryError";
  }
}

/** The entry's bytes, at most `maxBytes` (and never more than it declares). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const damaged = (why: string) =>
    new ZipEntryError("UNREADABLE_DOCX", `The .docx file is damaged: ${entry.name}: ${why}.`);
  if (entry.flags & 1) throw damaged("the part is encrypted");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at < 0 || at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL)
    throw damaged("no local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged("the part is cut short");
  const data = bytes.subarray(start, end);
  const cap = Math.min(entry.uncompressedSize, maxBytes);
  if (entry.uncompressedSize > maxBytes)
    throw new ZipEntryError(
      "FILE_TOO_COMPLEX",
      `The part ${entry.name} unpacks to more than ${maxBytes} bytes.`,
    );
  if (entry.method === 0) {
    if (data.length > cap) throw damaged("stored part longer than declared");
    return data;
  }
  if (entry.method !== 8) throw damaged(`compression method ${entry.method} is not supported`);
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }));
  } catch (error) {
    // A header that lies about the size: the file is damaged (or built to hurt), not big.
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw damaged(`the part unpacks to more than the ${cap} bytes it declares`);
    throw damaged((error as Error).message);
  }
}
