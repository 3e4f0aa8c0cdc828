/**
 * The work a reader worker does, by name. The pool and the worker speak one protocol: a request
 * `{ id, kind, input }`, a reply `{ id, ok, output | error, heapMb }`. A new kind of work (OCR of a
 * scanned page, say) is one more entry here; the pool needs no change.
 */
import { extractText, type ExtractedText } from "./extract-text.ts";
import type { ExtractLimits } from "./limits.ts";
import { trustAnchorsFrom } from "./verify/certificates.ts";
import { verifyPdf, type VerifyLimits, type VerifyResult } from "./verify/verify-pdf.ts";

export const READER_TASKS = {
  // `progress` tells the pool the task is moving (after each page read by OCR): the time limit
  // counts from the last sign of progress, so a long scan gets its time page by page.
  extractText: (
    input: {
      bytes: Uint8Array;
      fileName: string;
      limits: Partial<ExtractLimits>;
    },
    progress: () => void = () => {},
  ): Promise<ExtractedText> =>
    extractText(input.bytes, input.fileName, input.limits, { onPage: progress }),
  // Every signature of a PDF, checked against the trust anchors given (DER certificates, as the
  // admin configured them), judged at `now` where a signature carries no time.
  verifyPdf: async (input: {
    bytes: Uint8Array;
    anchors: Uint8Array[];
    now: Date;
    limits?: Partial<VerifyLimits>;
  }): Promise<VerifyResult> =>
    verifyPdf(input.bytes, {
      trustAnchors: input.anchors.flatMap((der) => trustAnchorsFrom(der)),
      now: input.now,
      limits: input.limits,
    }),
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
  | { id: number; progress: true }
  | { id: number; ok: true; output: unknown; heapMb: number; rssMb?: number }
  | {
      id: number;
      ok: false;
      error: { code: string; message: string };
      heapMb: number;
      rssMb?: number;
    };
