import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { detectFormat } from "@vanthu/extract";
import type { ReadResult } from "./read-result.ts";

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

/**
 * A file's bytes, or why they could not be read. Never throws. Synchronous: one file at a time,
 * a promise's trips through the thread pool (stat, open, read, close) cost more than reading a
 * small file. Here rather than in read-document.ts so that a parse thread reads its own files
 * without loading the reader's configuration.
 */
export function readFileBytes(path: string): Uint8Array | ReadResult {
  try {
    return readFileSync(path);
  } catch (error) {
    return readFailure(error);
  }
}

/** Why a file could not be read, from the error reading it. */
export function readFailure(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return failed("FILE_NOT_FOUND", "File not found.");
  if (code === "EISDIR") return failed("IS_DIRECTORY", "Is a directory.");
  return failed("FILE_UNREADABLE", `Cannot read the file: ${(error as Error).message}`);
}

export function failed(code: string, message: string): ReadResult {
  const notes = [{ code, message, fatal: true }];
  return { ok: false, text: "", notes, extracted: { text: "", format: "text", notes } };
}

/**
 * A file's bytes, read only when it is at most `max` bytes (else `tooLarge`), or the code of why
 * not (a directory, a missing or unreadable file): the commands that take untrusted files whole.
 */
export function readCapped(path: string, max: number, tooLarge: string): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return readFailure(error).notes[0]!.code;
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return "IS_DIRECTORY";
    if (stat.size > max) return tooLarge;
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (error) {
    return readFailure(error).notes[0]!.code;
  } finally {
    closeSync(fd);
  }
}
