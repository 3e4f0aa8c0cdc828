import { readFile, stat } from "node:fs/promises";
import { ReaderPool, type ExtractNote, type ExtractedText } from "@vanthu/extract";
import { loadReaderConfig } from "@vanthu/server";

let shared: ReaderPool | null = null;

/**
 * The command's reader pool, started on the first file and kept for the next ones (a worker
 * takes about a second to start; a small file then takes under a millisecond). Limits come from
 * the same variables as the server's (MAX_PDF_PAGES, READER_MEMORY_MB, ...).
 */
export function commandReader(): ReaderPool {
  shared ??= new ReaderPool({ ...loadReaderConfig(), workers: 1 });
  return shared;
}

export async function closeCommandReader(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

export interface ReadResult {
  ok: boolean;
  text: string;
  notes: ExtractNote[];
  /** What the reader gave (text, format, sources per page), for parseExtracted. */
  extracted: ExtractedText;
}

/** Reads a file (or standard input for "-") and extracts its text. Never throws. */
export async function readDocument(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    if (path === "-") {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      bytes = Buffer.concat(chunks);
    } else {
      const info = await stat(path);
      if (info.isDirectory()) return failed("IS_DIRECTORY", "Is a directory.");
      bytes = await readFile(path);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return failed("FILE_NOT_FOUND", "File not found.");
    if (code === "EISDIR") return failed("IS_DIRECTORY", "Is a directory.");
    return failed("FILE_UNREADABLE", `Cannot read the file: ${(error as Error).message}`);
  }
  const extracted = await commandReader().extractText(bytes, path);
  return {
    ok: !extracted.notes.some((n) => n.fatal),
    text: extracted.text,
    notes: extracted.notes,
    extracted,
  };
}

function failed(code: string, message: string): ReadResult {
  const notes = [{ code, message, fatal: true }];
  return { ok: false, text: "", notes, extracted: { text: "", format: "text", notes } };
}
