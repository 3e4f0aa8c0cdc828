/**
 * The work a reader worker does, by name. The pool and the worker speak one protocol: a request
 * `{ id, kind, input }`, a reply `{ id, ok, output | error, heapMb }`. A new kind of work (OCR of a
 * scanned page, say) is one more entry here; the pool needs no change.
 *
 * Work of a package above extract (edXML packages: @vanthu/edxml, which uses extract and so cannot
 * be imported here) comes as a task module: a module whose `readerTasks` export is a table of
 * the same shape, named by its URL when the pool is made (`ReaderOptions.taskModules`); every
 * reader imports it before it says it is ready, and `ReaderPool.runTask(task, input)` runs one of
 * its tasks under the same heap cap, time limit and queue as extractText.
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

/**
 * A task of a task module: the module's URL (as given in `taskModules`) and the task's name in its
 * `readerTasks`; `I` and `O` are its input and output, for the caller's types only.
 */
export interface ReaderTask<I, O> {
  readonly module: string;
  readonly name: string;
  /** Never set: carries the types. */
  readonly types?: (input: I) => O;
}

/** What a task module exports as `readerTasks`. */
export type ReaderTaskTable = Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (input: any, progress: () => void) => Promise<unknown>
>;

/** The argument that names a task module to a reader (one each). */
export const TASK_MODULE_ARG = "--task-module=";

export interface ReaderRequest {
  id: number;
  /** A task of READER_TASKS, or of a task module. */
  kind: string;
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
