/**
 * The work a reader worker does, by name. The pool and the worker speak one protocol: a request
 * `{ id, kind, input }`, a reply `{ id, ok, output | error, heapMb }`. A new kind of work (OCR of a
 * scanned page, say) is one more entry here; the pool needs no change.
 */
import { extractText, type ExtractedText } from "./extract-text.ts";
import type { ExtractLimits } from "./limits.ts";

export const READER_TASKS = {
  extractText: (input: {
    bytes: Uint8Array;
    fileName: string;
    limits: Partial<ExtractLimits>;
  }): Promise<ExtractedText> => extractText(input.bytes, input.fileName, input.limits),
};

export type ReaderTasks = typeof READER_TASKS;
export type ReaderTaskKind = keyof ReaderTasks;
export type ReaderTaskInput<K extends ReaderTaskKind> = Parameters<ReaderTasks[K]>[0];
export type ReaderTaskOutput<K extends ReaderTaskKind> = Awaited<ReturnType<ReaderTasks[K]>>;

export interface ReaderRequest {
  id: number;
  kind: ReaderTaskKind;
  input: unknown;
}

export type ReaderReply =
  | { ready: true; heapMb: number }
  | { id: number; ok: true; output: unknown; heapMb: number }
  | { id: number; ok: false; error: { code: string; message: string }; heapMb: number };
