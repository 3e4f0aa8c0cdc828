/**
 * What a zip archive says it holds, read from its central directory without decompressing
 * anything: entry names and their declared sizes. A zip bomb is refused here, before the reader
 * inflates a byte. A header that lies about its sizes is caught later by the reader's memory cap.
 */
import type { ExtractLimits } from "./limits.ts";

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  /** General purpose flags; bit 0 set means the entry is encrypted. */
  flags: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

/** Reads the central directory; stops after `maxEntries + 1` entries (enough to refuse). */
export function readZipDirectory(bytes: Uint8Array, maxEntries = Infinity): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const fits = (at: number, n: number) => at >= 0 && at + n <= bytes.length;
  // The end record is the last 22 bytes, plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: "no end of central directory" };
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (!fits(locator, 20) || u32(locator) !== ZIP64_LOCATOR)
      return { ok: false, reason: "zip64 locator missing" };
    const record = u64(locator + 8);
    if (!fits(record, 56) || u32(record) !== ZIP64_EOCD)
      return { ok: false, reason: "zip64 end record missing" };
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (!fits(offset, size)) return { ok: false, reason: "central directory out of bounds" };
  const entries: ZipEntry[] = [];
  const names = new TextDecoder("utf-8");
  let at = offset;
  for (let i = 0; i < count && entries.length <= maxEntries; i++) {
    if (!fits(at, 46) || u32(at) !== CENTRAL) return { ok: false, reason: "bad central entry" };
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    let localOffset = u32(at + 42);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!fits(at + 46, nameLength + extraLength)) return { ok: false, reason: "truncated entry" };
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 sizes live in the extra field (id 1), uncompressed first, then compressed, then the
    // local header's offset, each only if its 32-bit field is saturated.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(x);
      const length = u16(x + 2);
      if (id === 1) {
        let field = x + 4;
        if (uncompressedSize === 0xffffffff && field + 8 <= x + 4 + length) {
          uncompressedSize = u64(field);
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= x + 4 + length) {
          compressedSize = u64(field);
          field += 8;
        }
        if (localOffset === 0xffffffff && field + 8 <= x + 4 + length) localOffset = u64(field);
      }
      x += 4 + length;
    }
    entries.push({ name, compressedSize, uncompressedSize, method, flags, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

export interface ArchiveProblem {
  code: "FILE_TOO_COMPLEX" | "UNREADABLE_DOCX";
  message: string;
}

/** Checks a .docx's declared contents against the limits; null when it may be decompressed. */
export function checkDocxArchive(bytes: Uint8Array, limits: ExtractLimits): ArchiveProblem | null {
  const dir = readZipDirectory(bytes, limits.maxDocxEntries);
  if (!dir.ok)
    return { code: "UNREADABLE_DOCX", message: `The .docx file is damaged: ${dir.reason}.` };
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (dir.entries.length > limits.maxDocxEntries)
    return {
      code: "FILE_TOO_COMPLEX",
      message: `The .docx archive holds more than ${limits.maxDocxEntries} parts.`,
    };
  let xml = 0;
  let total = 0;
  for (const e of dir.entries) {
    total += e.uncompressedSize;
    const media = /^word\/(media|embeddings)\//i.test(e.name);
    if (!media) xml += e.uncompressedSize;
    if (
      !media &&
      e.uncompressedSize > 1024 * 1024 &&
      e.uncompressedSize > Math.max(1, e.compressedSize) * limits.maxDocxRatio
    )
      return {
        code: "FILE_TOO_COMPLEX",
        message: `The part ${e.name} unpacks to ${mb(e.uncompressedSize)} from ${Math.ceil(e.compressedSize / 1024)} KB: a compression bomb.`,
      };
  }
  if (xml > limits.maxDocxXmlBytes)
    return {
      code: "FILE_TOO_COMPLEX",
      message: `The .docx text parts unpack to ${mb(xml)}, more than ${mb(limits.maxDocxXmlBytes)}.`,
    };
  if (total > limits.maxDocxTotalBytes)
    return {
      code: "FILE_TOO_COMPLEX",
      message: `The .docx file unpacks to ${mb(total)}, more than ${mb(limits.maxDocxTotalBytes)}.`,
    };
  return null;
}
