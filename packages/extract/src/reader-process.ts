/**
 * Starting one reader: a child process (the default) or a worker thread, behind one small
 * interface so the pool does not care which.
 *
 * Why a process by default: a worker thread's heap cap (`resourceLimits`) is best effort. When the
 * heap fills in some allocation shapes (an array grown by push, as mammoth does over a flood of
 * paragraphs), V8 aborts the whole process instead of ending the worker (nodejs/node#47224).
 * Measured here: mammoth over 40 MB of empty paragraphs with a 160 MB cap took the test process
 * down with "FATAL ERROR: Reached heap limit"; at 96 MB the same file ended only the worker. A
 * child process with --max-old-space-size dies alone, whatever the shape.
 */
// extract does no I/O of its own; starting its reader as a child process is the isolation
// itself (no files, no network), hence the one exception to the layer rule.
// eslint-disable-next-line no-restricted-imports
import { fork } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { TASK_MODULE_ARG, type ReaderReply, type ReaderRequest } from "./reader-tasks.ts";

export type ReaderIsolation = "process" | "thread";

export interface ReaderHandle {
  post(message: ReaderRequest, transfer: ArrayBuffer[]): void;
  /** Keeps the parent alive while a task runs (the CLI waits for its last file). */
  ref(): void;
  unref(): void;
  terminate(): Promise<void>;
}

export interface ReaderEvents {
  message(m: ReaderReply): void;
  /**
   * The reader is gone; `oom` when it ran out of memory (`rss`: its whole process, WebAssembly
   * included, went past the cap). Called at least once, maybe twice.
   */
  died(cause: { oom: boolean; rss?: boolean; message: string }): void;
}

/**
 * The reader's entry. From the sources, a boot file that registers tsx before it loads the
 * TypeScript reader (a second of start-up); from the build (scripts/build-cli.ts), the built
 * reader, reader-worker.js, beside the running bundle. The build maps `import.meta.url` back to
 * this source file; `import.meta.filename` is the file that runs.
 */
const BOOT = import.meta.filename.endsWith(".ts")
  ? new URL("./reader-worker-boot.mjs", import.meta.url)
  : new URL("./reader-worker.js", pathToFileURL(import.meta.filename));

/** Exit status of a reader process that went past its memory cap (reader-worker.ts). */
export const RSS_EXIT = 86;

/** `taskModules`: URLs of task modules the reader imports before it is ready (reader-tasks.ts). */
export function startReader(
  isolation: ReaderIsolation,
  memoryMb: number,
  events: ReaderEvents,
  rssMb = 0,
  taskModules: readonly string[] = [],
): ReaderHandle {
  const args = taskModules.map((url) => `${TASK_MODULE_ARG}${url}`);
  return isolation === "thread"
    ? startThread(memoryMb, events, args)
    : startProcess(memoryMb, events, rssMb, args);
}

function startThread(memoryMb: number, events: ReaderEvents, args: string[]): ReaderHandle {
  const worker = new Worker(BOOT, {
    argv: args,
    // The parent's flags (--expose-gc, --max-old-space-size, --import) are not the worker's.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
  worker.on("message", (m: ReaderReply) => events.message(m));
  worker.on("error", (e: Error & { code?: string }) =>
    events.died({ oom: e.code === "ERR_WORKER_OUT_OF_MEMORY", message: e.message }),
  );
  worker.on("exit", () => events.died({ oom: false, message: "The reader stopped." }));
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

function startProcess(
  memoryMb: number,
  events: ReaderEvents,
  rssMb: number,
  args: string[],
): ReaderHandle {
  // The heap cap bounds JavaScript; the recogniser's and the renderer's WebAssembly memory is
  // outside it, so the reader also watches its whole process (`rssMb`, 0: not watched).
  const child = fork(fileURLToPath(BOOT), [...(rssMb > 0 ? [`--rss-mb=${rssMb}`] : []), ...args], {
    execArgv: [`--max-old-space-size=${memoryMb}`],
    // Structured clone over the pipe: Uint8Array arrives as Uint8Array.
    serialization: "advanced",
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  let gone = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.on("message", (m: ReaderReply) => events.message(m));
  child.on("error", (e) => events.died({ oom: false, message: e.message }));
  child.on("exit", (code, signal) => {
    gone = true;
    // V8's out-of-memory handler aborts: SIGABRT (exit status 134).
    const rss = code === RSS_EXIT;
    const oom = signal === "SIGABRT" || code === 134 || rss;
    events.died({ oom, rss, message: `The reader stopped (${signal ?? `exit ${code}`}).` });
  });
  return {
    post: (message) => {
      if (!gone && child.connected) child.send(message);
    },
    ref: () => {
      child.ref();
      child.channel?.ref();
    },
    unref: () => {
      child.unref();
      child.channel?.unref();
    },
    terminate: async () => {
      if (gone) return;
      child.ref(); // an idle reader is unreferenced: wait for it to go all the same
      child.kill("SIGKILL");
      await exited;
    },
  };
}
