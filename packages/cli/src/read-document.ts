import { ReaderPool, extractText, type ExtractLimits } from "@vanthu/extract";
// The configuration alone (zod): the server itself, its database and PGlite stay unloaded.
import { loadReaderConfig } from "@vanthu/server/config";
import { atCommandEnd } from "./cleanup.ts";
import { isInlineText, readFailure, readFileBytes } from "./read-file.ts";
import { readResult, type ReadResult } from "./read-result.ts";

export type { ReadResult } from "./read-result.ts";
export { INLINE_TEXT_BYTES, isInlineText } from "./read-file.ts";

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

/** A file's bytes (standard input for "-"), or why they could not be read. Never throws. */
export async function readBytes(path: string): Promise<Uint8Array | ReadResult> {
  try {
    if (path === "-") {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
  } catch (error) {
    return readFailure(error);
  }
  return readFileBytes(path);
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
