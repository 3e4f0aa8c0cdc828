import { readFileSync } from "node:fs";
import { ReaderPool, detectFormat, extractText, type ExtractLimits } from "@vanthu/extract";
// The configuration alone (zod): the server itself, its database and PGlite stay unloaded.
import { loadReaderConfig } from "@vanthu/server/config";
import { atCommandEnd } from "./cleanup.ts";
import { readResult, type ReadResult } from "./read-result.ts";

export type { ReadResult } from "./read-result.ts";

let shared: ReaderPool | null = null;
let config: ReturnType<typeof loadReaderConfig> | null = null;

/**
 * The reader's settings, from the same variables as the server's (MAX_PDF_PAGES, MAX_TEXT_MB,
 * READER_MEMORY_MB, ...); a bad one throws the server's ConfigError.
 */
export function readerConfig(): ReturnType<typeof loadReaderConfig> {
  config ??= loadReaderConfig();
  return config;
}

/** The limits extraction runs under, in the reader or in this process. */
export function readerLimits(): Partial<ExtractLimits> {
  return readerConfig().limits;
}

/**
 * The command's reader pool, made on the first file that needs it (a .docx or a PDF) and kept
 * for the next ones (its worker takes a few hundred ms to start; a small file then takes a few
 * ms). Stopped when the command ends.
 */
export function commandReader(): ReaderPool {
  if (!shared) {
    shared = new ReaderPool({ ...readerConfig(), workers: 1 });
    atCommandEnd(closeCommandReader);
  }
  return shared;
}

export async function closeCommandReader(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

/**
 * Plain text up to this size is decoded in the command's own process (or a parse thread), not in
 * the reader. Decoding is one linear pass over the bytes, with nothing an untrusted file can make
 * explode (no archive, no page tree, no font), and the parser reads the text in this process
 * anyway; a .docx, a PDF or anything else still goes to the reader, with its memory and time
 * caps. The round trip to the reader cost more than decoding: it held batch parsing of text to
 * 500 documents/s.
 */
export const INLINE_TEXT_BYTES = 1024 * 1024;

export function isInlineText(bytes: Uint8Array, fileName: string): boolean {
  return bytes.length <= INLINE_TEXT_BYTES && detectFormat(bytes, fileName) === "text";
}

/** A file's bytes (standard input for "-"), or why they could not be read. Never throws. */
export async function readBytes(path: string): Promise<Uint8Array | ReadResult> {
  try {
    if (path === "-") {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
    // One file at a time, so a synchronous read: a promise's trips through the thread pool
    // (stat, open, read, close) cost more than reading a small file.
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return failed("FILE_NOT_FOUND", "File not found.");
    if (code === "EISDIR") return failed("IS_DIRECTORY", "Is a directory.");
    return failed("FILE_UNREADABLE", `Cannot read the file: ${(error as Error).message}`);
  }
}

/** Extracts the text of bytes read from `path`: small plain text here, the rest in the reader. */
export async function extractBytes(bytes: Uint8Array, path: string): Promise<ReadResult> {
  const extracted = isInlineText(bytes, path)
    ? await extractText(bytes, path, readerLimits())
    : await commandReader().extractText(bytes, path);
  return readResult(extracted);
}

/** Reads a file (or standard input for "-") and extracts its text. Never throws. */
export async function readDocument(path: string): Promise<ReadResult> {
  const bytes = await readBytes(path);
  return bytes instanceof Uint8Array ? extractBytes(bytes, path) : bytes;
}

function failed(code: string, message: string): ReadResult {
  const notes = [{ code, message, fatal: true }];
  return { ok: false, text: "", notes, extracted: { text: "", format: "text", notes } };
}
