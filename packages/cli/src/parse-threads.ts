/**
 * A few worker threads that read and parse plain text for `vanthu parse` over many files. They
 * run what this thread would (readFileSync, decodeText, parseDocument, the JSON line or the
 * summary): plain text is decoded in the command's process within INLINE_TEXT_BYTES
 * (read-file.ts says why), and a .docx, a PDF, standard input or anything else is handed back
 * (null) for the command to read, in the isolated reader. A thread that fails hands back its
 * whole batch, and the command parses those files itself.
 *
 * Files go to a thread by batches, and come back one message per batch: the output of a batch
 * as one buffer of UTF-8 when asked for bytes. A message each way per file, and the event on each
 * side, cost about as much as decoding the file.
 */
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExtractLimits } from "@vanthu/extract";
import type { ParseOutput } from "./parse-output.ts";

export interface ParseBatch {
  files: string[];
  json: boolean;
  /**
   * The output also as UTF-8 bytes, moved to this thread rather than copied: the command writes
   * them as they are, and encoding thousands of lines no longer falls on its one thread.
   */
  encode: boolean;
}

export interface ParseRequest extends ParseBatch {
  id: number;
}

/** A file's output as a thread sends it: its line's bytes as a range of the batch's `bytes`. */
export interface ThreadOutput extends ParseOutput {
  range?: [number, number];
}

export type ParseReply =
  | { id: number; outputs: Array<ThreadOutput | null>; bytes?: Uint8Array }
  | { id: number; error: string };

/**
 * From the sources, a boot file that registers tsx first; from the build (scripts/build-cli.ts),
 * the built thread beside the running bundle (`import.meta.url` names this source file there,
 * `import.meta.filename` the file that runs).
 */
const ENTRY = import.meta.filename.endsWith(".ts")
  ? new URL("./parse-thread-boot.mjs", import.meta.url)
  : new URL("./parse-thread.js", pathToFileURL(import.meta.filename));

export interface ParseThreads {
  readonly size: number;
  /**
   * The outputs of a batch of files, in its order (`bytes` of each a view of one buffer for the
   * batch); null for a file the thread does not take, and for all of them when it failed.
   */
  parseFiles(batch: ParseBatch): Promise<Array<ParseOutput | null>>;
  close(): Promise<void>;
}

interface Waiting {
  files: number;
  resolve: (outputs: Array<ParseOutput | null>) => void;
}

interface Thread {
  worker: Worker;
  waiting: Map<number, Waiting>;
  /** Files sent and not yet back. */
  queued: number;
  alive: boolean;
}

export function startParseThreads(limits: Partial<ExtractLimits>, size: number): ParseThreads {
  let nextId = 1;
  const none = (n: number): null[] => Array.from({ length: n }, () => null);
  const threads: Thread[] = Array.from({ length: size }, () => {
    // The parent's flags (--test, --cpu-prof, --import) are not the thread's.
    const worker = new Worker(ENTRY, { workerData: { limits }, execArgv: [] });
    const thread: Thread = { worker, waiting: new Map(), queued: 0, alive: true };
    const fail = (): void => {
      thread.alive = false;
      for (const w of thread.waiting.values()) w.resolve(none(w.files));
      thread.waiting.clear();
      thread.queued = 0;
    };
    worker.on("message", (reply: ParseReply) => {
      const waiting = thread.waiting.get(reply.id);
      if (!waiting) return;
      thread.waiting.delete(reply.id);
      thread.queued -= waiting.files;
      waiting.resolve("outputs" in reply ? withBytes(reply) : none(waiting.files));
    });
    worker.on("error", fail);
    worker.on("exit", fail);
    return thread;
  });
  return {
    size,
    parseFiles(batch) {
      let best: Thread | null = null;
      for (const t of threads) if (t.alive && (!best || t.queued < best.queued)) best = t;
      if (!best) return Promise.resolve(none(batch.files.length));
      const id = nextId++;
      const thread = best;
      thread.queued += batch.files.length;
      return new Promise((resolve) => {
        thread.waiting.set(id, { files: batch.files.length, resolve });
        thread.worker.postMessage({ id, ...batch } satisfies ParseRequest);
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}

function withBytes(reply: {
  outputs: Array<ThreadOutput | null>;
  bytes?: Uint8Array;
}): Array<ParseOutput | null> {
  return reply.outputs.map((output) => {
    if (!output?.range) return output;
    const { range, ...rest } = output;
    return { ...rest, bytes: reply.bytes!.subarray(range[0], range[1]) };
  });
}
