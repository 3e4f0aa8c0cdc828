/**
 * A few worker threads that parse plain text for `vanthu parse` over many files. They run what
 * this thread would (decodeText, parseDocument, the JSON line or the summary): plain text is
 * decoded in the command's process within INLINE_TEXT_BYTES (read-document.ts says why), and
 * a .docx, a PDF or anything else still goes to the isolated reader. A thread that fails hands
 * its files back (null), and the command parses them itself.
 */
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ExtractLimits } from "@vanthu/extract";
import type { ParseOutput } from "./parse-output.ts";

export interface ParseJob {
  file: string;
  bytes: Uint8Array;
  json: boolean;
  /**
   * The output also as UTF-8 bytes, moved to this thread rather than copied: the command writes
   * them as they are, and encoding thousands of lines no longer falls on its one thread.
   */
  encode: boolean;
}

export interface ParseRequest extends ParseJob {
  id: number;
}

export type ParseReply = { id: number; output: ParseOutput } | { id: number; error: string };

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
  /** The output for a plain text file, or null when its thread failed. */
  parseText(job: ParseJob): Promise<ParseOutput | null>;
  close(): Promise<void>;
}

interface Thread {
  worker: Worker;
  waiting: Map<number, (output: ParseOutput | null) => void>;
  alive: boolean;
}

export function startParseThreads(limits: Partial<ExtractLimits>, size: number): ParseThreads {
  let nextId = 1;
  const threads: Thread[] = Array.from({ length: size }, () => {
    // The parent's flags (--test, --cpu-prof, --import) are not the thread's.
    const worker = new Worker(ENTRY, { workerData: { limits }, execArgv: [] });
    const thread: Thread = { worker, waiting: new Map(), alive: true };
    const fail = (): void => {
      thread.alive = false;
      for (const resolve of thread.waiting.values()) resolve(null);
      thread.waiting.clear();
    };
    worker.on("message", (reply: ParseReply) => {
      const resolve = thread.waiting.get(reply.id);
      thread.waiting.delete(reply.id);
      resolve?.("output" in reply ? reply.output : null);
    });
    worker.on("error", fail);
    worker.on("exit", fail);
    return thread;
  });
  return {
    size,
    parseText(job) {
      let best: Thread | null = null;
      for (const t of threads)
        if (t.alive && (!best || t.waiting.size < best.waiting.size)) best = t;
      if (!best) return Promise.resolve(null);
      const id = nextId++;
      const thread = best;
      return new Promise((resolve) => {
        thread.waiting.set(id, resolve);
        thread.worker.postMessage({ id, ...job } satisfies ParseRequest);
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
